"""Reminders one week and two working days before the deadline, escalation after it: each exactly once."""

from datetime import date, datetime, time, timedelta

import pytest
from django.core import mail
from django.utils import timezone

from privacy_portal.core import scanner
from privacy_portal.notificaties.models import Mijlpaal, Notificatie
from privacy_portal.organisaties.rollen import Rol
from rechten import services

from ..factories import RolFactory, UserFactory
from .factories import in_behandeling, moment, registreer


def _om(dag, uur=0, minuut=0):
    return timezone.make_aware(datetime.combine(dag, time(uur, minuut)))


@pytest.fixture
def mails_aan(wereld):
    for user in wereld.gebruikers.values():
        user.email = f"{user.username}@gemeente.example"
        user.save()
    tm_ander = UserFactory(username="tm-ander-team", email="tm-ander@gemeente.example")
    RolFactory(gebruiker=tm_ander, rol=Rol.TEAMMANAGER, gemeente=wereld.gemeente, team=wereld.ander_team)
    wereld.gebruikers["tm_ander"] = tm_ander
    return wereld


def _scan(nu, capture):
    with capture(execute=True):
        return scanner.termijnen_bewaken(herkomst="test", nu=nu)


def _mijlpalen(obj):
    """The deadline milestones of obj (workflow steps, "stap:...", are tested in test_stappen.py)."""
    return sorted(
        Mijlpaal.objects.filter(object_id=str(obj.uuid))
        .exclude(mijlpaal__startswith="stap:")
        .values_list("mijlpaal", flat=True)
    )


def _ontvangers(obj, mijlpaal):
    return sorted(
        Notificatie.objects.filter(mijlpaal__object_id=str(obj.uuid), mijlpaal__mijlpaal=mijlpaal).values_list(
            "ontvanger__username", flat=True
        )
    )


@pytest.mark.django_db
def test_herinneringen_een_week_en_twee_werkdagen_voor_de_deadline_en_escalatie_erna_elk_eenmaal(
    mails_aan, django_capture_on_commit_callbacks
):
    w = mails_aan
    po = w["privacy_officer"]
    # Received Fri 27 March 2026: deadline Tue 28 April. Two working days before it: Mon 27 April is
    # Koningsdag, so Fri 24 (one) and Thu 23 April (two).
    verzoek = registreer(door=po, gemeente=w.gemeente, ontvangen_op=date(2026, 3, 27))
    eigen, ander = in_behandeling(verzoek, door=po, teams=[w.team, w.ander_team], nu=moment(date(2026, 3, 30)))
    services.taak_afronden(taak=ander, door=w["tm_ander"], resultaat="Niets gevonden", nu=moment(date(2026, 4, 1)))
    assert verzoek.deadline == date(2026, 4, 28)

    _scan(_om(date(2026, 4, 20), 23, 59), django_capture_on_commit_callbacks)
    assert _mijlpalen(verzoek) == []
    _scan(_om(date(2026, 4, 21), 0, 5), django_capture_on_commit_callbacks)  # one week before
    assert _mijlpalen(verzoek) == ["herinnering_week"]
    assert _ontvangers(verzoek, "herinnering_week") == ["privacy_officer"]
    # only the team with an open task, and its link is the task page (a teammanager cannot see the request)
    assert _ontvangers(eigen, "herinnering_week") == ["teammanager"]
    assert _mijlpalen(ander) == []  # no reminder for a finished task
    assert Notificatie.objects.get(mijlpaal__object_id=str(eigen.uuid), mijlpaal__mijlpaal="herinnering_week").link == (
        f"/verzoeken/taken/{eigen.uuid}/"
    )

    aantal = Notificatie.objects.count()
    _scan(_om(date(2026, 4, 21), 9), django_capture_on_commit_callbacks)  # a rerun does nothing
    _scan(_om(date(2026, 4, 22), 23, 59), django_capture_on_commit_callbacks)  # 24 April is not due yet
    assert Notificatie.objects.count() == aantal

    _scan(_om(date(2026, 4, 23), 0, 1), django_capture_on_commit_callbacks)  # two working days before
    assert _mijlpalen(verzoek) == ["herinnering_week", "herinnering_werkdagen"]
    assert _ontvangers(eigen, "herinnering_werkdagen") == ["teammanager"]

    _scan(_om(date(2026, 4, 28), 23, 59), django_capture_on_commit_callbacks)  # the last day: not passed yet
    assert "termijn_verstreken" not in _mijlpalen(verzoek)
    _scan(_om(date(2026, 4, 29), 0, 0), django_capture_on_commit_callbacks)
    assert _ontvangers(verzoek, "termijn_verstreken") == ["fg", "privacy_officer"]
    _scan(_om(date(2026, 5, 5), 9), django_capture_on_commit_callbacks)
    assert Mijlpaal.objects.filter(object_id=str(verzoek.uuid), mijlpaal="termijn_verstreken").count() == 1

    herinneringen = [m for m in mail.outbox if "deadline" in m.subject]
    assert len(herinneringen) == 2 * 2 + 2  # (privacy officer + teammanager) twice, escalation to FG and PO
    assert all(verzoek.kenmerk in m.subject and "Geheimnaam" not in m.subject + m.body for m in mail.outbox)


