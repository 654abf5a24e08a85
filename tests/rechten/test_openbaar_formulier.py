"""The inwoner's own form: submit, confirm by the e-mailed link, receipt; rate limits; no personal data in URLs."""

import re

import pytest
from django.core import mail
from django.core.cache import cache
from django.test import override_settings

from rechten.constants import Status
from rechten.models import Verzoek
from rechten.public_views import _sleutel

FORMULIER = "/register/voorbeeldstad/verzoek/"
NAAM = "Jantje Geheimnaam"
EMAIL = "jantje.geheim@example.org"


@pytest.fixture(autouse=True)
def eigen_cache(settings):
    """A private in-memory cache per test: the rate-limit counters start at zero."""
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "vzo"}}
    cache.clear()
    yield
    cache.clear()


def _invullen(**extra):
    data = {
        "soorten": ["inzage", "rectificatie"],
        "verzoeker_naam": NAAM,
        "verzoeker_email": EMAIL,
        "verzoeker_telefoon": "",
        "verzoeker_adres": "",
        "omschrijving": "Over mijn paspoortaanvraag.",
    }
    data.update(extra)
    return data


def _versturen(client, capture, **extra):
    adres = extra.pop("adres", "192.0.2.10")
    with capture(execute=True):
        return client.post(FORMULIER, _invullen(**extra), REMOTE_ADDR=adres)


def _link(bericht):
    return re.search(r"http://testserver(/register/voorbeeldstad/verzoek/bevestigen/[\w-]+/)", bericht.body).group(1)


def _geen_persoonsgegevens(url):
    assert NAAM.split()[1].lower() not in url.lower() and "example.org" not in url and "@" not in url


@pytest.mark.django_db
def test_het_formulier_is_er_en_het_register_linkt_ernaar(client, wereld):
    pagina = client.get(FORMULIER)
    assert pagina.status_code == 200
    tekst = pagina.content.decode()
    assert "Mijn gegevens inzien" in tekst and "Mijn gegevens verbeteren" in tekst and "<script>" not in tekst
    assert 'name="verzoeker_email"' in tekst and "fg@voorbeeldstad.example" in tekst
    register = client.get("/register/voorbeeldstad/").content.decode()
    assert f'href="{FORMULIER}"' in register and "Dien een verzoek in." in register
    assert client.get("/register/bestaat-niet/verzoek/").status_code == 404


@pytest.mark.django_db
def test_indienen_bevestigen_en_ontvangstbewijs(client, wereld, django_capture_on_commit_callbacks):
    antwoord = _versturen(client, django_capture_on_commit_callbacks)
    assert antwoord.status_code == 302 and antwoord["Location"] == "/register/voorbeeldstad/verzoek/verstuurd/"
    _geen_persoonsgegevens(antwoord["Location"])
    verzoek = Verzoek.objects.get()
    assert verzoek.status == Status.ONBEVESTIGD and verzoek.deadline is None and verzoek.ontvangen_op is None
    assert verzoek.kanaal == "webformulier" and verzoek.soorten == ["inzage", "rectificatie"]
    assert "Kijk in uw e-mail" in client.get(antwoord["Location"]).content.decode()

    # not a received request for the staff yet
    client.force_login(wereld["privacy_officer"])
    # (by its link: the search field's label shows an example kenmerk that may equal this one)
    assert str(verzoek.uuid) not in client.get("/verzoeken/").content.decode()
    client.logout()

    assert len(mail.outbox) == 1
    bericht = mail.outbox[0]
    assert bericht.to == [EMAIL] and NAAM not in bericht.subject and EMAIL not in bericht.subject
    link = _link(bericht)
    _geen_persoonsgegevens(link)

    # opening the link (as a mail scanner does) confirms nothing: the page has a button
    with django_capture_on_commit_callbacks(execute=True):
        geopend = client.get(link)
    assert geopend.status_code == 200 and "Bevestig mijn verzoek" in geopend.content.decode()
    assert '<form method="post">' in geopend.content.decode()
    verzoek.refresh_from_db()
    assert verzoek.status == Status.ONBEVESTIGD and verzoek.deadline is None and len(mail.outbox) == 1

    with django_capture_on_commit_callbacks(execute=True):
        ontvangen = client.post(link)
    assert ontvangen.status_code == 200
    verzoek.refresh_from_db()
    assert verzoek.status == Status.ONTVANGEN and verzoek.ontvangen_op and verzoek.deadline
    tekst = ontvangen.content.decode()
    assert verzoek.kenmerk in tekst and "U krijgt uiterlijk antwoord op" in tekst
    from django.utils.formats import date_format

    deadline_in_woorden = date_format(verzoek.deadline, "j F Y")
    assert deadline_in_woorden in tekst and re.search(r"[a-z]+ \d{4}", deadline_in_woorden)
    assert "functionaris gegevensbescherming" in tekst and "fg@voorbeeldstad.example" in tekst
    # now a received request: the staff list shows it
    medewerker_client = type(client)()
    medewerker_client.force_login(wereld["privacy_officer"])
    assert str(verzoek.uuid) in medewerker_client.get("/verzoeken/").content.decode()

    ontvangstbewijs = [m for m in mail.outbox if verzoek.kenmerk in m.subject]
    assert len(ontvangstbewijs) == 1 and ontvangstbewijs[0].to == [EMAIL]
    assert deadline_in_woorden in ontvangstbewijs[0].body and NAAM not in ontvangstbewijs[0].subject

    # opening or pressing again shows the same receipt, changes nothing and sends nothing
    geschiedenis = verzoek.history.count()
    with django_capture_on_commit_callbacks(execute=True):
        nog_eens = client.get(link)
        nog_eens_gedrukt = client.post(link)
    assert nog_eens.status_code == 200 and verzoek.kenmerk in nog_eens.content.decode()
    assert nog_eens_gedrukt.status_code == 200 and verzoek.kenmerk in nog_eens_gedrukt.content.decode()
    assert verzoek.history.count() == geschiedenis and len(mail.outbox) == 2


