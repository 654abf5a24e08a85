"""Two people edit the same risk of a DPIA at once, in headless Chromium on the demo portal: the first
saves, the second's save is refused with the first one's change in words, and the second's input stays."""

import pytest
from django.contrib.auth import get_user_model

from dpia import services
from dpia.models import Dpia

from .conftest import axe_bevindingen, inloggen, schermafdruk

pytestmark = pytest.mark.browser


def test_tweede_opslag_van_hetzelfde_risico_toont_de_wijziging_van_de_eerste(demo, nieuwe_pagina):
    tm = get_user_model().objects.get(username="teammanager-sociaal")
    dpia = Dpia.objects.filter(status="prescan", aangemaakt_door=tm).first()
    dpia = services.prescan_vastleggen(dpia=dpia, door=tm, criteria=["grootschalig", "koppeling"], ap_lijst=[])
    risico = services.risico_opslaan(
        dpia=dpia,
        door=tm,
        gegevens={"beschrijving": "Dossiers worden breed gedeeld.", "kans": "midden", "impact": "midden"},
    )
    pad = f"/dpia/{dpia.uuid}/risicos/{risico.uuid}/"

    eerste, tweede = nieuwe_pagina(), nieuwe_pagina()  # two browser contexts: two sessions
    for pagina in (eerste, tweede):
        inloggen(pagina, "teammanager-sociaal")
        pagina.goto(pad)

    eerste.locator("#id_kans").select_option("hoog")
    eerste.get_by_role("button", name="Wijziging opslaan").click()
    assert f"Risico {risico.code} is opgeslagen" in eerste.content()

    tweede.get_by_label("Beschrijving van het risico").fill("Mijn aanvulling op het risico.")
    tweede.get_by_role("button", name="Wijziging opslaan").click()
    melding = tweede.get_by_role("alert").filter(has_text="Uw invoer staat nog in het formulier")
    assert melding.count() == 1
    tekst = melding.inner_text()
    assert "Intussen gewijzigd" in tekst and "Iemand anders" in tekst and "kans" in tekst and "Hoog" in tekst
    assert tweede.get_by_label("Beschrijving van het risico").input_value() == "Mijn aanvulling op het risico."
    schermafdruk(tweede, "dpia-gelijktijdig-risico")
    assert axe_bevindingen(tweede) == []

    risico.refresh_from_db()
    assert risico.kans == "hoog" and risico.beschrijving != "Mijn aanvulling op het risico."
