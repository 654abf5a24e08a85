"""Staff pages of the agreements register. Reads via selectors, writes via services.

Outside the user's reach an agreement does not exist (404); visible without the right to act is 403.
Reading an agreement, downloading its document and exporting the register are audited.
"""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from privacy_portal.core import parameters
from privacy_portal.core.audit import audit, audit_export
from privacy_portal.core.dashboard import LijstFilter, gefilterd_op_peildatum
from privacy_portal.core.importeren import verslag_pagina, voorbeeld_pagina
from privacy_portal.core.models import AuditEvent
from privacy_portal.core.paginas import actie_uitvoeren, formulier_opslaan, fouttekst, object_of_404, versie_uit
from privacy_portal.core.permissions import vereis
from privacy_portal.core.schrijven import versie_van
from privacy_portal.core.spreadsheet import ImportFout, export_response, lees_bestand
from privacy_portal.core.views import fout_403
from privacy_portal.organisaties.models import Gemeente, Team
from privacy_portal.organisaties.selectors import gemeenten_voor, teams_voor
from registers.selectors import verwerkingen_voor

from . import checklist, deadlines, selectors, services, spreadsheet
from .constants import LANDEN, Soort
from .forms import (
    ChecklistForm,
    DocumentForm,
    FilterForm,
    ImportUploadForm,
    OvereenkomstForm,
    PartijFormSet,
    ReviewForm,
    SubverwerkerFormSet,
    ingevulde_rijen,
)
from .models import OvereenkomstImport

PAGINA_GROOTTE = 25
VIEW = "overeenkomsten.view_overeenkomst"
ADD = "overeenkomsten.add_overeenkomst"
CHANGE = "overeenkomsten.change_overeenkomst"
DOCUMENT = "overeenkomsten.document_overeenkomst"
VRIJGEVEN = "overeenkomsten.vrijgeven_overeenkomst"


def _overeenkomst(request, uuid, *, audit_lezen=False):
    """The agreement if the user may see it (404 otherwise)."""
    ovk = object_of_404(request, selectors.overeenkomsten_voor(request.user), uuid=uuid)
    if audit_lezen:
        audit(actor=request.user, actie=AuditEvent.Actie.INZIEN, obj=ovk)
    return ovk


def _gefilterd(request):
    vandaag = timezone.localdate()
    form = FilterForm(request.GET or None)
    qs = selectors.overeenkomsten_voor(request.user)
    dashboard = LijstFilter.uit_query(request.GET)
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        qs = gefilterd_op_peildatum(
            qs,
            dashboard.peildatum,
            lambda rijen: selectors.filter_overeenkomsten(
                rijen,
                zoek=data["zoek"],
                soort=data["soort"],
                signaal=data["signaal"],
                gemeente=data["gemeente"],
                vandaag=dashboard.peildatum or vandaag,
            ),
        )
    return form, qs.order_by("onderwerp", "pk"), vandaag


@login_required
def lijst(request):
    form, qs, vandaag = _gefilterd(request)
    pagina = Paginator(qs, PAGINA_GROOTTE).get_page(request.GET.get("pagina"))
    for ovk in pagina:
        ovk.aantal_ontbrekend = len(checklist.ontbrekende_clausules(ovk.soort, ovk.clausules))
        ovk.aantal_clausules = len(checklist.clausules_voor(ovk.soort))
    alles = selectors.overeenkomsten_voor(request.user)
    zonder_dekking = selectors.verwerkingen_zonder_dekking(request.user, vandaag)
    query = request.GET.copy()
    query.pop("pagina", None)
    gemeenten = gemeenten_voor(request.user, ADD)
    context = {
        "form": form,
        "dashboard": LijstFilter.uit_query(request.GET),
        "pagina": pagina,
        "query": query.urlencode(),
        "vandaag": vandaag,
        "cijfers": selectors.cijfers(alles, vandaag)
        | {"ontbrekende_clausules": selectors.ontbrekende_clausules_totaal(alles)},
        "zonder_dekking": list(zonder_dekking.select_related("gemeente")[:10]),
        "aantal_zonder_dekking": zonder_dekking.count(),
        "kan_aanmaken": [g for g in gemeenten if request.user.has_perm(ADD, g)],
        "meerdere_gemeenten": gemeenten_voor(request.user, VIEW).count() > 1,
    }
    return render(request, "overeenkomsten/lijst.html", context)


@login_required
def exporteer(request, formaat):
    if formaat not in ("xlsx", "csv"):
        raise Http404
    _, qs, _ = _gefilterd(request)
    audit_export(actor=request.user, queryset=qs, register="overeenkomsten", formaat=formaat, query=request.GET)
    return export_response(
        spreadsheet.export_queryset(qs), formaat, bestandsnaam="overeenkomsten", kolommen=spreadsheet.KOLOMMEN
    )


