"""Dashboard source of the register van verwerkingen (declared in registers/apps.py).

Runs a fixed number of queries however many gemeenten or records there are. The definitions behind
the numbers are the ones the list uses (registers.selectors), so every number links to a list that
shows exactly that many items.
"""

from django.db.models import Avg, Count, Max, Min, Q
from django.utils import timezone

from privacy_portal.core.dashboard import (
    Cijfer,
    Lijst,
    Reeks,
    Sectie,
    Tabel,
    Trend,
    afgekapt,
    dashboard_bron,
    kwartaal_van,
    per_kwartaal,
    periode_label,
    stand_op,
    stand_van_historie,
    trend_kwartalen,
)
from registers.constants import Status as VerwerkingStatus
from registers.models import Verwerking, VerwerkingVersie
from registers.selectors import GEBEURTENISSEN, dpia_ontbreekt_q, gebeurtenis_q, verwerkersovereenkomst_helper

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
    nieuw = per_kwartaal(alle.filter(aangemaakt_op__gte=begin, aangemaakt_op__lt=einde), "aangemaakt_op", n=Count("pk"))
    versies = VerwerkingVersie.objects.filter(verwerking__gemeente__in=gemeenten)
    vastgesteld = per_kwartaal(
        versies.filter(vastgesteld_op__gte=begin, vastgesteld_op__lt=einde), "vastgesteld_op", n=Count("pk")
    )
    sleutels = [kwartaal_van(p.van) for p in perioden]
    trends = [
        Trend(
            "Nieuwe verwerkingen en vastgestelde versies per kwartaal",
            kwartalen=[periode_label(p) for p in perioden],
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
    rijen, meer = afgekapt([[naam, f"versie {nr}", dag(op)] for naam, nr, op in versies])
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
    rijen, meer = afgekapt([[namen.get(r["id"], "—"), str(r["aantal"]), dag(r["laatst"])] for r in gewijzigd])
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
    rijen, meer = afgekapt([[namen.get(r["id"], "—"), dag(r["eerst"])] for r in gearchiveerd])
    tabellen.append(
        Tabel(
            "Gearchiveerde verwerkingen in de periode", ["Verwerking", "Gearchiveerd op"], rijen, meer=meer, detail=True
        )
    )
    rijen, meer = afgekapt([[naam, dag(op)] for naam, op in nieuw])
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
