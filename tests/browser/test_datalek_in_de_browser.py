"""A datalek as people handle it, in headless Chromium: a medewerker reports, the privacy officer
assesses, notifies the AP and closes; axe-core checks every page on the way."""

from datetime import timedelta
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import timezone

from datalekken.models import Datalek

from .conftest import axe_bevindingen, inloggen, schermafdruk

pytestmark = pytest.mark.browser


def test_medewerker_meldt_usb_stick_en_privacy_officer_handelt_af(demo, nieuwe_pagina):
    bevindingen = {}
    mw = nieuwe_pagina()
    inloggen(mw, "medewerker")
    mw.get_by_role("link", name="Datalekken").click()
    mw.get_by_role("link", name="Datalek melden").click()
    bevindingen["melden"] = axe_bevindingen(mw)
    ontdekt = timezone.localtime() - timedelta(hours=2)
    mw.get_by_label("Korte omschrijving").fill("USB-stick met Wmo-dossiers verloren")
    mw.get_by_label("Wat is er gebeurd?").fill("Na de lunch was de stick weg. Er stonden 12 dossiers op.")
    mw.get_by_label("Wanneer ontdekt?").fill(ontdekt.strftime("%Y-%m-%dT%H:%M"))
    mw.get_by_role("button", name="Melding versturen").click()
    assert "uw melding is ontvangen" in mw.content()
    datalek = Datalek.objects.get(titel__startswith="USB-stick met Wmo")
    assert datalek.meld_deadline == datalek.kennisname_op + timedelta(hours=72)
    schermafdruk(mw, "datalek-medewerker-gemeld")

    po = nieuwe_pagina()
    inloggen(po, "privacyofficer")
    po.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Meldingen").click()
    bevindingen["meldingen"] = axe_bevindingen(po)
    po.get_by_role("button", name=f"Nieuw: Nieuw datalek {datalek.kenmerk}: beoordeel het risico").click()
    assert "nog 2 dagen 2" in po.content()  # the clock: about 70 hours left
    bevindingen["detail"] = axe_bevindingen(po)
    po.get_by_role("link", name="Beoordelen en aanvullen").click()
    bevindingen["behandelen"] = axe_bevindingen(po)
    po.get_by_label("Oorzaak").select_option("verlies")
    po.get_by_label("Gezondheid", exact=False).first.check()
    po.get_by_label("Aantal betrokkenen (ongeveer)").fill("12")
    po.locator("#id_risico").select_option("risico")
    po.get_by_label("Motivering van de risicobeoordeling").fill("Onversleutelde gezondheidsgegevens van 12 cliënten.")
    po.get_by_role("button", name="Opslaan").click()
    assert "zijn opgeslagen" in po.content()

    # the AP's form asks the melder and which special category: the page says so, the melding waits
    assert "Het meldformulier van de AP vraagt nog om:" in po.content()
    po.get_by_label("Meldnummer van de AP").fill("M-2026-99887")
    po.get_by_role("button", name="Melding vastleggen").click()
    tekst = po.content()
    assert "Niet gelukt." in tekst and "Telefoon van de melder: Nog niet ingevuld" in tekst
    assert not datalek.meldingen.exists()
    schermafdruk(po, "datalek-melding-zonder-melder")
    po.get_by_role("link", name="Beoordelen en aanvullen").click()
    po.get_by_label("Gezondheid", exact=True).check()
    po.get_by_label("Immateriële schade", exact=False).check()
    po.get_by_label("Naam van de melder").fill("Priya Officier")
    po.get_by_label("Functie van de melder").fill("Privacy officer")
    po.get_by_label("Telefoon van de melder").fill("14 0123")
    po.get_by_label("E-mailadres van de melder").fill("privacy@voorbeeldstad.example")
    schermafdruk(po, "datalek-behandelen-ap-velden")
    po.get_by_role("button", name="Opslaan").click()
    assert "zijn opgeslagen" in po.content()
    assert "Het meldformulier van de AP vraagt nog om:" not in po.content()

    po.get_by_label("Meldnummer van de AP").fill("M-2026-99887")
    po.get_by_role("button", name="Melding vastleggen").click()
    assert "De melding aan de AP is vastgelegd" in po.content()
    assert "Naam van de melder" in po.content() and "Priya Officier" in po.content()
    schermafdruk(po, "datalek-gemeld-met-melder")
    po.locator("summary", has_text="Afsluiten").click()
    po.get_by_role("button", name="Afsluiten").click()
    assert "Het datalek is afgesloten" in po.content()
    schermafdruk(po, "datalek-privacyofficer-afgesloten")
    datalek.refresh_from_db()
    assert datalek.status == "afgesloten" and datalek.meldingen.get().ap_referentie == "M-2026-99887"

    pdf = po.request.get(f"/datalekken/{datalek.uuid}/dossier.pdf")
    assert pdf.ok and pdf.body().startswith(b"%PDF")
    map_ = Path(settings.BASE_DIR) / "test-artifacts" / "pdf"
    map_.mkdir(parents=True, exist_ok=True)
    (map_ / "browser-dossier.pdf").write_bytes(pdf.body())

    po.goto("/datalekken/kwartaal/voorbeeldstad/")
    bevindingen["kwartaal"] = axe_bevindingen(po)
    po.goto("/datalekken/")
    bevindingen["lijst"] = axe_bevindingen(po)
    assert {pagina: b for pagina, b in bevindingen.items() if b} == {}