def _formulier(request, *, gemeente, teams, overeenkomst=None, initial=None):
    instance = overeenkomst
    initial_partijen = initial_subs = None
    if overeenkomst is not None:
        initial_partijen = [
            {veld: getattr(p, veld) for veld in services.PARTIJ_VELDEN} for p in overeenkomst.partijen.all()
        ]
        initial_subs = [
            {veld: getattr(s, veld) for veld in services.SUBVERWERKER_VELDEN} for s in overeenkomst.subverwerkers.all()
        ]
    data = request.POST if request.method == "POST" else None
    form = OvereenkomstForm(
        data,
        instance=instance,
        gemeente=gemeente,
        teams=teams,
        initial=initial,
        versie=versie_van(overeenkomst) if overeenkomst is not None and data is None else None,
    )
    partijen = PartijFormSet(data, prefix="partij", initial=initial_partijen)
    subs = SubverwerkerFormSet(data, prefix="sub", initial=initial_subs)
    if request.method == "POST":
        rijen_geldig = all([partijen.is_valid(), subs.is_valid()])
        if not rijen_geldig:
            form.is_valid()  # show the form's own errors too
            messages.error(request, "Niet opgeslagen: verbeter de velden die hieronder zijn gemarkeerd.")
        elif overeenkomst is None:
            nieuw = formulier_opslaan(
                request,
                form,
                lambda: services.overeenkomst_aanmaken(
                    door=request.user,
                    gemeente=gemeente,
                    gegevens=form.inhoud(),
                    partijen=ingevulde_rijen(partijen),
                    subverwerkers=ingevulde_rijen(subs),
                    verwerkingen=form.cleaned_data["verwerkingen"],
                ),
                gelukt="De overeenkomst is geregistreerd. Vink nu de checklist aan.",
            )
            if nieuw is not None:
                return redirect("overeenkomsten:detail", uuid=nieuw.uuid)
        else:
            gewijzigd = formulier_opslaan(
                request,
                form,
                lambda: services.overeenkomst_wijzigen(
                    overeenkomst=overeenkomst,
                    door=request.user,
                    gegevens=form.inhoud(),
                    partijen=ingevulde_rijen(partijen),
                    subverwerkers=ingevulde_rijen(subs),
                    verwerkingen=form.cleaned_data["verwerkingen"],
                    reden=form.cleaned_data.get("reden", ""),
                    versie=form.gelezen_versie(),
                ),
                gelukt="De wijzigingen zijn opgeslagen.",
            )
            if gewijzigd is not None:
                return redirect("overeenkomsten:detail", uuid=gewijzigd.uuid)
    context = {
        "form": form,
        "partijen": partijen,
        "subverwerkers": subs,
        "overeenkomst": overeenkomst,
        "gemeente": gemeente,
    }
    return render(request, "overeenkomsten/formulier.html", context)


@login_required
def nieuw(request):
    gemeenten = [g for g in gemeenten_voor(request.user, ADD) if request.user.has_perm(ADD, g)]
    if not gemeenten:
        raise PermissionDenied
    gemeente = next((g for g in gemeenten if g.slug == parameters.tekst(request.GET, "gemeente")), gemeenten[0])
    teams = teams_voor(request.user, gemeente, ADD)
    initial = {}
    verwerking_uuid = parameters.uuid(request.GET, "verwerking")
    if verwerking_uuid:  # from the flag on a verwerking's page: start with that verwerking
        verwerking = verwerkingen_voor(request.user).filter(gemeente=gemeente, uuid=verwerking_uuid).first()
        if verwerking is not None:
            initial = {"verwerkingen": [verwerking], "soort": Soort.VERWERKERSOVEREENKOMST}
            if verwerking.team in teams:
                initial["team"] = verwerking.team
    return _formulier(request, gemeente=gemeente, teams=teams, initial=initial)


@login_required
def bewerken(request, uuid):
    ovk = object_of_404(request, selectors.overeenkomsten_voor(request.user), uuid=uuid, recht=CHANGE)
    teams = teams_voor(request.user, ovk.gemeente, CHANGE)
    return _formulier(request, gemeente=ovk.gemeente, teams=teams, overeenkomst=ovk)


