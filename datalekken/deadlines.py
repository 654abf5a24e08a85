"""Datalek deadlines. The 72-hour rule itself is in core.kalender; the reminders follow from the
hours in constants.py and are found by the deadline scan (scan.py)."""

from privacy_portal.core.kalender import meld_deadline

__all__ = ["meld_deadline"]
