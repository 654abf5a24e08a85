"""API keys: made and revoked by their user, stored as a hash, with an expiry date and a scope.

- `sleutel_maken(...)` returns the model and the key itself; the key is shown once and never stored
  (only its SHA-256 hash: a key is 32 random bytes, so a plain hash cannot be guessed back).
- `ApiSleutelAuthenticatie` (DRF) reads `Authorization: Token <sleutel>` (or `Bearer`): an unknown,
  revoked or expired key is 401; a read-only key is 403 on anything but GET, HEAD and OPTIONS, for
  every view, whatever its permission classes.
- `sleutel_intrekken(...)`: revoked keys stay in the list (and their history), and never work again.

Tests make a key with `sleutel_maken(gebruiker=..., naam=..., bereik=ApiSleutel.Bereik.LEZEN_EN_SCHRIJVEN)`
and send `HTTP_AUTHORIZATION=f"Token {sleutel}"`.
"""

import hashlib
import secrets
from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework import exceptions
from rest_framework.authentication import BaseAuthentication, get_authorization_header
from rest_framework.permissions import SAFE_METHODS

from .models import ApiSleutel
from .schrijven import opslaan

VOORVOEGSEL = "pp_"
GELDIG_DAGEN = (30, 90, 180, 365)
STANDAARD_DAGEN = 90
LAATST_GEBRUIKT_PER = timedelta(hours=1)  # 'last used' is written at most once an hour per key

ONGELDIG = "Deze API-sleutel is onbekend, ingetrokken of verlopen. Maak een nieuwe op de pagina API-sleutels."
ALLEEN_LEZEN = "Deze API-sleutel mag alleen lezen. Maak een sleutel voor lezen en schrijven om dit te doen."


def sleutel_hash(sleutel):
    return hashlib.sha256(sleutel.encode()).hexdigest()


def sleutels_van(gebruiker):
    return ApiSleutel.objects.filter(gebruiker=gebruiker)


@transaction.atomic
def sleutel_maken(*, gebruiker, naam, bereik=ApiSleutel.Bereik.LEZEN, geldig_dagen=STANDAARD_DAGEN, nu=None):
    """A new key for `gebruiker`: (ApiSleutel, the key itself). The key is not stored anywhere."""
    nu = nu or timezone.now()
    naam = (naam or "").strip()
    fouten = {}
    if not naam:
        fouten["naam"] = "Geef de sleutel een naam, zodat u hem later herkent."
    if bereik not in ApiSleutel.Bereik.values:
        fouten["bereik"] = "Kies wat de sleutel mag: alleen lezen, of lezen en schrijven."
    if geldig_dagen not in GELDIG_DAGEN:
        fouten["geldig_dagen"] = "Kies hoe lang de sleutel geldig is: 30, 90, 180 of 365 dagen."
    if fouten:
        raise ValidationError(fouten)
    sleutel = VOORVOEGSEL + secrets.token_urlsafe(32)
    api_sleutel = ApiSleutel(
        gebruiker=gebruiker,
        naam=naam[:100],
        voorvoegsel=sleutel[:10],
        sleutel_hash=sleutel_hash(sleutel),
        bereik=bereik,
        aangemaakt_op=nu,
        verloopt_op=nu + timedelta(days=geldig_dagen),
    )
    opslaan(api_sleutel, door=gebruiker, reden=f"API-sleutel aangemaakt ({api_sleutel.get_bereik_display().lower()})")
    return api_sleutel, sleutel


@transaction.atomic
def sleutel_intrekken(*, sleutel, door, nu=None):
    """Revoke a key: its own user on their page, or the beheerder in the admin (who manages
    accounts; anyone else: ValidationError)."""
    nu = nu or timezone.now()
    sleutel = ApiSleutel.objects.select_for_update().get(pk=sleutel.pk)
    eigen = sleutel.gebruiker_id == door.pk
    if not eigen and not door.is_superuser:
        raise ValidationError("U kunt alleen uw eigen API-sleutels intrekken.")
    if sleutel.ingetrokken_op is None:
        sleutel.ingetrokken_op = nu
        reden = "API-sleutel ingetrokken" if eigen else "API-sleutel ingetrokken door de beheerder"
        opslaan(sleutel, door=door, reden=reden)
    return sleutel


def geldige_sleutel(sleutel, nu=None):
    """The ApiSleutel of this key when it is known, not revoked and not expired; else None."""
    nu = nu or timezone.now()
    gevonden = ApiSleutel.objects.select_related("gebruiker").filter(sleutel_hash=sleutel_hash(sleutel)).first()
    return gevonden if gevonden is not None and gevonden.geldig(nu) else None


def _gebruikt(api_sleutel, nu):
    if api_sleutel.laatst_gebruikt_op is None or nu - api_sleutel.laatst_gebruikt_op > LAATST_GEBRUIKT_PER:
        api_sleutel.laatst_gebruikt_op = nu
        api_sleutel.skip_history_when_saving = True  # a use is not a change of the key
        api_sleutel.save(update_fields=["laatst_gebruikt_op"])


class ApiSleutelAuthenticatie(BaseAuthentication):
    """`Authorization: Token <sleutel>` (or `Bearer <sleutel>`): request.user is the key's user,
    request.auth the ApiSleutel."""

    woorden = (b"token", b"bearer")

    def authenticate(self, request):
        delen = get_authorization_header(request).split()
        if not delen or delen[0].lower() not in self.woorden:
            return None
        if len(delen) != 2:
            raise exceptions.AuthenticationFailed("Stuur de sleutel als 'Authorization: Token <sleutel>'.")
        try:
            sleutel = delen[1].decode("ascii")
        except UnicodeError as fout:
            raise exceptions.AuthenticationFailed(ONGELDIG) from fout
        nu = timezone.now()
        api_sleutel = geldige_sleutel(sleutel, nu)
        if api_sleutel is None or not api_sleutel.gebruiker.is_active:
            raise exceptions.AuthenticationFailed(ONGELDIG)
        if api_sleutel.bereik == ApiSleutel.Bereik.LEZEN and request.method not in SAFE_METHODS:
            raise exceptions.PermissionDenied(ALLEEN_LEZEN)
        _gebruikt(api_sleutel, nu)
        return api_sleutel.gebruiker, api_sleutel

    def authenticate_header(self, request):
        return 'Token realm="api"'


class ApiSleutelSchema(OpenApiAuthenticationExtension):
    target_class = ApiSleutelAuthenticatie
    name = "apiSleutel"

    def get_security_definition(self, auto_schema):
        return {
            "type": "apiKey",
            "in": "header",
            "name": "Authorization",
            "description": "`Token <sleutel>`; maak een sleutel op de pagina API-sleutels van de portal.",
        }
