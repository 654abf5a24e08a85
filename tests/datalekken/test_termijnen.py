"""Reminders at 24, 48 and 60 hours, escalation after 72, exactly once in every failure case."""

import threading
from datetime import UTC, datetime, timedelta

import pytest
from django.core import mail
from django.db import connection

from datalekken import services
from privacy_portal.core import scanner
from privacy_portal.notificaties.models import Mijlpaal, Notificatie

from ..celery_hulp import zet_broker
from ..factories import AP_MELDER, meld_datalek

T0 = datetime(2026, 10, 5, 9, 0, tzinfo=UTC)


@pytest.fixture
def mails_aan(wereld):
    for user in wereld.gebruikers.values():
        user.email = f"{user.username}@gemeente.example"
        user.save()
    return wereld


def _scan(nu, capture):
    with capture(execute=True):
        return scanner.termijnen_bewaken(herkomst="test", nu=nu)


def _naam(mijlpaal):
    """A workflow step is recorded as 'stap:<step>:<version>'; the tests name the step."""
    return mijlpaal.split(":")[1] if mijlpaal.startswith("stap:") else mijlpaal


def _mijlpalen(datalek):
    namen = Mijlpaal.objects.filter(object_id=str(datalek.uuid)).values_list("mijlpaal", flat=True)
    return sorted(_naam(m) for m in namen)


def _ontvangers(datalek, mijlpaal):
    return sorted(
        n.ontvanger.username
        for n in Notificatie.objects.filter(mijlpaal__object_id=str(datalek.uuid)).select_related(
            "mijlpaal", "ontvanger"
        )
        if _naam(n.mijlpaal.mijlpaal) == mijlpaal
    )


@pytest.mark.django_db
def test_herinneringen_en_escalatie_op_de_juiste_momenten_en_elk_precies_eenmaal(
    mails_aan, django_capture_on_commit_callbacks
):
    w = mails_aan
    with django_capture_on_commit_callbacks(execute=True):
        datalek = meld_datalek(door=w["medewerker"], gemeente=w.gemeente, nu=T0)
    # the privacy officer and the CISO hear of it at once
    assert _ontvangers(datalek, "gemeld") == ["ciso", "privacy_officer"]

    _scan(T0 + timedelta(hours=11, minutes=59), django_capture_on_commit_callbacks)
    assert _mijlpalen(datalek) == ["gemeld"]
    _scan(T0 + timedelta(hours=12), django_capture_on_commit_callbacks)  # still no risk assessment
    assert _mijlpalen(datalek) == ["gemeld", "risico_ontbreekt"]
    _scan(T0 + timedelta(hours=23, minutes=59), django_capture_on_commit_callbacks)
    assert _mijlpalen(datalek) == ["gemeld", "risico_ontbreekt"]

    _scan(T0 + timedelta(hours=24), django_capture_on_commit_callbacks)
    assert _mijlpalen(datalek) == ["gemeld", "herinnering_24u", "risico_ontbreekt"]
    _scan(T0 + timedelta(hours=24, minutes=5), django_capture_on_commit_callbacks)  # a rerun adds nothing
    assert Notificatie.objects.count() == 4

    # 48 and 60 both due now: only the 60-hour reminder goes out, the 48-hour one is recorded as passed
    _scan(T0 + timedelta(hours=60), django_capture_on_commit_callbacks)
    assert _mijlpalen(datalek) == [
        "gemeld",
        "herinnering_24u",
        "herinnering_48u",
        "herinnering_60u",
        "risico_ontbreekt",
    ]

    _scan(T0 + timedelta(hours=71, minutes=59), django_capture_on_commit_callbacks)
    assert "termijn_verstreken" not in _mijlpalen(datalek)
    _scan(T0 + timedelta(hours=72), django_capture_on_commit_callbacks)
    assert _ontvangers(datalek, "termijn_verstreken") == ["ciso", "fg", "privacy_officer"]

    onderwerpen = [m.subject for m in mail.outbox]
    assert len(onderwerpen) == Notificatie.objects.count() == 8
    assert Mijlpaal.objects.get(object_id=str(datalek.uuid), mijlpaal="herinnering_48u").overgeslagen
    assert not any("nog 24 uur" in o for o in onderwerpen)
    assert any("nog 12 uur" in o for o in onderwerpen) and any("verstreken" in o for o in onderwerpen)
    assert all("USB" not in o for o in onderwerpen)  # no content of the breach in e-mail subjects


@pytest.mark.django_db
def test_geen_herinneringen_na_melding_aan_de_ap_of_bij_geen_risico(mails_aan, django_capture_on_commit_callbacks):
    w = mails_aan
    po = w["privacy_officer"]
    gemeld = meld_datalek(door=po, gemeente=w.gemeente, nu=T0)
    services.datalek_behandelen(
        datalek=gemeld,
        door=po,
        gegevens={"risico": "risico", "risico_motivering": "NAW van 40 mensen", **AP_MELDER},
        nu=T0,
    )
    services.melding_ap_vastleggen(
        datalek=gemeld,
        door=po,
        soort="melding",
        gemeld_op=T0 + timedelta(hours=20),
        ap_referentie="M1",
        nu=T0 + timedelta(hours=20),
    )
    geen = meld_datalek(door=po, gemeente=w.gemeente, nu=T0, titel="Brief verkeerd bezorgd")
    services.datalek_behandelen(
        datalek=geen, door=po, gegevens={"risico": "geen", "risico_motivering": "Direct ongeopend terug"}, nu=T0
    )
    _scan(T0 + timedelta(hours=80), django_capture_on_commit_callbacks)
    assert _mijlpalen(gemeld) == ["gemeld"] and _mijlpalen(geen) == ["gemeld"]


