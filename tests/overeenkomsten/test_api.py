"""/api/v1/overeenkomsten follows the NL API Design Rules and the same permissions as the pages."""

from datetime import date

import pytest
from rest_framework.test import APIClient

from overeenkomsten.models import Overeenkomst, Partij

from ..factories import alle_rollen, maak_verwerking
from .hulp import maak_overeenkomst


@pytest.fixture
def api(wereld):
    client = APIClient()
    client.force_authenticate(wereld["privacy_officer"])
    return client


def _nieuw(wereld, **extra):
    body = {
        "gemeente": "voorbeeldstad",
        "team": str(wereld.team.uuid),
        "soort": "verwerkersovereenkomst",
        "onderwerp": "Hosting zaaksysteem",
        "partijen": ["Leverancier Zaaksysteem B.V."],
        "startdatum": "2026-01-15",
        "einddatum": "2027-01-14",
        "opslagLand": "NL",
        "clausules": ["onderwerp_duur", "aard_doel"],
    }
    body.update(extra)
    return body


@pytest.mark.django_db
def test_aanmaken_in_camelcase_met_berekende_velden_die_alleen_gelezen_worden(api, wereld):
    verwerking = maak_verwerking(team=wereld.team, vv=wereld.vv, door=wereld["privacy_officer"])
    antwoord = api.post(
        "/api/v1/overeenkomsten",
        _nieuw(
            wereld,
            verwerkingen=[str(verwerking.uuid)],
            ontbrekendeClausules=[],  # read only: ignored
            volgendeReview="2030-01-01",  # read only: ignored
            subverwerkers=[{"naam": "Cloud B.V.", "opslagLand": "DE", "toestemming": True}],
        ),
        format="json",
    )
    assert antwoord.status_code == 201, antwoord.content
    data = antwoord.json()
    assert data["gemeente"] == "voorbeeldstad" and data["soort"] == "verwerkersovereenkomst"
    assert data["partijen"] == ["Leverancier Zaaksysteem B.V."]
    assert data["verwerkingen"] == [str(verwerking.uuid)]
    assert data["volgendeReview"] == "2027-01-15"
    assert len(data["ontbrekendeClausules"]) == 15 and "audits" in data["ontbrekendeClausules"]
    assert data["openbaar"] is False and data["buitenEer"] is False
    assert data["subverwerkers"] == [
        {"naam": "Cloud B.V.", "dienst": "", "opslagLand": "DE", "toestemming": True, "toestemmingOp": None}
    ]
    assert antwoord["API-Version"] == "1.0.0"


@pytest.mark.django_db
def test_ongeldige_invoer_geeft_400_problem_json_met_alle_velden_en_slaat_niets_op(api, wereld):
    # serializer errors (type, closed list) come all together
    antwoord = api.post(
        "/api/v1/overeenkomsten",
        _nieuw(wereld, soort="contract", startdatum="morgen", partijen=[], team="00000000-0000-0000-0000-000000000000"),
        format="json",
    )
    assert antwoord.status_code == 400
    assert antwoord["Content-Type"] == "application/problem+json"
    body = antwoord.json()
    assert body["status"] == 400 and body["title"]
    assert {p["name"] for p in body["invalidParams"]} >= {"soort", "startdatum", "partijen", "team"}
    # the service's errors too: end before start, storage outside the EEA without a mechanism, public non-convenant
    antwoord = api.post(
        "/api/v1/overeenkomsten",
        _nieuw(wereld, einddatum="2025-12-31", opslagLand="US", openbaar=True, clausules=["doel"]),
        format="json",
    )
    assert antwoord.status_code == 400
    namen = {p["name"] for p in antwoord.json()["invalidParams"]}
    assert namen == {"einddatum", "doorgiftemechanisme", "openbaar", "clausules"}
    assert Overeenkomst.objects.count() == 0 and Partij.objects.count() == 0


@pytest.mark.django_db
def test_verwerking_van_een_andere_gemeente_is_400(api, wereld):

    beheerder = alle_rollen("beheerder-test", wereld.gemeente, wereld.andere_gemeente)
    elders = maak_verwerking(team=wereld.team_elders, vv=wereld.vv_elders, door=beheerder)
    antwoord = api.post("/api/v1/overeenkomsten", _nieuw(wereld, verwerkingen=[str(elders.uuid)]), format="json")
    assert antwoord.status_code == 400
    assert Overeenkomst.objects.count() == 0


@pytest.mark.django_db
def test_lezen_404_buiten_bereik_en_patch_403_zonder_recht(wereld):
    ovk = maak_overeenkomst(door=wereld["privacy_officer"], team=wereld.ander_team)
    url = f"/api/v1/overeenkomsten/{ovk.uuid}"
    teammanager = APIClient()
    teammanager.force_authenticate(wereld["teammanager"])  # of another team
    antwoord = teammanager.get(url)
    assert antwoord.status_code == 404 and antwoord["Content-Type"] == "application/problem+json"
    college = APIClient()
    college.force_authenticate(wereld["college"])
    assert college.get(url).status_code == 200
    antwoord = college.patch(url, {"onderwerp": "Anders"}, format="json")
    assert antwoord.status_code == 403 and antwoord["Content-Type"] == "application/problem+json"
    ovk.refresh_from_db()
    assert ovk.onderwerp != "Anders"