def _detail(request, ovk, *, status=200, **formulieren):
    """The agreement's page; `formulieren` replaces an action panel's empty form with the one just posted."""
    user = request.user
    vandaag = timezone.localdate()
    subverwerkers = list(ovk.subverwerkers.all())
    aanwezig = set(ovk.clausules)
    context = {
        "ovk": ovk,
        "versie": versie_van(ovk),
        "vandaag": vandaag,
        "partijen": ovk.partijen.all(),
        "subverwerkers": [(s, LANDEN.get(s.land, "")) for s in subverwerkers],
        "verwerkingen": ovk.verwerkingen.select_related("team").order_by("naam"),
        "reviews": ovk.reviews.select_related("door")[:10],
        "checklist": [(code, label, code in aanwezig) for code, label in checklist.clausules_voor(ovk.soort)],
        "ontbrekend": checklist.labels(ovk.soort, checklist.ontbrekende_clausules(ovk.soort, ovk.clausules)),
        "signalen": services.signalen(ovk, vandaag, subverwerkers=subverwerkers),
        "land": LANDEN.get(ovk.opslag_land, ""),
        "kan_wijzigen": user.has_perm(CHANGE, ovk),
        "kan_downloaden": user.has_perm(DOCUMENT, ovk),
        "kan_uploaden": user.has_perm(DOCUMENT, ovk) and user.has_perm(CHANGE, ovk),
        "kan_vrijgeven": ovk.document_wacht_op_vrijgave and user.has_perm(VRIJGEVEN, ovk),
        "checklist_form": ChecklistForm(soort=ovk.soort, initial={"clausules": ovk.clausules}),
        "review_form": ReviewForm(initial={"datum": vandaag}),
        "document_form": DocumentForm(),
    }
    context.update(formulieren)
    return render(request, "overeenkomsten/detail.html", context, status=status)


@login_required
def detail(request, uuid):
    ovk = _overeenkomst(request, uuid, audit_lezen=True)
    return _detail(request, ovk)


def _actie(request, uuid, recht, formulier, naam, functie, *, gelukt, invoer):
    """Run an action panel's service with the version the user saw. Done: back to the page. Not done: the
    page again with the panel's form as posted (input kept, fields named in the message)."""
    ovk = object_of_404(request, selectors.overeenkomsten_voor(request.user), uuid=uuid, recht=recht)
    if recht == DOCUMENT:
        vereis(request.user, CHANGE, ovk)
    form = formulier(ovk)
    if not form.is_valid():
        messages.error(request, "Niet gelukt. " + fouttekst(ValidationError(form.errors.as_data()), form=form))
    elif actie_uitvoeren(
        request,
        functie,
        gelukt=gelukt(ovk, form) if callable(gelukt) else gelukt,
        form=form,
        overeenkomst=ovk,
        door=request.user,
        versie=versie_uit(request),
        **invoer(form),
    ):
        return redirect("overeenkomsten:detail", uuid=uuid)
    ovk = selectors.overeenkomsten_voor(request.user).get(pk=ovk.pk)  # as it is now
    return _detail(request, ovk, status=400, **{naam: form})


@login_required
@require_POST
def checklist_opslaan(request, uuid):
    return _actie(
        request,
        uuid,
        CHANGE,
        lambda ovk: ChecklistForm(request.POST, soort=ovk.soort),
        "checklist_form",
        services.checklist_bijwerken,
        gelukt="De checklist is opgeslagen.",
        invoer=lambda form: {"clausules": form.cleaned_data["clausules"]},
    )


@login_required
@require_POST
def review(request, uuid):
    return _actie(
        request,
        uuid,
        CHANGE,
        lambda ovk: ReviewForm(request.POST),
        "review_form",
        services.review_vastleggen,
        gelukt=lambda ovk, form: (
            "De review is vastgelegd. De volgende review is uiterlijk "
            f"{deadlines.volgende_review(ovk.startdatum, form.cleaned_data['datum']):%d-%m-%Y}."
        ),
        invoer=lambda form: form.cleaned_data,
    )


@login_required
@require_POST
def document_uploaden(request, uuid):
    return _actie(
        request,
        uuid,
        DOCUMENT,
        lambda ovk: DocumentForm(request.POST, request.FILES),
        "document_form",
        services.document_uploaden,
        gelukt="Het ondertekende document is opgeslagen.",
        invoer=lambda form: {"bestand": form.cleaned_data["document"]},
    )


@login_required
@require_POST
def document_vrijgeven(request, uuid):
    return _actie(
        request,
        uuid,
        VRIJGEVEN,
        lambda ovk: forms.Form(request.POST),
        "vrijgeven_form",
        services.document_vrijgeven,
        gelukt="Het document is vrijgegeven: het is nu te downloaden op de openbare pagina.",
        invoer=lambda form: {},
    )


