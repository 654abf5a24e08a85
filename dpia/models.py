"""The DPIA-register: a pre-scan per verwerking, and the DPIA that follows it (AVG art. 35-36).

One `Dpia` starts as a pre-scan and, when one is needed, becomes the DPIA along the Model DPIA
Rijksdienst. The answers are stored keyed by the task ids of the questionnaire definition in the
assessment-output v2 shape of the government's DPIA tool, so they export as they are. Risks and
measures are rows of their own (they have owners and deadlines). Each linked verwerking records
the approved version the DPIA was based on, so a later version that changes purposes, data,
recipients or technology is noticed by the scan. Stored dates (re-check, AP answer) are
recomputed only in services.
"""

import uuid

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from privacy_portal.core.historie import GeschiedenisManager, HistorieWeergave
from privacy_portal.organisaties.models import Gemeente, Team

from .constants import AP_LIJST, Criterium, Deel, FgOordeel, MaatregelStatus, Niveau, SoortMaatregel, Status, Uitkomst


class Vragenlijst(models.Model):
    """A questionnaire definition imported in the assessment-definition v2 format (`importeer_dpia_model`).

    The built-in definition (dpia/vragenlijst.py) is not stored; a DPIA without a vragenlijst uses it.
    """

    uuid = models.UUIDField("identificatie", default=uuid.uuid4, unique=True, editable=False)
    urn = models.CharField("URN", max_length=100, help_text="Bijvoorbeeld urn:nl:dpia of urn:nl:prescan.")
    versie = models.CharField("versie", max_length=20)
    naam = models.CharField("naam", max_length=250)
    beschrijving = models.TextField("beschrijving", blank=True)
    definitie = models.JSONField("definitie", help_text="De vragenlijst zoals geïmporteerd (assessment-definition v2).")
    bestandsnaam = models.CharField("bestandsnaam", max_length=255, blank=True)
    geimporteerd_op = models.DateTimeField("geïmporteerd op")
    history = HistoricalRecords(excluded_fields=["definitie"])
    objects = GeschiedenisManager()

    class Meta:
        verbose_name = "vragenlijst"
        verbose_name_plural = "vragenlijsten"
        ordering = ["urn", "-geimporteerd_op"]
        constraints = [models.UniqueConstraint(fields=["urn", "versie"], name="uniek_vragenlijst_urn_versie")]

    def __str__(self):
        return f"{self.naam} ({self.urn}:{self.versie})"


def _ap_soorten(nummers):
    """History names of the AP list's numbers: '7. Gezondheidsgegevens'."""
    return {n: f"{n}. {AP_LIJST[n][0]}" for n in nummers if n in AP_LIJST}


