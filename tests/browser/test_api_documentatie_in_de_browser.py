"""The API documentation page renders under the portal's CSP and passes axe."""

import pytest

from .conftest import axe_bevindingen, schermafdruk

pytestmark = pytest.mark.django_db(transaction=True)


def test_api_documentatie_toont_de_paden_onder_csp(browser, live_server):
    context = browser.new_context(base_url=live_server.url)  # CSP enforced
    try:
        pagina = context.new_page()
        geweigerd = []
        pagina.on("console", lambda m: geweigerd.append(m.text) if "Content Security Policy" in m.text else None)
        pagina.goto("/api/v1/documentatie")
        pagina.wait_for_selector(".opblock", timeout=20000)
        assert pagina.locator(".opblock").count() > 20
        assert pagina.get_by_text("/api/v1/openbaar/verwerkingen").first.is_visible()
        assert not [regel for regel in geweigerd if "script" in regel.lower()]
        schermafdruk(pagina, "api-documentatie")
    finally:
        context.close()


def test_api_documentatie_zonder_ernstige_axe_bevindingen(nieuwe_pagina):
    pagina = nieuwe_pagina()
    pagina.goto("/api/v1/documentatie")
    pagina.wait_for_selector(".opblock", timeout=20000)
    assert axe_bevindingen(pagina) == []
