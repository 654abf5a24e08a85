"""Audit of reads, exports and downloads (who, what, when, result)."""

from .models import AuditEvent


def _actor(actor):
    return actor if actor is not None and actor.is_authenticated else None


def audit(*, actor, actie, obj=None, object_type="", object_id="", resultaat="gelukt", herkomst="web"):
    if obj is not None:
        object_type = object_type or obj._meta.label
        object_id = object_id or str(getattr(obj, "uuid", obj.pk))
    AuditEvent.objects.create(
        actor=_actor(actor),
        actie=actie,
        object_type=object_type,
        object_id=object_id,
        resultaat=resultaat,
        herkomst=herkomst,
    )


def audit_lezen(*, actor, objecten, herkomst="web"):
    """One 'inzien' row per object shown (a list read too), in one query."""
    AuditEvent.objects.bulk_create(
        AuditEvent(
            actor=_actor(actor),
            actie=AuditEvent.Actie.INZIEN,
            object_type=obj._meta.label,
            object_id=str(getattr(obj, "uuid", obj.pk)),
            herkomst=herkomst,
        )
        for obj in objecten
    )
