"""Organisations served by one installation: gemeenten, their controllers, afdelingen and teams,
and the roles people hold in them."""

import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from simple_history.models import HistoricalRecords

from privacy_portal.core.historie import GeschiedenisManager

from .rollen import ROL_BEREIK, Bereik, Rol

# Five years, as the Wpg asks for logs (DOMAIN.md, Logging); per gemeente adjustable.
AUDIT_BEWAARTERMIJN_MAANDEN = 60


class Organisatie(models.Model):
    """The (possibly shared) organisation that runs the portal for one or more gemeenten."""

    naam = models.CharField("naam", max_length=200, unique=True)
    history = HistoricalRecords()
    objects = GeschiedenisManager()

    class Meta:
        verbose_name = "organisatie"
        verbose_name_plural = "organisaties"
        ordering = ["naam"]

    def __str__(self):
        return self.naam


class Gemeente(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organisatie = models.ForeignKey(
        Organisatie, verbose_name="organisatie", on_delete=models.PROTECT, related_name="gemeenten"
    )
    naam = models.CharField("naam", max_length=200, unique=True)
    slug = models.SlugField("slug", unique=True, help_text="Deel van het webadres, bijvoorbeeld 'voorbeeldstad'.")
    fg_naam = models.CharField(
        "FG (functie of naam)",
        max_length=200,
        help_text="Zoals het op de openbare pagina staat, bijvoorbeeld 'Functionaris gegevensbescherming'.",
    )
    fg_email = models.EmailField("e-mailadres FG")
    fg_telefoon = models.CharField("telefoon FG", max_length=50, blank=True)
    website = models.URLField("website", blank=True)
    mfa_verplicht = models.BooleanField(
        "tweede factor verplicht",
        default=False,
        help_text="Medewerkers met een rol in deze gemeente die met een wachtwoord inloggen, moeten ook een "
        "code uit een authenticator-app of een herstelcode invoeren. Wie via SSO inlogt, doet dat bij de "
        "identiteitsprovider.",
    )
    audit_bewaartermijn_maanden = models.PositiveSmallIntegerField(
        "bewaartermijn auditlog (maanden)",
        default=AUDIT_BEWAARTERMIJN_MAANDEN,
        validators=[MinValueValidator(12), MaxValueValidator(240)],
        help_text="Zo lang blijven de regels van het auditlog van deze gemeente bewaard; daarna verwijdert de "
        "termijnscan ze. Standaard vijf jaar (60 maanden), zoals de Wpg voor logbestanden vraagt.",
    )
    vier_ogen_uitzondering = models.BooleanField(
        "uitzondering op vier ogen",
        default=False,
        help_text="Alleen voor een gemeente waar één persoon het werk doet: wie een verwerking opstelde of "
        "indiende, of een convenantdocument openbaar maakte, mag het dan zelf vaststellen of vrijgeven. "
        "De historie vermeldt dat bij elk besluit.",
    )
    history = HistoricalRecords()
    objects = GeschiedenisManager()

    class Meta:
        verbose_name = "gemeente"
        verbose_name_plural = "gemeenten"
        ordering = ["naam"]

    def __str__(self):
        return self.naam

    @property
    def gemeente_id(self):
        return self.pk


class Verwerkingsverantwoordelijke(models.Model):
    """A controller inside a gemeente: the college, the burgemeester, the raad, ..."""

    class Soort(models.TextChoices):
        COLLEGE = "college", "College van burgemeester en wethouders"
        BURGEMEESTER = "burgemeester", "Burgemeester"
        RAAD = "raad", "Gemeenteraad"
        HEFFINGSAMBTENAAR = "heffingsambtenaar", "Heffingsambtenaar"
        ANDERS = "anders", "Anders"

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    gemeente = models.ForeignKey(
        Gemeente, verbose_name="gemeente", on_delete=models.CASCADE, related_name="verantwoordelijken"
    )
    soort = models.CharField("soort", max_length=30, choices=Soort.choices)
    naam = models.CharField("naam", max_length=200)
    adres = models.CharField("postadres", max_length=300)
    email = models.EmailField("e-mailadres")
    telefoon = models.CharField("telefoon", max_length=50, blank=True)
    history = HistoricalRecords()
    objects = GeschiedenisManager()

    class Meta:
        verbose_name = "verwerkingsverantwoordelijke"
        verbose_name_plural = "verwerkingsverantwoordelijken"
        ordering = ["gemeente__naam", "naam"]
        constraints = [models.UniqueConstraint(fields=["gemeente", "naam"], name="uniek_vv_per_gemeente")]

    def __str__(self):
        return f"{self.naam} ({self.gemeente})"


class Afdeling(models.Model):
    gemeente = models.ForeignKey(Gemeente, verbose_name="gemeente", on_delete=models.CASCADE, related_name="afdelingen")
    naam = models.CharField("naam", max_length=200)
    history = HistoricalRecords()
    objects = GeschiedenisManager()

    class Meta:
        verbose_name = "afdeling"
        verbose_name_plural = "afdelingen"
        ordering = ["naam"]
        constraints = [models.UniqueConstraint(fields=["gemeente", "naam"], name="uniek_afdeling_per_gemeente")]

    def __str__(self):
        return f"{self.naam} ({self.gemeente})"


class Team(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    gemeente = models.ForeignKey(Gemeente, verbose_name="gemeente", on_delete=models.CASCADE, related_name="teams")
    afdeling = models.ForeignKey(
        Afdeling, verbose_name="afdeling", on_delete=models.PROTECT, related_name="teams", null=True, blank=True
    )
    naam = models.CharField("naam", max_length=200)
    history = HistoricalRecords()
    objects = GeschiedenisManager()

    class Meta:
        verbose_name = "team"
        verbose_name_plural = "teams"
        ordering = ["naam"]
        constraints = [models.UniqueConstraint(fields=["gemeente", "naam"], name="uniek_team_per_gemeente")]

    def __str__(self):
        return self.naam

    @property
    def team_id(self):
        return self.pk


class RolToewijzing(models.Model):
    """One role held by one person in one gemeente (and, for team roles, one team).

    `bron` says where it came from: given by hand (the beheerder, the demo) or from the identity
    provider's groups at an SSO login; each SSO login adds and removes only the latter.
    """

    class Bron(models.TextChoices):
        HANDMATIG = "handmatig", "Met de hand toegekend"
        SSO = "sso", "Via SSO-groep"

    gebruiker = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="gebruiker", on_delete=models.CASCADE, related_name="rollen"
    )
    rol = models.CharField("rol", max_length=30, choices=Rol.choices)
    gemeente = models.ForeignKey(Gemeente, verbose_name="gemeente", on_delete=models.CASCADE, related_name="rollen")
    afdeling = models.ForeignKey(
        Afdeling,
        verbose_name="afdeling",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        help_text="Alleen voor de afdelingsmanager.",
    )
    team = models.ForeignKey(
        Team,
        verbose_name="team",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        help_text="Alleen voor teammanager en medewerker.",
    )
    bron = models.CharField(
        "bron",
        max_length=20,
        choices=Bron.choices,
        default=Bron.HANDMATIG,
        help_text="Rollen via een SSO-groep worden bij elke SSO-login bijgewerkt; "
        "met de hand toegekende blijven staan.",
    )
    history = HistoricalRecords()
    objects = GeschiedenisManager()

    class Meta:
        verbose_name = "roltoewijzing"
        verbose_name_plural = "roltoewijzingen"
        constraints = [
            models.UniqueConstraint(fields=["gebruiker", "rol", "gemeente", "afdeling", "team"], name="unieke_rol")
        ]

    def __str__(self):
        waar = self.team or self.afdeling or self.gemeente
        return f"{self.gebruiker} – {self.get_rol_display()} ({waar})"

    @property
    def bereik(self):
        return ROL_BEREIK[Rol(self.rol)]

    def clean(self):
        from django.core.exceptions import ValidationError

        if self.bereik == Bereik.TEAM and not self.team_id:
            raise ValidationError({"team": "Deze rol hoort bij een team: kies het team."})
        if self.bereik == Bereik.AFDELING and not self.afdeling_id:
            raise ValidationError({"afdeling": "Deze rol hoort bij een afdeling: kies de afdeling."})
        if self.team_id and self.team.gemeente_id != self.gemeente_id:
            raise ValidationError({"team": "Dit team hoort niet bij deze gemeente."})
        if self.afdeling_id and self.afdeling.gemeente_id != self.gemeente_id:
            raise ValidationError({"afdeling": "Deze afdeling hoort niet bij deze gemeente."})

    def dekt(self, gemeente_id, afdeling_id=None, team_id=None):
        """Whether this role reaches an object in that gemeente/afdeling/team.

        An object without a team (a gemeente itself) is reached by every role in the gemeente:
        a teammanager may create a verwerking in their gemeente, for their own team.
        """
        if gemeente_id != self.gemeente_id:
            return False
        if self.bereik == Bereik.AFDELING and (team_id or afdeling_id):
            return afdeling_id == self.afdeling_id
        if self.bereik == Bereik.TEAM and team_id:
            return team_id == self.team_id
        return True

    def filter_kwargs(self, prefix=""):
        """Lookup kwargs selecting the objects this role reaches (objects with gemeente and team)."""
        if self.bereik == Bereik.AFDELING:
            return {f"{prefix}team__afdeling_id": self.afdeling_id}
        if self.bereik == Bereik.TEAM:
            return {f"{prefix}team_id": self.team_id}
        return {f"{prefix}gemeente_id": self.gemeente_id}
