"""Every step of a verzoek tells the next person: one melding and one e-mail each, never to the one
who took the step, with an absolute link that opens the item for the recipient."""

from datetime import date

import pytest
from django.conf import settings
from django.core import mail
from django.urls import reverse

from privacy_portal.notificaties.models import Notificatie, Soort
from privacy_portal.organisaties.rollen import Rol
from rechten import services

from ..factories import RolFactory, UserFactory
from .factories import in_behandeling, moment, registreer

SITE = "https://privacy.voorbeeldstad.example"


@pytest.fixture
def mensen(wereld, settings):
    settings.SITE_URL = SITE
    for user in wereld.gebruikers.values():
        user.email = f"{user.username}@gemeente.example"
        user.save()
    tm_ander = UserFactory(username="tm-ander-team", email="tm-ander@gemeente.example")
    RolFactory(gebruiker=tm_ander, rol=Rol.TEAMMANAGER, gemeente=wereld.gemeente, team=wereld.ander_team)
    wereld.gebruikers["tm_ander"] = tm_ander
    return wereld


def _meldingen(user):
    return list(Notificatie.objects.filter(ontvanger=user))


def _mails(user):
    return [m for m in mail.outbox if user.email in m.to]


def _een_melding_en_mail(client, user, pad, soort=Soort.ACTIE):
    """Exactly one melding and one e-mail for `user`, with the absolute link that opens `pad` for them."""
    (melding,) = _meldingen(user)
    (bericht,) = _mails(user)
    assert melding.soort == soort and melding.link == pad
    assert f"{settings.SITE_URL}{pad}" in bericht.body and settings.SITE_URL.startswith("https://")
    assert "Geheimnaam" not in bericht.subject + bericht.body and "jantje.geheim" not in bericht.body
    client.force_login(user)
    assert client.get(pad).status_code == 200
    client.logout()
    return bericht


def _stil(*users):
    for user in users:
        assert _meldingen(user) == [] and _mails(user) == [], user.username


@pytest.mark.django_db
def test_geregistreerd_verzoek_gaat_naar_de_andere_behandelaars_niet_naar_wie_het_registreerde(
    client, mensen, django_capture_on_commit_callbacks
):
    w = mensen
    with django_capture_on_commit_callbacks(execute=True):
        verzoek = registreer(door=w["privacy_officer"], gemeente=w.gemeente)
    pad = reverse("rechten:detail", kwargs={"uuid": verzoek.uuid})
    bericht = _een_melding_en_mail(client, w["jurist"], pad)
    assert verzoek.kenmerk in bericht.subject
    _stil(w["privacy_officer"], w["teammanager"], w["fg"], w["medewerker"])


@pytest.mark.django_db
def test_bevestigd_webverzoek_gaat_naar_privacy_officers_en_juristen(
    client, mensen, django_capture_on_commit_callbacks
):
    w = mensen
    verzoek, token = services.verzoek_ontvangen_van_inwoner(
        gemeente=w.gemeente,
        gegevens={
            "soorten": ["inzage"],
            "verzoeker_naam": "Jantje Geheimnaam",
            "verzoeker_email": "jantje.geheim@x.nl",
        },
        nu=moment(date(2026, 3, 2)),
    )
    assert Notificatie.objects.count() == 0  # unconfirmed: nothing waits for staff yet
    with django_capture_on_commit_callbacks(execute=True):
        services.verzoek_bevestigen(token=token, gemeente=w.gemeente, nu=moment(date(2026, 3, 3)))
        services.verzoek_bevestigen(token=token, gemeente=w.gemeente, nu=moment(date(2026, 3, 3), 11))  # again
    pad = reverse("rechten:detail", kwargs={"uuid": verzoek.uuid})
    for rol in ("privacy_officer", "jurist"):
        _een_melding_en_mail(client, w[rol], pad)
    _stil(w["teammanager"], w["fg"])


@pytest.mark.django_db
def test_taak_gaat_naar_de_teammanager_van_dat_team_met_de_taakpagina(
    client, mensen, django_capture_on_commit_callbacks
):
    w = mensen
    po = w["privacy_officer"]
    verzoek = registreer(door=po, gemeente=w.gemeente)
    Notificatie.objects.all().delete()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        eigen, ander = in_behandeling(verzoek, door=po, teams=[w.team, w.ander_team], nu=moment(date(2026, 3, 5)))
    bericht = _een_melding_en_mail(client, w["teammanager"], reverse("rechten:taak", kwargs={"uuid": eigen.uuid}))
    assert verzoek.kenmerk in bericht.subject
    _een_melding_en_mail(client, w["tm_ander"], reverse("rechten:taak", kwargs={"uuid": ander.uuid}))
    _stil(po, w["jurist"], w["medewerker"])


@pytest.mark.django_db
def test_afgeronde_taak_gaat_terug_naar_wie_hem_gaf_en_de_privacy_officers(
    client, mensen, django_capture_on_commit_callbacks
):
    w = mensen
    jurist, po, tm = w["jurist"], w["privacy_officer"], w["teammanager"]
    verzoek = registreer(door=po, gemeente=w.gemeente)
    (taak,) = in_behandeling(verzoek, door=jurist, teams=[w.team], nu=moment(date(2026, 3, 5)))
    Notificatie.objects.all().delete()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.taak_afronden(taak=taak, door=tm, resultaat="Twee documenten gevonden", nu=moment(date(2026, 3, 9)))
    pad = reverse("rechten:detail", kwargs={"uuid": verzoek.uuid})
    _een_melding_en_mail(client, jurist, pad, soort=Soort.UITKOMST)  # who gave the task
    _een_melding_en_mail(client, po, pad, soort=Soort.UITKOMST)
    _stil(tm, w["tm_ander"], w["fg"])


@pytest.mark.django_db
def test_verlengen_en_besluiten_melden_niemand_iets(mensen, django_capture_on_commit_callbacks):
    w = mensen
    po = w["privacy_officer"]
    verzoek = registreer(door=po, gemeente=w.gemeente)
    Notificatie.objects.all().delete()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        verzoek = services.verzoek_verlengen(
            verzoek=verzoek, door=po, reden="Veel systemen", nu=moment(date(2026, 3, 20))
        )
        services.verzoek_afhandelen(
            verzoek=verzoek, door=po, uitkomst="ingetrokken", toelichting="Ingetrokken", nu=moment(date(2026, 3, 25))
        )
    assert Notificatie.objects.count() == 0 and mail.outbox == []
