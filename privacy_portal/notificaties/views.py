"""The in-portal inbox: each user sees only their own meldingen, filters them, marks them read,
and chooses per kind how meldingen reach them."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from privacy_portal.core.forms import NLDesignMixin

from . import services
from .models import Notificatie, Soort, Wijze

STATUSSEN = [("", "Alle"), ("ongelezen", "Ongelezen"), ("gelezen", "Gelezen")]


class FilterForm(NLDesignMixin, forms.Form):
    status = forms.ChoiceField(label="Toon", choices=STATUSSEN, required=False)
    soort = forms.ChoiceField(label="Soort", choices=[("", "Alle soorten"), *Soort.choices], required=False)


class VoorkeurenForm(NLDesignMixin, forms.Form):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for soort, label in Soort.choices:  # added after the mixin ran: give them its classes too
            self.fields[soort] = forms.ChoiceField(
                label=label,
                choices=Wijze.choices,
                widget=forms.Select(attrs={"class": "utrecht-select utrecht-select--html-select"}),
            )


@login_required
def inbox(request):
    form = FilterForm(request.GET or None)
    qs = Notificatie.objects.filter(ontvanger=request.user).order_by("-aangemaakt_op")
    if form.is_valid():
        status, soort = form.cleaned_data["status"], form.cleaned_data["soort"]
        if status:
            qs = qs.filter(gelezen_op__isnull=status == "ongelezen")
        if soort:
            qs = qs.filter(soort=soort)
    pagina = Paginator(qs, 25).get_page(request.GET.get("pagina"))
    query = request.GET.copy()
    query.pop("pagina", None)
    ongelezen = Notificatie.objects.filter(ontvanger=request.user, gelezen_op__isnull=True).count()
    return render(
        request,
        "notificaties/inbox.html",
        {"pagina": pagina, "query": query.urlencode(), "form": form, "ongelezen": ongelezen},
    )


@login_required
@require_POST
def openen(request, uuid):
    notificatie = get_object_or_404(Notificatie, uuid=uuid, ontvanger=request.user)
    services.markeer_gelezen(notificatie=notificatie, door=request.user)
    if notificatie.link and url_has_allowed_host_and_scheme(notificatie.link, allowed_hosts=None):
        return redirect(notificatie.link)
    return redirect("notificaties:inbox")


@login_required
@require_POST
def gelezen(request, uuid):
    notificatie = get_object_or_404(Notificatie, uuid=uuid, ontvanger=request.user)
    services.markeer_gelezen(notificatie=notificatie, door=request.user)
    return redirect(_terug(request))


@login_required
@require_POST
def alles_gelezen(request):
    soort = request.POST.get("soort", "")
    aantal = services.markeer_alles_gelezen(door=request.user, soort=soort if soort in Soort.values else "")
    messages.success(request, f"{aantal} melding{'en' if aantal != 1 else ''} gemarkeerd als gelezen.")
    return redirect(_terug(request))


def _terug(request):
    terug = request.POST.get("terug", "")
    if terug.startswith("/meldingen/") and url_has_allowed_host_and_scheme(terug, allowed_hosts=None):
        return terug
    return "notificaties:inbox"


@login_required
def voorkeuren(request):
    form = VoorkeurenForm(request.POST or None, initial=services.voorkeuren_van(request.user))
    if request.method == "POST" and form.is_valid():
        services.voorkeuren_opslaan(gebruiker=request.user, keuzes=form.cleaned_data)
        messages.success(request, "Uw keuzes zijn opgeslagen.")
        return redirect("notificaties:voorkeuren")
    return render(request, "notificaties/voorkeuren.html", {"form": form})
