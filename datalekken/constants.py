"""Closed lists of the datalekregister, following the AP's notification form (DOMAIN.md)."""

from django.db import models


class Status(models.TextChoices):
    GEMELD = "gemeld", "Gemeld, nog niet beoordeeld"
    IN_BEHANDELING = "in_behandeling", "In behandeling"
    AFGESLOTEN = "afgesloten", "Afgesloten"


class Risico(models.TextChoices):
    GEEN = "geen", "Geen risico"
    RISICO = "risico", "Risico"
    HOOG = "hoog", "Hoog risico"


class Oorzaak(models.TextChoices):
    VERKEERD_VERSTUURD = "verkeerd_verstuurd", "Verkeerd verstuurd (e-mail, post)"
    VERLIES = "verlies", "Verlies van een gegevensdrager (laptop, USB-stick, papier)"
    DIEFSTAL = "diefstal", "Diefstal"
    HACK = "hack", "Hacking, malware of phishing"
    ONBEVOEGDE_TOEGANG = "onbevoegde_toegang", "Onbevoegde toegang door een medewerker"
    FOUT_VERWERKER = "fout_verwerker", "Fout bij een verwerker"
    ANDERS = "anders", "Anders"


class SoortInbreuk(models.TextChoices):
    GELEZEN = "gelezen", "Gelezen"
    GEKOPIEERD = "gekopieerd", "Gekopieerd"
    VERANDERD = "veranderd", "Veranderd"
    VERWIJDERD = "verwijderd", "Verwijderd of vernietigd"
    GESTOLEN = "gestolen", "Gestolen"
    ONBEKEND = "onbekend", "Nog niet bekend"


class SoortGegevens(models.TextChoices):
    NAW = "naw", "Naam, adres, woonplaats"
    CONTACT = "contact", "Contactgegevens (telefoon, e-mail)"
    BSN = "bsn", "Burgerservicenummer"
    ID_KOPIE = "id_kopie", "Kopie identiteitsbewijs"
    FINANCIEEL = "financieel", "Financiële gegevens"
    BIJZONDER = "bijzonder", "Bijzondere persoonsgegevens (zoals gezondheid)"
    STRAFRECHTELIJK = "strafrechtelijk", "Strafrechtelijke gegevens"
    INLOG = "inlog", "Gebruikersnamen en wachtwoorden"
    ANDERS = "anders", "Andere gegevens"


class Gevolg(models.TextChoices):
    VERTROUWELIJKHEID = "vertrouwelijkheid", "Vertrouwelijkheid (onbevoegden hebben kennis genomen)"
    INTEGRITEIT = "integriteit", "Integriteit (gegevens zijn veranderd)"
    BESCHIKBAARHEID = "beschikbaarheid", "Beschikbaarheid (gegevens zijn niet meer beschikbaar)"


class BijzondereCategorie(models.TextChoices):
    """AVG art. 9(1): the special categories of personal data the AP form asks to name."""

    RAS_ETNISCH = "ras_etnisch", "Ras of etnische afkomst"
    POLITIEK = "politiek", "Politieke opvattingen"
    RELIGIE = "religie", "Religieuze of levensbeschouwelijke overtuigingen"
    VAKBOND = "vakbond", "Lidmaatschap van een vakbond"
    GENETISCH = "genetisch", "Genetische gegevens"
    BIOMETRISCH = "biometrisch", "Biometrische gegevens (om iemand te identificeren)"
    GEZONDHEID = "gezondheid", "Gezondheid"
    SEKSUEEL = "seksueel", "Seksueel gedrag of seksuele gerichtheid"


class Schade(models.TextChoices):
    """The kinds of harm the AP form asks about (AVG overweging 85); several may apply."""

    LICHAMELIJK = "lichamelijk", "Lichamelijke schade"
    MATERIEEL = "materieel", "Materiële schade (zoals financieel verlies)"
    IMMATERIEEL = "immaterieel", "Immateriële schade (zoals reputatieschade, discriminatie of stress)"


class SoortMelding(models.TextChoices):
    MELDING = "melding", "Melding"
    AANVULLING = "aanvulling", "Aanvulling"
    INTREKKING = "intrekking", "Intrekking"


class Uitzondering343(models.TextChoices):
    """AVG art. 34(3): when betrokkenen need not be informed individually."""

    VERSLEUTELD = "versleuteld", "a. De gegevens waren onbegrijpelijk gemaakt (versleuteld)"
    RISICO_WEGGENOMEN = "risico_weggenomen", "b. Het hoge risico is achteraf weggenomen"
    ONEVENREDIG = "onevenredig", "c. Onevenredige inspanning: er is een openbare mededeling gedaan"


# Reminder milestones: hours after kennisname while a possibly notifiable datalek is not notified.
HERINNERING_UREN = (24, 48, 60)
RISICO_ONTBREEKT_UREN = 12
