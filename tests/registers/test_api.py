"""The API follows the NL API Design Rules and the same permissions as the pages."""

import pytest
from rest_framework.test import APIClient

from privacy_portal.core.api_sleutels import sleutel_maken
from registers.constants import Status
from registers.models import Verwerking

from ..factories import maak_verwerking


@pytest.fixture
def api(wereld):
    client = APIClient()
    client.force_authenticate(wereld["privacy_officer"])
    return client


def _nieuw(wereld, **extra):
    body = {
        "gemeente": "voorbeeldstad",
        "team": str(wereld.team.uuid),
        "verwerkingsverantwoordelijke": str(wereld.vv.uuid),
        "naam": "Leerplicht",
        "doeleinden": "Toezien op de leerplicht.",
        "grondslagen": ["c"],
        "categorieenBetrokkenen": "Leerlingen en ouders",
        "bijzondereCategorieen": [],
        "beveiligingsmaatregelen": "Rollen",
        "interneNotitie": "intern",
    }
    body.update(extra)
    return body


@pytest.mark.django_db
def test_aanmaken_in_camelcase_en_lezen_met_versie_en_volledigheid(api, wereld):
    antwoord = api.post("/api/v1/verwerkingen", _nieuw(wereld), format="json")
    assert antwoord.status_code == 201, antwoord.content
    data = antwoord.json()
    assert data["status"] == "concept" and data["versie"] is None
    assert data["categorieenBetrokkenen"] == "Leerlingen en ouders"
    assert 0 < data["volledigheid"] < 100 and "bewaartermijn" in data["ontbrekendeVelden"]
    assert antwoord["API-Version"] == "1.0.0"


@pytest.mark.django_db
def test_ongeldige_invoer_geeft_400_problem_json_met_alle_velden_en_slaat_niets_op(api, wereld):
    antwoord = api.post(
        "/api/v1/verwerkingen",
        _nieuw(wereld, team="00000000-0000-0000-0000-000000000000", grondslagen=["z"], naam=""),
        format="json",
    )
    assert antwoord.status_code == 400
    assert antwoord["Content-Type"] == "application/problem+json"
    body = antwoord.json()
    assert body["status"] == 400 and body["title"]
    namen = {p["name"] for p in body["invalidParams"]}
    assert {"team", "naam"} <= namen and any(n.startswith("grondslagen") for n in namen)
    assert Verwerking.objects.count() == 0


@pytest.mark.django_db
def test_team_van_een_andere_gemeente_wordt_geweigerd(api, wereld):
    antwoord = api.post("/api/v1/verwerkingen", _nieuw(wereld, team=str(wereld.team_elders.uuid)), format="json")
    assert antwoord.status_code == 400
    assert Verwerking.objects.count() == 0


@pytest.mark.django_db
def test_acties_en_historie(api, wereld):
    verwerking = maak_verwerking(team=wereld.team, vv=wereld.vv, door=wereld["teammanager"])
    url = f"/api/v1/verwerkingen/{verwerking.uuid}"
    assert api.post(f"{url}/goedkeuren").status_code == 409  # not yet submitted
    teammanager = APIClient()
    teammanager.force_authenticate(wereld["teammanager"])
    assert teammanager.post(f"{url}/indienen").status_code == 200
    assert api.post(f"{url}/afwijzen", {}, format="json").status_code == 400  # a reason is required
    goedgekeurd = api.post(f"{url}/goedkeuren").json()
    assert goedgekeurd["status"] == "vastgesteld" and goedgekeurd["versie"]
    historie = api.get(f"{url}/historie").json()
    assert [regel["reden"] for regel in historie][:2] == ["Vastgesteld als versie 1", "Ter beoordeling ingediend"]


