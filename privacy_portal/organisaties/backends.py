"""Permission backends: roles from the RASCI table, and delegated single records (django-guardian)."""

from guardian.backends import ObjectPermissionBackend
from guardian.exceptions import WrongAppError

from .rollen import ROL_RECHTEN
from .selectors import bereik_van, rol_toewijzingen


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
    """Guardian's object permissions, answering False (not an error) for a perm of another app."""

    def has_perm(self, user_obj, perm, obj=None):
        try:
            return super().has_perm(user_obj, perm, obj)
        except WrongAppError:
            return False