@pytest.mark.django_db
def test_verwerker_meldt_later_dan_de_ontdekking_dan_telt_de_melding_van_de_verwerker(wereld):
    datalek = meld_datalek(
        door=wereld["privacy_officer"],
        gemeente=wereld.gemeente,
        nu=T0,
        ontdekt_op=T0 - timedelta(days=3),
        via_verwerker=True,
        verwerker_naam="Hostingbedrijf",
        kennisname_op=T0 - timedelta(hours=2),
    )
    assert datalek.meld_deadline == T0 + timedelta(hours=70)


@pytest.mark.django_db
def test_een_gecrashte_scan_laat_niets_achter_en_de_volgende_doet_het_eenmaal(
    mails_aan, django_capture_on_commit_callbacks, monkeypatch
):
    w = mails_aan
    datalek = meld_datalek(door=w["medewerker"], gemeente=w.gemeente, nu=T0)
    echte_bulk_create = Notificatie.objects.bulk_create

    def crash_na_schrijven(objecten, **kwargs):
        echte_bulk_create(objecten, **kwargs)  # the notifications are written, then the worker stops
        raise RuntimeError("worker gestopt")

    monkeypatch.setattr(Notificatie.objects, "bulk_create", crash_na_schrijven)
    with pytest.raises(RuntimeError):
        _scan(T0 + timedelta(hours=73), django_capture_on_commit_callbacks)
    monkeypatch.setattr(Notificatie.objects, "bulk_create", echte_bulk_create)
    # the escalation whose second notification crashed left nothing behind
    assert "termijn_verstreken" not in _mijlpalen(datalek)
    _scan(T0 + timedelta(hours=73), django_capture_on_commit_callbacks)
    _scan(T0 + timedelta(hours=74), django_capture_on_commit_callbacks)
    assert _ontvangers(datalek, "termijn_verstreken") == ["ciso", "fg", "privacy_officer"]
    assert Mijlpaal.objects.filter(mijlpaal="termijn_verstreken").count() == 1


@pytest.mark.django_db
def test_redis_even_onbereikbaar_dan_haalt_de_volgende_scan_de_e_mails_in(
    mails_aan, django_capture_on_commit_callbacks, celery_in_proces
):
    w = mails_aan
    datalek = meld_datalek(door=w["medewerker"], gemeente=w.gemeente, nu=T0)
    app = celery_in_proces
    bewaard = ("broker_url", "task_always_eager", "task_publish_retry", "broker_transport_options")
    oud = {k: app.conf[k] for k in bewaard}
    # the broker stays down during the whole scan: give up connecting at once instead of after
    # kombu's default retries (six seconds per e-mail, which only made this test slow)
    snel_opgeven = {"max_retries": 1, "interval_start": 0, "interval_step": 0.1}
    app.conf.update(task_always_eager=False, task_publish_retry=False, broker_transport_options=snel_opgeven)
    zet_broker(app, "redis://127.0.0.1:1/11")  # nothing listens here
    try:
        _scan(T0 + timedelta(hours=25), django_capture_on_commit_callbacks)
    finally:
        zet_broker(app, oud.pop("broker_url"))
        app.conf.update(oud)
    herinnering = Notificatie.objects.get(mijlpaal__object_id=str(datalek.uuid), mijlpaal__mijlpaal="herinnering_24u")
    assert herinnering.email_verzonden_op is None and len(mail.outbox) == 0  # recorded, not yet mailed

    _scan(T0 + timedelta(hours=25, minutes=10), django_capture_on_commit_callbacks)
    _scan(T0 + timedelta(hours=25, minutes=20), django_capture_on_commit_callbacks)
    herinnering.refresh_from_db()
    assert herinnering.email_verzonden_op is not None
    assert [m.subject for m in mail.outbox].count(f"[Privacy Portal] {herinnering.onderwerp}") == 1


@pytest.mark.django_db(transaction=True)
def test_twee_beat_processen_tegelijk_geven_elke_herinnering_eenmaal(mails_aan):
    w = mails_aan
    for i in range(5):
        meld_datalek(door=w["medewerker"], gemeente=w.gemeente, nu=T0, titel=f"Lek {i}")
    start = threading.Barrier(2)
    fouten = []

    def beat():
        try:
            start.wait()
            scanner.termijnen_bewaken(herkomst="beat", nu=T0 + timedelta(hours=80))
        except Exception as fout:  # a lock timeout in one beat is allowed; a double notification is not
            fouten.append(fout)
        finally:
            connection.close()

    draden = [threading.Thread(target=beat) for _ in range(2)]
    for draad in draden:
        draad.start()
    for draad in draden:
        draad.join()
    scanner.termijnen_bewaken(herkomst="beat", nu=T0 + timedelta(hours=80))  # and whatever a failed one missed
    per_mijlpaal = Mijlpaal.objects.exclude(mijlpaal__startswith="stap:").count()
    assert per_mijlpaal == 5 * 5  # five datalekken, five milestones each, each once
    ontvangen = list(Notificatie.objects.values_list("mijlpaal_id", "ontvanger_id"))
    assert len(ontvangen) == len(set(ontvangen))
