"""Dashboard source of the verwerkersovereenkomsten and convenanten (see privacy_portal.core.dashboard).

Only counts. Every figure opens the agreements list (`overeenkomsten.views.lijst`) with its
`signaal` (`overeenkomsten.selectors.signaal_q`, the list's own condition). Verwerkingen without a
verwerkersovereenkomst open the register's list with `overeenkomst=ontbreekt` (the same selector).

All figures are a state: now, or with a report's `periode` the state at the end of the period:
the agreements' review dates, end signals and completeness from their history (`stand_op`). Which
agreement covers a verwerking is not in the history (a many-to-many link); at a peildatum the
current links count with the agreements' start and end dates on that day.
"""

from django.db.models import Count
from django.utils import timezone

from privacy_portal.core.dashboard import Lijst, Sectie, dashboard_bron, stand_op, stand_van_historie
from registers.models import Verwerking

from .constants import REVIEW_ESCALATIE_DAGEN
from .models import Overeenkomst
from .selectors import ontbrekende_clausules_totaal, signaal_q, zonder_verwerkersovereenkomst

SIGNALEN = ("review_nodig", "review_escalatie", "verloopt", "onvolledig")
LIJST = Lijst("overeenkomsten:lijst", {"alle": {}, **{s: {"signaal": s} for s in SIGNALEN}})
REGISTER = Lijst(
    "registers:lijst", {"zonder_verwerkersovereenkomst": {"status": "actief", "overeenkomst": "ontbreekt"}}
)


@dashboard_bron(detail_recht="overeenkomsten.view_overeenkomst", volgorde=50, sleutel="overeenkomsten")
def overeenkomsten(gemeenten, nu, *, met_details, periode=None):
    """Reviews due and overdue, agreements ending soon or incomplete, verwerkers without an agreement
    (the state at nu, or at the end of a report's period)."""
    vandaag = timezone.localdate(nu) if periode is None else periode.tot
    peildatum = periode.tot if periode else None
    figuren = LIJST.figuren(gemeenten, met_details=met_details, peildatum=peildatum)
    register = REGISTER.figuren(gemeenten, met_details=met_details, peildatum=peildatum)
    if periode is None:
        alle, verwerkingen = Overeenkomst.objects.all(), Verwerking.objects.all()
    else:
        alle, verwerkingen = stand_op(Overeenkomst, periode.einde), stand_op(Verwerking, periode.einde)
    alle = alle.filter(gemeente__in=gemeenten)

    c = alle.order_by().aggregate(
        aantal=Count("pk"),
        lopend=Count("pk", filter=signaal_q("lopend", vandaag)),
        **{s: Count("pk", filter=signaal_q(s, vandaag)) for s in SIGNALEN},
    )
    clausules = ontbrekende_clausules_totaal(alle)
    zonder = zonder_verwerkersovereenkomst(verwerkingen.filter(gemeente__in=gemeenten), vandaag).order_by().count()

    cijfers = [
        figuren.cijfer("Overeenkomsten en convenanten", c["aantal"], "alle", sleutel="overeenkomsten"),
        figuren.cijfer(
            "Review nodig",
            c["review_nodig"],
            "review_nodig",
            toelichting="Lopende overeenkomsten waarvan de jaarlijkse review vandaag of eerder moest.",
            signaal="let_op",
            sleutel="overeenkomsten_review_nodig",
        ),
        figuren.cijfer(
            f"Review meer dan {REVIEW_ESCALATIE_DAGEN} dagen te laat",
            c["review_escalatie"],
            "review_escalatie",
            toelichting="Deze gaan naar de FG.",
            signaal="let_op",
            sleutel="overeenkomsten_review_escalatie",
        ),
        figuren.cijfer(
            "Loopt binnen drie maanden af",
            c["verloopt"],
            "verloopt",
            signaal="let_op",
            sleutel="overeenkomsten_verloopt",
        ),
        figuren.cijfer(
            "Verplichte onderdelen ontbreken",
            c["onvolledig"],
            "onvolledig",
            toelichting=f"Samen ontbreken {clausules} verplichte onderdelen.",
            signaal="let_op",
            sleutel="overeenkomsten_onvolledig",
        ),
        register.cijfer(
            "Verwerker zonder verwerkersovereenkomst",
            zonder,
            "zonder_verwerkersovereenkomst",
            toelichting="Actieve verwerkingen met een verwerker, maar zonder lopende verwerkersovereenkomst.",
            signaal="let_op",
            sleutel="verwerker_zonder_overeenkomst",
        ),
    ]
    stand_tekst = "De stand van vandaag." if periode is None else f"De stand op {periode.tot:%d-%m-%Y}."
    return [
        Sectie(
            sleutel="overeenkomsten",
            titel="Verwerkersovereenkomsten en convenanten",
            cijfers=cijfers,
            toelichting=f"{stand_tekst} {c['lopend']} van de {c['aantal']} overeenkomsten lopen nog.",
            stand=stand_van_historie(Overeenkomst, gemeenten),
        )
    ]
