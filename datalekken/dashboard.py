"""Dashboard source of the datalekregister (declared in datalekken/apps.py).

Runs a fixed number of queries however many gemeenten or records there are. The definitions behind
the numbers are the ones the list uses (datalekken.selectors), so every number links to a list that
shows exactly that many items.
"""

from django.db.models import Case, Count, Exists, IntegerField, OuterRef, Q, Value, When
from django.urls import reverse
from django.utils import timezone

from datalekken.constants import Oorzaak, Risico, SoortMelding
from datalekken.constants import Status as DatalekStatus
from datalekken.models import Datalek, MeldingAP
from datalekken.selectors import melding_q
from privacy_portal.core.dashboard import (
    Cijfer,
    Lijst,
    Periode,
    Reeks,
    Sectie,
    Tabel,
    Trend,
    afgekapt,
    dashboard_bron,
    enkele_slug,
    jaar_periode,
    kwartaal_periode,
    kwartaal_van,
    lijst_link,
    per_kwartaal,
    periode_label,
    stand_op,
    stand_van_historie,
    trend_kwartalen,
)

MAX_KLOKKEN = 10  # running clocks listed on the dashboard


# --- datalekken -----------------------------------------------------------------------------------


def _eerste_melding():
    return MeldingAP.objects.filter(datalek=OuterRef("pk"), soort=SoortMelding.MELDING)


def _met_melding(qs):
    return qs.annotate(
        _gemeld_ap=Exists(_eerste_melding()),
        _op_tijd=Exists(_eerste_melding().filter(gemeld_op__lte=OuterRef("meld_deadline"))),
    )


# (key, label, list filter `melding`) of the counts per window, as in datalekken.selectors.kwartaal_cijfers
VENSTER_TELLINGEN = (
    ("gemeld", "Gemeld", ""),
    ("meldplichtig", "Meldplichtig (risico of hoog risico)", "meldplichtig"),
    ("hoog_risico", "Hoog risico", ""),
    ("gemeld_ap", "Gemeld bij de AP", "gemeld"),
    ("op_tijd", "Op tijd gemeld bij de AP (binnen 72 uur)", "op_tijd"),
    ("te_laat", "Te laat gemeld bij de AP", "te_laat"),
    ("meldplichtig_niet_gemeld", "Meldplichtig, niet gemeld", "meldplichtig_niet_gemeld"),
    ("kennisname_gecorrigeerd", "Kennisname gecorrigeerd", "kennisname_gecorrigeerd"),
)
VENSTER_SIGNAAL = {"te_laat": Cijfer.LET_OP, "meldplichtig_niet_gemeld": Cijfer.LET_OP}
KLOKKEN = ("klok_loopt", "krap", "verlopen")

DATALEKKEN = Lijst(
    "datalekken:lijst",
    {
        "open": {},
        **{k: {"melding": k} for k in KLOKKEN},
        "gemeld": {"status": "alle"},
        "hoog_risico": {"status": "alle", "risico": Risico.HOOG},
        **{s: {"status": "alle", "melding": m} for s, _, m in VENSTER_TELLINGEN if m},
    },
)


def _venster_q(sleutel, nu):
    melding = dict((s, m) for s, _, m in VENSTER_TELLINGEN)[sleutel]
    if sleutel == "hoog_risico":
        return Q(risico=Risico.HOOG)
    return melding_q(melding, nu)


def _in(venster: Periode):
    """Reported in the portal in the window (the list's periodeVan/periodeTot: dates of gemeld_op)."""
    return Q(gemeld_op__date__gte=venster.van, gemeld_op__date__lte=venster.tot)


