"""The second factor for password logins (django-otp): TOTP from an authenticator app, plus
one-time recovery codes (django-otp's static tokens).

A gemeente requires it with `Gemeente.mfa_verplicht`. Someone with a role in such a gemeente who
logged in with a password reaches no staff page and no API call with their session until the
session is verified (`TweedeFactorMiddleware`); an SSO session is exempt (the identity provider
does MFA). Tokens of the API are not sessions and are not affected.
"""

import base64
from urllib.parse import urlencode

import django_otp
import segno
from django.conf import settings
from django.contrib.auth.signals import user_login_failed
from django.db import transaction
from django.shortcuts import redirect
from django.urls import reverse
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from privacy_portal.core.api import is_api, problem_response
from privacy_portal.organisaties.selectors import rol_toewijzingen

from .sso import via_sso

AANTAL_HERSTELCODES = 10
APP = "Authenticator-app"
HERSTEL = "Herstelcodes"
# Paths a not yet verified session may open: the login steps, logging out, the public pages.
VRIJE_PADEN = (
    "/inloggen/",
    "/uitloggen/",
    "/register/",
    "/api/v1/openbaar/",
    "/api/v1/openapi.json",
    "/api/v1/documentatie",
    "/toegankelijkheid/",
)


def tweede_factor_vereist(user):
    """Whether one of the user's gemeenten requires a second factor (uses the cached roles)."""
    return any(t.gemeente.mfa_verplicht for t in rol_toewijzingen(user))


def moet_verifieren(request):
    user = request.user
    if not user.is_authenticated or user.is_verified() or via_sso(request):
        return False
    return tweede_factor_vereist(user)


class TweedeFactorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        pad = request.path
        if not pad.startswith(VRIJE_PADEN) and not pad.startswith(f"/{settings.STATIC_URL.lstrip('/')}"):
            if moet_verifieren(request):
                if is_api(request):
                    return problem_response(request, 403, "Bevestig eerst uw inlog met de tweede factor op de website.")
                return redirect(f"{reverse('inloggen:tweede_factor')}?{urlencode({'next': pad})}")
        return self.get_response(request)


def app_van(user, *, bevestigd=True):
    return TOTPDevice.objects.filter(user=user, confirmed=bevestigd).order_by("-pk").first()


def nieuwe_app(user):
    """The unconfirmed authenticator of this enrolment (one per user, reused on reload)."""
    app = app_van(user, bevestigd=False)
    return app or TOTPDevice.objects.create(user=user, name=APP, confirmed=False)


def geheim(app):
    return base64.b32encode(app.bin_key).decode().rstrip("=")


def qr_svg(app):
    """The otpauth:// link as an inline SVG QR code (made here: no external service sees the secret)."""
    return segno.make(app.config_url, error="m").svg_inline(
        scale=5, title="QR-code voor uw authenticator-app", border=2, dark="#000", light="#fff", omitsize=True
    )


@transaction.atomic
def app_bevestigen(request, app, code):
    """Confirm a new authenticator with its first code; returns the new recovery codes, or None."""
    if not app.verify_token(code):
        return None
    TOTPDevice.objects.filter(user=app.user).exclude(pk=app.pk).delete()
    app.confirmed = True
    app.save()
    codes = herstelcodes_maken(app.user)
    django_otp.login(request, app)
    return codes


def herstelcodes_maken(user):
    StaticDevice.objects.filter(user=user).delete()
    apparaat = StaticDevice.objects.create(user=user, name=HERSTEL, confirmed=True)
    codes = [StaticToken.random_token() for _ in range(AANTAL_HERSTELCODES)]
    StaticToken.objects.bulk_create(StaticToken(device=apparaat, token=c) for c in codes)
    return codes


class TeVaak(Exception):
    """Too many wrong codes in a row: django-otp makes the user wait before the next try."""


def code_controleren(request, code):
    """Verify the session with a code from the app or a recovery code (used up by this)."""
    user = request.user
    code = "".join(code.split()).lower()
    apparaten = [a for a in (app_van(user), StaticDevice.objects.filter(user=user).first()) if a]
    if apparaten and not any(a.verify_is_allowed()[0] for a in apparaten):
        user_login_failed.send(
            sender=__name__, credentials={"username": user.get_username(), "tweede_factor": True}, request=request
        )
        raise TeVaak
    for apparaat in apparaten:
        if django_otp.verify_token(user, apparaat.persistent_id, code):
            django_otp.login(request, apparaat)
            return True
    user_login_failed.send(
        sender=__name__, credentials={"username": user.get_username(), "tweede_factor": True}, request=request
    )
    return False
