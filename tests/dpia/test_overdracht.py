"""Handover in the DPIA-register: advice asked, advice given, accepted, consulted and returned each
tell the next person once (inbox and e-mail with a link that opens the DPIA, never the person who
took the step), and the work list shows the FG, the CISO, the teammanager and the privacy officer
what waits for them. The demo gives each of them work."""

import re
from datetime import date, timedelta

import pytest
from django.conf import settings
from django.core import mail
from django.core.management import call_command
from django.urls import reverse

from dpia import services
from dpia.werk import werk_voor
from privacy_portal.notificaties.models import Notificatie, Soort

from .factories import NU, maak_dpia


def _meldingen(user):
    return list(Notificatie.objects.filter(ontvanger=user))


def _mails_aan(user):
    return [m for m in mail.outbox if m.to == [user.email]]


def _eenmaal_en_opent(client, user, dpia, soort):
    [melding] = _meldingen(user)
    assert melding.soort == soort and dpia.kenmerk in melding.onderwerp
    [bericht] = _mails_aan(user)
    pad = reverse("dpia:detail", kwargs={"uuid": dpia.uuid})
    links = re.findall(r"https?://\S+", bericht.body)
    assert links == [f"{settings.SITE_URL}{pad}"]
    client.force_login(user)
    assert client.get(links[0].removeprefix(settings.SITE_URL)).status_code == 200
    client.logout()
    return melding


def _leeg():
    mail.outbox.clear()
    Notificatie.objects.all().delete()


@pytest.mark.django_db
def test_advies_vragen_gaat_naar_fg_en_ciso_niet_naar_de_teammanager(
    wereld, client, django_capture_on_commit_callbacks
):
    dpia = maak_dpia(wereld, stap="ingevuld")
    _leeg()
    with django_capture_on_commit_callbacks(execute=True):
        services.advies_vragen(dpia=dpia, door=wereld["teammanager"], nu=NU)
    for rol in ("fg", "ciso"):
        _eenmaal_en_opent(client, wereld[rol], dpia, Soort.ACTIE)
    assert not _meldingen(wereld["teammanager"]) and len(mail.outbox) == 2


@pytest.mark.django_db
def test_fg_advies_teammanager_besluit_privacy_officer_hoort_het(wereld, client, django_capture_on_commit_callbacks):
    dpia = maak_dpia(wereld, stap="advies")
    _leeg()
    with django_capture_on_commit_callbacks(execute=True):
        services.fg_advies_geven(dpia=dpia, door=wereld["fg"], oordeel="positief", advies="Akkoord.", nu=NU)
    actie = _eenmaal_en_opent(client, wereld["teammanager"], dpia, Soort.ACTIE)
    assert "besluit over het restrisico" in actie.onderwerp
    _eenmaal_en_opent(client, wereld["privacy_officer"], dpia, Soort.UITKOMST)
    assert not _meldingen(wereld["fg"]) and len(mail.outbox) == 2


@pytest.mark.django_db
def test_accepteren_en_terugzetten_gaan_naar_de_eigenaar(wereld, client, django_capture_on_commit_callbacks):
    dpia = maak_dpia(wereld, stap="besluit")
    _leeg()
    with django_capture_on_commit_callbacks(execute=True):
        services.terugzetten(dpia=dpia, door=wereld["privacy_officer"], reden="Maatregel M1 uitwerken.")
    _eenmaal_en_opent(client, wereld["teammanager"], dpia, Soort.ACTIE)
    assert len(mail.outbox) == 1

    dpia = maak_dpia(wereld, stap="besluit", plek="ander_team")
    _leeg()
    with django_capture_on_commit_callbacks(execute=True):
        services.accepteren(dpia=dpia, door=wereld.beheerder, motivering="Aanvaardbaar.", nu=NU + timedelta(days=3))
    assert not _meldingen(wereld["teammanager"])  # another team's DPIA
    assert mail.outbox == [] or all(wereld["teammanager"].email not in m.to for m in mail.outbox)


@pytest.mark.django_db
def test_accepteren_door_de_teammanager_zelf_meldt_niemand_raadpleging_meldt_de_eigenaar(
    wereld, client, django_capture_on_commit_callbacks
):
    dpia = maak_dpia(wereld, stap="besluit")
    _leeg()
    with django_capture_on_commit_callbacks(execute=True):
        services.accepteren(
            dpia=dpia, door=wereld["teammanager"], motivering="Aanvaardbaar.", nu=NU + timedelta(days=3)
        )
    # (the setup user `wereld.beheerder` holds every role and is left out)
    assert not Notificatie.objects.exclude(ontvanger__username__startswith="beheerder-dpia").exists()
    assert not [m for m in mail.outbox if not any(a.startswith("beheerder-dpia") for a in m.to)]

    hoog = maak_dpia(wereld, stap="besluit", restrisico="hoog")
    _leeg()
    with django_capture_on_commit_callbacks(execute=True):
        services.raadpleging_indienen(
            dpia=hoog, door=wereld["college"], ingediend_op=NU.date() + timedelta(days=3), nu=NU + timedelta(days=3)
        )
    _eenmaal_en_opent(client, wereld["teammanager"], hoog, Soort.UITKOMST)
    assert len(mail.outbox) == 1