@login_required
def document(request, uuid):
    """The signed document, for users with the document right on this agreement; every download is audited."""
    ovk = _overeenkomst(request, uuid)
    if not request.user.has_perm(DOCUMENT, ovk):
        # Answer 403 without raising, so the request's transaction (and this audit line) is committed.
        audit(actor=request.user, actie=AuditEvent.Actie.GEWEIGERD, obj=ovk, resultaat="document geweigerd")
        return fout_403(request)
    if not ovk.document:
        raise Http404
    audit(actor=request.user, actie=AuditEvent.Actie.DOWNLOADEN, obj=ovk, resultaat="ondertekend document")
    antwoord = FileResponse(ovk.document.open("rb"), as_attachment=True, filename=ovk.document_naam or "document")
    antwoord["Cache-Control"] = "no-store"
    return antwoord


@login_required
def historie(request, uuid):
    ovk = _overeenkomst(request, uuid, audit_lezen=True)
    regels = selectors.historie_van(ovk)
    return render(request, "overeenkomsten/historie.html", {"ovk": ovk, "regels": regels})


# --- Import ----------------------------------------------------------------------------------------


def _import_gemeenten(user):
    gemeenten = [g for g in gemeenten_voor(user, ADD) if user.has_perm(ADD, g)]
    if not gemeenten:
        raise PermissionDenied("U heeft geen toestemming om overeenkomsten te registreren.")
    return Gemeente.objects.filter(pk__in=[g.pk for g in gemeenten])


@login_required
def import_upload(request):
    """Step 1: the file is read and kept; nothing is created yet."""
    gemeenten = _import_gemeenten(request.user)
    teams = Team.objects.filter(
        pk__in=[t.pk for g in gemeenten for t in teams_voor(request.user, g, ADD)]
    ).select_related("gemeente")
    form = ImportUploadForm(request.POST or None, request.FILES or None, gemeenten=gemeenten, teams=teams)
    if request.method == "POST" and form.is_valid():
        gemeente = form.cleaned_data["gemeente"]
        vereis(request.user, ADD, gemeente)
        bestand = form.cleaned_data["bestand"]
        try:
            kolommen, rijen = lees_bestand(bestand, bestand.name)
        except ImportFout as fout:
            form.add_error("bestand", str(fout))
        else:
            ontbrekend = spreadsheet.ontbrekende_kolommen(kolommen)
            if ontbrekend:
                form.add_error(
                    "bestand",
                    f"Deze kolommen ontbreken: {', '.join(ontbrekend)}. Gebruik de kolomnamen van de export.",
                )
            else:
                imp = spreadsheet.import_bewaren(
                    door=request.user,
                    gemeente=gemeente,
                    bestandsnaam=bestand.name,
                    kolommen=kolommen,
                    rijen=rijen,
                    standaard_team=form.cleaned_data["standaard_team"],
                )
                return redirect("overeenkomsten:import-voorbeeld", uuid=imp.uuid)
    return render(request, "overeenkomsten/import_upload.html", {"form": form})


def _eigen_import(request, uuid):
    """The user's own import (another user's is a 404), with the right to register agreements."""
    imp = get_object_or_404(
        OvereenkomstImport.objects.select_related("gemeente", "standaard_team"), uuid=uuid, door=request.user
    )
    vereis(request.user, ADD, imp.gemeente)
    return imp


def _import_urls(imp):
    return {
        "terug": reverse("overeenkomsten:import"),
        "terug_tekst": "Ander bestand kiezen",
        "opnieuw": reverse("overeenkomsten:import"),
        "lijst": reverse("overeenkomsten:lijst"),
        "verslag": reverse("overeenkomsten:import-verslag", kwargs={"uuid": imp.uuid}),
        "resultaat": reverse("overeenkomsten:lijst"),
    }


@login_required
def import_voorbeeld(request, uuid):
    """Step 2: the rows that will be imported (with warnings) and those that will not (with reasons).
    Confirming creates the good rows and reports the others."""
    imp = _eigen_import(request, uuid)
    if imp.geimporteerd:
        return redirect("overeenkomsten:import-verslag", uuid=imp.uuid)
    return voorbeeld_pagina(
        request,
        imp=imp,
        soort=spreadsheet.SOORT,
        preview=lambda: spreadsheet.preview(imp, door=request.user),
        importeer=lambda: spreadsheet.importeer(imp, door=request.user),
        urls=_import_urls(imp),
        stap="Stap 2 van 2",
    )


@login_required
def import_verslag(request, uuid):
    """After the import: what was created and what was skipped, with row, column and reason."""
    imp = _eigen_import(request, uuid)
    if not imp.geimporteerd:
        return redirect("overeenkomsten:import-voorbeeld", uuid=imp.uuid)
    return verslag_pagina(
        request,
        imp=imp,
        soort=spreadsheet.SOORT,
        urls=_import_urls(imp),
        resultaat_tekst="Bekijk de overeenkomsten",
    )
