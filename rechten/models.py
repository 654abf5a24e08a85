"""Betrokkenenverzoeken (AVG art. 12-22): requests of inwoners to exercise their rights.

What this module offers:

- `Verzoek`: one request (one or more rights), with the requester's details, the stored answer
  deadline (`deadline`, receipt + 1 month) and, after a timely extension, `verlengd_tot`
  (receipt + 3 months, DOMAIN Decision); identity verification (art. 12(6)); the decision.
- `Taak`: work for one team concerned (collect or change data), executed by its teammanager.
  A task carries `gemeente` and `team`, so the role scopes (`bereik_filter`) apply to it directly.
- `Kennisgeving`: a recipient told of a rectification, erasure or restriction (art. 19).

The requester's personal data (the `verzoeker_*` and `vertegenwoordiger_*` fields and every free
text) are anonymised a configurable time after closing (`VERZOEK_BEWAARTERMIJN_DAGEN`), history
rows included; dates, rights, outcome and tasks stay for the numbers. See `services.verzoek_anonimiseren`.
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from simple_history.models import HistoricalRecords

from privacy_portal.core.correcties import Klokstart
from privacy_portal.core.historie import GeschiedenisManager, HistorieWeergave
from privacy_portal.organisaties.models import Gemeente, Team, Verwerkingsverantwoordelijke

from .constants import (
    UITKOMSTEN_ZONDER_ACTIE,
    Grond,
    IdentiteitWijze,
    Kanaal,
    KopieVorm,
    Soort,
    Status,
    TaakStatus,
    Uitkomst,
)

# Fields with personal data of the requester; only roles with rechten.view_verzoek see them.
PERSOONSGEGEVENS = (
    "verzoeker_naam",
    "verzoeker_email",
    "verzoeker_telefoon",
    "verzoeker_adres",
    "vertegenwoordiger_naam",
    "vertegenwoordiger_hoedanigheid",
    "omschrijving",
    "identiteit_toelichting",
    "verlenging_reden",
    "ontvangers_toelichting",
    "besluit_toelichting",
    "ontvangst_correctie_reden",
    "onbevestigd_toelichting",
)


class Verzoek(models.Model):
    uuid = models.UUIDField("identificatie", default=uuid.uuid4, unique=True, editable=False)
    gemeente = models.ForeignKey(Gemeente, verbose_name="gemeente", on_delete=models.PROTECT, related_name="verzoeken")
    verwerkingsverantwoordelijke = models.ForeignKey(
        Verwerkingsverantwoordelijke,
        verbose_name="verwerkingsverantwoordelijke",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="verzoeken",
        help_text="Wie het besluit neemt; het bezwaar gaat naar dit adres. Leeg: het college van B&W.",
    )
    status = models.CharField("status", max_length=20, choices=Status.choices, default=Status.ONTVANGEN, db_index=True)
    kanaal = models.CharField("hoe ontvangen", max_length=20, choices=Kanaal.choices)
    soorten = models.JSONField(
        "welke rechten",
        default=list,
        help_text="Een of meer van: inzage, rectificatie, wissing, beperking, overdraagbaarheid, bezwaar, "
        "geautomatiseerde_besluitvorming.",
    )
    omschrijving = models.TextField("wat vraagt de verzoeker?", blank=True)

    # The requester (personal data: anonymised after the retention period)
    verzoeker_naam = models.CharField("naam verzoeker", max_length=200)
    verzoeker_email = models.EmailField("e-mailadres verzoeker", blank=True)
    verzoeker_telefoon = models.CharField("telefoon verzoeker", max_length=50, blank=True)
    verzoeker_adres = models.TextField("postadres verzoeker", blank=True)
    vertegenwoordiger_naam = models.CharField(
        "naam vertegenwoordiger", max_length=200, blank=True, help_text="Als iemand namens de betrokkene verzoekt."
    )
    vertegenwoordiger_hoedanigheid = models.CharField(
        "hoedanigheid vertegenwoordiger",
        max_length=200,
        blank=True,
        help_text="Bijvoorbeeld ouder, voogd, curator, bewindvoerder of advocaat.",
    )

    teams = models.ManyToManyField(Team, verbose_name="betrokken teams", blank=True, related_name="verzoeken")
    verwerkingen = models.ManyToManyField(
        "registers.Verwerking", verbose_name="betrokken verwerkingen", blank=True, related_name="verzoeken"
    )

    aangemaakt_op = models.DateTimeField("vastgelegd op", default=timezone.now, editable=False)
    geregistreerd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="geregistreerd door",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="geregistreerde_verzoeken",
        help_text="Leeg bij een verzoek dat de inwoner zelf via het webformulier indiende.",
    )

    # The clock (stored; recomputed only in services and when the calendar changes)
    ontvangen_op = models.DateField(
        "ontvangen op",
        null=True,
        blank=True,
        help_text="De dag van ontvangst; die dag telt niet mee. Leeg zolang de inwoner het webformulier "
        "nog niet heeft bevestigd.",
    )
    deadline = models.DateField(
        "deadline",
        null=True,
        blank=True,
        editable=False,
        db_index=True,
        help_text="Ontvangst + 1 maand (Verordening 1182/71), op een werkdag.",
    )
    verlengd_tot = models.DateField(
        "verlengd tot",
        null=True,
        blank=True,
        editable=False,
        db_index=True,
        help_text="Ontvangst + 3 maanden, alleen na een verlenging vóór de oorspronkelijke deadline.",
    )
    # A corrected receipt date (art. 12(3) AVG): only the privacy officer, with a reason; the first
    # recorded date stays visible next to the corrected one (services.ontvangst_corrigeren through the
    # kernel's core.correcties, declared below as `klokstart`).
    ontvangen_op_oorspronkelijk = models.DateField(
        "oorspronkelijk vastgelegde ontvangst",
        null=True,
        blank=True,
        editable=False,
        help_text="De datum van ontvangst zoals die eerst was vastgelegd; alleen gevuld na een correctie.",
    )
    ontvangst_gecorrigeerd_op = models.DateTimeField("ontvangst gecorrigeerd op", null=True, blank=True, editable=False)
    ontvangst_gecorrigeerd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="ontvangst gecorrigeerd door",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    ontvangst_correctie_reden = models.TextField("reden van de correctie van de ontvangst", blank=True)
    onbevestigd_toelichting = models.TextField(
        "besluit over het onbevestigde webverzoek",
        blank=True,
        help_text="Hoe de inwoner langs een andere weg is bereikt, of waarom het webverzoek vervalt.",
    )
    verlengd_op = models.DateField("verlengd op", null=True, blank=True, editable=False)
    verlenging_reden = models.TextField("reden van de verlenging", blank=True)

    # Identity (art. 12(6)). Asking for more information does not stop the clock (see services).
    identiteit_wijze = models.CharField(
        "hoe is de identiteit vastgesteld?", max_length=30, choices=IdentiteitWijze.choices, blank=True
    )
    identiteit_vastgesteld_op = models.DateField("identiteit vastgesteld op", null=True, blank=True)
    identiteit_toelichting = models.TextField("toelichting identiteit", blank=True)
    info_gevraagd_op = models.DateField(
        "aanvullende informatie gevraagd op",
        null=True,
        blank=True,
        help_text="Art. 12 lid 6: als er twijfel is over de identiteit. De termijn loopt door.",
    )
    info_ontvangen_op = models.DateField("aanvullende informatie ontvangen op", null=True, blank=True)

    # Art. 19: when no recipient was told, why not (no recipients, impossible, disproportionate effort)
    ontvangers_toelichting = models.TextField(
        "waarom geen ontvangers geïnformeerd?",
        blank=True,
        help_text="Bijvoorbeeld: de gegevens zijn aan niemand verstrekt.",
    )

    # The decision
    uitkomst = models.CharField("uitkomst", max_length=20, choices=Uitkomst.choices, blank=True, db_index=True)
    grond = models.CharField("grond voor afwijzing", max_length=30, choices=Grond.choices, blank=True)
    besluit_toelichting = models.TextField("wat is besloten en waarom", blank=True)
    besloten_op = models.DateField("besloten op", null=True, blank=True)
    besloten_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="besloten door",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    verzonden_op = models.DateField(
        "besluitbrief verzonden op",
        null=True,
        blank=True,
        editable=False,
        help_text="De datum van de besluitbrief; de bezwaartermijn van zes weken begint de dag erna (Awb 6:8).",
    )
    # Bezwaar (Awb 6:4) and beroep against the decision: while pending, nothing is anonymised.
    bezwaar_ingediend_op = models.DateField("bezwaar ingediend op", null=True, blank=True, editable=False)
    beroep_ingesteld_op = models.DateField("beroep ingesteld op", null=True, blank=True, editable=False)
    rechtsmiddel_afgerond_op = models.DateField(
        "bezwaar of beroep afgerond op",
        null=True,
        blank=True,
        editable=False,
        help_text="Vanaf deze dag loopt de bewaartermijn opnieuw.",
    )
    afgesloten_op = models.DateTimeField(
        "afgesloten op", null=True, blank=True, help_text="Vanaf dit moment loopt de bewaartermijn."
    )
    geanonimiseerd_op = models.DateTimeField("geanonimiseerd op", null=True, blank=True)

    # The inwoner's confirmation link: only a SHA-256 hash of the token is stored.
    bevestig_token_hash = models.CharField("bevestigingscode (hash)", max_length=64, blank=True, db_index=True)

    history = HistoricalRecords(excluded_fields=["bevestig_token_hash"])
    objects = GeschiedenisManager()
    historie_weergave = HistorieWeergave(keuzes={"soorten": Soort})
    # Receipt starts the month of art. 12(3); only the privacy officer corrects it, with a reason.
    klokstart = Klokstart(
        moment="ontvangen_op",
        oorspronkelijk="ontvangen_op_oorspronkelijk",
        gecorrigeerd_op="ontvangst_gecorrigeerd_op",
        gecorrigeerd_door="ontvangst_gecorrigeerd_door",
        reden="ontvangst_correctie_reden",
        recht="rechten.ontvangst_corrigeren_verzoek",
        reden_tekst="Geef de reden van de correctie, bijvoorbeeld: de brief lag eerder in de postkamer.",
    )

    class Meta:
        verbose_name = "verzoek"
        verbose_name_plural = "verzoeken"
        ordering = ["deadline", "pk"]
        permissions = [
            ("verlengen_verzoek", "Termijn van een verzoek verlengen"),
            (
                "ontvangst_corrigeren_verzoek",
                "Ontvangst van een verzoek vaststellen (datum corrigeren, onbevestigd webverzoek beslissen)",
            ),
            ("afhandelen_verzoek", "Besluit op een verzoek vastleggen"),
            ("taak_uitvoeren_verzoek", "Taak van het eigen team bij een verzoek uitvoeren"),
            ("statistiek_verzoek", "Aantallen verzoeken zien (zonder persoonsgegevens)"),
        ]

    def __str__(self):
        return self.kenmerk

    @property
    def kenmerk(self):
        """A short reference without personal data ("VZ-2026-00012"), for letters, e-mail subjects and lists."""
        if self.pk is None:
            return "VZ-nieuw"
        return f"VZ-{timezone.localtime(self.aangemaakt_op):%Y}-{self.pk:05d}"

    @property
    def termijn(self):
        """The deadline that applies now: the extended one when extended."""
        return self.verlengd_tot or self.deadline

    @property
    def is_open(self):
        return self.status in (Status.ONTVANGEN, Status.IN_BEHANDELING)

    @property
    def besluit_termijn(self):
        """The deadline that applied to the decision taken: a refusal (no action) is due within the
        first month also after an extension (art. 12(4) AVG); any other decision by `termijn`."""
        if self.uitkomst in UITKOMSTEN_ZONDER_ACTIE:
            return self.deadline
        return self.termijn

    @property
    def op_tijd(self):
        """Whether the decision was taken on or before its deadline (None while open)."""
        if not self.besloten_op or not self.besluit_termijn:
            return None
        return self.besloten_op <= self.besluit_termijn

    @property
    def rechtsmiddel_lopend(self):
        """A bezwaar or beroep against the decision is pending: the file must stay complete."""
        return bool(self.bezwaar_ingediend_op or self.beroep_ingesteld_op) and not self.rechtsmiddel_afgerond_op

    def historie_delen(self):
        """The request and its parts whose history belongs with it: its tasks and art. 19 records."""
        delen = [self, *self.taken.select_related("team"), *self.kennisgevingen.all()]
        inzage = InzageInformatie.objects.filter(verzoek=self).first()
        if inzage is not None:
            delen += [inzage, *inzage.onderdelen.all()]
        return delen

    def soort_labels(self):
        labels = dict(Soort.choices)
        return [labels.get(code, code) for code in self.soorten or []]


class Taak(models.Model):
    """Work for one team concerned: collect or change the data. The team's teammanager executes it."""

    uuid = models.UUIDField("identificatie", default=uuid.uuid4, unique=True, editable=False)
    verzoek = models.ForeignKey(Verzoek, verbose_name="verzoek", on_delete=models.CASCADE, related_name="taken")
    gemeente = models.ForeignKey(
        Gemeente,
        verbose_name="gemeente",
        on_delete=models.PROTECT,
        related_name="+",
        editable=False,
        help_text="Gelijk aan de gemeente van het verzoek; nodig voor de rechten per rol.",
    )
    team = models.ForeignKey(Team, verbose_name="team", on_delete=models.PROTECT, related_name="verzoektaken")
    omschrijving = models.TextField(
        "wat moet het team doen?",
        help_text="Schrijf alleen op wat het team nodig heeft om de gegevens te vinden of aan te passen.",
    )
    status = models.CharField("status", max_length=20, choices=TaakStatus.choices, default=TaakStatus.OPEN)
    toegewezen_op = models.DateTimeField("toegewezen op")
    toegewezen_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="toegewezen door", on_delete=models.PROTECT, related_name="+"
    )
    afgerond_op = models.DateTimeField("afgerond op", null=True, blank=True)
    afgerond_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="afgerond door",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    resultaat = models.TextField("resultaat", blank=True, help_text="Wat het team heeft gevonden of gedaan.")
    history = HistoricalRecords()
    objects = GeschiedenisManager()
    historie_weergave = HistorieWeergave(verborgen={"verzoek", "gemeente"})

    class Meta:
        verbose_name = "taak"
        verbose_name_plural = "taken"
        ordering = ["toegewezen_op", "pk"]

    def __str__(self):
        return f"{self.verzoek.kenmerk} – {self.team}"


