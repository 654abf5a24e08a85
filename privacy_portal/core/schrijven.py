"""The one write path of every register: permission, row lock, transition, version check, save.

A service of any register reads::

    @transaction.atomic
    def datalek_afsluiten(*, datalek, door, versie=None):
        datalek = vergrendel(datalek, versie=versie)
        vereis(door, "datalekken.afsluiten_datalek", datalek)
        datalek.status = WORKFLOW.controleer("afsluiten", datalek.status)
        ...
        opslaan(datalek, door=door, reden="Afgesloten")

`versie` is the version the user saw when the form or page was opened (`versie_van(obj)`, the
id of the object's newest history row, sent along as a hidden field or an `If-Match` header). When
someone else saved the object since, `vergrendel` raises `VersieConflict` with the changes made in
between, so a stale edit never silently reverts another person's work and an approval never
approves a text nobody reviewed. Pages show the conflict with those changes; the API answers 409.
"""

from .historie import historie_regels


class VersieConflict(Exception):
    """The object changed after the user opened it. `wijzigingen`: history lines since then."""

    def __init__(self, obj, wijzigingen):
        self.obj = obj
        self.wijzigingen = wijzigingen
        wie = ", ".join(
            sorted({(r["door"].get_full_name() or r["door"].username) if r["door"] else "systeem" for r in wijzigingen})
        )
        super().__init__(
            f"Iemand anders ({wie}) heeft dit intussen gewijzigd. Bekijk de wijzigingen en probeer het opnieuw."
        )


def versie_van(obj):
    """The current version of a tracked object: the id of its newest history row (0 if none)."""
    if obj is None or obj.pk is None:
        return 0
    return obj.history.order_by("-history_id").values_list("history_id", flat=True).first() or 0


def lees_versie(waarde):
    """A version as sent by a form or an If-Match header ('"12"', 'W/"12"', '12'); None if absent."""
    if waarde in (None, ""):
        return None
    tekst = str(waarde).strip().removeprefix("W/").strip('"')
    try:
        return int(tekst)
    except ValueError:
        return -1  # unreadable: never equal to a real version, so it is a conflict


def controleer_versie(obj, versie):
    """Raise VersieConflict when `versie` is given and the object has changed since."""
    if versie is None:
        return
    huidig = versie_van(obj)
    if huidig == versie:
        return
    wijzigingen = [r for r in historie_regels(obj) if r["versie"] > versie] if versie >= 0 else []
    raise VersieConflict(obj, wijzigingen or historie_regels(obj)[:1])


def vergrendel(obj, *, versie=None, related=()):
    """Lock the object's row for this transaction, reload it, and check the version the user saw."""
    model = type(obj)
    qs = model._base_manager.select_for_update(of=("self",))
    if related:
        qs = qs.select_related(*related)
    vers = qs.get(pk=obj.pk)
    controleer_versie(vers, versie)
    return vers


def opslaan(obj, *, door, reden, **kwargs):
    """Save with the acting user and the reason in the history."""
    obj._change_reason = reden
    obj._history_user = door
    obj.save(**kwargs)
    return obj
