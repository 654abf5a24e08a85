"""Audit of reads, exports and downloads (who, what, when, result)."""

from .models import AuditEvent


def audit(*, actor, actie, obj=None, object_type="", object_id="", resultaat="gelukt", herkomst="web"):
    if obj is not None:
        object_type = object_type or obj._meta.label
        object_id = object_id or str(getattr(obj, "uuid", obj.pk))
    AuditEvent.objects.create(
        actor=actor if actor is not None and actor.is_authenticated else None,
        actie=actie,
        object_type=object_type,
        object_id=object_id,
        resultaat=resultaat,
        herkomst=herkomst,
    )
