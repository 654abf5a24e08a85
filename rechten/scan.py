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

`verzoek_termijnen` loads only the requests with a reminder or escalation due that was not
recorded yet (in SQL, `nog_niet_bereikt`; a request whose receipt date was corrected always, its
milestone names carry the deadline) and sends them together (`herinneringen_versturen`), so the
number of queries stays the same however many requests are open.
"""

from datetime import timedelta

from django.conf import settings
from django.db.models import Exists, OuterRef, Prefetch, Q
from django.db.models.functions import Coalesce
from django.utils import timezone

from privacy_portal.core.correcties import mijlpaal_sleutel
from privacy_portal.core.kalender_db import huidige_kalender
from privacy_portal.core.scanner import link_per_uuid, scan_stap
from privacy_portal.notificaties.models import Mijlpaal
from privacy_portal.notificaties.selectors import nog_niet_bereikt
from privacy_portal.notificaties.services import Herinnering, herinneringen_versturen
from privacy_portal.organisaties.rollen import Rol
from privacy_portal.organisaties.selectors import Rolhouders

from . import services
from .constants import OPEN_STATUSSEN, Status, TaakStatus
from .deadlines import herinnering_data, verstreken
from .models import Taak, Verzoek

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


def _bereik(obj, mijlpaal, ontvangers, onderwerp, tekst, link, gedaan):
    """A single milestone, unless it was reached before."""
    if (obj._meta.label, str(obj.uuid), mijlpaal) in gedaan:
        return []
    return [
        Herinnering(obj=obj, bereikt=[mijlpaal], ontvangers=ontvangers, bericht=lambda _: (onderwerp, tekst), link=link)
    ]


def _herinner(obj, bereikt, ontvangers, bericht, link, gedaan):
    """Of the reminders reached (least to most urgent), only the most urgent one (once)."""
    if (obj._meta.label, str(obj.uuid), bereikt[-1]) in gedaan:
        return []
    return [Herinnering(obj=obj, bereikt=bereikt, ontvangers=ontvangers, bericht=bericht, link=link)]


def _laatste_termijnen(vandaag, kalender):
    """{reminder: the latest deadline whose reminder of that kind is due today} (reminders come at
    most VOORUIT_DAGEN before the deadline)."""
    laatste = {}
    for dagen in range(VOORUIT_DAGEN + 1):
        termijn = vandaag + timedelta(days=dagen)
        for naam, dag in herinnering_data(termijn, kalender).items():
            if dag <= vandaag:
                laatste[naam] = termijn
    return laatste


def _te_doen(vandaag, kalender):
    """Open requests with a milestone due today that was not recorded yet (a filter in advance, in SQL).

    Per reminder and extended or not, the milestone name is a constant, so each "not reached yet"
    is an index lookup (or one hashed set) rather than a comparison per row.
    """
    laatste = _laatste_termijnen(vandaag, kalender)
    werkdagen, week = laatste["herinnering_werkdagen"], laatste["herinnering_week"]
    # the most urgent reminder due: two working days before when that has come, else one week before
    vensters = {
        "herinnering_werkdagen": Q(geldende_termijn__gte=vandaag, geldende_termijn__lte=werkdagen),
        "herinnering_week": Q(
            geldende_termijn__gt=werkdagen, geldende_termijn__gte=vandaag, geldende_termijn__lte=week
        ),
    }
    herinnering = Q(pk__in=[])
    for naam, venster in vensters.items():
        for verlengd, achtervoegsel in ((False, ""), (True, "_verlengd")):
            mijlpaal = naam + achtervoegsel
            taak_zonder = Taak.objects.filter(verzoek=OuterRef("pk"), status=TaakStatus.OPEN).filter(
                nog_niet_bereikt(Taak, mijlpaal)
            )
            herinnering |= (
                venster
                & Q(verlengd_tot__isnull=not verlengd)
                & (
                    Verzoek.klokstart.gecorrigeerd_q()  # its milestone names carry the deadline
                    | nog_niet_bereikt(Verzoek, mijlpaal)
                    | Exists(taak_zonder)
                )
            )
    escalatie = Q(geldende_termijn__lt=vandaag) & nog_niet_bereikt(Verzoek, "termijn_verstreken")
    afwijzen = Q(verlengd_tot__isnull=False, deadline__gte=vandaag, deadline__lte=werkdagen) & nog_niet_bereikt(
        Verzoek, "herinnering_afwijzen"
    )
    return (
        Verzoek.objects.filter(status__in=OPEN_STATUSSEN, deadline__isnull=False)
        .annotate(geldende_termijn=Coalesce("verlengd_tot", "deadline"))
        .filter(herinnering | escalatie | afwijzen)
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
    verzoeken = list(_te_doen(vandaag, kalender).prefetch_related(open_taken))
    gedaan = _al_bereikt(verzoeken)
    rolhouders = Rolhouders()
    verzoek_link, taak_link = link_per_uuid("rechten:detail"), link_per_uuid("rechten:taak")
    herinneringen = []
    for verzoek in verzoeken:
        termijn = verzoek.termijn
        link = verzoek_link(verzoek.uuid)
        if (
            verzoek.verlengd_tot
            and not verstreken(verzoek.deadline, vandaag)
            and vandaag >= herinnering_data(verzoek.deadline, kalender)["herinnering_werkdagen"]
        ):
            # art. 12(4): refusing or taking no action is due within the first month, extended or not
            herinneringen += _bereik(
                verzoek,
                "herinnering_afwijzen",
                rolhouders.met_rol(verzoek.gemeente_id, Rol.PRIVACY_OFFICER),
                f"Verzoek {verzoek.kenmerk}: afwijzen kan nog tot {verzoek.deadline:%d-%m-%Y}",
                f"De termijn van dit verzoek is verlengd tot {termijn:%d-%m-%Y}. Wilt u het verzoek afwijzen of "
                f"er niets mee doen? Dat besluit moet uiterlijk {verzoek.deadline:%d-%m-%Y} bij de verzoeker zijn, "
                "met de reden en het recht om te klagen bij de Autoriteit Persoonsgegevens (art. 12 lid 4 AVG).",
                link,
                gedaan,
            )
        if verstreken(termijn, vandaag):
            herinneringen += _bereik(
                verzoek,
                "termijn_verstreken",
                rolhouders.met_rol(verzoek.gemeente_id, Rol.FG, Rol.PRIVACY_OFFICER),
                f"Verzoek {verzoek.kenmerk}: deadline verstreken",
                f"De deadline van {termijn:%d-%m-%Y} is verstreken en er is nog geen besluit vastgelegd. "
                "De gemeente is te laat (art. 12 lid 3 AVG); de verzoeker kan een klacht indienen bij de "
                "Autoriteit Persoonsgegevens. Handel het verzoek zo snel mogelijk af.",
                link,
                gedaan,
            )
            continue
        achtervoegsel = "_verlengd" if verzoek.verlengd_tot else ""
        # a corrected receipt date moves the deadline: its reminders are new milestones (the kernel's key)
        gecorrigeerd = Verzoek.klokstart.gecorrigeerd(verzoek)
        # the reminders due today, least to most urgent (the one due last is the most urgent)
        bereikt = [
            mijlpaal_sleutel(naam + achtervoegsel, termijn, gecorrigeerd=gecorrigeerd)
            for naam, dag in sorted(herinnering_data(termijn, kalender).items(), key=lambda paar: paar[1])
            if vandaag >= dag
        ]
        if not bereikt:
            continue
        open_ = len(verzoek.open_taken_lijst)
        herinneringen += _herinner(
            verzoek,
            bereikt,
            rolhouders.met_rol(verzoek.gemeente_id, Rol.PRIVACY_OFFICER),
            lambda naam, verzoek=verzoek, termijn=termijn, open_=open_: (
                _onderwerp(verzoek, naam),
                f"De deadline van dit betrokkenenverzoek is {termijn:%d-%m-%Y}. "
                + (f"Er staan nog {open_} taken open." if open_ else "Er staan geen taken meer open.")
                + " Leg het besluit op tijd vast en verstuur de brief.",
            ),
            link,
            gedaan,
        )
        for taak in verzoek.open_taken_lijst:
            herinneringen += _herinner(
                taak,
                bereikt,
                rolhouders.teammanagers([taak.team_id]),
                lambda naam, verzoek=verzoek, taak=taak, termijn=termijn: (
                    _onderwerp(verzoek, naam),
                    f"Team {taak.team.naam} heeft nog een open taak bij dit verzoek. Het antwoord moet uiterlijk "
                    f"{termijn:%d-%m-%Y} bij de verzoeker zijn. Rond de taak zo snel mogelijk af.",
                ),
                taak_link(taak.uuid),
                gedaan,
            )
    return herinneringen_versturen(herinneringen, nu=nu)


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
