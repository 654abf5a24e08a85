"""Dashboard source of the betrokkenenverzoeken (see privacy_portal.core.dashboard for the contract).

Only counts, never personal data. Unconfirmed and lapsed web requests are not counted: they were
never received. Every figure opens the request list (`rechten.views.lijst`) with its named filter;
the conditions are the list's own (`rechten.selectors.termijn_q`, `gebeurtenis_q`), so both count alike.

With a report's `periode`: the open requests and their deadlines are the state at the end of the
period, from the history (`stand_op`: status, deadline and extension as they were then); received,
decided and extended count the stored dates (ontvangen_op, besloten_op, verlengd_op) in the period.
Corrections of the date of receipt (`ontvangst_gecorrigeerd_op`): all on the dashboard, those made in
the period in a report.
"""

from django.db.models import Count
from django.utils import timezone

from privacy_portal.core.dashboard import (
    Lijst,
    Reeks,
    Sectie,
    Trend,
    dashboard_bron,
    jaar_periode,
    kwartaal_label,
    kwartaal_periode,
    kwartaal_van,
    stand_op,
    stand_van_historie,
    trend_kwartalen,
)

from .models import Verzoek
from .selectors import DEZE_WEEK_DAGEN, gebeurtenis_q, met_termijn_alias, termijn_q

LIJST = Lijst(
    "rechten:lijst",
    {
        "open": {},
        "deze_week": {"termijn": "deze_week"},
        "verstreken": {"termijn": "verstreken"},
        "verlengd_open": {"termijn": "verlengd"},
        **{
            g: {"status": "alle", "gebeurtenis": g}
            for g in ("ontvangen", "afgehandeld", "op_tijd", "te_laat", "verlengd", "ontvangst_gecorrigeerd")
        },
    },
)
GEBEURTENISSEN = (
    ("ontvangen", "Ontvangen", ""),
    ("afgehandeld", "Afgehandeld", ""),
    ("op_tijd", "Binnen de termijn beantwoord", ""),
    ("te_laat", "Te laat beantwoord", "let_op"),
    ("verlengd", "Termijn verlengd", ""),
)


@dashboard_bron(detail_recht="rechten.view_verzoek", volgorde=30, sleutel="verzoeken")
def verzoeken(gemeenten, nu, *, met_details, periode=None):
    """Open requests and their deadlines (now, or at the end of the period); received, answered on
    time and late, extended in this quarter and year (or the period); received requests per quarter."""
    vandaag = timezone.localdate(nu) if periode is None else periode.tot
    figuren = LIJST.figuren(gemeenten, met_details=met_details, peildatum=periode.tot if periode else None)

    if periode is None:
        jaar, k = kwartaal_van(vandaag)
        vensters = {
            "kwartaal": (kwartaal_periode(jaar, k), f"Dit kwartaal ({k}e kwartaal {jaar})"),
            "jaar": (jaar_periode(jaar), f"Dit jaar ({jaar})"),
        }
    else:
        vensters = {"periode": (periode, f"In de periode ({periode.label})")}
    perioden = trend_kwartalen(nu, periode)

    # 1. The state: now, or at the end of the period from the history.
    stand = stand_op(Verzoek, periode.einde) if periode else Verzoek.objects.all()
    s = (
        met_termijn_alias(stand.filter(gemeente__in=gemeenten))
        .order_by()
        .aggregate(
            **{t: Count("pk", filter=termijn_q(t, vandaag)) for t in ("", "deze_week", "verstreken", "verlengd")}
        )
    )
    # 2. Events in the windows and per quarter, on the stored dates.
    aggregaten = {}
    for naam, (venster, _) in vensters.items():
        for g, _, _ in GEBEURTENISSEN:
            aggregaten[f"{naam}_{g}"] = Count("pk", filter=gebeurtenis_q(g, venster))
    for i, p in enumerate(perioden):
        aggregaten[f"trend_ontvangen_{i}"] = Count("pk", filter=gebeurtenis_q("ontvangen", p))
        aggregaten[f"trend_afgehandeld_{i}"] = Count("pk", filter=gebeurtenis_q("afgehandeld", p))
    # Corrections of the date of receipt (art. 12(3) AVG): in the period, or else all.
    aggregaten["ontvangst_gecorrigeerd"] = Count("pk", filter=gebeurtenis_q("ontvangst_gecorrigeerd", periode))
    c = met_termijn_alias(Verzoek.objects.filter(gemeente__in=gemeenten)).order_by().aggregate(**aggregaten)

    cijfers = [
        figuren.cijfer("Open verzoeken", s[""], "open", sleutel="verzoeken_open"),
        figuren.cijfer(
            f"Termijn verloopt binnen {DEZE_WEEK_DAGEN} dagen",
            s["deze_week"],
            "deze_week",
            toelichting=f"Open verzoeken waarvan de (verlengde) termijn vandaag of in de komende {DEZE_WEEK_DAGEN} "
            "dagen afloopt.",
            signaal="let_op",
            sleutel="verzoeken_deze_week",
        ),
        figuren.cijfer(
            "Termijn verstreken",
            s["verstreken"],
            "verstreken",
            toelichting="Open verzoeken waarvan de (verlengde) termijn voorbij is.",
            signaal="let_op",
            sleutel="verzoeken_te_laat",
        ),
        figuren.cijfer("Open en verlengd", s["verlengd"], "verlengd_open", sleutel="verzoeken_verlengd_open"),
    ]
    for naam, (venster, omschrijving) in vensters.items():
        cijfers += [
            figuren.cijfer(
                label,
                c[f"{naam}_{g}"],
                g,
                periode=venster,
                signaal=signaal,
                sleutel=f"{naam}_verzoeken_{g}",
                groep=omschrijving,
            )
            for g, label, signaal in GEBEURTENISSEN
        ]
    # In a report with the figures of the period; on the dashboard (all corrections) after the state.
    cijfers.insert(
        len(cijfers) if periode else 4,
        figuren.cijfer(
            "Ontvangstdatum gecorrigeerd",
            c["ontvangst_gecorrigeerd"],
            "ontvangst_gecorrigeerd",
            periode=periode,
            toelichting="Verzoeken waarvan de datum van ontvangst is gecorrigeerd (art. 12 lid 3 AVG)"
            + (", de laatste correctie in de periode." if periode else "."),
            sleutel="verzoeken_ontvangst_gecorrigeerd",
            groep=vensters["periode"][1] if periode else "",
        ),
    )

    trends = [
        Trend(
            "Verzoeken per kwartaal",
            kwartalen=[kwartaal_label(*kwartaal_van(p.van)) for p in perioden],
            reeksen=[
                Reeks(
                    "Ontvangen",
                    [c[f"trend_ontvangen_{i}"] for i in range(len(perioden))],
                    figuren.links("ontvangen", perioden),
                ),
                Reeks(
                    "Afgehandeld",
                    [c[f"trend_afgehandeld_{i}"] for i in range(len(perioden))],
                    figuren.links("afgehandeld", perioden),
                ),
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
            "besloten uiterlijk op de (verlengde) termijn (art. 12 lid 3 AVG)."
            + (f" Open verzoeken: de stand op {periode.tot:%d-%m-%Y}." if periode else ""),
            stand=stand_van_historie(Verzoek, gemeenten),
        )
    ]
