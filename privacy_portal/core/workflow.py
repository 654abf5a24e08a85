"""One workflow mechanism for every register: transitions as a table, one error type.

A register declares its lifecycle once::

    WORKFLOW = Workflow(
        "een datalek",
        Status,
        {"afsluiten": ({Status.IN_BEHANDELING}, Status.AFGESLOTEN), ...},
    )

and its services call `WORKFLOW.controleer(actie, status)`, which returns the status after the
action or raises `OvergangNietToegestaan`. The API maps that error to 409, pages show its text.
"""


class OvergangNietToegestaan(Exception):
    """An action the workflow does not allow in the current status."""


class Workflow:
    """`overgangen`: action -> (statuses it is allowed from, status afterwards).

    A target of None keeps the status, unless `na` names the status after that action per status
    (for example: editing an approved verwerking makes it a draft again).
    """

    def __init__(self, onderwerp, status, overgangen, *, na=None):
        self.onderwerp = onderwerp
        self.status = status
        self.overgangen = overgangen
        self.na = na or {}

    def mag(self, actie, status):
        return status in self.overgangen[actie][0]

    def controleer(self, actie, status):
        """Return the status after `actie`, or raise OvergangNietToegestaan."""
        van, naar = self.overgangen[actie]
        if status not in van:
            raise OvergangNietToegestaan(
                f"Dit kan niet bij {self.onderwerp} met status '{self.status(status).label.lower()}'."
            )
        if naar is not None:
            return naar
        return self.na.get(actie, {}).get(self.status(status), status)

    def mogelijke_acties(self, status):
        return [actie for actie, (van, _) in self.overgangen.items() if status in van]
