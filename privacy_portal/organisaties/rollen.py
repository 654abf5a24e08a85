"""Roles and what they may do: the RASCI table of DOMAIN.md as data.

A role is held per gemeente and has a reach (bereik): the whole gemeente, one afdeling or one
team. ROL_RECHTEN maps every role to Django permission names; RolBackend answers
`user.has_perm(perm, obj)` from this table and the user's RolToewijzingen, and selectors filter
with the same table. docs/rechten.md is generated from it (`manage.py rechtentabel`).
"""

from django.db import models


class Rol(models.TextChoices):
    COLLEGE = "college", "College van B&W"
    DIRECTEUR = "directeur", "Directeur"
    AFDELINGSMANAGER = "afdelingsmanager", "Afdelingsmanager"
    TEAMMANAGER = "teammanager", "Teammanager"
    MEDEWERKER = "medewerker", "Medewerker"
    PRIVACY_OFFICER = "privacy_officer", "Privacy officer"
    JURIST = "jurist", "Jurist"
    FG = "fg", "Functionaris gegevensbescherming (FG)"
    CISO = "ciso", "CISO"
    CONTROLLER = "controller", "Controller / auditor"


class Bereik(models.TextChoices):
    GEMEENTE = "gemeente", "Hele gemeente"
    AFDELING = "afdeling", "Eigen afdeling"
    TEAM = "team", "Eigen team"


RASCI = {
    Rol.COLLEGE: "A",
    Rol.DIRECTEUR: "R",
    Rol.AFDELINGSMANAGER: "R",
    Rol.TEAMMANAGER: "R",
    Rol.MEDEWERKER: "R",
    Rol.PRIVACY_OFFICER: "S",
    Rol.JURIST: "S",
    Rol.FG: "C",
    Rol.CISO: "C",
    Rol.CONTROLLER: "C",
}

ROL_BEREIK = {
    Rol.COLLEGE: Bereik.GEMEENTE,
    Rol.DIRECTEUR: Bereik.GEMEENTE,
    Rol.AFDELINGSMANAGER: Bereik.AFDELING,
    Rol.TEAMMANAGER: Bereik.TEAM,
    Rol.MEDEWERKER: Bereik.TEAM,
    Rol.PRIVACY_OFFICER: Bereik.GEMEENTE,
    Rol.JURIST: Bereik.GEMEENTE,
    Rol.FG: Bereik.GEMEENTE,
    Rol.CISO: Bereik.GEMEENTE,
    Rol.CONTROLLER: Bereik.GEMEENTE,
}

# Permission name -> what it means, in the order of the docs table.
RECHTEN = {
    "registers.view_verwerking": "Verwerkingen inzien (met interne velden en historie)",
    "registers.add_verwerking": "Verwerking aanmaken",
    "registers.change_verwerking": "Verwerking wijzigen",
    "registers.indienen_verwerking": "Verwerking ter beoordeling indienen",
    "registers.beoordelen_verwerking": "Verwerking vaststellen of terugsturen",
    "registers.archiveren_verwerking": "Verwerking archiveren",
    "registers.delegeren_verwerking": "Eén verwerking delegeren aan een medewerker",
    "registers.importeren_verwerking": "Register importeren uit een spreadsheet",
    "datalekken.add_datalek": "Datalek melden (de melder ziet daarna de eigen meldingen)",
    "datalekken.view_datalek": "Datalekken inzien met details",
    "datalekken.behandelen_datalek": "Datalek beoordelen en behandelen",
    "datalekken.melden_ap_datalek": "Melding aan de AP vastleggen",
    "datalekken.afsluiten_datalek": "Datalek afsluiten",
    "datalekken.statistiek_datalek": "Aantallen datalekken zien (zonder details)",
}

_INZIEN = {"registers.view_verwerking"}
_BEHEREN = _INZIEN | {
    "registers.add_verwerking",
    "registers.change_verwerking",
    "registers.indienen_verwerking",
}

# Every employee reports datalekken; who sees the details is limited (the college sees numbers).
_DATALEK_MELDEN = {"datalekken.add_datalek"}
_DATALEK_CIJFERS = _DATALEK_MELDEN | {"datalekken.statistiek_datalek"}
_DATALEK_INZIEN = _DATALEK_CIJFERS | {"datalekken.view_datalek"}

ROL_RECHTEN: dict[str, set[str]] = {
    Rol.COLLEGE: _INZIEN | _DATALEK_CIJFERS,
    Rol.DIRECTEUR: _INZIEN | _DATALEK_CIJFERS,
    Rol.AFDELINGSMANAGER: _INZIEN | _DATALEK_CIJFERS,
    Rol.TEAMMANAGER: _BEHEREN | {"registers.delegeren_verwerking"} | _DATALEK_INZIEN,
    # A medewerker sees the team's register; editing comes only from a delegated record
    # (an object permission, see registers.services.verwerking_delegeren).
    Rol.MEDEWERKER: _INZIEN | _DATALEK_MELDEN,
    Rol.PRIVACY_OFFICER: _BEHEREN
    | {
        "registers.beoordelen_verwerking",
        "registers.archiveren_verwerking",
        "registers.delegeren_verwerking",
        "registers.importeren_verwerking",
    }
    | _DATALEK_INZIEN
    | {"datalekken.behandelen_datalek", "datalekken.melden_ap_datalek", "datalekken.afsluiten_datalek"},
    # The jurist supports like the privacy officer, but approval stays with the privacy officer.
    Rol.JURIST: _BEHEREN | _DATALEK_INZIEN,
    # The FG reads everything and never owns records.
    Rol.FG: _INZIEN | _DATALEK_INZIEN,
    # The CISO analyses incidents: may record the assessment, not the AP notification.
    Rol.CISO: _INZIEN | _DATALEK_INZIEN | {"datalekken.behandelen_datalek"},
    Rol.CONTROLLER: _INZIEN | _DATALEK_INZIEN,
}

# Permissions a teammanager grants on one record when delegating it to a medewerker.
DELEGATIE_RECHTEN = ("view_verwerking", "change_verwerking")
