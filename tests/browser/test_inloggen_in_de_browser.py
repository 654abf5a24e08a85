"""Logging in as people do, in headless Chromium: through the local OpenID Connect provider
(tools/oidc-dev under node, with the demo accounts of tools/oidc-dev/gebruikers.json), and with a
password plus a code from an authenticator app. axe-core on every login page."""

import base64
import json
import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.db import connections
from django_otp.oath import TOTP

from privacy_portal.organisaties.models import Gemeente, RolToewijzing
from privacy_portal.organisaties.rollen import Rol
from tests.oidc_dev import SERVER, oidc_provider

from .conftest import axe_bevindingen, schermafdruk

pytestmark = pytest.mark.browser

DEMO_ACCOUNTS = json.loads((SERVER.parent / "gebruikers.json").read_text())


@pytest.fixture(scope="module")
def idp(live_server):
    with oidc_provider(redirect_uris=[f"{live_server.url}/inloggen/sso/terug/"], gebruikers=DEMO_ACCOUNTS) as p:
        yield p


@pytest.fixture
def sso(idp, settings):
    for naam, waarde in idp.instellingen().items():
        setattr(settings, naam, waarde)
    settings.OIDC_NAAM = "het Voorbeeldregio-account"
    return idp


@pytest.fixture
def signalen():
    gezien = []

    def ingelogd(sender, user, **kwargs):
        gezien.append(("ingelogd", user.username))

    def mislukt(sender, credentials, **kwargs):
        gezien.append(("mislukt", credentials))

    user_logged_in.connect(ingelogd)
    user_login_failed.connect(mislukt)
    yield gezien
    user_logged_in.disconnect(ingelogd)
    user_login_failed.disconnect(mislukt)


def _bij_de_provider_inloggen(page, login):
    page.goto("/inloggen/")
    assert axe_bevindingen(page) == []
    schermafdruk(page, "inloggen-met-sso-en-wachtwoord")
    page.get_by_role("link", name="Inloggen met het Voorbeeldregio-account").click()
    page.wait_for_url(re.compile(r"/interaction/"))
    page.get_by_label("Gebruikersnaam").fill(login)
    page.get_by_label("Wachtwoord").fill("demo")
    page.get_by_role("button", name="Inloggen bij de identiteitsprovider").click()


def test_sso_via_de_lokale_provider_tot_het_overzicht_met_de_rol(demo, sso, nieuwe_pagina, live_server, signalen):
    page = nieuwe_pagina()
    _bij_de_provider_inloggen(page, "sso-privacyofficer")
    page.wait_for_url(f"{live_server.url}/")
    assert page.get_by_role("heading", level=1).first.is_visible()
    assert "Sanne SSO" in page.locator(".kop__gebruiker").inner_text()
    assert page.get_by_role("link", name="Verwerkingen", exact=True).is_visible()
    schermafdruk(page, "sso-ingelogd-overzicht")

    user = get_user_model().objects.get(sso_identiteit__sub="7f3c2a10-sso-privacyofficer")
    rollen = [(t.rol, t.gemeente.slug, t.bron) for t in RolToewijzing.objects.filter(gebruiker=user)]
    assert rollen == [(Rol.PRIVACY_OFFICER, "voorbeeldstad", "sso")]
    assert ("ingelogd", user.username) in signalen


def test_sso_zonder_gekoppelde_groep_geeft_een_nette_weigering(demo, sso, nieuwe_pagina, signalen):
    page = nieuwe_pagina()
    _bij_de_provider_inloggen(page, "sso-zonderrol")
    page.wait_for_url(re.compile(r"/inloggen/sso/mislukt/$"))
    assert "nog geen toegang tot de Privacy Portal" in page.content()
    assert axe_bevindingen(page) == []
    schermafdruk(page, "sso-geen-toegang")
    assert any(soort == "mislukt" for soort, _ in signalen)
    page.goto("/")
    assert "/inloggen/" in page.url


def _code(geheim, *, stappen_verder=0):
    totp = TOTP(base64.b32decode(geheim + "=" * (-len(geheim) % 8)))
    totp.time += stappen_verder * 30
    return f"{totp.token():06d}"


def _wachtwoord(page, gebruiker):
    page.goto("/inloggen/")
    page.get_by_label("Gebruikersnaam").fill(gebruiker)
    page.get_by_label("Wachtwoord").fill("demo")
    page.get_by_role("button", name="Inloggen").click()


def test_wachtwoord_en_code_uit_de_app(demo, nieuwe_pagina, live_server):
    voorbeeldstad = Gemeente.objects.get(slug="voorbeeldstad")
    voorbeeldstad.mfa_verplicht = True
    voorbeeldstad.save()
    connections.close_all()

    page = nieuwe_pagina()
    _wachtwoord(page, "privacyofficer")
    page.wait_for_url(re.compile(r"/inloggen/tweede-factor/instellen/"))
    assert page.locator(".qr-code svg").is_visible()
    assert axe_bevindingen(page) == []
    schermafdruk(page, "tweede-factor-instellen")
    geheim = page.locator("code.geheim").inner_text()

    page.get_by_label("Code uit de app").fill(_code(geheim))
    page.get_by_role("button", name="Instellen").click()
    page.get_by_role("heading", name="Uw herstelcodes").wait_for()
    codes = page.locator(".herstelcodes code").all_inner_texts()
    assert len(codes) == 10
    assert axe_bevindingen(page) == []
    schermafdruk(page, "tweede-factor-herstelcodes")
    page.get_by_role("link", name="Ik heb de codes bewaard, ga verder").click()
    page.wait_for_url(f"{live_server.url}/")
    page.get_by_role("button", name="Uitloggen").click()

    # The next login asks for a code; the app's code of this period is used up, the next one is accepted.
    _wachtwoord(page, "privacyofficer")
    page.wait_for_url(re.compile(r"/inloggen/tweede-factor/\?next="))
    assert axe_bevindingen(page) == []
    page.get_by_label("Code").fill("000000")
    page.get_by_role("button", name="Bevestigen").click()
    assert page.get_by_role("alert").first.is_visible()
    schermafdruk(page, "tweede-factor-foute-code")
    page.wait_for_timeout(1100)  # django-otp lets the next try wait one second after a wrong code
    page.get_by_label("Code").fill(_code(geheim, stappen_verder=1))
    page.get_by_role("button", name="Bevestigen").click()
    page.wait_for_url(f"{live_server.url}/")
    assert page.get_by_role("link", name="Verwerkingen", exact=True).is_visible()
