"""Agreements as people use them, in headless Chromium (issue 6, "Done when"), with axe-core on every page."""

import re

import pytest

from overeenkomsten.models import Overeenkomst

from .conftest import axe_bevindingen, inloggen, schermafdruk

pytestmark = pytest.mark.browser


@pytest.fixture
def prive_opslag(settings, tmp_path):
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path / "prive"), "base_url": "/niet-openbaar/"},
        },
    }


def _toegankelijk(page, naam):
    schermafdruk(page, naam)
    assert axe_bevindingen(page) == [], naam


def test_privacy_officer_registreert_overeenkomst_en_convenant_tot_op_de_openbare_pagina(
    prive_opslag, demo, nieuwe_pagina, tmp_path
):
    po = nieuwe_pagina()
    inloggen(po, "privacyofficer")
    po.get_by_role("link", name="Overeenkomsten", exact=True).click()
    _toegankelijk(po, "overeenkomsten-lijst")
    po.get_by_role("link", name="Nieuwe overeenkomst").click()
    po.get_by_label("Onderwerp").fill("Parkeerapp: registratie en betaling")
    po.locator("#id_team").select_option(label="Belastingen")
    po.locator("#id_startdatum").fill("2026-01-01")
    po.locator("#id_partij-0-naam").fill("Parkeerapp B.V.")
    po.get_by_label("Parkeervergunningen").check()
    po.get_by_role("button", name="Opslaan").click()
    po.wait_for_url(re.compile(r"/overeenkomsten/[0-9a-f-]{36}/$"))
    assert "Vink nu de checklist aan" in po.content()
    for label in ("Onderwerp en duur van de verwerking", "Aard en doel van de verwerking", "Aansprakelijkheid"):
        po.get_by_label(label).check()
    po.get_by_role("button", name="Checklist opslaan").click()
    assert "Er ontbreken 14 verplichte onderdelen" in po.content()
    _toegankelijk(po, "overeenkomst-detail-onvolledig")

    bestand = tmp_path / "getekend.txt"
    bestand.write_text("geen pdf")
    po.set_input_files("#id_document", str(bestand))
    po.get_by_role("button", name="Uploaden").click()
    assert "Kies een PDF-, Word- (DOCX) of OpenDocument-bestand (ODT)." in po.content()

    # the convenant, public
    po.goto("/overeenkomsten/nieuw/")
    po.get_by_label("Onderwerp").fill("Convenant Buurtbemiddeling")
    po.locator("#id_soort").select_option(label="Convenant")
    po.locator("#id_team").select_option(label="Sociaal Domein")
    po.locator("#id_startdatum").fill("2026-03-01")
    po.locator("#id_partij-0-naam").fill("Stichting Buurtbemiddeling")
    po.get_by_label("Openbaar", exact=True).check()
    po.get_by_label("Uitleg voor inwoners").fill("Buren met ruzie krijgen hulp van vrijwilligers.")
    po.get_by_role("button", name="Opslaan").click()
    po.wait_for_url(re.compile(r"/overeenkomsten/[0-9a-f-]{36}/$"))
    assert Overeenkomst.objects.filter(onderwerp="Convenant Buurtbemiddeling", openbaar=True).exists()

    # the register shows the flag on a verwerking with a verwerker and no agreement
    po.goto("/verwerkingen/?zoek=Basisregistratie")
    po.get_by_role("link", name="Basisregistratie Personen (BRP)").click()
    assert "Geen verwerkersovereenkomst." in po.content()
    _toegankelijk(po, "verwerking-zonder-verwerkersovereenkomst")

    inwoner = nieuwe_pagina(javascript=False)
    inwoner.goto("/register/voorbeeldstad/")
    inwoner.get_by_role("link", name=re.compile("convenanten")).click()
    tekst = inwoner.content()
    assert "Convenant Buurtbemiddeling" in tekst and "Stichting Buurtbemiddeling" in tekst
    assert "Parkeerapp" not in tekst
    met_js = nieuwe_pagina()  # axe-core needs JavaScript; the page itself does not
    met_js.goto("/register/voorbeeldstad/convenanten/")
    _toegankelijk(met_js, "openbare-convenanten")
