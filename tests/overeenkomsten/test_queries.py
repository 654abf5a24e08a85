"""List pages and API lists keep a flat number of queries as the register grows."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

from overeenkomsten.constants import Soort
from registers.constants import Status

from ..factories import maak_verwerking
from .hulp import maak_overeenkomst, pdf


def _aantal_queries(fn):
    with CaptureQueriesContext(connection) as ctx:
        antwoord = fn()
    assert antwoord.status_code == 200
    return len(ctx.captured_queries)


def _vul(wereld, client, aantal, start, verwerking):
    po = wereld["privacy_officer"]
    for i in range(aantal):
        team = wereld.team if i % 2 else wereld.ander_team
        soort = Soort.CONVENANT if i % 3 == 0 else Soort.VERWERKERSOVEREENKOMST
        ovk = maak_overeenkomst(
            door=po,
            team=team,
            soort=soort,
            onderwerp=f"O{start + i:03d}",
            partijen=[f"Partij {i}", f"Andere {i}"],
            verwerkingen=[verwerking],
            openbaar=soort == Soort.CONVENANT,
        )
        client.post(f"/overeenkomsten/{ovk.uuid}/document/uploaden/", {"document": pdf()})


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("pagina", "rol"),
    [
        ("/overeenkomsten/", "privacy_officer"),
        ("/overeenkomsten/", "teammanager"),
        ("/overeenkomsten/export.csv", "privacy_officer"),
        ("/api/v1/overeenkomsten", "privacy_officer"),
        ("/api/v1/overeenkomsten", "college"),  # no document right: one check per team, not per row
        ("/register/voorbeeldstad/convenanten/", None),
        ("{verwerking}", "privacy_officer"),
    ],
)
def test_aantal_queries_groeit_niet_met_het_register(client, wereld, pagina, rol):
    po = wereld["privacy_officer"]
    verwerking = maak_verwerking(team=wereld.team, vv=wereld.vv, door=po, status=Status.CONCEPT)
    pagina = pagina.format(verwerking=f"/verwerkingen/{verwerking.uuid}/")
    client.force_login(po)
    api = APIClient()
    if rol:
        api.force_authenticate(wereld[rol])
    kijker = client.__class__()
    if rol:
        kijker.force_login(wereld[rol])
    haal = (lambda: api.get(pagina)) if pagina.startswith("/api/") else (lambda: kijker.get(pagina))
    _vul(wereld, client, 3, 0, verwerking)
    haal()  # warm the process-wide caches (content types) first
    klein = _aantal_queries(haal)
    _vul(wereld, client, 15, 100, verwerking)
    groot = _aantal_queries(haal)
    assert groot == klein, f"{pagina}: {klein} queries bij 3 overeenkomsten, {groot} bij 18"
