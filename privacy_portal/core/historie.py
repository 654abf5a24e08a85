"""History as one capability: every change kept, and shown the same way everywhere.

Every domain model carries django-simple-history's `HistoricalRecords` and `GeschiedenisManager`,
which refuses `update()` and the bulk helpers (they would write without history). A model
declares once how its changes read::

    class Datalek(models.Model):
        historie_weergave = HistorieWeergave(verborgen={"volledigheid"}, keuzes={"soorten": Soort})

Field labels come from `verbose_name`, choice values from the field's choices (or `keuzes` for
lists of codes), related objects are named (one query per related model), dates and times are
written out in Dutch local time. The history page, the API's `/historie` and the PDFs all call
`historie_regels(obj)`; none of them shows a raw id or code.
"""

from datetime import date, datetime

from django.db import models
from django.utils import formats, timezone

SOORTEN = {"+": "Aangemaakt", "~": "Gewijzigd", "-": "Verwijderd"}
LEEG = "—"


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


class HistorieWeergave:
    """How a model's changes read. `verborgen`: fields never listed (internal or derived).
    `keuzes`: field -> TextChoices for fields holding a code or a list of codes without choices
    of their own. `namen`: field -> function(values) -> {value: name}, for values that point at
    objects without being a foreign key (for example a list of ids in a JSON field)."""

    def __init__(self, *, verborgen=(), keuzes=None, namen=None):
        self.verborgen = frozenset(verborgen)
        self.keuzes = {veld: dict(keuze.choices) for veld, keuze in (keuzes or {}).items()}
        self.namen = namen or {}


STANDAARD = HistorieWeergave()


def weergave_van(model):
    return getattr(model, "historie_weergave", STANDAARD)


def _waarden_in(waarde):
    return waarde if isinstance(waarde, list) else [waarde]


class _Vertaler:
    """Turns stored values into text for one model, naming related objects in bulk."""

    def __init__(self, model, weergave, records, velden):
        self.weergave = weergave
        self.velden = {f.name: f for f in model._meta.fields}
        self.namen = {}
        for veld in velden:
            gebruikt = {
                w
                for r in records
                for w in _waarden_in(getattr(r, self._kolom(veld), None))
                if isinstance(w, (int, str)) and w != ""
            }
            if not gebruikt:
                continue
            if veld in weergave.namen:
                self.namen[veld] = weergave.namen[veld](gebruikt)
                continue
            field = self.velden.get(veld)
            if field is not None and field.is_relation and field.related_model is not None:
                doel = field.related_model
                self.namen[veld] = {o.pk: str(o) for o in doel._base_manager.filter(pk__in=gebruikt)}

    def _kolom(self, veld):
        field = self.velden.get(veld)
        return field.attname if field is not None else veld

    def label(self, veld):
        field = self.velden.get(veld)
        return str(field.verbose_name) if field is not None else veld.replace("_", " ")

    def een(self, veld, waarde):
        if waarde is None or waarde == "":
            return LEEG
        if veld in self.namen and isinstance(waarde, (int, str)):
            return str(self.namen[veld].get(waarde, "(verwijderd)"))
        if isinstance(waarde, bool):
            return "ja" if waarde else "nee"
        if isinstance(waarde, datetime):
            return formats.date_format(timezone.localtime(waarde), "j F Y H:i")
        if isinstance(waarde, date):
            return formats.date_format(waarde, "j F Y")
        keuzes = self.weergave.keuzes.get(veld)
        if keuzes is None:
            field = self.velden.get(veld)
            keuzes = dict(field.flatchoices) if field is not None and field.choices else None
        if keuzes is not None:
            return str(keuzes.get(waarde, waarde))
        if isinstance(waarde, dict):
            return ", ".join(f"{k}: {self.een(veld, v)}" for k, v in waarde.items()) or LEEG
        return str(waarde)

    def tekst(self, veld, waarde):
        if isinstance(waarde, list):
            return ", ".join(self.een(veld, w) for w in waarde) or LEEG
        return self.een(veld, waarde)


def _gebeurtenis(soort, reden):
    """One text for a line: the reason, or the kind of change when there is none (never twice)."""
    if not reden or reden == soort:
        return soort
    return reden if soort == "Gewijzigd" else f"{soort}: {reden}"


def historie_regels(obj):
    """The history of one tracked object, newest first: who, when, what changed (old -> new), why.

    Each line: tijdstip, door (user or None), soort, reden, gebeurtenis (the reason, or the kind
    of change when there is none), wijzigingen [{veld, oud, nieuw}] in words.
    """
    model = type(obj)
    weergave = weergave_van(model)
    records = list(obj.history.select_related("history_user").order_by("history_date", "history_id"))
    paren = []
    vorige = None
    for record in records:
        changes = record.diff_against(vorige).changes if vorige is not None else []
        paren.append((record, [c for c in changes if c.field not in weergave.verborgen]))
        vorige = record
    velden = {c.field for _, changes in paren for c in changes}
    vertaler = _Vertaler(model, weergave, records, velden)
    regels = []
    for record, changes in paren:
        soort = SOORTEN.get(record.history_type, record.history_type)
        reden = record.history_change_reason or ""
        regels.append(
            {
                "versie": record.history_id,
                "tijdstip": record.history_date,
                "door": record.history_user,
                "soort": soort,
                "reden": reden,
                "gebeurtenis": _gebeurtenis(soort, reden),
                "wijzigingen": [
                    {
                        "veld": vertaler.label(c.field),
                        "oud": vertaler.tekst(c.field, c.old),
                        "nieuw": vertaler.tekst(c.field, c.new),
                    }
                    for c in changes
                ],
            }
        )
    regels.reverse()
    return regels


def historie_samengevoegd(*objecten):
    """The lines of several tracked objects (a record and its parts), newest first."""
    regels = [regel for obj in objecten for regel in historie_regels(obj)]
    return sorted(regels, key=lambda r: r["tijdstip"], reverse=True)


def historie_als_data(regels):
    """The lines as plain data for the API (`/historie`) and exports."""
    return [
        {
            "tijdstip": timezone.localtime(regel["tijdstip"]).isoformat(),
            "door": regel["door"].username if regel["door"] else None,
            "soort": regel["soort"],
            "reden": regel["reden"],
            "wijzigingen": regel["wijzigingen"],
        }
        for regel in regels
    ]
