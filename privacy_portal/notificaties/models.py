"""Notifications: the in-portal inbox per user, and the guard that makes each milestone happen once.

A Mijlpaal row (object, milestone) is created under a unique constraint before anything is sent,
in the same transaction as the notifications it causes. A rerun, a second beat or a redelivered
task therefore finds the row and does nothing; a crash before commit leaves nothing, so the next
scan does it again. E-mail is sent afterwards by a task that records when it was sent; the scan
re-queues e-mails that were not sent (Redis down), so they catch up.
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone


class Mijlpaal(models.Model):
    object_type = models.CharField("soort object", max_length=100)
    object_id = models.CharField("object", max_length=64)
    mijlpaal = models.CharField("mijlpaal", max_length=60)
    bereikt_op = models.DateTimeField("bereikt op", default=timezone.now)

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
    onderwerp = models.CharField(
        "onderwerp", max_length=200, help_text="Zonder persoonsgegevens: het gaat ook per e-mail."
    )
    tekst = models.TextField("tekst")
    link = models.CharField("link", max_length=300, blank=True, help_text="Pad binnen de portal.")
    aangemaakt_op = models.DateTimeField("aangemaakt op", default=timezone.now, db_index=True)
    gelezen_op = models.DateTimeField("gelezen op", null=True, blank=True)
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
