"""A DPIA travels to another gemeente, in headless Chromium on the demo portal: the privacy officer of
Voorbeeldstad downloads the camera DPIA's export, the privacy officer of Randdorp starts a new DPIA,
first uploads a broken file (refused, nothing saved), then the export (risks, measures and the advice
and sign-off of Voorbeeldstad shown apart); the pages pass axe-core and the report shows the import."""

import subprocess

import pytest

from dpia.models import Dpia
from registers.models import Verwerking

from .conftest import SCHERMAFDRUKKEN, axe_bevindingen, inloggen, schermafdruk

pytestmark = pytest.mark.browser


def test_privacy_officer_importeert_dpia_van_een_andere_gemeente(demo, nieuwe_pagina, tmp_path):
    bron = Dpia.objects.get(titel="DPIA Cameratoezicht openbare ruimte")
    vs = nieuwe_pagina()
    inloggen(vs, "privacyofficer")
    export = vs.request.get(f"/dpia/{bron.uuid}/export.json")
    assert export.ok
    bestand = tmp_path / "camera-voorbeeldstad.json"
    bestand.write_bytes(export.body())
    kapot = tmp_path / "kapot.json"
    kapot.write_text('{"metadata": {"urn": "urn:nl:dpia:3.0"}, "answers": {"abc": 1}}', encoding="utf-8")

    verwerking = Verwerking.objects.filter(gemeente__slug="randdorp", dpias__isnull=True).first()
    bevindingen = {}
    rd = nieuwe_pagina()
    inloggen(rd, "privacyofficer-randdorp")
    rd.goto(f"/dpia/nieuw/?verwerking={verwerking.uuid}")
    rd.get_by_role("button", name="Pre-scan starten").click()
    assert "Stcrt. 2019, 64418" in rd.content()  # the AP list names its source
    bevindingen["prescan"] = axe_bevindingen(rd)
    schermafdruk(rd, "dpia-prescan-ap-lijst")
    rd.get_by_label("9. Cameratoezicht", exact=False).check()
    rd.get_by_role("button", name="Pre-scan vastleggen").click()
    assert "De pre-scan is vastgelegd: verplicht" in rd.content()
    rd.get_by_role("link", name="Importeren uit een bestand (JSON)").click()
    bevindingen["importpagina"] = axe_bevindingen(rd)

    rd.get_by_label("Bestand (JSON)").set_input_files(str(kapot))
    rd.get_by_role("button", name="Importeren").click()
    inhoud = rd.content()
    assert "Het bestand is niet geïmporteerd. Er is niets opgeslagen." in inhoud
    assert "het veld '$schema' ontbreekt" in inhoud.replace("&#x27;", "'")
    bevindingen["fout"] = axe_bevindingen(rd)
    schermafdruk(rd, "dpia-import-fout")

    rd.get_by_label("Bestand (JSON)").set_input_files(str(bestand))
    rd.get_by_role("button", name="Importeren").click()
    inhoud = rd.content()
    assert "camera-voorbeeldstad.json is geïmporteerd: 2 risico" in inhoud
    assert "Overgenomen uit een bestand" in inhoud and "van gemeente Voorbeeldstad" in inhoud
    assert bron.fg_advies[:30] in inhoud
    bevindingen["na import"] = axe_bevindingen(rd)
    schermafdruk(rd, "dpia-import-gelukt")

    rapport = rd.request.get(rd.url.rstrip("/") + "/rapport.pdf")
    assert rapport.ok and rapport.body().startswith(b"%PDF")
    pdf = tmp_path / "rapport.pdf"
    pdf.write_bytes(rapport.body())
    SCHERMAFDRUKKEN.mkdir(parents=True, exist_ok=True)
    subprocess.run(["pdftoppm", "-png", "-r", "60", str(pdf), str(SCHERMAFDRUKKEN / "dpia-import-rapport")], check=True)
    assert {k: v for k, v in bevindingen.items() if v} == {}
