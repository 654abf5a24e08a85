"""Scan steps of the datalekregister: reminders at 24, 48 and 60 hours, escalation after 72,
and a reminder when the risk assessment is still missing 12 hours after the report."""

from datetime import timedelta

from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from privacy_portal.core.scanner import scan_stap
from privacy_portal.notificaties.models import Mijlpaal
from privacy_portal.notificaties.services import mijlpaal_bereiken
from privacy_portal.organisaties.rollen import Rol
from privacy_portal.organisaties.selectors import gebruikers_met_rol

from .constants import HERINNERING_UREN, RISICO_ONTBREEKT_UREN, Status
from .models import Datalek
from .selectors import open_en_niet_gemeld


def _nog_niet_bereikt(qs, mijlpaal):
    """The datalekken in qs for which this milestone has no row yet (two queries)."""
    kandidaten = list(qs.select_related("gemeente"))
    gedaan = set(
        Mijlpaal.objects.filter(
            object_type=Datalek._meta.label, mijlpaal=mijlpaal, object_id__in=[str(d.uuid) for d in kandidaten]
        ).values_list("object_id", flat=True)
    )
    return [d for d in kandidaten if str(d.uuid) not in gedaan]


def _bereik(datalek, mijlpaal, rollen, onderwerp, tekst, nu):
    with transaction.atomic():
        return mijlpaal_bereiken(
            obj=datalek,
            mijlpaal=mijlpaal,
            ontvangers=gebruikers_met_rol(datalek.gemeente, *rollen),
            onderwerp=onderwerp,
            tekst=tekst,
            link=reverse("datalekken:detail", kwargs={"uuid": datalek.uuid}),
            nu=nu,
        )


@scan_stap
def datalek_termijnen(nu):
    aantal = 0
    open_ = open_en_niet_gemeld(Datalek.objects.all())
    for uren in HERINNERING_UREN:
        mijlpaal = f"herinnering_{uren}u"
        for datalek in _nog_niet_bereikt(open_.filter(kennisname_op__lte=nu - timedelta(hours=uren)), mijlpaal):
            deadline = timezone.localtime(datalek.meld_deadline)
            aantal += _bereik(
                datalek,
                mijlpaal,
                [Rol.PRIVACY_OFFICER],
                f"Datalek {datalek.kenmerk}: nog {72 - uren} uur om te melden",
                f"Het datalek is {uren} uur geleden ontdekt en nog niet bij de AP gemeld. "
                f"De deadline is {deadline:%d-%m-%Y %H:%M}. Beoordeel het risico en meld tijdig, "
                "of leg vast dat er geen risico is.",
                nu,
            )
    for datalek in _nog_niet_bereikt(open_.filter(meld_deadline__lte=nu), "termijn_verstreken"):
        aantal += _bereik(
            datalek,
            "termijn_verstreken",
            [Rol.FG, Rol.CISO, Rol.PRIVACY_OFFICER],
            f"Datalek {datalek.kenmerk}: meldtermijn van 72 uur verstreken",
            "De termijn om dit datalek bij de AP te melden is verstreken en er is geen melding vastgelegd. "
            "Meld zo snel mogelijk en vermeld de reden van de vertraging.",
            nu,
        )
    zonder_risico = Datalek.objects.exclude(status=Status.AFGESLOTEN).filter(
        risico="", gemeld_op__lte=nu - timedelta(hours=RISICO_ONTBREEKT_UREN)
    )
    for datalek in _nog_niet_bereikt(zonder_risico, "risico_ontbreekt"):
        aantal += _bereik(
            datalek,
            "risico_ontbreekt",
            [Rol.PRIVACY_OFFICER],
            f"Datalek {datalek.kenmerk}: risicobeoordeling ontbreekt",
            f"Dit datalek is {RISICO_ONTBREEKT_UREN} uur geleden gemeld en het risico is nog niet beoordeeld.",
            nu,
        )
    return aantal
