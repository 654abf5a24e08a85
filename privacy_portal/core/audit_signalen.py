"""Logins and changes of access, into the audit log.

- Django's auth signals: every login, failed login and logout (the local login, OIDC and the
  second factor send the same signals). A failed login names the account only when it exists; the
  typed text is never stored (it may be a password typed in the wrong field).
- Every change of access: a role assigned or removed (`RolToewijzing`), a record delegated or the
  delegation withdrawn (django-guardian's object permissions), group membership and direct
  permissions, and the superuser, staff and active flags of an account.

The actor is the user of the request being served (`audit.huidig_verzoek()`); from the command line
there is none and the row says `opdrachtregel`.
"""

from django.apps import apps
from django.contrib.auth import get_user_model, user_logged_in, user_logged_out, user_login_failed
from django.core.exceptions import ObjectDoesNotExist
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_save

from .audit import audit, huidig_verzoek
from .models import AuditEvent

Actie = AuditEvent.Actie


def _huidige_gebruiker():
    verzoek = huidig_verzoek()
    return getattr(verzoek, "user", None) if verzoek is not None else None


# --- logins --------------------------------------------------------------------------------------


def ingelogd(sender, request, user, **kwargs):
    audit(actor=user, actie=Actie.INLOGGEN, object_type="auth.User", object_id=str(user.pk), request=request)


def uitgelogd(sender, request, user, **kwargs):
    if user is None:
        return
    audit(actor=user, actie=Actie.UITLOGGEN, object_type="auth.User", object_id=str(user.pk), request=request)


def inloggen_mislukt(sender, credentials, request=None, **kwargs):
    User = get_user_model()
    naam = credentials.get(User.USERNAME_FIELD) or credentials.get("username") or ""
    gebruiker = User.objects.filter(**{User.USERNAME_FIELD: naam}).first() if naam else None
    audit(
        actor=None,
        actie=Actie.INLOGGEN_MISLUKT,
        object_type="auth.User",
        object_id=str(gebruiker.pk) if gebruiker else "",
        resultaat="mislukt" if gebruiker else "mislukt: onbekende gebruikersnaam",
        request=request,
    )


# --- access --------------------------------------------------------------------------------------


def rol_opgeslagen(sender, instance, created, raw=False, **kwargs):
    if raw:
        return
    audit(
        actor=_huidige_gebruiker(),
        actie=Actie.RECHT_TOEGEKEND,
        obj=instance,
        object_id=str(instance.pk),
        resultaat="rol toegekend" if created else "rol gewijzigd",
        details=_rol(instance),
    )


def rol_verwijderd(sender, instance, **kwargs):
    audit(
        actor=_huidige_gebruiker(),
        actie=Actie.RECHT_INGETROKKEN,
        obj=instance,
        object_id=str(instance.pk),
        resultaat="rol ingetrokken",
        details=_rol(instance),
    )


def _rol(toewijzing):
    return {
        "gebruiker": toewijzing.gebruiker_id,
        "rol": toewijzing.rol,
        "afdeling": toewijzing.afdeling_id,
        "team": toewijzing.team_id,
    }


def _objectrecht(instance, actie, resultaat):
    """A delegation (a permission on one record) granted or withdrawn."""
    try:
        doel = instance.content_object
    except ObjectDoesNotExist:
        doel = None
    houder = (
        {"gebruiker": instance.user_id}
        if hasattr(instance, "user_id")
        else {"groep": getattr(instance, "group_id", None)}
    )
    audit(
        actor=_huidige_gebruiker(),
        actie=actie,
        object_type=doel._meta.label if doel is not None else instance._meta.label,
        object_id=str(
            getattr(doel, "uuid", None) or getattr(instance, "object_pk", None) or instance.content_object_id
        ),
        gemeente=getattr(doel, "gemeente_id", None),
        resultaat=resultaat,
        details={**houder, "recht": instance.permission.codename},
    )


