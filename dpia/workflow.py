"""The lifecycle of a pre-scan and DPIA, as a table; enforced by the kernel's Workflow.

prescan -> niet_nodig | in_uitvoering -> advies (FG) -> besluit -> afgerond,
or, with a high residual risk, besluit -> raadpleging_ap -> afgerond (AVG art. 36).
"""

from privacy_portal.core.workflow import Workflow

from .constants import Status

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

# No action needs `na`: a None target keeps the status, and the pre-scan service sets its outcome itself.
WORKFLOW = Workflow("een DPIA", Status, OVERGANGEN)
