"""Deadline-scan step of the reports: a report whose task got lost (a Redis flush, a broker that
was down when it was asked for, a dead worker) is queued again, so nothing stays "in de wachtrij"
for ever; a report whose rendering was cut off three times (the worker killed, out of memory) is
marked as failed with that reason instead of being tried for ever."""

from datetime import timedelta

import structlog
from django.conf import settings

from privacy_portal.core.scanner import scan_stap
from privacy_portal.core.taken import in_wachtrij_na_commit

from .constants import Status
from .models import Rapportage
from .services import AFGEBROKEN, rapportage_mislukt

log = structlog.get_logger(__name__)

WACHTRIJ_TE_LANG = timedelta(minutes=15)
# Past the task's hard time limit: a report still "bezig" then was cut off without a word.
BEZIG_TE_LANG = timedelta(seconds=settings.RAPPORTAGE_TIJDSLIMIET + 60) + timedelta(minutes=10)
MAX_POGINGEN = 3


@scan_stap
def vastgelopen_rapportages(nu):
    """Queue reports again that waited or rendered far too long; returns how many were handled."""
    from .tasks import rapportage_maken

    wachtend = Rapportage.objects.filter(status=Status.WACHTRIJ, aangevraagd_op__lt=nu - WACHTRIJ_TE_LANG)
    afgebroken = Rapportage.objects.filter(status=Status.BEZIG, gestart_op__lt=nu - BEZIG_TE_LANG)
    opnieuw = list(wachtend.values_list("pk", flat=True))
    opnieuw += afgebroken.filter(pogingen__lt=MAX_POGINGEN).values_list("pk", flat=True)
    opgegeven = list(afgebroken.filter(pogingen__gte=MAX_POGINGEN).values_list("pk", flat=True))
    for pk in opnieuw:
        log.warning("rapportage opnieuw in de wachtrij", rapportage_id=pk)
        in_wachtrij_na_commit(rapportage_maken, pk)
    for pk in opgegeven:
        log.warning("rapportage na herhaald afbreken mislukt", rapportage_id=pk)
        rapportage_mislukt(pk, AFGEBROKEN)
    return len(opnieuw) + len(opgegeven)
