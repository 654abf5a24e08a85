"""Bad query parameters never give a 500: NUL bytes, malformed uuids, absurd page numbers.

Every page and API list reads its query parameters through `privacy_portal.core.parameters` (and
the API's paging through `core.api.Paginering`); these cases try the bad input on each of them.
"""

import pytest
from rest_framework.test import APIClient

from ..wereld import bouw_wereld, ververs

# Each value goes into every parameter of a page at once (one request per page and value).
ONZIN = ["%00", "nonsense", "99999999999999999999", "%C2%B2", "x" * 3000]

PERSONEEL = [
    ("/verwerkingen/", ["zoek", "status", "team", "gemeente", "pagina", "import", "periodeVan", "peildatum"]),
    ("/verwerkingen/export.csv", ["gemeente", "status"]),
    ("/datalekken/", ["zoek", "status", "gemeente", "pagina", "periodeVan", "periodeTot"]),
    ("/datalekken/nieuw/", ["gemeente"]),
    ("/dpia/", ["zoek", "status", "pagina", "peildatum"]),
    ("/dpia/nieuw/", ["verwerking"]),
    ("/verzoeken/", ["zoek", "status", "pagina", "peildatum"]),
    ("/verzoeken/registreren/", ["gemeente"]),
    ("/verzoeken/taken/", ["toon", "pagina"]),
    ("/overeenkomsten/", ["zoek", "status", "pagina", "peildatum"]),
    ("/overeenkomsten/nieuw/", ["gemeente", "verwerking"]),
    ("/dashboard/", ["gemeente", "periodeVan", "periodeTot"]),
    ("/dashboard/rapportages/nieuw/", ["soort", "gemeente", "jaar"]),
    ("/dashboard/rapportages/", ["pagina"]),
    ("/meldingen/", ["pagina", "soort", "ongelezen"]),
]
OPENBAAR = [
    ("/register/voorbeeldstad/", ["zoek", "team", "grondslag", "bijzonder", "pagina"]),
]
API = [
    ("/api/v1/verwerkingen", ["page", "pageSize", "gemeente", "status", "team"]),
    ("/api/v1/datalekken", ["page", "pageSize", "gemeente", "status"]),
    ("/api/v1/verzoeken", ["page", "pageSize", "gemeente", "status"]),
    ("/api/v1/dpias", ["page", "pageSize"]),
    ("/api/v1/overeenkomsten", ["page", "pageSize"]),
    ("/api/v1/openbaar/verwerkingen", ["gemeente", "page", "pageSize", "zoek"]),
]


@pytest.fixture(scope="module")
def gedeeld(module_db):
    return module_db.bouw(bouw_wereld)


@pytest.fixture
def w(gedeeld, db):
    return ververs(gedeeld)


def _gevallen(lijst):
    return [
        pytest.param(pad, "&".join(f"{naam}={waarde}" for naam in namen), id=f"{pad}-{nummer}")
        for pad, namen in lijst
        for nummer, waarde in enumerate(ONZIN)
    ]


@pytest.mark.parametrize(("pad", "query"), _gevallen(PERSONEEL))
def test_personeelspagina_geeft_geen_500(client, w, pad, query):
    client.force_login(w["privacy_officer"])
    assert client.get(f"{pad}?{query}").status_code < 500


@pytest.mark.parametrize(("pad", "query"), _gevallen(OPENBAAR))
def test_openbare_pagina_geeft_geen_500(client, w, pad, query):
    assert client.get(f"{pad}?{query}").status_code < 500


@pytest.mark.parametrize(("pad", "query"), _gevallen(API))
def test_api_geeft_geen_500(w, pad, query):
    api = APIClient()
    api.force_authenticate(w["privacy_officer"])
    antwoord = api.get(f"{pad}?{query}")
    assert antwoord.status_code < 500
    if antwoord.status_code >= 400:
        assert antwoord["Content-Type"] == "application/problem+json"


@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ("page=99999999999999999999", "page"),
        ("page=0", "page"),
        ("page=-3", "page"),
        ("page=abc", "page"),
        ("page=7", "page"),  # past the last page
        ("pageSize=abc", "pageSize"),
        ("pageSize=0", "pageSize"),
        ("pageSize=%00", "pageSize"),
    ],
)
def test_api_paginering_onzin_is_400_met_de_parameter(w, query, parameter):
    api = APIClient()
    api.force_authenticate(w["privacy_officer"])
    antwoord = api.get(f"/api/v1/verwerkingen?{query}")
    assert antwoord.status_code == 400 and antwoord["Content-Type"] == "application/problem+json"
    assert [p["name"] for p in antwoord.json()["invalidParams"]] == [parameter]


def test_api_paginering_grote_pagina_wordt_500(w):
    api = APIClient()
    api.force_authenticate(w["privacy_officer"])
    antwoord = api.get("/api/v1/verwerkingen?pageSize=100000&page=1")
    assert antwoord.status_code == 200 and "results" in antwoord.json()


def test_zoeken_met_nul_byte_op_de_openbare_pagina_zoekt_zonder(client, w):
    antwoord = client.get("/register/voorbeeldstad/?zoek=pas%00poort")
    assert antwoord.status_code == 200
    assert 'value="paspoort"' in antwoord.content.decode()


def test_onzin_uuid_bij_nieuwe_dpia_geeft_een_leeg_formulier(client, w):
    client.force_login(w["privacy_officer"])
    assert client.get("/dpia/nieuw/?verwerking=nonsense").status_code == 200


def test_onzin_jaar_bij_een_nieuw_jaarverslag(client, w):
    client.force_login(w["fg"])
    for jaar in ("%C2%B2", "99999999999999999999", "%00", "1e3"):
        assert client.get(f"/dashboard/rapportages/nieuw/?soort=jaarverslag&jaar={jaar}").status_code == 200
