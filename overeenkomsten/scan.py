"""Scan steps of the agreements register (seed 002: yearly review).

- the review is due (volgende_review reached): the owner and the privacy officers;
- the end date is within three months (einde_signaal_op reached): the same people;
- the review is 30 days overdue: escalation to the FG.

Each reminder goes once per agreement and milestone through mijlpaal_bereiken. The milestone
names carry the date they are about ("review_2027-03-01"), so after a review next year's review
reminds again, and an extended end date gets its own reminder. Agreements that have ended get
no review reminders.
"""

from datetime import timedelta

from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from privacy_portal.core.scanner import scan_stap
from privacy_portal.notificaties.models import Mijlpaal
from privacy_portal.notificaties.services import mijlpaal_bereiken
from privacy_portal.organisaties.rollen import Rol
from privacy_portal.organisaties.selectors import gebruikers_met_rol

from .constants import REVIEW_ESCALATIE_DAGEN
from .models import Overeenkomst
from .selectors import eigenaren


def _nog_niet_bereikt(qs, naam):
    """[(overeenkomst, milestone)] for the agreements in qs whose milestone `naam(ovk)` has no row yet."""
    kandidaten = [(ovk, naam(ovk)) for ovk in qs.select_related("gemeente", "team", "eigenaar")]
    gedaan = set(
        Mijlpaal.objects.filter(
            object_type=Overeenkomst._meta.label, object_id__in=[str(ovk.uuid) for ovk, _ in kandidaten]
        ).values_list("object_id", "mijlpaal")
    )
    return [(ovk, mijlpaal) for ovk, mijlpaal in kandidaten if (str(ovk.uuid), mijlpaal) not in gedaan]


def _bereik(ovk, mijlpaal, ontvangers, onderwerp, tekst, nu):
    with transaction.atomic():
        return mijlpaal_bereiken(
            obj=ovk,
            mijlpaal=mijlpaal,
            ontvangers=ontvangers,
            onderwerp=onderwerp,
            tekst=tekst,
            link=reverse("overeenkomsten:detail", kwargs={"uuid": ovk.uuid}),
            nu=nu,
        )


def _eigenaar_en_privacy_officers(ovk):
    return [*eigenaren(ovk), *gebruikers_met_rol(ovk.gemeente, Rol.PRIVACY_OFFICER)]


@scan_stap
def overeenkomst_termijnen(nu):
    vandaag = timezone.localdate(nu)
    lopend = Overeenkomst.objects.filter(Q(einddatum__isnull=True) | Q(einddatum__gte=vandaag))
    aantal = 0

    for ovk, mijlpaal in _nog_niet_bereikt(
        lopend.filter(volgende_review__lte=vandaag), lambda o: f"review_{o.volgende_review.isoformat()}"
    ):
        aantal += _bereik(
            ovk,
            mijlpaal,
            _eigenaar_en_privacy_officers(ovk),
            f"Jaarlijkse review van een {ovk.get_soort_display().lower()}",
            f"De overeenkomst '{ovk.onderwerp}' moet uiterlijk {ovk.volgende_review:%d-%m-%Y} worden beoordeeld. "
            "Controleer of de afspraken nog kloppen en leg de review vast in de portal.",
            nu,
        )

    for ovk, mijlpaal in _nog_niet_bereikt(
        lopend.filter(einde_signaal_op__lte=vandaag), lambda o: f"einde_{o.einddatum.isoformat()}"
    ):
        aantal += _bereik(
            ovk,
            mijlpaal,
            _eigenaar_en_privacy_officers(ovk),
            f"Een {ovk.get_soort_display().lower()} loopt binnen drie maanden af",
            f"De overeenkomst '{ovk.onderwerp}' loopt af op {ovk.einddatum:%d-%m-%Y}. "
            "Besluit op tijd of u haar verlengt, opnieuw afsluit of beëindigt.",
            nu,
        )

    grens = vandaag - timedelta(days=REVIEW_ESCALATIE_DAGEN)
    for ovk, mijlpaal in _nog_niet_bereikt(
        lopend.filter(volgende_review__lte=grens), lambda o: f"review_te_laat_{o.volgende_review.isoformat()}"
    ):
        aantal += _bereik(
            ovk,
            mijlpaal,
            gebruikers_met_rol(ovk.gemeente, Rol.FG),
            f"Review van een {ovk.get_soort_display().lower()} is {REVIEW_ESCALATIE_DAGEN} dagen te laat",
            f"De jaarlijkse review van '{ovk.onderwerp}' had uiterlijk {ovk.volgende_review:%d-%m-%Y} moeten "
            f"plaatsvinden en is nog niet vastgelegd.",
            nu,
        )
    return aantal
