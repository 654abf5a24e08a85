"""Responses with personal data carry Cache-Control: no-store; the public open data does not."""

import pytest
from rest_framework.test import APIClient


def _niet_opslaan(antwoord):
    return "no-store" in antwoord.get("Cache-Control", "")


@pytest.mark.django_db
@pytest.mark.parametrize("pad", ["/", "/verwerkingen/", "/verzoeken/", "/datalekken/", "/verwerkingen/export.csv"])
def test_personeelspaginas_worden_niet_opgeslagen(client, wereld, pad):
    client.force_login(wereld["privacy_officer"])
    antwoord = client.get(pad)
    assert antwoord.status_code == 200 and _niet_opslaan(antwoord)


@pytest.mark.django_db
def test_api_antwoorden_worden_niet_opgeslagen_behalve_de_open_data(wereld):
    api = APIClient()
    assert _niet_opslaan(api.get("/api/v1/verzoeken"))  # 401, still not stored
    api.force_authenticate(wereld["privacy_officer"])
    assert _niet_opslaan(api.get("/api/v1/verzoeken"))
    assert _niet_opslaan(api.get("/api/v1/verwerkingen"))
    open_data = APIClient().get("/api/v1/openbaar/verwerkingen?gemeente=voorbeeldstad")
    assert open_data.status_code == 200 and not _niet_opslaan(open_data)


@pytest.mark.django_db
def test_openbare_pagina_mag_wel_opgeslagen_het_verzoekformulier_niet(client, wereld):
    assert not _niet_opslaan(client.get("/register/voorbeeldstad/"))
    assert _niet_opslaan(client.get("/register/voorbeeldstad/verzoek/"))
    assert _niet_opslaan(client.get("/register/voorbeeldstad/verzoek/bevestigen/verzonnen/"))
