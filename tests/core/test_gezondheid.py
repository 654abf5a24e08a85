"""/health, /ready and /metrics for operators (privacy_portal.core.gezondheid)."""

import datetime
import json
import threading

import pytest
from django.core.management import call_command
from django.db import connections
from django.utils import timezone

from privacy_portal.core.models import ScanRun

pytestmark = pytest.mark.django_db

# As production: only the portal's own host name, HTTPS enforced.
PRODUCTIE = {"ALLOWED_HOSTS": ["privacy.gemeente.example"], "SECURE_SSL_REDIRECT": True}


@pytest.fixture
def productie(settings):
    for naam, waarde in PRODUCTIE.items():
        setattr(settings, naam, waarde)
    settings.REDIS_URL = ""
    return settings


def _scan(minuten_geleden):
    moment = timezone.now() - datetime.timedelta(minutes=minuten_geleden)
    ScanRun.objects.create(gestart_op=moment, klaar_op=moment, herkomst="test")


def test_health_antwoordt_de_probe_op_een_intern_adres_zonder_https(client, productie):
    # The container probe asks http://127.0.0.1:8000/health: not an allowed host, no TLS.
    for soort in ("*/*", "text/html", "text/plain", "application/json"):
        antwoord = client.get("/health", HTTP_HOST="127.0.0.1:8000", HTTP_ACCEPT=soort)
        assert antwoord.status_code == 200 and antwoord.content, soort  # rendered, also as a template
    # Any other page from that host is still refused or redirected.
    assert client.get("/register/", HTTP_HOST="127.0.0.1:8000").status_code in {301, 400}


def test_ready_zonder_recente_termijnscan_is_niet_gereed(client, productie):
    antwoord = client.get("/ready", HTTP_HOST="127.0.0.1:8000")
    assert antwoord.status_code == 500
    assert "termijnscan heeft nog niet gedraaid" in antwoord.content.decode()

    _scan(minuten_geleden=60)  # three intervals of five minutes missed
    antwoord = client.get("/ready", HTTP_HOST="127.0.0.1:8000")
    assert antwoord.status_code == 500
    assert "draaide het laatst" in antwoord.content.decode()


def test_ready_met_database_en_recente_scan_is_gereed(client, productie):
    _scan(minuten_geleden=2)
    antwoord = client.get("/ready", HTTP_HOST="127.0.0.1:8000")
    assert antwoord.status_code == 200, antwoord.content
    controles = json.loads(antwoord.content)
    assert any("Database" in naam for naam in controles) and any("Termijnscan" in naam for naam in controles)


def test_ready_meldt_een_onbereikbare_redis(client, productie):
    _scan(minuten_geleden=2)
    productie.REDIS_URL = "redis://127.0.0.1:1/11"  # nothing listens on port 1
    antwoord = client.get("/ready", HTTP_HOST="127.0.0.1:8000")
    assert antwoord.status_code == 500
    assert "Redis" in antwoord.content.decode()


def _commando_afloop():
    """Exit code of `manage.py health_check ready --no-http`, run on a thread of its own: the
    command starts an event loop, which cannot happen on a thread where one already runs (as
    after a browser test in the same test process)."""
    afloop = []

    def draai():
        try:
            call_command("health_check", "ready", "--no-http")
        except SystemExit as einde:
            afloop.append(einde.code)
        finally:
            connections.close_all()

    draad = threading.Thread(target=draai)
    draad.start()
    draad.join(timeout=60)
    return afloop[0]


@pytest.mark.django_db(transaction=True)  # the command checks on its own threads and connections
def test_health_check_commando_voor_worker_en_beat(productie):
    _scan(minuten_geleden=2)
    assert _commando_afloop() == 0
    ScanRun.objects.all().delete()
    assert _commando_afloop() == 1


def test_metrics_alleen_met_token_of_vanaf_deze_machine(client, settings):
    _scan(minuten_geleden=1)
    settings.METRICS_TOKEN = ""
    assert client.get("/metrics", REMOTE_ADDR="203.0.113.5").status_code == 403
    lokaal = client.get("/metrics", REMOTE_ADDR="127.0.0.1")
    assert lokaal.status_code == 200
    assert b"privacy_portal_termijnscan_leeftijd_seconden" in lokaal.content

    settings.METRICS_TOKEN = "geheim-voor-prometheus"
    assert client.get("/metrics", REMOTE_ADDR="127.0.0.1").status_code == 403
    met_token = client.get("/metrics", REMOTE_ADDR="203.0.113.5", HTTP_AUTHORIZATION="Bearer geheim-voor-prometheus")
    assert met_token.status_code == 200
    assert b"django_http_requests_total_by_method_total" in met_token.content
