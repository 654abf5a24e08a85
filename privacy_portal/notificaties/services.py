"""The one way to notify people: exactly once per object and milestone, in the inbox and by e-mail.

- `mijlpaal_bereiken`: a deadline milestone (the scan) or any other once-only event;
- `meest_urgente_mijlpaal`: after a gap in the scan several milestones are due at once: only the most
  urgent one is sent, the others are recorded as passed;
- `stap_melden`: a workflow step hands work to the next person (submitted, returned, approved, ...);
  once per step and version of the object, never to the person who took the step.

Each recipient's choice per kind (MeldingVoorkeur) decides whether the e-mail goes at once, in the
daily digest, or not at all. Every link in an e-mail is absolute (settings.SITE_URL).
"""

from datetime import datetime, time, timedelta

import structlog
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.utils import timezone

from privacy_portal.core.schrijven import versie_van

from .models import MeldingVoorkeur, Mijlpaal, Notificatie, Soort, Wijze

log = structlog.get_logger(__name__)


def absolute_link(pad):
    """An address a person can click in an e-mail: SITE_URL + the path within the portal."""
    if not pad or pad.startswith(("http://", "https://")):
        return pad
    return f"{settings.SITE_URL}{pad}"


def _wijzen(ontvangers, soort):
    gekozen = dict(
        MeldingVoorkeur.objects.filter(gebruiker__in=[o.pk for o in ontvangers], soort=soort).values_list(
            "gebruiker_id", "wijze"
        )
    )
    return {o.pk: gekozen.get(o.pk, Wijze.DIRECT) for o in ontvangers}


def _notificeren(rij, *, ontvangers, onderwerp, tekst, link, soort, nu):
    ontvangers = list({o.pk: o for o in ontvangers if o.is_active}.values())
    wijzen = _wijzen(ontvangers, soort)
    notificaties = [
        Notificatie.objects.create(
            ontvanger=ontvanger,
            mijlpaal=rij,
            soort=soort,
            onderwerp=onderwerp,
            tekst=tekst,
            link=link,
            aangemaakt_op=nu,
            email_wijze=wijzen[ontvanger.pk],
        )
        for ontvanger in ontvangers
    ]
    for notificatie in notificaties:
        if notificatie.email_wijze == Wijze.DIRECT:
            transaction.on_commit(lambda pk=notificatie.pk: e_mail_in_wachtrij(pk))
    return len(notificaties)


def _mijlpaal_vastleggen(obj, mijlpaal, nu, *, overgeslagen=False):
    """The Mijlpaal row, or None when it was reached before."""
    try:
        with transaction.atomic():
            return Mijlpaal.objects.create(
                object_type=obj._meta.label,
                object_id=str(obj.uuid),
                mijlpaal=mijlpaal,
                bereikt_op=nu,
                overgeslagen=overgeslagen,
            )
    except IntegrityError:
        return None


def mijlpaal_bereiken(*, obj, mijlpaal, ontvangers, onderwerp, tekst, link="", nu=None, soort=Soort.TERMIJN):
    """Record the milestone and notify each recipient, unless it was done before.

    Returns the number of notifications created (0 when the milestone already existed).
    Must run inside the caller's transaction; e-mails are queued when it commits.
    """
    nu = nu or timezone.now()
    rij = _mijlpaal_vastleggen(obj, mijlpaal, nu)
    if rij is None:
        return 0
    aantal = _notificeren(rij, ontvangers=ontvangers, onderwerp=onderwerp, tekst=tekst, link=link, soort=soort, nu=nu)
    log.info("mijlpaal bereikt", object_type=rij.object_type, object_id=rij.object_id, mijlpaal=mijlpaal)
    return aantal


def meest_urgente_mijlpaal(*, obj, bereikt, ontvangers, bericht, link="", nu=None, soort=Soort.TERMIJN):
    """Of the milestones reached (`bereikt`, least to most urgent), notify only the most urgent one.

    The others that were not recorded yet are recorded as passed (`overgeslagen`), without a
    message: after a gap in the scan a person gets one reminder, not four. `bericht(mijlpaal)`
    returns (onderwerp, tekst). Returns the number of notifications created.
    """
    if not bereikt:
        return 0
    nu = nu or timezone.now()
    *eerder, laatste = bereikt
    bekend = set(
        Mijlpaal.objects.filter(object_type=obj._meta.label, object_id=str(obj.uuid), mijlpaal__in=bereikt).values_list(
            "mijlpaal", flat=True
        )
    )
    if laatste in bekend:
        return 0
    for naam in eerder:
        if naam not in bekend:
            _mijlpaal_vastleggen(obj, naam, nu, overgeslagen=True)
    onderwerp, tekst = bericht(laatste)
    return mijlpaal_bereiken(
        obj=obj,
        mijlpaal=laatste,
        ontvangers=ontvangers,
        onderwerp=onderwerp,
        tekst=tekst,
        link=link,
        nu=nu,
        soort=soort,
    )


