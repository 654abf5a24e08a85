"""Dashboard sources of the register van verwerkingen and the datalekregister.

Registered with `@dashboard_bron` (privacy_portal.core.dashboard) from RapportagesConfig.ready().
Each source runs a fixed number of queries however many gemeenten or records there are. The
definitions behind the numbers are the ones the lists use (registers.selectors,
datalekken.selectors), so every number links to a list that shows exactly that many items.
"""

from django.db.models import Avg, Case, Count, Exists, IntegerField, Max, Min, OuterRef, Q, Value, When
from django.db.models.functions import TruncQuarter
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
    dashboard_bron,
    jaar_periode,
    kwartaal_label,
    kwartaal_periode,
    kwartaal_van,
    lijst_link,
    stand_op,
    stand_van_historie,
    trend_kwartalen,
)
from registers.constants import Status as VerwerkingStatus
from registers.models import Verwerking, VerwerkingVersie
from registers.selectors import GEBEURTENISSEN, dpia_ontbreekt_q, gebeurtenis_q, verwerkersovereenkomst_helper

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


REGISTER = Lijst(
    "registers:lijst",
    {
        "actief": {"status": "actief"},
        "onvolledig": {"status": "actief", "volledig": "nee"},
        "zonder_versie": {"status": "actief", "vastgesteld": "nee"},
        "ter_beoordeling": {"status": VerwerkingStatus.TER_BEOORDELING},
        "dpia_ontbreekt": {"status": "actief", "dpia": "ontbreekt"},
        "zonder_verwerkersovereenkomst": {"status": "actief", "overeenkomst": "ontbreekt"},
        **{g: {"gebeurtenis": g} for g in GEBEURTENISSEN},
    },
)


@dashboard_bron(detail_recht="registers.view_verwerking", volgorde=10, sleutel="registers")
def register_van_verwerkingen(gemeenten, nu, *, met_details, periode=None):
    """Completeness and the verwerkingen that need work (now, or at the end of a report's period from
    the history); in a report also what changed in the period."""
    peildatum = periode.tot if periode else None
    vandaag = peildatum or timezone.localdate(nu)
    figuren = REGISTER.figuren(gemeenten, met_details=True, peildatum=peildatum)  # the college may open it too

    actief = ~Q(status=VerwerkingStatus.GEARCHIVEERD)
    stand = (stand_op(Verwerking, periode.einde) if periode else Verwerking.objects.all()).filter(
        gemeente__in=gemeenten
    )
    alle = Verwerking.objects.filter(gemeente__in=gemeenten)
    c = stand.order_by().aggregate(
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
        figuren.cijfer(
            "Volledigheid van het register",
            percentage,
            "onvolledig",
            eenheid="%",
            toelichting=f"{c['volledig']} van {c['actief']} actieve verwerkingen zijn volledig ingevuld.",
            signaal=Cijfer.GOED if c["actief"] and percentage == 100 else "",
            sleutel="volledigheid",
        ),
        figuren.cijfer("Actieve verwerkingen", c["actief"], "actief", sleutel="actief"),
        figuren.cijfer(
            "Nog niet volledig ingevuld",
            c["actief"] - c["volledig"],
            "onvolledig",
            signaal=Cijfer.LET_OP,
            sleutel="onvolledig",
        ),
        figuren.cijfer(
            "Zonder vastgestelde versie",
            c["zonder_versie"],
            "zonder_versie",
            toelichting="Nog nooit vastgesteld door de privacy officer, dus niet op de openbare pagina.",
            signaal=Cijfer.LET_OP,
            sleutel="zonder_vastgestelde_versie",
        ),
        figuren.cijfer("Wacht op beoordeling", c["ter_beoordeling"], "ter_beoordeling", sleutel="ter_beoordeling"),
        figuren.cijfer(
            "DPIA nodig, niet uitgevoerd",
            c["dpia_ontbreekt"],
            "dpia_ontbreekt",
            toelichting="DPIA-status 'nodig' of 'in uitvoering', of nog niet beoordeeld terwijl er bijzondere "
            "persoonsgegevens in zitten.",
            signaal=Cijfer.LET_OP,
            sleutel="dpia_ontbreekt",
        ),
    ]
    zonder = verwerkersovereenkomst_helper()(stand, vandaag).order_by().count()
    cijfers.append(
        figuren.cijfer(
            "Verwerker zonder verwerkersovereenkomst",
            zonder,
            "zonder_verwerkersovereenkomst",
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
        wijzigingen, tabellen = _register_wijzigingen(gemeenten, periode, figuren)
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


def _register_wijzigingen(gemeenten, periode, figuren):
    """What changed in the register in the period, from the history: new, approved, changed, archived.

    The counts are the verwerkingen the list shows with the same `gebeurtenis` (registers.selectors);
    the tables list the events themselves."""
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
    aantallen = (
        Verwerking.objects.filter(gemeente__in=gemeenten)
        .order_by()
        .aggregate(**{g: Count("pk", filter=gebeurtenis_q(g, periode)) for g in GEBEURTENISSEN})
    )
    cijfers = [
        figuren.cijfer(label, aantallen[g], g, periode=periode, sleutel=f"periode_{g}", groep=groep)
        for g, label in (
            ("nieuw", "Nieuw geregistreerd"),
            ("vastgesteld", "Vastgesteld (een nieuwe versie)"),
            ("gewijzigd", "Gewijzigd (inhoud of status)"),
            ("gearchiveerd", "Gearchiveerd"),
        )
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


# (key, label, list filter `melding`) of the counts per window, as in datalekken.selectors.kwartaal_cijfers
VENSTER_TELLINGEN = (
    ("gemeld", "Gemeld", ""),
    ("meldplichtig", "Meldplichtig (risico of hoog risico)", "meldplichtig"),
    ("hoog_risico", "Hoog risico", ""),
    ("gemeld_ap", "Gemeld bij de AP", "gemeld"),
    ("op_tijd", "Op tijd gemeld bij de AP (binnen 72 uur)", "op_tijd"),
    ("te_laat", "Te laat gemeld bij de AP", "te_laat"),
    ("meldplichtig_niet_gemeld", "Meldplichtig, niet gemeld", "meldplichtig_niet_gemeld"),
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
    slug = _enkele_slug(gemeenten)
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
    per_k = _per_kwartaal(
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
            kwartalen=[_label_kwartaal(p) for p in perioden],
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
