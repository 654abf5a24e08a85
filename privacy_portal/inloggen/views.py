"""The second-factor pages: verify a password login, set up an authenticator app."""

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache

from . import tweede_factor as tf
from .forms import CodeForm, NieuweAppForm


def _volgende(request):
    volgende = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(volgende, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return volgende
    return "/"


def _met_volgende(naam, volgende):
    return f"{reverse(naam)}?{urlencode({'next': volgende})}"


@never_cache
@login_required
def tweede_factor(request):
    """Step two of a password login: a code from the app or a recovery code."""
    volgende = _volgende(request)
    if not tf.moet_verifieren(request):
        return redirect(volgende)
    if tf.app_van(request.user) is None:
        return redirect(_met_volgende("inloggen:tweede_factor_instellen", volgende))
    form = CodeForm(request.POST or None)
    if form.is_valid():
        try:
            gelukt = tf.code_controleren(request, form.cleaned_data["code"])
        except tf.TeVaak:
            form.add_error("code", "U heeft te vaak een verkeerde code ingevoerd. Wacht even en probeer het opnieuw.")
        else:
            if gelukt:
                return redirect(volgende)
            form.add_error("code", "Deze code klopt niet of is al gebruikt. Probeer het opnieuw.")
    return render(request, "inloggen/tweede_factor.html", {"form": form, "next": volgende})


@never_cache
@login_required
def instellen(request):
    """Set up an authenticator app (the first time, or anew from a verified session)."""
    volgende = _volgende(request)
    if tf.app_van(request.user) is not None and not request.user.is_verified():
        return redirect(_met_volgende("inloggen:tweede_factor", volgende))
    app = tf.nieuwe_app(request.user)
    form = NieuweAppForm(request.POST or None)
    if form.is_valid():
        codes = tf.app_bevestigen(request, app, form.cleaned_data["code"].strip())
        if codes is not None:
            messages.success(request, "Uw authenticator-app is ingesteld.")
            return render(request, "inloggen/herstelcodes.html", {"codes": codes, "next": volgende})
        form.add_error(
            "code", "Deze code klopt niet. Controleer of de tijd op uw telefoon goed staat en probeer het opnieuw."
        )
    return render(
        request,
        "inloggen/instellen.html",
        {"form": form, "next": volgende, "qr": tf.qr_svg(app), "geheim": tf.geheim(app)},
    )
