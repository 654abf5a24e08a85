"""Notifications: the in-portal inbox per user, and the guard that makes each milestone happen once.

A Mijlpaal row (object, milestone) is created under a unique constraint before anything is sent,
in the same transaction as the notifications it causes. A rerun, a second beat or a redelivered
task therefore finds the row and does nothing; a crash before commit leaves nothing, so the next
scan does it again. E-mail is sent afterwards by a task: it records in a committed row that it is
sending (`email_bezig_op`), then sends, then records that it sent (`email_verzonden_op`). A row
being sent or sent is never sent again, so an e-mail goes at most once, also when a worker dies
between the SMTP send and the commit; the melding itself is always in the inbox. The scan
re-queues e-mails that were never started (Redis down), so they catch up.

Each person chooses per kind of melding how it reaches them (MeldingVoorkeur): an e-mail at once,
one daily digest, or only in the portal.
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone


class Soort(models.TextChoices):
    ACTIE = "actie", "Er wacht iets op u"
    UITKOMST = "uitkomst", "Uitkomst van iets dat u indiende of vroeg"
    TERMIJN = "termijn", "Herinneringen aan termijnen"


class Wijze(models.TextChoices):
    DIRECT = "direct", "Direct per e-mail"
    DAGELIJKS = "dagelijks", "Eén samenvatting per dag per e-mail"
    PORTAL = "portal", "Alleen in de portal"


class Mijlpaal(models.Model):
    object_type = models.CharField("soort object", max_length=100)
    object_id = models.CharField("object", max_length=64)
    mijlpaal = models.CharField("mijlpaal", max_length=60)
    bereikt_op = models.DateTimeField("bereikt op", default=timezone.now)
    overgeslagen = models.BooleanField(
        "overgeslagen",
        default=False,
        help_text="Vastgelegd als voorbij zonder bericht: bij bereiken was een urgentere mijlpaal al aan de beurt.",
    )

    class Meta:
        verbose_name = "mijlpaal"
        verbose_name_plural = "mijlpalen"
        constraints = [
            models.UniqueConstraint(fields=["object_type", "object_id", "mijlpaal"], name="mijlpaal_eenmalig")
        ]

    def __str__(self):
        return f"{self.object_type} {self.object_id}: {self.mijlpaal}"


class Notificatie(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    ontvanger = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="ontvanger", on_delete=models.CASCADE, related_name="notificaties"
    )
    mijlpaal = models.ForeignKey(
        Mijlpaal, verbose_name="mijlpaal", on_delete=models.CASCADE, null=True, blank=True, related_name="notificaties"
    )
    soort = models.CharField("soort", max_length=20, choices=Soort.choices, default=Soort.TERMIJN)
    onderwerp = models.CharField(
        "onderwerp", max_length=200, help_text="Zonder persoonsgegevens: het gaat ook per e-mail."
    )
    tekst = models.TextField("tekst")
    link = models.CharField("link", max_length=300, blank=True, help_text="Pad binnen de portal.")
    aangemaakt_op = models.DateTimeField("aangemaakt op", default=timezone.now, db_index=True)
    gelezen_op = models.DateTimeField("gelezen op", null=True, blank=True)
    email_wijze = models.CharField(
        "e-mail", max_length=20, choices=Wijze.choices, default=Wijze.DIRECT, help_text="Keuze van de ontvanger."
    )
    email_bezig_op = models.DateTimeField(
        "e-mail verzenden begonnen op",
        null=True,
        blank=True,
        help_text="Vastgelegd vóór het verzenden; staat het er zonder 'verzonden op', dan is onbekend of de "
        "e-mail aankwam en wordt hij niet opnieuw verstuurd (de melding staat in de portal).",
    )
    email_verzonden_op = models.DateTimeField("e-mail verzonden op", null=True, blank=True)

    class Meta:
        verbose_name = "notificatie"
        verbose_name_plural = "notificaties"
        ordering = ["-aangemaakt_op"]
        constraints = [
            models.UniqueConstraint(fields=["mijlpaal", "ontvanger"], name="notificatie_eenmalig_per_ontvanger")
        ]

    def __str__(self):
        return self.onderwerp


class MeldingVoorkeur(models.Model):
    """How one person wants one kind of melding: by e-mail at once, daily, or only in the portal."""

    gebruiker = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="gebruiker", on_delete=models.CASCADE, related_name="meldingvoorkeuren"
    )
    soort = models.CharField("soort melding", max_length=20, choices=Soort.choices)
    wijze = models.CharField("hoe", max_length=20, choices=Wijze.choices, default=Wijze.DIRECT)

    class Meta:
        verbose_name = "voorkeur voor meldingen"
        verbose_name_plural = "voorkeuren voor meldingen"
        constraints = [models.UniqueConstraint(fields=["gebruiker", "soort"], name="voorkeur_eenmalig")]

    def __str__(self):
        return f"{self.gebruiker}: {self.soort} {self.wijze}"
