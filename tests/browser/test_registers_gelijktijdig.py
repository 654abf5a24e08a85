"""Two people edit the same verwerking at once, in two browsers: the second save does not overwrite
the first, it shows what the other person changed and keeps the second person's input."""

import pytest

from registers.constants import Status
from registers.models import Verwerking

from .conftest import axe_bevindingen, inloggen, schermafdruk

pytestmark = pytest.mark.browser


def test_tweede_opslaan_toont_de_wijziging_van_de_ander(demo, nieuwe_pagina):
    verwerking = (
        Verwerking.objects.filter(gemeente__slug="voorbeeldstad", team__naam="Burgerzaken")
        .exclude(status=Status.GEARCHIVEERD)
        .order_by("naam")
        .first()
    )
    bewerken = f"/verwerkingen/{verwerking.uuid}/bewerken/"

    po = nieuwe_pagina()
    inloggen(po, "privacyofficer")
    tm = nieuwe_pagina()
    inloggen(tm, "teammanager-burgerzaken")
    po.goto(bewerken)
    tm.goto(bewerken)  # both have the same version open

    po.get_by_label("Bewaartermijn").fill("12 jaar na het laatste contact (privacy officer)")
    po.get_by_role("button", name="Opslaan").click()
    po.wait_for_url(f"**/verwerkingen/{verwerking.uuid}/")
    assert "De wijzigingen zijn opgeslagen" in po.content()

    tm.get_by_label("Bewaartermijn").fill("3 jaar (teammanager)")
    tm.get_by_role("button", name="Opslaan").click()
    tm.wait_for_load_state()
    conflict = tm.locator(".utrecht-alert--warning", has_text="Intussen gewijzigd")
    assert conflict.is_visible()
    tekst = conflict.inner_text()
    assert "12 jaar na het laatste contact (privacy officer)" in tekst and "bewaartermijn" in tekst
    assert tm.get_by_label("Bewaartermijn").input_value() == "3 jaar (teammanager)"
    schermafdruk(tm, "registers-gelijktijdig-conflict")
    assert axe_bevindingen(tm) == []
    verwerking.refresh_from_db()
    assert verwerking.bewaartermijn == "12 jaar na het laatste contact (privacy officer)"

    # saving again is a deliberate choice, and now works
    tm.get_by_role("button", name="Opslaan").click()
    tm.wait_for_url(f"**/verwerkingen/{verwerking.uuid}/")
    verwerking.refresh_from_db()
    assert verwerking.bewaartermijn == "3 jaar (teammanager)"
