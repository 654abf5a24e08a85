"""The lifecycle of a verwerking, as a table. `controleer_overgang` is the one place it is enforced."""

from .constants import Status


class OvergangNietToegestaan(Exception):
    """A transition the workflow does not allow from the current status."""


# action -> (allowed from, to)
OVERGANGEN = {
    "indienen": ({Status.CONCEPT}, Status.TER_BEOORDELING),
    "goedkeuren": ({Status.TER_BEOORDELING}, Status.VASTGESTELD),
    "afwijzen": ({Status.TER_BEOORDELING}, Status.CONCEPT),
    # Editing an approved verwerking opens a new draft; the approved version stays public.
    "wijzigen": ({Status.CONCEPT, Status.TER_BEOORDELING, Status.VASTGESTELD}, None),
    "archiveren": ({Status.CONCEPT, Status.TER_BEOORDELING, Status.VASTGESTELD}, Status.GEARCHIVEERD),
}

NA_WIJZIGEN = {
    Status.CONCEPT: Status.CONCEPT,
    Status.TER_BEOORDELING: Status.TER_BEOORDELING,
    Status.VASTGESTELD: Status.CONCEPT,
}


def controleer_overgang(actie, status):
    """Return the status after `actie`, or raise OvergangNietToegestaan."""
    van, naar = OVERGANGEN[actie]
    if status not in van:
        raise OvergangNietToegestaan(
            f"'{actie.capitalize()}' kan niet bij een verwerking met status '{Status(status).label.lower()}'."
        )
    return naar if naar is not None else NA_WIJZIGEN[Status(status)]


def mogelijke_acties(status):
    return [actie for actie, (van, _) in OVERGANGEN.items() if status in van]
