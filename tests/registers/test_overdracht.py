"""Handover in the register van verwerkingen: every step tells the next person (one melding, one
e-mail with an absolute link that opens the verwerking), and each role's work list."""

import re

import pytest
from django.conf import settings
from django.core import mail
from django.test import Client
from django.utils import timezone

from privacy_portal.core.werklijst import werk_voor
from privacy_portal.notificaties.models import Notificatie, Soort
from privacy_portal.organisaties.rollen import Rol
from registers import services, werk
from registers.constants import Status

from ..factories import RolFactory, UserFactory, maak_verwerking


@pytest.fixture
def mensen(wereld):
    """Every user of the world with an e-mail address (the e-mail goes nowhere without one)."""
    for naam, user in wereld.gebruikers.items():
        user.email = f"{naam}@voorbeeldstad.example"
        user.save()
    medewerker = wereld[Rol.MEDEWERKER]
    return wereld, medewerker


def _een_melding_en_e_mail(ontvanger, soort, *, verwerking, onderwerp_bevat):
    meldingen = list(Notificatie.objects.filter(ontvanger=ontvanger))
    assert len(meldingen) == 1, [m.onderwerp for m in meldingen]
    melding = meldingen[0]
    assert melding.soort == soort and onderwerp_bevat in melding.onderwerp
    mails = [m for m in mail.outbox if m.to == [ontvanger.email]]
    assert len(mails) == 1
    pad = f"/verwerkingen/{verwerking.uuid}/"
    assert f"{settings.SITE_URL}{pad}" in mails[0].body
    link = re.search(r"https?://\S+", mails[0].body).group(0)
    assert link == f"{settings.SITE_URL}{pad}"
    client = Client()
    client.force_login(ontvanger)
    assert client.get(link.removeprefix(settings.SITE_URL)).status_code == 200
    return melding, mails[0]


def _niets_voor(*users):
    for user in users:
        assert not Notificatie.objects.filter(ontvanger=user).exists(), user.username
        assert not [m for m in mail.outbox if m.to == [user.email]], user.username


@pytest.mark.django_db
def test_indienen_meldt_de_privacy_officer(mensen, django_capture_on_commit_callbacks):
    wereld, _ = mensen
    tm, po = wereld[Rol.TEAMMANAGER], wereld[Rol.PRIVACY_OFFICER]
    verwerking = maak_verwerking(team=wereld.team, vv=wereld.vv, door=tm)
    with django_capture_on_commit_callbacks(execute=True):
        services.verwerking_indienen(verwerking=verwerking, door=tm)
    melding, e_mail = _een_melding_en_e_mail(po, Soort.ACTIE, verwerking=verwerking, onderwerp_bevat="ter beoordeling")
    assert verwerking.naam in melding.onderwerp
    _niets_voor(tm, wereld[Rol.MEDEWERKER])


@pytest.mark.django_db
def test_terugsturen_meldt_teammanager_en_indiener_met_de_reden(mensen, django_capture_on_commit_callbacks):
    wereld, _ = mensen
    tm, po, jurist = wereld[Rol.TEAMMANAGER], wereld[Rol.PRIVACY_OFFICER], wereld[Rol.JURIST]
    verwerking = maak_verwerking(team=wereld.team, vv=wereld.vv, door=tm)
    services.verwerking_indienen(verwerking=verwerking, door=jurist)  # the jurist submitted this one
    Notificatie.objects.all().delete()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.verwerking_afwijzen(verwerking=verwerking, door=po, reden="Bewaartermijn ontbreekt in de tekst")
    for ontvanger in (tm, jurist):
        melding, e_mail = _een_melding_en_e_mail(
            ontvanger, Soort.UITKOMST, verwerking=verwerking, onderwerp_bevat="teruggestuurd"
        )
        assert "Bewaartermijn ontbreekt in de tekst" in melding.tekst and "Bewaartermijn ontbreekt" in e_mail.body
    _niets_voor(po, wereld[Rol.MEDEWERKER])


@pytest.mark.django_db
def test_vaststellen_meldt_teammanager_met_het_versienummer(mensen, django_capture_on_commit_callbacks):
    wereld, _ = mensen
    tm, po = wereld[Rol.TEAMMANAGER], wereld[Rol.PRIVACY_OFFICER]
    verwerking = maak_verwerking(team=wereld.team, vv=wereld.vv, door=tm, status=Status.TER_BEOORDELING)
    Notificatie.objects.all().delete()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.verwerking_goedkeuren(verwerking=verwerking, door=po)
    melding, _ = _een_melding_en_e_mail(tm, Soort.UITKOMST, verwerking=verwerking, onderwerp_bevat="vastgesteld")
    assert "vastgesteld als versie 1" in melding.tekst
    _niets_voor(po)


@pytest.mark.django_db
def test_delegeren_en_intrekken_melden_de_medewerker(mensen, django_capture_on_commit_callbacks):
    wereld, medewerker = mensen
    tm = wereld[Rol.TEAMMANAGER]
    verwerking = maak_verwerking(team=wereld.team, vv=wereld.vv, door=tm)
    with django_capture_on_commit_callbacks(execute=True):
        services.verwerking_delegeren(verwerking=verwerking, door=tm, medewerker=medewerker)
    _een_melding_en_e_mail(medewerker, Soort.ACTIE, verwerking=verwerking, onderwerp_bevat="gedelegeerd")
    _niets_voor(tm)

    Notificatie.objects.all().delete()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.delegatie_intrekken(verwerking=verwerking, door=tm, medewerker=medewerker)
    _een_melding_en_e_mail(medewerker, Soort.UITKOMST, verwerking=verwerking, onderwerp_bevat="ingetrokken")
    _niets_voor(tm)


