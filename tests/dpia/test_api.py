"""The DPIA API follows the NL API Design Rules: camelCase, problem+json with every invalid field
at once (and nothing saved), 404 outside the user's scope, 403 for a visible DPIA without the right."""

import pytest
from rest_framework.test import APIClient

from dpia.models import Dpia, Maatregel, Risico

from .factories import maak_dpia, verwerking_voor


def _client(user):
    client = APIClient()
    client.force_authenticate(user)
    return client


def _namen(antwoord):
    return {p["name"] for p in antwoord.json()["invalidParams"]}


@pytest.mark.django_db
def test_teammanager_start_pre_scan_en_krijgt_de_uitkomst(wereld):
    verwerking = verwerking_voor(wereld, bijzondere_categorieen=["gezondheid"])
    api = _client(wereld["teammanager"])
    antwoord = api.post("/api/v1/dpias", {"verwerkingen": [str(verwerking.uuid)]}, format="json")
    assert antwoord.status_code == 201, antwoord.content
    assert antwoord["API-Version"] == "1.0.0"
    data = antwoord.json()
    assert data["status"] == "prescan" and data["verwerkingen"] == [str(verwerking.uuid)]
    assert data["team"] == str(wereld.team.uuid) and data["gemeente"] == "voorbeeldstad"
    assert data["vragenlijst"] == "urn:nl:dpia:3.0" and data["kenmerk"].startswith("DPIA-")
    assert data["antwoorden"]["12.1.1"]["value"] == "true"  # prefilled from the register, keys untouched

    antwoord = api.post(
        f"/api/v1/dpias/{data['uuid']}/prescan", {"criteria": ["grootschalig"], "apLijst": []}, format="json"
    )
    assert antwoord.status_code == 200, antwoord.content
    uitkomst = antwoord.json()
    assert uitkomst["uitkomst"] == "vereist" and uitkomst["status"] == "in_uitvoering"
    assert uitkomst["criteria"] == ["gevoelige_gegevens", "grootschalig"] and uitkomst["apLijst"] == []
    assert uitkomst["feiten"]["bijzondereCategorieen"] == ["gezondheid"]

    dpia = api.get(f"/api/v1/dpias/{data['uuid']}").json()
    assert dpia["prescan"]["uitkomst"] == "vereist" and dpia["prescan"]["gedaanOp"]
    assert "Beschrijf ten minste één risico voor betrokkenen (§ 16)." in dpia["indienBezwaren"]


@pytest.mark.django_db
def test_ongeldige_pre_scan_geeft_400_met_alle_velden_en_slaat_niets_op(wereld):
    dpia = maak_dpia(wereld)
    antwoord = _client(wereld["teammanager"]).post(
        f"/api/v1/dpias/{dpia.uuid}/prescan",
        {"criteria": ["onzin"], "apLijst": [18], "uitvoeren": "misschien"},
        format="json",
    )
    assert antwoord.status_code == 400
    assert antwoord["Content-Type"] == "application/problem+json"
    body = antwoord.json()
    assert body["status"] == 400 and body["title"] == "Ongeldige invoer" and "niets opgeslagen" in body["detail"]
    assert _namen(antwoord) == {"criteria.0", "apLijst.0", "uitvoeren"}
    dpia.refresh_from_db()
    assert dpia.status == "prescan" and dpia.prescan_criteria == [] and not dpia.prescan_op


@pytest.mark.django_db
def test_service_fouten_komen_samen_als_invalid_params(wereld):
    dpia = maak_dpia(wereld)
    api = _client(wereld["teammanager"])
    antwoord = api.post(
        f"/api/v1/dpias/{dpia.uuid}/prescan", {"criteria": ["monitoring"], "uitvoeren": False}, format="json"
    )
    assert antwoord.status_code == 400 and _namen(antwoord) == {"motivering"}
    dpia = maak_dpia(wereld, stap="in_uitvoering", plek="ander_team")
    aantal = Risico.objects.count()
    antwoord = _client(wereld["privacy_officer"]).post(
        f"/api/v1/dpias/{dpia.uuid}/risicos",
        {"beschrijving": "Lek", "kans": "laag", "impact": "laag", "restrisico": "hoog"},
        format="json",
    )
    assert antwoord.status_code == 400 and _namen(antwoord) == {"restrisico", "restrisicoMotivering"}
    assert Risico.objects.count() == aantal


