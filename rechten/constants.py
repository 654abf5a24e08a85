"""Closed lists of the betrokkenenverzoeken (AVG art. 12-22) and the register's states."""

from django.db import models


class Soort(models.TextChoices):
    """The rights an inwoner can exercise; one request may cover several."""

    INZAGE = "inzage", "Inzage (art. 15)"
    RECTIFICATIE = "rectificatie", "Rectificatie (art. 16)"
    WISSING = "wissing", "Wissing (art. 17)"
    BEPERKING = "beperking", "Beperking van de verwerking (art. 18)"
    OVERDRAAGBAARHEID = "overdraagbaarheid", "Overdraagbaarheid (art. 20)"
    BEZWAAR = "bezwaar", "Bezwaar tegen de verwerking (art. 21)"
    GEAUTOMATISEERDE_BESLUITVORMING = (
        "geautomatiseerde_besluitvorming",
        "Geen geautomatiseerde besluitvorming (art. 22)",
    )


# B1 wording for letters to the requester: "uw verzoek om ..."
SOORT_B1 = {
    Soort.INZAGE: "uw gegevens in te zien",
    Soort.RECTIFICATIE: "uw gegevens te verbeteren",
    Soort.WISSING: "uw gegevens te verwijderen",
    Soort.BEPERKING: "het gebruik van uw gegevens te beperken",
    Soort.OVERDRAAGBAARHEID: "uw gegevens aan u of een ander over te dragen",
    Soort.BEZWAAR: "te stoppen met het gebruik van uw gegevens (bezwaar)",
    Soort.GEAUTOMATISEERDE_BESLUITVORMING: "niet alleen door een computer over u te laten beslissen",
}

# Art. 19: after rectification, erasure or restriction the recipients of the data must be told.
SOORTEN_ART_19 = frozenset({Soort.RECTIFICATIE, Soort.WISSING, Soort.BEPERKING})


class Kanaal(models.TextChoices):
    BRIEF = "brief", "Brief"
    EMAIL = "email", "E-mail"
    TELEFOON = "telefoon", "Telefoon"
    BALIE = "balie", "Balie"
    WEBFORMULIER = "webformulier", "Webformulier"


class Status(models.TextChoices):
    ONBEVESTIGD = "onbevestigd", "Wacht op bevestiging door de inwoner"
    ONTVANGEN = "ontvangen", "Ontvangen"
    IN_BEHANDELING = "in_behandeling", "In behandeling"
    AFGEHANDELD = "afgehandeld", "Afgehandeld"
    VERVALLEN = "vervallen", "Vervallen (niet bevestigd)"


OPEN_STATUSSEN = (Status.ONTVANGEN, Status.IN_BEHANDELING)


class Uitkomst(models.TextChoices):
    TOEGEWEZEN = "toegewezen", "Toegewezen"
    DEELS_TOEGEWEZEN = "deels_toegewezen", "Deels toegewezen"
    AFGEWEZEN = "afgewezen", "Afgewezen"
    INGETROKKEN = "ingetrokken", "Ingetrokken door de verzoeker"


# Outcomes that are a decision on the request (an Awb-besluit with an answer letter).
UITKOMSTEN_MET_BESLUIT = (Uitkomst.TOEGEWEZEN, Uitkomst.DEELS_TOEGEWEZEN, Uitkomst.AFGEWEZEN)
# Outcomes that give the requester (some of) what was asked: identity must be established first.
UITKOMSTEN_TOEGEWEZEN = (Uitkomst.TOEGEWEZEN, Uitkomst.DEELS_TOEGEWEZEN)
# Outcomes that take no action on the request (art. 12(4) AVG): due within the first month, also
# when the term was extended.
UITKOMSTEN_ZONDER_ACTIE = (Uitkomst.AFGEWEZEN,)


