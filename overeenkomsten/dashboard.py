"""Dashboard source of the verwerkersovereenkomsten and convenanten (see privacy_portal.core.dashboard).

Only counts. The agreements list (`overeenkomsten.views.lijst`) filters on `signaal` (onvolledig,
review_te_laat, verloopt, verlopen); figures with the same definition link there with that
filter, the others to the list plainly. Verwerkingen without a verwerkersovereenkomst link to the
register's list filter `overeenkomst=ontbreekt`, which uses the same selector.
"""

from datetime import timedelta

from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone

from privacy_portal.core.dashboard import Cijfer, Sectie, dashboard_bron, lijst_link, stand_van_historie
from registers.models import Verwerking

from .constants import REVIEW_ESCALATIE_DAGEN
from .models import Overeenkomst
from .selectors import ontbrekende_clausules_totaal, zonder_verwerkersovereenkomst


@dashboard_bron(detail_recht="overeenkomsten.view_overeenkomst", volgorde=50, sleutel="overeenkomsten")
def overeenkomsten(gemeenten, nu, *, met_details):
    """Reviews due and overdue, agreements ending soon or incomplete, verwerkers without an agreement (state at nu)."""
    vandaag = timezone.localdate(nu)
    lijst = reverse("overeenkomsten:lijst")
    enkel = gemeenten[0].slug if len(gemeenten) == 1 else ""

    def link(**filters):
        return lijst_link(lijst, **filters) if met_details else ""

    alle = Overeenkomst.objects.filter(gemeente__in=gemeenten)
    lopend = Q(einddatum__isnull=True) | Q(einddatum__gte=vandaag)
    c = alle.order_by().aggregate(
        aantal=Count("pk"),
        lopend=Count("pk", filter=lopend),
        review_nodig=Count("pk", filter=lopend & Q(volgende_review__lte=vandaag)),
        review_escalatie=Count(
            "pk", filter=lopend & Q(volgende_review__lte=vandaag - timedelta(days=REVIEW_ESCALATIE_DAGEN))
        ),
        verloopt=Count("pk", filter=Q(einde_signaal_op__lte=vandaag, einddatum__gte=vandaag)),
        onvolledig=Count("pk", filter=Q(volledigheid__lt=100)),
    )
    clausules = ontbrekende_clausules_totaal(alle)
    zonder = (
        zonder_verwerkersovereenkomst(Verwerking.objects.filter(gemeente__in=gemeenten), vandaag).order_by().count()
    )

    cijfers = [
        Cijfer("Overeenkomsten en convenanten", c["aantal"], link=link(), sleutel="overeenkomsten"),
        Cijfer(
            "Review nodig",
            c["review_nodig"],
            link=link(),
            toelichting="Lopende overeenkomsten waarvan de jaarlijkse review vandaag of eerder moest.",
            signaal=Cijfer.LET_OP,
            sleutel="overeenkomsten_review_nodig",
        ),
        Cijfer(
            f"Review meer dan {REVIEW_ESCALATIE_DAGEN} dagen te laat",
            c["review_escalatie"],
            link=link(),
            toelichting="Deze gaan naar de FG.",
            signaal=Cijfer.LET_OP,
            sleutel="overeenkomsten_review_escalatie",
        ),
        Cijfer(
            "Loopt binnen drie maanden af",
            c["verloopt"],
            link=link(signaal="verloopt"),
            signaal=Cijfer.LET_OP,
            sleutel="overeenkomsten_verloopt",
        ),
        Cijfer(
            "Verplichte onderdelen ontbreken",
            c["onvolledig"],
            link=link(signaal="onvolledig"),
            toelichting=f"Samen ontbreken {clausules} verplichte onderdelen.",
            signaal=Cijfer.LET_OP,
            sleutel="overeenkomsten_onvolledig",
        ),
        Cijfer(
            "Verwerker zonder verwerkersovereenkomst",
            zonder,
            link=lijst_link(reverse("registers:lijst"), gemeente=enkel, status="actief", overeenkomst="ontbreekt")
            if met_details
            else "",
            toelichting="Actieve verwerkingen met een verwerker, maar zonder lopende verwerkersovereenkomst.",
            signaal=Cijfer.LET_OP,
            sleutel="verwerker_zonder_overeenkomst",
        ),
    ]
    return [
        Sectie(
            sleutel="overeenkomsten",
            titel="Verwerkersovereenkomsten en convenanten",
            cijfers=cijfers,
            toelichting=f"De stand van vandaag. {c['lopend']} van de {c['aantal']} overeenkomsten lopen nog.",
            stand=stand_van_historie(Overeenkomst, gemeenten),
        )
    ]
