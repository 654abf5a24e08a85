"""Single sign-on with OpenID Connect (mozilla-django-oidc), off unless OIDC_RP_CLIENT_ID is set.

At each SSO login `SsoBackend` checks the ID token's issuer and audience, finds the user by
(issuer, sub) or creates one, and `sso_rollen_bijwerken` makes the user's SSO roles match the
groups claim through the beheerder's `SsoGroep` table: roles from groups no longer held go, new
ones come, roles given by hand stay. Someone without a mapped group is refused (no login) and
sees `sso_mislukt`. Django's `user_logged_in` / `user_login_failed` signals fire as for a password.
"""

import logging

import requests
from django.conf import settings
from django.contrib import auth
from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_login_failed
from django.core.exceptions import PermissionDenied, SuspiciousOperation
from django.db import transaction
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils.text import slugify
from mozilla_django_oidc.auth import OIDCAuthenticationBackend
from mozilla_django_oidc.views import OIDCAuthenticationCallbackView, OIDCAuthenticationRequestView

from privacy_portal.core import parameters
from privacy_portal.core.schrijven import opslaan
from privacy_portal.organisaties.models import RolToewijzing

from .models import SsoGroep, SsoIdentiteit

logger = logging.getLogger(__name__)

SESSIE_FOUT = "sso_fout"
BACKEND = "privacy_portal.inloggen.sso.SsoBackend"


def sso_aan():
    return bool(settings.OIDC_RP_CLIENT_ID)


def via_sso(request):
    """Whether this session was logged in through the identity provider."""
    return request.session.get(auth.BACKEND_SESSION_KEY) == BACKEND


class GeenToegang(PermissionDenied):
    """The provider knows the person, but no group of theirs gives a role here."""


def groepen_uit(claims):
    waarde = claims.get(settings.OIDC_GROEPEN_CLAIM) or []
    if isinstance(waarde, str):
        waarde = [waarde]
    return {str(g) for g in waarde if g}


@transaction.atomic
def sso_rollen_bijwerken(*, gebruiker, groepen):
    """Make the user's SSO roles those of their groups; roles given by hand are left alone.

    Returns the number of roles the groups give (0: the person gets no access through SSO).
    """
    gewenst = {g.sleutel(): g for g in SsoGroep.objects.filter(groep__in=groepen)}
    bestaand = list(RolToewijzing.objects.select_for_update().filter(gebruiker=gebruiker))
    sleutels = {(t.rol, t.gemeente_id, t.afdeling_id, t.team_id): t for t in bestaand}
    for sleutel, toewijzing in sleutels.items():
        if toewijzing.bron == RolToewijzing.Bron.SSO and sleutel not in gewenst:
            toewijzing._change_reason = "Rol vervallen bij SSO-login: geen van de groepen geeft deze rol nog"
            toewijzing._history_user = gebruiker
            toewijzing.delete()
    for sleutel, groep in gewenst.items():
        if sleutel not in sleutels:
            rol, gemeente_id, afdeling_id, team_id = sleutel
            opslaan(
                RolToewijzing(
                    gebruiker=gebruiker,
                    rol=rol,
                    gemeente_id=gemeente_id,
                    afdeling_id=afdeling_id,
                    team_id=team_id,
                    bron=RolToewijzing.Bron.SSO,
                ),
                door=gebruiker,
                reden=f"Rol via SSO-groep {groep.groep}",
            )
    if hasattr(gebruiker, "_rol_toewijzingen"):
        del gebruiker._rol_toewijzingen
    return len(gewenst)


def _gebruikersnaam(claims):
    User = get_user_model()
    basis = slugify(claims.get("preferred_username") or claims.get("email", "").split("@")[0]) or "sso"
    basis = basis[:140]
    naam, volgnummer = basis, 1
    while User.objects.filter(username=naam).exists():
        volgnummer += 1
        naam = f"{basis}-{volgnummer}"
    return naam