@pytest.mark.django_db
def test_patch_partijen_clausules_en_alleen_lezen_velden(api, wereld):
    ovk = maak_overeenkomst(
        door=wereld["privacy_officer"],
        team=wereld.team,
        partijen=[{"naam": "Leverancier X B.V.", "email": "x@x.example"}],
        clausules=[],
    )
    url = f"/api/v1/overeenkomsten/{ovk.uuid}"
    data = api.patch(
        url,
        {"partijen": ["Leverancier X B.V.", "Tweede B.V."], "clausules": ["audits"], "volgendeReview": "2030-01-01"},
        format="json",
    ).json()
    assert data["partijen"] == ["Leverancier X B.V.", "Tweede B.V."]
    assert "audits" not in data["ontbrekendeClausules"] and data["volgendeReview"] == "2027-01-15"
    assert Partij.objects.get(naam="Leverancier X B.V.").email == "x@x.example"  # contacts stay
    fout = api.patch(url, {"clausules": ["bestaat_niet"]}, format="json")
    assert fout.status_code == 400 and fout.json()["invalidParams"][0]["name"] == "clausules"


@pytest.mark.django_db
def test_review_actie(api, wereld):
    ovk = maak_overeenkomst(door=wereld["privacy_officer"], team=wereld.team)
    data = api.post(f"/api/v1/overeenkomsten/{ovk.uuid}/review", {"datum": "2026-11-01"}, format="json").json()
    assert data["laatsteReview"] == "2026-11-01" and data["volgendeReview"] == "2027-11-01"
    assert (
        api.post(f"/api/v1/overeenkomsten/{ovk.uuid}/review", {"datum": "2999-01-01"}, format="json").status_code == 400
    )


@pytest.mark.django_db
def test_filters_soort_partij_en_verlooptvoor(api, wereld):
    po = wereld["privacy_officer"]
    maak_overeenkomst(
        door=po, team=wereld.team, onderwerp="A", partijen=["Zaaksysteem B.V."], einddatum=date(2027, 3, 1)
    )
    maak_overeenkomst(door=po, team=wereld.team, onderwerp="B", soort="convenant", partijen=["Politie"])
    maak_overeenkomst(door=po, team=wereld.ander_team, onderwerp="C", partijen=["GGD"], einddatum=date(2028, 1, 1))

    def onderwerpen(query):
        antwoord = api.get(f"/api/v1/overeenkomsten?{query}")
        assert antwoord.status_code == 200
        return [o["onderwerp"] for o in antwoord.json()["results"]]

    assert onderwerpen("") == ["A", "B", "C"]
    assert onderwerpen("soort=convenant") == ["B"]
    assert onderwerpen("partij=zaaksys") == ["A"]
    assert onderwerpen("verlooptVoor=2027-12-31") == ["A"]
    assert onderwerpen("verlooptVoor=2028-01-02") == ["A", "C"]
    assert onderwerpen(f"team={wereld.ander_team.uuid}") == ["C"]
    assert api.get("/api/v1/overeenkomsten?soort=contract").status_code == 400


@pytest.mark.django_db
def test_openapi_en_geen_trailing_slash(api):
    schema = api.get("/api/v1/openapi.json").json()
    assert "/api/v1/overeenkomsten/{uuid}/review" in schema["paths"]
    velden = schema["components"]["schemas"]["Overeenkomst"]["properties"]
    assert velden["ontbrekendeClausules"]["readOnly"] and velden["volgendeReview"]["readOnly"]
    parameters = {p["name"] for p in schema["paths"]["/api/v1/overeenkomsten"]["get"]["parameters"]}
    assert {"soort", "partij", "verlooptVoor"} <= parameters
    assert api.get("/api/v1/overeenkomsten/").status_code == 404


@pytest.mark.django_db
def test_documentlink_alleen_met_documentrecht(wereld, client):
    from .hulp import pdf

    po = wereld["privacy_officer"]
    ovk = maak_overeenkomst(door=po, team=wereld.team, onderwerp="Met document")
    client.force_login(po)
    client.post(f"/overeenkomsten/{ovk.uuid}/document/uploaden/", {"document": pdf()})
    for rol, verwacht in (("fg", True), ("college", False)):
        api = APIClient()
        api.force_authenticate(wereld[rol])
        data = api.get(f"/api/v1/overeenkomsten/{ovk.uuid}").json()
        assert data["documentAanwezig"] is True
        assert (data["document"] or "").endswith(f"/overeenkomsten/{ovk.uuid}/document/") is verwacht


@pytest.mark.django_db
def test_art_49_uitzondering_geweigerd_voor_opslag_buiten_de_eer_in_de_api(api, wereld):
    antwoord = api.post(
        "/api/v1/overeenkomsten", _nieuw(wereld, opslagLand="US", doorgiftemechanisme="uitzondering"), format="json"
    )
    assert antwoord.status_code == 400
    assert antwoord["Content-Type"] == "application/problem+json"
    fouten = {p["name"]: p["reason"] for p in antwoord.json()["invalidParams"]}
    assert set(fouten) == {"doorgiftemechanisme"}
    assert "art. 49" in fouten["doorgiftemechanisme"] and "niet voor het opslaan" in fouten["doorgiftemechanisme"]
    assert Overeenkomst.objects.count() == 0
    # an art. 46 safeguard is accepted; within the EEA no mechanism is asked
    antwoord = api.post(
        "/api/v1/overeenkomsten",
        _nieuw(wereld, opslagLand="US", doorgiftemechanisme="standaardbepalingen"),
        format="json",
    )
    assert antwoord.status_code == 201, antwoord.content
