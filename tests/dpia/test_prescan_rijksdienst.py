"""The triggers of the MinBZK pre-scan (model_rijksdienst/prescan.yaml) beyond the EDPB criteria and
the AP list: new legislation in scope and a sum of risk scores above 4 make a DPIA mandatory (AVG
art. 35(1)); the result names the other assessments the pre-scan points to (DTIA, KIA, IAMA)."""

from pathlib import Path

import pytest
import yaml
from django.core.exceptions import ValidationError
from rest_framework.test import APIClient

from dpia import services
from dpia.constants import Status, Uitkomst
from dpia.regels import RISICOSCORE_GRENS, andere_assessments, prescan_uitkomst

from .factories import NU, maak_dpia, verwerking_voor

PRESCAN_YAML = Path(__file__).resolve().parents[2] / "dpia" / "model_rijksdienst" / "prescan.yaml"


def test_art_35_1_grens_en_criteria_komen_uit_de_prescan_van_de_rijksdienst():
    model = yaml.safe_load(PRESCAN_YAML.read_text(encoding="utf-8"))
    dpia_model = next(a for a in model["assessments"] if a["id"] == "DPIA")
    criteria = {c["id"]: c["expression"] for niveau in dpia_model["levels"] for c in niveau["criteria"]}
    assert criteria["wetgeving"] == "bool(answers('0.1'))"
    assert criteria["riskscore"].replace(" ", "").endswith(f">{RISICOSCORE_GRENS}")
    assert {a["id"] for a in model["assessments"]} == {"DPIA", "DTIA", "KIA", "IAMA"}


@pytest.mark.parametrize(
    ("nieuwe_wetgeving", "risicoscore", "verwacht"),
    [
        (True, None, Uitkomst.VERPLICHT),  # new legislation in scope: mandatory, whatever else
        (False, 5, Uitkomst.VERPLICHT),  # sum of risk scores above 4
        (False, 4, Uitkomst.NIET_NODIG),  # 4 itself is not above 4
        (False, None, Uitkomst.NIET_NODIG),  # scores not determined: only the other rules count
        (False, 0, Uitkomst.NIET_NODIG),
    ],
)
def test_art_35_1_nieuwe_wetgeving_en_risicoscore_boven_4_maken_een_dpia_verplicht(
    nieuwe_wetgeving, risicoscore, verwacht
):
    uitkomst, redenen = prescan_uitkomst([], [], nieuwe_wetgeving=nieuwe_wetgeving, risicoscore=risicoscore)
    assert uitkomst == verwacht
    tekst = " ".join(redenen)
    assert ("nieuwe wet- of regelgeving" in tekst) is nieuwe_wetgeving
    assert ("som van de risicoscores is 5" in tekst) is (risicoscore == 5)


def test_art_35_1_andere_assessments_dtia_kia_iama():
    assert andere_assessments({}) == []
    codes = andere_assessments(
        {"doorgifte_buiten_eer": True, "digitale_dienst_minderjarigen": True, "hoog_risico_algoritme": True}
    )
    assert [(a["code"], a["niveau"]) for a in codes] == [
        ("DTIA", "verplicht"),
        ("KIA", "aanbevolen"),
        ("IAMA", "aanbevolen"),
    ]
    assert all(a["reden"] and a["naam"] for a in codes)


@pytest.mark.django_db
def test_art_35_1_pre_scan_met_nieuwe_wetgeving_legt_verplicht_vast_en_toont_andere_assessments(wereld, client):
    verwerking = verwerking_voor(wereld, doorgifte_buiten_eer=True, doorgifte_waarborgen="Standaardcontractbepalingen")
    dpia = maak_dpia(wereld, verwerking=verwerking)
    tm = wereld["teammanager"]
    client.force_login(tm)
    formulier = client.get(f"/dpia/{dpia.uuid}/prescan/").content.decode()
    assert "Betreft de scope nieuwe wet- of regelgeving?" in formulier and 'for="id_risicoscore"' in formulier
    antwoord = client.post(
        f"/dpia/{dpia.uuid}/prescan/",
        {"criteria": [], "ap_lijst": [], "nieuwe_wetgeving": "on", "digitale_dienst_minderjarigen": "on"},
    )
    assert antwoord.status_code == 302
    dpia.refresh_from_db()
    assert (dpia.prescan_uitkomst, dpia.status) == (Uitkomst.VERPLICHT, Status.IN_UITVOERING)
    assert dpia.prescan_feiten["nieuwe_wetgeving"] is True and dpia.prescan_feiten["risicoscore"] is None
    detail = client.get(f"/dpia/{dpia.uuid}/").content.decode()
    assert "Andere assessments" in detail
    assert "DTIA (Data Transfer Impact Assessment): verplicht." in detail
    assert "KIA (Kinderrechten Impact Assessment): aanbevolen." in detail
    assert "IAMA" not in detail.split("Andere assessments")[1].split("</ul>")[0]


@pytest.mark.django_db
def test_art_35_1_risicoscore_fout_op_de_pagina_en_niets_opgeslagen(wereld, client):
    dpia = maak_dpia(wereld)
    client.force_login(wereld["teammanager"])
    antwoord = client.post(f"/dpia/{dpia.uuid}/prescan/", {"criteria": [], "ap_lijst": [], "risicoscore": "-1"})
    assert antwoord.status_code == 200
    tekst = antwoord.content.decode()
    assert 'href="#id_risicoscore"' in tekst and "Verbeter:" in tekst  # the error summary links to the field
    dpia.refresh_from_db()
    assert dpia.status == Status.PRESCAN and not dpia.prescan_op
    with pytest.raises(ValidationError) as fout:
        services.prescan_vastleggen(
            dpia=dpia, door=wereld["teammanager"], criteria=[], ap_lijst=[], risicoscore="7", nu=NU
        )
    assert "risicoscore" in fout.value.message_dict


@pytest.mark.django_db
def test_art_35_1_api_risicoscore_boven_4_en_andere_assessments(wereld):
    dpia = maak_dpia(wereld)
    api = APIClient()
    api.force_authenticate(wereld["teammanager"])
    fout = api.post(f"/api/v1/dpias/{dpia.uuid}/prescan", {"criteria": [], "risicoscore": -3}, format="json")
    assert fout.status_code == 400 and fout["Content-Type"] == "application/problem+json"
    assert {p["name"] for p in fout.json()["invalidParams"]} == {"risicoscore"}
    antwoord = api.post(
        f"/api/v1/dpias/{dpia.uuid}/prescan",
        {"criteria": [], "risicoscore": 6, "hoogRisicoAlgoritme": True},
        format="json",
    )
    assert antwoord.status_code == 200, antwoord.content
    data = antwoord.json()
    assert data["uitkomst"] == "verplicht" and any("risicoscores is 6" in r for r in data["redenen"])
    assert [a["code"] for a in data["andereAssessments"]] == ["IAMA"]
    assert data["feiten"]["risicoscore"] == 6
