"""Closed lists of the agreements register: kinds, the required content per kind, countries, transfer tools.

The checklist of a verwerkersovereenkomst follows DOMAIN.md ("Other registers", seeds 000 bijlage 1,
002 ch. 7, 003 bijlage 2) and AVG art. 28(2)-(4): also the duty to warn about an unlawful
instruction (28(3) last sentence), the procedure for new sub-processors under a general
authorisation (28(2)), flow-down and liability for sub-processors (28(4)) and assistance with
art. 32-36 (28(3)(f)). DOMAIN.md names no content for the other kinds;
**Decision:** their lists follow AVG art. 26 (joint controllers) and the usual parts of a convenant
or data-sharing agreement between public bodies (purpose, legal basis, data, roles, security,
retention, rights, breaches, duration and evaluation).
"""

from django.db import models


class Soort(models.TextChoices):
    VERWERKERSOVEREENKOMST = "verwerkersovereenkomst", "Verwerkersovereenkomst"
    GEZAMENLIJKE_VERANTWOORDELIJKHEID = (
        "gezamenlijke_verantwoordelijkheid",
        "Overeenkomst gezamenlijke verwerkingsverantwoordelijken",
    )
    CONVENANT = "convenant", "Convenant"
    GEGEVENSUITWISSELING = "gegevensuitwisseling", "Gegevensuitwisselingsovereenkomst"


class Doorgiftemechanisme(models.TextChoices):
    """How a transfer outside the EEA is safeguarded (AVG chapter V)."""

    ADEQUAATHEIDSBESLUIT = "adequaatheidsbesluit", "Adequaatheidsbesluit van de Europese Commissie (art. 45)"
    DATA_PRIVACY_FRAMEWORK = "data_privacy_framework", "EU-VS Data Privacy Framework (art. 45)"
    STANDAARDBEPALINGEN = "standaardbepalingen", "Standaardcontractbepalingen (art. 46 lid 2 onder c)"
    BINDENDE_BEDRIJFSVOORSCHRIFTEN = "bindende_bedrijfsvoorschriften", "Bindende bedrijfsvoorschriften (art. 47)"
    UITZONDERING = "uitzondering", "Uitzondering voor een specifieke situatie (art. 49)"


# Art. 49 derogations are for occasional transfers (EDPB guidelines 2/2018), never for storing data
# outside the EEA as a matter of course: refused when the agreement stores data there.
NIET_VOOR_STRUCTURELE_OPSLAG = {Doorgiftemechanisme.UITZONDERING}


VERWERKERSOVEREENKOMST_CLAUSULES = [
    ("onderwerp_duur", "Onderwerp en duur van de verwerking"),
    ("aard_doel", "Aard en doel van de verwerking"),
    ("gegevens_betrokkenen", "Soorten persoonsgegevens en categorieën betrokkenen"),
    ("instructies", "Verwerking alleen op schriftelijke instructie van de gemeente"),
    (
        "waarschuwen_instructie",
        "De verwerker meldt direct als een instructie volgens hem in strijd is met de AVG (art. 28 lid 3, slot)",
    ),
    ("subverwerkers", "Subverwerkers alleen met voorafgaande schriftelijke toestemming"),
    (
        "algemene_toestemming",
        "Bij algemene toestemming: de verwerker meldt elke nieuwe of vervangen subverwerker vooraf "
        "en de gemeente kan bezwaar maken (art. 28 lid 2)",
    ),
    (
        "subverwerkers_verplichtingen",
        "Subverwerkers krijgen dezelfde verplichtingen, en de verwerker blijft volledig aansprakelijk "
        "voor hen (art. 28 lid 4)",
    ),
    ("beveiliging", "Passende beveiligingsmaatregelen"),
    ("geheimhouding", "Geheimhouding door iedereen die de gegevens verwerkt"),
    ("bijstand_rechten", "Hulp bij verzoeken van betrokkenen"),
    ("bijstand_datalekken", "Hulp bij datalekken, met een termijn om een lek te melden"),
    (
        "bijstand_verplichtingen",
        "Hulp bij beveiliging, datalekken, DPIA en voorafgaande raadpleging van de AP "
        "(art. 32 tot en met 36 AVG, art. 28 lid 3 onder f)",
    ),
    ("einde", "Teruggeven of vernietigen van de gegevens aan het einde"),
    ("audits", "Audits en inspecties door of namens de gemeente"),
    ("doorgifte", "Doorgifte naar landen buiten de EER"),
    ("aansprakelijkheid", "Aansprakelijkheid"),
]

