"""Every filtered read of the agreements register, with the permissions applied."""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.db.models import Avg, Count, Exists, OuterRef, Prefetch, Q

from privacy_portal.core.historie import historie_samengevoegd
from privacy_portal.organisaties.models import RolToewijzing
from privacy_portal.organisaties.rollen import Rol
from privacy_portal.organisaties.selectors import bereik_filter
from registers.constants import Status as VerwerkingStatus

from .constants import REVIEW_ESCALATIE_DAGEN, Soort
from .models import Overeenkomst, Partij, Review, Subverwerker


def overeenkomsten_voor(user, perm="overeenkomsten.view_overeenkomst"):
    """Agreements on which the user holds perm (by role and reach); none for anonymous users."""
    qs = Overeenkomst.objects.select_related("gemeente", "team", "eigenaar").prefetch_related(
        Prefetch("partijen", queryset=Partij.objects.order_by("pk"))
    )
    if user.is_anonymous:
        return qs.none()
    return qs.filter(bereik_filter(user, perm))


def actief_op(qs, datum):
    """Agreements that have started and not ended on `datum`."""
    return qs.filter(startdatum__lte=datum).filter(Q(einddatum__isnull=True) | Q(einddatum__gte=datum))


def filter_overeenkomsten(
    qs, *, zoek="", soort="", partij="", verloopt_voor=None, gemeente="", team=None, signaal="", vandaag=None
):
    """Filters of the list page and the API. `signaal`: onvolledig, review_te_laat, verloopt, verlopen."""
    if zoek:
        qs = qs.filter(
            Q(onderwerp__icontains=zoek)
            | Q(omschrijving__icontains=zoek)
            | Q(Exists(Partij.objects.filter(overeenkomst=OuterRef("id"), naam__icontains=zoek)))
        )
    if soort:
        qs = qs.filter(soort=soort)
    if partij:
        qs = qs.filter(Exists(Partij.objects.filter(overeenkomst=OuterRef("id"), naam__icontains=partij)))
    if verloopt_voor:
        qs = qs.filter(einddatum__lt=verloopt_voor)
    if gemeente:
        qs = qs.filter(gemeente__slug=gemeente)
    if team:
        qs = qs.filter(team__uuid=team)
    if signaal and vandaag is not None:
        qs = qs.filter(signaal_q(signaal, vandaag))
    return qs


def signaal_q(signaal, vandaag):
    """Agreements that need attention on `vandaag` (the list's `signaal` and the dashboard's figures):
    onvolledig, review_nodig (running, review due today or earlier), review_te_laat (running, review
    date passed), review_escalatie (running, review more than REVIEW_ESCALATIE_DAGEN late), verloopt
    (ends within the signal period), verlopen. Plain fields only: works on the history too."""
    lopend = Q(einddatum__isnull=True) | Q(einddatum__gte=vandaag)
    return {
        "onvolledig": Q(volledigheid__lt=100),
        "review_nodig": lopend & Q(volgende_review__lte=vandaag),
        "review_te_laat": lopend & Q(volgende_review__lt=vandaag),
        "review_escalatie": lopend & Q(volgende_review__lte=vandaag - timedelta(days=REVIEW_ESCALATIE_DAGEN)),
        "verloopt": Q(einde_signaal_op__lte=vandaag, einddatum__gte=vandaag),
        "verlopen": Q(einddatum__lt=vandaag),
        "lopend": lopend,
    }.get(signaal, Q())


def cijfers(qs, vandaag):
    """Counts for the list page: completeness of the checklists and the signals that need action."""
    lopend = qs.filter(Q(einddatum__isnull=True) | Q(einddatum__gte=vandaag))
    totaal = qs.order_by().aggregate(
        aantal=Count("pk"), gemiddeld=Avg("volledigheid"), volledig=Count("pk", filter=Q(volledigheid=100))
    )
    signalen = lopend.order_by().aggregate(
        review_te_laat=Count("pk", filter=Q(volgende_review__lt=vandaag)),
        verloopt=Count("pk", filter=Q(einde_signaal_op__lte=vandaag)),
    )
    return {
        "aantal": totaal["aantal"],
        "percentage": round(totaal["gemiddeld"] or 0) if totaal["aantal"] else 100,
        "volledig": totaal["volledig"],
        "onvolledig": totaal["aantal"] - totaal["volledig"],
        **signalen,
    }


