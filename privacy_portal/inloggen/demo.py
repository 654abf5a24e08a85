"""Demo SSO groups: the groups of the local test provider's accounts (tools/oidc-dev/gebruikers.json)."""

from privacy_portal.organisaties.rollen import Rol

from .models import SsoGroep

# group claim value -> (role, gemeente slug)
GROEPEN = {
    "pp-voorbeeldstad-privacyofficers": (Rol.PRIVACY_OFFICER, "voorbeeldstad"),
    "pp-voorbeeldstad-ciso": (Rol.CISO, "voorbeeldstad"),
    "pp-randdorp-privacyofficers": (Rol.PRIVACY_OFFICER, "randdorp"),
}


def laad(gemeenten):
    for groep, (rol, slug) in GROEPEN.items():
        SsoGroep.objects.get_or_create(groep=groep, rol=rol, gemeente=gemeenten[slug], afdeling=None, team=None)
