"""The checklist of required content per kind of agreement (pure functions, no database).

`aangevinkt` is the list of clause codes ticked for one agreement; codes of another kind are ignored.
"""

from .constants import CLAUSULES


def clausules_voor(soort) -> list[tuple[str, str]]:
    """[(code, label)] of the required content of this kind, in checklist order."""
    return list(CLAUSULES.get(soort, []))


def geldige_codes(soort, aangevinkt) -> list[str]:
    """The ticked codes that belong to this kind, in checklist order, without duplicates."""
    gekozen = set(aangevinkt or [])
    return [code for code, _ in clausules_voor(soort) if code in gekozen]


def ontbrekende_clausules(soort, aangevinkt) -> list[str]:
    """Codes of the required clauses that are not ticked."""
    gekozen = set(aangevinkt or [])
    return [code for code, _ in clausules_voor(soort) if code not in gekozen]


def labels(soort, codes) -> list[str]:
    namen = dict(clausules_voor(soort))
    return [namen.get(code, code) for code in codes]


def volledigheid_percentage(soort, aangevinkt) -> int:
    """The share of required clauses that is ticked, 0-100."""
    totaal = len(clausules_voor(soort))
    if not totaal:
        return 100
    return round(100 * (totaal - len(ontbrekende_clausules(soort, aangevinkt))) / totaal)
