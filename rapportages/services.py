"""Every write of the reports archive, the FG's findings and the house style goes through a function here.

`rapportage_aanvragen` checks the permission, validates and queues the Celery task on commit;
`rapportage_maken` (called by the task) renders the PDF, records progress and the data state,
and stores the PDF on private storage. It is idempotent: a finished report is left alone.
"""

from datetime import date

import structlog
from celery.exceptions import SoftTimeLimitExceeded
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from privacy_portal.core.pdf import render_pdf
from privacy_portal.core.permissions import vereis
from privacy_portal.core.schrijven import opslaan
from privacy_portal.core.taken import in_wachtrij_na_commit

from .constants import MET_PERIODE, Soort, Status
from .models import FgBevindingen, GemeenteThema, Rapportage

log = structlog.get_logger(__name__)

MAX_PERIODE_DAGEN = 5 * 366  # a report covers a quarter or a year; five years is the most that makes sense
EERSTE_DAG = date(2018, 1, 1)  # the AVG applies from 25 May 2018; reports start in that year at the earliest
FOUTMELDING = "Het maken van de rapportage is mislukt. Probeer het opnieuw; lukt het weer niet, waarschuw de beheerder."
TE_LANG = (
    f"Het maken duurde langer dan {settings.RAPPORTAGE_TIJDSLIMIET // 60} minuten en is gestopt. "
    "Kies een kortere periode of probeer het later opnieuw; lukt het weer niet, waarschuw de beheerder."
)
AFGEBROKEN = (
    "Het maken is drie keer afgebroken (bijvoorbeeld doordat de server te weinig geheugen had). "
    "Probeer het later opnieuw; lukt het weer niet, waarschuw de beheerder."
)


def valideer_aanvraag(*, soort, periode_van, periode_tot, vandaag):
    """(van, tot) of the report, or one ValidationError with every invalid field."""
    fouten = {}
    if soort not in Soort.values:
        fouten["soort"] = f"Kies een van: {', '.join(Soort.values)}."
    elif soort in MET_PERIODE:
        if periode_van is None:
            fouten["periode_van"] = "Vul de eerste dag van de periode in."
        if periode_tot is None:
            fouten["periode_tot"] = "Vul de laatste dag van de periode in."
        if periode_van and periode_tot:
            if periode_van > periode_tot:
                fouten["periode_tot"] = "De periode eindigt voordat hij begint."
            if periode_van > vandaag:
                fouten["periode_van"] = "Deze periode is nog niet begonnen."
            elif periode_van < EERSTE_DAG:
                fouten["periode_van"] = "Kies een periode vanaf 2018 (de AVG geldt sinds 25 mei 2018)."
            if periode_tot > date(vandaag.year, 12, 31):
                fouten["periode_tot"] = f"Kies een laatste dag uiterlijk op 31 december {vandaag.year}."
            elif (periode_tot - periode_van).days > MAX_PERIODE_DAGEN:
                fouten["periode_tot"] = "Een periode is hoogstens vijf jaar."
    if fouten:
        raise ValidationError(fouten)
    if soort in MET_PERIODE:
        return periode_van, periode_tot
    return vandaag, vandaag  # the register as it stands on the day the report is made


@transaction.atomic
def rapportage_aanvragen(*, door, soort, gemeente, periode_van=None, periode_tot=None, nu=None):
    """Record the request and queue the task that renders it (after the commit)."""
    from .tasks import rapportage_maken as taak

    nu = nu or timezone.now()
    vereis(door, "rapportages.add_rapportage", gemeente)
    van, tot = valideer_aanvraag(
        soort=soort, periode_van=periode_van, periode_tot=periode_tot, vandaag=timezone.localdate(nu)
    )
    rapportage = Rapportage(
        soort=soort,
        gemeente=gemeente,
        periode_van=van,
        periode_tot=tot,
        status=Status.WACHTRIJ,
        voortgang=0,
        aangevraagd_door=door,
        aangevraagd_op=nu,
    )
    opslaan(rapportage, door=door, reden="Aangevraagd")
    in_wachtrij_na_commit(taak, rapportage.pk)
    return rapportage


@transaction.atomic
def rapportage_opnieuw(*, door, rapportage, nu=None):
    """Queue a failed report again (the person who may request reports for its gemeente)."""
    from .tasks import rapportage_maken as taak

    rapportage = _vergrendeld(rapportage.pk)
    vereis(door, "rapportages.add_rapportage", rapportage.gemeente)
    if rapportage.status != Status.MISLUKT:
        raise ValidationError("Alleen een mislukte rapportage kan opnieuw worden gemaakt.")
    rapportage.status = Status.WACHTRIJ
    rapportage.voortgang = 0
    rapportage.pogingen = 0
    rapportage.foutmelding = ""
    rapportage.aangevraagd_op = nu or timezone.now()
    opslaan(rapportage, door=door, reden="Opnieuw aangevraagd")
    in_wachtrij_na_commit(taak, rapportage.pk)
    return rapportage


