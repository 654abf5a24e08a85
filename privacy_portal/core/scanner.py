"""The deadline scan: one idempotent pass over every register's stored deadlines.

Registers add their checks with `@scan_stap`. Celery beat runs `tasks.termijnen_bewaken`,
`manage.py termijnen_bewaken` runs it once, and `manage.py runportal` runs it in-process. Each
run is recorded (ScanRun) so the dashboard can show when the scanner last ran.

A step keeps its number of queries fixed whatever the number of open items: it filters in SQL on
what is due and not yet reached (`notificaties.selectors.nog_niet_bereikt`), reads recipients once
(`organisaties.selectors.Rolhouders`), builds links with `link_per_uuid` and sends with
`notificaties.services.herinneringen_versturen`.
"""

import uuid

import structlog
from django.urls import reverse
from django.utils import timezone

from .models import ScanRun

log = structlog.get_logger(__name__)
_STAPPEN = []


def scan_stap(func):
    """Register a check: func(nu) -> number of notifications created."""
    _STAPPEN.append(func)
    return func


def link_per_uuid(naam):
    """A function uuid -> the path of URL `naam` (which takes one argument `uuid`), reversed once."""
    voorbeeld = str(uuid.UUID(int=0))
    voor, _, na = reverse(naam, kwargs={"uuid": voorbeeld}).partition(voorbeeld)
    return lambda waarde: f"{voor}{waarde}{na}"


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
