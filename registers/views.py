"""Staff pages of the register van verwerkingen. Reads via selectors, writes via services."""

import uuid as uuid_module

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Count, OuterRef, Q, Subquery
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.text import capfirst
from django.views.decorators.http import require_POST

from privacy_portal.core import parameters
from privacy_portal.core.audit import audit_export
from privacy_portal.core.dashboard import LijstFilter, gefilterd_op_peildatum
from privacy_portal.core.forms import ActieForm
from privacy_portal.core.historie import historie_regels
from privacy_portal.core.paginas import actie_uitvoeren, formulier_opslaan, fouttekst, object_of_404, versie_uit
from privacy_portal.core.schrijven import VersieConflict, lees_versie, versie_van
from privacy_portal.core.workflow import OvergangNietToegestaan
from privacy_portal.organisaties.models import Team
from privacy_portal.organisaties.selectors import gemeenten_voor, rollen_in

from . import exporteren, openbaar, selectors, services
from .constants import Status
from .forms import AfwijzenForm, ArchiverenForm, DelegerenForm, FilterForm, SelectieForm, VerwerkingForm
from .models import RegisterImport, Verwerking
from .volledigheid import ontbrekende_velden, waarschuwingen
from .workflow import WORKFLOW

PAGINA_GROOTTE = 25

RECHT_VOOR_ACTIE = {
    "indienen": "registers.indienen_verwerking",
    "goedkeuren": "registers.beoordelen_verwerking",
    "afwijzen": "registers.beoordelen_verwerking",
    "wijzigen": "registers.change_verwerking",
    "archiveren": "registers.archiveren_verwerking",
}

# The buttons and panels on the detail page: action -> (service, form, message when it worked).
# Approving has its own confirmation page (`vaststellen`).
ACTIES = {
    "indienen": (services.verwerking_indienen, ActieForm, "De verwerking is ingediend bij de privacy officer."),
    "afwijzen": (services.verwerking_afwijzen, AfwijzenForm, "De verwerking is teruggestuurd naar de teammanager."),
    "archiveren": (services.verwerking_archiveren, ArchiverenForm, "De verwerking is gearchiveerd."),
}

# Field names in error messages of an action (a submission lists the empty required fields).
LABELS = {veld: capfirst(label) for veld, label in services.VELD_LABELS.items()}


def _verwerking(request, uuid, recht=None):
    """The verwerking if the user may see it (404 otherwise); with `recht`, also that permission (403)."""
    return object_of_404(request, selectors.verwerkingen_voor(request.user), uuid=uuid, recht=recht)


def _gefilterd(request):
    gemeenten = gemeenten_voor(request.user, "registers.view_verwerking")
    teams = Team.objects.filter(gemeente__in=gemeenten).select_related("gemeente")
    form = FilterForm(request.GET or None, gemeenten=gemeenten, teams=teams)
    qs = selectors.verwerkingen_voor(request.user)
    dashboard = LijstFilter.uit_query(request.GET)
    sorteer = "naam"
    imp = _import_van(request)
    if imp is not None:
        qs = qs.filter(uuid__in=(imp.verslag or {}).get("aangemaakt", []))
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        if data["gemeente"]:
            qs = qs.filter(gemeente__slug=data["gemeente"])
        qs = gefilterd_op_peildatum(
            qs,
            dashboard.peildatum,
            lambda rijen: selectors.filter_verwerkingen(
                rijen,
                zoek=data["zoek"],
                team=data["team"] or None,
                status=data["status"],
                grondslag=data["grondslag"],
                bijzonder=form.ja_nee("bijzonder"),
                volledig=form.ja_nee("volledig"),
                vastgesteld=form.ja_nee("vastgesteld"),
                dpia=data["dpia"],
                overeenkomst=data.get("overeenkomst", ""),
                gebeurtenis=data["gebeurtenis"],
                periode=dashboard.periode,
                vandaag=dashboard.peildatum or timezone.localdate(),
            ),
        )
        sorteer = data["sorteer"] or "naam"
    return form, qs.order_by(sorteer, "pk"), gemeenten


