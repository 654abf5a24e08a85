"""A rights request as people handle it, in headless Chromium: the privacy officer registers it and
assigns tasks, teammanager-sociaal completes one, the request is extended and answered, and the
letters are saved as PDF; axe-core checks every page on the way."""

from pathlib import Path

import pytest
from django.conf import settings
from django.utils import timezone

from rechten.models import Verzoek

from .conftest import axe_bevindingen, inloggen, schermafdruk

pytestmark = pytest.mark.browser


def test_privacy_officer_en_teammanager_handelen_een_inzageverzoek_af(demo, nieuwe_pagina):
    bevindingen = {}
    po = nieuwe_pagina()
    inloggen(po, "privacyofficer")
    po.get_by_role("link", name="Verzoeken", exact=True).click()
    bevindingen["lijst"] = axe_bevindingen(po)
    po.get_by_role("link", name="Verzoek registreren").click()
    bevindingen["registreren"] = axe_bevindingen(po)
    po.get_by_label("Inzage (art. 15)").check()
    po.get_by_label("Hoe is het verzoek binnengekomen?").select_option("balie")
    po.get_by_label("Naam verzoeker").fill("Willem Browser")
    po.get_by_label("Postadres").fill("Testlaan 4\n1234 AB Voorbeeldstad")
    po.get_by_label("Sociaal Domein").check()
    po.get_by_role("button", name="Verzoek registreren").click()
    assert "Het verzoek is geregistreerd" in po.content()
    verzoek = Verzoek.objects.get(verzoeker_naam="Willem Browser")
    assert verzoek.ontvangen_op == timezone.localdate() and verzoek.deadline
    bevindingen["detail"] = axe_bevindingen(po)

    # "Identiteit vastleggen" and "Taken toewijzen" are open while nothing is recorded yet
    po.get_by_label("Hoe is de identiteit vastgesteld?").select_option("balie")
    po.get_by_role("button", name="Identiteit vastleggen").click()
    po.get_by_label("Wat moet het team doen?").fill("Zoek alle gegevens van Willem Browser, geboren 01-01-1970.")
    po.get_by_role("button", name="Taken toewijzen").click()
    assert "Taak toegewezen aan: Sociaal Domein" in po.content()
    schermafdruk(po, "verzoek-privacyofficer-taak-toegewezen")

    tm = nieuwe_pagina()
    inloggen(tm, "teammanager-sociaal")
    tm.goto("/verzoeken/taken/")
    bevindingen["taken"] = axe_bevindingen(tm)
    tm.get_by_role("link", name=f"Taak bij {verzoek.kenmerk}").click()
    assert "Willem Browser, geboren" in tm.content() and "Testlaan" not in tm.content()
    bevindingen["taak"] = axe_bevindingen(tm)
    tm.get_by_label("Wat heeft het team gevonden of gedaan?").fill("Twee brieven gevonden, klaargezet.")
    tm.get_by_role("button", name="Taak afronden").click()
    assert "De taak is afgerond" in tm.content()
    schermafdruk(tm, "verzoek-teammanager-taak-afgerond")

    po.reload()
    po.locator("summary", has_text="Termijn verlengen").click()
    po.get_by_label("Reden van de verlenging").fill("Wij moeten ook het archief doorzoeken.")
    po.get_by_role("button", name="Termijn verlengen").click()
    assert "De termijn is verlengd tot" in po.content()
    po.locator("summary", has_text="Besluit vastleggen").click()
    po.locator("#id_uitkomst").select_option("toegewezen")
    po.get_by_label("Wat is besloten en waarom?").fill("U krijgt een kopie van de twee brieven.")
    po.get_by_role("button", name="Besluit vastleggen").click()
    assert "Het verzoek is afgehandeld: toegewezen" in po.content()
    bevindingen["afgehandeld"] = axe_bevindingen(po)
    schermafdruk(po, "verzoek-privacyofficer-afgehandeld")

    map_ = Path(settings.BASE_DIR) / "test-artifacts" / "pdf"
    map_.mkdir(parents=True, exist_ok=True)
    for naam, pad in (("verlengingsbrief", "verlengingsbrief.pdf"), ("besluit", "besluit.pdf")):
        pdf = po.request.get(f"/verzoeken/{verzoek.uuid}/{pad}")
        assert pdf.ok and pdf.body().startswith(b"%PDF")
        (map_ / f"browser-{naam}.pdf").write_bytes(pdf.body())
    po.get_by_role("link", name="Historie").click()
    bevindingen["historie"] = axe_bevindingen(po)
    assert {pagina: b for pagina, b in bevindingen.items() if b} == {}
