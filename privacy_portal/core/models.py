"""Kernel models: the audit log of reads and exports, the record of deadline scans, the extra
non-working days of the deadline calendar (`kalender.py`) and the users' API keys (`api_sleutels.py`)."""

import uuid

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from .historie import GeschiedenisManager


class AuditEvent(models.Model):
    """Who did what with which data, when, with which result (BIO 8.15). Never altered.

    `object_id` holds a stable identifier (uuid), never personal data.
    """

    class Actie(models.TextChoices):
        INZIEN = "inzien", "Inzien"
        EXPORTEREN = "exporteren", "Exporteren"
        DOWNLOADEN = "downloaden", "Downloaden"
        IMPORTEREN = "importeren", "Importeren"
        GEWEIGERD = "geweigerd", "Geweigerd"

    tijdstip = models.DateTimeField("tijdstip", auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="actor", on_delete=models.PROTECT, null=True, blank=True
    )
    actie = models.CharField("actie", max_length=20, choices=Actie.choices)
    object_type = models.CharField("soort object", max_length=100)
    object_id = models.CharField("object", max_length=100, blank=True)
    resultaat = models.CharField("resultaat", max_length=100, default="gelukt")
    herkomst = models.CharField("herkomst", max_length=20, help_text="web, api of opdrachtregel")

    class Meta:
        verbose_name = "auditregel"
        verbose_name_plural = "auditlog"
        ordering = ["-tijdstip"]

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
