"""Closed lists of the law and the register's states."""

from django.db import models


class Status(models.TextChoices):
    CONCEPT = "concept", "Concept"
    TER_BEOORDELING = "ter_beoordeling", "Ter beoordeling"
    VASTGESTELD = "vastgesteld", "Vastgesteld"
    GEARCHIVEERD = "gearchiveerd", "Gearchiveerd"


class Grondslag(models.TextChoices):
    """AVG art. 6(1) a-f."""

    A = "a", "a. Toestemming van de betrokkene"
    B = "b", "b. Uitvoering van een overeenkomst"
    C = "c", "c. Wettelijke verplichting"
    D = "d", "d. Vitale belangen"
    E = "e", "e. Algemeen belang of openbaar gezag"
    F = "f", "f. Gerechtvaardigd belang"


# B1 wording for the public page.
GRONDSLAG_B1 = {
    "a": "U heeft toestemming gegeven.",
    "b": "Het is nodig voor een overeenkomst met u.",
    "c": "De wet verplicht de gemeente hiertoe.",
    "d": "Het is nodig om iemands leven of gezondheid te beschermen.",
    "e": "Het is nodig voor een taak van de gemeente voor het algemeen belang.",
    "f": "De gemeente heeft een gerechtvaardigd belang.",
}


class BijzondereCategorie(models.TextChoices):
    """AVG art. 9(1)."""

    RAS_ETNISCH = "ras_etnisch", "Ras of etnische afkomst"
    POLITIEK = "politiek", "Politieke opvattingen"
    RELIGIE = "religie", "Religieuze of levensbeschouwelijke overtuigingen"
    VAKBOND = "vakbond", "Lidmaatschap van een vakbond"
    GENETISCH = "genetisch", "Genetische gegevens"
    BIOMETRISCH = "biometrisch", "Biometrische gegevens (voor unieke identificatie)"
    GEZONDHEID = "gezondheid", "Gezondheid"
    SEKSUEEL = "seksueel", "Seksueel gedrag of seksuele gerichtheid"


class DpiaStatus(models.TextChoices):
    ONBEKEND = "onbekend", "Nog niet beoordeeld"
    NIET_NODIG = "niet_nodig", "Niet nodig"
    NODIG = "nodig", "Nodig, nog niet uitgevoerd"
    IN_UITVOERING = "in_uitvoering", "In uitvoering"
    UITGEVOERD = "uitgevoerd", "Uitgevoerd"


# Fields art. 30(1) and Dutch practice require before a verwerking can be submitted.
VERPLICHTE_VELDEN = (
    "naam",
    "verwerkingsverantwoordelijke",
    "doeleinden",
    "grondslagen",
    "grondslag_toelichting",
    "categorieen_betrokkenen",
    "categorieen_persoonsgegevens",
    "ontvangers",
    "bewaartermijn",
    "herkomst",
    "beveiligingsmaatregelen",
)