def objectrecht_opgeslagen(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        _objectrecht(instance, Actie.RECHT_TOEGEKEND, "gedelegeerd")


def objectrecht_verwijderd(sender, instance, **kwargs):
    _objectrecht(instance, Actie.RECHT_INGETROKKEN, "delegatie ingetrokken")


def lidmaatschap_gewijzigd(sender, instance, action, pk_set, model, reverse, **kwargs):
    """Groups of a user, or direct permissions of a user or a group, added or removed."""
    if action not in ("post_add", "post_remove") or not pk_set:
        return
    audit(
        actor=_huidige_gebruiker(),
        actie=Actie.RECHT_TOEGEKEND if action == "post_add" else Actie.RECHT_INGETROKKEN,
        object_type=instance._meta.label,
        object_id=str(instance.pk),
        resultaat=f"{model._meta.verbose_name_plural} {'toegevoegd' if action == 'post_add' else 'verwijderd'}",
        details={model._meta.model_name: sorted(pk_set)},
    )


VLAGGEN = ("is_superuser", "is_staff", "is_active")


def gebruiker_voor_opslaan(sender, instance, update_fields=None, raw=False, **kwargs):
    if raw or instance.pk is None or (update_fields and not set(update_fields) & set(VLAGGEN)):
        return
    oud = sender.objects.filter(pk=instance.pk).values(*VLAGGEN).first()
    instance._audit_vlaggen = oud


def gebruiker_opgeslagen(sender, instance, created, raw=False, **kwargs):
    oud = getattr(instance, "_audit_vlaggen", None)
    instance._audit_vlaggen = None
    nieuw = {vlag: getattr(instance, vlag) for vlag in VLAGGEN}
    if raw or (oud is None and not created):
        return
    oud = oud or dict.fromkeys(VLAGGEN, False)
    gewijzigd = {vlag: nieuw[vlag] for vlag in VLAGGEN if oud[vlag] != nieuw[vlag]}
    if not gewijzigd:
        return
    aan = any(gewijzigd.values())
    audit(
        actor=_huidige_gebruiker(),
        actie=Actie.RECHT_TOEGEKEND if aan else Actie.RECHT_INGETROKKEN,
        object_type=instance._meta.label,
        object_id=str(instance.pk),
        resultaat="account aangemaakt" if created else "account gewijzigd",
        details=gewijzigd,
    )


def verbind():
    from guardian.models import GroupObjectPermissionBase, UserObjectPermissionBase

    user_logged_in.connect(ingelogd, dispatch_uid="audit_ingelogd")
    user_logged_out.connect(uitgelogd, dispatch_uid="audit_uitgelogd")
    user_login_failed.connect(inloggen_mislukt, dispatch_uid="audit_inloggen_mislukt")

    RolToewijzing = apps.get_model("organisaties", "RolToewijzing")
    post_save.connect(rol_opgeslagen, sender=RolToewijzing, dispatch_uid="audit_rol_opgeslagen")
    post_delete.connect(rol_verwijderd, sender=RolToewijzing, dispatch_uid="audit_rol_verwijderd")
    for model in apps.get_models():
        if issubclass(model, UserObjectPermissionBase | GroupObjectPermissionBase):
            post_save.connect(
                objectrecht_opgeslagen, sender=model, dispatch_uid=f"audit_objectrecht_{model._meta.label}"
            )
            post_delete.connect(
                objectrecht_verwijderd, sender=model, dispatch_uid=f"audit_objectrecht_w_{model._meta.label}"
            )

    User = get_user_model()
    Group = apps.get_model("auth", "Group")
    for through in (User.groups.through, User.user_permissions.through, Group.permissions.through):
        m2m_changed.connect(lidmaatschap_gewijzigd, sender=through, dispatch_uid=f"audit_m2m_{through._meta.label}")
    pre_save.connect(gebruiker_voor_opslaan, sender=User, dispatch_uid="audit_gebruiker_voor")
    post_save.connect(gebruiker_opgeslagen, sender=User, dispatch_uid="audit_gebruiker_na")
