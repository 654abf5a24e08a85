"""Deadlines of a verzoek: pure functions on dates. The month arithmetic itself is in core.kalender.

- `deadlines(ontvangen_op, kalender)`: (deadline, extended deadline) for a receipt date.
- `mag_verlengen(deadline, vandaag)`: an extension is allowed within the first month (art. 12(3)
  AVG): up to and including the original deadline, its last day.
- `herinnering_data(termijn, kalender)`: the days of the reminders (one week and two working days before).
- `dagen_over(termijn, vandaag)`: calendar days left (negative when passed).

Asking the requester for more information on their identity (art. 12(6)) does not suspend the
period: DOMAIN.md says nothing about suspending, so the deadline stays receipt + 1 month.
"""

from datetime import date, timedelta

from privacy_portal.core.kalender import Kalender, antwoord_deadline

from .constants import HERINNERING_DAGEN, HERINNERING_WERKDAGEN


def deadlines(ontvangen_op: date, kalender: Kalender) -> tuple[date, date]:
    """(receipt + 1 month, receipt + 3 months), each on a working day (DOMAIN Decision for the second)."""
    return antwoord_deadline(ontvangen_op, kalender, maanden=1), antwoord_deadline(ontvangen_op, kalender, maanden=3)


def mag_verlengen(deadline: date, vandaag: date) -> bool:
    """True up to and including the original deadline, the last day of the first month."""
    return vandaag <= deadline


def herinnering_data(termijn: date, kalender: Kalender) -> dict[str, date]:
    """Milestone name -> the first day its reminder is due."""
    return {
        "herinnering_week": termijn - timedelta(days=HERINNERING_DAGEN),
        "herinnering_werkdagen": kalender.werkdagen_terug(termijn, HERINNERING_WERKDAGEN),
    }


def verstreken(termijn: date, vandaag: date) -> bool:
    """The deadline is the last day: it has passed from the next day on."""
    return vandaag > termijn


def dagen_over(termijn: date, vandaag: date) -> int:
    return (termijn - vandaag).days
