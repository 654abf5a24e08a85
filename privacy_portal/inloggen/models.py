"""Single sign-on data: which identity-provider group gives which role, and who is who at the provider.

`SsoGroep` is the beheerder's table from a value of the groups claim to a role in a gemeente (and
a team or afdeling for roles with that reach). `SsoIdentiteit` ties a portal user to the provider's
(issuer, sub): an SSO login finds the user by that pair, never by e-mail address.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from simple_history.models import HistoricalRecords

from privacy_portal.core.historie import GeschiedenisManager
from privacy_portal.organisaties.models import Afdeling, Gemeente, Team
from privacy_portal.organisaties.rollen import ROL_BEREIK, Bereik, Rol


class SsoGroep(models.Model):
    groep = models.CharField(
        "groep",
        max_length=255,
        help_text="De waarde in de groepenclaim van de identiteitsprovider, bijvoorbeeld de naam of de "
        "object-ID van een groep in Entra ID.",
    )
    rol = models.CharField("rol", max_length=30, choices=Rol.choices)
    gemeente = models.ForeignKey(Gemeente, verbose_name="gemeente", on_delete=models.CASCADE, related_name="+")
    afdeling = models.ForeignKey(
        Afdeling,
        verbose_name="afdeling",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        help_text="Alleen voor de afdelingsmanager.",
    )
    team = models.ForeignKey(
        Team,
        verbose_name="team",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        help_text="Alleen voor teammanager en medewerker.",
    )
    history = HistoricalRecords()
    objects = GeschiedenisManager()

    class Meta:
        verbose_name = "SSO-groep"
        verbose_name_plural = "SSO-groepen"
        ordering = ["groep", "gemeente__naam", "rol"]
        constraints = [
            models.UniqueConstraint(fields=["groep", "rol", "gemeente", "afdeling", "team"], name="unieke_sso_groep")
        ]

    def __str__(self):
        waar = self.team or self.afdeling or self.gemeente
        return f"{self.groep} → {self.get_rol_display()} ({waar})"

    def clean(self):
        bereik = ROL_BEREIK[Rol(self.rol)] if self.rol else None
        if bereik == Bereik.TEAM and not self.team_id:
            raise ValidationError({"team": "Deze rol hoort bij een team: kies het team."})
        if bereik == Bereik.AFDELING and not self.afdeling_id:
            raise ValidationError({"afdeling": "Deze rol hoort bij een afdeling: kies de afdeling."})
        if bereik == Bereik.GEMEENTE and (self.team_id or self.afdeling_id):
            raise ValidationError({"rol": "Deze rol geldt voor de hele gemeente: laat team en afdeling leeg."})
        if self.team_id and self.team.gemeente_id != self.gemeente_id:
            raise ValidationError({"team": "Dit team hoort niet bij deze gemeente."})
        if self.afdeling_id and self.afdeling.gemeente_id != self.gemeente_id:
            raise ValidationError({"afdeling": "Deze afdeling hoort niet bij deze gemeente."})

    def sleutel(self):
        """What a RolToewijzing made from this group looks like: (rol, gemeente, afdeling, team)."""
        return (self.rol, self.gemeente_id, self.afdeling_id, self.team_id)


class SsoIdentiteit(models.Model):
    gebruiker = models.OneToOneField(
        settings.AUTH_USER_MODEL, verbose_name="gebruiker", on_delete=models.CASCADE, related_name="sso_identiteit"
    )
    issuer = models.CharField("identiteitsprovider (issuer)", max_length=500)
    sub = models.CharField(
        "kenmerk bij de identiteitsprovider (sub)",
        max_length=255,
        help_text="Het vaste kenmerk van deze persoon bij de identiteitsprovider. Een SSO-login vindt de "
        "gebruiker hieraan, niet aan het e-mailadres.",
    )
    history = HistoricalRecords()
    objects = GeschiedenisManager()

    class Meta:
        verbose_name = "SSO-identiteit"
        verbose_name_plural = "SSO-identiteiten"
        constraints = [models.UniqueConstraint(fields=["issuer", "sub"], name="unieke_sso_identiteit")]

    def __str__(self):
        return f"{self.gebruiker} ({self.issuer})"
