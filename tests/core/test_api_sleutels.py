"""API keys: made on a page and shown once, stored as a hash, expiring, read-only or read-write,
revoked by their user; the old plain-text tokens become hashed keys."""

import hashlib
import importlib
from datetime import timedelta
from types import SimpleNamespace

import pytest
from django.core.management import call_command
from django.db import connection
from django.utils import timezone
from rest_framework.test import APIClient

from privacy_portal.core.api_sleutels import sleutel_maken
from privacy_portal.core.models import ApiSleutel

LEZEN, SCHRIJVEN = ApiSleutel.Bereik.LEZEN, ApiSleutel.Bereik.LEZEN_EN_SCHRIJVEN


def _api(sleutel):
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {sleutel}")
    return api


def _alle_kolommen_als_tekst():
    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM core_apisleutel")
        rijen = cursor.fetchall()
        cursor.execute("SELECT * FROM core_historicalapisleutel")
        rijen += cursor.fetchall()
    return " ".join(str(waarde) for rij in rijen for waarde in rij)


@pytest.mark.django_db
def test_de_pagina_toont_een_nieuwe_sleutel_een_keer_en_bewaart_alleen_de_hash(client, wereld):
    client.force_login(wereld["privacy_officer"])
    antwoord = client.post("/api-sleutels/", {"naam": "Zaaksysteem", "bereik": "lezen", "geldig_dagen": "90"})
    assert antwoord.status_code == 200 and "no-store" in antwoord["Cache-Control"]
    tekst = antwoord.content.decode()
    sleutel = tekst.split('id="nieuwe-sleutel"', 1)[1].split('value="', 1)[1].split('"', 1)[0]
    assert sleutel.startswith("pp_") and len(sleutel) > 40 and "u ziet hem maar één keer" in tekst
    opgeslagen = ApiSleutel.objects.get()
    assert opgeslagen.sleutel_hash == hashlib.sha256(sleutel.encode()).hexdigest()
    assert sleutel not in _alle_kolommen_als_tekst()
    assert opgeslagen.verloopt_op.date() == (timezone.now() + timedelta(days=90)).date()
    assert opgeslagen.history.get().history_change_reason == "API-sleutel aangemaakt (alleen lezen)"
    later = client.get("/api-sleutels/").content.decode()
    assert sleutel not in later and "Zaaksysteem" in later and opgeslagen.voorvoegsel in later
    assert _api(sleutel).get("/api/v1/verwerkingen").status_code == 200


@pytest.mark.django_db
def test_een_sleutel_zonder_naam_wordt_niet_gemaakt(client, wereld):
    client.force_login(wereld["privacy_officer"])
    antwoord = client.post("/api-sleutels/", {"naam": "", "bereik": "lezen", "geldig_dagen": "7"})
    assert antwoord.status_code == 200 and 'id="nieuwe-sleutel"' not in antwoord.content.decode()
    assert not ApiSleutel.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("methode", ["post", "patch", "put", "delete"])
def test_een_leessleutel_mag_niet_schrijven(wereld, methode):
    _, sleutel = sleutel_maken(gebruiker=wereld["privacy_officer"], naam="Lezen", bereik=LEZEN)
    antwoord = getattr(_api(sleutel), methode)("/api/v1/verwerkingen", {}, format="json")
    assert antwoord.status_code == 403 and antwoord["Content-Type"] == "application/problem+json"
    assert "mag alleen lezen" in antwoord.json()["detail"]


@pytest.mark.django_db
def test_een_schrijfsleutel_mag_schrijven(wereld):
    _, sleutel = sleutel_maken(gebruiker=wereld["privacy_officer"], naam="Schrijven", bereik=SCHRIJVEN)
    antwoord = _api(sleutel).post("/api/v1/verwerkingen", {}, format="json")
    assert antwoord.status_code == 400  # past authentication and scope; the empty body is invalid


@pytest.mark.django_db
def test_verlopen_ingetrokken_en_onbekende_sleutels_werken_niet(client, wereld):
    po = wereld["privacy_officer"]
    _, verlopen = sleutel_maken(gebruiker=po, naam="Oud", nu=timezone.now() - timedelta(days=91))
    ingetrokken_obj, ingetrokken = sleutel_maken(gebruiker=po, naam="Weg")
    client.force_login(po)
    assert client.post(f"/api-sleutels/{ingetrokken_obj.uuid}/intrekken/").status_code == 302
    for sleutel in (verlopen, ingetrokken, "pp_verzonnen", ingetrokken_obj.sleutel_hash):
        antwoord = _api(sleutel).get("/api/v1/verwerkingen")
        assert antwoord.status_code == 401 and antwoord["Content-Type"] == "application/problem+json"
    ingetrokken_obj.refresh_from_db()
    assert ingetrokken_obj.ingetrokken_op and ingetrokken_obj.history.first().history_change_reason == (
        "API-sleutel ingetrokken"
    )
    assert "Ingetrokken op" in client.get("/api-sleutels/").content.decode()


@pytest.mark.django_db
def test_alleen_de_eigen_sleutel_is_te_zien_en_in_te_trekken(client, wereld):
    sleutel_obj, sleutel = sleutel_maken(gebruiker=wereld["fg"], naam="Van de FG")
    client.force_login(wereld["privacy_officer"])
    assert "Van de FG" not in client.get("/api-sleutels/").content.decode()
    assert client.post(f"/api-sleutels/{sleutel_obj.uuid}/intrekken/").status_code == 404
    assert _api(sleutel).get("/api/v1/verwerkingen").status_code == 200


@pytest.mark.django_db
def test_de_opdrachtregel_maakt_een_leessleutel(wereld, capsys):
    call_command("api_sleutel_maken", wereld["fg"].username, "--dagen", "30")
    sleutel = capsys.readouterr().out.strip()
    assert ApiSleutel.objects.get().bereik == LEZEN
    assert _api(sleutel).get("/api/v1/verwerkingen").status_code == 200


@pytest.mark.django_db
def test_oude_tokens_worden_gehasht_overgenomen_en_uit_de_oude_tabel_gewist(wereld):
    from django.apps import apps

    oud = "0123456789abcdef0123456789abcdef01234567"
    with connection.cursor() as cursor:
        tijd = "timestamp with time zone" if connection.vendor == "postgresql" else "datetime"
        cursor.execute(f"CREATE TABLE authtoken_token (key varchar(40) PRIMARY KEY, created {tijd}, user_id integer)")
        cursor.execute(
            "INSERT INTO authtoken_token (key, created, user_id) VALUES (%s, %s, %s)",
            [oud, timezone.now(), wereld["fg"].pk],
        )
    migratie = importlib.import_module("privacy_portal.core.migrations.0008_api_tokens_overnemen")
    migratie.tokens_overnemen(apps, SimpleNamespace(connection=connection))
    with connection.cursor() as cursor:
        cursor.execute("SELECT COUNT(*) FROM authtoken_token")
        assert cursor.fetchone()[0] == 0
    overgenomen = ApiSleutel.objects.get()
    assert overgenomen.bereik == SCHRIJVEN and oud not in _alle_kolommen_als_tekst()
    assert overgenomen.verloopt_op.date() == (timezone.now() + timedelta(days=90)).date()
    assert _api(oud).get("/api/v1/verwerkingen").status_code == 200
