"""Dashboard, reports archive and the FG's findings. Reads via selectors, writes via services.

The dashboard shows what the registered sources (privacy_portal.core.dashboard) deliver for the
gemeenten the user may see; details only to users who hold a source's detail permission.
"""

from datetime import timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from privacy_portal.core import dashboard, parameters
from privacy_portal.core.audit import audit
from privacy_portal.core.models import AuditEvent
from privacy_portal.core.paginas import actie_uitvoeren
from privacy_portal.core.pdf import pdf_response
from privacy_portal.core.scanner import laatste_scan
from privacy_portal.organisaties.selectors import gemeenten_voor

from . import selectors, services
from .constants import SCAN_VEROUDERD_MINUTEN, Soort
from .forms import BevindingenForm, GemeenteKeuzeForm, RapportageForm


def scan_status(nu):
    """When the deadline scanner last ran, and whether that is too long ago."""
    run = laatste_scan()
    verouderd = run is None or nu - run.klaar_op > timedelta(minutes=SCAN_VEROUDERD_MINUTEN)
    return {"run": run, "verouderd": verouderd, "minuten": SCAN_VEROUDERD_MINUTEN}


def kies_gemeenten(user, keuze):
    """(all dashboard gemeenten, the chosen ones, the chosen slug or 'alle'); 404 for a gemeente outside scope."""
    gemeenten = list(selectors.dashboard_gemeenten(user))
    if not gemeenten:
        raise PermissionDenied
    if not keuze:
        keuze = gemeenten[0].slug if len(gemeenten) == 1 else "alle"
    if keuze == "alle":
        return gemeenten, gemeenten, "alle"
    gekozen = [g for g in gemeenten if g.slug == keuze]
    if not gekozen:
        raise Http404
    return gemeenten, gekozen, keuze


@login_required
def dashboard_pagina(request):
    nu = timezone.now()
    gemeenten, gekozen, keuze = kies_gemeenten(request.user, parameters.tekst(request.GET, "gemeente"))
    secties = dashboard.verzamel(gekozen, nu, user=request.user, fouten_opvangen=True)
    met_details = [b.naam for b in dashboard.bronnen() if dashboard.mag_details(request.user, b, gekozen)]
    if met_details and any(t.rijen for s in secties for t in s.tabellen):  # details of records were shown
        audit(
            actor=request.user,
            actie=AuditEvent.Actie.INZIEN,
            object_type="rapportages.dashboard",
            object_id=keuze if keuze == "alle" else str(gekozen[0].uuid),
        )
    jaar = timezone.localdate(nu).year
    context = {
        "gemeenten": gemeenten,
        "gekozen": gekozen,
        "keuze": keuze,
        "keuze_form": GemeenteKeuzeForm(initial={"gemeente": keuze}, gemeenten=gemeenten),
        "secties": secties,
        "ontbrekend": dashboard.ontbrekende_secties(secties),
        "scan": scan_status(nu),
        "nu": nu,
        "kan_aanvragen": bool(selectors.aanvraag_gemeenten(request.user)),
        "kan_archief": gemeenten_voor(request.user, "rapportages.view_rapportage").exists(),
        "bevindingen": [g for g in gekozen if request.user.has_perm("rapportages.bevindingen_rapportage", g)],
        "jaar": jaar,
        "alleen_aantallen": len(met_details) < len(dashboard.bronnen()),
    }
    return render(request, "rapportages/dashboard.html", context)


# --- reports archive ------------------------------------------------------------------------------


def _rapportage(request, uuid):
    """A report the user may see (view_rapportage on its gemeente); 404 otherwise."""
    return get_object_or_404(selectors.rapportages_voor(request.user), uuid=uuid)


@login_required
def archief(request):
    if not gemeenten_voor(request.user, "rapportages.view_rapportage").exists():
        raise PermissionDenied
    qs = selectors.rapportages_voor(request.user).order_by("-aangevraagd_op", "-pk")
    pagina = Paginator(qs, 25).get_page(request.GET.get("pagina"))
    return render(
        request,
        "rapportages/archief.html",
        {"pagina": pagina, "query": "", "kan_aanvragen": bool(selectors.aanvraag_gemeenten(request.user))},
    )


def _standaard_periode(nu):
    """The previous full quarter: what the quarterly evaluation usually covers."""
    vandaag = timezone.localdate(nu)
    jaar, k = dashboard.kwartaal_van(vandaag)
    jaar, k = (jaar - 1, 4) if k == 1 else (jaar, k - 1)
    return dashboard.kwartaal_periode(jaar, k)


