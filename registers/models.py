"""The register van verwerkingen (AVG art. 30(1) plus Dutch practice).

A Verwerking is the living record with a stable uuid. Each time the privacy officer approves it,
a VerwerkingVersie freezes its content with its own uuid: applications cite both in their logs
(Logboek Dataverwerkingen), and the public page shows only the latest approved version.
"""

import uuid

from django.conf import settings
from django.db import models
from guardian.models import GroupObjectPermissionBase, UserObjectPermissionBase
from simple_history.models import HistoricalRecords

from privacy_portal.core.historie import GeschiedenisManager, HistorieWeergave
from privacy_portal.organisaties.models import Gemeente, Team, Verwerkingsverantwoordelijke

from .constants import BijzondereCategorie, DpiaStatus, Grondslag, Status


def _namen_van_verantwoordelijken(ids):
    """Controllers by their own name (their str() adds the gemeente, which the record already shows)."""
    return dict(Verwerkingsverantwoordelijke._base_manager.filter(pk__in=ids).values_list("pk", "naam"))


def _namen_van_gebruikers(ids):
    from django.contrib.auth import get_user_model

    return {
        gebruiker.pk: gebruiker.get_full_name() or gebruiker.username
        for gebruiker in get_user_model()._base_manager.filter(pk__in=ids)
    }


# The lists of codes name their choices; the controller is named by its own name.
INHOUD_KEUZES = {"grondslagen": Grondslag, "bijzondere_categorieen": BijzondereCategorie}
INHOUD_NAMEN = {"verwerkingsverantwoordelijke": _namen_van_verantwoordelijken}


class VerwerkingInhoud(models.Model):
    """The content of a verwerking, shared by the living record and its approved versions."""

    naam = models.CharField("naam van de verwerking", max_length=250)
    team = models.ForeignKey(Team, verbose_name="team", on_delete=models.PROTECT, related_name="+")
    verwerkingsverantwoordelijke = models.ForeignKey(
        Verwerkingsverantwoordelijke,
        verbose_name="verwerkingsverantwoordelijke",
        on_delete=models.PROTECT,
        related_name="+",
    )
    gezamenlijke_verantwoordelijken = models.TextField(
        "gezamenlijke verwerkingsverantwoordelijken",
        blank=True,
        help_text="Andere organisaties die samen met de gemeente doel en middelen bepalen (art. 26), met contact.",
    )
    doeleinden = models.TextField("doeleinden", blank=True, help_text="Waarvoor worden de gegevens gebruikt?")
    grondslagen = models.JSONField(
        "grondslagen", default=list, blank=True, help_text="Eén of meer grondslagen uit AVG art. 6 lid 1 (a-f)."
    )
    grondslag_toelichting = models.TextField(
        "toelichting op de grondslag",
        blank=True,
        help_text="Bijvoorbeeld de wet en het artikel waarop de verwerking steunt.",
    )
    categorieen_betrokkenen = models.TextField("categorieën betrokkenen", blank=True)
    categorieen_persoonsgegevens = models.TextField("categorieën persoonsgegevens", blank=True)
    bijzondere_categorieen = models.JSONField(
        "bijzondere persoonsgegevens", default=list, blank=True, help_text="Categorieën uit AVG art. 9 lid 1."
    )
    strafrechtelijke_gegevens = models.BooleanField("strafrechtelijke gegevens (art. 10)", default=False)
    gebruikt_bsn = models.BooleanField("gebruikt het BSN (art. 46 UAVG)", default=False)
    ontvangers = models.TextField("categorieën ontvangers", blank=True)
    verwerkers = models.TextField(
        "verwerkers", blank=True, help_text="Leveranciers die gegevens in opdracht van de gemeente verwerken."
    )
    doorgifte_buiten_eer = models.BooleanField("doorgifte buiten de EER", default=False)
    doorgifte_waarborgen = models.TextField(
        "landen en waarborgen bij doorgifte",
        blank=True,
        help_text="Naar welke landen, en met welke waarborgen (art. 44-49).",
    )
    bewaartermijn = models.TextField("bewaartermijn", blank=True)
    herkomst = models.TextField("herkomst van de gegevens", blank=True)
    beveiligingsmaatregelen = models.TextField(
        "beveiligingsmaatregelen (intern)",
        blank=True,
        help_text="Algemene beschrijving van technische en organisatorische maatregelen. Niet openbaar.",
    )
    geautomatiseerde_besluitvorming = models.BooleanField(
        "profilering of geautomatiseerde besluitvorming", default=False
    )
    algoritme_of_ai = models.BooleanField("gebruik van algoritmen of AI", default=False)
    dpia_status = models.CharField(
        "DPIA-status", max_length=20, choices=DpiaStatus.choices, default=DpiaStatus.ONBEKEND
    )
    interne_notitie = models.TextField("interne notitie", blank=True, help_text="Niet openbaar.")

    class Meta:
        abstract = True

    @property
    def grondslagen_labels(self):
        return [Grondslag(code).label for code in self.grondslagen if code in Grondslag.values]

    @property
    def bijzondere_labels(self):
        return [BijzondereCategorie(c).label for c in self.bijzondere_categorieen if c in BijzondereCategorie.values]


