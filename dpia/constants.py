"""Closed lists of the DPIA-register: states, the pre-scan criteria, risk levels and measures.

The nine criteria follow the EDPB guidelines on DPIAs (WP248 rev.01); the seventeen types follow
the list of the Autoriteit Persoonsgegevens of processing for which a DPIA is mandatory
(Staatscourant 2019, 64418). The descriptions are ours, in short Dutch; see DOMAIN.md (DPIA).
"""

from django.db import models


class Status(models.TextChoices):
    PRESCAN = "prescan", "Pre-scan"
    NIET_NODIG = "niet_nodig", "Geen DPIA nodig"
    IN_UITVOERING = "in_uitvoering", "In uitvoering"
    ADVIES = "advies", "Ter advies bij de FG"
    BESLUIT = "besluit", "Besluit over het restrisico"
    RAADPLEGING_AP = "raadpleging_ap", "Voorafgaande raadpleging AP"
    AFGEROND = "afgerond", "Afgerond"


OPEN_STATUSSEN = (Status.PRESCAN, Status.IN_UITVOERING, Status.ADVIES, Status.BESLUIT, Status.RAADPLEGING_AP)


class Uitkomst(models.TextChoices):
    """The outcome of the pre-scan (DOMAIN.md: AP list -> verplicht; 2+ criteria -> vereist; 1 -> aanbevolen)."""

    VERPLICHT = "verplicht", "Verplicht (AP-lijst of AI-systeem)"
    VEREIST = "vereist", "Vereist (twee of meer criteria)"
    AANBEVOLEN = "aanbevolen", "Aanbevolen (één criterium)"
    NIET_NODIG = "niet_nodig", "Niet nodig (geen criteria)"


class Criterium(models.TextChoices):
    """The nine EDPB criteria for processing that is likely to result in a high risk."""

    EVALUATIE = "evaluatie", "Mensen beoordelen of een score geven (ook profilering)"
    GEAUTOMATISEERDE_BESLUITVORMING = (
        "geautomatiseerde_besluitvorming",
        "Geautomatiseerde besluiten met rechtsgevolg of een vergelijkbaar groot effect",
    )
    MONITORING = "monitoring", "Mensen stelselmatig volgen of observeren"
    GEVOELIGE_GEGEVENS = "gevoelige_gegevens", "Bijzondere, strafrechtelijke of zeer persoonlijke gegevens"
    GROOTSCHALIG = "grootschalig", "Verwerking op grote schaal"
    KOPPELING = "koppeling", "Gegevensbestanden koppelen of combineren"
    KWETSBARE_BETROKKENEN = "kwetsbare_betrokkenen", "Gegevens over kwetsbare mensen (zoals kinderen of cliënten)"
    NIEUWE_TECHNOLOGIE = "nieuwe_technologie", "Nieuwe technologie of een vernieuwend gebruik ervan"
    BLOKKERING = "blokkering", "Mensen kunnen daardoor een recht, dienst of contract mislopen"


