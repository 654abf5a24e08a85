"""Health, readiness and metrics for operators (docker-compose healthchecks, Prometheus).

- `/health`: liveness. The process answers; nothing else is checked.
- `/ready`: readiness. The database answers, Redis answers (when configured) and the deadline
  scan finished recently: a portal whose scan stopped misses legal deadlines, so it is not ready.
- `/metrics`: Prometheus metrics (django-prometheus), for the scraper with `METRICS_TOKEN`.

Probes come from the orchestrator on an internal address, with a Host header that is not the
portal's and over plain HTTP, so `GezondheidMiddleware` answers them before host validation and
the HTTPS redirect. The answers name checks and their state, never data.
"""

import asyncio
import dataclasses
import datetime
import hmac

from asgiref.sync import async_to_sync, sync_to_async
from django.conf import settings
from django.http import HttpResponseForbidden
from django.utils import timezone
from django_prometheus.exports import ExportToDjangoView
from health_check.base import HealthCheck
from health_check.exceptions import ServiceUnavailable
from health_check.views import HealthCheckView
from prometheus_client import CollectorRegistry, generate_latest
from prometheus_client.core import GaugeMetricFamily

from .clientadres import client_adres

# The scan may miss two runs (a restart, a long run) before the portal counts as not ready.
SCAN_GEMIST_NA = 3


@dataclasses.dataclass
class TermijnscanRecent(HealthCheck):
    """The deadline scan finished within the last SCAN_GEMIST_NA intervals."""

    async def run(self):
        from .scanner import laatste_scan

        # on the request's own thread and database connection (closed with the request)
        run = await sync_to_async(laatste_scan)()
        grens = timezone.now() - datetime.timedelta(seconds=settings.SCAN_INTERVAL_SECONDS * SCAN_GEMIST_NA)
        if run is None:
            raise ServiceUnavailable("de termijnscan heeft nog niet gedraaid")
        if run.klaar_op < grens:
            raise ServiceUnavailable(f"de termijnscan draaide het laatst om {run.klaar_op:%Y-%m-%d %H:%M} UTC")


class Gereed(HealthCheckView):
    """Readiness: database, Redis (when configured) and a recent deadline scan."""

    @property
    def checks(self):
        controles = ["health_check.checks.Database", TermijnscanRecent]
        if settings.REDIS_URL:
            from redis.asyncio import Redis

            url = settings.REDIS_URL
            controles.append(("health_check.contrib.redis.Redis", {"client_factory": lambda: Redis.from_url(url)}))
        return controles


levend = HealthCheckView.as_view(checks=())
gereed_view = Gereed.as_view()  # also named "ready" in the URLs: `manage.py health_check ready --no-http`


def gereed(request):
    """JSON for probes and people alike (`?format=json`); 500 when a check fails."""
    request.GET = request.GET.copy()
    request.GET["format"] = "json"
    return gereed_view(request)


def metrics(request):
    """Prometheus metrics: with METRICS_TOKEN as bearer token, or without a token from this host only."""
    token = settings.METRICS_TOKEN
    if token:
        gegeven = request.headers.get("Authorization", "").removeprefix("Bearer ").strip()
        if not hmac.compare_digest(gegeven.encode(), token.encode()):
            return HttpResponseForbidden("metrics: token vereist\n", content_type="text/plain; charset=utf-8")
    elif client_adres(request) not in {"127.0.0.1", "::1"}:
        return HttpResponseForbidden("metrics: zet METRICS_TOKEN\n", content_type="text/plain; charset=utf-8")
    antwoord = ExportToDjangoView(request)
    eigen = CollectorRegistry(auto_describe=True)
    eigen.register(ScanVerzamelaar())
    antwoord.content += generate_latest(eigen)
    return antwoord


PADEN = {"/health": levend, "/ready": gereed, "/metrics": metrics}


async def _wacht(antwoord):
    return await antwoord


class GezondheidMiddleware:
    """Answer /health, /ready and /metrics before host validation and the HTTPS redirect."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        view = PADEN.get(request.path_info)
        if view is not None and request.method in {"GET", "HEAD"}:
            antwoord = view(request)
            antwoord = async_to_sync(_wacht)(antwoord) if asyncio.iscoroutine(antwoord) else antwoord
            # answered here, outside the view handling that renders template responses
            if hasattr(antwoord, "render") and not antwoord.is_rendered:
                antwoord.render()
            return antwoord
        return self.get_response(request)


class ScanVerzamelaar:
    """Prometheus gauge: seconds since the deadline scan last finished (absent before the first run)."""

    def collect(self):
        from .scanner import laatste_scan

        gauge = GaugeMetricFamily(
            "privacy_portal_termijnscan_leeftijd_seconden", "Seconden sinds de termijnscan het laatst klaar was"
        )
        try:
            run = laatste_scan()
        except Exception:  # no database: the metric is absent, /ready reports why
            run = None
        if run is not None:
            gauge.add_metric([], (timezone.now() - run.klaar_op).total_seconds())
        yield gauge
