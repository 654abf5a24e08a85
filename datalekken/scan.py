"""Scan steps of the datalekregister: a reminder when the risk assessment is still missing 12 hours
after the report, reminders at 24, 48 and 60 hours, escalation after 72.

The reminders belong to a deadline. When kennisname is corrected (services.kennisname_corrigeren) the
deadline moves, and the milestones of the new deadline carry that deadline in their key
(`herinnering_24u@20261201T1000Z`, from the kernel's `core.correcties.mijlpaal_sleutel`): those still
ahead fire, also when the same milestone already fired for the old deadline, and each still fires
once per deadline. The milestones of the original deadline keep their plain name, so the ones
recorded before a correction existed stay valid.

The milestones form one ladder per datalek, from least to most urgent. After a gap in the scan
several can be due at once; then only the most urgent one is sent and the others are recorded as
passed (`herinneringen_versturen`), so a person gets one reminder per datalek, not four.

The step loads only the datalekken whose most urgent milestone was not recorded (in SQL; a
corrected datalek always, its keys carry the deadline) and sends in a fixed number of queries.
"""

from datetime import timedelta

from django.db.models import BooleanField, Case, CharField, ExpressionWrapper, OuterRef, Q, Value, When
from django.utils import timezone

from privacy_portal.core.correcties import mijlpaal_sleutel
from privacy_portal.core.scanner import link_per_uuid, scan_stap
from privacy_portal.notificaties.models import Mijlpaal
from privacy_portal.notificaties.selectors import nog_niet_bereikt
from privacy_portal.notificaties.services import Herinnering, herinneringen_versturen
from privacy_portal.organisaties.rollen import Rol
from privacy_portal.organisaties.selectors import Rolhouders

from .constants import HERINNERING_UREN, RISICO_ONTBREEKT_UREN, Status
from .deadlines import meld_deadline
from .models import Datalek
from .selectors import klok_loopt_q

RISICO_ONTBREEKT = "risico_ontbreekt"
VERSTREKEN = "termijn_verstreken"


def _herinnering(uren):
    return f"herinnering_{uren}u"


def _sleutel(datalek, naam):
    """The milestone key of `naam` for the datalek's current deadline (see the module docstring)."""
    if naam == RISICO_ONTBREEKT:
        return naam
    verschoven = datalek.kennisname_gecorrigeerd and (
        meld_deadline(datalek.kennisname_oorspronkelijk_op) != datalek.meld_deadline
    )
    return mijlpaal_sleutel(naam, datalek.meld_deadline, gecorrigeerd=verschoven)


def _naam(sleutel):
    return sleutel.split("@", 1)[0]


def _bereikt(datalek, klok_loopt, nu):
    """The milestones this datalek has reached at `nu`, least urgent first."""
    bereikt = []
    if not datalek.risico and datalek.gemeld_op <= nu - timedelta(hours=RISICO_ONTBREEKT_UREN):
        bereikt.append(RISICO_ONTBREEKT)
    if klok_loopt:
        bereikt += [_herinnering(u) for u in HERINNERING_UREN if datalek.kennisname_op <= nu - timedelta(hours=u)]
        if datalek.meld_deadline <= nu:
            bereikt.append(VERSTREKEN)
    return [_sleutel(datalek, naam) for naam in bereikt]


def _bericht(datalek):
    def bericht(sleutel):
        mijlpaal = _naam(sleutel)
        if mijlpaal == VERSTREKEN:
            return (
                f"Datalek {datalek.kenmerk}: meldtermijn van 72 uur verstreken",
                "De termijn om dit datalek bij de AP te melden is verstreken en er is geen melding vastgelegd. "
                "Meld zo snel mogelijk en vermeld de reden van de vertraging.",
            )
        if mijlpaal == RISICO_ONTBREEKT:
            return (
                f"Datalek {datalek.kenmerk}: risicobeoordeling ontbreekt",
                f"Dit datalek is {RISICO_ONTBREEKT_UREN} uur geleden gemeld en het risico is nog niet beoordeeld.",
            )
        uren = int(mijlpaal.removeprefix("herinnering_").removesuffix("u"))
        deadline = timezone.localtime(datalek.meld_deadline)
        return (
            f"Datalek {datalek.kenmerk}: nog {72 - uren} uur om te melden",
            f"Het datalek is {uren} uur geleden ontdekt en nog niet bij de AP gemeld. "
            f"De deadline is {deadline:%d-%m-%Y %H:%M}. Beoordeel het risico en meld tijdig, "
            "of leg vast dat er geen risico is.",
        )

    return bericht


def _urgentste(nu):
    """The name of the most urgent milestone reached at `nu`, as SQL (the last of `_bereikt`)."""
    stappen = [When(klok_loopt_q() & Q(meld_deadline__lte=nu), then=Value(VERSTREKEN))]
    stappen += [
        When(klok_loopt_q() & Q(kennisname_op__lte=nu - timedelta(hours=u)), then=Value(_herinnering(u)))
        for u in sorted(HERINNERING_UREN, reverse=True)
    ]
    stappen.append(
        When(Q(risico="", gemeld_op__lte=nu - timedelta(hours=RISICO_ONTBREEKT_UREN)), then=Value(RISICO_ONTBREEKT))
    )
    return Case(*stappen, default=Value(""), output_field=CharField())


@scan_stap
def datalek_termijnen(nu):
    eerste = nu - timedelta(hours=min(RISICO_ONTBREEKT_UREN, *HERINNERING_UREN))
    kandidaten = list(
        Datalek.objects.exclude(status=Status.AFGESLOTEN)
        .filter(Q(risico="", gemeld_op__lte=eerste) | (klok_loopt_q() & Q(kennisname_op__lte=eerste)))
        .annotate(urgentste=_urgentste(nu))
        .filter(Datalek.klokstart.gecorrigeerd_q() | nog_niet_bereikt(Datalek, OuterRef("urgentste")))
        .annotate(klok_loopt=ExpressionWrapper(klok_loopt_q(), output_field=BooleanField()))
        .select_related("gemeente")
    )
    per_datalek = {d: _bereikt(d, d.klok_loopt, nu) for d in kandidaten}
    gedaan = set(
        Mijlpaal.objects.filter(
            object_type=Datalek._meta.label, object_id__in=[str(d.uuid) for d in kandidaten]
        ).values_list("object_id", "mijlpaal")
    )
    rolhouders = Rolhouders()
    link = link_per_uuid("datalekken:detail")
    herinneringen = []
    for datalek, bereikt in per_datalek.items():
        if not bereikt or (str(datalek.uuid), bereikt[-1]) in gedaan:
            continue
        rollen = (Rol.FG, Rol.CISO, Rol.PRIVACY_OFFICER) if _naam(bereikt[-1]) == VERSTREKEN else (Rol.PRIVACY_OFFICER,)
        herinneringen.append(
            Herinnering(
                obj=datalek,
                bereikt=bereikt,
                ontvangers=rolhouders.met_rol(datalek.gemeente_id, *rollen),
                bericht=_bericht(datalek),
                link=link(datalek.uuid),
            )
        )
    return herinneringen_versturen(herinneringen, nu=nu)