class Kennisgeving(models.Model):
    """A recipient told of a rectification, erasure or restriction (AVG art. 19)."""

    uuid = models.UUIDField("identificatie", default=uuid.uuid4, unique=True, editable=False)
    verzoek = models.ForeignKey(
        Verzoek, verbose_name="verzoek", on_delete=models.CASCADE, related_name="kennisgevingen"
    )
    ontvanger = models.CharField(
        "ontvanger", max_length=200, help_text="De organisatie die de gegevens kreeg, bijvoorbeeld 'Belastingdienst'."
    )
    geinformeerd_op = models.DateField("geïnformeerd op")
    toelichting = models.TextField("toelichting", blank=True)
    vastgelegd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="vastgelegd door", on_delete=models.PROTECT, related_name="+"
    )
    history = HistoricalRecords()
    objects = GeschiedenisManager()
    historie_weergave = HistorieWeergave(verborgen={"verzoek"})

    class Meta:
        verbose_name = "kennisgeving aan een ontvanger"
        verbose_name_plural = "kennisgevingen aan ontvangers"
        ordering = ["geinformeerd_op", "pk"]

    def __str__(self):
        return f"{self.ontvanger} ({self.geinformeerd_op:%d-%m-%Y})"


# --- The information of art. 15(1)-(3) AVG in the decision on an inzage request ---------------------
# Stored as structure on the decision, prefilled from the approved versions of the verwerkingen the
# request concerns (rechten/inzage.py), edited by the privacy officer (services.inzage_informatie_opslaan).
# Kept in two models so each part has its own readable history.


