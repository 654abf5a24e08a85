"""Closed lists of the DPIA-register: states, the pre-scan criteria, risk levels and measures.

The nine criteria follow the EDPB guidelines on DPIAs (WP248 rev.01); the seventeen types follow
the list of the Autoriteit Persoonsgegevens of processing for which a DPIA is mandatory
(Stcrt. 2019, 64418; `AP_LIJST_BRON`): official titles, criteria in our own words with the same
scope. The EDPB descriptions are ours, in short Dutch; see DOMAIN.md (DPIA).
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


# The AP's seventeen types of processing that always need a DPIA (AVG art. 35(4)), numbered and
# titled exactly as in the AP's decision; the stored pre-scan answers keep these numbers. Each
# criterion is ours in plain Dutch, with the same scope as the official one: "grootschalig en/of
# stelselmatig" is "op grote schaal of stelselmatig" (either is enough), "monitoring" is "volgen".
# number -> (official title, what it covers in our words)
AP_LIJST_BRON = {
    "naam": (
        "Besluit inzake lijst van verwerkingen van persoonsgegevens waarvoor een "
        "gegevensbeschermingseffectbeoordeling (DPIA) verplicht is, Autoriteit Persoonsgegevens"
    ),
    "vindplaats": "Stcrt. 2019, 64418",
    "datum": "2019-11-27",
    "url": "https://zoek.officielebekendmakingen.nl/stcrt-2019-64418.html",
}
AP_LIJST: dict[int, tuple[str, str]] = {
    1: (
        "Heimelijk onderzoek",
        "Op grote schaal of stelselmatig gegevens over mensen verzamelen door onderzoek, zonder dat zij dat vooraf "
        "horen. Bijvoorbeeld onderzoek naar fraude of onderzoek op internet. Zet een werkgever heimelijk camera's in "
        "tegen diefstal of fraude door medewerkers, dan is ook voor één keer een DPIA nodig.",
    ),
    2: (
        "Zwarte lijsten",
        "Gegevens vastleggen over strafbare feiten en veroordelingen, over onrechtmatig of hinderlijk gedrag, of "
        "over slecht betalen door organisaties of mensen, en die gegevens delen met anderen. Bijvoorbeeld een "
        "waarschuwingslijst.",
    ),
    3: (
        "Fraudebestrijding",
        "Om fraude te bestrijden op grote schaal persoonsgegevens (ook bijzondere) verwerken, of mensen stelselmatig "
        "volgen. Bijvoorbeeld een sociale dienst die fraude met uitkeringen onderzoekt.",
    ),
    4: (
        "Creditscores",
        "Op grote schaal gegevens verwerken of mensen volgen, met als uitkomst een inschatting van hun "
        "kredietwaardigheid: kunnen zij hun schulden betalen?",
    ),
    5: (
        "Financiële situatie",
        "Op grote schaal financiële gegevens verwerken, of ze stelselmatig volgen, waaruit blijkt wat iemand "
        "verdient of bezit, of waaraan iemand geld uitgeeft.",
    ),
    6: (
        "Genetische persoonsgegevens",
        "Op grote schaal genetische gegevens (zoals DNA) verwerken, of genetische gegevens van mensen stelselmatig "
        "volgen.",
    ),
    7: (
        "Gezondheidsgegevens",
        "Op grote schaal gegevens over gezondheid verwerken. Bijvoorbeeld in de zorg, de maatschappelijke "
        "ondersteuning, re-integratie of bij een arbodienst. Eén arts of zorgverlener met eigen patiënten of "
        "cliënten valt hier niet onder.",
    ),
    8: (
        "Samenwerkingsverbanden",
        "Samenwerken met andere overheden of organisaties en daarbij bijzondere persoonsgegevens, gegevens over "
        "strafbare feiten of andere gevoelige gegevens (zoals over geld of schulden) met elkaar uitwisselen. "
        "Bijvoorbeeld in een wijkteam of een zorg- en veiligheidshuis.",
    ),
    9: (
        "Cameratoezicht",
        "Op grote schaal of stelselmatig met camera's, webcams of drones plekken in de gaten houden waar iedereen "
        "mag komen (openbaar toegankelijke ruimten), zoals straten, winkels, stations en parkeerterreinen.",
    ),
    10: (
        "Flexibel cameratoezicht",
        "Op grote schaal of stelselmatig mensen in beeld brengen met camera's die niet op een vaste plek hangen, "
        "zoals bodycams, camera's in voertuigen of camera's die tijdelijk ergens worden neergezet.",
    ),
    11: (
        "Controle werknemers",
        "Op grote schaal of stelselmatig volgen wat medewerkers doen. Bijvoorbeeld hun e-mail of internetgebruik "
        "controleren, met gps bijhouden waar zij rijden, of camera's gebruiken tegen diefstal of fraude.",
    ),
    12: (
        "Locatiegegevens",
        "Op grote schaal of stelselmatig gegevens verwerken over waar mensen zijn of waren. Bijvoorbeeld met "
        "scanauto's, navigatie, telefoons of het volgen van wifi- of bluetoothsignalen.",
    ),
    13: (
        "Communicatiegegevens",
        "Op grote schaal of stelselmatig gegevens over de communicatie van mensen verwerken: de inhoud en de "
        "gegevens eromheen (metadata, zoals wie wanneer contact had met wie). Niet als dat alleen nodig is om het "
        "netwerk, de dienst of de apparaten van gebruikers veilig te houden.",
    ),
    14: (
        "Internet of things",
        "Op grote schaal of stelselmatig persoonsgegevens verwerken die apparaten maken en via internet of op een "
        "andere manier doorsturen. Bijvoorbeeld slimme meters, slimme tv's of huishoudelijke apparaten, speelgoed "
        "met internet of sensoren in de stad (smart city).",
    ),
    15: (
        "Profilering",
        "Op grote schaal of stelselmatig persoonlijke kenmerken van mensen automatisch beoordelen (profilering): "
        "hun werk, financiële situatie, gezondheid, voorkeuren, betrouwbaarheid, gedrag of verplaatsingen "
        "analyseren of voorspellen. Ook als er geen besluit volgt en niemand in een groep wordt ingedeeld.",
    ),
    16: (
        "Observatie en beïnvloeding van gedrag",
        "Op grote schaal of stelselmatig met automatische middelen het gedrag van mensen volgen (observeren) of "
        "beïnvloeden, ook voor marketing. Alleen volgen is al genoeg: beïnvloeden hoeft niet het doel te zijn.",
    ),
    17: (
        "Biometrische gegevens",
        "Op grote schaal of stelselmatig biometrische gegevens verwerken (zoals een vingerafdruk of een scan van "
        "het gezicht) om iemand uniek te herkennen.",
    ),
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
