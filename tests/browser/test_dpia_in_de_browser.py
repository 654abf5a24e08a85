"""A DPIA as people carry it out, in headless Chromium on the demo portal: the teammanager of Sociaal
Domein runs a pre-scan on the Wmo verwerking and fills in the DPIA with risks and measures, the FG
gives advice, the teammanager accepts, and the PDF is downloaded; axe-core checks every page."""

from datetime import timedelta
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import timezone

from dpia.models import Dpia

from .conftest import axe_bevindingen, inloggen, schermafdruk

pytestmark = pytest.mark.browser


def test_teammanager_voert_wmo_dpia_uit_fg_adviseert_teammanager_accepteert(demo, nieuwe_pagina):
    bevindingen = {}
    tm = nieuwe_pagina()
    inloggen(tm, "teammanager-sociaal")
    tm.get_by_role("link", name="Verwerkingen").first.click()
    tm.get_by_role("link", name="Wmo maatwerkvoorzieningen").click()
    tm.get_by_role("link", name="Nieuwe pre-scan starten").click()
    bevindingen["starten"] = axe_bevindingen(tm)
    tm.get_by_role("button", name="Pre-scan starten").click()
    assert "De pre-scan is gestart" in tm.content()
    bevindingen["prescan"] = axe_bevindingen(tm)
    assert "Bijzondere, strafrechtelijke of zeer persoonlijke gegevens" in tm.content()  # from the register
    tm.get_by_label("Gegevens over kwetsbare mensen (zoals kinderen of cliënten)").check()
    tm.get_by_label("7. Gezondheidsgegevens", exact=False).check()
    tm.get_by_role("button", name="Pre-scan vastleggen").click()
    assert "De pre-scan is vastgelegd: verplicht" in tm.content()
    bevindingen["detail"] = axe_bevindingen(tm)

    tm.get_by_role("link", name="Deel A – Beschrijving (§ 1-10)").click()
    bevindingen["deel A"] = axe_bevindingen(tm)
    tm.get_by_role("button", name="Opslaan en verder").click()
    tm.get_by_label("Subsidiariteit").fill("Zonder deze gegevens is geen passende voorziening te bepalen.")
    tm.get_by_label("Proportionaliteit").fill("Alleen de nodige gegevens; consulenten zien hun eigen dossiers.")
    bevindingen["deel B"] = axe_bevindingen(tm)
    tm.get_by_role("button", name="Opslaan en verder").click()

    bevindingen["risico's"] = axe_bevindingen(tm)
    tm.get_by_label("Beschrijving van het risico").fill("Medewerkers zonder behandelrelatie zien dossiers.")
    tm.locator("#id_kans").select_option("midden")
    tm.locator("#id_impact").select_option("hoog")
    tm.get_by_role("button", name="Risico toevoegen").click()
    assert "Risico R1 is opgeslagen (hoog)" in tm.content()
    tm.get_by_role("link", name="Verder naar deel D – Maatregelen").click()
    tm.get_by_label("Beschrijving van de maatregel").fill("Autorisaties per rol herzien.")
    tm.locator("#id_soort").select_option("technisch")
    tm.locator("#id_risico").select_option(label="R1. Medewerkers zonder behandelrelatie zien dossiers.")
    tm.locator("#id_eigenaar").select_option(label="Cas Informatiebeveiliging")
    tm.get_by_label("Uiterlijk gereed op").fill((timezone.localdate() + timedelta(days=60)).isoformat())
    bevindingen["maatregelen"] = axe_bevindingen(tm)
    tm.get_by_role("button", name="Maatregel toevoegen").click()
    assert "Maatregel M1 is opgeslagen" in tm.content()
    tm.get_by_role("link", name="Naar deel C – Risico's (restrisico invullen)").click()
    tm.get_by_role("link", name="R1 wijzigen").click()
    tm.locator("#id_restrisico").select_option("midden")
    tm.get_by_label("Motivering van het restrisico").fill("Met autorisaties per rol is de kans klein.")
    tm.get_by_role("button", name="Wijziging opslaan").click()
    dpia = Dpia.objects.filter(titel="DPIA Wmo maatwerkvoorzieningen").order_by("-aangemaakt_op").first()
    tm.goto(f"/dpia/{dpia.uuid}/vragen/S/")
    tm.get_by_label("Managementsamenvatting").fill("Eén risico; na maatregelen gemiddeld.")
    tm.get_by_role("button", name="Opslaan en verder").click()
    tm.get_by_role("button", name="Ter advies aan de FG voorleggen").click()
    assert "ter advies voorgelegd" in tm.content()
    schermafdruk(tm, "dpia-teammanager-ter-advies")

    fg = nieuwe_pagina()
    inloggen(fg, "fg")
    fg.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Meldingen").click()
    fg.get_by_role("button", name=f"Nieuw: {dpia.kenmerk}: DPIA ter advies").click()
    bevindingen["fg detail"] = axe_bevindingen(fg)
    fg.locator("#id_fg-oordeel").select_option("voorwaarden")
    fg.locator("#id_fg-advies").fill("Positief als de autorisaties binnen drie maanden zijn herzien.")
    fg.get_by_role("button", name="Advies vastleggen").click()
    assert "Het advies van de FG is vastgelegd" in fg.content()

    tm.goto(f"/dpia/{dpia.uuid}/")
    tm.locator("#id_acc-motivering").fill("Gemiddeld restrisico; aanvaardbaar met de maatregel.")
    tm.get_by_role("button", name="Accepteren en afronden").click()
    assert "het restrisico is geaccepteerd" in tm.content().lower()
    schermafdruk(tm, "dpia-teammanager-afgerond")
    bevindingen["afgerond"] = axe_bevindingen(tm)
    dpia.refresh_from_db()
    assert dpia.status == "afgerond" and dpia.fg_oordeel == "voorwaarden"

    pdf = tm.request.get(f"/dpia/{dpia.uuid}/rapport.pdf")
    assert pdf.ok and pdf.body().startswith(b"%PDF")
    map_ = Path(settings.BASE_DIR) / "test-artifacts" / "pdf"
    map_.mkdir(parents=True, exist_ok=True)
    (map_ / "browser-dpia-rapport.pdf").write_bytes(pdf.body())
    export = tm.request.get(f"/dpia/{dpia.uuid}/export.json")
    assert export.ok and export.json()["metadata"]["urn"] == "urn:nl:dpia:3.0"

    tm.goto("/dpia/overzicht/voorbeeldstad/")
    bevindingen["overzicht"] = axe_bevindingen(tm)
    tm.goto("/dpia/")
    bevindingen["lijst"] = axe_bevindingen(tm)
    assert {pagina: b for pagina, b in bevindingen.items() if b} == {}
