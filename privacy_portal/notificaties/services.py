"""The one way to notify people: exactly once per object and milestone, in the inbox and by e-mail.

- `mijlpaal_bereiken`: a deadline milestone (the scan) or any other once-only event;
- `meest_urgente_mijlpaal`: after a gap in the scan several milestones are due at once: only the most
  urgent one is sent, the others are recorded as passed;
- `herinneringen_versturen`: the same for many objects at once (a scan step), with a fixed number of
  queries however many there are;
- `stap_melden`: a workflow step hands work to the next person (submitted, returned, approved, ...);
  once per step and version of the object, never to the person who took the step.

Each recipient's choice per kind (MeldingVoorkeur) decides whether the e-mail goes at once, in the
daily digest, or not at all. Every link in an e-mail is absolute (settings.SITE_URL).

E-mail goes at most once per notification (record, then send): `e_mail_versturen` first commits
that it is sending, then sends, then records that it sent. A worker that dies in between leaves
the notification "being sent" and nobody sends it again, because nobody can know whether the mail
server took it; the melding is in the inbox in any case (it was committed with the milestone). An
SMTP error (refused, unreachable) clears the mark, so the scan's catch-up tries again. For legal
reminders this is the trade-off we want: the inbox always has it (at least once), a second e-mail
never comes (at most once).
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from smtplib import SMTPException

import structlog
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.utils import timezone

from privacy_portal.core.schrijven import versie_van
from privacy_portal.core.taken import in_wachtrij, in_wachtrij_na_commit

from .models import MeldingVoorkeur, Mijlpaal, Notificatie, Soort, Wijze

log = structlog.get_logger(__name__)


def absolute_link(pad):
    """An address a person can click in an e-mail: SITE_URL + the path within the portal."""
    if not pad or pad.startswith(("http://", "https://")):
        return pad
    return f"{settings.SITE_URL}{pad}"


def _wijzen(ontvanger_pks, soorten):
    """(user pk, soort) -> how that person wants meldingen of that kind; one query for all."""
    rijen = MeldingVoorkeur.objects.filter(gebruiker__in=list(ontvanger_pks), soort__in=list(soorten)).values_list(
        "gebruiker_id", "soort", "wijze"
    )
    gekozen = {(gebruiker, soort): wijze for gebruiker, soort, wijze in rijen}
    return lambda pk, soort: gekozen.get((pk, soort), Wijze.DIRECT)


def _actief(ontvangers):
    return list({o.pk: o for o in ontvangers if o.is_active}.values())


def _notificeren_samen(meldingen, nu):
    """meldingen: [(mijlpaal row, recipients, onderwerp, tekst, link, soort)]. Creates every
    notification in one insert and queues their e-mails in one message on commit. Returns how many."""
    meldingen = [(rij, _actief(ontvangers), *rest) for rij, ontvangers, *rest in meldingen]
    wijze = _wijzen({o.pk for _, ontvangers, *_ in meldingen for o in ontvangers}, {m[-1] for m in meldingen})
    notificaties = Notificatie.objects.bulk_create(
        [
            Notificatie(
                ontvanger=ontvanger,
                mijlpaal=rij,
                soort=soort,
                onderwerp=onderwerp,
                tekst=tekst,
                link=link,
                aangemaakt_op=nu,
                email_wijze=wijze(ontvanger.pk, soort),
            )
            for rij, ontvangers, onderwerp, tekst, link, soort in meldingen
            for ontvanger in ontvangers
        ]
    )
    direct = [n.pk for n in notificaties if n.email_wijze == Wijze.DIRECT]
    if direct:
        transaction.on_commit(lambda: e_mails_in_wachtrij(direct))
    return len(notificaties)


def _notificeren(rij, *, ontvangers, onderwerp, tekst, link, soort, nu):
    return _notificeren_samen([(rij, ontvangers, onderwerp, tekst, link, soort)], nu)


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


@dataclass
class Herinnering:
    """One object's reminder for `herinneringen_versturen`.

    bereikt: the milestones reached, least to most urgent (one name for a single milestone);
    ontvangers: a list of users, or a function returning it (called only when it is sent);
    bericht: a function milestone -> (onderwerp, tekst).
    """

    obj: object
    bereikt: list
    ontvangers: list | Callable
    bericht: Callable
    link: str = ""
    soort: str = Soort.TERMIJN

    @property
    def sleutel(self):
        return (self.obj._meta.label, str(self.obj.uuid))


def _bekend(herinneringen):
    """{(object_type, object_id, mijlpaal)} already recorded among these reminders' milestones (one query)."""
    gezocht = {(*h.sleutel, naam) for h in herinneringen for naam in h.bereikt}
    rijen = Mijlpaal.objects.filter(
        object_type__in={t for t, _, _ in gezocht},
        object_id__in={i for _, i, _ in gezocht},
        mijlpaal__in={n for _, _, n in gezocht},
    ).values_list("object_type", "object_id", "mijlpaal")
    return {rij for rij in rijen if rij in gezocht}


