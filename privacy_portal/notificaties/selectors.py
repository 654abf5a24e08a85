"""Reads of the milestones for the deadline scan: filter in SQL what was not reached yet.

`nog_niet_bereikt(Model, mijlpaal)` is a condition on a queryset of Model: no Mijlpaal row exists
yet for the row's uuid and this milestone. `mijlpaal` is a name, or an expression over the outer
row (`OuterRef("naam")` of an annotation), so a scan step loads only the objects whose due
milestone was not recorded, whatever the number of open items. It is a filter in advance: the step
still decides per object what to send, and `herinneringen_versturen` still records each once.
"""

from django.db.models import CharField, Exists, Func, OuterRef, Value
from django.db.models.functions import Cast, Concat

from .models import Mijlpaal


class UuidTekst(Func):
    """A uuid column as the text `str(uuid)` gives, as Mijlpaal.object_id stores it."""

    output_field = CharField()
    template = "CAST(%(expressions)s AS varchar)"

    def as_sqlite(self, compiler, connection, **extra_context):
        # SQLite stores a uuid as 32 hex digits: put the dashes in
        sql, params = compiler.compile(self.source_expressions[0])
        delen = [(1, 8), (9, 4), (13, 4), (17, 4), (21, 12)]
        return " || '-' || ".join(f"substr({sql}, {begin}, {lengte})" for begin, lengte in delen), params * len(delen)


def nog_niet_bereikt(model, mijlpaal, *, uuid_veld="uuid"):
    return ~Exists(
        Mijlpaal.objects.filter(
            object_type=model._meta.label, object_id=UuidTekst(OuterRef(uuid_veld)), mijlpaal=mijlpaal
        )
    )


def mijlpaal_met_datum(voorvoegsel, veld):
    """The milestone name f"{voorvoegsel}{date:%Y-%m-%d}" of a date column, in SQL (a date as text is
    ISO on SQLite and PostgreSQL), to annotate and pass as `OuterRef` to `nog_niet_bereikt`."""
    return Concat(Value(voorvoegsel), Cast(veld, CharField()), output_field=CharField())
