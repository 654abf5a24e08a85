"""The technical superuser (the beheerder) manages users, roles and settings, not a gemeente's data.

Django's `User.has_perm` answers True to every question for an active superuser before any
permission backend is asked. For the permissions of the registers (every app with a register
declaration, and every permission in the role table) that short cut is switched off here: the
beheerder then has exactly the rights of the roles they hold, which is none unless a gemeente
gave them one. So the beheerder does not read requesters' personal data, datalekken or other
register contents, and does not approve, publish or otherwise act in a gemeente's workflow;
selectors filter with the same roles (`bereik_filter`), so lists and pages show nothing either.
For everything else (users, roles, organisations, extra holidays, a gemeente's house style, axes,
tokens) the superuser keeps Django's short cut.
"""

from functools import lru_cache

from django.apps import apps
from django.contrib.auth.models import _user_has_perm

from .rollen import RECHTEN


@lru_cache(maxsize=1)
def register_apps():
    """The apps that hold a gemeente's register contents. The kernel also declares itself (for the
    audit log's menu entry) but holds installation settings such as the extra holidays; its
    gemeente-facing permissions (the audit log) are in the role table and stay register rights."""
    return frozenset(
        config.label
        for config in apps.get_app_configs()
        if getattr(config, "register", None) and config.label != "core"
    )


def is_registerrecht(perm):
    """Whether `perm` ("app_label.codename") is about a register's contents or workflow: every
    permission of the role table, and every permission on a model of a register app, except a
    model that is an installation setting (`beheerinstelling = True`, such as a gemeente's house style)."""
    if perm in RECHTEN:
        return True
    app_label, _, codename = perm.partition(".")
    if app_label not in register_apps():
        return False
    try:
        model = apps.get_model(app_label, codename.split("_", 1)[-1])
    except LookupError:
        return True
    return not getattr(model, "beheerinstelling", False)


def has_perm(self, perm, obj=None):
    if self.is_active and self.is_superuser and not is_registerrecht(perm):
        return True
    return _user_has_perm(self, perm, obj)


def zonder_superuser_kortsluiting():
    """Replace the superuser short cut on the user model (called once from the app's ready())."""
    from django.contrib.auth import get_user_model

    get_user_model().has_perm = has_perm
