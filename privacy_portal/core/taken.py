"""Putting background work in the queue without making the user's request depend on the broker.

The record that asks for the work (a report, a notification, an import) is saved first; the task
is queued after the commit. When Redis cannot be reached, the request still succeeds and says
what is true ("in de wachtrij"): the deadline scan finds work that waited too long and queues it
again. So a broker outage delays work; it never loses it and never shows a 500 for saved data.
"""

import structlog
from django.db import transaction

log = structlog.get_logger(__name__)

# One quick retry for a blip; a broker that is down must not hold the user's request for seconds.
SNEL_OPGEVEN = {"max_retries": 1, "interval_start": 0, "interval_step": 0.2, "interval_max": 0.2}


def in_wachtrij(taak, *args) -> bool:
    """Queue `taak` now; False (and a warning without personal data) when the broker is unreachable."""
    try:
        taak.apply_async(args, retry=True, retry_policy=SNEL_OPGEVEN)
    except Exception:  # kombu/redis connection errors differ per transport; all mean "not queued now"
        log.warning("taak niet in de wachtrij gezet", taak=taak.name, exc_info=True)
        return False
    return True


def in_wachtrij_na_commit(taak, *args) -> None:
    """Queue `taak` once the current transaction commits (see `in_wachtrij`)."""
    transaction.on_commit(lambda: in_wachtrij(taak, *args))