class InzageInformatie(models.Model):
    """The general parts of the art. 15 information: the copy (15(3)), the rights (15(1)(e)) and the
    complaint to the AP (15(1)(f)). One per request; its parts per verwerking are `onderdelen`."""

    uuid = models.UUIDField("identificatie", default=uuid.uuid4, unique=True, editable=False)
    verzoek = models.OneToOneField(
        Verzoek, verbose_name="verzoek", on_delete=models.CASCADE, related_name="inzage_informatie"
    )
    kopie_vorm = models.CharField(
        "hoe krijgt de verzoeker de kopie?",
        max_length=20,
        choices=KopieVorm.choices,
        help_text="Art. 15 lid 3 AVG: wie elektronisch vroeg, krijgt de kopie elektronisch, tenzij hij zelf iets "
        "anders vroeg.",
    )
    kopie_toelichting = models.TextField("tekst over de kopie", blank=True)
    kopie_reden = models.TextField(
        "waarom niet elektronisch?",
        blank=True,
        help_text="Alleen nodig als het verzoek elektronisch binnenkwam: wat de verzoeker zelf vroeg.",
    )
    rechten_tekst = models.TextField("tekst over de rechten (art. 15 lid 1 onder e)")
    klacht_tekst = models.TextField("tekst over de klacht bij de AP (art. 15 lid 1 onder f)")
    aangemaakt_op = models.DateTimeField("aangemaakt op", default=timezone.now, editable=False)
    history = HistoricalRecords()
    objects = GeschiedenisManager()
    historie_weergave = HistorieWeergave(verborgen={"verzoek", "aangemaakt_op"})

    class Meta:
        verbose_name = "inzage-informatie (art. 15)"
        verbose_name_plural = "inzage-informatie (art. 15)"

    def __str__(self):
        return f"Inzage-informatie bij {self.verzoek.kenmerk}"


