"""The register as people use it, in headless Chromium: the whole workflow, and axe-core on every page."""

import re

import pytest

from registers.models import Verwerking

from .conftest import axe_bevindingen, inloggen, schermafdruk

pytestmark = pytest.mark.browser


def test_van_concept_tot_openbare_pagina_in_de_browser(demo, nieuwe_pagina):
    tm = nieuwe_pagina()
    inloggen(tm, "teammanager-burgerzaken")
    tm.get_by_role("link", name="Verwerkingen", exact=True).click()
    tm.get_by_role("link", name="Nieuwe verwerking").click()

    # an empty form is refused with a Dutch message, nothing saved
    aantal = Verwerking.objects.count()
    tm.get_by_role("button", name="Opslaan").click()
    assert tm.get_by_role("alert").first.is_visible()
    assert "Niet opgeslagen" in tm.content()
    assert Verwerking.objects.count() == aantal

    tm.get_by_label("Naam van de verwerking").fill("Gehandicaptenparkeerkaart aanvragen")
    tm.locator("#id_team").select_option(label="Burgerzaken")
    tm.locator("#id_verwerkingsverantwoordelijke").select_option(label="College van burgemeester en wethouders")
    tm.get_by_label("Doeleinden").fill("Beoordelen van aanvragen voor een gehandicaptenparkeerkaart.")
    tm.get_by_label("e. Algemeen belang of openbaar gezag").check()
    tm.get_by_label("Toelichting op de grondslag").fill("RVV 1990, art. 49")
    tm.get_by_label("Categorieën betrokkenen").fill("Aanvragers")
    tm.get_by_label("Categorieën persoonsgegevens").fill("NAW, medische verklaring")
    tm.get_by_label("Gezondheid").check()
    tm.get_by_label("Categorieën ontvangers").fill("Keuringsarts")
    tm.get_by_label("Bewaartermijn").fill("5 jaar na verloop van de kaart")
    tm.get_by_label("Herkomst van de gegevens").fill("Aanvrager en keuringsarts")
    tm.get_by_label("Beveiligingsmaatregelen (intern)").fill("INTERNE-MAATREGEL rollen en logging")
    tm.get_by_role("button", name="Opslaan").click()
    tm.wait_for_url(re.compile(r"/verwerkingen/[0-9a-f-]{36}/$"))
    assert "opgeslagen als concept" in tm.content()
    tm.get_by_role("button", name="Indienen ter beoordeling").click()
    assert "ingediend bij de privacy officer" in tm.content()
    schermafdruk(tm, "teammanager-detail-ingediend")

    po = nieuwe_pagina()
    inloggen(po, "privacyofficer")
    po.goto("/verwerkingen/?status=ter_beoordeling")
    po.get_by_role("link", name="Gehandicaptenparkeerkaart aanvragen").click()
    po.get_by_role("link", name="Vaststellen en publiceren").click()
    assert "Beoordelen van aanvragen" in po.content() and "INTERNE-MAATREGEL" not in po.content()
    schermafdruk(po, "privacyofficer-vaststellen-bevestigen")
    po.get_by_role("button", name="Ja, vaststellen als versie 1 en publiceren").click()
    assert "staat nu op de openbare pagina" in po.content()
    schermafdruk(po, "privacyofficer-detail-vastgesteld")

    inwoner = nieuwe_pagina(javascript=False)  # the public page works without JavaScript
    inwoner.goto("/register/")
    inwoner.get_by_role("link", name="Voorbeeldstad").click()
    inwoner.get_by_label("Zoek op onderwerp of gegevens").fill("parkeerkaart")
    inwoner.get_by_role("button", name="Zoeken").click()
    inwoner.get_by_role("link", name="Gehandicaptenparkeerkaart aanvragen").click()
    tekst = inwoner.content()
    assert "Beoordelen van aanvragen" in tekst and "Gezondheid" in tekst
    assert "INTERNE-MAATREGEL" not in tekst
    schermafdruk(inwoner, "inwoner-detail")


STAFPAGINAS = [
    "/",
    "/verwerkingen/",
    "/verwerkingen/nieuw/",
    "{detail}",
    "{historie}",
    "{vaststellen}",
    "/verwerkingen/importeren/",
    "/meldingen/",
    "/meldingen/voorkeuren/",
    "/datalekken/",
    "/verzoeken/",
    "/dpia/",
    "/overeenkomsten/",
    "/dashboard/",
]
OPENBARE_PAGINAS = ["/register/", "/register/voorbeeldstad/", "{openbaar}", "/inloggen/"]


@pytest.mark.parametrize("breedte", [None, 390], ids=["scherm", "telefoon"])
def test_geen_ernstige_axe_bevindingen_op_openbare_en_staf_paginas(demo, nieuwe_pagina, breedte):
    verwerking = Verwerking.objects.filter(gemeente__slug="voorbeeldstad", status="vastgesteld").first()
    ter_beoordeling = Verwerking.objects.filter(gemeente__slug="voorbeeldstad", status="ter_beoordeling").first()
    invullen = {
        "vaststellen": f"/verwerkingen/{ter_beoordeling.uuid}/goedkeuren/",
        "detail": f"/verwerkingen/{verwerking.uuid}/",
        "historie": f"/verwerkingen/{verwerking.uuid}/historie/",
        "openbaar": f"/register/voorbeeldstad/{verwerking.uuid}/",
    }
    bevindingen = {}
    page = nieuwe_pagina(breedte=breedte)
    voor = "telefoon-" if breedte else ""
    for pad in OPENBARE_PAGINAS:
        page.goto(pad.format(**invullen))
        bevindingen[pad] = axe_bevindingen(page)
        schermafdruk(page, voor + "openbaar" + pad.replace("/", "_").replace("{", "").replace("}", ""))
    inloggen(page, "privacyofficer")
    for pad in STAFPAGINAS:
        page.goto(pad.format(**invullen))
        bevindingen[pad] = axe_bevindingen(page)
        schermafdruk(page, voor + "staf" + pad.replace("/", "_").replace("{", "").replace("}", ""))
    # a form with errors is a page too
    page.goto("/verwerkingen/nieuw/")
    page.get_by_role("button", name="Opslaan").click()
    bevindingen["formulier met fouten"] = axe_bevindingen(page)
    # a selection of the list, and the result per item
    page.goto("/verwerkingen/?status=ter_beoordeling")
    page.get_by_label(f"Kies {ter_beoordeling.naam}").check()
    page.get_by_label("Actie").select_option("afwijzen")
    page.get_by_role("button", name="Uitvoeren voor de gekozen verwerkingen").click()
    assert "Niet gelukt" in page.content()  # no reason given: said per item
    bevindingen["resultaat van een selectie"] = axe_bevindingen(page)
    schermafdruk(page, voor + "staf_selectie_resultaat")
    assert {pad: gevonden for pad, gevonden in bevindingen.items() if gevonden} == {}
