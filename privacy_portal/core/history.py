"""History that cannot be bypassed.

Every domain model carries django-simple-history's HistoricalRecords. QuerySet.update() and the
bulk helpers write rows without history, so tracked models use GeschiedenisManager, which
refuses them.
"""

from django.db import models


class HistoryBypassError(RuntimeError):
    """A write that would leave no trace in the history was attempted."""


class GeschiedenisQuerySet(models.QuerySet):
    def _weiger(self, *args, **kwargs):
        raise HistoryBypassError(
            f"{self.model.__name__}: bulk writes skip the history; save each object through its service."
        )

    update = _weiger
    bulk_create = _weiger
    bulk_update = _weiger


GeschiedenisManager = models.Manager.from_queryset(GeschiedenisQuerySet)