class InzageOnderdeel(models.Model):
    """The art. 15(1)(a)-(d), (g), (h) and 15(2) information about one verwerking, prefilled from
    its approved version (`versie`) and editable. `bewerkt`: the privacy officer changed the text, so
    it is never replaced without asking. `gekoppeld`: the verwerking still belongs to the request;
    an unlinked part keeps its text (and comes back when the verwerking is linked again) but is not
    in the letter."""

    uuid = models.UUIDField("identificatie", default=uuid.uuid4, unique=True, editable=False)
    inzage = models.ForeignKey(
        InzageInformatie, verbose_name="inzage-informatie", on_delete=models.CASCADE, related_name="onderdelen"
    )
    verwerking = models.ForeignKey(
        "registers.Verwerking", verbose_name="verwerking", on_delete=models.PROTECT, related_name="+"
    )
    versie = models.ForeignKey(
        "registers.VerwerkingVersie",
        verbose_name="ingevuld uit versie",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text="De vastgestelde versie van de verwerking waaruit de tekst eerst is ingevuld.",
    )
    gekoppeld = models.BooleanField("hoort bij het verzoek", default=True)
    bewerkt = models.BooleanField("tekst aangepast door de privacy officer", default=False)
    naam = models.CharField("naam in de brief", max_length=250)
    doeleinden = models.TextField("waarvoor (art. 15 lid 1 onder a)", blank=True)
    persoonsgegevens = models.TextField("welke gegevens (onder b)", blank=True)
    ontvangers = models.TextField("ontvangers (onder c)", blank=True)
    doorgifte = models.TextField("landen buiten de EER en waarborgen (onder c, lid 2)", blank=True)
    bewaartermijn = models.TextField("bewaartermijn of criteria (onder d)", blank=True)
    herkomst = models.TextField("herkomst, als de gegevens niet van de verzoeker komen (onder g)", blank=True)
    geautomatiseerd = models.BooleanField("geautomatiseerde besluitvorming of profilering (onder h)", default=False)
    logica = models.TextField("uitleg over de logica, het belang en de gevolgen (onder h)", blank=True)
    history = HistoricalRecords()
    objects = GeschiedenisManager()
    historie_weergave = HistorieWeergave(verborgen={"inzage"})

    class Meta:
        verbose_name = "inzage-informatie over een verwerking"
        verbose_name_plural = "inzage-informatie over verwerkingen"
        ordering = ["naam", "pk"]
        constraints = [models.UniqueConstraint(fields=["inzage", "verwerking"], name="inzage_onderdeel_per_verwerking")]

    def __str__(self):
        return self.naam