# The AP's seventeen types of processing that always need a DPIA, numbered as on the list.
# number -> (short name, what it covers in our words)
AP_LIJST: dict[int, tuple[str, str]] = {
    1: ("Heimelijk onderzoek", "Op grote schaal of stelselmatig informatie verzamelen zonder dat mensen het weten."),
    2: (
        "Zwarte lijsten",
        "Strafrechtelijke gegevens, gegevens over hinderlijk gedrag of slecht betalen vastleggen en delen.",
    ),
    3: ("Fraudebestrijding", "Op grote schaal gegevens verwerken of mensen volgen om fraude te bestrijden."),
    4: ("Creditscores", "Op grote schaal inschatten of mensen hun schulden kunnen betalen."),
    5: ("Financiële situatie", "Op grote schaal inkomen, vermogen of uitgaven van mensen in beeld brengen."),
    6: ("Genetische gegevens", "Op grote schaal genetische gegevens verwerken."),
    7: ("Gezondheidsgegevens", "Op grote schaal gegevens over gezondheid verwerken."),
    8: (
        "Samenwerkingsverbanden",
        "Met andere organisaties bijzondere of gevoelige gegevens uitwisselen, bijvoorbeeld in een netwerk.",
    ),
    9: ("Cameratoezicht", "Op grote schaal of stelselmatig met camera's een openbare ruimte in beeld brengen."),
    10: ("Flexibel cameratoezicht", "Camera's die meebewegen of tijdelijk worden ingezet, zoals bodycams en drones."),
    11: ("Controle van werknemers", "Stelselmatig e-mail, internetgebruik, locatie of gedrag van medewerkers volgen."),
    12: ("Locatiegegevens", "Op grote schaal of stelselmatig bijhouden waar mensen zijn."),
    13: ("Communicatiegegevens", "Op grote schaal inhoud of verkeersgegevens van communicatie verwerken."),
    14: ("Internet of things", "Gegevens uit apparaten die met internet verbonden zijn, zoals slimme meters."),
    15: ("Profilering", "Op grote schaal of stelselmatig persoonlijke kenmerken beoordelen om mensen in te delen."),
    16: ("Gedrag observeren en beïnvloeden", "Gedrag van mensen volgen of voorspellen om het te beïnvloeden."),
    17: ("Biometrische gegevens", "Vingerafdrukken, gezichten of andere biometrie gebruiken om mensen te herkennen."),
}
AP_NUMMERS = tuple(AP_LIJST)


class Niveau(models.TextChoices):
    """Levels of likelihood, impact and risk, as the Model DPIA Rijksdienst uses them."""

    LAAG = "laag", "Laag"
    MIDDEN = "midden", "Gemiddeld"
    HOOG = "hoog", "Hoog"


NIVEAU_VOLGORDE = {Niveau.LAAG: 1, Niveau.MIDDEN: 2, Niveau.HOOG: 3}


class SoortMaatregel(models.TextChoices):
    TECHNISCH = "technisch", "Technisch"
    ORGANISATORISCH = "organisatorisch", "Organisatorisch"
    JURIDISCH = "juridisch", "Juridisch"


class MaatregelStatus(models.TextChoices):
    GEPLAND = "gepland", "Gepland"
    IN_UITVOERING = "in_uitvoering", "In uitvoering"
    GEREED = "gereed", "Gereed"
    VERVALLEN = "vervallen", "Vervallen"


OPEN_MAATREGEL = (MaatregelStatus.GEPLAND, MaatregelStatus.IN_UITVOERING)


class FgOordeel(models.TextChoices):
    POSITIEF = "positief", "Positief"
    VOORWAARDEN = "voorwaarden", "Positief, met aanbevelingen"
    NEGATIEF = "negatief", "Negatief"


class Deel(models.TextChoices):
    """Parts of the Model DPIA Rijksdienst, and the management summary."""

    A = "A", "Deel A – Beschrijving (§ 1-10)"
    B = "B", "Deel B – Rechtmatigheid (§ 11-15)"
    C = "C", "Deel C – Risico's (§ 16)"
    D = "D", "Deel D – Maatregelen (§ 17)"
    S = "S", "Inleiding en managementsamenvatting"


# Fields of the verwerking whose change in a newly approved version calls for a herbeoordeling:
# purposes, data categories, recipients and technology (seed 002).
HERBEOORDELING_VELDEN = (
    "doeleinden",
    "categorieen_persoonsgegevens",
    "bijzondere_categorieen",
    "ontvangers",
    "algoritme_of_ai",
)

HERCONTROLE_JAREN = 3  # seed 002: a short re-check every three years
RAADPLEGING_WEKEN = 8  # AVG art. 36(2): the AP answers within eight weeks ...
RAADPLEGING_VERLENGING_WEKEN = 6  # ... extendable by six weeks
