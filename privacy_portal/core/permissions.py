"""Server-side permission checks shared by views, API and services."""

from django.core.exceptions import PermissionDenied


def vereis(user, perm, obj=None):
    """Raise PermissionDenied unless the user holds perm (on obj)."""
    if not user.has_perm(perm, obj):
        raise PermissionDenied("U heeft geen toestemming voor deze actie.")