@pytest.mark.django_db
def test_wijzigen_van_een_vastgestelde_maakt_een_concept_en_de_versie_blijft(api, wereld):
    po = wereld["privacy_officer"]
    verwerking = maak_verwerking(team=wereld.team, vv=wereld.vv, door=po, goedkeurder=po, status=Status.VASTGESTELD)
    data = api.patch(
        f"/api/v1/verwerkingen/{verwerking.uuid}", {"doeleinden": "Nieuw", "reden": "Wet gewijzigd"}, format="json"
    ).json()
    assert data["status"] == "concept" and data["versie"] == str(verwerking.gepubliceerde_versie.uuid)


@pytest.mark.django_db
def test_filters_in_camelcase(api, wereld):
    maak_verwerking(
        team=wereld.team, vv=wereld.vv, door=wereld["teammanager"], naam="Wmo", bijzondere_categorieen=["gezondheid"]
    )
    maak_verwerking(
        team=wereld.ander_team, vv=wereld.vv, door=wereld["privacy_officer"], naam="Hond", grondslagen=["e"]
    )
    namen = lambda q: [v["naam"] for v in api.get(f"/api/v1/verwerkingen?{q}").json()["results"]]  # noqa: E731
    assert namen("bijzondereGegevens=true") == ["Wmo"]
    assert namen("grondslag=e") == ["Hond"]
    assert namen(f"team={wereld.ander_team.uuid}") == ["Hond"]
    assert namen("zoek=wmo") == ["Wmo"]


@pytest.mark.django_db
def test_nl_api_regels_openapi_en_geen_trailing_slash(api):
    openapi = api.get("/api/v1/openapi.json")
    assert openapi.status_code == 200 and openapi["API-Version"] == "1.0.0"
    schema = openapi.json()
    assert schema["openapi"].startswith("3.0")
    assert "/api/v1/verwerkingen/{uuid}/goedkeuren" in schema["paths"]
    assert "categorieenBetrokkenen" in schema["components"]["schemas"]["Verwerking"]["properties"]
    slash = api.get("/api/v1/verwerkingen/")
    assert slash.status_code == 404 and slash["Content-Type"] == "application/problem+json"


@pytest.mark.django_db
def test_zonder_inloggen_401_en_token_werkt(wereld):
    anoniem = APIClient()
    antwoord = anoniem.get("/api/v1/verwerkingen")
    assert antwoord.status_code == 401 and antwoord["Content-Type"] == "application/problem+json"
    _, sleutel = sleutel_maken(gebruiker=wereld["fg"], naam="Koppeling")
    anoniem.credentials(HTTP_AUTHORIZATION=f"Token {sleutel}")
    assert anoniem.get("/api/v1/verwerkingen").status_code == 200


@pytest.mark.django_db
def test_openbare_api_toont_alleen_vastgestelde_versies_en_openbare_velden(wereld):
    po = wereld["privacy_officer"]
    maak_verwerking(team=wereld.team, vv=wereld.vv, door=po, goedkeurder=po, status=Status.VASTGESTELD, naam="Openbaar")
    maak_verwerking(team=wereld.team, vv=wereld.vv, door=po, naam="Nog concept")
    antwoord = APIClient().get("/api/v1/openbaar/verwerkingen?gemeente=voorbeeldstad")
    assert antwoord.status_code == 200
    resultaten = antwoord.json()["results"]
    assert [r["naam"] for r in resultaten] == ["Openbaar"]
    tekst = antwoord.content.decode()
    for intern in ("GEHEIM-INTERN-NOTITIE", "Leverancier X", "Toegang op basis van rollen", po.username):
        assert intern not in tekst
    assert APIClient().get("/api/v1/openbaar/verwerkingen").status_code == 400


@pytest.mark.django_db
def test_gemeenten_en_teams(api, wereld):
    gemeenten = api.get("/api/v1/gemeenten").json()["results"]
    assert [g["slug"] for g in gemeenten] == ["voorbeeldstad"]  # only where the user has a role
    teams = api.get("/api/v1/teams?gemeente=voorbeeldstad").json()["results"]
    assert {t["naam"] for t in teams} == {"Burgerzaken", "Sociaal Domein"}
