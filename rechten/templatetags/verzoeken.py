"""Template helpers of the verzoek pages: the time left until a deadline, in days."""

from django import template
from django.utils import timezone

register = template.Library()


@register.filter
def dagen_over(termijn, vandaag=None):
    """'nog 12 dagen', 'nog 1 dag', 'vandaag is de laatste dag', '3 dagen te laat'."""
    if termijn is None:
        return ""
    vandaag = vandaag or timezone.localdate()
    dagen = (termijn - vandaag).days
    if dagen == 0:
        return "vandaag is de laatste dag"
    if dagen > 0:
        return f"nog {dagen} {'dag' if dagen == 1 else 'dagen'}"
    return f"{-dagen} {'dag' if dagen == -1 else 'dagen'} te laat"


@register.filter
def termijn_urgentie(termijn, vandaag=None):
    """A CSS modifier for the clock: ruim, krap (a week or less), verstreken."""
    if termijn is None:
        return "geen"
    dagen = (termijn - (vandaag or timezone.localdate())).days
    if dagen < 0:
        return "verstreken"
    return "krap" if dagen <= 7 else "ruim"
