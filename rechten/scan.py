"""Scan steps of the betrokkenenverzoeken (registered in apps.py, run by core.scanner).

`verzoek_termijnen`: reminders one week and two working days before the deadline that applies
(the extended one after an extension), to the privacy officers (milestone on the request) and to
the teammanagers of teams with an open task (milestone on each task, linking to the task); an
escalation to the FG and the privacy officers once the deadline has passed. Every milestone
happens exactly once; the reminders go through `meest_urgente_mijlpaal`, so after a gap in the
scan (both reminders due at once) a person gets one reminder, the most urgent, and the other is
recorded as passed. Reminders before an extension and after it have different names (suffix
`_verlengd`), so the new deadline gets its own reminders. An extended request also gets
`herinnering_afwijzen` two working days before the first month ends: a refusal is due by then
(art. 12(4) AVG); so do reminders after a correction of the
receipt date (suffix: the corrected deadline).

`verzoeken_opschonen`: anonymises closed (and lapsed) requests after VERZOEK_BEWAARTERMIJN_DAGEN,
never while a bezwaar or beroep is pending, and only a full period after it ended.
An unconfirmed web request is not dropped by the scan: the privacy officer decides (werk.py).
"""

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Prefetch, Q
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone

from privacy_portal.core.kalender_db import huidige_kalender
from privacy_portal.core.scanner import scan_stap
from privacy_portal.notificaties.models import Mijlpaal
from privacy_portal.notificaties.services import meest_urgente_mijlpaal, mijlpaal_bereiken
from privacy_portal.organisaties.rollen import Rol
from privacy_portal.organisaties.selectors import gebruikers_met_rol

from . import services
from .constants import OPEN_STATUSSEN, Status, TaakStatus
from .deadlines import herinnering_data, verstreken
from .models import Taak, Verzoek
from .selectors import teammanagers_van

# A reminder is due at most this many days before the deadline (a week, or two working days
# around a long run of holidays); requests further away are not loaded.
VOORUIT_DAGEN = 31

ONDERWERPEN = {
    "herinnering_week": "nog een week tot de deadline",
    "herinnering_werkdagen": "nog twee werkdagen tot de deadline",
}


def _al_bereikt(verzoeken):
    """{(object_type, object_id, mijlpaal)} already reached for these requests and their open tasks."""
    ids = [str(v.uuid) for v in verzoeken] + [str(t.uuid) for v in verzoeken for t in v.open_taken_lijst]
    return set(
        Mijlpaal.objects.filter(object_type__in=(Verzoek._meta.label, Taak._meta.label), object_id__in=ids).values_list(
            "object_type", "object_id", "mijlpaal"
        )
    )


def _bereik(obj, mijlpaal, ontvangers, onderwerp, tekst, link, nu, gedaan):
    if (obj._meta.label, str(obj.uuid), mijlpaal) in gedaan:
        return 0
    with transaction.atomic():
        return mijlpaal_bereiken(
            obj=obj, mijlpaal=mijlpaal, ontvangers=ontvangers, onderwerp=onderwerp, tekst=tekst, link=link, nu=nu
        )


def _herinner(obj, bereikt, ontvangers, bericht, link, nu, gedaan):
    """Of the reminders reached (least to most urgent), send only the most urgent one (once)."""
    if (obj._meta.label, str(obj.uuid), bereikt[-1]) in gedaan:
        return 0
    with transaction.atomic():
        return meest_urgente_mijlpaal(
            obj=obj, bereikt=bereikt, ontvangers=ontvangers, bericht=bericht, link=link, nu=nu
        )


def _onderwerp(verzoek, mijlpaal):
    soort = next(naam for naam in ONDERWERPEN if mijlpaal.startswith(naam))
    return f"Verzoek {verzoek.kenmerk}: {ONDERWERPEN[soort]}"


