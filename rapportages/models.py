"""The reports archive, the FG's findings per year and a gemeente's house style for the PDFs.

A Rapportage is one generated report: what (soort, gemeente, period), who asked and when, its
progress while the Celery task renders it, the PDF on private storage, and the data state it was
made from (`gegevensstand`) so it can be reproduced and checked later.
"""

import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator, RegexValidator
from django.db import models
from simple_history.models import HistoricalRecords

from privacy_portal.core.historie import GeschiedenisManager
from privacy_portal.organisaties.models import Gemeente

from .constants import STANDAARD_KLEUR, Soort, Status
from .validators import valideer_contrast, valideer_logo


def rapport_pad(instance, bestandsnaam):
    """Private storage; the name holds no personal data."""
    return f"rapportages/{instance.gemeente.uuid}/{instance.uuid}.pdf"


def logo_pad(instance, bestandsnaam):
    extensie = bestandsnaam.rsplit(".", 1)[-1].lower() if "." in bestandsnaam else "png"
    return f"thema/{instance.gemeente.uuid}/logo.{extensie}"


class Rapportage(models.Model):
    uuid = models.UUIDField("identificatie", default=uuid.uuid4, unique=True, editable=False)
    soort = models.CharField("soort rapportage", max_length=30, choices=Soort.choices)
    gemeente = models.ForeignKey(
        Gemeente, verbose_name="gemeente", on_delete=models.PROTECT, related_name="rapportages"
    )
    periode_van = models.DateField("periode van", help_text="Eerste dag van de periode.")
    periode_tot = models.DateField("periode tot en met", help_text="Laatste dag van de periode (tot en met).")
    status = models.CharField("status", max_length=20, choices=Status.choices, default=Status.WACHTRIJ, db_index=True)
    voortgang = models.PositiveSmallIntegerField(
        "voortgang (%)", default=0, validators=[MaxValueValidator(100)], help_text="0 tot en met 100."
    )
    pdf = models.FileField(
        "PDF", upload_to=rapport_pad, blank=True, help_text="Staat op de afgeschermde opslag, niet openbaar."
    )
    aangevraagd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="aangevraagd door", on_delete=models.PROTECT, related_name="+"
    )
    aangevraagd_op = models.DateTimeField("aangevraagd op", db_index=True)
    gestart_op = models.DateTimeField("gestart op", null=True, blank=True)
    klaar_op = models.DateTimeField("klaar op", null=True, blank=True)
    gegevensstand = models.JSONField(
        "gegevensstand",
        default=dict,
        blank=True,
        help_text="De stand van de gegevens waaruit de rapportage is gemaakt: aantallen en de laatste "
        "historieregels per bron, zodat de rapportage te controleren en te herhalen is.",
    )
    foutmelding = models.TextField("foutmelding", blank=True)
    pogingen = models.PositiveSmallIntegerField(
        "pogingen", default=0, help_text="Hoe vaak het maken is gestart; na drie afgebroken pogingen stopt het."
    )
    history = HistoricalRecords(excluded_fields=["voortgang"])
    objects = GeschiedenisManager()

    class Meta:
        verbose_name = "rapportage"
        verbose_name_plural = "rapportages"
        ordering = ["-aangevraagd_op", "-pk"]
        permissions = [
            ("view_dashboard", "Dashboard met cijfers zien"),
            ("bevindingen_rapportage", "Bevindingen en aanbevelingen van de FG schrijven"),
        ]
        indexes = [models.Index(fields=["gemeente", "-aangevraagd_op"])]

    def __str__(self):
        return f"{self.get_soort_display()} {self.gemeente} {self.periode_van:%d-%m-%Y} – {self.periode_tot:%d-%m-%Y}"

    @property
    def is_klaar(self):
        return self.status == Status.KLAAR and bool(self.pdf)

    @property
    def loopt(self):
        return self.status in (Status.WACHTRIJ, Status.BEZIG)

    @property
    def bestandsnaam(self):
        return f"{self.soort}-{self.gemeente.slug}-{self.periode_van:%Y%m%d}-{self.periode_tot:%Y%m%d}.pdf"


class FgBevindingen(models.Model):
    """The FG's findings and recommendations for one year, printed in the jaarverslag aan het college."""

    gemeente = models.ForeignKey(
        Gemeente, verbose_name="gemeente", on_delete=models.PROTECT, related_name="fg_bevindingen"
    )
    jaar = models.PositiveSmallIntegerField("jaar")
    bevindingen = models.TextField(
        "bevindingen", blank=True, help_text="Wat de FG dit jaar heeft gezien: wat goed ging en wat beter moet."
    )
    aanbevelingen = models.TextField(
        "aanbevelingen", blank=True, help_text="Wat de FG het college aanbeveelt voor het komende jaar."
    )
    gewijzigd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="laatst gewijzigd door",
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
    )
    gewijzigd_op = models.DateTimeField("laatst gewijzigd op", null=True, blank=True)
    history = HistoricalRecords()
    objects = GeschiedenisManager()

    class Meta:
        verbose_name = "bevindingen van de FG"
        verbose_name_plural = "bevindingen van de FG"
        ordering = ["gemeente__naam", "-jaar"]
        constraints = [models.UniqueConstraint(fields=["gemeente", "jaar"], name="een_fg_verslag_per_jaar")]

    def __str__(self):
        return f"Bevindingen FG {self.gemeente} {self.jaar}"


class GemeenteThema(models.Model):
    """A gemeente's name, colour and logo in the header of its reports."""

    # An installation setting the technical beheerder manages (privacy_portal.organisaties.beheerder).
    beheerinstelling = True

    gemeente = models.OneToOneField(
        Gemeente, verbose_name="gemeente", on_delete=models.CASCADE, related_name="rapport_thema"
    )
    naam = models.CharField(
        "naam in de kop", max_length=200, help_text="Zoals het boven elke pagina staat, bijv. 'Gemeente Voorbeeldstad'."
    )
    primaire_kleur = models.CharField(
        "huiskleur",
        max_length=7,
        default=STANDAARD_KLEUR,
        validators=[
            RegexValidator(r"^#[0-9a-fA-F]{6}$", "Geef de kleur als #rrggbb, bijvoorbeeld #153b5c."),
            valideer_contrast,
        ],
        help_text="Voor koppen en lijnen. Moet donker genoeg zijn voor tekst op wit (contrast 4,5:1).",
    )
    logo = models.FileField(
        "logo",
        upload_to=logo_pad,
        blank=True,
        validators=[valideer_logo],
        help_text="PNG of JPEG, hoogstens 1 MB. Staat links boven in de rapportages.",
    )
    history = HistoricalRecords()
    objects = GeschiedenisManager()

    class Meta:
        verbose_name = "huisstijl voor rapportages"
        verbose_name_plural = "huisstijlen voor rapportages"
        ordering = ["gemeente__naam"]

    def __str__(self):
        return self.naam