@pytest.mark.django_db
def test_buiten_bereik_404_zichtbaar_zonder_recht_403_en_verkeerde_stap_409(wereld):
    elders = maak_dpia(wereld, plek="andere_gemeente")
    ander_team = maak_dpia(wereld, plek="ander_team", stap="in_uitvoering")
    tm = _client(wereld["teammanager"])
    for pad in ("", "/export", "/historie"):
        antwoord = tm.get(f"/api/v1/dpias/{elders.uuid}{pad}")
        assert antwoord.status_code == 404 and antwoord["Content-Type"] == "application/problem+json"
    assert tm.get(f"/api/v1/dpias/{ander_team.uuid}").status_code == 404
    fg = _client(wereld["fg"])
    antwoord = fg.patch(f"/api/v1/dpias/{ander_team.uuid}", {"titel": "Andere titel"}, format="json")
    assert antwoord.status_code == 403 and antwoord.json()["title"] == "Geen toestemming"
    antwoord = fg.post(f"/api/v1/dpias/{ander_team.uuid}/advies", {"oordeel": "positief", "advies": "x"}, format="json")
    assert antwoord.status_code == 409  # the FG may advise, but not before the DPIA is submitted
    assert Dpia.objects.get(pk=ander_team.pk).titel != "Andere titel"
    assert tm.get(f"/api/v1/dpias/{elders.uuid}/").status_code == 404  # no trailing slashes


@pytest.mark.django_db
def test_aanmaken_met_onbekende_verwerking_of_team_van_elders_is_400(wereld):
    api = _client(wereld["privacy_officer"])
    elders = verwerking_voor(wereld, "andere_gemeente")
    antwoord = api.post(
        "/api/v1/dpias", {"verwerkingen": [str(elders.uuid)], "team": str(wereld.team_elders.uuid)}, format="json"
    )
    assert antwoord.status_code == 400 and _namen(antwoord) >= {"verwerkingen", "team"}
    antwoord = api.post("/api/v1/dpias", {"verwerkingen": []}, format="json")
    assert antwoord.status_code == 400 and _namen(antwoord) == {"verwerkingen"}
    assert Dpia.objects.count() == 0


@pytest.mark.django_db
def test_patch_voegt_antwoorden_samen_en_weigert_onbekende_vragen(wereld):
    dpia = maak_dpia(wereld, stap="in_uitvoering")
    api = _client(wereld["teammanager"])
    url = f"/api/v1/dpias/{dpia.uuid}"
    antwoord = api.patch(url, {"antwoorden": {"14.1": {"value": "Geen alternatief."}, "1.1": None}}, format="json")
    assert antwoord.status_code == 200, antwoord.content
    antwoorden = antwoord.json()["antwoorden"]
    assert antwoorden["14.1"]["value"] == "Geen alternatief." and antwoorden["14.1"]["lastEditedAt"]
    assert "1.1" not in antwoorden and "10.2" in antwoorden
    antwoord = api.patch(url, {"antwoorden": {"99.9": {"value": "x"}, "16.1": [], "14.2": "kaal"}}, format="json")
    assert antwoord.status_code == 400
    redenen = " ".join(p["reason"] for p in antwoord.json()["invalidParams"])
    assert "99.9" in redenen and "16.1" in redenen and "14.2" in redenen


@pytest.mark.django_db
def test_risico_en_maatregel_toevoegen_via_de_api(wereld):
    dpia = maak_dpia(wereld, stap="in_uitvoering")
    api = _client(wereld["teammanager"])
    risico = api.post(
        f"/api/v1/dpias/{dpia.uuid}/risicos",
        {"beschrijving": "Onbevoegde inzage.", "kans": "midden", "impact": "hoog"},
        format="json",
    )
    assert risico.status_code == 201 and risico.json()["niveau"] == "hoog" and risico.json()["code"] == "R1"
    body = {
        "beschrijving": "Autorisaties per rol.",
        "soort": "technisch",
        "risico": risico.json()["uuid"],
        "eigenaar": "ciso",
        "deadline": "2026-06-01",
    }
    antwoord = api.post(f"/api/v1/dpias/{dpia.uuid}/maatregelen", body, format="json")
    assert antwoord.status_code == 201, antwoord.content
    assert antwoord.json()["status"] == "gepland" and antwoord.json()["eigenaar"] == "ciso"
    body["eigenaar"] = "ciso-elders"  # no role in this gemeente
    antwoord = api.post(f"/api/v1/dpias/{dpia.uuid}/maatregelen", body, format="json")
    assert antwoord.status_code == 400 and _namen(antwoord) == {"eigenaar"}
    assert Maatregel.objects.count() == 1


@pytest.mark.django_db
def test_lijst_filters_en_historie(wereld):
    maak_dpia(wereld)
    afgerond = maak_dpia(wereld, stap="afgerond", plek="ander_team")
    api = _client(wereld["privacy_officer"])
    assert api.get("/api/v1/dpias").json()["count"] == 2
    assert [d["uuid"] for d in api.get("/api/v1/dpias?status=afgerond").json()["results"]] == [str(afgerond.uuid)]
    assert api.get("/api/v1/dpias?uitkomst=vereist").json()["count"] == 1
    verwerking = afgerond.verwerkingen.get()
    assert api.get(f"/api/v1/dpias?verwerking={verwerking.uuid}").json()["count"] == 1
    historie = api.get(f"/api/v1/dpias/{afgerond.uuid}/historie").json()
    assert historie[0]["reden"].startswith("Restrisico (gemiddeld) geaccepteerd")
    assert historie[-1]["reden"] == "Pre-scan gestart"
