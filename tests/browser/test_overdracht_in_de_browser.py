"""One workflow on a phone (390 px): the teammanager submits, the privacy officer finds the melding,
acts on it from there, and comes back to a work list without that item. Every page passes axe-core,
and the staff menu is collapsed behind a Menu button."""

import pytest
from django.contrib.auth import get_user_model

from privacy_portal.organisaties.models import Team
from registers import services
from registers.constants import Status
from tests.factories import volledige_inhoud

from .conftest import axe_bevindingen, inloggen, schermafdruk

pytestmark = pytest.mark.browser
TELEFOON = 390
NAAM = "Parkeervergunningen bewoners"


def _menu(page):
    return page.get_by_role("navigation", name="Hoofdmenu")


def test_van_melding_naar_actie_en_terug_op_een_telefoon(demo, nieuwe_pagina):
    team = Team.objects.get(gemeente__slug="voorbeeldstad", naam="Burgerzaken")
    teammanager = get_user_model().objects.get(username="teammanager-burgerzaken")
    verwerking = services.verwerking_aanmaken(
        door=teammanager,
        gemeente=team.gemeente,
        gegevens=volledige_inhoud(team, team.gemeente.verantwoordelijken.first(), naam=NAAM),
    )

    # The teammanager, on a phone: the work list is the start page, the menu is collapsed.
    tm = nieuwe_pagina(breedte=TELEFOON)
    inloggen(tm, "teammanager-burgerzaken")
    assert tm.get_by_role("heading", name="Wat moet ik nu doen").is_visible()
    assert not _menu(tm).is_visible()
    tm.get_by_role("button", name="Menu").click()
    assert _menu(tm).get_by_role("link", name="Verwerkingen").is_visible()
    assert _menu(tm).get_by_role("link", name="Dashboard").count() == 0  # not for this role
    schermafdruk(tm, "telefoon-teammanager-menu-open")
    assert axe_bevindingen(tm) == []
    tm.goto(f"/verwerkingen/{verwerking.uuid}/")
    tm.get_by_role("button", name="Indienen ter beoordeling").click()
    tm.wait_for_load_state()
    verwerking.refresh_from_db()
    assert verwerking.status == Status.TER_BEOORDELING

    # The privacy officer, on a phone: the item is in the work list, the melding leads to it.
    po = nieuwe_pagina(breedte=TELEFOON)
    inloggen(po, "privacyofficer")
    assert po.locator("table.werklijst tbody tr", has_text=NAAM).count() == 1
    schermafdruk(po, "telefoon-werklijst-privacy-officer")
    assert axe_bevindingen(po) == []
    po.get_by_role("button", name="Menu").click()
    _menu(po).get_by_role("link", name="Meldingen").click()
    po.wait_for_url("**/meldingen/")
    assert axe_bevindingen(po) == []
    po.get_by_role("button", name=f"Nieuw: Verwerking ter beoordeling: {NAAM}").click()
    po.wait_for_url(f"**/verwerkingen/{verwerking.uuid}/")
    schermafdruk(po, "telefoon-verwerking-vanuit-melding")
    assert axe_bevindingen(po) == []

    # Act: approve after seeing what the public page will show.
    po.get_by_role("link", name="Vaststellen en publiceren").click()
    po.wait_for_load_state()
    assert axe_bevindingen(po) == []
    schermafdruk(po, "telefoon-vaststellen-voorbeeld")
    po.get_by_role("button", name="Ja, vaststellen als versie 1 en publiceren").click()
    po.wait_for_url(f"**/verwerkingen/{verwerking.uuid}/")
    verwerking.refresh_from_db()
    assert verwerking.status == Status.VASTGESTELD

    # And back: the item has left the work list; the teammanager has a melding of the outcome.
    po.goto("/")
    assert po.locator("table.werklijst tbody tr", has_text=NAAM).count() == 0
    tm.goto("/meldingen/")
    assert tm.get_by_role("button", name=f"Nieuw: Verwerking vastgesteld: {NAAM}").count() == 1