@dashboard_bron(detail_recht="datalekken.view_datalek", volgorde=20, sleutel="datalekken")
def datalekken(gemeenten, nu, *, met_details, periode=None):
    """Open datalekken and their clocks (now, or at the end of a report's period from the history);
    reported, notified on time and late this quarter and year (or in the period); a trend per
    quarter; in a report the notable datalekken without personal data."""
    slug = enkele_slug(gemeenten)
    basis = Datalek.objects.filter(gemeente__in=gemeenten)
    vandaag = timezone.localdate(nu)
    figuren = DATALEKKEN.figuren(gemeenten, met_details=met_details, peildatum=periode.tot if periode else None)

    # 1. The state: open datalekken and their clocks, now or at the end of the period.
    if periode is None:
        stand, klok_nu, meldingen = basis, nu, None
    else:
        stand = stand_op(Datalek, periode.einde).filter(gemeente__in=gemeenten)
        klok_nu, meldingen = periode.einde, stand_op(MeldingAP, periode.einde)
    nu_c = stand.order_by().aggregate(
        open=Count("pk", filter=~Q(status=DatalekStatus.AFGESLOTEN)),
        **{k: Count("pk", filter=melding_q(k, klok_nu, meldingen)) for k in KLOKKEN},
    )
    cijfers = [
        figuren.cijfer("Open datalekken", nu_c["open"], "open", sleutel="open"),
        figuren.cijfer(
            "Klok loopt: nog niet gemeld bij de AP",
            nu_c["klok_loopt"],
            "klok_loopt",
            toelichting="Open, risico niet 'geen', en nog geen melding aan de AP vastgelegd.",
            sleutel="klok_loopt",
        ),
        figuren.cijfer(
            "Waarvan minder dan 24 uur over", nu_c["krap"], "krap", signaal=Cijfer.LET_OP, sleutel="klok_krap"
        ),
        figuren.cijfer(
            "Waarvan de 72 uur verstreken",
            nu_c["verlopen"],
            "verlopen",
            signaal=Cijfer.LET_OP,
            sleutel="klok_verlopen",
        ),
    ]

    # 2. Counts per window: this quarter and this year, or the report's period.
    if periode is None:
        jaar, k = kwartaal_van(vandaag)
        vensters = {
            "kwartaal": (kwartaal_periode(jaar, k), f"Dit kwartaal ({k}e kwartaal {jaar})"),
            "jaar": (jaar_periode(jaar), f"Dit jaar ({jaar})"),
        }
    else:
        vensters = {"periode": (periode, f"In de periode ({periode.label})")}
    aggregaten = {}
    for naam, (venster, _) in vensters.items():
        for sleutel, _, _ in VENSTER_TELLINGEN:
            aggregaten[f"{naam}_{sleutel}"] = Count("pk", filter=_in(venster) & _venster_q(sleutel, nu))
    v_c = basis.order_by().aggregate(**aggregaten)
    for naam, (venster, omschrijving) in vensters.items():
        for sleutel, label, _ in VENSTER_TELLINGEN:
            # Users who see numbers only: the quarterly overview of the datalekregister (numbers, no details).
            overzicht = ""
            if slug and periode is None and venster.is_kwartaal:
                overzicht = lijst_link(
                    reverse("datalekken:kwartaal", args=[slug]),
                    jaar=venster.van.year,
                    kwartaal=kwartaal_van(venster.van)[1],
                )
            cijfers.append(
                figuren.cijfer(
                    label,
                    v_c[f"{naam}_{sleutel}"],
                    sleutel,
                    periode=venster,
                    zonder_details=overzicht,
                    signaal=VENSTER_SIGNAAL.get(sleutel, ""),
                    sleutel=f"{naam}_{sleutel}",
                    groep=omschrijving,
                )
            )

    # 3. Trend per quarter.
    perioden = trend_kwartalen(nu, periode)
    begin, einde = perioden[0].begin, perioden[-1].einde
    per_k = per_kwartaal(
        basis.filter(gemeld_op__gte=begin, gemeld_op__lt=einde),
        "gemeld_op",
        gemeld=Count("pk"),
        gemeld_ap=Count("pk", filter=melding_q("gemeld", nu)),
        te_laat=Count("pk", filter=melding_q("te_laat", nu)),
    )
    sleutels = [kwartaal_van(p.van) for p in perioden]

    def reeks(naam, veld, filter):
        return Reeks(naam, [per_k.get(k, {}).get(veld, 0) for k in sleutels], figuren.links(filter, perioden))

    trends = [
        Trend(
            "Datalekken per kwartaal",
            kwartalen=[periode_label(p) for p in perioden],
            reeksen=[
                reeks("Gemeld", "gemeld", "gemeld"),
                reeks("Gemeld bij de AP", "gemeld_ap", "gemeld_ap"),
                reeks("Te laat gemeld", "te_laat", "te_laat"),
            ],
            beschrijving="Datalekken per kwartaal van melden in het portal.",
        )
    ]

    # 4. Tables.
    tabellen = []
    if met_details and periode is None:
        lopend = list(
            _met_melding(basis)
            .filter(melding_q("klok_loopt", nu))
            .select_related("gemeente")
            .order_by("meld_deadline", "pk")[:MAX_KLOKKEN]
        )
        tabellen.append(
            Tabel(
                "Lopende klokken: nog niet gemeld bij de AP, de kortste tijd eerst",
                ["Kenmerk", "Korte omschrijving", "Gemeente", "Uiterlijk melden", "Tijd"],
                [
                    [
                        d.kenmerk,
                        d.titel,
                        d.gemeente.naam,
                        f"{timezone.localtime(d.meld_deadline):%d-%m-%Y %H:%M}",
                        _klok_tekst(d.meld_deadline, nu),
                    ]
                    for d in lopend
                ],
                links=[reverse("datalekken:detail", args=[d.uuid]) for d in lopend],
                meer=max(0, nu_c["klok_loopt"] - len(lopend)),
                detail=True,
            )
        )
    if periode is not None:
        tabellen.extend(_datalekken_in_periode(basis, periode))

    stand = {
        "datalekken": stand_van_historie(Datalek, gemeenten),
        "meldingen_ap": stand_van_historie(MeldingAP, gemeenten, veld="datalek__gemeente__in"),
    }
    return [
        Sectie(
            sleutel="datalekken",
            titel="Datalekken",
            cijfers=cijfers,
            trends=trends,
            tabellen=tabellen,
            toelichting="Geteld op de dag van melden in het portal. Op tijd: de eerste melding aan de AP is gedaan "
            "binnen 72 uur na kennisname (art. 33 AVG).",
            stand=stand,
        )
    ]


