"""Dashboard source of the DPIA-register (see privacy_portal.core.dashboard for the contract).

Only counts, never titles. Every figure opens the DPIA list (`dpia.views.lijst`) with its named
filter (status, pre-scan outcome, or `aandacht` from `dpia.selectors.aandacht_q`, the list's own
conditions). Figures count DPIAs, also the one about overdue measures (a DPIA with one or more).

All figures are a state: now, or with a report's `periode` the state at the end of the period,
from the history of the DPIAs and their measures (`stand_op`); the list shows the same with
`peildatum`.
"""

from django.db.models import Count, Q
from django.utils import timezone

from privacy_portal.core.dashboard import Lijst, Sectie, dashboard_bron, stand_op, stand_van_historie

from .constants import OPEN_STATUSSEN, Status, Uitkomst
from .models import Dpia, Maatregel
from .selectors import aandacht_q

GROEP_UITKOMST = "Uitkomst van de pre-scan"
AANDACHT = ("prescan_open", "maatregelen_verlopen", "hercontrole", "herbeoordeling")

LIJST = Lijst(
    "dpia:lijst",
    {
        "alle": {},
        "lopend": {"status": "open"},
        **{a: {"aandacht": a} for a in AANDACHT},
        **{f"uitkomst_{code}": {"uitkomst": code} for code in Uitkomst.values},
        **{f"status_{code}": {"status": code} for code in Status.values},
    },
)


@dashboard_bron(detail_recht="dpia.view_dpia", volgorde=40, sleutel="dpia")
def dpias(gemeenten, nu, *, met_details, periode=None):
    """Pre-scan outcomes, DPIAs by state, overdue measures, re-checks due and herbeoordelingen
    (the state at nu, or at the end of a report's period)."""
    vandaag = timezone.localdate(nu) if periode is None else periode.tot
    figuren = LIJST.figuren(gemeenten, met_details=met_details, peildatum=periode.tot if periode else None)
    if periode is None:
        basis, maatregelen = Dpia.objects.all(), Maatregel.objects.all()
    else:
        basis, maatregelen = stand_op(Dpia, periode.einde), stand_op(Maatregel, periode.einde)

    c = (
        basis.filter(gemeente__in=gemeenten)
        .order_by()
        .aggregate(
            aantal=Count("pk"),
            lopend=Count("pk", filter=Q(status__in=OPEN_STATUSSEN)),
            **{a: Count("pk", filter=aandacht_q(a, vandaag, maatregelen=maatregelen)) for a in AANDACHT},
            **{f"u_{code}": Count("pk", filter=Q(prescan_uitkomst=code)) for code in Uitkomst.values},
            **{f"s_{code}": Count("pk", filter=Q(status=code)) for code in Status.values},
        )
    )

    cijfers = [
        figuren.cijfer("DPIA's en pre-scans", c["aantal"], "alle", sleutel="dpias"),
        figuren.cijfer("Lopend", c["lopend"], "lopend", sleutel="dpias_lopend"),
        figuren.cijfer(
            "Met maatregelen over de deadline",
            c["maatregelen_verlopen"],
            "maatregelen_verlopen",
            toelichting="DPIA's met een geplande of lopende maatregel waarvan de deadline voorbij is.",
            signaal="let_op",
            sleutel="dpia_maatregelen_verlopen",
        ),
        figuren.cijfer(
            "Hercontrole nodig",
            c["hercontrole"],
            "hercontrole",
            toelichting="Afgeronde DPIA's waarvan de datum van de hercontrole (elke drie jaar) is bereikt.",
            signaal="let_op",
            sleutel="dpia_hercontrole",
        ),
        figuren.cijfer(
            "Herbeoordeling nodig",
            c["herbeoordeling"],
            "herbeoordeling",
            toelichting="De verwerking is wezenlijk gewijzigd sinds de DPIA.",
            signaal="let_op",
            sleutel="dpia_herbeoordeling",
        ),
    ]
    cijfers += [
        figuren.cijfer(label, c[f"u_{code}"], f"uitkomst_{code}", sleutel=f"prescan_{code}", groep=GROEP_UITKOMST)
        for code, label in Uitkomst.choices
    ]
    cijfers.append(
        figuren.cijfer(
            "Pre-scan nog niet afgerond",
            c["prescan_open"],
            "prescan_open",
            sleutel="prescan_open",
            groep=GROEP_UITKOMST,
        )
    )
    cijfers += [
        figuren.cijfer(label, c[f"s_{code}"], f"status_{code}", sleutel=f"dpias_{code}")
        for code, label in Status.choices
    ]
    stand_tekst = "De stand van vandaag." if periode is None else f"De stand op {periode.tot:%d-%m-%Y}."
    return [
        Sectie(
            sleutel="dpia",
            titel="DPIA's",
            cijfers=cijfers,
            toelichting=f"{stand_tekst} Elke pre-scan en DPIA telt één keer, ook als die meer verwerkingen dekt.",
            stand={
                "dpias": stand_van_historie(Dpia, gemeenten),
                "maatregelen": stand_van_historie(Maatregel, gemeenten, veld="dpia__gemeente__in"),
            },
        )
    ]
