"""Dashboard source of the DPIA-register (see privacy_portal.core.dashboard for the contract).

Only counts, never titles. The DPIA list (`dpia.views.lijst`) filters on status and pre-scan
outcome; overdue measures and re-checks are shown on the overview page of one gemeente
(`dpia:overzicht`), so those figures link there when one gemeente is shown, else to the list.
"""

from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone

from privacy_portal.core.dashboard import Cijfer, Sectie, dashboard_bron, lijst_link, stand_van_historie

from .constants import OPEN_MAATREGEL, OPEN_STATUSSEN, Status, Uitkomst
from .models import Dpia, Maatregel

GROEP_UITKOMST = "Uitkomst van de pre-scan"


@dashboard_bron(detail_recht="dpia.view_dpia", volgorde=40, sleutel="dpia")
def dpias(gemeenten, nu, *, met_details):
    """Pre-scan outcomes, DPIAs by state, overdue measures, re-checks due and herbeoordelingen (the state at nu)."""
    vandaag = timezone.localdate(nu)
    lijst = reverse("dpia:lijst")
    overzicht = reverse("dpia:overzicht", args=[gemeenten[0].slug]) if len(gemeenten) == 1 else lijst

    def link(**filters):
        return lijst_link(lijst, **filters) if met_details else ""

    def overzicht_link():
        return overzicht if met_details else ""

    c = (
        Dpia.objects.filter(gemeente__in=gemeenten)
        .order_by()
        .aggregate(
            aantal=Count("pk"),
            lopend=Count("pk", filter=Q(status__in=OPEN_STATUSSEN)),
            prescan_open=Count("pk", filter=Q(prescan_uitkomst="")),
            hercontrole=Count("pk", filter=Q(status=Status.AFGEROND, hercontrole_op__lte=vandaag)),
            herbeoordeling=Count("pk", filter=Q(herbeoordeling_nodig=True)),
            **{f"u_{code}": Count("pk", filter=Q(prescan_uitkomst=code)) for code in Uitkomst.values},
            **{f"s_{code}": Count("pk", filter=Q(status=code)) for code in Status.values},
        )
    )
    verlopen = (
        Maatregel.objects.filter(dpia__gemeente__in=gemeenten, status__in=OPEN_MAATREGEL, deadline__lt=vandaag)
        .order_by()
        .count()
    )

    cijfers = [
        Cijfer("DPIA's en pre-scans", c["aantal"], link=link(), sleutel="dpias"),
        Cijfer("Lopend", c["lopend"], link=link(status="open"), sleutel="dpias_lopend"),
        Cijfer(
            "Maatregelen over de deadline",
            verlopen,
            link=overzicht_link(),
            toelichting="Geplande of lopende maatregelen waarvan de deadline voorbij is.",
            signaal=Cijfer.LET_OP,
            sleutel="dpia_maatregelen_verlopen",
        ),
        Cijfer(
            "Hercontrole nodig",
            c["hercontrole"],
            link=overzicht_link(),
            toelichting="Afgeronde DPIA's waarvan de datum van de hercontrole (elke drie jaar) is bereikt.",
            signaal=Cijfer.LET_OP,
            sleutel="dpia_hercontrole",
        ),
        Cijfer(
            "Herbeoordeling nodig",
            c["herbeoordeling"],
            link=overzicht_link(),
            toelichting="De verwerking is wezenlijk gewijzigd sinds de DPIA.",
            signaal=Cijfer.LET_OP,
            sleutel="dpia_herbeoordeling",
        ),
    ]
    cijfers += [
        Cijfer(label, c[f"u_{code}"], link=link(uitkomst=code), sleutel=f"prescan_{code}", groep=GROEP_UITKOMST)
        for code, label in Uitkomst.choices
    ]
    cijfers.append(
        Cijfer(
            "Pre-scan nog niet afgerond",
            c["prescan_open"],
            link=overzicht_link(),
            sleutel="prescan_open",
            groep=GROEP_UITKOMST,
        )
    )
    cijfers += [
        Cijfer(label, c[f"s_{code}"], link=link(status=code), sleutel=f"dpias_{code}") for code, label in Status.choices
    ]
    return [
        Sectie(
            sleutel="dpia",
            titel="DPIA's",
            cijfers=cijfers,
            toelichting="De stand van vandaag. Elke pre-scan en DPIA telt één keer, "
            "ook als die meer verwerkingen dekt.",
            stand={
                "dpias": stand_van_historie(Dpia, gemeenten),
                "maatregelen": stand_van_historie(Maatregel, gemeenten, veld="dpia__gemeente__in"),
            },
        )
    ]
