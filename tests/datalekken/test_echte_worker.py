"""A real Celery worker against Redis: the scan task and the e-mail tasks, each milestone once."""

import time
from datetime import timedelta

import pytest
from celery.contrib.testing.worker import start_worker
from django.core import mail
from django.utils import timezone

from privacy_portal.core.models import ScanRun
from privacy_portal.core.tasks import termijnen_bewaken
from privacy_portal.notificaties.models import Notificatie

from ..celery_hulp import redis_voor_tests, zet_broker
from ..factories import meld_datalek

pytestmark = [pytest.mark.celery_worker, pytest.mark.django_db(transaction=True)]

REDIS = redis_voor_tests()  # never database 0, even when REDIS_URL points there


@pytest.fixture
def worker(celery_in_proces, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    app = celery_in_proces
    oud = (app.conf.broker_url, app.conf.task_always_eager)
    zet_broker(app, REDIS)
    app.conf.task_always_eager = False
    app.conf.result_backend = None
    with app.connection_for_write() as verbinding:
        verbinding.default_channel.queue_purge("celery")  # nothing left over from earlier runs
    with start_worker(app, pool="solo", perform_ping_check=False, shutdown_timeout=10):
        yield app
    zet_broker(app, oud[0])
    app.conf.task_always_eager = oud[1]


def _wacht_tot(conditie, seconden=30):
    einde = time.monotonic() + seconden
    while time.monotonic() < einde:
        if conditie():
            return True
        time.sleep(0.2)
    return False


def test_scan_via_de_worker_stuurt_elke_herinnering_eenmaal(worker, wereld):
    for user in wereld.gebruikers.values():
        user.email = f"{user.username}@gemeente.example"
        user.save()
    nu = timezone.now()
    meld_datalek(door=wereld["medewerker"], gemeente=wereld.gemeente, nu=nu - timedelta(hours=73))
    # the report's own e-mails (privacy officer and CISO) went through the worker too
    assert _wacht_tot(lambda: len(mail.outbox) == 2)

    # two scans at once, as from two beat processes, and a rerun
    termijnen_bewaken.delay()
    termijnen_bewaken.delay()
    assert _wacht_tot(lambda: ScanRun.objects.filter(klaar_op__isnull=False).count() == 2)
    termijnen_bewaken.delay()
    assert _wacht_tot(lambda: ScanRun.objects.filter(klaar_op__isnull=False).count() == 3)
    # gemeld to two people; after 73 hours only the most urgent milestone, the escalation to three people
    # (the 12-hour and 24/48/60-hour reminders are recorded as passed)
    assert _wacht_tot(lambda: Notificatie.objects.filter(email_verzonden_op__isnull=False).count() == 5)
    time.sleep(1)  # give a duplicate the chance to show up
    assert len(mail.outbox) == 5
    assert len({(m.to[0], m.subject) for m in mail.outbox}) == 5
