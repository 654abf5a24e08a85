"""History of any tracked object as readable lines: who, when, what changed (old -> new), why."""

SOORTEN = {"+": "Aangemaakt", "~": "Gewijzigd", "-": "Verwijderd"}


def _standaard_tekst(veld, waarde):
    if isinstance(waarde, bool):
        return "ja" if waarde else "nee"
    if isinstance(waarde, list):
        return ", ".join(str(w) for w in waarde) or "—"
    return waarde if waarde not in (None, "") else "—"


def historie_regels(obj, *, labels, verborgen=frozenset(), tekst=_standaard_tekst):
    """Newest first. `tekst(veld, waarde)` renders a value; `verborgen` fields are not listed."""
    records = list(obj.history.select_related("history_user").order_by("history_date", "history_id"))
    regels = []
    vorige = None
    for record in records:
        wijzigingen = []
        if vorige is not None:
            wijzigingen = [
                {"veld": labels.get(c.field, c.field), "oud": tekst(c.field, c.old), "nieuw": tekst(c.field, c.new)}
                for c in record.diff_against(vorige).changes
                if c.field not in verborgen
            ]
        regels.append(
            {
                "tijdstip": record.history_date,
                "door": record.history_user,
                "soort": SOORTEN.get(record.history_type, record.history_type),
                "reden": record.history_change_reason or "",
                "wijzigingen": wijzigingen,
            }
        )
        vorige = record
    regels.reverse()
    return regels
