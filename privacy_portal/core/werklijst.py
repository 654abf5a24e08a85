"""The work list: what waits for this person, from every register, most urgent first.

A register offers its items through its declaration (`Register.werklijst`, a function
`(user, nu) -> list[WerkItem]`): the items that wait for this user or their team, read through the
register's own selectors, so the user's scope applies. The home page of every role shows the
list ("Wat moet ik nu doen").
"""

from dataclasses import dataclass
from datetime import date, datetime, time

from django.utils import timezone
from django.utils.module_loading import import_string

from .registers import registers


@dataclass(frozen=True)
class WerkItem:
    register: str  # "Datalekken"
    titel: str  # what it is about, as the user may see it
    actie: str  # what to do: "Beoordeel het risico"
    link: str  # the page where the user acts
    deadline: datetime | date | None = None
    toelichting: str = ""

    @property
    def moment(self):
        """The deadline as an aware moment (a date counts until the end of that day)."""
        if self.deadline is None or isinstance(self.deadline, datetime):
            return self.deadline
        return timezone.make_aware(datetime.combine(self.deadline, time(23, 59, 59)))

    def te_laat(self, nu):
        return self.moment is not None and self.moment < nu


def werk_voor(user, nu=None):
    """Every item that waits for this user, with a deadline first (earliest first), then the rest."""
    nu = nu or timezone.now()
    items = [item for r in registers() if r.werklijst for item in import_string(r.werklijst)(user, nu)]
    return sorted(items, key=lambda i: (i.moment is None, i.moment or nu, i.register, i.titel))