class Dpia(models.Model):
    # The answers and the version log are large; each change's reason says what was answered.
    # The register's facts are derived (shown on the pre-scan page and in the report).
    historie_weergave = HistorieWeergave(
        verborgen={"antwoorden", "versielog", "prescan_feiten", "overgenomen"},
        keuzes={"prescan_criteria": Criterium},
        namen={"prescan_ap_lijst": _ap_soorten},
    )

    uuid = models.UUIDField("identificatie", default=uuid.uuid4, unique=True, editable=False)
    gemeente = models.ForeignKey(Gemeente, verbose_name="gemeente", on_delete=models.PROTECT, related_name="dpias")
    team = models.ForeignKey(
        Team,
        verbose_name="team",
        on_delete=models.PROTECT,
        related_name="dpias",
        help_text="Het team van de proceseigenaar; de teammanager voert de DPIA uit.",
    )
    titel = models.CharField("titel", max_length=250)
    status = models.CharField("status", max_length=20, choices=Status.choices, default=Status.PRESCAN, db_index=True)
    verwerkingen = models.ManyToManyField(
        "registers.Verwerking",
        verbose_name="verwerkingen",
        through="DpiaVerwerking",
        related_name="dpias",
    )
    vragenlijst = models.ForeignKey(
        Vragenlijst,
        verbose_name="vragenlijst",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="dpias",
        help_text="Leeg: de ingebouwde vragenlijst volgens het Model DPIA Rijksdienst.",
    )

    # Pre-scan
    prescan_criteria = models.JSONField(
        "criteria van de EDPB", default=list, blank=True, help_text="Codes uit constants.Criterium."
    )
    prescan_ap_lijst = models.JSONField(
        "soorten van de AP-lijst", default=list, blank=True, help_text="Nummers 1-17 van de lijst van de AP."
    )
    prescan_feiten = models.JSONField(
        "feiten uit het register",
        default=dict,
        blank=True,
        help_text="Wat het register wist op het moment van de pre-scan.",
    )
    prescan_uitkomst = models.CharField(
        "uitkomst pre-scan", max_length=20, choices=Uitkomst.choices, blank=True, db_index=True
    )
    prescan_redenen = models.JSONField("redenen van de uitkomst", default=list, blank=True)
    prescan_op = models.DateTimeField("pre-scan gedaan op", null=True, blank=True)
    prescan_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="pre-scan gedaan door",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    uitvoeren = models.BooleanField("DPIA uitvoeren", null=True, blank=True)
    besluit_motivering = models.TextField(
        "motivering van het besluit",
        blank=True,
        help_text="Verplicht als een aanbevolen DPIA niet wordt uitgevoerd.",
    )

    # The questionnaire
    antwoorden = models.JSONField("antwoorden", default=dict, blank=True)
    versie = models.PositiveSmallIntegerField("versie", default=1)
    versielog = models.JSONField("versies", default=list, blank=True, help_text="Versie, datum en toelichting.")
    restrisico = models.CharField(
        "restrisico", max_length=10, choices=Niveau.choices, blank=True, help_text="Het hoogste restrisico."
    )
    adviesronde = models.PositiveSmallIntegerField("adviesronde", default=0)

    # Advice
    beveiligingsadvies = models.TextField("beveiligingsadvies (CISO)", blank=True)
    beveiligingsadvies_op = models.DateTimeField("beveiligingsadvies gegeven op", null=True, blank=True)
    beveiligingsadvies_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="CISO", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    fg_oordeel = models.CharField("oordeel FG", max_length=20, choices=FgOordeel.choices, blank=True)
    fg_advies = models.TextField("advies FG", blank=True)
    fg_advies_op = models.DateTimeField("FG-advies gegeven op", null=True, blank=True)
    fg_advies_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="FG", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    # Acceptance of the residual risk
    acceptatie_motivering = models.TextField("onderbouwing acceptatie restrisico", blank=True)
    geaccepteerd_op = models.DateTimeField("restrisico geaccepteerd op", null=True, blank=True)
    geaccepteerd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="geaccepteerd door",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    geaccepteerd_als = models.CharField("in de rol van", max_length=100, blank=True)

    # Prior consultation of the AP (art. 36)
    raadpleging_ingediend_op = models.DateField("raadpleging AP ingediend op", null=True, blank=True)
    raadpleging_kenmerk = models.CharField("kenmerk AP", max_length=100, blank=True)
    raadpleging_verlengd = models.BooleanField("AP heeft de termijn verlengd", default=False)
    raadpleging_deadline = models.DateField(
        "uiterste antwoorddatum AP", null=True, blank=True, db_index=True, help_text="8 weken, verlengd 8 + 6 weken."
    )
    raadpleging_antwoord_op = models.DateField("antwoord AP ontvangen op", null=True, blank=True)
    raadpleging_antwoord = models.TextField("advies van de AP", blank=True)

    # Follow-up
    afgerond_op = models.DateTimeField("afgerond op", null=True, blank=True)
    hercontrole_op = models.DateField(
        "hercontrole uiterlijk", null=True, blank=True, db_index=True, help_text="Drie jaar na afronding."
    )
    herbeoordeling_nodig = models.BooleanField("herbeoordeling nodig", default=False, db_index=True)
    herbeoordeling_reden = models.TextField("waarom herbeoordelen", blank=True)

    # Import (assessment-output v2)
    overgenomen = models.JSONField(
        "overgenomen uit een geïmporteerd bestand",
        default=dict,
        blank=True,
        help_text=(
            "Bron, advies (FG, CISO), vaststelling, raadpleging, versies en antwoorden van de DPIA uit het "
            "bestand. Het eigen advies en de eigen vaststelling van deze gemeente staan in de velden hierboven."
        ),
    )

    aangemaakt_op = models.DateTimeField("aangemaakt op")
    aangemaakt_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="aangemaakt door", on_delete=models.PROTECT, related_name="+"
    )
    gewijzigd_op = models.DateTimeField("gewijzigd op", auto_now=True)
    history = HistoricalRecords(excluded_fields=["gewijzigd_op"])
    objects = GeschiedenisManager()

    class Meta:
        verbose_name = "DPIA"
        verbose_name_plural = "DPIA's"
        ordering = ["-aangemaakt_op"]
        permissions = [
            ("advies_dpia", "FG-advies vastleggen"),
            ("beveiligingsadvies_dpia", "Beveiligingsadvies vastleggen"),
            ("accepteren_dpia", "Restrisico accepteren (niet hoog)"),
            ("accepteren_hoog_dpia", "Hoog restrisico accepteren of voorleggen aan de AP"),
            ("importeren_dpia", "Ingevulde DPIA importeren (assessment-output v2)"),
        ]
        indexes = [models.Index(fields=["gemeente", "status"])]

    def __str__(self):
        return self.titel

    @property
    def kenmerk(self):
        """A short reference without personal data, for e-mail subjects and lists."""
        return f"DPIA-{self.aangemaakt_op:%Y}-{self.pk:05d}"

    def hercontrole_verlopen(self, vandaag):
        return self.status == Status.AFGEROND and self.hercontrole_op is not None and self.hercontrole_op <= vandaag


