"""Reads of organisations and roles, and the scope helpers every register's selectors use."""

from django.db.models import Q

from .models import Gemeente, RolToewijzing, Team
from .rollen import ROL_RECHTEN, Rol


def rol_toewijzingen(user):
    """The user's roles, loaded once per user object (one query per request)."""
    if user.is_anonymous:
        return []
    if not hasattr(user, "_rol_toewijzingen"):
        user._rol_toewijzingen = list(RolToewijzing.objects.filter(gebruiker=user).select_related("gemeente"))
    return user._rol_toewijzingen


def bereik_van(obj):
    """(gemeente_id, afdeling_id, team_id) of an object, or None when it has no gemeente."""
    if isinstance(obj, Gemeente):
        return obj.pk, None, None
    if isinstance(obj, Team):
        return obj.gemeente_id, obj.afdeling_id, obj.pk
    gemeente_id = getattr(obj, "gemeente_id", None)
    if gemeente_id is None:
        return None
    team = getattr(obj, "team", None)
    return gemeente_id, getattr(team, "afdeling_id", None), getattr(team, "pk", None)


def bereik_filter(user, perm, prefix=""):
    """A Q selecting objects (with gemeente and team) on which the user's roles grant perm."""
    q = Q(pk__in=[])
    for toewijzing in rol_toewijzingen(user):
        if perm in ROL_RECHTEN[toewijzing.rol]:
            q |= Q(**toewijzing.filter_kwargs(prefix))
    return q


def rol_reikt_tot(user, obj):
    """Whether any of the user's roles reaches the object (whatever that role may do there)."""
    waar = bereik_van(obj)
    return waar is not None and any(t.dekt(*waar) for t in rol_toewijzingen(user))


def rollen_filter(user, prefix=""):
    """A Q selecting the objects any of the user's roles reaches (for delegated records)."""
    q = Q(pk__in=[])
    for toewijzing in rol_toewijzingen(user):
        q |= Q(**toewijzing.filter_kwargs(prefix))
    return q


def gemeenten_voor(user, perm=None):
    """Gemeenten where the user holds any role (or a role granting perm)."""
    ids = {t.gemeente_id for t in rol_toewijzingen(user) if perm is None or perm in ROL_RECHTEN[t.rol]}
    return Gemeente.objects.filter(pk__in=ids)


def teams_voor(user, gemeente, perm):
    """Teams of a gemeente on which the user may act with perm (for form choices)."""
    teams = Team.objects.filter(gemeente=gemeente).select_related("afdeling")
    return teams.filter(pk__in=[t.pk for t in teams if user.has_perm(perm, t)])


def rollen_in(user, gemeente):
    return [Rol(t.rol) for t in rol_toewijzingen(user) if t.gemeente_id == gemeente.pk]


def gebruikers_met_rol(gemeente, *rollen):
    """Active users holding one of these roles in the gemeente (for notifications)."""
    from django.contrib.auth import get_user_model

    ids = RolToewijzing.objects.filter(gemeente=gemeente, rol__in=rollen).values("gebruiker_id")
    return list(get_user_model().objects.filter(pk__in=ids, is_active=True))


def team_van(user, gemeente):
    """The user's team in the gemeente when they hold exactly one team role there, else None."""
    teams = {t.team_id for t in rol_toewijzingen(user) if t.gemeente_id == gemeente.pk and t.team_id}
    return Team.objects.get(pk=teams.pop()) if len(teams) == 1 else None


class Rolhouders:
    """Who holds which role, read once for a whole scan step and then answered from memory.

    `gebruikers_met_rol` costs a query per call; a scan step that asks it per due item costs as many
    queries as there are items. This reads every role of active users in one query, on the first
    question (a step with nothing due reads nothing), and answers every later one without a query.
    """

    def __init__(self):
        self._per_rol = None

    def _laad(self):
        if self._per_rol is None:
            self._per_rol = {}
            for t in RolToewijzing.objects.filter(gebruiker__is_active=True).select_related("gebruiker"):
                for sleutel in ((t.gemeente_id, t.rol), (("team", t.team_id), t.rol)):
                    self._per_rol.setdefault(sleutel, {})[t.gebruiker_id] = t.gebruiker
        return self._per_rol

    def _samen(self, sleutels):
        per_rol = self._laad()
        gebruikers = {pk: user for sleutel in sleutels for pk, user in per_rol.get(sleutel, {}).items()}
        return [gebruikers[pk] for pk in sorted(gebruikers)]

    def met_rol(self, gemeente, *rollen):
        """As `gebruikers_met_rol(gemeente, *rollen)`."""
        gemeente_id = getattr(gemeente, "pk", gemeente)
        return self._samen([(gemeente_id, rol) for rol in rollen])

    def teammanagers(self, team_ids):
        """The active teammanagers of these teams."""
        return self._samen([(("team", team_id), Rol.TEAMMANAGER) for team_id in team_ids])
