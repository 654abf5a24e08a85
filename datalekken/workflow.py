"""The lifecycle of a datalek, as a table; enforced by the kernel's Workflow."""

from privacy_portal.core.workflow import Workflow

from .constants import Status

OVERGANGEN = {
    "beoordelen": ({Status.GEMELD, Status.IN_BEHANDELING}, Status.IN_BEHANDELING),
    "wijzigen": ({Status.GEMELD, Status.IN_BEHANDELING}, None),
    "melden_ap": ({Status.GEMELD, Status.IN_BEHANDELING, Status.AFGESLOTEN}, None),
    "informeren": ({Status.IN_BEHANDELING, Status.AFGESLOTEN}, None),
    "afsluiten": ({Status.IN_BEHANDELING}, Status.AFGESLOTEN),
    "heropenen": ({Status.AFGESLOTEN}, Status.IN_BEHANDELING),
}

WORKFLOW = Workflow("een datalek", Status, OVERGANGEN)
