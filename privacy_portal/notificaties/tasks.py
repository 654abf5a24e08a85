"""Thin tasks: load by id, call the service."""

from celery import shared_task

from . import services


@shared_task(name="privacy_portal.notificaties.tasks.verstuur_e_mails", acks_late=True)
def verstuur_e_mails(notificatie_pks):
    return services.e_mails_versturen(notificatie_pks)


@shared_task(name="privacy_portal.notificaties.tasks.verstuur_e_mail", acks_late=True)
def verstuur_e_mail(notificatie_pk):
    """One e-mail (messages queued before the batch task existed)."""
    return services.e_mail_versturen(notificatie_pk)


@shared_task(name="privacy_portal.notificaties.tasks.verstuur_samenvatting", acks_late=True)
def verstuur_samenvatting(gebruiker_pk, grens):
    from django.utils.dateparse import parse_datetime

    return services.samenvatting_versturen(gebruiker_pk, parse_datetime(grens))
