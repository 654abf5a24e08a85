"""The art. 15 information of an inzage decision in headless Chromium: the privacy officer opens the
prefilled text of a granted request, edits it, sees the preview, and axe-core checks the page."""

import pytest

from rechten.models import InzageOnderdeel, Verzoek

from .conftest import axe_bevindingen, inloggen, schermafdruk

pytestmark = pytest.mark.browser


def test_art15_privacy_officer_past_de_inzage_informatie_aan_in_de_browser(demo, nieuwe_pagina):
    verzoek = Verzoek.objects.get(verzoeker_naam="Kees Visser")
    po = nieuwe_pagina()
    inloggen(po, "privacyofficer")
    po.goto(f"/verzoeken/{verzoek.uuid}/")
    po.get_by_role("link", name="Inzage-informatie voor de brief (art. 15)").click()
    assert "Ingevuld uit versie" in po.content()
    assert axe_bevindingen(po) == []
    schermafdruk(po, "verzoek-inzage-informatie")

    bewaartermijn = po.get_by_label("Hoe lang bewaren wij de gegevens? (onder d)")
    bewaartermijn.fill("Zolang u in de gemeente woont, en daarna nog tien jaar.")
    po.get_by_role("button", name="Opslaan").click()
    assert "De inzage-informatie voor de besluitbrief is opgeslagen." in po.content()
    voorbeeld = po.locator(".brief-voorbeeld")
    assert "Zolang u in de gemeente woont, en daarna nog tien jaar." in voorbeeld.inner_text()
    assert InzageOnderdeel.objects.get(inzage__verzoek=verzoek).bewerkt

    # an open request whose verwerking is not approved yet: the page says so and the text stays empty
    open_verzoek = Verzoek.objects.get(verzoeker_naam="Fatima el Amrani")
    po.goto(f"/verzoeken/{open_verzoek.uuid}/inzage/")
    assert "nog geen vastgestelde versie" in po.content()
    assert axe_bevindingen(po) == []
    schermafdruk(po, "verzoek-inzage-informatie-open")
