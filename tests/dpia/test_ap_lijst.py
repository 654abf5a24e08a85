"""The AP's list of processing that always needs a DPIA (AVG art. 35(4); Stcrt. 2019, 64418): the
official titles in the decision's order, criteria with the official scope, and the source beside it.
Stored pre-scans keep their numbers, so the numbers must keep meaning the same type."""

from pathlib import Path

import pytest
import yaml
from django.template.loader import render_to_string

from dpia import services
from dpia.constants import AP_LIJST, AP_LIJST_BRON
from dpia.rapport import rapport_context

from .factories import NU, maak_dpia

PRESCAN_YAML = Path(__file__).resolve().parents[2] / "dpia" / "model_rijksdienst" / "prescan.yaml"

# Written out by hand from the decision, in its order: the number a pre-scan stores means this type.
OFFICIELE_TITELS = {
    1: "Heimelijk onderzoek",
    2: "Zwarte lijsten",
    3: "Fraudebestrijding",
    4: "Creditscores",
    5: "Financiële situatie",
    6: "Genetische persoonsgegevens",
    7: "Gezondheidsgegevens",
    8: "Samenwerkingsverbanden",
    9: "Cameratoezicht",
    10: "Flexibel cameratoezicht",
    11: "Controle werknemers",
    12: "Locatiegegevens",
    13: "Communicatiegegevens",
    14: "Internet of things",
    15: "Profilering",
    16: "Observatie en beïnvloeding van gedrag",
    17: "Biometrische gegevens",
}


def test_art_35_4_officiele_titels_in_de_volgorde_van_het_besluit():
    assert {nummer: titel for nummer, (titel, _) in AP_LIJST.items()} == OFFICIELE_TITELS


def test_art_35_4_titels_gelijk_aan_de_prescan_van_de_rijksdienst():
    prescan = yaml.safe_load(PRESCAN_YAML.read_text(encoding="utf-8"))
    lijst_ap = next(t for t in prescan["tasks"] if t["id"] == "3")
    [vraag] = [t for t in lijst_ap["tasks"] if t["id"] == "3.1"]
    titels = {optie["value"].removeprefix("Lijst AP: ") for optie in vraag["options"]}
    assert titels == {titel for titel, _ in AP_LIJST.values()}


# Each row: a part of the official scope that the criterion must name (and that was missing or wrong).
@pytest.mark.parametrize(
    ("nummer", "moet_bevatten"),
    [
        (1, ["zonder dat zij dat vooraf", "ook voor één keer"]),  # covert camera by employers, even once
        (2, ["onrechtmatig of hinderlijk gedrag", "delen met anderen"]),
        (3, ["stelselmatig volgen", "ook bijzondere"]),
        (4, ["of mensen volgen", "kredietwaardigheid"]),
        (5, ["stelselmatig volgen", "verdient of bezit", "geld uitgeeft"]),  # monitoring, not only processing
        (6, ["stelselmatig", "genetische gegevens"]),  # monitoring of genetic data
        (7, ["Eén arts of zorgverlener"]),  # individual professionals are outside the list (recital 91)
        (9, ["webcams", "drones", "openbaar toegankelijke ruimten", "winkels"]),  # not only the openbare ruimte
        (10, ["op grote schaal of stelselmatig", "bodycams"]),
        (11, ["op grote schaal of stelselmatig", "e-mail", "gps", "camera's"]),
        (12, ["wifi- of bluetooth"]),
        (13, ["metadata", "Niet als dat alleen nodig is om het netwerk"]),
        (14, ["op grote schaal of stelselmatig", "slimme meters"]),
        (15, ["analyseren of voorspellen", "Ook als er geen besluit volgt"]),  # profiling itself, no sorting needed
        (16, ["volgen (observeren) of beïnvloeden", "Alleen volgen is al genoeg"]),  # pure observation counts
        (17, ["op grote schaal of stelselmatig", "uniek te herkennen"]),
    ],
)
def test_art_35_4_criteria_hebben_de_reikwijdte_van_het_besluit(nummer, moet_bevatten):
    criterium = AP_LIJST[nummer][1]
    for tekst in moet_bevatten:
        assert tekst.lower() in criterium.lower(), f"{nummer}: '{tekst}' ontbreekt"


def test_art_35_4_criterium_9_beperkt_zich_niet_tot_de_openbare_ruimte():
    assert "openbare ruimte" not in AP_LIJST[9][1].replace("openbaar toegankelijke ruimten", "")


def test_art_35_4_bron_staat_bij_de_lijst():
    assert AP_LIJST_BRON["vindplaats"] == "Stcrt. 2019, 64418"
    assert AP_LIJST_BRON["url"] == "https://zoek.officielebekendmakingen.nl/stcrt-2019-64418.html"
    assert "(DPIA) verplicht is" in AP_LIJST_BRON["naam"]


@pytest.mark.django_db
def test_art_35_4_opgeslagen_nummers_tonen_de_officiele_soort_op_pagina_historie_en_rapport(wereld, client):
    dpia = maak_dpia(wereld)
    dpia = services.prescan_vastleggen(dpia=dpia, door=wereld.beheerder, criteria=[], ap_lijst=[6, 11, 16], nu=NU)
    assert dpia.prescan_ap_lijst == [6, 11, 16]
    client.force_login(wereld["privacy_officer"])
    detail = client.get(f"/dpia/{dpia.uuid}/").content.decode()
    historie = client.get(f"/dpia/{dpia.uuid}/historie/").content.decode()
    rapport = render_to_string("reports/dpia/rapport.html", rapport_context(dpia, wereld["privacy_officer"]))
    for html in (detail, historie, rapport):
        for soort in ("6. Genetische persoonsgegevens", "11. Controle werknemers", "16. Observatie en beïnvloeding"):
            assert soort in html
    assert "Stcrt. 2019, 64418" in rapport


@pytest.mark.django_db
def test_art_35_4_prescan_formulier_noemt_de_bron_en_de_criteria(wereld, client):
    dpia = maak_dpia(wereld)
    client.force_login(wereld["teammanager"])
    html = client.get(f"/dpia/{dpia.uuid}/prescan/").content.decode()
    assert "Stcrt. 2019, 64418" in html
    assert "16. Observatie en beïnvloeding van gedrag – Op grote schaal of stelselmatig" in html