GEZAMENLIJK_CLAUSULES = [
    ("verdeling_verantwoordelijkheden", "Wie welke verplichting uit de AVG nakomt (art. 26 lid 1)"),
    ("rollen_betrokkenen", "Rol en verhouding van elke partij tegenover de betrokkenen"),
    ("contactpunt", "Eén contactpunt voor betrokkenen"),
    ("rechten_betrokkenen", "Afhandeling van verzoeken van betrokkenen"),
    ("wezenlijke_inhoud", "De wezenlijke inhoud is beschikbaar voor betrokkenen (art. 26 lid 2)"),
    ("datalekken", "Afspraken over datalekken"),
    ("beveiliging", "Passende beveiligingsmaatregelen"),
    ("duur_evaluatie", "Duur, jaarlijkse evaluatie en beëindiging"),
]

DELEN_CLAUSULES = [
    ("doel", "Doel van het delen van gegevens"),
    ("grondslag", "Grondslag voor het verstrekken en ontvangen"),
    ("gegevens_betrokkenen", "Welke gegevens over welke betrokkenen"),
    ("rollen", "Rol van elke partij (verantwoordelijke, ontvanger, verwerker)"),
    ("beveiliging", "Passende beveiligingsmaatregelen"),
    ("geheimhouding", "Geheimhouding"),
    ("bewaartermijnen", "Bewaartermijnen en vernietiging"),
    ("rechten_betrokkenen", "Afhandeling van verzoeken van betrokkenen"),
    ("datalekken", "Afspraken over datalekken"),
    ("duur_evaluatie", "Duur, jaarlijkse evaluatie en beëindiging"),
]

# The required content per kind, in the order of the checklist. A label holds no ';' (the list separator
# of the spreadsheet export and import).
CLAUSULES = {
    Soort.VERWERKERSOVEREENKOMST: VERWERKERSOVEREENKOMST_CLAUSULES,
    Soort.GEZAMENLIJKE_VERANTWOORDELIJKHEID: GEZAMENLIJK_CLAUSULES,
    Soort.CONVENANT: DELEN_CLAUSULES,
    Soort.GEGEVENSUITWISSELING: DELEN_CLAUSULES,
}


class AlleClausules:
    """Every clause code of every kind with a label, as `choices` (for reading the history of `clausules`).

    A code means the same in each kind; where two kinds word it differently, the first kind's words are used.
    """

    choices = list({code: label for lijst in reversed(CLAUSULES.values()) for code, label in lijst}.items())


# The 27 EU member states plus Iceland, Liechtenstein and Norway (ISO 3166-1 alpha-2, Dutch names).
EER_LANDEN = {
    "NL": "Nederland",
    "BE": "België",
    "BG": "Bulgarije",
    "CY": "Cyprus",
    "DK": "Denemarken",
    "DE": "Duitsland",
    "EE": "Estland",
    "FI": "Finland",
    "FR": "Frankrijk",
    "GR": "Griekenland",
    "HU": "Hongarije",
    "IE": "Ierland",
    "IS": "IJsland",
    "IT": "Italië",
    "HR": "Kroatië",
    "LV": "Letland",
    "LI": "Liechtenstein",
    "LT": "Litouwen",
    "LU": "Luxemburg",
    "MT": "Malta",
    "NO": "Noorwegen",
    "AT": "Oostenrijk",
    "PL": "Polen",
    "PT": "Portugal",
    "RO": "Roemenië",
    "SI": "Slovenië",
    "SK": "Slowakije",
    "ES": "Spanje",
    "CZ": "Tsjechië",
    "SE": "Zweden",
}
# Countries outside the EEA where gemeenten' suppliers often store data. "XX" covers the rest.
DERDE_LANDEN = {
    "AU": "Australië",
    "CA": "Canada",
    "IN": "India",
    "IL": "Israël",
    "JP": "Japan",
    "CH": "Zwitserland",
    "GB": "Verenigd Koninkrijk",
    "US": "Verenigde Staten",
    "KR": "Zuid-Korea",
    "XX": "Een ander land buiten de EER",
}
LANDEN = {**EER_LANDEN, **DERDE_LANDEN}
LAND_KEUZES = [("", "Onbekend of niet van toepassing")] + [
    *sorted(EER_LANDEN.items(), key=lambda paar: (paar[0] != "NL", paar[1])),
    *sorted(DERDE_LANDEN.items(), key=lambda paar: (paar[0] == "XX", paar[1])),
]

# Allowed signed documents: extension -> content type. Checked on the content too (services._controleer_bestand).
DOCUMENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "odt": "application/vnd.oasis.opendocument.text",
}
DOCUMENT_MAX_BYTES = 20 * 1024 * 1024

# Timers (scan.py): reminder before the end date, escalation after an overdue review.
EINDE_SIGNAAL_MAANDEN = 3
REVIEW_ESCALATIE_DAGEN = 30
