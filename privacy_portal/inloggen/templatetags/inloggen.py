from django import template
from django.conf import settings

from ..sso import sso_aan

register = template.Library()


@register.inclusion_tag("inloggen/_sso_knop.html")
def sso_knop(volgende=""):
    """The 'log in with SSO' button on the login page, only when SSO is configured."""
    return {"sso_aan": sso_aan(), "naam": settings.OIDC_NAAM, "next": volgende}
