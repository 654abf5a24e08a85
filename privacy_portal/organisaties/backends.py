"""Permission backends: roles from the RASCI table, and delegated single records (django-guardian)."""

from django.contrib.auth.backends import ModelBackend
from guardian.backends import ObjectPermissionBackend
from guardian.exceptions import WrongAppError

from .rollen import ROL_RECHTEN
from .selectors import bereik_van, rol_reikt_tot, rol_toewijzingen


class GebruikerBackend(ModelBackend):
    """Django's own backend (password login, users' and groups' permissions), except that it does not
    give a superuser the registers' permissions: those come from roles only (see beheerder.py)."""

    def has_perm(self, user_obj, perm, obj=None):
        from .beheerder import is_registerrecht

        if is_registerrecht(perm):
            return False
        return super().has_perm(user_obj, perm, obj)


class RolBackend:
    def authenticate(self, request, **credentials):
        return None

    def get_user(self, user_id):
        return None

    def has_perm(self, user_obj, perm, obj=None):
        if not user_obj.is_active or user_obj.is_anonymous:
            return False
        if obj is None:
            return any(perm in ROL_RECHTEN[t.rol] for t in rol_toewijzingen(user_obj))
        waar = bereik_van(obj)
        if waar is None:
            return False
        return any(perm in ROL_RECHTEN[t.rol] and t.dekt(*waar) for t in rol_toewijzingen(user_obj))

    def has_module_perms(self, user_obj, app_label):
        return False


class DelegatieBackend(ObjectPermissionBackend):
    """Guardian's object permissions (a delegated record), answering False (not an error) for a perm
    of another app.

    A delegation lasts only as long as the delegate's role: it counts while one of their roles
    still reaches the record (its gemeente and team). Whose roles there were removed, or who moved
    to another team or gemeente, no longer reads or edits the record, checked at every use.
    """

    def has_perm(self, user_obj, perm, obj=None):
        if obj is None or not user_obj.is_active or user_obj.is_anonymous:
            return False
        try:
            toegekend = super().has_perm(user_obj, perm, obj)
        except WrongAppError:
            return False
        return toegekend and rol_reikt_tot(user_obj, obj)