@scan_stap
def verzoek_termijnen(nu):
    vandaag = timezone.localdate(nu)
    kalender = huidige_kalender()
    open_taken = Prefetch(
        "taken",
        queryset=Taak.objects.filter(status=TaakStatus.OPEN).select_related("team"),
        to_attr="open_taken_lijst",
    )
    verzoeken = list(
        Verzoek.objects.filter(status__in=OPEN_STATUSSEN, deadline__isnull=False)
        .annotate(geldende_termijn=Coalesce("verlengd_tot", "deadline"))
        .filter(
            Q(geldende_termijn__lte=vandaag + timedelta(days=VOORUIT_DAGEN))
            | Q(verlengd_tot__isnull=False, deadline__lte=vandaag + timedelta(days=VOORUIT_DAGEN))
        )
        .select_related("gemeente")
        .prefetch_related(open_taken)
    )
    gedaan = _al_bereikt(verzoeken)
    aantal = 0
    for verzoek in verzoeken:
        termijn = verzoek.termijn
        link = reverse("rechten:detail", kwargs={"uuid": verzoek.uuid})
        if (
            verzoek.verlengd_tot
            and not verstreken(verzoek.deadline, vandaag)
            and vandaag >= herinnering_data(verzoek.deadline, kalender)["herinnering_werkdagen"]
        ):
            # art. 12(4): refusing or taking no action is due within the first month, extended or not
            aantal += _bereik(
                verzoek,
                "herinnering_afwijzen",
                gebruikers_met_rol(verzoek.gemeente, Rol.PRIVACY_OFFICER),
                f"Verzoek {verzoek.kenmerk}: afwijzen kan nog tot {verzoek.deadline:%d-%m-%Y}",
                f"De termijn van dit verzoek is verlengd tot {termijn:%d-%m-%Y}. Wilt u het verzoek afwijzen of "
                f"er niets mee doen? Dat besluit moet uiterlijk {verzoek.deadline:%d-%m-%Y} bij de verzoeker zijn, "
                "met de reden en het recht om te klagen bij de Autoriteit Persoonsgegevens (art. 12 lid 4 AVG).",
                link,
                nu,
                gedaan,
            )
        if verstreken(termijn, vandaag):
            aantal += _bereik(
                verzoek,
                "termijn_verstreken",
                gebruikers_met_rol(verzoek.gemeente, Rol.FG, Rol.PRIVACY_OFFICER),
                f"Verzoek {verzoek.kenmerk}: deadline verstreken",
                f"De deadline van {termijn:%d-%m-%Y} is verstreken en er is nog geen besluit vastgelegd. "
                "De gemeente is te laat (art. 12 lid 3 AVG); de verzoeker kan een klacht indienen bij de "
                "Autoriteit Persoonsgegevens. Handel het verzoek zo snel mogelijk af.",
                link,
                nu,
                gedaan,
            )
            continue
        achtervoegsel = "_verlengd" if verzoek.verlengd_tot else ""
        if verzoek.ontvangst_gecorrigeerd_op:
            # a corrected receipt date moves the deadline: its reminders are new milestones
            achtervoegsel += f"_{termijn:%Y%m%d}"
        # the reminders due today, least to most urgent (the one due last is the most urgent)
        bereikt = [
            naam + achtervoegsel
            for naam, dag in sorted(herinnering_data(termijn, kalender).items(), key=lambda paar: paar[1])
            if vandaag >= dag
        ]
        if not bereikt:
            continue
        open_ = len(verzoek.open_taken_lijst)
        aantal += _herinner(
            verzoek,
            bereikt,
            gebruikers_met_rol(verzoek.gemeente, Rol.PRIVACY_OFFICER),
            lambda naam, verzoek=verzoek, termijn=termijn, open_=open_: (
                _onderwerp(verzoek, naam),
                f"De deadline van dit betrokkenenverzoek is {termijn:%d-%m-%Y}. "
                + (f"Er staan nog {open_} taken open." if open_ else "Er staan geen taken meer open.")
                + " Leg het besluit op tijd vast en verstuur de brief.",
            ),
            link,
            nu,
            gedaan,
        )
        for taak in verzoek.open_taken_lijst:
            aantal += _herinner(
                taak,
                bereikt,
                teammanagers_van(verzoek.gemeente, [taak.team_id]),
                lambda naam, verzoek=verzoek, taak=taak, termijn=termijn: (
                    _onderwerp(verzoek, naam),
                    f"Team {taak.team.naam} heeft nog een open taak bij dit verzoek. Het antwoord moet uiterlijk "
                    f"{termijn:%d-%m-%Y} bij de verzoeker zijn. Rond de taak zo snel mogelijk af.",
                ),
                reverse("rechten:taak", kwargs={"uuid": taak.uuid}),
                nu,
                gedaan,
            )
    return aantal


@scan_stap
def verzoeken_opschonen(nu):
    """Anonymise after the retention period. Returns the number handled."""
    aantal = 0
    grens = nu - timedelta(days=settings.VERZOEK_BEWAARTERMIJN_DAGEN)
    te_anonimiseren = (
        Verzoek.objects.filter(
            status__in=(Status.AFGEHANDELD, Status.VERVALLEN), afgesloten_op__lte=grens, geanonimiseerd_op__isnull=True
        )
        # not while a bezwaar or beroep is pending, and a full period after it ended
        .exclude(
            (Q(bezwaar_ingediend_op__isnull=False) | Q(beroep_ingesteld_op__isnull=False))
            & Q(rechtsmiddel_afgerond_op__isnull=True)
        )
        .exclude(rechtsmiddel_afgerond_op__gt=timezone.localdate(grens))
    )
    for verzoek in te_anonimiseren:
        services.verzoek_anonimiseren(verzoek=verzoek, nu=nu)
        aantal += 1
    # Unconfirmed web requests are never dropped here: they wait in the privacy officer's work list.
    return aantal