def stap_melden(*, obj, stap, ontvangers, onderwerp, tekst, link, door=None, nu=None, soort=Soort.ACTIE):
    """A workflow step reaches the next person: one melding (and e-mail, by their choice) each.

    Call it inside the service's transaction, after the object was saved: the step is recorded
    once per object version, so a retried request does not notify twice, while the same step
    taken again later (submitted a second time) does notify. The person who took the step is
    not told about it.
    """
    ontvangers = [o for o in ontvangers if door is None or o.pk != door.pk]
    if not ontvangers:
        return 0
    return mijlpaal_bereiken(
        obj=obj,
        mijlpaal=f"stap:{stap}:{versie_van(obj)}"[:60],
        ontvangers=ontvangers,
        onderwerp=onderwerp,
        tekst=tekst,
        link=link,
        nu=nu,
        soort=soort,
    )


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
    if (
        notificatie is None
        or notificatie.email_verzonden_op
        or notificatie.email_wijze != Wijze.DIRECT
        or not notificatie.ontvanger.email
    ):
        return False
    notificatie.email_verzonden_op = timezone.now()
    notificatie.save(update_fields=["email_verzonden_op"])
    send_mail(
        subject=f"[Privacy Portal] {notificatie.onderwerp}",
        message=f"{notificatie.tekst}\n\n{_link_regel(notificatie)}",
        from_email=None,
        recipient_list=[notificatie.ontvanger.email],
    )
    return True


def _link_regel(notificatie):
    if not notificatie.link:
        return ""
    return f"Bekijk het in de portal: {absolute_link(notificatie.link)}\n"


def _samenvatting_moment(nu):
    lokaal = timezone.localtime(nu)
    moment = timezone.make_aware(datetime.combine(lokaal.date(), time(settings.MELDINGEN_SAMENVATTING_UUR)))
    return moment if moment <= nu else moment - timedelta(days=1)


def samenvattingen_in_wachtrij(nu):
    """Once a day (from MELDINGEN_SAMENVATTING_UUR): one digest e-mail per person who chose it."""
    from .tasks import verstuur_samenvatting

    grens = _samenvatting_moment(nu)
    ontvangers = set(
        Notificatie.objects.filter(
            email_wijze=Wijze.DAGELIJKS, email_verzonden_op__isnull=True, aangemaakt_op__lte=grens
        )
        .exclude(ontvanger__email="")
        .values_list("ontvanger_id", flat=True)
    )
    for pk in ontvangers:
        transaction.on_commit(lambda pk=pk: verstuur_samenvatting.delay(pk, grens.isoformat()))
    return len(ontvangers)


@transaction.atomic
def samenvatting_versturen(gebruiker_pk, grens):
    """Send one person's digest of the meldingen up to `grens`; safe to call again."""
    from django.core.mail import send_mail

    gebruiker = get_user_model().objects.filter(pk=gebruiker_pk, is_active=True).first()
    if gebruiker is None or not gebruiker.email:
        return 0
    notificaties = list(
        Notificatie.objects.select_for_update(of=("self",))
        .filter(
            ontvanger=gebruiker,
            email_wijze=Wijze.DAGELIJKS,
            email_verzonden_op__isnull=True,
            aangemaakt_op__lte=grens,
        )
        .order_by("aangemaakt_op")
    )
    if not notificaties:
        return 0
    nu = timezone.now()
    for notificatie in notificaties:
        notificatie.email_verzonden_op = nu
        notificatie.save(update_fields=["email_verzonden_op"])
    regels = [f"- {n.onderwerp}\n  {absolute_link(n.link)}" if n.link else f"- {n.onderwerp}" for n in notificaties]
    send_mail(
        subject=f"[Privacy Portal] {len(notificaties)} nieuwe melding{'en' if len(notificaties) != 1 else ''}",
        message="Uw meldingen van het afgelopen etmaal:\n\n"
        + "\n".join(regels)
        + f"\n\nAlle meldingen: {absolute_link('/meldingen/')}\n",
        from_email=None,
        recipient_list=[gebruiker.email],
    )
    return len(notificaties)


def onverzonden_opnieuw_in_wachtrij(nu, *, ouder_dan_minuten=5):
    """Catch-up for e-mails whose task was lost (broker down, worker gone)."""
    grens = nu - timedelta(minutes=ouder_dan_minuten)
    pks = list(
        Notificatie.objects.filter(email_verzonden_op__isnull=True, email_wijze=Wijze.DIRECT, aangemaakt_op__lte=grens)
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


def markeer_alles_gelezen(*, door, soort=""):
    """Mark every unread melding of this person (of one kind, if given) as read. Returns how many."""
    qs = Notificatie.objects.filter(ontvanger=door, gelezen_op__isnull=True)
    if soort:
        qs = qs.filter(soort=soort)
    return qs.update(gelezen_op=timezone.now())  # meldingen carry no history of their own


def voorkeuren_van(gebruiker):
    gekozen = dict(MeldingVoorkeur.objects.filter(gebruiker=gebruiker).values_list("soort", "wijze"))
    return {soort: gekozen.get(soort, Wijze.DIRECT) for soort in Soort.values}


@transaction.atomic
def voorkeuren_opslaan(*, gebruiker, keuzes):
    for soort, wijze in keuzes.items():
        MeldingVoorkeur.objects.update_or_create(gebruiker=gebruiker, soort=soort, defaults={"wijze": wijze})
