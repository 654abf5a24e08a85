"""An e-mail is never sent twice for one melding: record, then send (at most once by e-mail; the
melding is always in the inbox)."""

from datetime import timedelta
from smtplib import SMTPServerDisconnected

import pytest
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend
from django.utils import timezone

from privacy_portal.notificaties import services
from privacy_portal.notificaties.models import Notificatie
from privacy_portal.organisaties.rollen import Rol
from tests.factories import maak_verwerking


class WorkerGestopt(BaseException):
    """The worker is killed (SIGKILL, OOM) right after the mail server took the message."""


class StoptNaVerzenden(EmailBackend):
    def send_messages(self, berichten):
        super().send_messages(berichten)
        raise WorkerGestopt


class Onbereikbaar(EmailBackend):
    def send_messages(self, berichten):
        raise SMTPServerDisconnected("verbinding verbroken")


@pytest.fixture
def melding(wereld, django_capture_on_commit_callbacks):
    po = wereld[Rol.PRIVACY_OFFICER]
    po.email = "po@voorbeeldstad.example"
    po.save()
    verwerking = maak_verwerking(team=wereld.team, vv=wereld.vv, door=wereld[Rol.TEAMMANAGER])
    with django_capture_on_commit_callbacks(execute=False):  # the e-mail task is not run here
        services.mijlpaal_bereiken(obj=verwerking, mijlpaal="test", ontvangers=[po], onderwerp="Termijn", tekst="x")
    return Notificatie.objects.get(ontvanger=po, mijlpaal__mijlpaal="test")


def _inhalen(capture):
    """The scan's catch-up, some time later, with the queued e-mail tasks run."""
    with capture(execute=True):
        services.onverzonden_opnieuw_in_wachtrij(timezone.now() + timedelta(hours=1))


@pytest.mark.django_db
def test_een_worker_die_na_smtp_stopt_verstuurt_na_het_inhalen_niet_opnieuw(
    melding, settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = f"{__name__}.StoptNaVerzenden"
    with pytest.raises(WorkerGestopt):
        services.e_mail_versturen(melding.pk)
    assert len(mail.outbox) == 1
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    _inhalen(django_capture_on_commit_callbacks)
    services.e_mail_versturen(melding.pk)  # a redelivered task
    assert len(mail.outbox) == 1
    melding.refresh_from_db()
    assert melding.email_bezig_op is not None and melding.email_verzonden_op is None
    assert melding.gelezen_op is None  # the melding itself is in the inbox


@pytest.mark.django_db
def test_een_geweigerde_e_mail_gaat_bij_het_inhalen_alsnog_een_keer(
    melding, settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = f"{__name__}.Onbereikbaar"
    assert services.e_mail_versturen(melding.pk) is False
    melding.refresh_from_db()
    assert melding.email_bezig_op is None and melding.email_verzonden_op is None
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    _inhalen(django_capture_on_commit_callbacks)
    _inhalen(django_capture_on_commit_callbacks)
    assert [m.subject for m in mail.outbox] == ["[Privacy Portal] Termijn"]
    melding.refresh_from_db()
    assert melding.email_verzonden_op is not None
