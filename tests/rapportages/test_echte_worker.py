"""A real Celery worker against Redis renders a requested report; progress is visible while it runs."""

import time

import pytest
from celery.contrib.testing.worker import start_worker
from django.db import transaction

from rapportages import services
from rapportages.constants import Soort, Status
from rapportages.models import Rapportage

from ..celery_hulp import redis_voor_tests, zet_broker
from ..factories import maak_verwerking

pytestmark = [
    pytest.mark.usefixtures("alleen_eigen_bronnen"),
    pytest.mark.celery_worker,
    pytest.mark.django_db(transaction=True),
]

REDIS = redis_voor_tests()  # never database 0, even when REDIS_URL points there


@pytest.fixture
def worker(celery_in_proces):
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


def _wacht_tot(conditie, seconden=60):
    einde = time.monotonic() + seconden
    while time.monotonic() < einde:
        if conditie():
            return True
        time.sleep(0.2)
    return False


def test_worker_maakt_de_rapportage(worker, wereld):
    po = wereld["privacy_officer"]
    for i in range(3):
        maak_verwerking(team=wereld.team, vv=wereld.vv, door=po, goedkeurder=po, naam=f"Verwerking {i}")
    with transaction.atomic():
        rapportage = services.rapportage_aanvragen(door=po, soort=Soort.REGISTER, gemeente=wereld.gemeente)
        assert rapportage.status == Status.WACHTRIJ  # the task is queued only after the commit

    assert _wacht_tot(lambda: Rapportage.objects.get(pk=rapportage.pk).status == Status.KLAAR)
    rapportage.refresh_from_db()
    assert rapportage.voortgang == 100 and rapportage.klaar_op and rapportage.gegevensstand["bronnen"]
    with rapportage.pdf.open("rb") as bestand:
        assert bestand.read(4) == b"%PDF"
    # the history shows it went through 'bezig' in the worker
    assert "bezig" in rapportage.history.values_list("status", flat=True)
