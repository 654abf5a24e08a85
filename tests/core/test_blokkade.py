"""Login lockout (django-axes, privacy_portal.core.blokkade): per username across addresses and per
address, a clear Dutch message, and the beheerder's unlock that is recorded."""

import re

import pytest
from axes.models import AccessAttempt
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.test import RequestFactory
from django.urls import reverse

from privacy_portal.core.models import AuditEvent
from tests.factories import UserFactory

WACHTWOORD = "juist-wachtwoord-123"


@pytest.fixture
def medewerker(db):
    user = UserFactory(username="jansen")
    user.set_password(WACHTWOORD)
    user.save()
    return user


def _inloggen(client, naam, wachtwoord, adres):
    return client.post(reverse("login"), {"username": naam, "password": wachtwoord}, REMOTE_ADDR=adres)


def test_foute_pogingen_vanaf_verschillende_adressen_tellen_samen(client, medewerker):
    """Today's (username, address) count gave an attacker five guesses per address."""
    for i in range(5):
        _inloggen(client, "jansen", "fout", f"192.0.2.{i + 1}")
    antwoord = _inloggen(client, "jansen", "fout", "192.0.2.50")
    assert antwoord.status_code == 429


def test_een_goed_wachtwoord_vanaf_een_ander_adres_helpt_niet_als_het_account_geblokkeerd_is(client, medewerker):
    for i in range(5):
        _inloggen(client, "jansen", "fout", f"192.0.2.{i + 1}")
    antwoord = _inloggen(client, "jansen", WACHTWOORD, "198.51.100.4")
    assert antwoord.status_code == 429
    assert "_auth_user_id" not in client.session


def test_een_adres_dat_veel_namen_probeert_wordt_ook_geblokkeerd(client, medewerker):
    for i in range(5):
        _inloggen(client, f"naam{i}", "fout", "192.0.2.9")
    antwoord = _inloggen(client, "jansen", WACHTWOORD, "192.0.2.9")
    assert antwoord.status_code == 429
    assert _inloggen(client, "jansen", WACHTWOORD, "192.0.2.10").status_code == 302


def test_de_melding_is_nederlands_en_zegt_niet_of_de_naam_bestaat(client, medewerker):
    for i in range(5):
        _inloggen(client, "jansen", "fout", "192.0.2.1")
        _inloggen(client, "bestaat-niet", "fout", f"192.0.2.{i + 20}")
    bestaat = _inloggen(client, "jansen", "fout", "198.51.100.1")
    bestaat_niet = _inloggen(client, "bestaat-niet", "fout", "198.51.100.2")
    for antwoord in (bestaat, bestaat_niet):
        tekst = antwoord.content.decode()
        assert antwoord.status_code == 429
        assert "U kunt tijdelijk niet inloggen" in tekst and "beheerder" in tekst
        assert "Traceback" not in tekst and "jansen" not in tekst and "bestaat-niet" not in tekst
    zonder_token = [re.sub(r'value="[^"]{64}"', "", a.content.decode()) for a in (bestaat, bestaat_niet)]
    assert zonder_token[0] == zonder_token[1]


def test_achter_de_vertrouwde_proxy_telt_de_echte_client(client, medewerker, settings):
    """Behind the TLS proxy every request comes from the proxy; five wrong passwords of one
    person must not lock another person out."""
    settings.VERTROUWDE_PROXIES = ["10.0.0.0/24"]
    for _ in range(5):
        client.post(
            reverse("login"),
            {"username": "iemand-anders", "password": "fout"},
            REMOTE_ADDR="10.0.0.2",
            HTTP_X_FORWARDED_FOR="203.0.113.7",
        )
    antwoord = client.post(
        reverse("login"),
        {"username": "jansen", "password": WACHTWOORD},
        REMOTE_ADDR="10.0.0.2",
        HTTP_X_FORWARDED_FOR="203.0.113.8",
    )
    assert antwoord.status_code == 302


def test_een_goede_login_wist_niet_de_fouten_van_een_ander_vanaf_hetzelfde_adres(client, medewerker):
    UserFactory(username="insider").set_password(WACHTWOORD)
    insider = get_user_model().objects.get(username="insider")
    insider.set_password(WACHTWOORD)
    insider.save()
    for _ in range(4):
        _inloggen(client, "jansen", "fout", "192.0.2.1")
    assert _inloggen(client, "insider", WACHTWOORD, "192.0.2.1").status_code == 302
    client.logout()
    assert _inloggen(client, "jansen", "fout", "198.51.100.1").status_code == 429


def test_de_beheerder_heft_de_blokkade_op_en_dat_staat_in_het_auditlog(client, medewerker):
    for i in range(5):
        _inloggen(client, "jansen", "fout", f"192.0.2.{i + 1}")
    assert _inloggen(client, "jansen", WACHTWOORD, "192.0.2.1").status_code == 429
    beheerder = get_user_model().objects.create_superuser("beheerder-blokkade", password="x-geheim-123456")
    beheer = admin.site._registry[AccessAttempt]
    verzoek = RequestFactory().post("/beheer/axes/accessattempt/")
    verzoek.user = beheerder
    verzoek._messages = type("M", (), {"add": lambda *a, **k: None})()
    assert "opheffen" in beheer.get_actions(verzoek) and "delete_selected" not in beheer.get_actions(verzoek)
    beheer.opheffen(verzoek, AccessAttempt.objects.filter(username="jansen")[:1])
    assert not AccessAttempt.objects.filter(username="jansen").exists()
    rij = AuditEvent.objects.get(actie=AuditEvent.Actie.BLOKKADE_OPGEHEVEN)
    assert rij.actor == beheerder and rij.object_id == str(medewerker.pk)
    assert _inloggen(client, "jansen", WACHTWOORD, "192.0.2.1").status_code == 302
