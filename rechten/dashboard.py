"""Dashboard source of the betrokkenenverzoeken (see privacy_portal.core.dashboard for the contract).

Only counts, never personal data. Unconfirmed and lapsed web requests are not counted: they were
never received. The request list (`rechten.views.lijst`) filters on status and right only, so
figures link to it with a filter only where it shows exactly that many requests; otherwise plainly.
"""

from datetime import timedelta

from django.db.models import Count, Q
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone

from privacy_portal.core.dashboard import (
    Cijfer,
    Reeks,
    Sectie,
    Trend,
    dashboard_bron,
    jaar_periode,
    kwartaal_label,
    kwartaal_periode,
    kwartaal_van,
    lijst_link,
    stand_van_historie,
    trend_kwartalen,
)

from .constants import OPEN_STATUSSEN, Status
from .models import Verzoek

ONTVANGEN = Q(status__in=(Status.ONTVANGEN, Status.IN_BEHANDELING, Status.AFGEHANDELD))
OPEN = Q(status__in=OPEN_STATUSSEN)
AFGEHANDELD = Q(status=Status.AFGEHANDELD)
DEZE_WEEK_DAGEN = 7


def _tussen(veld, van, tot):
    return Q(**{f"{veld}__gte": van, f"{veld}__lte": tot})


@dashboard_bron(detail_recht="rechten.view_verzoek", volgorde=30, sleutel="verzoeken")
def verzoeken(gemeenten, nu, *, met_details, periode=None):
    """Open requests and their deadlines; received, answered on time and late, extended in this quarter
    and year (or a report's period); received requests per quarter."""
    vandaag = timezone.localdate(nu)
    lijst = reverse("rechten:lijst")

    def link(**filters):
        return lijst_link(lijst, **filters) if met_details else ""

    if periode is None:
        jaar, k = kwartaal_van(vandaag)
        vensters = {
            "kwartaal": (kwartaal_periode(jaar, k), f"Dit kwartaal ({k}e kwartaal {jaar})"),
            "jaar": (jaar_periode(jaar), f"Dit jaar ({jaar})"),
        }
    else:
        vensters = {"periode": (periode, f"In de periode ({periode.label})")}
    perioden = trend_kwartalen(nu, periode)

    aggregaten = {
        "open": Count("pk", filter=OPEN),
        "deze_week": Count("pk", filter=OPEN & _tussen("termijn", vandaag, vandaag + timedelta(days=DEZE_WEEK_DAGEN))),
        "te_laat": Count("pk", filter=OPEN & Q(termijn__lt=vandaag)),
        "verlengd_open": Count("pk", filter=OPEN & Q(verlengd_op__isnull=False)),
    }
    for naam, (venster, _) in vensters.items():
        besloten = AFGEHANDELD & _tussen("besloten_op", venster.van, venster.tot)
        aggregaten |= {
            f"{naam}_ontvangen": Count("pk", filter=ONTVANGEN & _tussen("ontvangen_op", venster.van, venster.tot)),
            f"{naam}_afgehandeld": Count("pk", filter=besloten),
            f"{naam}_op_tijd": Count("pk", filter=besloten & Q(besloten_op__lte=Coalesce("verlengd_tot", "deadline"))),
            f"{naam}_verlengd": Count("pk", filter=ONTVANGEN & _tussen("verlengd_op", venster.van, venster.tot)),
        }
    for i, p in enumerate(perioden):
        aggregaten[f"trend_ontvangen_{i}"] = Count("pk", filter=ONTVANGEN & _tussen("ontvangen_op", p.van, p.tot))
        aggregaten[f"trend_afgehandeld_{i}"] = Count("pk", filter=AFGEHANDELD & _tussen("besloten_op", p.van, p.tot))
    c = (
        Verzoek.objects.filter(gemeente__in=gemeenten)
        .annotate(termijn=Coalesce("verlengd_tot", "deadline"))
        .order_by()
        .aggregate(**aggregaten)
    )

    cijfers = [
        Cijfer("Open verzoeken", c["open"], link=link(), sleutel="verzoeken_open"),
        Cijfer(
            "Termijn verloopt binnen 7 dagen",
            c["deze_week"],
            link=link(),
            toelichting="Open verzoeken waarvan de (verlengde) termijn vandaag of in de komende 7 dagen afloopt.",
            signaal=Cijfer.LET_OP,
            sleutel="verzoeken_deze_week",
        ),
        Cijfer(
            "Termijn verstreken",
            c["te_laat"],
            link=link(),
            toelichting="Open verzoeken waarvan de (verlengde) termijn voorbij is.",
            signaal=Cijfer.LET_OP,
            sleutel="verzoeken_te_laat",
        ),
        Cijfer("Open en verlengd", c["verlengd_open"], link=link(), sleutel="verzoeken_verlengd_open"),
    ]
    for naam, (_, omschrijving) in vensters.items():
        afgehandeld, op_tijd = c[f"{naam}_afgehandeld"], c[f"{naam}_op_tijd"]
        cijfers += [
            Cijfer(
                "Ontvangen",
                c[f"{naam}_ontvangen"],
                link=link(),
                sleutel=f"{naam}_verzoeken_ontvangen",
                groep=omschrijving,
            ),
            Cijfer(
                "Afgehandeld", afgehandeld, link=link(), sleutel=f"{naam}_verzoeken_afgehandeld", groep=omschrijving
            ),
            Cijfer(
                "Binnen de termijn beantwoord",
                op_tijd,
                link=link(),
                sleutel=f"{naam}_verzoeken_op_tijd",
                groep=omschrijving,
            ),
            Cijfer(
                "Te laat beantwoord",
                afgehandeld - op_tijd,
                link=link(),
                signaal=Cijfer.LET_OP,
                sleutel=f"{naam}_verzoeken_te_laat",
                groep=omschrijving,
            ),
            Cijfer(
                "Termijn verlengd",
                c[f"{naam}_verlengd"],
                link=link(),
                sleutel=f"{naam}_verzoeken_verlengd",
                groep=omschrijving,
            ),
        ]

    trends = [
        Trend(
            "Verzoeken per kwartaal",
            kwartalen=[kwartaal_label(*kwartaal_van(p.van)) for p in perioden],
            reeksen=[
                Reeks("Ontvangen", [c[f"trend_ontvangen_{i}"] for i in range(len(perioden))]),
                Reeks("Afgehandeld", [c[f"trend_afgehandeld_{i}"] for i in range(len(perioden))]),
            ],
            beschrijving="Ontvangen op de dag van ontvangst, afgehandeld op de dag van het besluit.",
        )
    ]
    return [
        Sectie(
            sleutel="verzoeken",
            titel="Betrokkenenverzoeken",
            cijfers=cijfers,
            trends=trends,
            toelichting="Niet bevestigde of vervallen verzoeken via het webformulier tellen niet mee. Op tijd: "
            "besloten uiterlijk op de (verlengde) termijn (art. 12 lid 3 AVG).",
            stand=stand_van_historie(Verzoek, gemeenten),
        )
    ]
