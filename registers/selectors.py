"""Every filtered read of the register; permissions are applied here, so no view can forget them."""

from django.db.models import Avg, Count, Min, Q

from privacy_portal.core.registers import verwerking_filter
from privacy_portal.organisaties.rollen import Rol
from privacy_portal.organisaties.selectors import bereik_filter, rol_toewijzingen, rollen_filter

from .constants import DpiaStatus, Status
from .models import Verwerking, VerwerkingUserObjectPermission, VerwerkingVersie


def verwerkingen_voor(user, perm="registers.view_verwerking"):
    """The verwerkingen on which the user holds perm: by role, or delegated to them while one of
    their roles still reaches the verwerking (a delegation ends with the delegate's role)."""
    qs = Verwerking.objects.select_related("gemeente", "team", "verwerkingsverantwoordelijke", "gepubliceerde_versie")
    if user.is_anonymous:
        return qs.none()
    codename = perm.split(".", 1)[1]
    gedelegeerd = VerwerkingUserObjectPermission.objects.filter(user=user, permission__codename=codename)
    return qs.filter(
        bereik_filter(user, perm) | (Q(pk__in=gedelegeerd.values("content_object_id")) & rollen_filter(user))
    )


def json_lijst_bevat(veld, code):
    """Filter on a JSON list of codes that works on SQLite and PostgreSQL alike.

    SQLite has no JSON `contains`; the JSON text of ["c", "e"] contains '"c"' on both.
    """
    return Q(**{f"{veld}__icontains": f'"{code}"'})


def dpia_ontbreekt_q():
    """A DPIA is needed but not done: status 'nodig' or 'in uitvoering', or not yet assessed while the
    verwerking processes special categories of personal data (AVG art. 9)."""
    return Q(dpia_status__in=[DpiaStatus.NODIG, DpiaStatus.IN_UITVOERING]) | (
        Q(dpia_status=DpiaStatus.ONBEKEND) & ~Q(bijzondere_categorieen=[])
    )


def verwerkersovereenkomst_helper():
    """`zonder_verwerkersovereenkomst(qs, vandaag)`, offered by the agreements register through its
    declaration (privacy_portal.core.registers), so the register does not import that app."""
    return verwerking_filter("zonder_verwerkersovereenkomst")


GEBEURTENISSEN = ("nieuw", "vastgesteld", "gewijzigd", "gearchiveerd")


def gebeurtenis_q(gebeurtenis, periode):
    """Verwerkingen by what happened to them in `periode` (a core.dashboard.Periode), from the history
    and the approved versions: nieuw (created), vastgesteld (a version approved), gewijzigd (changed
    after creation: content or status), gearchiveerd (archived for the first time)."""
    in_periode = Q(history_date__gte=periode.begin, history_date__lt=periode.einde)
    historie = Verwerking.history.order_by()
    if gebeurtenis == "nieuw":
        ids = historie.filter(in_periode, history_type="+").values("id")
    elif gebeurtenis == "vastgesteld":
        ids = VerwerkingVersie.objects.filter(
            vastgesteld_op__gte=periode.begin, vastgesteld_op__lt=periode.einde
        ).values("verwerking_id")
    elif gebeurtenis == "gewijzigd":
        ids = historie.filter(in_periode, history_type="~").values("id")
    elif gebeurtenis == "gearchiveerd":
        ids = (
            historie.filter(status=Status.GEARCHIVEERD)
            .values("id")
            .annotate(eerst=Min("history_date"))
            .filter(eerst__gte=periode.begin, eerst__lt=periode.einde)
            .values("id")
        )
    else:
        return Q()
    return Q(id__in=ids)


