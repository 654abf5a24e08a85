"""DPIA dates: pure functions on dates; the counting rules themselves live in core.kalender."""

from datetime import date

from privacy_portal.core.kalender import Kalender, plus_jaren, plus_weken

from .constants import HERCONTROLE_JAREN, RAADPLEGING_VERLENGING_WEKEN, RAADPLEGING_WEKEN


def hercontrole_datum(afgerond_op: date) -> date:
    """The day the short re-check is due: three years after the DPIA was finished (seed 002)."""
    return plus_jaren(afgerond_op, HERCONTROLE_JAREN)


def raadpleging_deadline(ingediend_op: date, kalender: Kalender, *, verlengd: bool = False) -> date:
    """The last day of the AP's answer to a prior consultation (AVG art. 36(2)): 8 weeks, or 8 + 6 when extended."""
    weken = RAADPLEGING_WEKEN + (RAADPLEGING_VERLENGING_WEKEN if verlengd else 0)
    return plus_weken(ingediend_op, weken, kalender)


def is_verlopen(deadline: date | None, vandaag: date) -> bool:
    """A measure is overdue from the day after its due date."""
    return deadline is not None and deadline < vandaag