def herinneringen_versturen(herinneringen, *, nu=None):
    """`meest_urgente_mijlpaal` for many objects at once, in a fixed number of queries.

    For each Herinnering the most urgent milestone reached is recorded and notified once; the
    earlier ones not recorded yet are recorded as passed. All milestone rows go in one insert in
    one transaction; when another scan recorded one of them meanwhile (the unique constraint), the
    insert fails as a whole and each reminder goes alone through `meest_urgente_mijlpaal`, so still
    each milestone once. Returns the number of notifications created.
    """
    herinneringen = [h for h in herinneringen if h.bereikt]
    if not herinneringen:
        return 0
    nu = nu or timezone.now()
    bekend = _bekend(herinneringen)
    te_doen = [h for h in herinneringen if (*h.sleutel, h.bereikt[-1]) not in bekend]
    if not te_doen:
        return 0
    try:
        with transaction.atomic():
            return _samen_vastleggen(te_doen, bekend, nu)
    except IntegrityError:
        log.info("mijlpalen gelijktijdig vastgelegd; een voor een verder", aantal=len(te_doen))
    aantal = 0
    for h in te_doen:
        with transaction.atomic():
            aantal += meest_urgente_mijlpaal(
                obj=h.obj,
                bereikt=h.bereikt,
                ontvangers=_lijst(h.ontvangers),
                bericht=h.bericht,
                link=h.link,
                nu=nu,
                soort=h.soort,
            )
    return aantal


def _lijst(ontvangers):
    return ontvangers() if callable(ontvangers) else ontvangers


def _samen_vastleggen(te_doen, bekend, nu):
    rijen, meldingen = [], []
    for h in te_doen:
        object_type, object_id = h.sleutel
        *eerder, laatste = h.bereikt
        rijen += [
            Mijlpaal(object_type=object_type, object_id=object_id, mijlpaal=naam, bereikt_op=nu, overgeslagen=True)
            for naam in eerder
            if (object_type, object_id, naam) not in bekend
        ]
        rij = Mijlpaal(object_type=object_type, object_id=object_id, mijlpaal=laatste, bereikt_op=nu)
        rijen.append(rij)
        meldingen.append((rij, _lijst(h.ontvangers), *h.bericht(laatste), h.link, h.soort))
    Mijlpaal.objects.bulk_create(rijen)
    aantal = _notificeren_samen(meldingen, nu)
    log.info("mijlpalen bereikt", mijlpalen=len(meldingen), notificaties=aantal)
    return aantal


E_MAILS_PER_BERICHT = 50


def e_mails_in_wachtrij(notificatie_pks):
    """Queue the e-mails, a batch per queue message; when the broker is down the next scan queues them again."""
    from .tasks import verstuur_e_mails

    pks = list(notificatie_pks)
    for begin in range(0, len(pks), E_MAILS_PER_BERICHT):
        if not in_wachtrij(verstuur_e_mails, pks[begin : begin + E_MAILS_PER_BERICHT]):
            return  # broker unreachable: the notifications stay unsent and the scan retries


def e_mails_versturen(notificatie_pks):
    """Send a batch of notifications' e-mails, each at most once. Returns how many were sent."""
    return sum(1 for pk in notificatie_pks if e_mail_versturen(pk))


def _verzenden_beginnen(notificatie_pk):
    """Record, in a transaction of its own, that this e-mail is being sent; None when it must not be."""
    with transaction.atomic():
        notificatie = (
            Notificatie.objects.select_for_update(of=("self",))
            .select_related("ontvanger")
            .filter(pk=notificatie_pk)
            .first()
        )
        if (
            notificatie is None
            or notificatie.email_verzonden_op
            or notificatie.email_bezig_op
            or notificatie.email_wijze != Wijze.DIRECT
            or not notificatie.ontvanger.email
        ):
            return None
        notificatie.email_bezig_op = timezone.now()
        notificatie.save(update_fields=["email_bezig_op"])
        return notificatie