def filter_verwerkingen(
    qs,
    *,
    gebeurtenis="",
    periode=None,
    zoek="",
    team=None,
    status="",
    grondslag="",
    bijzonder=None,
    volledig=None,
    vastgesteld=None,
    dpia="",
    overeenkomst="",
    vandaag=None,
):
    """The list filters. status 'actief': every status except gearchiveerd. vastgesteld: has an
    approved version. dpia 'ontbreekt': see dpia_ontbreekt_q. overeenkomst 'ontbreekt': names a
    verwerker but no running verwerkersovereenkomst covers it (needs the overeenkomsten app).
    gebeurtenis: what happened in `periode` (gebeurtenis_q). Works on the history as well."""
    if gebeurtenis and periode is not None:
        qs = qs.filter(gebeurtenis_q(gebeurtenis, periode))
    if zoek:
        qs = qs.filter(Q(naam__icontains=zoek) | Q(doeleinden__icontains=zoek))
    if team:
        qs = qs.filter(team__uuid=team)
    if status == "actief":
        qs = qs.exclude(status=Status.GEARCHIVEERD)
    elif status:
        qs = qs.filter(status=status)
    if grondslag:
        qs = qs.filter(json_lijst_bevat("grondslagen", grondslag))
    if bijzonder is True:
        qs = qs.exclude(bijzondere_categorieen=[])
    elif bijzonder is False:
        qs = qs.filter(bijzondere_categorieen=[])
    if volledig is True:
        qs = qs.filter(volledigheid=100)
    elif volledig is False:
        qs = qs.filter(volledigheid__lt=100)
    if vastgesteld is True:
        qs = qs.filter(gepubliceerde_versie__isnull=False)
    elif vastgesteld is False:
        qs = qs.filter(gepubliceerde_versie__isnull=True)
    if dpia == "ontbreekt":
        qs = qs.filter(dpia_ontbreekt_q())
    if overeenkomst == "ontbreekt" and vandaag is not None:
        qs = verwerkersovereenkomst_helper()(qs, vandaag)
    return qs


def openbare_versies(gemeente):
    """The approved versions the public may see: the current one of every non-archived verwerking.

    Read from the gemeente's verwerkingen (their index) to their published version by primary
    key, so the query touches only this gemeente's rows, not the versions of every gemeente.
    """
    gepubliceerd = (
        Verwerking.objects.filter(gemeente=gemeente, gepubliceerde_versie__isnull=False)
        .exclude(status=Status.GEARCHIVEERD)
        .values("gepubliceerde_versie")
    )
    return (
        VerwerkingVersie.objects.filter(pk__in=gepubliceerd)
        .select_related("team", "verwerkingsverantwoordelijke", "verwerking__gemeente")
        .order_by("naam", "pk")
    )


def openbare_versie(gemeente, verwerking_uuid):
    """The public version of one verwerking (a queryset of at most one), by unique index lookups."""
    gepubliceerd = (
        Verwerking.objects.filter(gemeente=gemeente, uuid=verwerking_uuid)
        .exclude(status=Status.GEARCHIVEERD)
        .values("gepubliceerde_versie")
    )
    return VerwerkingVersie.objects.filter(pk__in=gepubliceerd).select_related(
        "team", "verwerkingsverantwoordelijke", "verwerking__gemeente"
    )


def volledigheid_gemeente(qs):
    """Average completeness of the active verwerkingen in qs, and how many are complete."""
    actief = qs.exclude(status=Status.GEARCHIVEERD)
    cijfers = actief.aggregate(
        gemiddeld=Avg("volledigheid"), aantal=Count("pk"), volledig=Count("pk", filter=Q(volledigheid=100))
    )
    return {
        "percentage": round(cijfers["gemiddeld"] or 0),
        "aantal": cijfers["aantal"],
        "volledig": cijfers["volledig"],
    }


def delegaties_van(verwerking):
    """The medewerkers this verwerking is delegated to (their guardian change permission)."""
    return VerwerkingUserObjectPermission.objects.filter(
        content_object=verwerking, permission__codename="change_verwerking"
    ).select_related("user")


# --- The work list (werk.py) ----------------------------------------------------------------------


def ter_beoordeling_voor(user):
    """Submitted verwerkingen this user may approve or return."""
    return verwerkingen_voor(user, "registers.beoordelen_verwerking").filter(status=Status.TER_BEOORDELING)


def concepten_van_mijn_teams(user):
    """Concept verwerkingen of the teams where this user is teammanager (within their scope)."""
    teams = [t.team_id for t in rol_toewijzingen(user) if t.rol == Rol.TEAMMANAGER and t.team_id]
    if not teams:
        return Verwerking.objects.none()
    return verwerkingen_voor(user, "registers.indienen_verwerking").filter(status=Status.CONCEPT, team_id__in=teams)


def gedelegeerd_aan(user):
    """Concept verwerkingen delegated to this user (a guardian change permission on the record)."""
    if user.is_anonymous:
        return Verwerking.objects.none()
    ids = VerwerkingUserObjectPermission.objects.filter(user=user, permission__codename="change_verwerking").values(
        "content_object_id"
    )
    return verwerkingen_voor(user).filter(pk__in=ids, status=Status.CONCEPT)