def voortgang_bijwerken(rapportage, procent):
    """Record progress at once (its own tiny write, outside any transaction of the renderer).

    Progress is not kept in the history (it is excluded there), so this save adds no history row.
    """
    procent = max(0, min(100, int(procent)))
    if procent <= rapportage.voortgang:
        return
    rapportage.voortgang = procent
    rapportage.skip_history_when_saving = True
    try:
        rapportage.save(update_fields=["voortgang"])
    finally:
        del rapportage.skip_history_when_saving


def _vergrendeld(pk):
    return Rapportage.objects.select_for_update(of=("self",)).select_related("gemeente", "aangevraagd_door").get(pk=pk)


PDF_STAPPEN = {"html": 55, "opgemaakt": 88, "pdf": 96}


def rapportage_maken(*, rapportage_id, nu=None):
    """Render the report to PDF and store it (called by the task). A finished report is left alone."""
    from . import reports

    with transaction.atomic():
        rapportage = _vergrendeld(rapportage_id)
        if rapportage.status == Status.KLAAR:
            return rapportage
        rapportage.status = Status.BEZIG
        rapportage.voortgang = 5
        rapportage.pogingen += 1
        rapportage.gestart_op = timezone.now()
        rapportage.foutmelding = ""
        opslaan(rapportage, door=None, reden="Wordt gemaakt")
    nu = nu or timezone.now()
    try:
        template, context, stand = reports.maak_context(
            rapportage, nu, voortgang=lambda p: voortgang_bijwerken(rapportage, p)
        )
        voortgang_bijwerken(rapportage, 40)
        pdf, _html = render_pdf(
            template, context, voortgang=lambda stap: voortgang_bijwerken(rapportage, PDF_STAPPEN[stap])
        )
        with transaction.atomic():
            rapportage = _vergrendeld(rapportage_id)
            rapportage.pdf.save(rapportage.bestandsnaam, ContentFile(pdf), save=False)
            rapportage.status = Status.KLAAR
            rapportage.voortgang = 100
            rapportage.klaar_op = timezone.now()
            rapportage.gegevensstand = stand
            opslaan(rapportage, door=None, reden="Klaar")
        log.info("rapportage klaar", rapportage=str(rapportage.uuid), soort=rapportage.soort, bytes=len(pdf))
    except SoftTimeLimitExceeded:
        log.warning("rapportage te lang bezig", rapportage=str(rapportage.uuid), soort=rapportage.soort)
        rapportage = rapportage_mislukt(rapportage_id, TE_LANG)
    except Exception:
        log.exception("rapportage mislukt", rapportage=str(rapportage.uuid), soort=rapportage.soort)
        rapportage = rapportage_mislukt(rapportage_id, FOUTMELDING)
    return rapportage


@transaction.atomic
def rapportage_mislukt(rapportage_id, reden):
    """Record that a report failed, with the reason the person who asked for it reads."""
    rapportage = _vergrendeld(rapportage_id)
    rapportage.status = Status.MISLUKT
    rapportage.foutmelding = reden
    opslaan(rapportage, door=None, reden="Mislukt")
    return rapportage


@transaction.atomic
def bevindingen_opslaan(*, door, gemeente, jaar, bevindingen, aanbevelingen, nu=None):
    """The FG writes (or rewrites) the findings and recommendations of a year."""
    nu = nu or timezone.now()
    vereis(door, "rapportages.bevindingen_rapportage", gemeente)
    fouten = {}
    if not EERSTE_DAG.year <= jaar <= timezone.localdate(nu).year:
        fouten["jaar"] = f"Kies een jaar van {EERSTE_DAG.year} tot en met {timezone.localdate(nu).year}."
    if fouten:
        raise ValidationError(fouten)
    obj = FgBevindingen.objects.select_for_update(of=("self",)).filter(gemeente=gemeente, jaar=jaar).first()
    if obj is None:
        obj = FgBevindingen(gemeente=gemeente, jaar=jaar)
    obj.bevindingen = (bevindingen or "").strip()
    obj.aanbevelingen = (aanbevelingen or "").strip()
    obj.gewijzigd_door = door
    obj.gewijzigd_op = nu
    opslaan(obj, door=door, reden="Bevindingen en aanbevelingen opgeslagen")
    return obj


@transaction.atomic
def thema_opslaan(*, door, gemeente, naam, primaire_kleur, logo=None, logo_wissen=False):
    """A gemeente's house style for the reports (administrators, through the admin)."""
    thema = GemeenteThema.objects.select_for_update(of=("self",)).filter(gemeente=gemeente).first()
    thema = thema or GemeenteThema(gemeente=gemeente)
    thema.naam = (naam or "").strip() or f"Gemeente {gemeente.naam}"
    thema.primaire_kleur = (primaire_kleur or "").strip().lower()
    if logo_wissen:
        thema.logo = None
    elif logo is not None:
        thema.logo = logo
    thema.full_clean(exclude=["gemeente"])
    opslaan(thema, door=door, reden="Huisstijl opgeslagen")
    return thema