def ontbrekende_clausules_totaal(qs):
    """How many required clauses are missing over all agreements in qs (counted in Python: a JSON list)."""
    from .checklist import ontbrekende_clausules

    return sum(len(ontbrekende_clausules(soort, codes)) for soort, codes in qs.values_list("soort", "clausules"))


def volledigheid_gemeente(gemeente, vandaag):
    """Completeness of a gemeente's agreements: average checklist score and the number of missing clauses.

    For the start page's completeness figures next to the register's (core.views.home).
    """
    qs = Overeenkomst.objects.filter(gemeente=gemeente)
    resultaat = cijfers(qs, vandaag)
    resultaat["ontbrekende_clausules"] = ontbrekende_clausules_totaal(qs)
    return resultaat


def dekkende_overeenkomsten(verwerking, vandaag):
    """Agreements (any user) that cover this verwerking today."""
    return actief_op(Overeenkomst.objects.filter(verwerkingen=verwerking), vandaag)


def zonder_verwerkersovereenkomst(verwerkingen_qs, vandaag):
    """Active verwerkingen naming a verwerker but covered by no running verwerkersovereenkomst."""
    dekkend = actief_op(
        Overeenkomst.objects.filter(soort=Soort.VERWERKERSOVEREENKOMST, verwerkingen=OuterRef("id")), vandaag
    )
    return (
        verwerkingen_qs.exclude(status=VerwerkingStatus.GEARCHIVEERD)  # OuterRef("id"): also on the history
        .exclude(verwerkers="")
        .exclude(Exists(dekkend))
        .order_by("naam", "pk")
    )


def verwerkingen_zonder_dekking(user, vandaag):
    """For the list page: the verwerkingen the user may see that need a verwerkersovereenkomst."""
    from registers.selectors import verwerkingen_voor

    return zonder_verwerkersovereenkomst(verwerkingen_voor(user), vandaag)


def openbare_convenanten(gemeente):
    """Convenanten the gemeente published (Woo): only openbaar=True and kind convenant."""
    return (
        Overeenkomst.objects.filter(gemeente=gemeente, soort=Soort.CONVENANT, openbaar=True)
        .prefetch_related(Prefetch("partijen", queryset=Partij.objects.order_by("pk")))
        .order_by("-startdatum", "onderwerp", "pk")
    )


def eigenaren(overeenkomst, rolhouders=None):
    """Who gets the owner's reminders: the owner, or else every teammanager of the team.

    rolhouders: an `organisaties.selectors.Rolhouders` to answer from (the scan), instead of a query.
    """
    if overeenkomst.eigenaar_id and overeenkomst.eigenaar.is_active:
        return [overeenkomst.eigenaar]
    if rolhouders is not None:
        return rolhouders.teammanagers([overeenkomst.team_id])
    ids = RolToewijzing.objects.filter(
        gemeente_id=overeenkomst.gemeente_id, team_id=overeenkomst.team_id, rol=Rol.TEAMMANAGER
    ).values("gebruiker_id")
    return list(get_user_model().objects.filter(pk__in=ids, is_active=True))


def onderdelen_met_historie(ovk):
    """Every party, sub-processor and review the agreement ever had (removed ones too), each an instance
    whose `.history` can be read: the parts are edited with the agreement, so their history is its history."""
    onderdelen = []
    for model in (Partij, Subverwerker, Review):
        ids = set(model.history.filter(overeenkomst_id=ovk.pk).values_list("id", flat=True))
        onderdelen += [model(pk=pk, overeenkomst_id=ovk.pk) for pk in sorted(ids)]
    return onderdelen


def historie_van(ovk):
    """The history of an agreement and its parts in words, newest first (history page and API)."""
    return historie_samengevoegd(ovk, *onderdelen_met_historie(ovk))
