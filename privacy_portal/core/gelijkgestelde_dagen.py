"""Days put on a par with a public holiday by Royal Decree (Algemene termijnenwet art. 3(3)).

The government decrees these days about once every three years and publishes the decree in the
Staatscourant. They ship with the portal as data, each with the name of its decree as source, so
every `Kalender` counts them without an administrator having to enter them. Decrees taken after
this list was made are entered by an administrator as `ExtraVrijeDag` (with the decree's name as
omschrijving); adding one there recomputes open deadlines (`kalender_db.bij_kalenderwijziging`).

To add a decree here: one `Besluit` with its exact title and its dates, and a release note. Open
deadlines are not recomputed by a release; enter the days as `ExtraVrijeDag` first when open
deadlines may fall on them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from types import MappingProxyType


@dataclass(frozen=True)
class Besluit:
    """A decree under Atw art. 3(3): its title (the source) and the days with what each one is."""

    titel: str
    dagen: tuple[tuple[date, str], ...]


BESLUITEN: tuple[Besluit, ...] = (
    Besluit(
        titel=(
            "Besluit gelijkstelling van 28 april 2023, 19 mei 2023, 10 mei 2024, 27 december 2024 "
            "en 30 mei 2025 met een algemeen erkende feestdag"
        ),
        dagen=(
            (date(2023, 4, 28), "Vrijdag na Koningsdag"),
            (date(2023, 5, 19), "Vrijdag na Hemelvaartsdag"),
            (date(2024, 5, 10), "Vrijdag na Hemelvaartsdag"),
            (date(2024, 12, 27), "Vrijdag na Kerstmis"),
            (date(2025, 5, 30), "Vrijdag na Hemelvaartsdag"),
        ),
    ),
    Besluit(
        titel=(
            "Besluit gelijkstelling van 2 januari 2026, 15 mei 2026, 7 mei 2027, 28 april 2028 "
            "en 26 mei 2028 met een algemeen erkende feestdag"
        ),
        dagen=(
            (date(2026, 1, 2), "Vrijdag na Nieuwjaarsdag"),
            (date(2026, 5, 15), "Vrijdag na Hemelvaartsdag"),
            (date(2027, 5, 7), "Vrijdag na Hemelvaartsdag"),
            (date(2028, 4, 28), "Vrijdag na Koningsdag"),
            (date(2028, 5, 26), "Vrijdag na Hemelvaartsdag"),
        ),
    ),
)

GELIJKGESTELDE_DAGEN: MappingProxyType = MappingProxyType(
    {
        dag: f"{wat}, gelijkgesteld met een feestdag ({besluit.titel})"
        for besluit in BESLUITEN
        for dag, wat in besluit.dagen
    }
)
"""Every decreed day -> what it is and its source, e.g. 'Vrijdag na Hemelvaartsdag, gelijkgesteld ... (Besluit ...)'."""


def bron(d: date) -> str | None:
    """The title of the decree that put `d` on a par with a holiday, or None."""
    for besluit in BESLUITEN:
        if any(dag == d for dag, _ in besluit.dagen):
            return besluit.titel
    return None