@pytest.mark.django_db
def test_na_verlenging_komen_de_herinneringen_opnieuw_voor_de_nieuwe_deadline(
    mails_aan, django_capture_on_commit_callbacks
):
    w = mails_aan
    po = w["privacy_officer"]
    verzoek = registreer(door=po, gemeente=w.gemeente, ontvangen_op=date(2026, 3, 27))
    _scan(_om(date(2026, 4, 21), 8), django_capture_on_commit_callbacks)
    assert _mijlpalen(verzoek) == ["herinnering_week"]
    verzoek = services.verzoek_verlengen(verzoek=verzoek, door=po, reden="Complex", nu=_om(date(2026, 4, 22), 9))
    assert verzoek.verlengd_tot == date(2026, 6, 29)

    _scan(_om(date(2026, 4, 29), 8), django_capture_on_commit_callbacks)  # the original deadline has no effect now
    assert _mijlpalen(verzoek) == ["herinnering_week"]
    _scan(_om(date(2026, 6, 22), 8), django_capture_on_commit_callbacks)
    assert _mijlpalen(verzoek) == ["herinnering_week", "herinnering_week_verlengd"]
    _scan(_om(date(2026, 6, 25), 8), django_capture_on_commit_callbacks)  # Thu; Fri 26 and Mon 29 June
    assert _mijlpalen(verzoek) == ["herinnering_week", "herinnering_week_verlengd", "herinnering_werkdagen_verlengd"]
    _scan(_om(date(2026, 6, 30), 8), django_capture_on_commit_callbacks)
    assert "termijn_verstreken" in _mijlpalen(verzoek)


@pytest.mark.django_db
def test_geen_herinneringen_voor_afgehandelde_of_onbevestigde_verzoeken(mails_aan, django_capture_on_commit_callbacks):
    w = mails_aan
    po = w["privacy_officer"]
    verzoek = registreer(door=po, gemeente=w.gemeente, ontvangen_op=date(2026, 3, 27))
    services.verzoek_afhandelen(
        verzoek=verzoek, door=po, uitkomst="ingetrokken", toelichting="Ingetrokken", nu=_om(date(2026, 4, 2), 9)
    )
    onbevestigd, _token = services.verzoek_ontvangen_van_inwoner(
        gemeente=w.gemeente,
        gegevens={"soorten": ["inzage"], "verzoeker_naam": "Inge", "verzoeker_email": "inge@example.org"},
        nu=_om(date(2026, 4, 28), 9),
    )
    _scan(_om(date(2026, 4, 30), 9), django_capture_on_commit_callbacks)
    assert _mijlpalen(verzoek) == [] and _mijlpalen(onbevestigd) == []


@pytest.mark.django_db
def test_een_verzoek_dat_pas_na_de_deadline_is_geregistreerd_krijgt_alleen_de_escalatie(
    mails_aan, django_capture_on_commit_callbacks
):
    w = mails_aan
    verzoek = registreer(
        door=w["privacy_officer"], gemeente=w.gemeente, ontvangen_op=date(2026, 3, 2), nu=_om(date(2026, 4, 10), 9)
    )
    _scan(_om(date(2026, 4, 10), 10), django_capture_on_commit_callbacks)
    assert _mijlpalen(verzoek) == ["termijn_verstreken"]
    assert timedelta(0) < _om(date(2026, 4, 10)) - _om(verzoek.deadline)


@pytest.mark.django_db
def test_na_een_gat_in_de_scan_een_herinnering_per_verzoek_en_taak_en_de_escalatie_komt_op_tijd(
    mails_aan, django_capture_on_commit_callbacks
):
    w = mails_aan
    po = w["privacy_officer"]
    # deadline Tue 28 April: the week reminder is due from 21 April, the two-working-days one from 23 April
    verzoek = registreer(door=po, gemeente=w.gemeente, ontvangen_op=date(2026, 3, 27))
    (taak,) = in_behandeling(verzoek, door=po, teams=[w.team], nu=moment(date(2026, 3, 30)))
    _scan(_om(date(2026, 4, 20), 12), django_capture_on_commit_callbacks)
    assert _mijlpalen(verzoek) == []
    mail.outbox.clear()

    # the scanner was down from 20 April noon until 23 April: both reminders are due at once
    _scan(_om(date(2026, 4, 23), 8), django_capture_on_commit_callbacks)
    assert _ontvangers(verzoek, "herinnering_werkdagen") == ["privacy_officer"]
    assert _ontvangers(taak, "herinnering_werkdagen") == ["teammanager"]
    assert _ontvangers(verzoek, "herinnering_week") == [] == _ontvangers(taak, "herinnering_week")
    overgeslagen = Mijlpaal.objects.filter(object_id__in=[str(verzoek.uuid), str(taak.uuid)], overgeslagen=True)
    assert sorted(overgeslagen.values_list("mijlpaal", flat=True)) == ["herinnering_week", "herinnering_week"]
    assert [sorted(m.to) for m in mail.outbox] == [
        ["privacy_officer@gemeente.example"],
        ["teammanager@gemeente.example"],
    ]
    assert all("twee werkdagen" in m.subject for m in mail.outbox)

    # 20 hours later: nothing again
    _scan(_om(date(2026, 4, 24), 4), django_capture_on_commit_callbacks)
    assert len(mail.outbox) == 2
    # the escalation still comes the day after the deadline
    _scan(_om(date(2026, 4, 29), 0, 5), django_capture_on_commit_callbacks)
    assert _ontvangers(verzoek, "termijn_verstreken") == ["fg", "privacy_officer"]
    assert len(mail.outbox) == 4