class Grond(models.TextChoices):
    """Why (part of) a request is refused."""

    ART_23 = "art_23", "Uitzondering op grond van art. 23 AVG en art. 41 UAVG"
    KENNELIJK_ONGEGROND = "kennelijk_ongegrond", "Kennelijk ongegrond (art. 12 lid 5 AVG)"
    BUITENSPORIG = "buitensporig", "Buitensporig, vooral door herhaling (art. 12 lid 5 AVG)"
    IDENTITEIT = "identiteit", "Identiteit niet vastgesteld (art. 11 lid 2 en art. 12 lid 6 AVG)"
    ART_17_3 = "art_17_3", "Wissen niet toegestaan: wettelijke plicht of publieke taak (art. 17 lid 3 AVG)"
    ART_21_DWINGEND = "art_21_dwingend", "Dwingende gerechtvaardigde gronden (art. 21 lid 1 AVG)"
    ANDERS = "anders", "Andere grond (zie de toelichting)"


# B1 explanation of each ground, for the answer letter.
GROND_B1 = {
    Grond.ART_23: "De wet staat toe dat wij uw verzoek (deels) weigeren. Dat mag om een belangrijk algemeen "
    "belang of de rechten van anderen te beschermen (artikel 23 AVG en artikel 41 UAVG).",
    Grond.KENNELIJK_ONGEGROND: "Uw verzoek is duidelijk ongegrond. Daarom hoeven wij het niet uit te voeren "
    "(artikel 12 lid 5 AVG).",
    Grond.BUITENSPORIG: "Uw verzoek is buitensporig, vooral omdat u hetzelfde al vaker vroeg. Daarom hoeven wij "
    "het niet uit te voeren (artikel 12 lid 5 AVG).",
    Grond.IDENTITEIT: "Wij konden niet vaststellen dat u de persoon bent om wie het gaat. Daarom mogen wij de "
    "gegevens niet geven of veranderen (artikel 11 en 12 lid 6 AVG).",
    Grond.ART_17_3: "Wij moeten deze gegevens bewaren, omdat de wet dat verplicht of omdat wij ze nodig hebben "
    "voor een taak van de gemeente (artikel 17 lid 3 AVG).",
    Grond.ART_21_DWINGEND: "Wij hebben zwaarwegende redenen om uw gegevens toch te gebruiken. Die wegen zwaarder "
    "dan uw belang (artikel 21 lid 1 AVG).",
    Grond.ANDERS: "",
}


class IdentiteitWijze(models.TextChoices):
    """How the privacy officer established the requester's identity."""

    BALIE = "balie", "Identiteitsbewijs getoond aan de balie"
    DIGID = "digid", "Ingelogd met DigiD"
    BEKENDE_GEGEVENS = "bekende_gegevens", "Vergeleken met gegevens die de gemeente al heeft"
    AANVULLENDE_INFORMATIE = "aanvullende_informatie", "Aanvullende informatie gevraagd en ontvangen (art. 12 lid 6)"
    VERTEGENWOORDIGER = "vertegenwoordiger", "Machtiging en identiteit van de vertegenwoordiger gecontroleerd"
    NIET_VASTGESTELD = "niet_vastgesteld", "Niet vastgesteld"


class TaakStatus(models.TextChoices):
    OPEN = "open", "Open"
    AFGEROND = "afgerond", "Afgerond"
    VERVALLEN = "vervallen", "Vervallen"


# Milestones of the deadline scan: reminders one week and two working days before the deadline.
HERINNERING_DAGEN = 7
HERINNERING_WERKDAGEN = 2

# An inwoner's web request that is not confirmed within this many days lapses and is anonymised.
BEVESTIGEN_BINNEN_DAGEN = 7

# What anonymised text fields hold afterwards.
GEANONIMISEERD = "[geanonimiseerd]"


class KopieVorm(models.TextChoices):
    """How the requester gets the copy of the data (art. 15(3) AVG)."""

    ELEKTRONISCH = "elektronisch", "Elektronisch (een bestand dat u op de computer kunt openen)"
    PAPIER = "papier", "Op papier, per post"
    BALIE = "balie", "Ophalen aan de balie van het gemeentehuis"


# Art. 15(3): a request made by electronic means gets the copy electronically, unless the requester
# asked for another form.
KANALEN_ELEKTRONISCH = frozenset({Kanaal.EMAIL, Kanaal.WEBFORMULIER})
