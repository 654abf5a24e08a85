"""Celery tasks of the reports: thin, they load by id and call the service (idempotent)."""

from celery import shared_task
from django.conf import settings

from . import services


# The soft limit stops the rendering with a clear reason (status "mislukt"); the hard limit a
# minute later ends a worker that does not respond to it. The scan then counts the attempt.
@shared_task(
    name="rapportages.tasks.rapportage_maken",
    soft_time_limit=settings.RAPPORTAGE_TIJDSLIMIET,
    time_limit=settings.RAPPORTAGE_TIJDSLIMIET + 60,
)
def rapportage_maken(rapportage_id):
    rapportage = services.rapportage_maken(rapportage_id=rapportage_id)
    return rapportage.status