class Verwerking(VerwerkingInhoud):
    uuid = models.UUIDField("identificatie", default=uuid.uuid4, unique=True, editable=False)
    gemeente = models.ForeignKey(
        Gemeente, verbose_name="gemeente", on_delete=models.PROTECT, related_name="verwerkingen"
    )
    status = models.CharField("status", max_length=20, choices=Status.choices, default=Status.CONCEPT, db_index=True)
    afwijsreden = models.TextField("reden van terugsturen", blank=True)
    volledigheid = models.PositiveSmallIntegerField(
        "volledigheid (%)", default=0, help_text="Berekend: het deel van de verplichte velden dat is ingevuld."
    )
    gepubliceerde_versie = models.OneToOneField(
        "VerwerkingVersie",
        verbose_name="vastgestelde versie",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text="De laatst vastgestelde versie; die staat op de openbare pagina.",
    )
    aangemaakt_op = models.DateTimeField("aangemaakt op", auto_now_add=True)
    gewijzigd_op = models.DateTimeField("gewijzigd op", auto_now=True)
    history = HistoricalRecords(excluded_fields=["gewijzigd_op"])
    objects = GeschiedenisManager()
    # Completeness is derived, the published version is named in the reason ("Vastgesteld als versie 2").
    historie_weergave = HistorieWeergave(
        verborgen={"volledigheid", "gepubliceerde_versie", "aangemaakt_op"},
        keuzes=INHOUD_KEUZES,
        namen=INHOUD_NAMEN,
    )

    class Meta:
        verbose_name = "verwerking"
        verbose_name_plural = "verwerkingen"
        ordering = ["naam"]
        permissions = [
            ("indienen_verwerking", "Verwerking ter beoordeling indienen"),
            ("beoordelen_verwerking", "Verwerking vaststellen of terugsturen"),
            ("archiveren_verwerking", "Verwerking archiveren"),
            ("delegeren_verwerking", "Verwerking delegeren aan een medewerker"),
            ("importeren_verwerking", "Register importeren"),
        ]
        indexes = [models.Index(fields=["gemeente", "status"])]

    def __str__(self):
        return self.naam

    @property
    def is_openbaar(self):
        return self.gepubliceerde_versie_id is not None and self.status != Status.GEARCHIVEERD


class VerwerkingVersie(VerwerkingInhoud):
    """An approved version, frozen. Never changed after it is made."""

    uuid = models.UUIDField("versie-identificatie", default=uuid.uuid4, unique=True, editable=False)
    verwerking = models.ForeignKey(
        Verwerking, verbose_name="verwerking", on_delete=models.CASCADE, related_name="versies"
    )
    volgnummer = models.PositiveIntegerField("versienummer")
    vastgesteld_op = models.DateTimeField("vastgesteld op")
    vastgesteld_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="vastgesteld door", on_delete=models.PROTECT, related_name="+"
    )
    history = HistoricalRecords()
    objects = GeschiedenisManager()
    historie_weergave = HistorieWeergave(
        keuzes=INHOUD_KEUZES, namen={**INHOUD_NAMEN, "vastgesteld_door": _namen_van_gebruikers}
    )

    class Meta:
        verbose_name = "vastgestelde versie"
        verbose_name_plural = "vastgestelde versies"
        ordering = ["verwerking", "-volgnummer"]
        constraints = [models.UniqueConstraint(fields=["verwerking", "volgnummer"], name="uniek_volgnummer")]

    def __str__(self):
        return f"{self.naam} v{self.volgnummer}"


class RegisterImport(models.Model):
    """An uploaded spreadsheet between upload, column mapping, preview and confirmation."""

    class Stap(models.TextChoices):
        KOPPELEN = "koppelen", "Kolommen koppelen"
        VOORBEELD = "voorbeeld", "Voorbeeld"
        GEIMPORTEERD = "geimporteerd", "Geïmporteerd"

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    gemeente = models.ForeignKey(Gemeente, verbose_name="gemeente", on_delete=models.CASCADE)
    door = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="door", on_delete=models.PROTECT)
    bestandsnaam = models.CharField("bestandsnaam", max_length=255)
    kolommen = models.JSONField("kolommen", default=list)
    rijen = models.JSONField("rijen", default=list)
    koppeling = models.JSONField("koppeling", default=dict)
    standaard_team = models.ForeignKey(
        Team, verbose_name="standaardteam", on_delete=models.SET_NULL, null=True, blank=True
    )
    stap = models.CharField("stap", max_length=20, choices=Stap.choices, default=Stap.KOPPELEN)
    verslag = models.JSONField(
        "verslag",
        default=dict,
        blank=True,
        help_text="Na het importeren: de aangemaakte verwerkingen, de overgeslagen rijen met reden en de "
        "waarschuwingen.",
    )
    aangemaakt_op = models.DateTimeField("aangemaakt op", auto_now_add=True)
    history = HistoricalRecords(excluded_fields=["rijen"])

    class Meta:
        verbose_name = "registerimport"
        verbose_name_plural = "registerimports"

    def __str__(self):
        return self.bestandsnaam


class VerwerkingUserObjectPermission(UserObjectPermissionBase):
    """Delegation of one verwerking to one medewerker (django-guardian, direct foreign key)."""

    content_object = models.ForeignKey(Verwerking, on_delete=models.CASCADE, related_name="delegaties")

    class Meta(UserObjectPermissionBase.Meta):
        verbose_name = "delegatie"
        verbose_name_plural = "delegaties"


class VerwerkingGroupObjectPermission(GroupObjectPermissionBase):
    content_object = models.ForeignKey(Verwerking, on_delete=models.CASCADE)
