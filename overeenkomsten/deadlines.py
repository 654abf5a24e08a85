"""Dates of an agreement, as pure functions (no database, no clock).

- `volgende_review(startdatum, laatste_review)`: one year after the last review, or after the start
  when there has been no review yet (seed 002: reviewed yearly), via `kalender.plus_jaren`.
- `einde_signaal(einddatum)`: the day the end date comes within three months, the same date three
  months earlier (or that month's last day when it has no such date: 31 May -> 28/29 February).
- `review_escalatie(volgende_review)`: the day an overdue review goes to the FG (30 days late).

Review dates are plain date arithmetic without a working-day shift, like the DPIA re-check.
"""

import calendar
from datetime import date, timedelta

from privacy_portal.core.kalender import plus_jaren

from .constants import EINDE_SIGNAAL_MAANDEN, REVIEW_ESCALATIE_DAGEN


def volgende_review(startdatum: date | None, laatste_review: date | None) -> date | None:
    basis = laatste_review or startdatum
    return plus_jaren(basis, 1) if basis else None


def maanden_eerder(d: date, maanden: int) -> date:
    """The same date `maanden` months before `d`, or that month's last day when it has no such date."""
    jaar, maand0 = divmod(d.year * 12 + (d.month - 1) - maanden, 12)
    return date(jaar, maand0 + 1, min(d.day, calendar.monthrange(jaar, maand0 + 1)[1]))


def einde_signaal(einddatum: date | None) -> date | None:
    return maanden_eerder(einddatum, EINDE_SIGNAAL_MAANDEN) if einddatum else None


def review_escalatie(volgende: date | None) -> date | None:
    return volgende + timedelta(days=REVIEW_ESCALATIE_DAGEN) if volgende else None
