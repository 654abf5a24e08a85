"""Kernel models: the audit log of reads and exports, the record of deadline scans, the extra
non-working days of the deadline calendar (`kalender.py`) and the users' API keys (`api_sleutels.py`)."""

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from simple_history.models import HistoricalRecords

from .historie import GeschiedenisManager


class AuditKeten(models.Model):
    """The head of one hash chain of the audit log: one chain per gemeente and one for rows without
    a gemeente (logins). Appending to a chain locks its head, so the chain stays linear.

    `anker_*` is where the chain starts after the retention removed its oldest rows: the number and
    hash of the last removed row. `audit_verify` starts from there.
    """

    sleutel = models.CharField("sleutel", max_length=40, unique=True)
    gemeente = models.OneToOneField(
        "organisaties.Gemeente",
        verbose_name="gemeente",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="auditketen",
    )
    laatste_volgnummer = models.PositiveBigIntegerField("laatste volgnummer", default=0)
    laatste_hash = models.CharField("laatste hash", max_length=64, blank=True)
    anker_volgnummer = models.PositiveBigIntegerField("anker volgnummer", default=0)
    anker_hash = models.CharField("anker hash", max_length=64, blank=True)
    opgeschoond_op = models.DateTimeField("laatst opgeschoond op", null=True, blank=True)

    class Meta:
        verbose_name = "auditketen"
        verbose_name_plural = "auditketens"

    def __str__(self):
        return f"Auditketen {self.sleutel} (tot {self.laatste_volgnummer})"


