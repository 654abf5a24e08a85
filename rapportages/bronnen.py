"""Dashboard sources of the register van verwerkingen and the datalekregister.

Registered with `@dashboard_bron` (privacy_portal.core.dashboard) from RapportagesConfig.ready().
Each source runs a fixed number of queries however many gemeenten or records there are. The
definitions behind the numbers are the ones the lists use (registers.selectors,
datalekken.selectors), so every number links to a list that shows exactly that many items.
"""

from datetime import timedelta

from django.db.models import Avg, Case, Count, Exists, IntegerField, Max, Min, OuterRef, Q, Value, When
from django.db.models.functions import TruncQuarter
from django.urls import reverse
from django.utils import timezone

from datalekken.constants import Oorzaak, Risico, SoortMelding
from datalekken.constants import Status as DatalekStatus
from datalekken.models import Datalek, MeldingAP
from privacy_portal.core.dashboard import (
    Cijfer,
    Periode,
    Reeks,
    Sectie,
    Tabel,
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
from registers.constants import Status as VerwerkingStatus
from registers.models import Verwerking, VerwerkingVersie
from registers.selectors import dpia_ontbreekt_q, verwerkersovereenkomst_helper

MAX_RIJEN = 100  # rows of a table in a report; the rest is counted ("en nog 12")
MAX_KLOKKEN = 10  # running clocks listed on the dashboard


def _enkele_slug(gemeenten):
    """The slug for list links when one gemeente is shown; with several the list shows them all."""
    return gemeenten[0].slug if len(gemeenten) == 1 else ""


def _per_kwartaal(qs, veld, **aggregaten):
    """{(jaar, kwartaal): {naam: aantal}} grouped on the quarter of `veld` (local time)."""
    rijen = qs.order_by().annotate(_kwartaal=TruncQuarter(veld)).values("_kwartaal").annotate(**aggregaten)
    uitkomst = {}
    for rij in rijen:
        moment = rij.pop("_kwartaal")
        dag = timezone.localtime(moment).date() if timezone.is_aware(moment) else moment.date()
        uitkomst[kwartaal_van(dag)] = rij
    return uitkomst


def _label_kwartaal(p: Periode):
    return kwartaal_label(*kwartaal_van(p.van))


# --- register van verwerkingen --------------------------------------------------------------------


@dashboard_bron(detail_recht="registers.view_verwerking", volgorde=10, sleutel="registers")
def register_van_verwerkingen(gemeenten, nu, *, met_details, periode=None):
    """Completeness and the verwerkingen that need work; in a report also what changed in the period."""
    slug = _enkele_slug(gemeenten)
    lijst = reverse("registers:lijst")

    def link(**filters):
        return lijst_link(lijst, gemeente=slug, **filters)

    actief = ~Q(status=VerwerkingStatus.GEARCHIVEERD)
    alle = Verwerking.objects.filter(gemeente__in=gemeenten)
    c = alle.order_by().aggregate(
        actief=Count("pk", filter=actief),
        gemiddeld=Avg("volledigheid", filter=actief),
        volledig=Count("pk", filter=actief & Q(volledigheid=100)),
        ter_beoordeling=Count("pk", filter=Q(status=VerwerkingStatus.TER_BEOORDELING)),
        gearchiveerd=Count("pk", filter=Q(status=VerwerkingStatus.GEARCHIVEERD)),
        zonder_versie=Count("pk", filter=actief & Q(gepubliceerde_versie__isnull=True)),
        dpia_ontbreekt=Count("pk", filter=actief & dpia_ontbreekt_q()),
    )
    percentage = round(c["gemiddeld"] or 0)
    cijfers = [
        Cijfer(
            "Volledigheid van het register",
            percentage,
            eenheid="%",
            link=link(status="actief", volledig="nee"),
            toelichting=f"{c['volledig']} van {c['actief']} actieve verwerkingen zijn volledig ingevuld.",
            signaal=Cijfer.GOED if c["actief"] and percentage == 100 else "",
            sleutel="volledigheid",
        ),
        Cijfer("Actieve verwerkingen", c["actief"], link=link(status="actief"), sleutel="actief"),
        Cijfer(
            "Nog niet volledig ingevuld",
            c["actief"] - c["volledig"],
            link=link(status="actief", volledig="nee"),
            signaal=Cijfer.LET_OP,
            sleutel="onvolledig",
        ),
        Cijfer(
            "Zonder vastgestelde versie",
            c["zonder_versie"],
            link=link(status="actief", vastgesteld="nee"),
            toelichting="Nog nooit vastgesteld door de privacy officer, dus niet op de openbare pagina.",
            signaal=Cijfer.LET_OP,
            sleutel="zonder_vastgestelde_versie",
        ),
        Cijfer(
            "Wacht op beoordeling",
            c["ter_beoordeling"],
            link=link(status=VerwerkingStatus.TER_BEOORDELING),
            sleutel="ter_beoordeling",
        ),
        Cijfer(
            "DPIA nodig, niet uitgevoerd",
            c["dpia_ontbreekt"],
            link=link(status="actief", dpia="ontbreekt"),
            toelichting="DPIA-status 'nodig' of 'in uitvoering', of nog niet beoordeeld terwijl er bijzondere "
            "persoonsgegevens in zitten.",
            signaal=Cijfer.LET_OP,
            sleutel="dpia_ontbreekt",
        ),
    ]
    zonder = verwerkersovereenkomst_helper()(alle, timezone.localdate(nu)).order_by().count()
    cijfers.append(
        Cijfer(
            "Verwerker zonder verwerkersovereenkomst",
            zonder,
            link=link(status="actief", overeenkomst="ontbreekt"),
            toelichting="Er staat een verwerker bij, maar geen lopende verwerkersovereenkomst dekt de verwerking.",
            signaal=Cijfer.LET_OP,
            sleutel="zonder_verwerkersovereenkomst",
        )
    )

    # Trend: new verwerkingen and approved versions per quarter.
    perioden = trend_kwartalen(nu, periode)
    begin, einde = perioden[0].begin, perioden[-1].einde
    nieuw = _per_kwartaal(
        alle.filter(aangemaakt_op__gte=begin, aangemaakt_op__lt=einde), "aangemaakt_op", n=Count("pk")
    )
    versies = VerwerkingVersie.objects.filter(verwerking__gemeente__in=gemeenten)
    vastgesteld = _per_kwartaal(
        versies.filter(vastgesteld_op__gte=begin, vastgesteld_op__lt=einde), "vastgesteld_op", n=Count("pk")
    )
    sleutels = [kwartaal_van(p.van) for p in perioden]
    trends = [
        Trend(
            "Nieuwe verwerkingen en vastgestelde versies per kwartaal",
            kwartalen=[_label_kwartaal(p) for p in perioden],
            reeksen=[
                Reeks("Nieuw geregistreerd", [nieuw.get(k, {}).get("n", 0) for k in sleutels]),
                Reeks("Vastgesteld", [vastgesteld.get(k, {}).get("n", 0) for k in sleutels]),
            ],
            beschrijving="Aantal verwerkingen per kwartaal.",
        )
    ]

    tabellen = []
    if periode is not None:
        wijzigingen, tabellen = _register_wijzigingen(gemeenten, periode)
        cijfers.extend(wijzigingen)

    stand = {
        "verwerkingen": stand_van_historie(Verwerking, gemeenten),
        "vastgestelde_versies": stand_van_historie(VerwerkingVersie, gemeenten, veld="verwerking__gemeente__in"),
    }
    return [
        Sectie(
            sleutel="registers",
            titel="Register van verwerkingen",
            cijfers=cijfers,
            trends=trends,
            tabellen=tabellen,
            toelichting="Actief: alle verwerkingen behalve de gearchiveerde. "
            f"Er {'is' if c['gearchiveerd'] == 1 else 'zijn'} {c['gearchiveerd']} gearchiveerd.",
            stand=stand,
        )
    ]


def _afgekapt(rijen):
    return rijen[:MAX_RIJEN], max(0, len(rijen) - MAX_RIJEN)


def _register_wijzigingen(gemeenten, periode):
    """What changed in the register in the period, from the history: new, approved, changed, archived."""
    historie = Verwerking.history.filter(gemeente__in=gemeenten)
    in_periode = Q(history_date__gte=periode.begin, history_date__lt=periode.einde)

    nieuw = list(
        historie.filter(in_periode, history_type="+").order_by("history_date").values_list("naam", "history_date")
    )
    versies = list(
        VerwerkingVersie.objects.filter(
            verwerking__gemeente__in=gemeenten, vastgesteld_op__gte=periode.begin, vastgesteld_op__lt=periode.einde
        )
        .order_by("vastgesteld_op", "pk")
        .values_list("naam", "volgnummer", "vastgesteld_op")
    )
    gewijzigd = list(
        historie.filter(in_periode, history_type="~")
        .order_by()
        .values("id")
        .annotate(aantal=Count("history_id"), laatst=Max("history_date"))
    )
    gearchiveerd = list(
        historie.filter(status=VerwerkingStatus.GEARCHIVEERD)
        .order_by()
        .values("id")
        .annotate(eerst=Min("history_date"))
        .filter(eerst__gte=periode.begin, eerst__lt=periode.einde)
    )
    namen = dict(
        Verwerking.objects.filter(pk__in={r["id"] for r in gewijzigd} | {r["id"] for r in gearchiveerd}).values_list(
            "pk", "naam"
        )
    )

    def dag(moment):
        return f"{timezone.localtime(moment):%d-%m-%Y}"

    groep = f"In de periode ({periode.label})"
    cijfers = [
        Cijfer("Nieuw geregistreerd", len(nieuw), sleutel="periode_nieuw", groep=groep),
        Cijfer("Vastgesteld (nieuwe versies)", len(versies), sleutel="periode_vastgesteld", groep=groep),
        Cijfer("Gewijzigd (inhoud of status)", len(gewijzigd), sleutel="periode_gewijzigd", groep=groep),
        Cijfer("Gearchiveerd", len(gearchiveerd), sleutel="periode_gearchiveerd", groep=groep),
    ]
    tabellen = []
    rijen, meer = _afgekapt([[naam, f"versie {nr}", dag(op)] for naam, nr, op in versies])
    tabellen.append(
        Tabel(
            "Vastgestelde versies in de periode",
            ["Verwerking", "Versie", "Vastgesteld op"],
            rijen,
            meer=meer,
            detail=True,
        )
    )
    gewijzigd.sort(key=lambda r: (namen.get(r["id"], ""), r["id"]))
    rijen, meer = _afgekapt([[namen.get(r["id"], "—"), str(r["aantal"]), dag(r["laatst"])] for r in gewijzigd])
    tabellen.append(
        Tabel(
            "Gewijzigde verwerkingen in de periode",
            ["Verwerking", "Wijzigingen", "Laatste wijziging"],
            rijen,
            meer=meer,
            detail=True,
        )
    )
    gearchiveerd.sort(key=lambda r: r["eerst"])
    rijen, meer = _afgekapt([[namen.get(r["id"], "—"), dag(r["eerst"])] for r in gearchiveerd])
    tabellen.append(
        Tabel(
            "Gearchiveerde verwerkingen in de periode", ["Verwerking", "Gearchiveerd op"], rijen, meer=meer, detail=True
        )
    )
    rijen, meer = _afgekapt([[naam, dag(op)] for naam, op in nieuw])
    tabellen.append(
        Tabel(
            "Nieuw geregistreerde verwerkingen in de periode",
            ["Verwerking", "Geregistreerd op"],
            rijen,
            meer=meer,
            detail=True,
        )
    )
    return cijfers, tabellen


# --- datalekken -----------------------------------------------------------------------------------


def _eerste_melding():
    return MeldingAP.objects.filter(datalek=OuterRef("pk"), soort=SoortMelding.MELDING)


def _met_melding(qs):
    return qs.annotate(
        _gemeld_ap=Exists(_eerste_melding()),
        _op_tijd=Exists(_eerste_melding().filter(gemeld_op__lte=OuterRef("meld_deadline"))),
    )


# (key, label, extra condition, list filter) of the counts per window, as in datalekken.selectors.kwartaal_cijfers
VENSTER_TELLINGEN = (
    ("gemeld", "Gemeld", Q(), {}),
    (
        "meldplichtig",
        "Meldplichtig (risico of hoog risico)",
        Q(risico__in=[Risico.RISICO, Risico.HOOG]),
        {"melding": "meldplichtig"},
    ),
    ("hoog_risico", "Hoog risico", Q(risico=Risico.HOOG), {"risico": Risico.HOOG}),
    ("gemeld_ap", "Gemeld bij de AP", Q(_gemeld_ap=True), {"melding": "gemeld"}),
    ("op_tijd", "Op tijd gemeld bij de AP (binnen 72 uur)", Q(_op_tijd=True), {"melding": "op_tijd"}),
    ("te_laat", "Te laat gemeld bij de AP", Q(_gemeld_ap=True, _op_tijd=False), {"melding": "te_laat"}),
    (
        "meldplichtig_niet_gemeld",
        "Meldplichtig, niet gemeld",
        Q(risico__in=[Risico.RISICO, Risico.HOOG], _gemeld_ap=False),
        {"melding": "meldplichtig_niet_gemeld"},
    ),
)
VENSTER_SIGNAAL = {"te_laat": Cijfer.LET_OP, "meldplichtig_niet_gemeld": Cijfer.LET_OP}


def _in(venster: Periode):
    return Q(gemeld_op__gte=venster.begin, gemeld_op__lt=venster.einde)


@dashboard_bron(detail_recht="datalekken.view_datalek", volgorde=20, sleutel="datalekken")
def datalekken(gemeenten, nu, *, met_details, periode=None):
    """Open datalekken and their clocks; reported, notified on time and late this quarter and year
    (or in a report's period); a trend per quarter; in a report the notable datalekken without personal data."""
    slug = _enkele_slug(gemeenten)
    lijst = reverse("datalekken:lijst")
    basis = Datalek.objects.filter(gemeente__in=gemeenten)
    vandaag = timezone.localdate(nu)

    def link(**filters):
        return lijst_link(lijst, gemeente=slug, **filters) if met_details else ""

    # 1. The current state: open datalekken and their clocks.
    klok = ~Q(status=DatalekStatus.AFGESLOTEN) & ~Q(risico=Risico.GEEN) & Q(_gemeld_ap=False)
    nu_c = (
        _met_melding(basis)
        .order_by()
        .aggregate(
            open=Count("pk", filter=~Q(status=DatalekStatus.AFGESLOTEN)),
            klok=Count("pk", filter=klok),
            krap=Count("pk", filter=klok & Q(meld_deadline__gte=nu, meld_deadline__lt=nu + timedelta(hours=24))),
            verlopen=Count("pk", filter=klok & Q(meld_deadline__lt=nu)),
        )
    )
    cijfers = [
        Cijfer("Open datalekken", nu_c["open"], link=link(), sleutel="open"),
        Cijfer(
            "Klok loopt: nog niet gemeld bij de AP",
            nu_c["klok"],
            link=link(melding="klok_loopt"),
            toelichting="Open, risico niet 'geen', en nog geen melding aan de AP vastgelegd.",
            sleutel="klok_loopt",
        ),
        Cijfer(
            "Waarvan minder dan 24 uur over",
            nu_c["krap"],
            link=link(melding="krap"),
            signaal=Cijfer.LET_OP,
            sleutel="klok_krap",
        ),
        Cijfer(
            "Waarvan de 72 uur verstreken",
            nu_c["verlopen"],
            link=link(melding="verlopen"),
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
        for sleutel, _, voorwaarde, _ in VENSTER_TELLINGEN:
            aggregaten[f"{naam}_{sleutel}"] = Count("pk", filter=_in(venster) & voorwaarde)
    v_c = _met_melding(basis).order_by().aggregate(**aggregaten)
    for naam, (venster, omschrijving) in vensters.items():
        for sleutel, label, _, filters in VENSTER_TELLINGEN:
            waarde = v_c[f"{naam}_{sleutel}"]
            if met_details and filters is not None:
                doel = link(
                    status="alle", gemeld_van=venster.van.isoformat(), gemeld_tot=venster.tot.isoformat(), **filters
                )
            elif slug and periode is None and venster.is_kwartaal:
                # Users who see numbers only: the quarterly overview of the datalekregister (numbers, no details).
                doel = lijst_link(
                    reverse("datalekken:kwartaal", args=[slug]),
                    jaar=venster.van.year,
                    kwartaal=kwartaal_van(venster.van)[1],
                )
            else:
                doel = ""
            cijfers.append(
                Cijfer(
                    label,
                    waarde,
                    link=doel,
                    signaal=VENSTER_SIGNAAL.get(sleutel, ""),
                    sleutel=f"{naam}_{sleutel}",
                    groep=omschrijving,
                )
            )

    # 3. Trend per quarter.
    perioden = trend_kwartalen(nu, periode)
    begin, einde = perioden[0].begin, perioden[-1].einde
    per_k = _per_kwartaal(
        _met_melding(basis.filter(gemeld_op__gte=begin, gemeld_op__lt=einde)),
        "gemeld_op",
        gemeld=Count("pk"),
        gemeld_ap=Count("pk", filter=Q(_gemeld_ap=True)),
        te_laat=Count("pk", filter=Q(_gemeld_ap=True, _op_tijd=False)),
    )
    sleutels = [kwartaal_van(p.van) for p in perioden]

    def reeks(naam, veld, **filters):
        links = [
            link(status="alle", gemeld_van=p.van.isoformat(), gemeld_tot=p.tot.isoformat(), **filters) for p in perioden
        ]
        return Reeks(naam, [per_k.get(k, {}).get(veld, 0) for k in sleutels], links if met_details else [])

    trends = [
        Trend(
            "Datalekken per kwartaal",
            kwartalen=[_label_kwartaal(p) for p in perioden],
            reeksen=[
                reeks("Gemeld", "gemeld"),
                reeks("Gemeld bij de AP", "gemeld_ap", melding="gemeld"),
                reeks("Te laat gemeld", "te_laat", melding="te_laat"),
            ],
            beschrijving="Datalekken per kwartaal van melden in het portal.",
        )
    ]

    # 4. Tables.
    tabellen = []
    if met_details and periode is None:
        lopend = list(
            _met_melding(basis).filter(klok).select_related("gemeente").order_by("meld_deadline", "pk")[:MAX_KLOKKEN]
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
                meer=max(0, nu_c["klok"] - len(lopend)),
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
    rijen, meer = _afgekapt(
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
