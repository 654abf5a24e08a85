"""The one way to notify people: exactly once per object and milestone, in the inbox and by e-mail."""

from datetime import timedelta

import structlog
from django.db import IntegrityError, transaction
from django.utils import timezone

from .models import Mijlpaal, Notificatie

log = structlog.get_logger(__name__)


def mijlpaal_bereiken(*, obj, mijlpaal, ontvangers, onderwerp, tekst, link="", nu=None):
    """Record the milestone and notify each recipient, unless it was done before.

    Returns the number of notifications created (0 when the milestone already existed).
    Must run inside the caller's transaction; e-mails are queued when it commits.
    """
    nu = nu or timezone.now()
    try:
        with transaction.atomic():
            rij = Mijlpaal.objects.create(
                object_type=obj._meta.label, object_id=str(obj.uuid), mijlpaal=mijlpaal, bereikt_op=nu
            )
    except IntegrityError:
        return 0
    notificaties = [
        Notificatie.objects.create(
            ontvanger=ontvanger, mijlpaal=rij, onderwerp=onderwerp, tekst=tekst, link=link, aangemaakt_op=nu
        )
        for ontvanger in {o.pk: o for o in ontvangers if o.is_active}.values()
    ]
    for notificatie in notificaties:
        transaction.on_commit(lambda pk=notificatie.pk: e_mail_in_wachtrij(pk))
    log.info("mijlpaal bereikt", object_type=rij.object_type, object_id=rij.object_id, mijlpaal=mijlpaal)
    return len(notificaties)


def e_mail_in_wachtrij(notificatie_pk):
    """Queue the e-mail; when the broker is down the next scan queues it again."""
    from .tasks import verstuur_e_mail

    try:
        verstuur_e_mail.delay(notificatie_pk)
    except Exception:  # broker unreachable: the notification stays unsent and the scan retries
        log.warning("e-mail niet in de wachtrij gezet", notificatie=notificatie_pk, exc_info=True)


@transaction.atomic
def e_mail_versturen(notificatie_pk):
    """Send one notification's e-mail once; safe to call again (redelivery, catch-up)."""
    from django.core.mail import send_mail

    notificatie = (
        Notificatie.objects.select_for_update(of=("self",))
        .select_related("ontvanger")
        .filter(pk=notificatie_pk)
        .first()
    )
    if notificatie is None or notificatie.email_verzonden_op or not notificatie.ontvanger.email:
        return False
    send_mail(
        subject=f"[Privacy Portal] {notificatie.onderwerp}",
        message=f"{notificatie.tekst}\n\nBekijk het in de portal: {notificatie.link}\n",
        from_email=None,
        recipient_list=[notificatie.ontvanger.email],
    )
    notificatie.email_verzonden_op = timezone.now()
    notificatie.save(update_fields=["email_verzonden_op"])
    return True


def onverzonden_opnieuw_in_wachtrij(nu, *, ouder_dan_minuten=5):
    """Catch-up for e-mails whose task was lost (broker down, worker gone)."""
    grens = nu - timedelta(minutes=ouder_dan_minuten)
    pks = list(
        Notificatie.objects.filter(email_verzonden_op__isnull=True, aangemaakt_op__lte=grens)
        .exclude(ontvanger__email="")
        .values_list("pk", flat=True)
    )
    for pk in pks:
        e_mail_in_wachtrij(pk)
    return len(pks)


def markeer_gelezen(*, notificatie, door):
    if notificatie.ontvanger_id == door.pk and notificatie.gelezen_op is None:
        notificatie.gelezen_op = timezone.now()
        notificatie.save(update_fields=["gelezen_op"])