@login_required
def nieuw(request):
    gemeenten = selectors.aanvraag_gemeenten(request.user)
    if not gemeenten:
        raise PermissionDenied
    nu = timezone.now()
    vorig = _standaard_periode(nu)
    initial = {
        "soort": parameters.keuze(request.GET, "soort", Soort.values) or Soort.KWARTAALEVALUATIE,
        "gemeente": parameters.tekst(request.GET, "gemeente") or gemeenten[0].slug,
        "periode_van": vorig.van,
        "periode_tot": vorig.tot,
    }
    if initial["soort"] == Soort.JAARVERSLAG:
        vorig_jaar = timezone.localdate(nu).year - 1
        jaar = parameters.geheel_getal(request.GET, "jaar", minimum=2018, maximum=vorig_jaar + 1) or vorig_jaar
        periode = dashboard.jaar_periode(jaar)
        initial.update(periode_van=periode.van, periode_tot=periode.tot)
    form = RapportageForm(request.POST or None, initial=initial, gemeenten=gemeenten)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            rapportage = services.rapportage_aanvragen(
                door=request.user,
                soort=data["soort"],
                gemeente=data["gemeente"],
                periode_van=data["periode_van"],
                periode_tot=data["periode_tot"],
                nu=nu,
            )
        except ValidationError as fout:
            for veld, fouten in fout.message_dict.items():
                form.add_error(veld if veld in form.fields else None, fouten)
        else:
            messages.success(request, "De rapportage wordt gemaakt. Deze pagina toont de voortgang.")
            return redirect("rapportages:detail", uuid=rapportage.uuid)
    if request.method == "POST":
        messages.error(request, "Niet gestart: verbeter de velden die hieronder zijn gemarkeerd.")
    return render(request, "rapportages/nieuw.html", {"form": form})


@login_required
def detail(request, uuid):
    rapportage = _rapportage(request, uuid)
    return render(request, "rapportages/detail.html", _voortgang_context(request, rapportage))


def _voortgang_context(request, rapportage):
    kan_opnieuw = request.user.has_perm("rapportages.add_rapportage", rapportage.gemeente)
    return {"rapportage": rapportage, "kan_opnieuw": kan_opnieuw}


@login_required
@require_POST
def opnieuw(request, uuid):
    """Make a failed report again."""
    rapportage = _rapportage(request, uuid)
    actie_uitvoeren(
        request,
        services.rapportage_opnieuw,
        gelukt="De rapportage staat weer in de wachtrij. Deze pagina toont de voortgang.",
        door=request.user,
        rapportage=rapportage,
    )
    return redirect("rapportages:detail", uuid=rapportage.uuid)


@login_required
def voortgang(request, uuid):
    """The small fragment htmx polls every two seconds while the report is being made."""
    rapportage = _rapportage(request, uuid)
    return render(request, "rapportages/_voortgang.html", _voortgang_context(request, rapportage))


@login_required
def download(request, uuid):
    rapportage = _rapportage(request, uuid)
    if not rapportage.is_klaar:
        raise Http404
    with rapportage.pdf.open("rb") as bestand:
        inhoud = bestand.read()
    audit(actor=request.user, actie=AuditEvent.Actie.DOWNLOADEN, obj=rapportage)
    return pdf_response(inhoud, rapportage.bestandsnaam)


# --- the FG's findings ----------------------------------------------------------------------------


@login_required
def bevindingen(request, slug, jaar):
    gemeente = get_object_or_404(gemeenten_voor(request.user), slug=slug)
    if not request.user.has_perm("rapportages.bevindingen_rapportage", gemeente):
        raise PermissionDenied
    if not services.EERSTE_DAG.year <= jaar <= timezone.localdate().year:
        raise Http404
    bestaand = selectors.bevindingen_van(gemeente, jaar)
    initial = {"bevindingen": bestaand.bevindingen, "aanbevelingen": bestaand.aanbevelingen} if bestaand else {}
    form = BevindingenForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.bevindingen_opslaan(door=request.user, gemeente=gemeente, jaar=jaar, **form.cleaned_data)
        except ValidationError as fout:
            for veld, fouten in fout.message_dict.items():
                form.add_error(veld if veld in form.fields else None, fouten)
        else:
            messages.success(request, f"Uw bevindingen en aanbevelingen over {jaar} zijn opgeslagen.")
            return redirect("rapportages:bevindingen", slug=slug, jaar=jaar)
    if request.method == "POST" and form.errors:
        messages.error(request, "Niet opgeslagen: verbeter de velden die hieronder zijn gemarkeerd.")
    return render(
        request,
        "rapportages/bevindingen.html",
        {"form": form, "gemeente": gemeente, "jaar": jaar, "bestaand": bestaand},
    )
