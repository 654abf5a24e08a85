"""The lifecycle of a verzoek, as a table; enforced by `WORKFLOW.controleer(actie, status)`.

    onbevestigd --bevestigen--> ontvangen --(identity, tasks)--> in_behandeling --afhandelen--> afgehandeld
    onbevestigd --aannemen (privacy officer)--> ontvangen
    onbevestigd --vervallen (privacy officer, with a reason)--> vervallen          ontvangen --afhandelen--> afgehandeld

Only staff-registered or confirmed requests count as received: the clock starts at `ontvangen`.
Extending does not change the status (the request stays open); it sets `verlengd_tot`.
"""

from privacy_portal.core.workflow import Workflow

from .constants import Status

OPEN = {Status.ONTVANGEN, Status.IN_BEHANDELING}

# action -> (statuses it is allowed in, status afterwards; None keeps the status)
OVERGANGEN = {
    "bevestigen": ({Status.ONBEVESTIGD}, Status.ONTVANGEN),
    "vervallen": ({Status.ONBEVESTIGD}, Status.VERVALLEN),
    # the privacy officer reached the inwoner another way: received at the submission moment
    "aannemen": ({Status.ONBEVESTIGD}, Status.ONTVANGEN),
    "wijzigen": (OPEN, None),
    "identiteit": (OPEN, Status.IN_BEHANDELING),
    "taken_toewijzen": (OPEN, Status.IN_BEHANDELING),
    "taak_afronden": (OPEN, None),
    "taak_intrekken": (OPEN, None),
    "verlengen": (OPEN, None),
    "kennisgeving": (OPEN | {Status.AFGEHANDELD}, None),
    "afhandelen": (OPEN, Status.AFGEHANDELD),
    "anonimiseren": ({Status.AFGEHANDELD, Status.VERVALLEN}, None),
}


WORKFLOW = Workflow("een verzoek", Status, OVERGANGEN)
