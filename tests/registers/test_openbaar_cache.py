"""The public register and its open data: cached per gemeente until a verwerking is approved or
archived, working without cache when Redis is down, streamed downloads, few queries at any size."""

import json

import pytest
from django.db import connection
from django.http import StreamingHttpResponse
from django.test.utils import CaptureQueriesContext

from registers import services
from registers.constants import Status

from ..factories import maak_verwerking

PAGINA = "/register/voorbeeldstad/"
DOWNLOADS = ("/register/voorbeeldstad/verwerkingen.csv", "/register/voorbeeldstad/verwerkingen.json")
API = "/api/v1/openbaar/verwerkingen?gemeente=voorbeeldstad"


def _vastgesteld(wereld, naam, capture):
    po = wereld["privacy_officer"]
    with capture(execute=True):  # the cache is renewed when the approval commits
        return maak_verwerking(
            team=wereld.team, vv=wereld.vv, door=po, goedkeurder=po, status=Status.VASTGESTELD, naam=naam
        )


def _haal(client, pad):
    with CaptureQueriesContext(connection) as ctx:
        antwoord = client.get(pad)
        tekst = antwoord.getvalue().decode("utf-8-sig")
    assert antwoord.status_code == 200, pad
    return antwoord, tekst, len(ctx.captured_queries)


@pytest.mark.django_db
def test_pagina_en_downloads_uit_de_cache_tot_een_verwerking_is_vastgesteld_of_gearchiveerd(
    client, wereld, django_capture_on_commit_callbacks
):
    eerste = _vastgesteld(wereld, "Leerlingenvervoer", django_capture_on_commit_callbacks)
    for pad in (PAGINA, API, *DOWNLOADS):
        _, tekst, koud = _haal(client, pad)
        assert "Leerlingenvervoer" in tekst
        _, _, warm = _haal(client, pad)
        assert warm < koud and warm <= 4, f"{pad}: {warm} queries uit de cache"  # gemeente, teams, savepoint

    _vastgesteld(wereld, "Parkeervergunningen", django_capture_on_commit_callbacks)
    for pad in (PAGINA, API, *DOWNLOADS):
        assert "Parkeervergunningen" in _haal(client, pad)[1], pad

    with django_capture_on_commit_callbacks(execute=True):
        services.verwerking_archiveren(verwerking=eerste, door=wereld["privacy_officer"])
    for pad in (PAGINA, API, *DOWNLOADS):
        assert "Leerlingenvervoer" not in _haal(client, pad)[1], pad


@pytest.mark.django_db
def test_zonder_cache_werken_pagina_api_en_downloads(client, wereld, settings, django_capture_on_commit_callbacks):
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": "redis://127.0.0.1:1/9"}
    }  # nothing listens there: Redis is down
    _vastgesteld(wereld, "Leerlingenvervoer", django_capture_on_commit_callbacks)
    for pad in (PAGINA, API, *DOWNLOADS):
        assert "Leerlingenvervoer" in _haal(client, pad)[1], pad
        assert "Leerlingenvervoer" in _haal(client, pad)[1], pad


@pytest.mark.django_db
def test_downloads_stromen_compact(client, wereld, django_capture_on_commit_callbacks):
    _vastgesteld(wereld, "Leerlingenvervoer", django_capture_on_commit_callbacks)
    for pad in DOWNLOADS:
        assert isinstance(client.get(pad), StreamingHttpResponse), pad
    tekst = _haal(client, DOWNLOADS[1])[1]
    assert json.loads(tekst)["verwerkingen"][0]["naam"] == "Leerlingenvervoer"
    assert "\n" not in tekst and '", "' not in tekst  # compact JSON


@pytest.mark.django_db
def test_hoogstens_twaalf_queries_en_evenveel_bij_3_en_bij_28_verwerkingen(
    client, wereld, django_capture_on_commit_callbacks
):
    paden = (PAGINA, f"{PAGINA}?pagina=2", f"{PAGINA}?team={wereld.team.naam}", API, *DOWNLOADS)

    def tellingen():
        resultaat = {}
        for pad in paden:
            _vastgesteld(wereld, f"Nieuw voor {pad}", django_capture_on_commit_callbacks)  # no cached page
            resultaat[pad] = _haal(client, pad)[2]
        return resultaat

    for i in range(3 - len(paden) % 3):
        _vastgesteld(wereld, f"V{i:02d}", django_capture_on_commit_callbacks)
    klein = tellingen()
    for i in range(28 - 2 * len(paden)):
        _vastgesteld(wereld, f"W{i:02d}", django_capture_on_commit_callbacks)
    groot = tellingen()
    assert groot == klein
    assert max(groot.values()) <= 12, groot