class DpiaVerwerking(models.Model):
    """A verwerking the DPIA covers, and the content the DPIA was based on."""

    historie_weergave = HistorieWeergave(verborgen={"basis_kenmerken", "basis_versie_uuid"})

    dpia = models.ForeignKey(Dpia, verbose_name="DPIA", on_delete=models.CASCADE, related_name="koppelingen")
    verwerking = models.ForeignKey(
        "registers.Verwerking", verbose_name="verwerking", on_delete=models.PROTECT, related_name="dpia_koppelingen"
    )
    basis_versie = models.ForeignKey(
        "registers.VerwerkingVersie",
        verbose_name="gebaseerd op versie",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text="De laatst vastgestelde versie toen de DPIA werd gebaseerd op het register.",
    )
    basis_versie_uuid = models.UUIDField("identificatie van die versie", null=True, blank=True)
    basis_kenmerken = models.JSONField(
        "inhoud waarop de DPIA steunt",
        default=dict,
        blank=True,
        help_text="Doeleinden, gegevens, ontvangers en technologie op dat moment.",
    )
    history = HistoricalRecords()
    objects = GeschiedenisManager()

    class Meta:
        verbose_name = "gekoppelde verwerking"
        verbose_name_plural = "gekoppelde verwerkingen"
        constraints = [models.UniqueConstraint(fields=["dpia", "verwerking"], name="uniek_dpia_verwerking")]

    def __str__(self):
        return f"{self.dpia} – {self.verwerking}"


