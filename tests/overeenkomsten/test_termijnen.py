"""Review and end-date reminders: at the right moment, to the right people, each exactly once.

The clock is frozen: every scan gets its own `nu`. Milestone names carry the date they are about,
so after a review next year's review reminds again.
"""

from datetime import UTC, date, datetime

import pytest
from django.core import mail

from overeenkomsten import services
from privacy_portal.core import scanner
from privacy_portal.notificaties.models import Mijlpaal, Notificatie

from .hulp import maak_overeenkomst


def moment(jaar, maand, dag):
    return datetime(jaar, maand, dag, 9, 0, tzinfo=UTC)


@pytest.fixture
def mails_aan(wereld):
    for user in wereld.gebruikers.values():
        user.email = f"{user.username}@gemeente.example"
        user.save()
    return wereld


def _scan(nu, capture):
    with capture(execute=True):
        scanner.termijnen_bewaken(herkomst="test", nu=nu)


def _mijlpalen(ovk):
    return sorted(Mijlpaal.objects.filter(object_id=str(ovk.uuid)).values_list("mijlpaal", flat=True))


def _ontvangers(ovk, mijlpaal):
    return sorted(
        Notificatie.objects.filter(mijlpaal__object_id=str(ovk.uuid), mijlpaal__mijlpaal=mijlpaal).values_list(
            "ontvanger__username", flat=True
        )
    )


@pytest.mark.django_db
def test_review_herinnering_escalatie_en_volgend_jaar_opnieuw_elk_precies_eenmaal(
    mails_aan, django_capture_on_commit_callbacks
):
    w = mails_aan
    ovk = maak_overeenkomst(door=w["teammanager"], team=w.team, onderwerp="Hosting GEHEIM-ONDERWERP")
    assert ovk.volgende_review == date(2027, 1, 15)

    _scan(moment(2027, 1, 14), django_capture_on_commit_callbacks)
    assert _mijlpalen(ovk) == []
    _scan(moment(2027, 1, 15), django_capture_on_commit_callbacks)
    assert _mijlpalen(ovk) == ["review_2027-01-15"]
    assert _ontvangers(ovk, "review_2027-01-15") == ["privacy_officer", "teammanager"]
    _scan(moment(2027, 1, 15), django_capture_on_commit_callbacks)  # a rerun does nothing
    _scan(moment(2027, 1, 20), django_capture_on_commit_callbacks)
    assert Notificatie.objects.count() == 2

    _scan(moment(2027, 2, 13), django_capture_on_commit_callbacks)  # 29 days late: no escalation yet
    assert "review_te_laat_2027-01-15" not in _mijlpalen(ovk)
    _scan(moment(2027, 2, 14), django_capture_on_commit_callbacks)  # 30 days late: the FG
    assert _ontvangers(ovk, "review_te_laat_2027-01-15") == ["fg"]
    _scan(moment(2027, 2, 15), django_capture_on_commit_callbacks)
    assert Notificatie.objects.count() == 3

    services.review_vastleggen(overeenkomst=ovk, door=w["teammanager"], datum=date(2027, 2, 20), nu=moment(2027, 2, 20))
    _scan(moment(2027, 3, 1), django_capture_on_commit_callbacks)
    assert Notificatie.objects.count() == 3  # reviewed: quiet until next year
    _scan(moment(2028, 2, 20), django_capture_on_commit_callbacks)  # next year's review reminds again
    assert _ontvangers(ovk, "review_2028-02-20") == ["privacy_officer", "teammanager"]
    _scan(moment(2028, 2, 21), django_capture_on_commit_callbacks)
    assert Notificatie.objects.count() == 5

    onderwerpen = [bericht.subject for bericht in mail.outbox]
    assert len(onderwerpen) == 5
    assert all("GEHEIM-ONDERWERP" not in o for o in onderwerpen)  # no content in e-mail subjects
    assert any("Jaarlijkse review" in o for o in onderwerpen) and any("te laat" in o for o in onderwerpen)


