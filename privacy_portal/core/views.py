"""The staff start page and the error pages (HTML for pages, problem+json for the API)."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.module_loading import import_string
from django.views.decorators.http import require_POST

from . import api_sleutels
from .api import is_api, problem_response
from .forms import ApiSleutelForm
from .registers import registers
from .scanner import laatste_scan
from .werklijst import werk_voor


@login_required
def home(request):
    """The start page of every role: the work list first, then each register's block."""
    nu = timezone.now()
    blokken = [import_string(r.startpagina)(request) for r in registers() if r.startpagina]
    werk = werk_voor(request.user, nu)
    return render(
        request,
        "core/home.html",
        {"werk": werk, "nu": nu, "blokken": blokken, "laatste_scan": laatste_scan()},
    )


def _fout(request, status, titel, tekst):
    if is_api(request):
        return problem_response(request, status)
    context = {"titel": titel, "tekst": tekst, "kenmerk": getattr(request, "verzoek_id", "")}
    return render(request, "core/fout.html", context, status=status)


def fout_400(request, exception=None):
    return _fout(request, 400, "Ongeldig verzoek", "Het verzoek kon niet worden verwerkt. Probeer het opnieuw.")


def fout_403(request, exception=None):
    return _fout(request, 403, "Geen toegang", "U heeft geen toestemming voor deze pagina of actie.")


def fout_404(request, exception=None):
    return _fout(request, 404, "Pagina niet gevonden", "Deze pagina bestaat niet, of u heeft er geen toegang toe.")


def fout_500(request):
    return _fout(
        request,
        500,
        "Er ging iets mis",
        "Er ging iets mis aan onze kant. Er is niets opgeslagen. Probeer het later opnieuw.",
    )


def csrf_fout(request, reason=""):
    return render(
        request,
        "core/fout.html",
        {
            "titel": "Formulier verlopen",
            "tekst": "Het formulier is verlopen of al verstuurd. "
            "Ga terug, laad de pagina opnieuw en probeer het nog eens.",
        },
        status=403,
    )


# The date of the accessibility statement; update it with every new examination of the pages.
TOEGANKELIJKHEID_DATUM = "1 december 2026"


def toegankelijkheid(request):
    """The accessibility statement (Besluit digitale toegankelijkheid overheid), public."""
    context = {"site_url": settings.SITE_URL, "datum": TOEGANKELIJKHEID_DATUM}
    return render(request, "core/toegankelijkheid.html", context)


@login_required
def api_sleutels_pagina(request):
    """The user's own API keys: make one (shown once, on this answer only), see and revoke them."""
    form = ApiSleutelForm(request.POST or None)
    nieuwe_sleutel = None
    if request.method == "POST" and form.is_valid():
        try:
            _, nieuwe_sleutel = api_sleutels.sleutel_maken(gebruiker=request.user, **form.cleaned_data)
        except ValidationError as fout:
            for veld, meldingen in fout.message_dict.items():
                form.add_error(veld if veld in form.fields else None, meldingen)
        else:
            form = ApiSleutelForm()
    context = {
        "form": form,
        "nieuwe_sleutel": nieuwe_sleutel,
        "sleutels": api_sleutels.sleutels_van(request.user),
        "nu": timezone.now(),
    }
    return render(request, "core/api_sleutels.html", context)


@login_required
@require_POST
def api_sleutel_intrekken(request, uuid):
    sleutel = get_object_or_404(api_sleutels.sleutels_van(request.user), uuid=uuid)
    api_sleutels.sleutel_intrekken(sleutel=sleutel, door=request.user)
    messages.success(request, f"De API-sleutel '{sleutel.naam}' is ingetrokken. Hij werkt niet meer.")
    return redirect("api_sleutels")
