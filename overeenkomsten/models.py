"""The agreements behind the register: verwerkersovereenkomsten, joint-controller agreements, convenanten
and data-sharing agreements (seeds 000 bijlage 1, 002 ch. 7, 003 bijlage 2).

An Overeenkomst belongs to a gemeente and to the team of its owner (a teammanager). It names its
parties, covers verwerkingen of the same gemeente, lists sub-processors with their consent, says
where the data are stored, and ticks the required content of its kind (checklist.py). The next
review date and the day the end date comes within three months are stored (deadlines.py) so the
scan and the lists can filter on them; services.py recomputes them. The signed document lives on
the private default storage and is served only through a view that checks the permission.
"""

import uuid

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from privacy_portal.core.historie import GeschiedenisManager, HistorieWeergave
from privacy_portal.organisaties.models import Gemeente, Team

from .constants import LAND_KEUZES, AlleClausules, Doorgiftemechanisme, Soort


def document_pad(instance, bestandsnaam):
    """A storage path without the original file name (which may hold personal data)."""
    extensie = bestandsnaam.rsplit(".", 1)[-1].lower() if "." in bestandsnaam else "bin"
    return f"overeenkomsten/{instance.gemeente.uuid}/{uuid.uuid4().hex}.{extensie}"


class Overeenkomst(models.Model):
    uuid = models.UUIDField("identificatie", default=uuid.uuid4, unique=True, editable=False)
    gemeente = models.ForeignKey(
        Gemeente, verbose_name="gemeente", on_delete=models.PROTECT, related_name="overeenkomsten"
    )
    team = models.ForeignKey(
        Team,
        verbose_name="team",
        on_delete=models.PROTECT,
        related_name="overeenkomsten",
        help_text="Het team van de eigenaar; de teammanager van dit team beheert de overeenkomst.",
    )
    eigenaar = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="eigenaar",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text="De teammanager die de overeenkomst beheert en de herinneringen krijgt.",
    )
    soort = models.CharField("soort overeenkomst", max_length=40, choices=Soort.choices, db_index=True)
    onderwerp = models.CharField(
        "onderwerp", max_length=250, help_text="Bijvoorbeeld 'Hosting en beheer van het zaaksysteem'."
    )
    omschrijving = models.TextField(
        "aard en doel", blank=True, help_text="Wat gebeurt er met de gegevens, en waarvoor?"
    )
    samenvatting_openbaar = models.TextField(
        "uitleg voor inwoners",
        blank=True,
        help_text="Alleen bij een openbaar convenant: korte uitleg in eenvoudige taal op de openbare pagina.",
    )
    startdatum = models.DateField("ingangsdatum")
    einddatum = models.DateField("einddatum", null=True, blank=True, help_text="Leeg: voor onbepaalde tijd.")
    verwerkingen = models.ManyToManyField(
        "registers.Verwerking",
        verbose_name="verwerkingen",
        blank=True,
        related_name="overeenkomsten",
        help_text="De verwerkingen uit het register waarvoor deze overeenkomst geldt.",
    )
    opslag_land = models.CharField(
        "land van opslag",
        max_length=2,
        choices=LAND_KEUZES,
        blank=True,
        help_text="Waar de gegevens worden opgeslagen.",
    )
    buiten_eer = models.BooleanField(
        "opslag buiten de EER", default=False, editable=False, help_text="Berekend uit het land van opslag."
    )
    doorgiftemechanisme = models.CharField(
        "doorgiftemechanisme",
        max_length=40,
        choices=Doorgiftemechanisme.choices,
        blank=True,
        help_text="Verplicht bij opslag buiten de EER (AVG hoofdstuk V).",
    )
    doorgifte_toelichting = models.TextField("toelichting op de doorgifte", blank=True)
    clausules = models.JSONField(
        "aanwezige verplichte onderdelen",
        default=list,
        blank=True,
        help_text="Codes uit de checklist van deze soort overeenkomst die in de tekst staan.",
    )
    volledigheid = models.PositiveSmallIntegerField(
        "volledigheid (%)", default=0, editable=False, help_text="Berekend: het deel van de checklist dat erin staat."
    )
    openbaar = models.BooleanField(
        "openbaar",
        default=False,
        help_text="Alleen voor convenanten: publiceren op de openbare pagina van de gemeente (Woo).",
    )
    document = models.FileField("ondertekend document", upload_to=document_pad, blank=True, max_length=255)
    document_naam = models.CharField("bestandsnaam", max_length=255, blank=True)
    document_openbaar = models.BooleanField(
        "document openbaar",
        default=False,
        help_text="Alleen bij een openbaar convenant: het document is te downloaden op de openbare pagina.",
    )
    document_geupload_op = models.DateTimeField("document geüpload op", null=True, blank=True)
    # Four eyes on publication: who offered the document to the public (made it public, or uploaded a
    # new one while public) and who released it after review. Only a released document is downloadable.
    document_aangeboden_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="openbaar gemaakt door",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
    )
    document_vrijgegeven_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="openbaar document vrijgegeven door",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
    )
    document_vrijgegeven_op = models.DateTimeField(
        "openbaar document vrijgegeven op",
        null=True,
        blank=True,
        editable=False,
        help_text="Een openbaar document is pas te downloaden als iemand anders dan wie het openbaar maakte, "
        "het heeft vrijgegeven.",
    )
    laatste_review = models.DateField("laatste review", null=True, blank=True)
    volgende_review = models.DateField(
        "volgende review", null=True, blank=True, editable=False, db_index=True, help_text="Berekend: jaarlijks."
    )
    einde_signaal_op = models.DateField(
        "signaal einddatum",
        null=True,
        blank=True,
        editable=False,
        db_index=True,
        help_text="Berekend: drie maanden voor de einddatum.",
    )
    interne_notitie = models.TextField("interne notitie", blank=True, help_text="Niet openbaar.")
    aangemaakt_op = models.DateTimeField("aangemaakt op", auto_now_add=True)
    gewijzigd_op = models.DateTimeField("gewijzigd op", auto_now=True)
    history = HistoricalRecords(excluded_fields=["gewijzigd_op"])
    objects = GeschiedenisManager()
    # Derived values follow from the fields shown; the document's storage path is internal (its name is shown).
    historie_weergave = HistorieWeergave(
        verborgen={
            "volledigheid",
            "buiten_eer",
            "volgende_review",
            "einde_signaal_op",
            "document",
            "aangemaakt_op",
            "document_aangeboden_door",
            "document_vrijgegeven_door",
        },
        keuzes={"clausules": AlleClausules},
    )

    class Meta:
        verbose_name = "overeenkomst"
        verbose_name_plural = "overeenkomsten"
        ordering = ["onderwerp"]
        permissions = [
            ("document_overeenkomst", "Ondertekend document uploaden en downloaden"),
            ("vrijgeven_overeenkomst", "Openbaar document van een convenant vrijgeven (vier ogen)"),
        ]
        indexes = [models.Index(fields=["gemeente", "soort"])]

    def __str__(self):
        return self.onderwerp

    @property
    def is_openbaar_convenant(self):
        return self.openbaar and self.soort == Soort.CONVENANT

    @property
    def document_wacht_op_vrijgave(self):
        """Marked public, but nobody else has reviewed and released it yet."""
        return (
            self.is_openbaar_convenant
            and self.document_openbaar
            and bool(self.document)
            and self.document_vrijgegeven_op is None
        )

    @property
    def document_is_openbaar(self):
        return (
            self.is_openbaar_convenant
            and self.document_openbaar
            and bool(self.document)
            and self.document_vrijgegeven_op is not None
        )


