"""Staff pages of the register van verwerkingen. Reads via selectors, writes via services."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.views.decorators.http import require_POST

from privacy_portal.core.audit import audit
from privacy_portal.core.dashboard import LijstFilter, gefilterd_op_peildatum
from privacy_portal.core.models import AuditEvent
from privacy_portal.core.permissions import vereis
from privacy_portal.organisaties.models import Team
from privacy_portal.organisaties.selectors import gemeenten_voor, rollen_in

from . import exporteren, selectors, services
from .constants import Status
from .forms import AfwijzenForm, ArchiverenForm, DelegerenForm, FilterForm, VerwerkingForm
from .historie import historie_van
from .volledigheid import ontbrekende_velden, waarschuwingen
from .workflow import OvergangNietToegestaan, mogelijke_acties

PAGINA_GROOTTE = 25


def _verwerking(request, uuid, perm="registers.view_verwerking"):
    """The verwerking if the user may see it; 404 otherwise, so nothing is revealed."""
    verwerking = get_object_or_404(selectors.verwerkingen_voor(request.user), uuid=uuid)
    if perm != "registers.view_verwerking":
        vereis(request.user, perm, verwerking)
    return verwerking


def _gefilterd(request):
    gemeenten = gemeenten_voor(request.user, "registers.view_verwerking")
    teams = Team.objects.filter(gemeente__in=gemeenten).select_related("gemeente")
    form = FilterForm(request.GET or None, gemeenten=gemeenten, teams=teams)
    qs = selectors.verwerkingen_voor(request.user)
    dashboard = LijstFilter.uit_query(request.GET)
    sorteer = "naam"
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


@login_required
def lijst(request):
    form, qs, gemeenten = _gefilterd(request)
    pagina = Paginator(qs, PAGINA_GROOTTE).get_page(request.GET.get("pagina"))
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
    }
    template = "registers/_tabel.html" if request.htmx else "registers/lijst.html"
    return render(request, template, context)


@login_required
def exporteer(request, formaat):
    _, qs, _ = _gefilterd(request)
    audit(actor=request.user, actie=AuditEvent.Actie.EXPORTEREN, object_type="registers.Verwerking", object_id=formaat)
    return exporteren.response(qs, formaat, bestandsnaam="register-van-verwerkingen")


@login_required
def detail(request, uuid):
    verwerking = _verwerking(request, uuid)
    user = request.user
    acties = {
        actie
        for actie in mogelijke_acties(verwerking.status)
        if user.has_perm(
            {
                "indienen": "registers.indienen_verwerking",
                "goedkeuren": "registers.beoordelen_verwerking",
                "afwijzen": "registers.beoordelen_verwerking",
                "wijzigen": "registers.change_verwerking",
                "archiveren": "registers.archiveren_verwerking",
            }[actie],
            verwerking,
        )
    }
    delegaties = selectors.delegaties_van(verwerking)
    context = {
        "verwerking": verwerking,
        "ontbrekend": [services.VELD_LABELS[v] for v in ontbrekende_velden(verwerking)],
        "waarschuwingen": waarschuwingen(verwerking),
        "acties": acties,
        "versies": verwerking.versies.select_related("vastgesteld_door").order_by("-volgnummer"),
        "kan_delegeren": user.has_perm("registers.delegeren_verwerking", verwerking)
        and verwerking.status != Status.GEARCHIVEERD,
        "delegaties": delegaties,
        "afwijzen_form": AfwijzenForm(),
        "archiveren_form": ArchiverenForm(),
    }
    return render(request, "registers/detail.html", context)


def _formulier(request, *, gemeente, verwerking=None):
    form = VerwerkingForm(request.POST or None, instance=verwerking, user=request.user, gemeente=gemeente)
    if request.method == "POST" and form.is_valid():
        try:
            if verwerking is None:
                verwerking = services.verwerking_aanmaken(door=request.user, gemeente=gemeente, gegevens=form.inhoud())
                messages.success(request, "De verwerking is opgeslagen als concept.")
            else:
                verwerking = services.verwerking_wijzigen(
                    verwerking=verwerking, door=request.user, gegevens=form.inhoud(), reden=form.cleaned_data["reden"]
                )
                messages.success(request, "De wijzigingen zijn opgeslagen.")
            return redirect("registers:detail", uuid=verwerking.uuid)
        except ValidationError as fout:
            for veld, fouten in fout.message_dict.items():
                form.add_error(veld if veld in form.fields else None, fouten)
        except OvergangNietToegestaan as fout:
            form.add_error(None, str(fout))
    if request.method == "POST" and form.errors:
        messages.error(request, "Niet opgeslagen: verbeter de velden die hieronder zijn gemarkeerd.")
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
    slug = request.GET.get("gemeente") or gemeenten[0].slug
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
    return render(request, "registers/historie.html", {"verwerking": verwerking, "regels": historie_van(verwerking)})


@login_required
@require_POST
def actie(request, uuid, actie):
    verwerking = _verwerking(request, uuid)
    try:
        if actie == "indienen":
            services.verwerking_indienen(verwerking=verwerking, door=request.user)
            messages.success(request, "De verwerking is ingediend bij de privacy officer.")
        elif actie == "goedkeuren":
            services.verwerking_goedkeuren(verwerking=verwerking, door=request.user)
            messages.success(request, "De verwerking is vastgesteld en staat nu op de openbare pagina.")
        elif actie == "afwijzen":
            form = AfwijzenForm(request.POST)
            services.verwerking_afwijzen(verwerking=verwerking, door=request.user, reden=form.data.get("reden", ""))
            messages.success(request, "De verwerking is teruggestuurd naar de teammanager.")
        elif actie == "archiveren":
            services.verwerking_archiveren(
                verwerking=verwerking, door=request.user, reden=request.POST.get("reden", "")
            )
            messages.success(request, "De verwerking is gearchiveerd.")
        else:
            raise Http404
    except ValidationError as fout:
        velden = [services.VELD_LABELS.get(v, v) for v in fout.message_dict]
        if list(fout.message_dict) == ["reden"]:
            messages.error(request, fout.message_dict["reden"][0])
        else:
            messages.error(request, "Niet gelukt: deze velden zijn nog leeg: " + ", ".join(velden) + ".")
    except OvergangNietToegestaan as fout:
        messages.error(request, str(fout))
    return redirect("registers:detail", uuid=uuid)


@login_required
def delegeren(request, uuid):
    verwerking = _verwerking(request, uuid, "registers.delegeren_verwerking")
    form = DelegerenForm(request.POST or None, medewerkers=services.medewerkers_voor_delegatie(verwerking))
    if request.method == "POST":
        if "intrekken" in request.POST:
            medewerker = get_object_or_404(
                services.medewerkers_voor_delegatie(verwerking), pk=request.POST["intrekken"]
            )
            services.delegatie_intrekken(verwerking=verwerking, door=request.user, medewerker=medewerker)
            messages.success(request, "De delegatie is ingetrokken.")
            return redirect("registers:detail", uuid=uuid)
        if form.is_valid():
            services.verwerking_delegeren(
                verwerking=verwerking, door=request.user, medewerker=form.cleaned_data["medewerker"]
            )
            messages.success(request, "De medewerker kan deze verwerking nu bewerken.")
            return redirect("registers:detail", uuid=uuid)
    delegaties = selectors.delegaties_van(verwerking)
    return render(
        request, "registers/delegeren.html", {"verwerking": verwerking, "form": form, "delegaties": delegaties}
    )


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
