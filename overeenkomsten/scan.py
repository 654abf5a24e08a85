"""Scan steps of the agreements register (seed 002: yearly review).

- the review is due (volgende_review reached): the owner and the privacy officers;
- the end date is within three months (einde_signaal_op reached): the same people;
- the review is 30 days overdue: escalation to the FG.

Each reminder goes once per agreement and milestone. The milestone names carry the date they are
about ("review_2027-03-01"), so after a review next year's review reminds again, and an extended
end date gets its own reminder. Agreements that have ended get no review reminders.

After a gap in the scan the owner's review and end-date reminders can be due at once: they go
through `meest_urgente_mijlpaal`, so the owner gets one reminder (the end date, which mentions the
review too) and the other is recorded as passed. The FG's escalation is for someone else and
goes on its own.

The step loads only the agreements with a milestone due that was not recorded yet (in SQL, with
`nog_niet_bereikt`) and sends them together, in a fixed number of queries.
"""

from datetime import timedelta

from django.db.models import OuterRef, Q
from django.utils import timezone

from privacy_portal.core.scanner import link_per_uuid, scan_stap
from privacy_portal.notificaties.models import Mijlpaal
from privacy_portal.notificaties.selectors import mijlpaal_met_datum, nog_niet_bereikt
from privacy_portal.notificaties.services import Herinnering, herinneringen_versturen
from privacy_portal.organisaties.rollen import Rol
from privacy_portal.organisaties.selectors import Rolhouders

from .constants import REVIEW_ESCALATIE_DAGEN
from .models import Overeenkomst
from .selectors import eigenaren
from .services import volledigheid_bijwerken


def _review(ovk):
    return f"review_{ovk.volgende_review.isoformat()}"


def _einde(ovk):
    return f"einde_{ovk.einddatum.isoformat()}"


def _te_laat(ovk):
    return f"review_te_laat_{ovk.volgende_review.isoformat()}"


def _eigenaar_en_privacy_officers(ovk, rolhouders):
    return [*eigenaren(ovk, rolhouders), *rolhouders.met_rol(ovk.gemeente_id, Rol.PRIVACY_OFFICER)]


def _bericht_eigenaar(ovk, bereikt):
    """(onderwerp, tekst) of the owner's reminder; the end-date reminder mentions a due review too."""
    soort = ovk.get_soort_display().lower()
    review = (
        f"De overeenkomst '{ovk.onderwerp}' moet uiterlijk {ovk.volgende_review:%d-%m-%Y} worden beoordeeld. "
        "Controleer of de afspraken nog kloppen en leg de review vast in de portal."
        if ovk.volgende_review
        else ""
    )

    def bericht(naam):
        if naam.startswith("review_"):
            return f"Jaarlijkse review van een {soort}", review
        tekst = (
            f"De overeenkomst '{ovk.onderwerp}' loopt af op {ovk.einddatum:%d-%m-%Y}. "
            "Besluit op tijd of u haar verlengt, opnieuw afsluit of beëindigt."
        )
        if any(m.startswith("review_") for m in bereikt):
            tekst += f" Ook de jaarlijkse review is nodig (uiterlijk {ovk.volgende_review:%d-%m-%Y})."
        return f"Een {soort} loopt binnen drie maanden af", tekst

    return bericht


@scan_stap
def overeenkomst_termijnen(nu):
    vandaag = timezone.localdate(nu)
    grens = vandaag - timedelta(days=REVIEW_ESCALATIE_DAGEN)
    lopend = Overeenkomst.objects.filter(Q(einddatum__isnull=True) | Q(einddatum__gte=vandaag))
    review = Q(volgende_review__lte=vandaag) & nog_niet_bereikt(Overeenkomst, OuterRef("review_naam"))
    einde = Q(einde_signaal_op__lte=vandaag, einddatum__isnull=False) & nog_niet_bereikt(
        Overeenkomst, OuterRef("einde_naam")
    )
    te_laat = Q(volgende_review__lte=grens) & nog_niet_bereikt(Overeenkomst, OuterRef("te_laat_naam"))
    kandidaten = list(
        lopend.annotate(
            review_naam=mijlpaal_met_datum("review_", "volgende_review"),
            einde_naam=mijlpaal_met_datum("einde_", "einddatum"),
            te_laat_naam=mijlpaal_met_datum("review_te_laat_", "volgende_review"),
        )
        .filter(review | einde | te_laat)
        .select_related("eigenaar")
    )
    gedaan = set(
        Mijlpaal.objects.filter(
            object_type=Overeenkomst._meta.label, object_id__in=[str(ovk.uuid) for ovk in kandidaten]
        ).values_list("object_id", "mijlpaal")
    )
    rolhouders = Rolhouders()
    link = link_per_uuid("overeenkomsten:detail")
    herinneringen = []
    for ovk in kandidaten:
        nieuw = [
            naam
            for naam, due in (
                (ovk.volgende_review and _review(ovk), ovk.volgende_review and ovk.volgende_review <= vandaag),
                (ovk.einddatum and _einde(ovk), ovk.einde_signaal_op and ovk.einde_signaal_op <= vandaag),
            )
            if due and (str(ovk.uuid), naam) not in gedaan
        ]
        if nieuw:  # least to most urgent: the review, then the end date
            herinneringen.append(
                Herinnering(
                    obj=ovk,
                    bereikt=nieuw,
                    ontvangers=_eigenaar_en_privacy_officers(ovk, rolhouders),
                    bericht=_bericht_eigenaar(ovk, nieuw),
                    link=link(ovk.uuid),
                )
            )
        if ovk.volgende_review and ovk.volgende_review <= grens and (str(ovk.uuid), _te_laat(ovk)) not in gedaan:
            herinneringen.append(
                Herinnering(
                    obj=ovk,
                    bereikt=[_te_laat(ovk)],
                    ontvangers=rolhouders.met_rol(ovk.gemeente_id, Rol.FG),
                    bericht=lambda naam, ovk=ovk: (
                        f"Review van een {ovk.get_soort_display().lower()} is {REVIEW_ESCALATIE_DAGEN} dagen te laat",
                        f"De jaarlijkse review van '{ovk.onderwerp}' had uiterlijk {ovk.volgende_review:%d-%m-%Y} "
                        "moeten plaatsvinden en is nog niet vastgelegd.",
                    ),
                    link=link(ovk.uuid),
                )
            )
    return herinneringen_versturen(herinneringen, nu=nu)


@scan_stap
def overeenkomst_volledigheid(nu):
    """Keep the stored completeness in step with the checklist (after a release that extends it); no notifications."""
    volledigheid_bijwerken()
    return 0