def _import_van(request):
    """The user's own import named in `?import=` (to show what it created), or None."""
    sleutel = parameters.uuid(request.GET, "import")
    if sleutel is None:
        return None
    return RegisterImport.objects.filter(uuid=sleutel, door=request.user).first()


def _met_gezien_versie(qs):
    """Each row with its current version, so a selection action refuses a row changed since."""
    nieuwste = Verwerking.history.filter(id=OuterRef("pk")).order_by("-history_id").values("history_id")[:1]
    return qs.annotate(gezien_versie=Subquery(nieuwste))


@login_required
def lijst(request):
    form, qs, gemeenten = _gefilterd(request)
    pagina = Paginator(_met_gezien_versie(qs), PAGINA_GROOTTE).get_page(request.GET.get("pagina"))
    query = request.GET.copy()
    query.pop("pagina", None)
    context = {
        "form": form,
        "dashboard": LijstFilter.uit_query(request.GET),
        "pagina": pagina,
        "query": query.urlencode(),
        "volledigheid": selectors.volledigheid_gemeente(qs),
        "kan_aanmaken": [g for g in gemeenten if request.user.has_perm("registers.add_verwerking", g)],
        "kan_importeren": [g for g in gemeenten if request.user.has_perm("registers.importeren_verwerking", g)],
        "kan_selecteren": any(request.user.has_perm(RECHT_VOOR_ACTIE[a]) for a in SELECTIE_ACTIES),
        "selectie_form": SelectieForm(),
        "import_filter": _import_van(request),
    }
    template = "registers/_tabel.html" if request.htmx else "registers/lijst.html"
    return render(request, template, context)


# The actions on a selection of the list: action -> (service, what it says when it worked).
SELECTIE_ACTIES = {
    "indienen": (services.verwerking_indienen, lambda v: "Ingediend ter beoordeling"),
    "goedkeuren": (
        services.verwerking_goedkeuren,
        lambda v: f"Vastgesteld als versie {v.gepubliceerde_versie.volgnummer}",
    ),
    "afwijzen": (services.verwerking_afwijzen, lambda v: "Teruggestuurd naar de teammanager"),
    "archiveren": (services.verwerking_archiveren, lambda v: "Gearchiveerd"),
}
SELECTIE_MAX = 200


def _gekozen(waarden):
    """{uuid: version seen} from the ticked boxes ('uuid:versie'); unreadable values are left out."""
    gekozen = {}
    for waarde in waarden[:SELECTIE_MAX]:
        sleutel, _, versie = waarde.partition(":")
        try:
            gekozen[uuid_module.UUID(sleutel)] = lees_versie(versie)
        except ValueError:
            continue
    return gekozen


def _een_uit_de_selectie(functie, verwerking, door, versie, extra, gelukt):
    """Run one item's service in its own transaction; the outcome in words."""
    try:
        resultaat = functie(verwerking=verwerking, door=door, versie=versie, **extra)
    except PermissionDenied:
        return False, "Geen recht"
    except ValidationError as fout:
        return False, "Niet gelukt: " + fouttekst(fout, labels=LABELS)
    except (OvergangNietToegestaan, VersieConflict) as fout:
        return False, f"Niet gelukt: {fout}"
    return True, gelukt(resultaat)


