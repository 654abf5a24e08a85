"""Login lockout (django-axes): the Dutch message, the reset after a good login, the beheerder's unlock.

Axes counts failed logins per username (from every address together) and per client address
(`privacy_portal.core.clientadres`, so behind the TLS proxy each client counts for itself). After
`AXES_FAILURE_LIMIT` failures within `AXES_COOLOFF_TIME` the username, or the address, is locked:
also a correct password from another address is refused. The login page then says so in plain
Dutch; it does not say whether the username exists (axes locks unknown names the same way).

A good login clears the failures of that username only (`AXES_RESET_ON_SUCCESS` is off: axes would
also clear every failure from the address, so an insider could reset a colleague's counter by
logging in as themselves). The beheerder lifts a lockout in the admin (*Inlogpogingen*, action
*Blokkade opheffen*); every unlock is a row in the audit log.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver
from django.shortcuts import render

from .audit import audit
from .models import AuditEvent

MELDING = (
    "U kunt tijdelijk niet inloggen: er is te vaak een verkeerd wachtwoord gebruikt. "
    "Probeer het over een uur opnieuw, of vraag de beheerder van de portal om de blokkade op te heffen."
)


def geblokkeerd(request, original_response=None, credentials=None):
    """Axes' lockout response (AXES_LOCKOUT_CALLABLE): the login page with the message, status 429."""
    from .forms import InlogForm

    return render(request, "core/login.html", {"form": InlogForm(request), "geblokkeerd": MELDING}, status=429)


@receiver(user_logged_in, dispatch_uid="blokkade_na_goede_login")
def na_goede_login(sender, request, user, **kwargs):
    from axes.models import AccessAttempt

    AccessAttempt.objects.filter(username=user.get_username()).delete()


def blokkade_opheffen(*, door, pogingen):
    """Lift the lockout behind these failed-login records (axes AccessAttempt) and audit it.

    Clears every record of the same usernames and of the same addresses, so neither counter still
    locks. One audit row per username (the user's id, or none for an unknown name). Returns how
    many records were removed.
    """
    from axes.models import AccessAttempt

    pogingen = list(pogingen)
    namen = {p.username for p in pogingen if p.username}
    adressen = {p.ip_address for p in pogingen if p.ip_address}
    aantal, _ = AccessAttempt.objects.filter(username__in=namen).delete()
    extra, _ = AccessAttempt.objects.filter(ip_address__in=adressen).delete()
    gebruikers = dict(
        get_user_model()
        .objects.filter(**{f"{get_user_model().USERNAME_FIELD}__in": namen})
        .values_list(get_user_model().USERNAME_FIELD, "pk")
    )
    for naam in sorted(namen) or [""]:
        audit(
            actor=door,
            actie=AuditEvent.Actie.BLOKKADE_OPGEHEVEN,
            object_type="auth.User",
            object_id=str(gebruikers.get(naam, "")),
            herkomst="web",
        )
    return aantal + extra
