"""The second factor for password logins in a gemeente that requires it (django-otp: TOTP and recovery codes)."""

import pytest
from django.contrib.auth.signals import user_login_failed
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from privacy_portal.core.api_sleutels import sleutel_maken
from privacy_portal.inloggen.sso import BACKEND as SSO_BACKEND
from privacy_portal.organisaties.rollen import Rol
from tests.factories import GemeenteFactory, RolFactory, UserFactory

WACHTWOORD = "geheim-wachtwoord-123"


def code(apparaat, *, stappen_verder=0):
    totp = TOTP(apparaat.bin_key, apparaat.step, apparaat.t0, apparaat.digits)
    totp.time += stappen_verder * apparaat.step
    return f"{totp.token():06d}"


@pytest.fixture
def streng(db):
    """A gemeente that requires a second factor, and a privacy officer there."""
    gemeente = GemeenteFactory(naam="Veiligdorp", slug="veiligdorp", mfa_verplicht=True)
    user = UserFactory(username="po-veiligdorp")
    RolFactory(gebruiker=user, rol=Rol.PRIVACY_OFFICER, gemeente=gemeente)
    return user


@pytest.fixture
def met_app(streng):
    apparaat = TOTPDevice.objects.create(user=streng, name="Authenticator-app", confirmed=True)
    herstel = StaticDevice.objects.create(user=streng, name="Herstelcodes", confirmed=True)
    herstel.token_set.create(token="herstel1234")
    return apparaat


def wachtwoord_login(client, user):
    antwoord = client.post("/inloggen/", {"username": user.username, "password": WACHTWOORD, "next": "/"})
    assert antwoord.status_code == 302, antwoord.content.decode()


def test_zonder_tweede_factor_geen_pagina_en_geen_api(client, streng):
    wachtwoord_login(client, streng)
    antwoord = client.get("/")
    assert antwoord.status_code == 302
    assert antwoord["Location"] == "/inloggen/tweede-factor/?next=%2F"
    assert client.get("/verwerkingen/").status_code == 302
    api = client.get("/api/v1/verwerkingen")
    assert api.status_code == 403
    assert api["Content-Type"] == "application/problem+json"
    assert "tweede factor" in api.json()["detail"]


def test_gemeente_zonder_verplichting_vraagt_niets(client, db):
    gemeente = GemeenteFactory(naam="Randdorp", slug="randdorp")
    user = UserFactory(username="po-randdorp")
    RolFactory(gebruiker=user, rol=Rol.PRIVACY_OFFICER, gemeente=gemeente)
    wachtwoord_login(client, user)
    assert client.get("/").status_code == 200
    assert client.get("/api/v1/verwerkingen").status_code == 200


def test_sso_sessie_is_vrijgesteld(client, streng):
    client.force_login(streng, backend=SSO_BACKEND)
    assert client.get("/").status_code == 200


def test_api_token_blijft_werken(client, streng):
    _, sleutel = sleutel_maken(gebruiker=streng, naam="Koppeling")
    antwoord = client.get("/api/v1/verwerkingen", HTTP_AUTHORIZATION=f"Token {sleutel}")
    assert antwoord.status_code == 200


def test_instellen_met_qr_code_en_herstelcodes_die_een_keer_getoond_worden(client, streng):
    wachtwoord_login(client, streng)
    assert client.get("/inloggen/tweede-factor/?next=/")["Location"].startswith("/inloggen/tweede-factor/instellen/")
    pagina = client.get("/inloggen/tweede-factor/instellen/?next=/")
    html = pagina.content.decode()
    assert pagina.status_code == 200 and "<svg" in html and "QR-code" in html
    # a viewBox, not a fixed size: the stylesheet scales the whole code instead of cutting it off
    assert '<svg viewBox="0 0 ' in html and "<svg width=" not in html
    assert pagina["Cache-Control"].startswith("max-age=0") or "no-store" in pagina["Cache-Control"]
    apparaat = TOTPDevice.objects.get(user=streng, confirmed=False)
    # Reloading the page keeps the same secret (the app scanned it already).
    client.get("/inloggen/tweede-factor/instellen/")
    assert TOTPDevice.objects.filter(user=streng).count() == 1

    fout = client.post("/inloggen/tweede-factor/instellen/", {"code": "000000", "next": "/"})
    assert "Deze code klopt niet" in fout.content.decode()
    apparaat.refresh_from_db()
    apparaat.throttle_reset()

    klaar = client.post("/inloggen/tweede-factor/instellen/", {"code": code(apparaat), "next": "/"})
    assert klaar.status_code == 200
    codes = list(StaticToken.objects.filter(device__user=streng).values_list("token", flat=True))
    assert len(codes) == 10 and all(c in klaar.content.decode() for c in codes)
    apparaat.refresh_from_db()
    assert apparaat.confirmed
    assert client.get("/").status_code == 200