class SsoBackend(OIDCAuthenticationBackend):
    """mozilla-django-oidc's backend, matching on (issuer, sub) and syncing roles from groups."""

    def authenticate(self, request, **kwargs):
        if not sso_aan() or request is None or "code" not in request.GET:
            return None
        try:
            return super().authenticate(request, **kwargs)
        except GeenToegang:
            request.session[SESSIE_FOUT] = "geen_rol"
            raise  # Django turns it into a refusal with user_login_failed
        except SuspiciousOperation as fout:
            logger.warning("sso_ongeldig_token", extra={"fout": str(fout)})
            request.session[SESSIE_FOUT] = "ongeldig"
            return None
        except (requests.RequestException, ValueError, KeyError) as fout:
            # The provider was unreachable or answered nonsense: a failed login, never a 500.
            logger.warning("sso_provider_fout", extra={"fout": type(fout).__name__})
            request.session[SESSIE_FOUT] = "provider"
            return None

    def verify_token(self, token, **kwargs):
        payload = super().verify_token(token, **kwargs)
        aud = payload.get("aud")
        audiences = aud if isinstance(aud, list) else [aud]
        if settings.OIDC_RP_CLIENT_ID not in audiences:
            raise SuspiciousOperation("ID token is niet voor deze portal bedoeld (aud).")
        if settings.OIDC_OP_ISSUER and payload.get("iss") != settings.OIDC_OP_ISSUER:
            raise SuspiciousOperation("ID token komt van een andere identiteitsprovider (iss).")
        return payload

    def get_userinfo(self, access_token, id_token, payload):
        # Entra ID puts the groups in the ID token, other providers in the userinfo answer: use both.
        claims = {**payload, **super().get_userinfo(access_token, id_token, payload)}
        if claims.get("sub") != payload.get("sub"):
            raise SuspiciousOperation("Userinfo hoort bij een ander persoon dan het ID token.")
        claims["iss"] = payload.get("iss")
        self.groepen = groepen_uit(claims)
        return claims

    def verify_claims(self, claims):
        return bool(claims.get("sub") and claims.get("iss"))

    def filter_users_by_claims(self, claims):
        return get_user_model().objects.filter(sso_identiteit__issuer=claims["iss"], sso_identiteit__sub=claims["sub"])

    def get_or_create_user(self, access_token, id_token, payload):
        user = super().get_or_create_user(access_token, id_token, payload)
        if user is None or not user.is_active:
            return None
        # Also for a refusal: the roles of groups no longer held are removed (and stay removed).
        if not sso_rollen_bijwerken(gebruiker=user, groepen=self.groepen):
            raise GeenToegang("Geen van de groepen geeft een rol in de portal.")
        return user

    def create_user(self, claims):
        if not SsoGroep.objects.filter(groep__in=self.groepen).exists():
            raise GeenToegang("Geen van de groepen geeft een rol in de portal.")  # create no account
        user = get_user_model()(username=_gebruikersnaam(claims))
        user.set_unusable_password()
        self._naam_bijwerken(user, claims)
        identiteit = SsoIdentiteit(gebruiker=user, issuer=claims["iss"], sub=claims["sub"])
        opslaan(identiteit, door=user, reden="Eerste login via SSO")
        return user

    def update_user(self, user, claims):
        self._naam_bijwerken(user, claims)
        return user

    @staticmethod
    def _naam_bijwerken(user, claims):
        user.first_name = (claims.get("given_name") or user.first_name)[:150]
        user.last_name = (claims.get("family_name") or user.last_name)[:150]
        user.email = claims.get("email") or user.email
        user.save()

    def has_perm(self, user_obj, perm, obj=None):
        return False  # roles answer permissions (RolBackend), not this backend

    def has_module_perms(self, user_obj, app_label):
        return False


class SsoStart(OIDCAuthenticationRequestView):
    """Sends the browser to the identity provider (404 when SSO is not configured)."""

    def get(self, request):
        if not sso_aan():
            raise Http404
        request.session.pop(SESSIE_FOUT, None)
        return super().get(request)


class SsoTerug(OIDCAuthenticationCallbackView):
    """The provider sends the browser back here with a code (or an error)."""

    @property
    def failure_url(self):
        return reverse("inloggen:sso_mislukt")

    def get(self, request):
        if not sso_aan():
            raise Http404
        if fout := parameters.tekst(request.GET, "error", max_lengte=50):
            # Refused or cancelled at the provider: no authenticate() call, so signal it ourselves.
            user_login_failed.send(sender=__name__, credentials={"username": "", "sso": fout}, request=request)
            request.session[SESSIE_FOUT] = "provider"
        try:
            return super().get(request)
        except SuspiciousOperation:
            logger.warning("sso_ongeldige_terugkeer")
            request.session[SESSIE_FOUT] = "ongeldig"
            return self.login_failure()


def sso_mislukt(request):
    if not sso_aan():
        raise Http404
    reden = request.session.pop(SESSIE_FOUT, "ongeldig")
    return render(request, "inloggen/sso_mislukt.html", {"reden": reden}, status=403)