@login_required
@require_POST
@transaction.non_atomic_requests
def bulk(request):
    """One action for the ticked verwerkingen. Each goes through the same service as on its own page
    (permission, version seen on the list, completeness), in its own transaction, so one failure does
    not undo the others. Verwerkingen outside the user's scope are skipped without naming them."""
    form = SelectieForm(request.POST)
    gekozen = _gekozen(request.POST.getlist("selectie"))
    if not form.is_valid() or not gekozen:
        messages.error(request, "Niet gelukt. Kies een actie en ten minste één verwerking.")
        return redirect("registers:lijst")
    functie, gelukt = SELECTIE_ACTIES[form.cleaned_data["actie"]]
    actie = form.cleaned_data["actie"]
    extra = {"reden": form.cleaned_data["reden"]} if actie in ("afwijzen", "archiveren") else {}
    zichtbaar = {v.uuid: v for v in selectors.verwerkingen_voor(request.user).filter(uuid__in=list(gekozen))}
    uitkomsten = []
    for sleutel, versie in gekozen.items():
        if sleutel in zichtbaar:
            verwerking = zichtbaar[sleutel]
            gelukt_, tekst = _een_uit_de_selectie(functie, verwerking, request.user, versie, extra, gelukt)
            uitkomsten.append({"verwerking": verwerking, "gelukt": gelukt_, "tekst": tekst})
    uitkomsten.sort(key=lambda u: (u["verwerking"].naam, u["verwerking"].pk))
    context = {
        "actie": dict(SelectieForm.ACTIES)[actie],
        "uitkomsten": uitkomsten,
        "aantal_gelukt": sum(1 for u in uitkomsten if u["gelukt"]),
        "niet_gevonden": len(gekozen) - len(uitkomsten),
    }
    return render(request, "registers/selectie_resultaat.html", context)


@login_required
def exporteer(request, formaat):
    _, qs, _ = _gefilterd(request)
    audit_export(
        actor=request.user, queryset=qs, register="register van verwerkingen", formaat=formaat, query=request.GET
    )
    return exporteren.response(qs, formaat, bestandsnaam="register-van-verwerkingen")


def _met_versie(form, versie):
    """A bound action form shown again: keep what was typed, but take the version now on screen."""
    data = form.data.copy()
    data[form.add_prefix("versie")] = versie
    form.data = data
    return form


def _detail(request, verwerking, *, mislukt=None, form=None):
    """The detail page; after a failed action (`mislukt`) its panel is open and keeps the input."""
    user = request.user
    versie = versie_van(verwerking)
    acties = {
        actie
        for actie in WORKFLOW.mogelijke_acties(verwerking.status)
        if user.has_perm(RECHT_VOOR_ACTIE[actie], verwerking)
    }
    # Four eyes: who wrote or submitted the text does not see the approve button (the service refuses too).
    zelf_geschreven = (
        "goedkeuren" in acties
        and not verwerking.gemeente.vier_ogen_uitzondering
        and user.pk in services.auteurs_van(verwerking)
    )
    if zelf_geschreven:
        acties.discard("goedkeuren")
    formulieren = {"afwijzen": AfwijzenForm(versie=versie), "archiveren": ArchiverenForm(versie=versie)}
    if mislukt in formulieren:
        formulieren[mislukt] = _met_versie(form, versie)
    context = {
        "verwerking": verwerking,
        "versie": versie,
        "ontbrekend": [services.VELD_LABELS[v] for v in ontbrekende_velden(verwerking)],
        "waarschuwingen": waarschuwingen(verwerking),
        "acties": acties,
        "zelf_geschreven": zelf_geschreven,
        "versies": verwerking.versies.select_related("vastgesteld_door").order_by("-volgnummer"),
        "kan_delegeren": user.has_perm("registers.delegeren_verwerking", verwerking)
        and verwerking.status != Status.GEARCHIVEERD,
        "delegaties": selectors.delegaties_van(verwerking),
        "afwijzen_form": formulieren["afwijzen"],
        "archiveren_form": formulieren["archiveren"],
        "open_actie": mislukt,
    }
    return render(request, "registers/detail.html", context)


@login_required
def detail(request, uuid):
    return _detail(request, _verwerking(request, uuid))