@pytest.mark.django_db
def test_een_stap_via_de_pagina_meldt_eenmaal(mensen, client, django_capture_on_commit_callbacks):
    wereld, _ = mensen
    tm, po = wereld[Rol.TEAMMANAGER], wereld[Rol.PRIVACY_OFFICER]
    verwerking = maak_verwerking(team=wereld.team, vv=wereld.vv, door=tm)
    client.force_login(tm)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/verwerkingen/{verwerking.uuid}/indienen/", {})
        client.post(f"/verwerkingen/{verwerking.uuid}/indienen/", {})  # a second click: no second step
    _een_melding_en_e_mail(po, Soort.ACTIE, verwerking=verwerking, onderwerp_bevat="ter beoordeling")


# --- The work list --------------------------------------------------------------------------------


def _items(user):
    return {(item.titel, item.actie): item for item in werk.werk_voor(user, timezone.now())}


@pytest.mark.django_db
def test_werklijst_per_rol(wereld):
    tm, po, medewerker = wereld[Rol.TEAMMANAGER], wereld[Rol.PRIVACY_OFFICER], wereld[Rol.MEDEWERKER]
    tm_elders = UserFactory(username="tm-sociaal")
    RolFactory(gebruiker=tm_elders, rol=Rol.TEAMMANAGER, gemeente=wereld.gemeente, team=wereld.ander_team)
    assert _items(po) == {} and _items(tm) == {} and _items(medewerker) == {}  # nothing waits yet

    ingediend = maak_verwerking(
        team=wereld.team, vv=wereld.vv, door=tm, naam="Paspoorten", status=Status.TER_BEOORDELING
    )
    terug = maak_verwerking(team=wereld.team, vv=wereld.vv, door=tm, naam="Rijbewijzen", status=Status.TER_BEOORDELING)
    services.verwerking_afwijzen(verwerking=terug, door=po, reden="Doel te vaag")
    onvolledig = services.verwerking_aanmaken(
        door=tm,
        gemeente=wereld.gemeente,
        gegevens={"naam": "Kladje", "team": wereld.team, "verwerkingsverantwoordelijke": wereld.vv},
    )
    services.verwerking_delegeren(verwerking=onvolledig, door=tm, medewerker=medewerker)
    maak_verwerking(team=wereld.ander_team, vv=wereld.vv, door=po, naam="Bijstand")  # another team's concept
    po_elders = UserFactory(username="po-randdorp")
    RolFactory(gebruiker=po_elders, rol=Rol.PRIVACY_OFFICER, gemeente=wereld.andere_gemeente)
    elders = dict(team=wereld.team_elders, vv=wereld.vv_elders, door=po_elders, naam="Elders")
    maak_verwerking(**elders, status=Status.TER_BEOORDELING)  # another gemeente

    items = _items(po)
    assert set(items) == {("Paspoorten", "Beoordeel en stel vast")}
    assert items["Paspoorten", "Beoordeel en stel vast"].link == f"/verwerkingen/{ingediend.uuid}/"
    assert items["Paspoorten", "Beoordeel en stel vast"].deadline is None

    items = _items(tm)
    assert set(items) == {("Rijbewijzen", "Verwerk de opmerkingen"), ("Kladje", "Vul aan en dien in")}
    assert "Doel te vaag" in items["Rijbewijzen", "Verwerk de opmerkingen"].toelichting
    assert items["Kladje", "Vul aan en dien in"].link == f"/verwerkingen/{onvolledig.uuid}/"

    assert set(_items(medewerker)) == {("Kladje", "Vul aan")}
    assert set(_items(tm_elders)) == {("Bijstand", "Dien in ter beoordeling")}
    assert _items(wereld[Rol.CONTROLLER]) == {} and _items(wereld["buitenstaander"]) == {}


@pytest.mark.django_db
def test_werklijst_staat_op_de_startpagina_met_link(client, wereld):
    tm, po = wereld[Rol.TEAMMANAGER], wereld[Rol.PRIVACY_OFFICER]
    verwerking = maak_verwerking(
        team=wereld.team, vv=wereld.vv, door=tm, naam="Paspoorten", status=Status.TER_BEOORDELING
    )
    assert [i.actie for i in werk_voor(po) if i.register == werk.REGISTER] == ["Beoordeel en stel vast"]
    client.force_login(po)
    html = client.get("/").content.decode()
    assert "Beoordeel en stel vast" in html and f"/verwerkingen/{verwerking.uuid}/" in html
    client.force_login(wereld[Rol.MEDEWERKER])
    assert "Beoordeel en stel vast" not in client.get("/").content.decode()


@pytest.mark.django_db
def test_werklijst_heeft_een_vast_aantal_queries(wereld, django_assert_max_num_queries):
    tm, po = wereld[Rol.TEAMMANAGER], wereld[Rol.PRIVACY_OFFICER]
    for i in range(6):
        maak_verwerking(team=wereld.team, vv=wereld.vv, door=tm, naam=f"V{i}", status=Status.TER_BEOORDELING)
        services.verwerking_aanmaken(
            door=tm,
            gemeente=wereld.gemeente,
            gegevens={"naam": f"K{i}", "team": wereld.team, "verwerkingsverantwoordelijke": wereld.vv},
        )
    for user in (po, tm):
        user = type(user).objects.get(pk=user.pk)  # no cached roles
        with django_assert_max_num_queries(6):
            assert len(werk.werk_voor(user, timezone.now())) == 6
