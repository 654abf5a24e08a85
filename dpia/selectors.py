"""Every filtered read of the DPIA-register, with the permissions applied."""

from collections import Counter

from django.contrib.auth import get_user_model
from django.db.models import Count, Exists, OuterRef, Q

from privacy_portal.organisaties.models import RolToewijzing
from privacy_portal.organisaties.rollen import Rol
from privacy_portal.organisaties.selectors import bereik_filter, rol_reikt_tot, rollen_filter
from registers.constants import DpiaStatus
from registers.constants import Status as VerwerkingStatus
from registers.models import Verwerking

from .constants import OPEN_MAATREGEL, OPEN_STATUSSEN, Status, Uitkomst
from .models import Dpia, DpiaDelegatie, DpiaVerwerking, Maatregel


def dpias_voor(user, perm="dpia.view_dpia"):
    """DPIAs on which the user holds perm through a role; for viewing also the ones delegated to them,
    while one of their roles still reaches the DPIA (a delegation ends with the delegate's role)."""
    qs = Dpia.objects.select_related("gemeente", "team")
    if user.is_anonymous:
        return qs.none()
    q = bereik_filter(user, perm)
    if perm == "dpia.view_dpia":
        q |= Q(Exists(DpiaDelegatie.objects.filter(dpia=OuterRef("pk"), gebruiker=user))) & rollen_filter(user)
    return qs.filter(q)


def met_tellingen(qs, vandaag):
    """Annotate the number of open and overdue measures (two subquery counts, no extra queries)."""
    return qs.annotate(
        aantal_open_maatregelen=Count("maatregelen", filter=Q(maatregelen__status__in=OPEN_MAATREGEL), distinct=True),
        aantal_verlopen_maatregelen=Count(
            "maatregelen",
            filter=Q(maatregelen__status__in=OPEN_MAATREGEL, maatregelen__deadline__lt=vandaag),
            distinct=True,
        ),
    )


def aandacht_q(aandacht, vandaag, *, maatregelen=None):
    """DPIAs that need attention on `vandaag`: prescan_open (no outcome yet), hercontrole (finished,
    re-check date reached), herbeoordeling (marked), maatregelen_verlopen (an open measure past its
    deadline). `maatregelen`: the measures to look at (the history at a peildatum); by default today's.
    Uses `OuterRef("id")`, so it works on the DPIAs and on their history alike."""
    if aandacht == "prescan_open":
        return Q(prescan_uitkomst="")
    if aandacht == "hercontrole":
        return Q(status=Status.AFGEROND, hercontrole_op__lte=vandaag)
    if aandacht == "herbeoordeling":
        return Q(herbeoordeling_nodig=True)
    if aandacht == "maatregelen_verlopen":
        maatregelen = Maatregel.objects.all() if maatregelen is None else maatregelen
        return Q(Exists(maatregelen.filter(dpia_id=OuterRef("id"), status__in=OPEN_MAATREGEL, deadline__lt=vandaag)))
    return Q()


def filter_dpias(qs, *, zoek="", status="", uitkomst="", gemeente="", aandacht="", vandaag=None, maatregelen=None):
    """The list's filters; all but `zoek` also work on the history (see aandacht_q)."""
    if zoek:
        qs = qs.filter(Q(titel__icontains=zoek) | Q(verwerkingen__naam__icontains=zoek)).distinct()
    if status == "open":
        qs = qs.filter(status__in=OPEN_STATUSSEN)
    elif status:
        qs = qs.filter(status=status)
    if uitkomst:
        qs = qs.filter(prescan_uitkomst=uitkomst)
    if gemeente:
        qs = qs.filter(gemeente__slug=gemeente)
    if aandacht and vandaag is not None:
        qs = qs.filter(aandacht_q(aandacht, vandaag, maatregelen=maatregelen))
    return qs


def mag_deel_invullen(user, dpia, deel):
    """Whether the user may fill in this part: change_dpia on the DPIA, or a delegation of the part
    while one of their roles still reaches the DPIA."""
    if user.has_perm("dpia.change_dpia", dpia):
        return True
    if not rol_reikt_tot(user, dpia):
        return False
    return DpiaDelegatie.objects.filter(dpia=dpia, gebruiker=user, delen__icontains=f'"{deel}"').exists()


def teammanagers(team, rolhouders=None):
    """Active teammanagers of one team (the proceseigenaar), for notifications (from `rolhouders`,
    an organisaties.selectors.Rolhouders, when given: the scan)."""
    if rolhouders is not None:
        return rolhouders.teammanagers([getattr(team, "pk", team)])
    ids = RolToewijzing.objects.filter(rol=Rol.TEAMMANAGER, team=team).values("gebruiker_id")
    return list(get_user_model().objects.filter(pk__in=ids, is_active=True))