def _formulier(request, *, gemeente, verwerking=None):
    form = VerwerkingForm(
        request.POST or None,
        instance=verwerking,
        user=request.user,
        gemeente=gemeente,
        versie=versie_van(verwerking) if verwerking else None,
    )
    if request.method == "POST":
        if verwerking is None:
            opgeslagen = formulier_opslaan(
                request,
                form,
                lambda: services.verwerking_aanmaken(door=request.user, gemeente=gemeente, gegevens=form.inhoud()),
                gelukt="De verwerking is opgeslagen als concept.",
            )
        else:
            opgeslagen = formulier_opslaan(
                request,
                form,
                lambda: services.verwerking_wijzigen(
                    verwerking=verwerking,
                    door=request.user,
                    gegevens=form.inhoud(),
                    reden=form.cleaned_data["reden"],
                    versie=form.gelezen_versie(),
                ),
                gelukt="De wijzigingen zijn opgeslagen.",
            )
        if opgeslagen is not None:
            return redirect("registers:detail", uuid=opgeslagen.uuid)
    waarschuwing = waarschuwingen(form.cleaned_data) if form.is_bound and form.is_valid() else []
    return render(
        request,
        "registers/formulier.html",
        {"form": form, "verwerking": verwerking, "gemeente": gemeente, "waarschuwingen": waarschuwing},
    )


@login_required
def nieuw(request):
    gemeenten = [g for g in gemeenten_voor(request.user) if request.user.has_perm("registers.add_verwerking", g)]
    if not gemeenten:
        raise PermissionDenied
    slug = parameters.tekst(request.GET, "gemeente") or gemeenten[0].slug
    gemeente = next((g for g in gemeenten if g.slug == slug), None)
    if gemeente is None:
        raise Http404
    return _formulier(request, gemeente=gemeente)


@login_required
def bewerken(request, uuid):
    verwerking = _verwerking(request, uuid, "registers.change_verwerking")
    if verwerking.status == Status.GEARCHIVEERD:
        messages.error(request, "Een gearchiveerde verwerking kan niet meer worden gewijzigd.")
        return redirect("registers:detail", uuid=uuid)
    return _formulier(request, gemeente=verwerking.gemeente, verwerking=verwerking)


@login_required
def historie(request, uuid):
    verwerking = _verwerking(request, uuid)
    return render(request, "registers/historie.html", {"verwerking": verwerking, "regels": historie_regels(verwerking)})


@login_required
@require_POST
def actie(request, uuid, actie):
    """A button or panel of the detail page. It posts the version the user saw: a verwerking that
    changed since is not submitted, approved, returned or archived (see services)."""
    verwerking = _verwerking(request, uuid)
    if actie not in ACTIES:
        raise Http404
    functie, formulier, gelukt = ACTIES[actie]
    form = formulier(request.POST)
    if not form.is_valid():
        messages.error(request, "Niet gelukt. " + fouttekst(ValidationError(form.errors.as_data()), form=form))
        return _detail(request, verwerking, mislukt=actie, form=form)
    extra = {veld: waarde for veld, waarde in form.cleaned_data.items() if veld != "versie"}
    if actie_uitvoeren(
        request,
        functie,
        gelukt=gelukt,
        form=form,
        labels=LABELS,
        verwerking=verwerking,
        door=request.user,
        versie=form.gelezen_versie(),
        **extra,
    ):
        return redirect("registers:detail", uuid=uuid)
    return _detail(request, verwerking, mislukt=actie, form=form)


