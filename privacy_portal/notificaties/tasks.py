"""Thin tasks: load by id, call the service."""

from celery import shared_task

from . import services


@shared_task(name="privacy_portal.notificaties.tasks.verstuur_e_mail", acks_late=True)
def verstuur_e_mail(notificatie_pk):
    return services.e_mail_versturen(notificatie_pk)
