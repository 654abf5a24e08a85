"""The lifecycle of a verwerking, as a table, enforced by the kernel's one workflow mechanism."""

from privacy_portal.core.workflow import Workflow

from .constants import Status

# action -> (allowed from, to); None keeps the status, unless NA_WIJZIGEN says otherwise.
OVERGANGEN = {
    "indienen": ({Status.CONCEPT}, Status.TER_BEOORDELING),
    "goedkeuren": ({Status.TER_BEOORDELING}, Status.VASTGESTELD),
    "afwijzen": ({Status.TER_BEOORDELING}, Status.CONCEPT),
    # Editing an approved verwerking opens a new draft; the approved version stays public.
    "wijzigen": ({Status.CONCEPT, Status.TER_BEOORDELING, Status.VASTGESTELD}, None),
    "archiveren": ({Status.CONCEPT, Status.TER_BEOORDELING, Status.VASTGESTELD}, Status.GEARCHIVEERD),
}

NA_WIJZIGEN = {Status.VASTGESTELD: Status.CONCEPT}

WORKFLOW = Workflow("een verwerking", Status, OVERGANGEN, na={"wijzigen": NA_WIJZIGEN})