@pytest.mark.django_db
def test_einddatum_binnen_drie_maanden_eenmaal_en_verlengen_geeft_een_nieuwe_herinnering(
    mails_aan, django_capture_on_commit_callbacks
):
    w = mails_aan
    po = w["privacy_officer"]
    ovk = maak_overeenkomst(
        door=po, team=w.team, einddatum=date(2026, 12, 31), laatste_review=date(2026, 6, 1)
    )  # review due 1 June 2027, after the end: only the end date matters
    assert ovk.einde_signaal_op == date(2026, 9, 30)
    _scan(moment(2026, 9, 29), django_capture_on_commit_callbacks)
    assert _mijlpalen(ovk) == []
    _scan(moment(2026, 9, 30), django_capture_on_commit_callbacks)
    # no owner (the privacy officer is no teammanager): every teammanager of the team, and the privacy officers
    assert _ontvangers(ovk, "einde_2026-12-31") == ["privacy_officer", "teammanager"]
    _scan(moment(2026, 10, 15), django_capture_on_commit_callbacks)
    assert Notificatie.objects.count() == 2

    services.overeenkomst_wijzigen(overeenkomst=ovk, door=po, gegevens={"einddatum": date(2027, 12, 31)})
    _scan(moment(2027, 9, 30), django_capture_on_commit_callbacks)
    assert _mijlpalen(ovk) == ["einde_2026-12-31", "einde_2027-12-31", "review_2027-06-01", "review_te_laat_2027-06-01"]


@pytest.mark.django_db
def test_afgelopen_overeenkomst_krijgt_geen_herinneringen(mails_aan, django_capture_on_commit_callbacks):
    w = mails_aan
    ovk = maak_overeenkomst(door=w["privacy_officer"], team=w.team, einddatum=date(2026, 12, 31))
    _scan(moment(2027, 1, 20), django_capture_on_commit_callbacks)  # review due 15 January 2027, but ended
    _scan(moment(2027, 3, 1), django_capture_on_commit_callbacks)
    assert _mijlpalen(ovk) == []


@pytest.mark.django_db
def test_na_een_gat_in_de_scan_een_herinnering_voor_review_en_einde_samen(
    mails_aan, django_capture_on_commit_callbacks
):
    w = mails_aan
    ovk = maak_overeenkomst(
        door=w["teammanager"], team=w.team, einddatum=date(2027, 4, 10)
    )  # review due 15 January 2027, end-date signal 10 January 2027
    _scan(moment(2027, 1, 9), django_capture_on_commit_callbacks)
    assert _mijlpalen(ovk) == []
    # the scanner was down for a week: both reminders are due at once; one message each
    _scan(moment(2027, 1, 16), django_capture_on_commit_callbacks)
    assert _ontvangers(ovk, "einde_2027-04-10") == ["privacy_officer", "teammanager"]
    assert _ontvangers(ovk, "review_2027-01-15") == []
    assert Mijlpaal.objects.get(object_id=str(ovk.uuid), mijlpaal="review_2027-01-15").overgeslagen
    assert sorted(m.to[0] for m in mail.outbox) == ["privacy_officer@gemeente.example", "teammanager@gemeente.example"]
    assert all("jaarlijkse review" in m.body for m in mail.outbox)
    _scan(moment(2027, 1, 17), django_capture_on_commit_callbacks)
    assert len(mail.outbox) == 2
    # the escalation to the FG still comes on time
    _scan(moment(2027, 2, 14), django_capture_on_commit_callbacks)
    assert _ontvangers(ovk, "review_te_laat_2027-01-15") == ["fg"]
    assert len(mail.outbox) == 3


@pytest.mark.django_db
def test_review_herinnering_aan_de_eigenaar_heeft_een_absolute_link_die_de_overeenkomst_opent(
    client, mails_aan, settings, django_capture_on_commit_callbacks
):
    settings.SITE_URL = "https://privacy.voorbeeldstad.example"
    w = mails_aan
    ovk = maak_overeenkomst(door=w["teammanager"], team=w.team)
    _scan(moment(2027, 1, 15), django_capture_on_commit_callbacks)
    (bericht,) = [m for m in mail.outbox if m.to == ["teammanager@gemeente.example"]]
    pad = f"/overeenkomsten/{ovk.uuid}/"
    assert f"https://privacy.voorbeeldstad.example{pad}" in bericht.body
    assert Notificatie.objects.filter(ontvanger=w["teammanager"]).count() == 1
    client.force_login(w["teammanager"])
    assert client.get(pad).status_code == 200