def _verzenden_afronden(pks, *, gelukt):
    """After the SMTP send: record it as sent, or (the server refused) clear the mark for a retry."""
    with transaction.atomic():
        for notificatie in Notificatie.objects.select_for_update().filter(pk__in=pks):
            if gelukt:
                notificatie.email_verzonden_op = timezone.now()
            else:
                notificatie.email_bezig_op = None
            notificatie.save(update_fields=["email_verzonden_op", "email_bezig_op"])


def e_mail_versturen(notificatie_pk):
    """Send one notification's e-mail at most once: record, then send (see the module docstring).

    Safe to call again (redelivery, catch-up): a notification being sent or sent is skipped.
    """
    from django.core.mail import send_mail

    notificatie = _verzenden_beginnen(notificatie_pk)
    if notificatie is None:
        return False
    try:
        send_mail(
            subject=f"[Privacy Portal] {notificatie.onderwerp}",
            message=f"{notificatie.tekst}\n\n{_link_regel(notificatie)}",
            from_email=None,
            recipient_list=[notificatie.ontvanger.email],
        )
    except (SMTPException, OSError):  # not sent: the catch-up tries again
        log.warning("e-mail niet verzonden", notificatie=notificatie_pk, exc_info=True)
        _verzenden_afronden([notificatie_pk], gelukt=False)
        return False
    _verzenden_afronden([notificatie_pk], gelukt=True)
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
            email_wijze=Wijze.DAGELIJKS,
            email_verzonden_op__isnull=True,
            email_bezig_op__isnull=True,
            aangemaakt_op__lte=grens,
        )
        .exclude(ontvanger__email="")
        .values_list("ontvanger_id", flat=True)
    )
    for pk in ontvangers:
        in_wachtrij_na_commit(verstuur_samenvatting, pk, grens.isoformat())
    return len(ontvangers)


def samenvatting_versturen(gebruiker_pk, grens):
    """Send one person's digest of the meldingen up to `grens`, at most once (record, then send)."""
    from django.core.mail import send_mail

    gebruiker = get_user_model().objects.filter(pk=gebruiker_pk, is_active=True).first()
    if gebruiker is None or not gebruiker.email:
        return 0
    with transaction.atomic():
        notificaties = list(
            Notificatie.objects.select_for_update(of=("self",))
            .filter(
                ontvanger=gebruiker,
                email_wijze=Wijze.DAGELIJKS,
                email_verzonden_op__isnull=True,
                email_bezig_op__isnull=True,
                aangemaakt_op__lte=grens,
            )
            .order_by("aangemaakt_op")
        )
        nu = timezone.now()
        for notificatie in notificaties:
            notificatie.email_bezig_op = nu
            notificatie.save(update_fields=["email_bezig_op"])
    if not notificaties:
        return 0
    regels = [f"- {n.onderwerp}\n  {absolute_link(n.link)}" if n.link else f"- {n.onderwerp}" for n in notificaties]
    try:
        send_mail(
            subject=f"[Privacy Portal] {len(notificaties)} nieuwe melding{'en' if len(notificaties) != 1 else ''}",
            message="Uw meldingen van het afgelopen etmaal:\n\n"
            + "\n".join(regels)
            + f"\n\nAlle meldingen: {absolute_link('/meldingen/')}\n",
            from_email=None,
            recipient_list=[gebruiker.email],
        )
    except (SMTPException, OSError):
        log.warning("samenvatting niet verzonden", gebruiker=gebruiker_pk, exc_info=True)
        _verzenden_afronden([n.pk for n in notificaties], gelukt=False)
        return 0
    _verzenden_afronden([n.pk for n in notificaties], gelukt=True)
    return len(notificaties)


def onverzonden_opnieuw_in_wachtrij(nu, *, ouder_dan_minuten=5):
    """Catch-up for e-mails whose task was lost (broker down) or refused by the mail server.

    Never one that was being sent when its worker died: whether it arrived is unknown, and a
    second e-mail is worse than none (the melding is in the inbox).
    """
    grens = nu - timedelta(minutes=ouder_dan_minuten)
    pks = list(
        Notificatie.objects.filter(
            email_verzonden_op__isnull=True,
            email_bezig_op__isnull=True,
            email_wijze=Wijze.DIRECT,
            aangemaakt_op__lte=grens,
        )
        .exclude(ontvanger__email="")
        .values_list("pk", flat=True)
    )
    if pks:
        transaction.on_commit(lambda: e_mails_in_wachtrij(pks))
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
