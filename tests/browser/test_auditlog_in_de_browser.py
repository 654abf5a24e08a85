"""The FG searches the audit log in headless Chromium: the menu leads there, a failed login and the
FG's own login are in it, the filter works; axe-core finds nothing serious."""

import pytest

from .conftest import axe_bevindingen, inloggen, schermafdruk

pytestmark = pytest.mark.browser


def test_fg_doorzoekt_het_auditlog(demo, nieuwe_pagina):
    pagina = nieuwe_pagina()
    pagina.goto("/inloggen/")
    pagina.get_by_label("Gebruikersnaam").fill("medewerker")
    pagina.get_by_label("Wachtwoord").fill("niet-het-wachtwoord")
    pagina.get_by_role("button", name="Inloggen").click()
    inloggen(pagina, "fg")
    pagina.get_by_role("link", name="Auditlog", exact=True).click()
    pagina.wait_for_url("**/auditlog/")
    assert "Auditlog Randdorp" in pagina.content() or "Auditlog Voorbeeldstad" in pagina.content()
    pagina.get_by_label("Gemeente", exact=True).select_option(label="Voorbeeldstad")
    pagina.get_by_label("Actie").select_option(label="Inloggen mislukt")
    pagina.get_by_role("button", name="Zoek").click()
    pagina.wait_for_url("**/auditlog/?*actie=inloggen_mislukt*")
    rijen = pagina.locator("tbody tr")
    assert rijen.count() == 1 and "Inloggen mislukt" in rijen.first.inner_text()
    assert "127.0.0.1" in rijen.first.inner_text()
    bevindingen = axe_bevindingen(pagina)
    pagina.get_by_label("Actie").select_option(label="Alle acties")
    pagina.get_by_role("button", name="Zoek").click()
    schermafdruk(pagina, "auditlog-fg")
    assert "Inloggen" in pagina.locator("tbody").inner_text()
    assert bevindingen == []
