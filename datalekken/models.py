"""The datalekregister (AVG art. 33-34): every security incident with personal data, notified or not.

The melddeadline is stored (kennisname + 72 hours) and recomputed only when kennisname changes.
Notifications to the AP are separate rows so a melding can be supplemented or withdrawn.
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from simple_history.models import HistoricalRecords

from privacy_portal.core.correcties import Klokstart
from privacy_portal.core.historie import GeschiedenisManager, HistorieWeergave
from privacy_portal.organisaties.models import Gemeente, Team

from .constants import (
    BijzondereCategorie,
    Gevolg,
    Oorzaak,
    Risico,
    Schade,
    SoortGegevens,
    SoortInbreuk,
    SoortMelding,
    Status,
    Uitzondering343,
)


class Datalek(models.Model):
    uuid = models.UUIDField("identificatie", default=uuid.uuid4, unique=True, editable=False)
    gemeente = models.ForeignKey(Gemeente, verbose_name="gemeente", on_delete=models.PROTECT, related_name="datalekken")
    team = models.ForeignKey(
        Team,
        verbose_name="team",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="datalekken",
        help_text="Het team waar het incident speelt; de teammanager ziet het.",
    )
    status = models.CharField("status", max_length=20, choices=Status.choices, default=Status.GEMELD, db_index=True)

    # Report (any employee)
    titel = models.CharField(
        "korte omschrijving", max_length=200, help_text="Bijvoorbeeld 'USB-stick verloren in de trein'."
    )
    omschrijving = models.TextField("wat is er gebeurd?")
    gemeld_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="gemeld door",
        on_delete=models.PROTECT,
        related_name="gemelde_datalekken",
    )
    gemeld_op = models.DateTimeField("gemeld op")
    begonnen_op = models.DateTimeField("begonnen op", null=True, blank=True)
    beeindigd_op = models.DateTimeField("beëindigd op", null=True, blank=True)
    ontdekt_op = models.DateTimeField("ontdekt op")
    loopt_nog = models.BooleanField("loopt het lek nog?", default=False)
    systemen = models.TextField("welke systemen of documenten?", blank=True)
    verwerkingen = models.ManyToManyField(
        "registers.Verwerking", verbose_name="betrokken verwerkingen", blank=True, related_name="datalekken"
    )
    via_verwerker = models.BooleanField("gemeld door een verwerker", default=False)
    verwerker_naam = models.CharField("naam verwerker", max_length=200, blank=True)

    # Kennisname and clock
    kennisname_op = models.DateTimeField(
        "kennisname",
        help_text="Wanneer de gemeente redelijke zekerheid kreeg dat persoonsgegevens zijn getroffen. "
        "Bij een melding door een verwerker: wanneer de verwerker het de gemeente meldde.",
    )
    meld_deadline = models.DateTimeField("melddeadline AP", db_index=True, editable=False)
    # A correction of kennisname is its own act (services.kennisname_corrigeren through the kernel's
    # core.correcties, declared below as `klokstart`), never an edit.
    kennisname_oorspronkelijk_op = models.DateTimeField(
        "oorspronkelijke kennisname",
        null=True,
        blank=True,
        editable=False,
        help_text="Het moment van kennisname zoals het eerst was vastgelegd; leeg zolang het niet is gecorrigeerd.",
    )
    kennisname_gecorrigeerd_op = models.DateTimeField(
        "kennisname gecorrigeerd op", null=True, blank=True, editable=False
    )
    kennisname_gecorrigeerd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="kennisname gecorrigeerd door",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    kennisname_correctie_reden = models.TextField("reden van de correctie van kennisname", blank=True, editable=False)

    # Assessment (AP form)
    oorzaak = models.CharField("oorzaak", max_length=30, choices=Oorzaak.choices, blank=True)
    soort_inbreuk = models.JSONField("wat is er met de gegevens gebeurd?", default=list, blank=True)
    gevolgen_voor = models.JSONField("getroffen aspecten", default=list, blank=True)
    soorten_gegevens = models.JSONField("soorten persoonsgegevens", default=list, blank=True)
    bijzondere_categorieen = models.JSONField(
        "bijzondere persoonsgegevens (art. 9 AVG)",
        default=list,
        blank=True,
        help_text="Welke bijzondere persoonsgegevens: gezondheid, biometrisch, religie, enzovoort. Verplicht voor de "
        "melding aan de AP als er bijzondere persoonsgegevens zijn getroffen.",
    )
    aantal_betrokkenen = models.PositiveIntegerField("aantal betrokkenen (ongeveer)", null=True, blank=True)
    aantal_records = models.PositiveIntegerField("aantal records (ongeveer)", null=True, blank=True)
    categorieen_betrokkenen = models.TextField("categorieën betrokkenen", blank=True)
    versleuteld = models.BooleanField("gegevens waren versleuteld of onleesbaar", default=False)
    beschermende_maatregelen = models.TextField("beschermende maatregelen (zoals versleuteling)", blank=True)
    mogelijke_gevolgen = models.TextField("waarschijnlijke gevolgen voor betrokkenen", blank=True)
    soorten_schade = models.JSONField(
        "soorten schade voor betrokkenen",
        default=list,
        blank=True,
        help_text="Lichamelijke, materiële en immateriële schade; er kunnen er meer gelden.",
    )
    genomen_maatregelen = models.TextField("genomen en voorgenomen maatregelen", blank=True)
    internationaal = models.BooleanField("betrokkenen in andere EU-landen", default=False)
    andere_toezichthouders = models.TextField(
        "gemeld bij andere toezichthouders",
        blank=True,
        help_text="Welke toezichthouders (bijvoorbeeld in een ander EU-land bij een grensoverschrijdend lek).",
    )
    andere_toezichthouders_op = models.DateTimeField("gemeld bij andere toezichthouders op", null=True, blank=True)
    contactpersoon = models.CharField(
        "contactpunt voor de AP",
        max_length=200,
        blank=True,
        help_text="Functie en telefoon; bijvoorbeeld de privacy officer.",
    )
    # The person who fills in the AP's form (the AP asks name, function, phone and e-mail).
    melder_naam = models.CharField("naam van de melder", max_length=200, blank=True)
    melder_functie = models.CharField("functie van de melder", max_length=200, blank=True)
    melder_telefoon = models.CharField(
        "telefoon van de melder", max_length=50, blank=True, help_text="Verplicht op het meldformulier van de AP."
    )
    melder_email = models.EmailField("e-mailadres van de melder", blank=True)
    risico = models.CharField("risico", max_length=10, choices=Risico.choices, blank=True, db_index=True)
    risico_motivering = models.TextField("motivering van de risicobeoordeling", blank=True)
    beoordeeld_op = models.DateTimeField("beoordeeld op", null=True, blank=True)

    # Betrokkenen (art. 34)
    betrokkenen_geinformeerd_op = models.DateTimeField("betrokkenen geïnformeerd op", null=True, blank=True)
    betrokkenen_wijze = models.CharField("hoe geïnformeerd", max_length=200, blank=True)
    betrokkenen_aantal_geinformeerd = models.PositiveIntegerField("aantal geïnformeerd", null=True, blank=True)
    uitzondering_34_3 = models.CharField(
        "uitzondering art. 34 lid 3", max_length=30, choices=Uitzondering343.choices, blank=True
    )
    uitzondering_motivering = models.TextField("motivering uitzondering", blank=True)
    # Art. 34(3)(c): the public communication that replaces informing each betrokkene.
    openbare_mededeling_op = models.DateTimeField("openbare mededeling gedaan op", null=True, blank=True)
    openbare_mededeling_medium = models.CharField(
        "medium van de openbare mededeling",
        max_length=200,
        blank=True,
        help_text="Bijvoorbeeld de website van de gemeente, de huis-aan-huiskrant of een persbericht.",
    )
    openbare_mededeling_tekst = models.TextField(
        "tekst of link van de openbare mededeling", blank=True, help_text="De tekst zelf, of de link ernaar."
    )

    afgesloten_op = models.DateTimeField("afgesloten op", null=True, blank=True)
    afsluit_motivering = models.TextField("motivering bij afsluiten", blank=True)
    # Links to verwerkingen are recorded in the history reason (services.datalek_behandelen).
    history = HistoricalRecords()
    objects = GeschiedenisManager()
    # The melddeadline follows from kennisname (shown as its own change); the lists hold codes.
    historie_weergave = HistorieWeergave(
        verborgen={"meld_deadline"},
        keuzes={
            "soort_inbreuk": SoortInbreuk,
            "gevolgen_voor": Gevolg,
            "soorten_gegevens": SoortGegevens,
            "bijzondere_categorieen": BijzondereCategorie,
            "soorten_schade": Schade,
        },
    )
    # Kennisname starts the 72 hours; only the privacy officer corrects it, with a reason (core.correcties).
    klokstart = Klokstart(
        moment="kennisname_op",
        oorspronkelijk="kennisname_oorspronkelijk_op",
        gecorrigeerd_op="kennisname_gecorrigeerd_op",
        gecorrigeerd_door="kennisname_gecorrigeerd_door",
        reden="kennisname_correctie_reden",
        recht="datalekken.kennisname_corrigeren_datalek",
        reden_minimum=10,
        reden_tekst="Leg uit waarom kennisname wordt gecorrigeerd (ten minste 10 tekens).",
    )

    class Meta:
        verbose_name = "datalek"
        verbose_name_plural = "datalekken"
        ordering = ["meld_deadline"]
        permissions = [
            ("behandelen_datalek", "Datalek beoordelen en behandelen"),
            ("melden_ap_datalek", "Melding aan de AP vastleggen"),
            ("afsluiten_datalek", "Datalek afsluiten"),
            ("kennisname_corrigeren_datalek", "Kennisname van een datalek corrigeren"),
            ("statistiek_datalek", "Aantallen datalekken zien"),
        ]

    def __str__(self):
        return self.titel

    @property
    def kennisname_gecorrigeerd(self):
        return self.klokstart.gecorrigeerd(self)

    @property
    def kenmerk(self):
        """A short reference without personal data, for e-mail subjects and lists. The year is the
        year of reporting in Dutch time (a report at 00:30 on 1 January belongs to the new year)."""
        return f"DL-{timezone.localtime(self.gemeld_op):%Y}-{self.pk:05d}"

    @property
    def meldplichtig(self):
        """True when the AP must be notified, None while the risk is not assessed."""
        if not self.risico:
            return None
        return self.risico in (Risico.RISICO, Risico.HOOG)

    @property
    def eerste_melding(self):
        return next((m for m in self.meldingen.all() if m.soort == SoortMelding.MELDING), None)


class MeldingAP(models.Model):
    """A notification to the AP: the first melding, a supplement or a withdrawal."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    datalek = models.ForeignKey(Datalek, verbose_name="datalek", on_delete=models.CASCADE, related_name="meldingen")
    soort = models.CharField("soort", max_length=20, choices=SoortMelding.choices)
    gemeld_op = models.DateTimeField("gemeld op")
    ap_referentie = models.CharField("meldnummer AP", max_length=100, blank=True)
    reden_vertraging = models.TextField(
        "reden van de vertraging",
        blank=True,
        help_text="Verplicht als de melding na de deadline is gedaan (art. 33 lid 1).",
    )
    toelichting = models.TextField("toelichting", blank=True)
    vastgelegd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="vastgelegd door", on_delete=models.PROTECT
    )
    history = HistoricalRecords()
    objects = GeschiedenisManager()

    class Meta:
        verbose_name = "melding aan de AP"
        verbose_name_plural = "meldingen aan de AP"
        ordering = ["gemeld_op"]

    def __str__(self):
        return f"{self.get_soort_display()} {self.gemeld_op:%Y-%m-%d %H:%M}"

    @property
    def te_laat(self):
        return self.gemeld_op > self.datalek.meld_deadline
