"""Celery tasks of the kernel; thin: they call the scanner."""

from celery import shared_task

from . import scanner


@shared_task(name="privacy_portal.core.tasks.termijnen_bewaken")
def termijnen_bewaken():
    run = scanner.termijnen_bewaken(herkomst="beat")
    return run.pk