@login_required
def vaststellen(request, uuid):
    """'Vaststellen en publiceren': the public page's fields as they will be published, with the
    version number; only the POST from this page, carrying the version the reviewer saw, approves."""
    verwerking = _verwerking(request, uuid, "registers.beoordelen_verwerking")
    if request.method == "POST":
        form = ActieForm(request.POST)
        gezien = form.gelezen_versie() if form.is_valid() else None
        if gezien is None:
            messages.error(request, "Niet gelukt. Bekijk eerst wat de openbare pagina zal tonen en bevestig dan.")
        elif actie_uitvoeren(
            request,
            services.verwerking_goedkeuren,
            gelukt=f"De verwerking is vastgesteld als versie {services.volgend_volgnummer(verwerking)} "
            "en staat nu op de openbare pagina.",
            labels=LABELS,
            verwerking=verwerking,
            door=request.user,
            versie=gezien,
        ):
            return redirect("registers:detail", uuid=uuid)
        verwerking = _verwerking(request, uuid, "registers.beoordelen_verwerking")
    volgnummer = services.volgend_volgnummer(verwerking)
    voorbeeld = openbaar.voorbeeld_versie(verwerking, volgnummer=volgnummer, nu=timezone.now())
    context = {
        "verwerking": verwerking,
        "versie": voorbeeld,
        "grondslagen": openbaar.grondslagen_b1(voorbeeld),
        "voorbeeld": True,
        "volgnummer": volgnummer,
        "gezien": versie_van(verwerking),
        "ontbrekend": [services.VELD_LABELS[v] for v in ontbrekende_velden(verwerking)],
        "kan_vaststellen": WORKFLOW.mag("goedkeuren", verwerking.status),
    }
    return render(request, "registers/vaststellen.html", context)


@login_required
def delegeren(request, uuid):
    verwerking = _verwerking(request, uuid, "registers.delegeren_verwerking")
    medewerkers = services.medewerkers_voor_delegatie(verwerking)
    intrekken = request.method == "POST" and "intrekken" in request.POST
    form = DelegerenForm(
        request.POST if request.method == "POST" and not intrekken else None,
        medewerkers=medewerkers,
        versie=versie_van(verwerking),
    )
    if intrekken:
        medewerker = get_object_or_404(medewerkers, pk=request.POST["intrekken"])
        if actie_uitvoeren(
            request,
            services.delegatie_intrekken,
            gelukt="De delegatie is ingetrokken.",
            verwerking=verwerking,
            door=request.user,
            medewerker=medewerker,
            versie=versie_uit(request),
        ):
            return redirect("registers:detail", uuid=uuid)
    elif request.method == "POST":
        gedelegeerd = formulier_opslaan(
            request,
            form,
            lambda: services.verwerking_delegeren(
                verwerking=verwerking,
                door=request.user,
                medewerker=form.cleaned_data["medewerker"],
                versie=form.gelezen_versie(),
            ),
            gelukt="De medewerker kan deze verwerking nu bewerken.",
        )
        if gedelegeerd is not None:
            return redirect("registers:detail", uuid=uuid)
    context = {
        "verwerking": verwerking,
        "form": form,
        "delegaties": selectors.delegaties_van(verwerking),
        "versie": versie_van(verwerking),
    }
    return render(request, "registers/delegeren.html", context)


def startblok(request):
    """The register's block on the home page: per gemeente the counts per status and completeness."""
    verwerkingen = selectors.verwerkingen_voor(request.user)
    per_gemeente = {
        rij["gemeente_id"]: rij
        for rij in verwerkingen.order_by()
        .values("gemeente_id")
        .annotate(
            concept=Count("pk", filter=Q(status=Status.CONCEPT)),
            ter_beoordeling=Count("pk", filter=Q(status=Status.TER_BEOORDELING)),
            vastgesteld=Count("pk", filter=Q(status=Status.VASTGESTELD)),
        )
    }
    gemeenten = [
        {
            "gemeente": gemeente,
            "rollen": [rol.label for rol in rollen_in(request.user, gemeente)],
            "aantallen": per_gemeente.get(gemeente.pk, {}),
            "volledigheid": selectors.volledigheid_gemeente(verwerkingen.filter(gemeente=gemeente)),
        }
        for gemeente in gemeenten_voor(request.user)
    ]
    return render_to_string("registers/_startblok.html", {"gemeenten": gemeenten}, request=request)