@pytest.mark.django_db
def test_foute_link_geeft_een_vriendelijke_pagina(client, wereld, django_capture_on_commit_callbacks):
    _versturen(client, django_capture_on_commit_callbacks)
    link = _link(mail.outbox[0])
    fout = client.get("/register/voorbeeldstad/verzoek/bevestigen/verzonnen-code/")
    assert fout.status_code == 400 and "Deze link werkt niet" in fout.content.decode()
    assert client.post("/register/voorbeeldstad/verzoek/bevestigen/verzonnen-code/").status_code == 400
    # the right token with another gemeente is not valid either
    elders = client.get(link.replace("voorbeeldstad", "randdorp"))
    assert elders.status_code == 400
    assert Verzoek.objects.get().status == Status.ONBEVESTIGD


@pytest.mark.django_db
def test_verlopen_link_verandert_niets(client, wereld, django_capture_on_commit_callbacks):
    from datetime import timedelta

    _versturen(client, django_capture_on_commit_callbacks)
    verzoek = Verzoek.objects.get()
    verzoek.aangemaakt_op -= timedelta(days=8)
    verzoek.save()
    fout = client.get(_link(mail.outbox[0]))
    assert fout.status_code == 400 and "verlopen" in fout.content.decode()
    fout = client.post(_link(mail.outbox[0]))
    assert fout.status_code == 400 and "verlopen" in fout.content.decode()
    verzoek.refresh_from_db()
    assert verzoek.status == Status.ONBEVESTIGD and verzoek.deadline is None and len(mail.outbox) == 1


@pytest.mark.django_db
def test_fouten_in_het_formulier(client, wereld):
    antwoord = client.post(FORMULIER, _invullen(soorten=[], verzoeker_naam="", verzoeker_email="geen-adres"))
    assert antwoord.status_code == 200
    tekst = antwoord.content.decode()
    assert "Kies minstens één ding dat u wilt." in tekst and "Vul uw naam in." in tekst
    assert "Vul een geldig e-mailadres in" in tekst and 'aria-invalid="true"' in tekst
    assert not Verzoek.objects.exists() and not mail.outbox


@pytest.mark.django_db
def test_zesde_inzending_van_hetzelfde_adres_binnen_het_uur(client, wereld, django_capture_on_commit_callbacks):
    for i in range(5):
        antwoord = _versturen(client, django_capture_on_commit_callbacks, verzoeker_email=f"persoon{i}@example.org")
        assert antwoord.status_code == 302, i
    antwoord = _versturen(client, django_capture_on_commit_callbacks, verzoeker_email="persoon5@example.org")
    assert antwoord.status_code == 429 and "Even wachten" in antwoord.content.decode()
    assert Verzoek.objects.count() == 5 and len(mail.outbox) == 5
    # another address may still submit
    anders = client.post(FORMULIER, _invullen(verzoeker_email="ander@example.org"), REMOTE_ADDR="198.51.100.7")
    assert anders.status_code == 302


@pytest.mark.django_db
def test_vierde_inzending_met_hetzelfde_e_mailadres(client, wereld, django_capture_on_commit_callbacks):
    for i in range(3):
        assert _versturen(client, django_capture_on_commit_callbacks, adres=f"192.0.2.{i}").status_code == 302
    antwoord = client.post(FORMULIER, _invullen(verzoeker_email=EMAIL.upper()), REMOTE_ADDR="192.0.2.99")
    assert antwoord.status_code == 429 and Verzoek.objects.count() == 3


