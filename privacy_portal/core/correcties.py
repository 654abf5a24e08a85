"""Correcting the moment a legal clock starts: kennisname of a datalek (art. 33(1) AVG), receipt of a
request (art. 12(3) AVG).

The start of a clock is never edited. It is corrected, by the role that may (the privacy officer),
with a reason; the record keeps the first recorded moment next to the corrected one and who corrected
it, when and why; the register recomputes its deadline; the history names both moments and the new
deadline; and the reminders of the corrected deadline fire again, also those that already fired for
the old one (`mijlpaal_sleutel`).

A register declares once, on its model, which fields hold the clock start and its correction (the
field names are the register's own; they are part of its API and its letters):

    klokstart = Klokstart(
        moment="kennisname_op",
        oorspronkelijk="kennisname_oorspronkelijk_op",
        gecorrigeerd_op="kennisname_gecorrigeerd_op",
        gecorrigeerd_door="kennisname_gecorrigeerd_door",
        reden="kennisname_correctie_reden",
        recht="datalekken.kennisname_corrigeren_datalek",
        reden_minimum=10,
        reden_tekst="Leg uit waarom kennisname wordt gecorrigeerd (ten minste 10 tekens).",
    )

and its service locks the row and calls `corrigeren`:

    corrigeren(obj, workflow=WORKFLOW, nieuw=..., reden=..., door=..., nu=nu,
               fouten=lambda obj: {...},          # what is wrong with the new moment (register's rules)
               herbereken=lambda obj, oud: "...")  # recompute the deadline; returns the history reason

`corrigeren` checks the permission (`recht`) and the transition (`actie`, default "wijzigen"),
collects every error in one ValidationError (the moment's first, then the reason, then the rest),
records original and corrected, calls `herbereken` and saves with that history reason.
"""

from dataclasses import dataclass
from datetime import UTC, datetime

from django.core.exceptions import ValidationError
from django.db.models import Q

from .permissions import vereis
from .schrijven import opslaan


@dataclass(frozen=True)
class Klokstart:
    """Which fields of a model hold the start of its clock and the correction of it."""

    moment: str
    oorspronkelijk: str
    gecorrigeerd_op: str
    gecorrigeerd_door: str
    reden: str
    recht: str
    reden_tekst: str
    reden_minimum: int = 1
    actie: str = "wijzigen"

    def gecorrigeerd(self, obj):
        """True once the clock start of `obj` has been corrected."""
        return getattr(obj, self.gecorrigeerd_op) is not None and getattr(obj, self.oorspronkelijk) is not None

    def gecorrigeerd_q(self):
        """The same, as a filter."""
        return Q(**{f"{self.oorspronkelijk}__isnull": False, f"{self.gecorrigeerd_op}__isnull": False})

    def reden_fout(self, reden):
        """The message when the reason is missing or too short, else None."""
        return self.reden_tekst if len((reden or "").strip()) < self.reden_minimum else None


def corrigeren(obj, *, workflow, nieuw, reden, door, nu, fouten, herbereken):
    """Correct the clock start of `obj` (a locked row; see the module docstring). Returns `obj`."""
    klok = type(obj).klokstart
    vereis(door, klok.recht, obj)
    workflow.controleer(klok.actie, obj.status)
    reden = (reden or "").strip()
    gevonden = dict(fouten(obj))
    alle = {veld: tekst for veld, tekst in gevonden.items() if veld == klok.moment}
    if klok.reden_fout(reden):
        alle["reden"] = klok.reden_fout(reden)
    alle.update({veld: tekst for veld, tekst in gevonden.items() if veld != klok.moment})
    if alle:
        raise ValidationError(alle)
    oud = getattr(obj, klok.moment)
    if getattr(obj, klok.oorspronkelijk) is None:
        setattr(obj, klok.oorspronkelijk, oud)
    setattr(obj, klok.moment, nieuw)
    setattr(obj, klok.gecorrigeerd_op, nu)
    setattr(obj, klok.gecorrigeerd_door, door)
    setattr(obj, klok.reden, reden)
    opslaan(obj, door=door, reden=herbereken(obj, oud))
    return obj


def mijlpaal_sleutel(naam, termijn, *, gecorrigeerd):
    """The milestone key of reminder `naam` for the deadline `termijn`.

    Before a correction the plain name (so milestones recorded before corrections existed stay
    valid); after one, the name with the corrected deadline in it, so each reminder of the new
    deadline fires once, also when the same reminder fired for the old deadline. A moment deadline
    (the 72 hours) is written in UTC to the minute (`herinnering_24u@20261201T1000Z`), a date
    deadline (a month) as a day (`herinnering_week_20261201`).
    """
    if not gecorrigeerd:
        return naam
    if isinstance(termijn, datetime):
        return f"{naam}@{termijn.astimezone(UTC):%Y%m%dT%H%MZ}"
    return f"{naam}_{termijn:%Y%m%d}"
