"""Deadline-scan step of the reports: a report whose task got lost (a Redis flush, a dead worker
past its retries) is queued again, so nothing stays "in de wachtrij" for ever."""

from datetime import timedelta

import structlog
from django.db import transaction

from privacy_portal.core.scanner import scan_stap

from .constants import Status
from .models import Rapportage

log = structlog.get_logger(__name__)

WACHTRIJ_TE_LANG = timedelta(minutes=15)
BEZIG_TE_LANG = timedelta(minutes=60)


@scan_stap
def vastgelopen_rapportages(nu):
    """Queue reports again that waited or rendered far too long; returns how many."""
    from .tasks import rapportage_maken

    vastgelopen = list(
        Rapportage.objects.filter(status=Status.WACHTRIJ, aangevraagd_op__lt=nu - WACHTRIJ_TE_LANG).values_list(
            "pk", flat=True
        )
    ) + list(
        Rapportage.objects.filter(status=Status.BEZIG, gestart_op__lt=nu - BEZIG_TE_LANG).values_list("pk", flat=True)
    )
    for pk in vastgelopen:
        log.warning("rapportage opnieuw in de wachtrij", rapportage_id=pk)
        transaction.on_commit(lambda pk=pk: rapportage_maken.delay(pk))
    return len(vastgelopen)
