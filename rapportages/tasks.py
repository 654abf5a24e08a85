"""Celery tasks of the reports: thin, they load by id and call the service (idempotent)."""

from celery import shared_task

from . import services


@shared_task(name="rapportages.tasks.rapportage_maken")
def rapportage_maken(rapportage_id):
    rapportage = services.rapportage_maken(rapportage_id=rapportage_id)
    return rapportage.status
