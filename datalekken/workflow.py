"""The lifecycle of a datalek, as a table; enforced in controleer_overgang."""

from .constants import Status


class OvergangNietToegestaan(Exception):
    pass


OVERGANGEN = {
    "beoordelen": ({Status.GEMELD, Status.IN_BEHANDELING}, Status.IN_BEHANDELING),
    "wijzigen": ({Status.GEMELD, Status.IN_BEHANDELING}, None),
    "melden_ap": ({Status.GEMELD, Status.IN_BEHANDELING, Status.AFGESLOTEN}, None),
    "informeren": ({Status.IN_BEHANDELING, Status.AFGESLOTEN}, None),
    "afsluiten": ({Status.IN_BEHANDELING}, Status.AFGESLOTEN),
    "heropenen": ({Status.AFGESLOTEN}, Status.IN_BEHANDELING),
}


def controleer_overgang(actie, status):
    van, naar = OVERGANGEN[actie]
    if status not in van:
        raise OvergangNietToegestaan(f"Dit kan niet bij een datalek met status '{Status(status).label.lower()}'.")
    return naar or status
