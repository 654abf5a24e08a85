"""The lifecycle of a verzoek, as a table; enforced in controleer_overgang.

    onbevestigd --bevestigen--> ontvangen --(identity, tasks)--> in_behandeling --afhandelen--> afgehandeld
    onbevestigd --vervallen--> vervallen          ontvangen --afhandelen--> afgehandeld

Only staff-registered or confirmed requests count as received: the clock starts at `ontvangen`.
Extending does not change the status (the request stays open); it sets `verlengd_tot`.
"""

from .constants import Status


class OvergangNietToegestaan(Exception):
    pass


OPEN = {Status.ONTVANGEN, Status.IN_BEHANDELING}

# action -> (statuses it is allowed in, status afterwards; None keeps the status)
OVERGANGEN = {
    "bevestigen": ({Status.ONBEVESTIGD}, Status.ONTVANGEN),
    "vervallen": ({Status.ONBEVESTIGD}, Status.VERVALLEN),
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


def controleer_overgang(actie, status):
    van, naar = OVERGANGEN[actie]
    if status not in van:
        raise OvergangNietToegestaan(f"Dit kan niet bij een verzoek met status '{Status(status).label.lower()}'.")
    return naar or status
