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
    "datalekken.kennisname_corrigeren_datalek": "Kennisname van een datalek corrigeren (met reden)",
    "datalekken.statistiek_datalek": "Aantallen datalekken zien (zonder details)",
    "rechten.add_verzoek": "Betrokkenenverzoek registreren",
    "rechten.view_verzoek": "Betrokkenenverzoeken inzien, met gegevens van de verzoeker",
    "rechten.change_verzoek": "Betrokkenenverzoek behandelen (identiteit, taken, ontvangers)",
    "rechten.verlengen_verzoek": "Termijn van een verzoek verlengen",
    "rechten.ontvangst_corrigeren_verzoek": (
        "Ontvangst van een verzoek vaststellen: datum corrigeren (met reden), onbevestigd webverzoek aannemen of "
        "laten vervallen"
    ),
    "rechten.afhandelen_verzoek": "Besluit op een verzoek vastleggen",
    "rechten.taak_uitvoeren_verzoek": "Taak van het eigen team bij een verzoek uitvoeren",
    "rechten.statistiek_verzoek": "Aantallen verzoeken zien (zonder persoonsgegevens)",
    "dpia.view_dpia": "Pre-scans en DPIA's inzien",
    "dpia.add_dpia": "Pre-scan of DPIA starten",
    "dpia.change_dpia": "DPIA invullen (risico's, maatregelen)",
    "dpia.advies_dpia": "FG-advies vastleggen",
    "dpia.beveiligingsadvies_dpia": "Beveiligingsadvies vastleggen",
    "dpia.accepteren_dpia": "Restrisico accepteren (niet hoog)",
    "dpia.accepteren_hoog_dpia": "Hoog restrisico accepteren of voorleggen aan de AP",
    "dpia.importeren_dpia": "Ingevulde DPIA importeren uit een bestand (assessment-output v2)",
    "overeenkomsten.view_overeenkomst": "Overeenkomsten inzien",
    "overeenkomsten.add_overeenkomst": "Overeenkomst registreren",
    "overeenkomsten.change_overeenkomst": "Overeenkomst wijzigen en beoordelen",
    "overeenkomsten.document_overeenkomst": "Ondertekend document uploaden en downloaden",
    "overeenkomsten.vrijgeven_overeenkomst": (
        "Openbaar document van een convenant vrijgeven voor de openbare pagina (niet wie het openbaar maakte)"
    ),
    "rapportages.view_dashboard": "Dashboard met cijfers zien",
    "rapportages.view_rapportage": "Rapportages uit het archief downloaden",
    "rapportages.add_rapportage": "Rapportage laten maken",
    "rapportages.bevindingen_rapportage": "Bevindingen en aanbevelingen van de FG schrijven",
    "core.view_auditevent": "Auditlog van de gemeente doorzoeken (wie zag, exporteerde, logde in, kreeg rechten)",
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

_VERZOEK_CIJFERS = {"rechten.statistiek_verzoek"}
_VERZOEK_BEHANDELEN = _VERZOEK_CIJFERS | {
    "rechten.add_verzoek",
    "rechten.view_verzoek",
    "rechten.change_verzoek",
    "rechten.verlengen_verzoek",
    "rechten.afhandelen_verzoek",
}
_DPIA_INZIEN = {"dpia.view_dpia"}
_DPIA_UITVOEREN = _DPIA_INZIEN | {"dpia.add_dpia", "dpia.change_dpia"}
_OVK_INZIEN = {"overeenkomsten.view_overeenkomst"}
_OVK_BEHEREN = _OVK_INZIEN | {
    "overeenkomsten.add_overeenkomst",
    "overeenkomsten.change_overeenkomst",
    "overeenkomsten.document_overeenkomst",
}

_AUDITLOG = {"core.view_auditevent"}
_DASHBOARD = {"rapportages.view_dashboard", "rapportages.view_rapportage"}
_RAPPORTEREN = _DASHBOARD | {"rapportages.add_rapportage"}