class Partij(models.Model):
    """A party to the agreement: the verwerker or a partner, with a contact."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    overeenkomst = models.ForeignKey(
        Overeenkomst, verbose_name="overeenkomst", on_delete=models.CASCADE, related_name="partijen"
    )
    naam = models.CharField("naam organisatie", max_length=200)
    contactpersoon = models.CharField("contactpersoon of functie", max_length=200, blank=True)
    email = models.EmailField("e-mailadres", blank=True)
    telefoon = models.CharField("telefoon", max_length=50, blank=True)
    history = HistoricalRecords()
    objects = GeschiedenisManager()

    class Meta:
        verbose_name = "partij"
        verbose_name_plural = "partijen"
        ordering = ["pk"]

    def __str__(self):
        return self.naam


class Subverwerker(models.Model):
    """A sub-processor the verwerker engages; allowed only with written consent of the gemeente."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    overeenkomst = models.ForeignKey(
        Overeenkomst, verbose_name="overeenkomst", on_delete=models.CASCADE, related_name="subverwerkers"
    )
    naam = models.CharField("naam", max_length=200)
    dienst = models.CharField("wat doet deze subverwerker?", max_length=250, blank=True)
    land = models.CharField("land van verwerking", max_length=2, choices=LAND_KEUZES, blank=True)
    toestemming = models.BooleanField("schriftelijke toestemming gegeven", default=False)
    toestemming_op = models.DateField("toestemming gegeven op", null=True, blank=True)
    history = HistoricalRecords()
    objects = GeschiedenisManager()

    class Meta:
        verbose_name = "subverwerker"
        verbose_name_plural = "subverwerkers"
        ordering = ["pk"]

    def __str__(self):
        return self.naam


class Review(models.Model):
    """One yearly review of an agreement: when, by whom, and what came out of it."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    overeenkomst = models.ForeignKey(
        Overeenkomst, verbose_name="overeenkomst", on_delete=models.CASCADE, related_name="reviews"
    )
    datum = models.DateField("datum van de review")
    door = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="door", on_delete=models.PROTECT, related_name="+")
    toelichting = models.TextField("bevindingen", blank=True)
    history = HistoricalRecords()
    objects = GeschiedenisManager()

    class Meta:
        verbose_name = "review"
        verbose_name_plural = "reviews"
        ordering = ["-datum", "-pk"]

    def __str__(self):
        return f"Review {self.datum:%d-%m-%Y}"


class OvereenkomstImport(models.Model):
    """An uploaded spreadsheet between upload, preview and confirmation, then its report."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    gemeente = models.ForeignKey(Gemeente, verbose_name="gemeente", on_delete=models.CASCADE, related_name="+")
    door = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="door", on_delete=models.PROTECT, related_name="+")
    bestandsnaam = models.CharField("bestandsnaam", max_length=255)
    kolommen = models.JSONField("kolommen", default=list)
    rijen = models.JSONField("rijen", default=list)
    standaard_team = models.ForeignKey(
        Team, verbose_name="standaardteam", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    geimporteerd = models.BooleanField("geïmporteerd", default=False)
    verslag = models.JSONField(
        "verslag",
        default=dict,
        blank=True,
        help_text="Na het importeren: de aangemaakte overeenkomsten, de overgeslagen rijen met reden en de "
        "waarschuwingen.",
    )
    aangemaakt_op = models.DateTimeField("aangemaakt op", auto_now_add=True)
    history = HistoricalRecords(excluded_fields=["rijen"])

    class Meta:
        verbose_name = "import van overeenkomsten"
        verbose_name_plural = "imports van overeenkomsten"

    def __str__(self):
        return self.bestandsnaam
