"""The history of a verwerking as readable lines: who, when, what changed (old -> new), why."""

from privacy_portal.organisaties.models import Team, Verwerkingsverantwoordelijke

from .constants import BijzondereCategorie, DpiaStatus, Grondslag, Status
from .models import Verwerking

VERBORGEN = {"volledigheid", "gepubliceerde_versie", "aangemaakt_op"}
KEUZES = {
    "status": dict(Status.choices),
    "dpia_status": dict(DpiaStatus.choices),
    "grondslagen": dict(Grondslag.choices),
    "bijzondere_categorieen": dict(BijzondereCategorie.choices),
}
LABELS = {f.name: str(f.verbose_name) for f in Verwerking._meta.fields}


def _tekst(veld, waarde, namen):
    if veld in namen:
        return namen[veld].get(waarde, "—")
    if isinstance(waarde, bool):
        return "ja" if waarde else "nee"
    if isinstance(waarde, list):
        return ", ".join(KEUZES.get(veld, {}).get(w, w) for w in waarde) or "—"
    if veld in KEUZES:
        return KEUZES[veld].get(waarde, waarde)
    return waarde if waarde not in (None, "") else "—"


def historie_van(verwerking):
    records = list(verwerking.history.select_related("history_user").order_by("history_date", "history_id"))
    namen = {
        "team": dict(Team.objects.filter(gemeente=verwerking.gemeente_id).values_list("pk", "naam")),
        "verwerkingsverantwoordelijke": dict(
            Verwerkingsverantwoordelijke.objects.filter(gemeente=verwerking.gemeente_id).values_list("pk", "naam")
        ),
    }
    regels = []
    vorige = None
    for record in records:
        wijzigingen = []
        if vorige is not None:
            delta = record.diff_against(vorige)
            wijzigingen = [
                {
                    "veld": LABELS.get(change.field, change.field),
                    "oud": _tekst(change.field, change.old, namen),
                    "nieuw": _tekst(change.field, change.new, namen),
                }
                for change in delta.changes
                if change.field not in VERBORGEN
            ]
        regels.append(
            {
                "tijdstip": record.history_date,
                "door": record.history_user,
                "soort": record.get_history_type_display(),
                "reden": record.history_change_reason or "",
                "wijzigingen": wijzigingen,
            }
        )
        vorige = record
    regels.reverse()
    return regels
