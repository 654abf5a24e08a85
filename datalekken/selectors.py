"""Every filtered read of the datalekregister, with the permissions applied."""


from django.db.models import Count, Exists, OuterRef, Q

from privacy_portal.organisaties.selectors import bereik_filter

from .constants import Risico, SoortMelding, Status
from .models import Datalek, MeldingAP


def datalekken_voor(user, perm="datalekken.view_datalek"):
    """Datalekken the user may see in detail: by role, plus the ones they reported themselves."""
    qs = Datalek.objects.select_related("gemeente", "team").annotate(
        is_gemeld_ap=Exists(MeldingAP.objects.filter(datalek=OuterRef("pk"), soort=SoortMelding.MELDING))
    )
    if user.is_superuser:
        return qs
    if user.is_anonymous:
        return qs.none()
    q = bereik_filter(user, perm)
    if perm == "datalekken.view_datalek":
        q |= Q(gemeld_door=user)
    return qs.filter(q)


def open_en_niet_gemeld(qs):
    """Open datalekken whose AP notification may still be due (risk not 'geen') and is not recorded."""
    return (
        qs.exclude(status=Status.AFGESLOTEN)
        .exclude(risico=Risico.GEEN)
        .exclude(Exists(MeldingAP.objects.filter(datalek=OuterRef("pk"), soort=SoortMelding.MELDING)))
    )


def filter_datalekken(qs, *, zoek="", status="", risico="", gemeente="", open_=None):
    if zoek:
        qs = qs.filter(Q(titel__icontains=zoek) | Q(omschrijving__icontains=zoek))
    if status:
        qs = qs.filter(status=status)
    if risico == "onbeoordeeld":
        qs = qs.filter(risico="")
    elif risico:
        qs = qs.filter(risico=risico)
    if gemeente:
        qs = qs.filter(gemeente__slug=gemeente)
    if open_ is True:
        qs = qs.exclude(status=Status.AFGESLOTEN)
    return qs


def kwartaal_cijfers(gemeente, van, tot):
    """Numbers for the quarterly evaluation: datalekken gemeld between van and tot (dates, tot exclusive)."""
    qs = Datalek.objects.filter(gemeente=gemeente, gemeld_op__date__gte=van, gemeld_op__date__lt=tot)
    eerste = MeldingAP.objects.filter(datalek=OuterRef("pk"), soort=SoortMelding.MELDING)
    qs = qs.annotate(
        gemeld_ap=Exists(eerste),
        op_tijd=Exists(eerste.filter(gemeld_op__lte=OuterRef("meld_deadline"))),
    )
    totaal = qs.aggregate(
        aantal=Count("pk"),
        gemeld_ap=Count("pk", filter=Q(gemeld_ap=True)),
        op_tijd=Count("pk", filter=Q(gemeld_ap=True, op_tijd=True)),
        te_laat=Count("pk", filter=Q(gemeld_ap=True, op_tijd=False)),
        betrokkenen_geinformeerd=Count("pk", filter=Q(betrokkenen_geinformeerd_op__isnull=False)),
        open=Count("pk", filter=~Q(status=Status.AFGESLOTEN)),
    )
    totaal["per_risico"] = dict(qs.order_by().values_list("risico").annotate(n=Count("pk")))
    totaal["per_oorzaak"] = dict(qs.order_by().values_list("oorzaak").annotate(n=Count("pk")))
    totaal["datalekken"] = list(qs.order_by("gemeld_op"))
    return totaal


