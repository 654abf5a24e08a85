"""A request id in the logs, the X-Request-ID header, the error page and problem+json."""

import io
import json
import logging

import pytest
import structlog
from django.conf import settings as django_settings

pytestmark = pytest.mark.django_db


def test_foutpagina_en_header_dragen_hetzelfde_kenmerk(client):
    antwoord = client.get("/bestaat-niet/")
    kenmerk = antwoord["X-Request-ID"]
    assert antwoord.status_code == 404 and len(kenmerk) == 32
    assert f"<code>{kenmerk}</code>" in antwoord.content.decode()
    assert client.get("/bestaat-niet/")["X-Request-ID"] != kenmerk  # one per request


def test_problem_json_noemt_het_kenmerk(client):
    antwoord = client.get("/api/v1/bestaat-niet")
    assert antwoord["Content-Type"] == "application/problem+json"
    assert json.loads(antwoord.content)["requestId"] == antwoord["X-Request-ID"]


def test_logregels_van_het_verzoek_dragen_het_kenmerk(client):
    # The settings' log chain, rendered as JSON (as in production).
    stroom = io.StringIO()
    handler = logging.StreamHandler(stroom)
    handler.setFormatter(
        structlog.stdlib.ProcessorFormatter(
            processor=structlog.processors.JSONRenderer(),
            foreign_pre_chain=django_settings.LOGGING["formatters"]["structlog"]["foreign_pre_chain"],
        )
    )
    logger = logging.getLogger("django.request")
    logger.addHandler(handler)
    try:
        antwoord = client.get("/bestaat-niet/")
    finally:
        logger.removeHandler(handler)
    regels = [json.loads(regel) for regel in stroom.getvalue().splitlines()]
    assert regels and all(regel["request_id"] == antwoord["X-Request-ID"] for regel in regels)


def test_alleen_een_vertrouwde_proxy_geeft_een_kenmerk_door(client, settings):
    settings.VERTROUWDE_PROXIES = ["10.0.0.0/8"]
    via_proxy = client.get("/bestaat-niet/", REMOTE_ADDR="10.0.0.2", HTTP_X_REQUEST_ID="proxy-kenmerk-123")
    assert via_proxy["X-Request-ID"] == "proxy-kenmerk-123"
    van_buiten = client.get("/bestaat-niet/", REMOTE_ADDR="203.0.113.9", HTTP_X_REQUEST_ID="proxy-kenmerk-123")
    assert van_buiten["X-Request-ID"] != "proxy-kenmerk-123"
    onzin = client.get("/bestaat-niet/", REMOTE_ADDR="10.0.0.2", HTTP_X_REQUEST_ID="<script>")
    assert onzin["X-Request-ID"] != "<script>"
