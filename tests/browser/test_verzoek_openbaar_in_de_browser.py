"""An inwoner files an inzageverzoek on the public page without JavaScript, confirms it by the e-mailed
link and sees the receipt; axe-core checks every page on the way (issue 4, "Done when")."""

import re

import pytest
from django.core import mail
from django.core.cache import cache

from rechten.constants import Status
from rechten.models import Verzoek

from .conftest import axe_bevindingen, schermafdruk

pytestmark = pytest.mark.browser


def _toegankelijk(page, naam, url=None):
    """axe-core needs JavaScript: check the same page in a second tab that allows it."""
    if url is not None:
        page.goto(url)
    schermafdruk(page, naam)
    assert axe_bevindingen(page) == [], naam


def test_inwoner_dient_een_inzageverzoek_in_en_bevestigt_het(demo, nieuwe_pagina):
    cache.clear()
    inwoner = nieuwe_pagina(javascript=False)
    axe = nieuwe_pagina()
    inwoner.goto("/register/voorbeeldstad/")
    inwoner.get_by_role("link", name="Uw gegevens inzien of laten aanpassen? Dien een verzoek in.").click()
    inwoner.wait_for_url("**/register/voorbeeldstad/verzoek/")
    formulier = inwoner.url
    _toegankelijk(axe, "verzoek-openbaar-formulier", formulier)

    # an empty form: Dutch messages, nothing saved
    aantal = Verzoek.objects.count()
    inwoner.get_by_role("button", name="Verstuur mijn verzoek").click()
    assert "Kies minstens één ding dat u wilt." in inwoner.content()
    schermafdruk(inwoner, "verzoek-openbaar-fouten")
    axe.get_by_role("button", name="Verstuur mijn verzoek").click()
    assert "Kies minstens één ding dat u wilt." in axe.content()
    _toegankelijk(axe, "verzoek-openbaar-fouten-axe")
    assert Verzoek.objects.count() == aantal

    inwoner.get_by_label("Mijn gegevens inzien").check()
    inwoner.get_by_label("Uw naam").fill("Willemijn Browser")
    inwoner.get_by_label("Uw e-mailadres").fill("willemijn@example.org")
    inwoner.get_by_role("button", name="Verstuur mijn verzoek").click()
    inwoner.wait_for_url("**/verzoek/verstuurd/")
    assert "willemijn" not in inwoner.url and "Kijk in uw e-mail" in inwoner.content()
    _toegankelijk(axe, "verzoek-openbaar-verstuurd", inwoner.url)
    verzoek = Verzoek.objects.get(verzoeker_email="willemijn@example.org")
    assert verzoek.status == Status.ONBEVESTIGD

    bericht = next(m for m in mail.outbox if m.to == ["willemijn@example.org"])
    link = re.search(r"https?://\S+/bevestigen/[\w-]+/", bericht.body).group(0)
    inwoner.goto(link)  # opening the link changes nothing (mail scanners open links too)
    assert "Bevestig uw verzoek" in inwoner.content()
    verzoek.refresh_from_db()
    assert verzoek.status == Status.ONBEVESTIGD
    _toegankelijk(axe, "verzoek-openbaar-bevestigen", link)
    inwoner.get_by_role("button", name="Bevestig mijn verzoek").click()
    inwoner.wait_for_load_state()
    assert "Uw verzoek is ontvangen" in inwoner.content() and verzoek.kenmerk in inwoner.content()
    verzoek.refresh_from_db()
    assert verzoek.status == Status.ONTVANGEN and verzoek.deadline
    _toegankelijk(axe, "verzoek-openbaar-ontvangen", link)  # a second click changes nothing
    assert verzoek.kenmerk in axe.content()

    _toegankelijk(axe, "verzoek-openbaar-foute-link", "/register/voorbeeldstad/verzoek/bevestigen/verzonnen/")
    assert "Deze link werkt niet" in axe.content()
