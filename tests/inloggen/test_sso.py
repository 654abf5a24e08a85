"""Single sign-on through a real OpenID Connect provider (tools/oidc-dev under node), with roles from groups."""

from urllib.parse import urljoin

import pytest
import requests
from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_logged_in, user_login_failed

from privacy_portal.inloggen.models import SsoGroep, SsoIdentiteit
from privacy_portal.organisaties.models import RolToewijzing
from privacy_portal.organisaties.rollen import Rol
from tests.factories import GemeenteFactory, RolFactory, TeamFactory, UserFactory
from tests.oidc_dev import gebruiker, oidc_provider

TERUG = "http://testserver/inloggen/sso/terug/"
SANNE = "0c6f3e1a-sanne"


@pytest.fixture(scope="module")
def idp():
    gebruikers = {
        **gebruiker(SANNE, "sanne", groepen=["pp-po-voorbeeldstad", "pp-medewerkers-burgerzaken"]),
        **gebruiker("5d2a-zora", "zora", groepen=["een-groep-zonder-rol"], voornaam="Zora"),
        **gebruiker("77aa-dubbel", "dubbel", groepen=["pp-po-voorbeeldstad"], email="lokaal@voorbeeldstad.example"),
    }
    with oidc_provider(redirect_uris=[TERUG], gebruikers=gebruikers) as provider:
        yield provider


@pytest.fixture
def sso(idp, settings):
    for naam, waarde in idp.instellingen().items():
        setattr(settings, naam, waarde)
    return idp


@pytest.fixture
def gemeenten(db):
    voorbeeldstad = GemeenteFactory(naam="Voorbeeldstad", slug="voorbeeldstad")
    randdorp = GemeenteFactory(naam="Randdorp", slug="randdorp")
    burgerzaken = TeamFactory(gemeente=voorbeeldstad, naam="Burgerzaken")
    SsoGroep.objects.create(groep="pp-po-voorbeeldstad", rol=Rol.PRIVACY_OFFICER, gemeente=voorbeeldstad)
    SsoGroep.objects.create(
        groep="pp-medewerkers-burgerzaken", rol=Rol.MEDEWERKER, gemeente=voorbeeldstad, team=burgerzaken
    )
    return voorbeeldstad, randdorp, burgerzaken


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


def sso_inloggen(client, idp, login, wachtwoord="geheim-bij-idp"):
    """The browser's way through the provider: portal → provider login form → back with a code."""
    antwoord = client.get("/inloggen/sso/")
    assert antwoord.status_code == 302 and antwoord["Location"].startswith(f"{idp.issuer}/auth?")
    browser = requests.Session()
    adres = antwoord["Location"]
    formulier_gepost = False
    for _ in range(10):
        r = browser.get(adres, allow_redirects=False, timeout=10)
        if r.status_code == 200 and "/interaction/" in adres and not formulier_gepost:
            r = browser.post(
                f"{adres}/login", data={"login": login, "password": wachtwoord}, allow_redirects=False, timeout=10
            )
            formulier_gepost = True
            assert r.status_code in (302, 303), r.text
        adres = urljoin(adres, r.headers["location"])
        if adres.startswith("http://testserver/"):
            return client.get(adres.removeprefix("http://testserver"))
    raise AssertionError("de provider stuurde niet terug naar de portal")


def test_sso_login_maakt_de_gebruiker_met_rollen_uit_de_groepen(client, sso, gemeenten, signalen):
    voorbeeldstad, _, burgerzaken = gemeenten
    antwoord = sso_inloggen(client, sso, "sanne")
    assert antwoord.status_code == 302 and antwoord["Location"] == "/"

    user = get_user_model().objects.get(sso_identiteit__sub=SANNE)
    assert user.sso_identiteit.issuer == sso.issuer
    assert (user.first_name, user.email) == ("Sanne", "sanne@idp.example")
    assert not user.has_usable_password()
    rollen = {(t.rol, t.gemeente_id, t.team_id, t.bron) for t in RolToewijzing.objects.filter(gebruiker=user)}
    assert rollen == {
        (Rol.PRIVACY_OFFICER, voorbeeldstad.pk, None, "sso"),
        (Rol.MEDEWERKER, voorbeeldstad.pk, burgerzaken.pk, "sso"),
    }
    assert ("ingelogd", user.username) in signalen
    assert client.get("/").status_code == 200
    assert user.has_perm("registers.beoordelen_verwerking", voorbeeldstad)


def test_volgende_login_werkt_de_sso_rollen_bij_en_laat_handmatige_staan(client, sso, gemeenten):
    voorbeeldstad, randdorp, _ = gemeenten
    sso_inloggen(client, sso, "sanne")
    user = get_user_model().objects.get(sso_identiteit__sub=SANNE)
    hand = RolFactory(gebruiker=user, rol=Rol.FG, gemeente=randdorp)
    # The beheerder moves the medewerkers-group to another role and the po-group away.
    SsoGroep.objects.get(groep="pp-po-voorbeeldstad").delete()
    SsoGroep.objects.create(groep="pp-medewerkers-burgerzaken", rol=Rol.CISO, gemeente=voorbeeldstad)
    client.logout()

    antwoord = sso_inloggen(client, sso, "sanne")
    assert antwoord.status_code == 302 and antwoord["Location"] == "/"
    rollen = {(t.rol, t.gemeente_id, t.bron) for t in RolToewijzing.objects.filter(gebruiker=user)}
    assert rollen == {
        (Rol.MEDEWERKER, voorbeeldstad.pk, "sso"),
        (Rol.CISO, voorbeeldstad.pk, "sso"),
        (Rol.FG, randdorp.pk, "handmatig"),
    }
    assert RolToewijzing.objects.filter(pk=hand.pk).exists()
    assert get_user_model().objects.filter(sso_identiteit__sub=SANNE).count() == 1
    # The removal is in the history with its reason.
    verwijderd = RolToewijzing.history.filter(gebruiker_id=user.pk, history_type="-").get()
    assert verwijderd.rol == Rol.PRIVACY_OFFICER and "SSO" in verwijderd.history_change_reason


