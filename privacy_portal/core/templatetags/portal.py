"""Template helpers shared by the registers."""

from django import template
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.html import format_html_join

from privacy_portal.core.registers import verwerking_panelen

register = template.Library()


@register.filter
def tijd_over(deadline, nu=None):
    """'nog 23 uur en 15 minuten' or '3 uur te laat', for a deadline clock."""
    if deadline is None:
        return ""
    nu = nu or timezone.now()
    seconden = int((deadline - nu).total_seconds())
    minuten = abs(seconden) // 60
    dagen, rest = divmod(minuten, 24 * 60)
    uren, minuten = divmod(rest, 60)
    delen = []
    if dagen:
        delen.append(f"{dagen} dag{'en' if dagen != 1 else ''}")
    if uren or dagen:
        delen.append(f"{uren} uur")
    if not dagen:
        delen.append(f"{minuten} min")
    tekst = " ".join(delen)
    return f"nog {tekst}" if seconden >= 0 else f"{tekst} te laat"


@register.filter
def urgentie(deadline, nu=None):
    """A CSS modifier for the clock: ruim, krap (under 24 hours), verstreken."""
    if deadline is None:
        return "geen"
    over = (deadline - (nu or timezone.now())).total_seconds()
    if over < 0:
        return "verstreken"
    return "krap" if over < 24 * 3600 else "ruim"


@register.simple_tag(takes_context=True)
def panelen_bij_verwerking(context, verwerking):
    """The panels other registers add to a verwerking's page (Register.verwerking_panelen)."""
    request = context.get("request")
    return format_html_join(
        "",
        "{}",
        (
            (render_to_string(template, {"verwerking": verwerking}, request=request),)
            for template in verwerking_panelen()
        ),
    )


@register.filter
def te_laat(item, nu):
    """Whether a work list item is past its deadline."""
    return item.te_laat(nu)