ROL_RECHTEN: dict[str, set[str]] = {
    Rol.COLLEGE: _INZIEN
    | _DATALEK_CIJFERS
    | _VERZOEK_CIJFERS
    | _DPIA_INZIEN
    | {"dpia.accepteren_hoog_dpia"}
    | _OVK_INZIEN
    | _DASHBOARD,
    Rol.DIRECTEUR: _INZIEN
    | _DATALEK_CIJFERS
    | _VERZOEK_CIJFERS
    | _DPIA_INZIEN
    | {"dpia.accepteren_hoog_dpia"}
    | _OVK_INZIEN
    | _DASHBOARD,
    Rol.AFDELINGSMANAGER: _INZIEN | _DATALEK_CIJFERS | _VERZOEK_CIJFERS | _DPIA_INZIEN | _OVK_INZIEN,
    Rol.TEAMMANAGER: _BEHEREN
    | {"registers.delegeren_verwerking"}
    | _DATALEK_INZIEN
    | {"rechten.taak_uitvoeren_verzoek"}
    | _DPIA_UITVOEREN
    | {"dpia.accepteren_dpia"}
    | _OVK_BEHEREN,
    # A medewerker sees the team's register; editing comes only from a delegated record
    # (an object permission, see registers.services.verwerking_delegeren).
    Rol.MEDEWERKER: _INZIEN | _DATALEK_MELDEN | _DPIA_INZIEN,
    Rol.PRIVACY_OFFICER: _BEHEREN
    | {
        "registers.beoordelen_verwerking",
        "registers.archiveren_verwerking",
        "registers.delegeren_verwerking",
        "registers.importeren_verwerking",
    }
    | _DATALEK_INZIEN
    | {
        "datalekken.behandelen_datalek",
        "datalekken.melden_ap_datalek",
        "datalekken.afsluiten_datalek",
        "datalekken.kennisname_corrigeren_datalek",
    }
    | _VERZOEK_BEHANDELEN
    | {"rechten.ontvangst_corrigeren_verzoek"}
    | _DPIA_UITVOEREN
    | {"dpia.importeren_dpia"}
    | _OVK_BEHEREN
    | {"overeenkomsten.vrijgeven_overeenkomst"}
    | _RAPPORTEREN
    | _AUDITLOG,
    # The jurist supports like the privacy officer, but approval stays with the privacy officer.
    Rol.JURIST: _BEHEREN
    | _DATALEK_INZIEN
    | _VERZOEK_BEHANDELEN
    | _DPIA_INZIEN
    | _OVK_BEHEREN
    | {"overeenkomsten.vrijgeven_overeenkomst"}
    | _DASHBOARD,
    # The FG reads everything and never owns records.
    Rol.FG: _INZIEN
    | _DATALEK_INZIEN
    | _VERZOEK_CIJFERS
    | {"rechten.view_verzoek"}
    | _DPIA_INZIEN
    | {"dpia.advies_dpia"}
    | _OVK_INZIEN
    | {"overeenkomsten.document_overeenkomst"}
    | _RAPPORTEREN
    | {"rapportages.bevindingen_rapportage"}
    | _AUDITLOG,
    # The CISO analyses incidents: may record the assessment, not the AP notification.
    Rol.CISO: _INZIEN
    | _DATALEK_INZIEN
    | {"datalekken.behandelen_datalek"}
    | _DPIA_INZIEN
    | {"dpia.beveiligingsadvies_dpia"}
    | _OVK_INZIEN
    | _DASHBOARD,
    Rol.CONTROLLER: _INZIEN | _DATALEK_INZIEN | _VERZOEK_CIJFERS | _DPIA_INZIEN | _OVK_INZIEN | _DASHBOARD,
}

# Permissions a teammanager grants on one record when delegating it to a medewerker.
DELEGATIE_RECHTEN = ("view_verwerking", "change_verwerking")
