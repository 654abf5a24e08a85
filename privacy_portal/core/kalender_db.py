"""The deadline calendar as stored: extra vrije dagen from the database, and a hook for changes.

`huidige_kalender()` builds a `Kalender` with every `ExtraVrijeDag` (one query). Registers that
store computed deadlines register a callback with `@bij_kalenderwijziging`; whenever an
administrator adds, changes or removes an extra day, every callback is called with the new
Kalender once the transaction commits, so open deadlines can be recomputed. Callbacks must be
idempotent: they run once per saved or deleted day. The signals are connected in
`CoreConfig.ready()`.
"""

from collections.abc import Callable

import structlog
from django.db import transaction
from django.db.models.signals import post_delete, post_save

from .kalender import Kalender
from .models import ExtraVrijeDag

log = structlog.get_logger(__name__)
_TERUGROEPEN: list[Callable[[Kalender], object]] = []


def huidige_kalender() -> Kalender:
    """The Kalender with every extra vrije dag in the database (one query)."""
    return Kalender(dict(ExtraVrijeDag.objects.values_list("datum", "omschrijving")))


def bij_kalenderwijziging(func):
    """Register func(kalender), called after a committed change of the extra vrije dagen."""
    if func not in _TERUGROEPEN:
        _TERUGROEPEN.append(func)
    return func


def kalender_gewijzigd():
    """Call every registered callback with the current Kalender. One failing callback does not stop the others."""
    kalender = huidige_kalender()
    for func in list(_TERUGROEPEN):
        try:
            func(kalender)
        except Exception:
            log.exception("terugroep na kalenderwijziging mislukt", terugroep=f"{func.__module__}.{func.__qualname__}")


def _extra_vrije_dag_gewijzigd(sender, **kwargs):
    transaction.on_commit(kalender_gewijzigd)


def verbind_signalen():
    """Connect the save and delete signals of ExtraVrijeDag (called from CoreConfig.ready)."""
    post_save.connect(
        _extra_vrije_dag_gewijzigd, sender=ExtraVrijeDag, dispatch_uid="kalender_extra_vrije_dag_opgeslagen"
    )
    post_delete.connect(
        _extra_vrije_dag_gewijzigd, sender=ExtraVrijeDag, dispatch_uid="kalender_extra_vrije_dag_verwijderd"
    )
