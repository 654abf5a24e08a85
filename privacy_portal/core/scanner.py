"""The deadline scan: one idempotent pass over every register's stored deadlines.

Registers add their checks with `@scan_stap`. Celery beat runs `tasks.termijnen_bewaken`,
`manage.py termijnen_bewaken` runs it once, and `manage.py runportal` runs it in-process. Each
run is recorded (ScanRun) so the dashboard can show when the scanner last ran.
"""

import structlog
from django.utils import timezone

from .models import ScanRun

log = structlog.get_logger(__name__)
_STAPPEN = []


def scan_stap(func):
    """Register a check: func(nu) -> number of notifications created."""
    _STAPPEN.append(func)
    return func


def termijnen_bewaken(*, herkomst, nu=None):
    nu = nu or timezone.now()
    run = ScanRun.objects.create(gestart_op=nu, herkomst=herkomst)
    resultaat = {stap.__module__ + "." + stap.__name__: stap(nu) for stap in _STAPPEN}
    run.klaar_op = timezone.now()
    run.resultaat = resultaat
    run.save(update_fields=["klaar_op", "resultaat"])
    log.info("termijnscan klaar", herkomst=herkomst, stappen=len(resultaat))
    return run


def laatste_scan():
    return ScanRun.objects.filter(klaar_op__isnull=False).first()
