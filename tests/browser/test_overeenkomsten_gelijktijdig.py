"""Two people edit the same agreement at once: the second save is refused with the first one's change."""

import pytest

from overeenkomsten.models import Overeenkomst

from .conftest import axe_bevindingen, inloggen, schermafdruk

pytestmark = pytest.mark.browser

ONDERWERP = "Zaaksysteem: hosting, beheer en onderhoud"


def test_tweede_opslag_ziet_de_wijziging_van_de_eerste_en_houdt_de_eigen_invoer(demo, nieuwe_pagina):
    ovk = Overeenkomst.objects.get(onderwerp=ONDERWERP, gemeente__slug="voorbeeldstad")
    bewerken = f"/overeenkomsten/{ovk.uuid}/bewerken/"
    tim, priya = nieuwe_pagina(), nieuwe_pagina()  # two browser contexts, two users
    inloggen(tim, "teammanager-burgerzaken")
    inloggen(priya, "privacyofficer")
    tim.goto(bewerken)
    priya.goto(bewerken)

    tim.get_by_label("Onderwerp").fill("Zaaksysteem: hosting en beheer (verlengd)")
    tim.get_by_role("button", name="Opslaan").click()
    tim.wait_for_url(f"**/overeenkomsten/{ovk.uuid}/")
    assert "De wijzigingen zijn opgeslagen." in tim.content()

    priya.get_by_label("Aard en doel").fill("Hosting, beheer en de koppeling met het DMS.")
    priya.get_by_role("button", name="Opslaan").click()
    conflict = priya.locator(".utrecht-alert--warning", has_text="Intussen gewijzigd")
    conflict.wait_for()
    assert "Tim Burgerzaken" in conflict.inner_text()
    assert "Zaaksysteem: hosting en beheer (verlengd)" in conflict.inner_text()  # the other change
    assert priya.get_by_label("Aard en doel").input_value() == "Hosting, beheer en de koppeling met het DMS."
    schermafdruk(priya, "overeenkomst-gelijktijdig-conflict")
    assert axe_bevindingen(priya) == []
    ovk.refresh_from_db()
    assert ovk.onderwerp == "Zaaksysteem: hosting en beheer (verlengd)"
    assert ovk.omschrijving != "Hosting, beheer en de koppeling met het DMS."

    # Saving again is a deliberate choice and goes through (her form still holds the old subject).
    priya.get_by_label("Onderwerp").fill("Zaaksysteem: hosting en beheer (verlengd)")
    priya.get_by_role("button", name="Opslaan").click()
    priya.wait_for_url(f"**/overeenkomsten/{ovk.uuid}/")
    ovk.refresh_from_db()
    assert ovk.omschrijving == "Hosting, beheer en de koppeling met het DMS."
    assert ovk.onderwerp == "Zaaksysteem: hosting en beheer (verlengd)"