def test_zonder_gekoppelde_groep_geen_toegang_en_een_duidelijke_pagina(client, sso, gemeenten, signalen):
    antwoord = sso_inloggen(client, sso, "zora")
    assert antwoord.status_code == 302
    pagina = client.get(antwoord["Location"])
    assert pagina.status_code == 403
    assert "nog geen toegang tot de Privacy Portal" in pagina.content.decode()
    assert not get_user_model().objects.filter(username__startswith="zora").exists()
    assert "_auth_user_id" not in client.session
    assert any(soort == "mislukt" for soort, _ in signalen)
    assert client.get("/")["Location"].startswith("/inloggen/")


def test_groep_weg_bij_de_provider_dan_rollen_weg_en_geen_toegang(client, sso, gemeenten):
    sso_inloggen(client, sso, "sanne")
    user = get_user_model().objects.get(sso_identiteit__sub=SANNE)
    client.logout()
    for groep in SsoGroep.objects.all():
        groep.delete()

    antwoord = sso_inloggen(client, sso, "sanne")
    assert client.get(antwoord["Location"]).status_code == 403
    assert not RolToewijzing.objects.filter(gebruiker=user).exists()
    assert "_auth_user_id" not in client.session


def test_gebruiker_wordt_gevonden_op_sub_niet_op_email(client, sso, gemeenten):
    lokaal = UserFactory(username="lokaal", email="lokaal@voorbeeldstad.example")
    sso_inloggen(client, sso, "dubbel")
    nieuw = get_user_model().objects.get(sso_identiteit__sub="77aa-dubbel")
    assert nieuw.pk != lokaal.pk
    assert not SsoIdentiteit.objects.filter(gebruiker=lokaal).exists()
    assert int(client.session["_auth_user_id"]) == nieuw.pk


def test_gekoppeld_lokaal_account_logt_via_sso_in(client, sso, gemeenten):
    lokaal = UserFactory(username="lokaal", email="iets@anders.example")
    SsoIdentiteit.objects.create(gebruiker=lokaal, issuer=sso.issuer, sub="77aa-dubbel")
    sso_inloggen(client, sso, "dubbel")
    assert int(client.session["_auth_user_id"]) == lokaal.pk


def test_verkeerd_wachtwoord_bij_provider_geeft_geen_login(client, sso, gemeenten):
    with pytest.raises(AssertionError):
        sso_inloggen(client, sso, "sanne", wachtwoord="fout")
    assert "_auth_user_id" not in client.session


def test_geweigerd_bij_de_provider_geeft_signaal_en_nette_pagina(client, sso, gemeenten, signalen):
    client.get("/inloggen/sso/")
    antwoord = client.get("/inloggen/sso/terug/", {"error": "access_denied", "state": "x"})
    assert antwoord.status_code == 302
    pagina = client.get(antwoord["Location"])
    assert pagina.status_code == 403 and "afgebroken" in pagina.content.decode()
    assert any(soort == "mislukt" for soort, _ in signalen)


def test_vervalste_terugkeer_geeft_geen_500(client, sso, gemeenten):
    client.get("/inloggen/sso/")
    antwoord = client.get("/inloggen/sso/terug/", {"code": "verzonnen", "state": "onbekend"})
    assert antwoord.status_code == 302
    assert client.get(antwoord["Location"]).status_code == 403
    assert "_auth_user_id" not in client.session


def test_loginpagina_toont_beide_manieren_met_sso(client, sso, db):
    html = client.get("/inloggen/").content.decode()
    assert "Inloggen met uw organisatie-account" in html and 'name="password"' in html


def test_zonder_configuratie_geen_sso(client, db, settings):
    settings.OIDC_RP_CLIENT_ID = ""
    html = client.get("/inloggen/").content.decode()
    assert "/inloggen/sso/" not in html and 'name="password"' in html
    assert client.get("/inloggen/sso/").status_code == 404
    assert client.get("/inloggen/sso/terug/", {"code": "x", "state": "y"}).status_code == 404


def test_token_van_een_andere_issuer_wordt_geweigerd(client, sso, gemeenten, settings):
    settings.OIDC_OP_ISSUER = "https://andere-provider.example"
    antwoord = sso_inloggen(client, sso, "sanne")
    assert antwoord["Location"] == "/inloggen/sso/mislukt/"
    assert "_auth_user_id" not in client.session
    assert not SsoIdentiteit.objects.exists()


def test_onbereikbare_provider_geeft_een_nette_pagina(client, sso, gemeenten, settings):
    settings.OIDC_OP_TOKEN_ENDPOINT = "http://127.0.0.1:9/token"  # nothing listens on the discard port
    antwoord = sso_inloggen(client, sso, "sanne")
    assert antwoord["Location"] == "/inloggen/sso/mislukt/"
    pagina = client.get(antwoord["Location"])
    assert pagina.status_code == 403 and "afgebroken of niet gelukt" in pagina.content.decode()
