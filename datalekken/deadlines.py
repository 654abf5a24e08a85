"""Datalek milestones: pure functions on aware datetimes. The 72-hour rule itself is in core.kalender."""

from datetime import datetime, timedelta

from privacy_portal.core.kalender import meld_deadline

from .constants import HERINNERING_UREN, RISICO_ONTBREEKT_UREN


def herinnering_momenten(kennisname_op: datetime) -> dict[str, datetime]:
    """Milestone name -> moment, for the reminders to the privacy officers."""
    momenten = {f"herinnering_{uren}u": kennisname_op + timedelta(hours=uren) for uren in HERINNERING_UREN}
    momenten["termijn_verstreken"] = meld_deadline(kennisname_op)
    return momenten


def risico_herinnering_moment(gemeld_op: datetime) -> datetime:
    return gemeld_op + timedelta(hours=RISICO_ONTBREEKT_UREN)


def tijd_over(deadline: datetime, nu: datetime) -> timedelta:
    return deadline - nu