# --- the work list -------------------------------------------------------------------------------


def _acties(user, nu=NU):
    return sorted((i.actie, i.link) for i in werk_voor(user, nu))


@pytest.mark.django_db
def test_werklijst_fg_ciso_teammanager_en_privacy_officer(wereld, django_assert_max_num_queries):
    tm, po, fg, ciso = wereld["teammanager"], wereld["privacy_officer"], wereld["fg"], wereld["ciso"]
    assert werk_voor(tm, NU) == werk_voor(fg, NU) == []
    prescan = maak_dpia(wereld, stap="prescan")
    advies = maak_dpia(wereld, stap="advies")
    besluit = maak_dpia(wereld, stap="besluit", plek="ander_team")
    link = lambda d: f"/dpia/{d.uuid}/"  # noqa: E731

    assert _acties(fg) == [("Geef advies als FG", link(advies))]
    assert ("Geef beveiligingsadvies", link(advies)) in _acties(ciso)
    assert ("Doe de pre-scan", f"/dpia/{prescan.uuid}/prescan/") in _acties(tm)
    assert ("Volg het besluit over het restrisico op", link(besluit)) in _acties(po)
    assert all(d not in {a for _, a in _acties(tm)} for d in (link(besluit), link(advies)))
    assert werk_voor(wereld["medewerker"], NU) == [] and werk_voor(wereld["jurist"], NU) == []

    # the measure of the DPIA being advised: near its due date for the team, and for its owner (the CISO)
    bijna = NU.replace(day=25)
    maatregel = advies.maatregelen.get()
    with django_assert_max_num_queries(4):
        items = werk_voor(tm, bijna)
    [item] = [i for i in items if "maatregel" in i.titel]
    assert item.deadline == date(2026, 4, 1) and item.link == f"/dpia/{advies.uuid}/maatregelen/{maatregel.uuid}/"
    assert any(i.actie == "Voer de maatregel uit" for i in werk_voor(ciso, bijna))
    assert not any("maatregel" in i.titel for i in werk_voor(tm, NU))  # a month ahead: not yet


@pytest.mark.django_db
def test_werklijst_hercontrole_en_raadpleging_met_termijn(wereld):
    tm = wereld["teammanager"]
    raadpleging = maak_dpia(wereld, stap="raadpleging_ap", restrisico="hoog")
    afgerond = maak_dpia(wereld, stap="afgerond")
    services.maatregel_opslaan(
        dpia=afgerond, door=wereld.beheerder, maatregel=afgerond.maatregelen.get(), gegevens={"status": "gereed"}
    )
    services.maatregel_opslaan(
        dpia=raadpleging, door=wereld.beheerder, maatregel=raadpleging.maatregelen.get(), gegevens={"status": "gereed"}
    )
    items = {i.actie: i for i in werk_voor(tm, NU)}
    assert items["Leg het antwoord van de AP vast"].deadline == raadpleging.raadpleging_deadline
    assert "Doe de hercontrole" not in items
    later = werk_voor(tm, NU.replace(year=2029))
    assert {i.actie: i.deadline for i in later}["Doe de hercontrole"] == afgerond.hercontrole_op


@pytest.mark.django_db(transaction=True)
def test_demo_geeft_privacy_officer_fg_ciso_en_teammanagers_werk(client):
    call_command("seed_demo", wachtwoord="demo-wachtwoord-1")
    call_command("seed_demo", wachtwoord="demo-wachtwoord-1")  # safe to run twice
    from django.contrib.auth import get_user_model

    from privacy_portal.core.werklijst import werk_voor as hele_werklijst

    for naam, register in (
        ("privacyofficer", "Datalekken"),
        ("ciso", "Datalekken"),
        ("fg", "DPIA's"),
        ("teammanager-sociaal", "DPIA's"),
        ("teammanager-burgerzaken", "DPIA's"),
    ):
        user = get_user_model().objects.get(username=naam)
        items = [i for i in hele_werklijst(user) if i.register == register]
        assert items, naam
        client.force_login(user)
        assert client.get(items[0].link).status_code == 200
