"""Completeness of a verwerking: which required fields are missing (pure functions).

`inhoud` is a model instance or a dict of field values (a form's or serializer's cleaned data).
"""

from .constants import VERPLICHTE_VELDEN, Grondslag


def _waarde(inhoud, veld):
    if isinstance(inhoud, dict):
        return inhoud.get(veld)
    if veld == "verwerkingsverantwoordelijke":
        return inhoud.verwerkingsverantwoordelijke_id
    return getattr(inhoud, veld, None)


def _leeg(waarde):
    if isinstance(waarde, str):
        return not waarde.strip()
    if isinstance(waarde, (list, tuple)):
        return not waarde
    return waarde is None


def ontbrekende_velden(inhoud) -> list[str]:
    """Names of the required fields that are still empty."""
    ontbrekend = [veld for veld in VERPLICHTE_VELDEN if _leeg(_waarde(inhoud, veld))]
    if _waarde(inhoud, "doorgifte_buiten_eer") and _leeg(_waarde(inhoud, "doorgifte_waarborgen")):
        ontbrekend.append("doorgifte_waarborgen")
    return ontbrekend


def volledigheid_percentage(inhoud) -> int:
    totaal = len(VERPLICHTE_VELDEN) + (1 if _waarde(inhoud, "doorgifte_buiten_eer") else 0)
    return round(100 * (totaal - len(ontbrekende_velden(inhoud))) / totaal)


def waarschuwingen(inhoud) -> list[str]:
    """Warnings that do not block saving, in plain Dutch."""
    meldingen = []
    if Grondslag.F in (_waarde(inhoud, "grondslagen") or []):
        meldingen.append(
            "Grondslag f (gerechtvaardigd belang) mag een overheid niet gebruiken voor haar publieke taken "
            "(AVG art. 6 lid 1, laatste alinea). Kies zo nodig grondslag c of e."
        )
    if _waarde(inhoud, "bijzondere_categorieen") and _waarde(inhoud, "dpia_status") in ("onbekend", None):
        meldingen.append("Deze verwerking bevat bijzondere persoonsgegevens: beoordeel of een DPIA nodig is.")
    return meldingen