@pytest.mark.django_db
def test_de_cache_bewaart_alleen_een_hash(client, wereld, django_capture_on_commit_callbacks):
    _versturen(client, django_capture_on_commit_callbacks)
    sleutels = list(cache._cache.keys())
    assert sleutels and not any(EMAIL in s or "192.0.2.10" in s for s in sleutels)
    assert cache.get(_sleutel("email", EMAIL)) == 1
    assert cache.get(_sleutel("adres", f"{wereld.gemeente.pk}:192.0.2.10")) == 1


def _vol(client, capture, aantal, **meta):
    """Submit `aantal` requests with different e-mail addresses; the status codes."""
    codes = []
    for i in range(aantal):
        with capture(execute=True):
            antwoord = client.post(FORMULIER, _invullen(verzoeker_email=f"p{i}-{len(meta)}@example.org"), **meta)
        codes.append(antwoord.status_code)
    return codes


@pytest.mark.django_db
def test_achter_een_onbekende_proxy_sluit_het_formulier_niet_voor_iedereen(
    client, wereld, django_capture_on_commit_callbacks, settings
):
    """Without VERTROUWDE_PROXIES every inwoner comes from the proxy's address: six inwoners in an
    hour must not close the form for the seventh."""
    settings.VERTROUWDE_PROXIES = []
    codes = []
    for i in range(7):
        with django_capture_on_commit_callbacks(execute=True):
            antwoord = client.post(
                FORMULIER,
                _invullen(verzoeker_email=f"inwoner{i}@example.org"),
                REMOTE_ADDR="10.0.0.2",
                HTTP_X_FORWARDED_FOR=f"203.0.113.{i + 1}",
            )
        codes.append(antwoord.status_code)
    assert codes == [302] * 7


@pytest.mark.django_db
def test_een_verzonnen_doorstuurkop_geeft_geen_onbeperkt_aantal_verzoeken(
    client, wereld, django_capture_on_commit_callbacks, settings, monkeypatch
):
    """Anyone can send X-Forwarded-For: a new made-up address per request must still hit a ceiling
    per sending address (PER_AFZENDER, lowered here to keep the test short)."""
    from rechten import public_views

    settings.VERTROUWDE_PROXIES = []
    monkeypatch.setattr(public_views, "PER_AFZENDER", 8)
    codes = []
    for i in range(9):
        with django_capture_on_commit_callbacks(execute=True):
            antwoord = client.post(
                FORMULIER,
                _invullen(verzoeker_email=f"spam{i}@example.org"),
                REMOTE_ADDR="198.51.100.66",
                HTTP_X_FORWARDED_FOR=f"192.0.2.{i + 1}",
            )
        codes.append(antwoord.status_code)
    assert codes == [302] * 8 + [429]
    assert Verzoek.objects.count() == 8


@pytest.mark.django_db
def test_achter_de_vertrouwde_proxy_telt_de_echte_client(client, wereld, django_capture_on_commit_callbacks, settings):
    settings.VERTROUWDE_PROXIES = ["10.0.0.0/24"]
    via_proxy = {"REMOTE_ADDR": "10.0.0.2", "HTTP_X_FORWARDED_FOR": "203.0.113.7"}
    assert _vol(client, django_capture_on_commit_callbacks, 6, **via_proxy) == [302] * 5 + [429]
    ander = {"REMOTE_ADDR": "10.0.0.2", "HTTP_X_FORWARDED_FOR": "203.0.113.8", "HTTP_X_TEST": "1"}
    assert _vol(client, django_capture_on_commit_callbacks, 1, **ander) == [302]


@pytest.mark.django_db
def test_de_limiet_per_adres_geldt_per_gemeente(client, wereld, django_capture_on_commit_callbacks):
    assert _vol(client, django_capture_on_commit_callbacks, 6, REMOTE_ADDR="192.0.2.10") == [302] * 5 + [429]
    with django_capture_on_commit_callbacks(execute=True):
        elders = client.post(
            "/register/randdorp/verzoek/", _invullen(verzoeker_email="elders@example.org"), REMOTE_ADDR="192.0.2.10"
        )
    assert elders.status_code == 302


@pytest.mark.django_db
def test_zonder_bereikbare_cache_werkt_het_formulier_en_staat_er_een_waarschuwing_in_het_log(
    client, wereld, django_capture_on_commit_callbacks, caplog
):
    onbereikbaar = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": "redis://127.0.0.1:1/7"}
    }
    with override_settings(CACHES=onbereikbaar), caplog.at_level("WARNING", logger="rechten.public_views"):
        antwoord = _versturen(client, django_capture_on_commit_callbacks)
    assert antwoord.status_code == 302 and Verzoek.objects.count() == 1 and len(mail.outbox) == 1
    waarschuwingen = [r for r in caplog.records if r.name == "rechten.public_views" and r.levelname == "WARNING"]
    assert waarschuwingen and "cache" in waarschuwingen[0].getMessage()
    assert not any(EMAIL in r.getMessage() or "192.0.2.10" in r.getMessage() for r in caplog.records)
