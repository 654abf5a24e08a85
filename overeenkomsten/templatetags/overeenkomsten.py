"""Template tag for the register van verwerkingen: which agreements cover a verwerking.

`{% load overeenkomsten %}{% overeenkomsten_bij verwerking %}` on the verwerking's page lists the
running agreements the user may see, and flags a verwerking that names verwerkers but is covered
by no running verwerkersovereenkomst. The flag counts every agreement, also those the user may
not open, so it never warns wrongly; the user is told how many they cannot see.
"""

from django import template
from django.utils import timezone

from ..constants import Soort
from ..selectors import dekkende_overeenkomsten, overeenkomsten_voor

register = template.Library()


@register.inclusion_tag("overeenkomsten/_bij_verwerking.html", takes_context=True)
def overeenkomsten_bij(context, verwerking):
    request = context.get("request")
    user = getattr(request, "user", None)
    vandaag = timezone.localdate()
    dekkend = list(dekkende_overeenkomsten(verwerking, vandaag).values_list("pk", "soort"))
    zichtbaar = []
    if user is not None and user.is_authenticated:
        zichtbaar = list(
            overeenkomsten_voor(user).filter(pk__in=[pk for pk, _ in dekkend]).order_by("soort", "onderwerp", "pk")
        )
    heeft_verwerkersovereenkomst = any(soort == Soort.VERWERKERSOVEREENKOMST for _, soort in dekkend)
    return {
        "verwerking": verwerking,
        "overeenkomsten": zichtbaar,
        "niet_zichtbaar": len(dekkend) - len(zichtbaar),
        "zonder_verwerkersovereenkomst": bool(verwerking.verwerkers.strip()) and not heeft_verwerkersovereenkomst,
        "heeft_ontvangers": bool(verwerking.ontvangers.strip()),
        "kan_registreren": user is not None
        and user.is_authenticated
        and user.has_perm("overeenkomsten.add_overeenkomst", verwerking.team),
    }
