"""The staff menu, from the registers' declarations: only what the user's roles may open."""

from django.urls import reverse

from .registers import navigatie_voor


def navigatie(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    huidig = getattr(getattr(request, "resolver_match", None), "app_name", None)
    return {
        "navigatie": [
            {"label": item.label, "url": reverse(item.url), "actief": huidig == item.url.split(":")[0]}
            for item in navigatie_voor(user)
        ]
    }