def test_inloggen_met_code_uit_de_app(client, met_app):
    wachtwoord_login(client, met_app.user)
    assert client.get("/")["Location"] == "/inloggen/tweede-factor/?next=%2F"
    antwoord = client.post("/inloggen/tweede-factor/?next=/", {"code": code(met_app), "next": "/"})
    assert antwoord.status_code == 302 and antwoord["Location"] == "/"
    assert client.get("/").status_code == 200
    assert client.get("/api/v1/verwerkingen").status_code == 200


def test_verkeerde_code_geeft_melding_en_signaal(client, met_app):
    mislukt = []

    def ontvang(sender, credentials, **kwargs):
        mislukt.append(credentials)

    user_login_failed.connect(ontvang)
    try:
        wachtwoord_login(client, met_app.user)
        antwoord = client.post("/inloggen/tweede-factor/", {"code": "123456", "next": "/"})
    finally:
        user_login_failed.disconnect(ontvang)
    assert antwoord.status_code == 200
    assert "Deze code klopt niet" in antwoord.content.decode()
    assert mislukt == [{"username": "po-veiligdorp", "tweede_factor": True}]
    assert client.get("/").status_code == 302


def test_snel_achter_elkaar_raden_wordt_afgeremd(client, met_app):
    wachtwoord_login(client, met_app.user)
    client.post("/inloggen/tweede-factor/", {"code": "123456", "next": "/"})
    antwoord = client.post("/inloggen/tweede-factor/", {"code": code(met_app), "next": "/"})
    assert "te vaak een verkeerde code" in antwoord.content.decode()
    assert client.get("/").status_code == 302


def test_herstelcode_werkt_een_keer(client, met_app):
    wachtwoord_login(client, met_app.user)
    antwoord = client.post("/inloggen/tweede-factor/", {"code": "HERSTEL 1234", "next": "/"})
    assert antwoord.status_code == 302
    assert client.get("/").status_code == 200
    client.logout()

    wachtwoord_login(client, met_app.user)
    antwoord = client.post("/inloggen/tweede-factor/", {"code": "herstel1234", "next": "/"})
    assert antwoord.status_code == 200
    assert client.get("/").status_code == 302


def test_wie_al_een_app_heeft_kan_zonder_code_geen_nieuwe_instellen(client, met_app):
    wachtwoord_login(client, met_app.user)
    antwoord = client.get("/inloggen/tweede-factor/instellen/?next=/")
    assert antwoord.status_code == 302 and antwoord["Location"].startswith("/inloggen/tweede-factor/?")
    client.post("/inloggen/tweede-factor/instellen/", {"code": "123456"})
    assert TOTPDevice.objects.filter(user=met_app.user).count() == 1


def test_volgende_buiten_de_portal_wordt_genegeerd(client, met_app):
    wachtwoord_login(client, met_app.user)
    antwoord = client.post("/inloggen/tweede-factor/", {"code": code(met_app), "next": "https://elders.example/"})
    assert antwoord["Location"] == "/"


def test_openbare_paginas_blijven_open_voor_wie_de_tweede_stap_nog_moet_doen(client, streng):
    wachtwoord_login(client, streng)
    assert client.get("/toegankelijkheid/").status_code == 200
    assert client.get("/register/").status_code == 200