class Risico(models.Model):
    """A risk for the rights and freedoms of betrokkenen (Model DPIA § 16) and its residual level (§ 17)."""

    uuid = models.UUIDField("identificatie", default=uuid.uuid4, unique=True, editable=False)
    dpia = models.ForeignKey(Dpia, verbose_name="DPIA", on_delete=models.CASCADE, related_name="risicos")
    nummer = models.PositiveSmallIntegerField("nummer")
    beschrijving = models.TextField("beschrijving", help_text="Welk nadelig gevolg kan de verwerking hebben?")
    oorsprong = models.TextField("oorsprong", blank=True, help_text="Waar komt het risico vandaan?")
    kans = models.CharField("kans", max_length=10, choices=Niveau.choices)
    kans_motivering = models.TextField("motivering van de kans", blank=True)
    impact = models.CharField("impact", max_length=10, choices=Niveau.choices)
    impact_motivering = models.TextField("motivering van de impact", blank=True)
    niveau = models.CharField("risiconiveau", max_length=10, choices=Niveau.choices, editable=False)
    restrisico = models.CharField(
        "restrisico", max_length=10, choices=Niveau.choices, blank=True, help_text="Het risico na de maatregelen."
    )
    restrisico_motivering = models.TextField("motivering van het restrisico", blank=True)
    gewijzigd_op = models.DateTimeField("gewijzigd op", auto_now=True)
    history = HistoricalRecords(excluded_fields=["gewijzigd_op"])
    objects = GeschiedenisManager()

    class Meta:
        verbose_name = "risico"
        verbose_name_plural = "risico's"
        ordering = ["dpia", "nummer"]
        constraints = [models.UniqueConstraint(fields=["dpia", "nummer"], name="uniek_risiconummer")]

    def __str__(self):
        return f"R{self.nummer}"

    @property
    def code(self):
        return f"R{self.nummer}"


class Maatregel(models.Model):
    """A measure against a risk (Model DPIA § 17), with an owner, a due date and a status."""

    uuid = models.UUIDField("identificatie", default=uuid.uuid4, unique=True, editable=False)
    dpia = models.ForeignKey(Dpia, verbose_name="DPIA", on_delete=models.CASCADE, related_name="maatregelen")
    risico = models.ForeignKey(
        Risico,
        verbose_name="risico",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="maatregelen",
        help_text="Het risico dat deze maatregel aanpakt.",
    )
    nummer = models.PositiveSmallIntegerField("nummer")
    beschrijving = models.TextField("beschrijving")
    soort = models.CharField("soort", max_length=20, choices=SoortMaatregel.choices)
    eigenaar = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="eigenaar",
        on_delete=models.PROTECT,
        related_name="dpia_maatregelen",
        help_text="Wie zorgt dat de maatregel wordt uitgevoerd.",
    )
    deadline = models.DateField("uiterlijk gereed op", db_index=True)
    status = models.CharField(
        "status", max_length=20, choices=MaatregelStatus.choices, default=MaatregelStatus.GEPLAND, db_index=True
    )
    gereed_op = models.DateField("gereed op", null=True, blank=True)
    toelichting = models.TextField("toelichting", blank=True)
    gewijzigd_op = models.DateTimeField("gewijzigd op", auto_now=True)
    history = HistoricalRecords(excluded_fields=["gewijzigd_op"])
    objects = GeschiedenisManager()

    class Meta:
        verbose_name = "maatregel"
        verbose_name_plural = "maatregelen"
        ordering = ["dpia", "nummer"]
        constraints = [models.UniqueConstraint(fields=["dpia", "nummer"], name="uniek_maatregelnummer")]

    def __str__(self):
        return f"M{self.nummer}"

    @property
    def code(self):
        return f"M{self.nummer}"


class DpiaDelegatie(models.Model):
    """A teammanager lets one medewerker of the team fill in parts of one DPIA."""

    historie_weergave = HistorieWeergave(keuzes={"delen": Deel})

    dpia = models.ForeignKey(Dpia, verbose_name="DPIA", on_delete=models.CASCADE, related_name="delegaties")
    gebruiker = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="medewerker", on_delete=models.CASCADE, related_name="dpia_delegaties"
    )
    delen = models.JSONField("delen", default=list, help_text="Delen A-D en S die de medewerker mag invullen.")
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="gedelegeerd door", on_delete=models.PROTECT, related_name="+"
    )
    op = models.DateTimeField("gedelegeerd op")
    history = HistoricalRecords()
    objects = GeschiedenisManager()

    class Meta:
        verbose_name = "delegatie"
        verbose_name_plural = "delegaties"
        constraints = [models.UniqueConstraint(fields=["dpia", "gebruiker"], name="uniek_dpia_delegatie")]

    def __str__(self):
        return f"{self.dpia} – {self.gebruiker}"
