"""Two people correct the same rights request at once, in headless Chromium: the first saves, the
second gets the conflict block naming the first person's change, and keeps what they typed."""

import pytest
from django.contrib.auth import get_user_model

from privacy_portal.organisaties.models import Gemeente
from privacy_portal.organisaties.rollen import Rol
from rechten.models import Verzoek
from tests.factories import RolFactory, UserFactory

from .conftest import inloggen, schermafdruk

pytestmark = pytest.mark.browser


def test_tweede_opslag_ziet_het_conflict_met_de_wijziging_van_de_eerste(demo, nieuwe_pagina):
    po = get_user_model().objects.get(username="privacyofficer")
    jurist = UserFactory(username="jurist", first_name="Joris", last_name="Jurist", password="demo")
    RolFactory(gebruiker=jurist, rol=Rol.JURIST, gemeente=Gemeente.objects.get(slug="voorbeeldstad"))
    verzoek = next(v for v in Verzoek.objects.filter(gemeente__slug="voorbeeldstad").order_by("pk") if v.is_open)
    url = f"/verzoeken/{verzoek.uuid}/wijzigen/"

    eerste, tweede = nieuwe_pagina(), nieuwe_pagina()  # two browser contexts: two people
    for pagina, gebruiker in ((eerste, jurist), (tweede, po)):
        inloggen(pagina, gebruiker.username)
        pagina.goto(url)

    eerste.get_by_label("Hoe is het verzoek binnengekomen?").select_option("telefoon")
    eerste.get_by_role("button", name="Opslaan").click()
    eerste.wait_for_url(f"**/verzoeken/{verzoek.uuid}/")
    assert "zijn opgeslagen" in eerste.content()

    tweede.get_by_label("Telefoonnummer").fill("010 7654321")
    tweede.get_by_role("button", name="Opslaan").click()
    blok = tweede.locator(".utrecht-alert--warning")
    assert "Intussen gewijzigd." in blok.inner_text() and "Joris Jurist" in blok.inner_text()
    assert "hoe ontvangen" in blok.inner_text() and "Telefoon" in blok.inner_text()
    assert tweede.get_by_label("Telefoonnummer").input_value() == "010 7654321"
    schermafdruk(tweede, "verzoek-gelijktijdig-conflict")

    verzoek.refresh_from_db()
    assert verzoek.kanaal == "telefoon" and verzoek.verzoeker_telefoon != "010 7654321"

    tweede.get_by_role("button", name="Opslaan").click()  # a deliberate second save goes through
    tweede.wait_for_url(f"**/verzoeken/{verzoek.uuid}/")
    verzoek.refresh_from_db()
    assert verzoek.verzoeker_telefoon == "010 7654321"
