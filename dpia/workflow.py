"""The lifecycle of a pre-scan and DPIA, as a table; enforced in controleer_overgang.

prescan -> niet_nodig | in_uitvoering -> advies (FG) -> besluit -> afgerond,
or, with a high residual risk, besluit -> raadpleging_ap -> afgerond (AVG art. 36).
"""

from .constants import Status


class OvergangNietToegestaan(Exception):
    """An action the workflow does not allow in the current status."""


_MET_MAATREGELEN = {Status.IN_UITVOERING, Status.ADVIES, Status.BESLUIT, Status.RAADPLEGING_AP, Status.AFGEROND}

# action -> (allowed from, to); None keeps the status or lets the service decide (the pre-scan outcome).
OVERGANGEN = {
    "prescan": ({Status.PRESCAN, Status.NIET_NODIG, Status.IN_UITVOERING}, None),
    "invullen": ({Status.IN_UITVOERING}, None),
    "advies_vragen": ({Status.IN_UITVOERING}, Status.ADVIES),
    "beveiligingsadvies": ({Status.IN_UITVOERING, Status.ADVIES, Status.BESLUIT}, None),
    "fg_advies": ({Status.ADVIES}, Status.BESLUIT),
    "terug": ({Status.ADVIES, Status.BESLUIT}, Status.IN_UITVOERING),
    "accepteren": ({Status.BESLUIT, Status.RAADPLEGING_AP}, Status.AFGEROND),
    "raadpleging_indienen": ({Status.BESLUIT}, Status.RAADPLEGING_AP),
    "raadpleging_bijwerken": ({Status.RAADPLEGING_AP}, None),
    "maatregel": (_MET_MAATREGELEN, None),
    "hercontrole": ({Status.AFGEROND}, None),
    "heropenen": ({Status.AFGEROND}, Status.IN_UITVOERING),
    "delegeren": ({Status.PRESCAN, Status.IN_UITVOERING, Status.ADVIES, Status.BESLUIT}, None),
}


def controleer_overgang(actie, status):
    """Return the status after `actie`, or raise OvergangNietToegestaan."""
    van, naar = OVERGANGEN[actie]
    if status not in van:
        raise OvergangNietToegestaan(f"Dit kan niet bij een DPIA met status '{Status(status).label.lower()}'.")
    return naar or status


def mag(actie, status):
    return status in OVERGANGEN[actie][0]