def _klok_tekst(deadline, nu):
    minuten = int((deadline - nu).total_seconds() // 60)
    uren, rest = divmod(abs(minuten), 60)
    tekst = f"{uren} uur {rest} min"
    return f"nog {tekst}" if minuten >= 0 else f"{tekst} te laat"


def _ap_tekst(d):
    if d._gemeld_ap:
        return "op tijd gemeld" if d._op_tijd else "te laat gemeld"
    if d.risico == Risico.GEEN:
        return "niet nodig (geen risico)"
    if not d.risico:
        return "risico nog niet beoordeeld"
    return "niet gemeld"


def _datalekken_in_periode(basis, periode):
    """Notable datalekken of the period and the causes, without personal data: kenmerk, kind, risk, AP."""
    in_periode = _met_melding(basis.filter(_in(periode)))
    oorzaken = dict(in_periode.order_by().values("oorzaak").annotate(n=Count("pk")).values_list("oorzaak", "n"))
    rijen_oorzaak = [[label, str(oorzaken.get(code, 0))] for code, label in Oorzaak.choices]
    if oorzaken.get(""):
        rijen_oorzaak.append(["Nog niet vastgesteld", str(oorzaken[""])])

    opvallend = list(
        in_periode.filter(Q(risico__in=[Risico.RISICO, Risico.HOOG]) | Q(_gemeld_ap=True, _op_tijd=False))
        .annotate(
            _volgorde=Case(When(risico=Risico.HOOG, then=Value(0)), default=Value(1), output_field=IntegerField())
        )
        .order_by("_volgorde", "gemeld_op", "pk")
    )
    oorzaak_labels = dict(Oorzaak.choices)
    rijen, meer = afgekapt(
        [
            [
                d.kenmerk,
                oorzaak_labels.get(d.oorzaak, "Nog niet vastgesteld"),
                d.get_risico_display() or "Nog niet beoordeeld",
                _ap_tekst(d),
                d.get_status_display(),
            ]
            for d in opvallend
        ]
    )
    return [
        Tabel(
            "Opvallende datalekken: meldplichtig of te laat gemeld (zonder persoonsgegevens)",
            ["Kenmerk", "Soort (oorzaak)", "Risico", "Melding aan de AP", "Status"],
            rijen,
            meer=meer,
        ),
        Tabel("Datalekken in de periode per oorzaak", ["Oorzaak", "Aantal"], rijen_oorzaak),
    ]