class AuditEvent(models.Model):
    """Who did what with which data, when, from where, with which result (BIO 8.15). Never altered.

    `object_id` and `object_ids` hold stable identifiers (uuids), never personal data. A list or an
    export is one row naming every object shown (`object_ids`). Each row is part of a hash chain
    (`keten`, `volgnummer`, `vorige_hash`, `hash`); the database refuses UPDATE and DELETE (a trigger,
    migration 0004), except the retention's removal of expired rows.
    """

    class Actie(models.TextChoices):
        INZIEN = "inzien", "Inzien"
        EXPORTEREN = "exporteren", "Exporteren"
        DOWNLOADEN = "downloaden", "Downloaden"
        IMPORTEREN = "importeren", "Importeren"
        GEWEIGERD = "geweigerd", "Geweigerd"
        INLOGGEN = "inloggen", "Inloggen"
        INLOGGEN_MISLUKT = "inloggen_mislukt", "Inloggen mislukt"
        UITLOGGEN = "uitloggen", "Uitloggen"
        RECHT_TOEGEKEND = "recht_toegekend", "Recht toegekend"
        RECHT_INGETROKKEN = "recht_ingetrokken", "Recht ingetrokken"
        BLOKKADE_OPGEHEVEN = "blokkade_opgeheven", "Blokkade opgeheven"

    tijdstip = models.DateTimeField("tijdstip", db_index=True, default=timezone.now)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="actor", on_delete=models.PROTECT, null=True, blank=True
    )
    actie = models.CharField("actie", max_length=20, choices=Actie.choices)
    object_type = models.CharField("soort object", max_length=100)
    object_id = models.CharField("object", max_length=100, blank=True)
    object_ids = models.JSONField("getoonde objecten", default=list, blank=True, help_text="Bij een lijst of export.")
    details = models.JSONField(
        "details", default=dict, blank=True, help_text="Bij een export: register, formaat, filter en aantal."
    )
    resultaat = models.CharField("resultaat", max_length=100, default="gelukt")
    herkomst = models.CharField("herkomst", max_length=20, help_text="web, api of opdrachtregel")
    client_adres = models.CharField("adres van de client", max_length=45, blank=True)
    gemeente = models.ForeignKey(
        "organisaties.Gemeente", verbose_name="gemeente", on_delete=models.PROTECT, null=True, blank=True
    )
    keten = models.ForeignKey(AuditKeten, verbose_name="keten", on_delete=models.PROTECT, related_name="regels")
    volgnummer = models.PositiveBigIntegerField("volgnummer")
    vorige_hash = models.CharField("hash van de vorige regel", max_length=64, blank=True)
    hash = models.CharField("hash", max_length=64)

    class Meta:
        verbose_name = "auditregel"
        verbose_name_plural = "auditlog"
        ordering = ["-tijdstip", "-pk"]
        constraints = [models.UniqueConstraint(fields=["keten", "volgnummer"], name="uniek_volgnummer_per_keten")]
        indexes = [models.Index(fields=["gemeente", "tijdstip"], name="audit_gemeente_tijdstip")]

    def __str__(self):
        return f"{self.tijdstip:%Y-%m-%d %H:%M} {self.actie} {self.object_type} {self.object_id}"

    def save(self, *args, **kwargs):
        if self.pk:
            raise RuntimeError("Auditregels worden nooit gewijzigd.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise RuntimeError("Auditregels worden nooit verwijderd.")


class ScanRun(models.Model):
    """One run of the deadline scan, so a dead scanner is visible."""

    gestart_op = models.DateTimeField("gestart op", db_index=True)
    klaar_op = models.DateTimeField("klaar op", null=True, blank=True)
    herkomst = models.CharField("herkomst", max_length=30)
    resultaat = models.JSONField("resultaat", default=dict)

    class Meta:
        verbose_name = "termijnscan"
        verbose_name_plural = "termijnscans"
        ordering = ["-gestart_op"]

    def __str__(self):
        return f"Termijnscan {self.gestart_op:%Y-%m-%d %H:%M} ({self.herkomst})"


class ExtraVrijeDag(models.Model):
    """A day declared equal to a public holiday by royal decree (Algemene termijnenwet art. 3(3)).

    The decree is taken about once every three years. The decrees for 2023-2028 ship with the
    portal as data (`core/gelijkgestelde_dagen.py`); an administrator enters the days of later
    decrees here, with the decree's name as omschrijving.

    Deadlines that would end on this day move to the next working day. Changing these days
    triggers `kalender_db.bij_kalenderwijziging` callbacks so registers can recompute open deadlines.
    """

    datum = models.DateField(
        "datum",
        unique=True,
        help_text=(
            "Een dag die bij koninklijk besluit met een algemeen erkende feestdag is gelijkgesteld, "
            "bijvoorbeeld de vrijdag na Hemelvaartsdag. Termijnen die op deze dag eindigen, lopen door "
            "tot de eerstvolgende werkdag."
        ),
    )
    omschrijving = models.CharField(
        "omschrijving",
        max_length=200,
        help_text=(
            "Waarom deze dag vrij is, bijvoorbeeld 'Vrijdag na Hemelvaartsdag, gelijkgesteld bij koninklijk besluit'."
        ),
    )
    history = HistoricalRecords()
    objects = GeschiedenisManager()

    class Meta:
        verbose_name = "extra vrije dag"
        verbose_name_plural = "extra vrije dagen"
        ordering = ["datum"]

    def __str__(self):
        return f"{self.datum:%d-%m-%Y} {self.omschrijving}"


class ApiSleutel(models.Model):
    """A user's key for the API (`Authorization: Token <sleutel>`), made and revoked on the page
    "API-sleutels". Only a SHA-256 hash of the key is stored: the key is shown once, when it is made.
    It expires, and it reads only or also writes (`bereik`); it acts with its user's rights.
    """

    class Bereik(models.TextChoices):
        LEZEN = "lezen", "Alleen lezen"
        LEZEN_EN_SCHRIJVEN = "lezen_en_schrijven", "Lezen en schrijven"

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    gebruiker = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="gebruiker", on_delete=models.CASCADE, related_name="api_sleutels"
    )
    naam = models.CharField(
        "naam", max_length=100, help_text="Waarvoor u de sleutel gebruikt, bijvoorbeeld 'Koppeling zaaksysteem'."
    )
    voorvoegsel = models.CharField(
        "begin van de sleutel", max_length=12, help_text="De eerste tekens, om de sleutel te herkennen."
    )
    sleutel_hash = models.CharField("hash van de sleutel", max_length=64, unique=True, editable=False)
    bereik = models.CharField("mag", max_length=20, choices=Bereik.choices, default=Bereik.LEZEN)
    aangemaakt_op = models.DateTimeField("aangemaakt op")
    verloopt_op = models.DateTimeField("verloopt op")
    ingetrokken_op = models.DateTimeField("ingetrokken op", null=True, blank=True)
    laatst_gebruikt_op = models.DateTimeField("laatst gebruikt op", null=True, blank=True)
    history = HistoricalRecords(excluded_fields=["laatst_gebruikt_op"])
    objects = GeschiedenisManager()

    class Meta:
        verbose_name = "API-sleutel"
        verbose_name_plural = "API-sleutels"
        ordering = ["-aangemaakt_op"]

    def __str__(self):
        return f"{self.naam} ({self.voorvoegsel}…)"

    def geldig(self, nu):
        return self.ingetrokken_op is None and self.verloopt_op > nu