def eigenaren(dpia):
    """Who owns a DPIA: the teammanager(s) of its team and the medewerkers it was delegated to."""
    ids = RolToewijzing.objects.filter(rol=Rol.TEAMMANAGER, team=dpia.team_id).values("gebruiker_id")
    gedelegeerd = DpiaDelegatie.objects.filter(dpia=dpia).values("gebruiker_id")
    return list(get_user_model().objects.filter(Q(pk__in=ids) | Q(pk__in=gedelegeerd), is_active=True))


def medewerkers_van(team):
    ids = RolToewijzing.objects.filter(rol=Rol.MEDEWERKER, team=team).values("gebruiker_id")
    return get_user_model().objects.filter(pk__in=ids, is_active=True).order_by("username")


def mogelijke_eigenaren(gemeente):
    """Users with any role in the gemeente: a measure's owner must be one of them."""
    ids = RolToewijzing.objects.filter(gemeente=gemeente).values("gebruiker_id")
    return get_user_model().objects.filter(pk__in=ids, is_active=True).order_by("first_name", "last_name", "username")


def verwerkingen_voor_dpia(user, gemeente=None):
    """Verwerkingen on whose team the user may start a pre-scan (`dpia.add_dpia`)."""
    qs = Verwerking.objects.select_related("gemeente", "team").exclude(status=VerwerkingStatus.GEARCHIVEERD)
    if gemeente is not None:
        qs = qs.filter(gemeente=gemeente)
    return qs.filter(bereik_filter(user, "dpia.add_dpia")).order_by("naam")


def dpia_van_verwerking(verwerking, user):
    """The DPIA that tells the verwerking's status: the open one, else the most recent; None if none visible."""
    kandidaten = list(
        dpias_voor(user)
        .filter(koppelingen__verwerking=verwerking)
        .order_by("-aangemaakt_op", "-pk")
        .only(
            "uuid",
            "titel",
            "status",
            "prescan_uitkomst",
            "afgerond_op",
            "herbeoordeling_nodig",
            "hercontrole_op",
            "gemeente_id",
            "team_id",
            "aangemaakt_op",
            "besluit_motivering",
            "restrisico",
        )[:5]
    )
    return next((d for d in kandidaten if d.status in OPEN_STATUSSEN), kandidaten[0] if kandidaten else None)


def afgeleide_dpia_status(dpia):
    """The register's DpiaStatus that follows from a DPIA record (the stored field is left alone)."""
    if dpia is None:
        return None
    if dpia.status == Status.PRESCAN:
        return DpiaStatus.ONBEKEND
    if dpia.status == Status.NIET_NODIG:
        return DpiaStatus.NIET_NODIG
    if dpia.status == Status.AFGEROND:
        return DpiaStatus.UITGEVOERD
    return DpiaStatus.IN_UITVOERING


def overzicht_gemeente(gemeente, vandaag):
    """The DPIA overview of one gemeente: pre-scan outcomes, DPIAs by state, overdue measures, re-checks due."""
    dpias = list(Dpia.objects.filter(gemeente=gemeente).select_related("team").order_by("titel", "pk"))
    uitkomsten = Counter(d.prescan_uitkomst for d in dpias)
    statussen = Counter(d.status for d in dpias)
    met_dpia = DpiaVerwerking.objects.filter(dpia__gemeente=gemeente).values("verwerking_id")
    zonder_prescan = (
        Verwerking.objects.filter(gemeente=gemeente)
        .exclude(status=VerwerkingStatus.GEARCHIVEERD)
        .exclude(pk__in=met_dpia)
        .count()
    )
    verlopen = list(
        Maatregel.objects.filter(dpia__gemeente=gemeente, status__in=OPEN_MAATREGEL, deadline__lt=vandaag)
        .select_related("dpia", "eigenaar", "risico")
        .order_by("deadline", "pk")
    )
    hercontrole = [d for d in dpias if d.hercontrole_verlopen(vandaag) or d.herbeoordeling_nodig]
    return {
        "uitkomsten": [(code, label, uitkomsten.get(code, 0)) for code, label in Uitkomst.choices]
        + [("", "Pre-scan nog niet afgerond", uitkomsten.get("", 0))],
        "zonder_prescan": zonder_prescan,
        "statussen": [(code, label, statussen.get(code, 0)) for code, label in Status.choices],
        "aantal": len(dpias),
        "verlopen_maatregelen": verlopen,
        "hercontrole": hercontrole,
        "raadplegingen": [d for d in dpias if d.status == Status.RAADPLEGING_AP],
        "niet_uitgevoerd_aanbevolen": [
            d for d in dpias if d.prescan_uitkomst == Uitkomst.AANBEVOLEN and d.uitvoeren is False
        ],
    }
