"""Pages of the datalekregister. Reads via selectors, writes via services, through the kernel's
page helpers (`privacy_portal.core.paginas`): invalid input stays in the form with each field
named, and a stale save or action (someone else changed the datalek since) is refused with the
changes made in between."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Case, Q, When
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from privacy_portal.core import parameters
from privacy_portal.core.audit import audit, audit_lezen, filter_uit_query
from privacy_portal.core.dashboard import LijstFilter, gefilterd_op_peildatum, stand_op
from privacy_portal.core.historie import historie_regels
from privacy_portal.core.models import AuditEvent
from privacy_portal.core.paginas import actie_uitvoeren, formulier_opslaan, fouttekst, object_of_404
from privacy_portal.core.schrijven import versie_van
from privacy_portal.organisaties.selectors import gemeenten_voor

from . import selectors, services
from .ap_tekst import ap_formulier_tekst, ap_secties
from .constants import Status
from .forms import (
    AfsluitForm,
    BehandelForm,
    FilterForm,
    HeropenForm,
    InformerenForm,
    KennisnameCorrectieForm,
    MeldForm,
    MeldingAPForm,
)
from .models import MeldingAP
from .workflow import WORKFLOW


def _datalek(request, uuid, *, recht=None):
    """The datalek if the user may see it (404 otherwise; 403 without `recht`); reading it is audited."""
    datalek = object_of_404(request, selectors.datalekken_voor(request.user), uuid=uuid, recht=recht)
    audit(actor=request.user, actie=AuditEvent.Actie.INZIEN, obj=datalek)
    return datalek


@login_required
def lijst(request):
    gemeenten_cijfers = gemeenten_voor(request.user, "datalekken.statistiek_datalek")
    nu = timezone.now()
    form = FilterForm(request.GET or None, gemeenten=gemeenten_voor(request.user))
    qs = selectors.datalekken_voor(request.user)
    dashboard = LijstFilter.uit_query(request.GET)
    data = form.cleaned_data if form.is_valid() else {}
    status = data.get("status", "")
    periode = dashboard.periode  # the dashboard's period: reported in the portal in it
    peilmoment = dashboard.peilmoment
    qs = gefilterd_op_peildatum(
        qs,
        dashboard.peildatum,
        lambda rijen: selectors.filter_datalekken(
            rijen,
            zoek=data.get("zoek", ""),
            status="" if status in ("", "alle") else status,
            risico=data.get("risico", ""),
            gemeente=data.get("gemeente", ""),
            open_=status == "",
            melding=data.get("melding", ""),
            gemeld_van=data.get("gemeld_van") or (periode and periode.van),
            gemeld_tot=data.get("gemeld_tot") or (periode and periode.tot),
            nu=peilmoment or nu,
            meldingen=stand_op(MeldingAP, peilmoment) if peilmoment else None,
        ),
    )
    # Datalekken whose AP notification may still be due first, by time left; then the rest.
    qs = qs.annotate(
        klok_loopt=Case(
            When(Q(is_gemeld_ap=False) & ~Q(risico="geen") & ~Q(status=Status.AFGESLOTEN), then=0), default=1
        )
    )
    pagina = Paginator(qs.order_by("klok_loopt", "meld_deadline", "pk"), 25).get_page(request.GET.get("pagina"))
    audit_lezen(
        actor=request.user,
        objecten=pagina,
        object_type="datalekken.Datalek",
        details={"lijst": "datalekken", "filter": filter_uit_query(request.GET), "pagina": pagina.number},
    )
    query = request.GET.copy()
    query.pop("pagina", None)
    context = {
        "form": form,
        "dashboard": dashboard,
        "pagina": pagina,
        "query": query.urlencode(),
        "nu": nu,
        "kan_melden": [g for g in gemeenten_voor(request.user) if request.user.has_perm("datalekken.add_datalek", g)],
        "cijfers_gemeenten": gemeenten_cijfers,
    }
    return render(request, "datalekken/lijst.html", context)


@login_required
def melden(request):
    gemeenten = [g for g in gemeenten_voor(request.user) if request.user.has_perm("datalekken.add_datalek", g)]
    if not gemeenten:
        raise PermissionDenied
    gemeente = next((g for g in gemeenten if g.slug == parameters.tekst(request.GET, "gemeente")), gemeenten[0])
    form = MeldForm(request.POST or None, gemeente=gemeente)
    if request.method == "POST":

        def melden_():
            gegevens = dict(form.cleaned_data)
            verwerkingen = gegevens.pop("verwerkingen")
            return services.datalek_melden(
                door=request.user, gemeente=gemeente, gegevens=gegevens, verwerkingen=verwerkingen
            )

        datalek = formulier_opslaan(
            request,
            form,
            melden_,
            gelukt="Bedankt, uw melding is ontvangen. De privacy officer is direct gewaarschuwd en neemt het over.",
        )
        if datalek is not None:
            return redirect("datalekken:detail", uuid=datalek.uuid)
    return render(request, "datalekken/melden.html", {"form": form, "gemeente": gemeente})


# The forms of the action panels on the detail page, by action (the last part of the URL).
ACTIE_FORMS = {
    "melden-ap": MeldingAPForm,
    "kennisname-corrigeren": KennisnameCorrectieForm,
    "informeren": InformerenForm,
    "afsluiten": AfsluitForm,
    "heropenen": HeropenForm,
}


def _detail(request, datalek, *, formulieren=None, status=200):
    """The detail page; `formulieren`: bound action forms to show again (input kept, errors marked)."""
    user = request.user
    versie = versie_van(datalek)
    formulieren = formulieren or {}
    context = {
        "datalek": datalek,
        "kenmerk": datalek.kenmerk,
        "nu": timezone.now(),
        "versie": versie,
        "meldingen": datalek.meldingen.select_related("vastgelegd_door"),
        "gecorrigeerd_door": datalek.kennisname_gecorrigeerd_door,
        "verwerkingen": datalek.verwerkingen.all(),
        "kan_behandelen": user.has_perm("datalekken.behandelen_datalek", datalek)
        and WORKFLOW.mag("wijzigen", datalek.status),
        "kan_melden_ap": user.has_perm("datalekken.melden_ap_datalek", datalek)
        and WORKFLOW.mag("melden_ap", datalek.status),
        "kan_kennisname_corrigeren": user.has_perm("datalekken.kennisname_corrigeren_datalek", datalek)
        and WORKFLOW.mag("wijzigen", datalek.status),
        "kan_informeren": user.has_perm("datalekken.behandelen_datalek", datalek)
        and WORKFLOW.mag("informeren", datalek.status),
        # The closing panel also explains, before the risk is assessed, what is still missing.
        "kan_afsluiten": user.has_perm("datalekken.afsluiten_datalek", datalek),
        "kan_heropenen": user.has_perm("datalekken.afsluiten_datalek", datalek)
        and WORKFLOW.mag("heropenen", datalek.status),
        "afsluit_bezwaren": services.afsluit_bezwaren(datalek).values(),
        "ap_ontbreekt": [BEZWAAR_LABELS[veld] for veld in services.ap_melding_bezwaren(datalek)],
        "melding_form": formulieren.get("melden-ap")
        or MeldingAPForm(initial={"gemeld_op": timezone.localtime().replace(second=0, microsecond=0)}, versie=versie),
        "kennisname_form": formulieren.get("kennisname-corrigeren")
        or KennisnameCorrectieForm(
            initial={"kennisname_op": timezone.localtime(datalek.kennisname_op).replace(second=0, microsecond=0)},
            versie=versie,
        ),
        "informeren_form": formulieren.get("informeren") or InformerenForm(versie=versie),
        "afsluit_form": formulieren.get("afsluiten") or AfsluitForm(versie=versie),
        "heropen_form": formulieren.get("heropenen") or HeropenForm(versie=versie),
        "open_actie": next(iter(formulieren), ""),
        "ap_tekst": ap_formulier_tekst(datalek),
        "ap_secties": ap_secties(datalek),
    }
    return render(request, "datalekken/detail.html", context, status=status)


@login_required
def detail(request, uuid):
    return _detail(request, _datalek(request, uuid))


@login_required
def behandelen(request, uuid):
    datalek = _datalek(request, uuid, recht="datalekken.behandelen_datalek")
    velden = services.BEHANDEL_VELDEN
    initial = {veld: getattr(datalek, veld) for veld in velden}
    initial["verwerkingen"] = datalek.verwerkingen.all()
    form = BehandelForm(request.POST or None, initial=initial, gemeente=datalek.gemeente, versie=versie_van(datalek))
    if request.method == "POST":

        def opslaan():
            gegevens = {veld: form.cleaned_data[veld] for veld in velden if veld != "team"}
            gegevens = {
                veld: ("" if waarde is None and veld in ("oorzaak", "risico") else waarde)
                for veld, waarde in gegevens.items()
            }
            return services.datalek_behandelen(
                datalek=datalek,
                door=request.user,
                gegevens=gegevens,
                verwerkingen=form.cleaned_data["verwerkingen"],
                reden=form.cleaned_data["reden"],
                versie=form.gelezen_versie(),
            )

        if formulier_opslaan(request, form, opslaan, gelukt="De gegevens van het datalek zijn opgeslagen."):
            return redirect("datalekken:detail", uuid=uuid)
    return render(request, "datalekken/behandelen.html", {"form": form, "datalek": datalek})


def _velden_in(form, functie):
    """The service, with its field errors also marked on the panel's form (the message names them)."""

    def aanroep(**kwargs):
        try:
            return functie(**kwargs)
        except ValidationError as fout:
            if hasattr(fout, "error_dict"):
                for veld, teksten in fout.message_dict.items():
                    if veld in form.fields:
                        form.add_error(veld, teksten)
            raise

    return aanroep


# Names of what the closing conditions (services.afsluit_bezwaren) are about, for the message.
BEZWAAR_LABELS = {
    "risico": "Risicobeoordeling",
    "risico_motivering": "Motivering van de risicobeoordeling",
    "melding": "Melding aan de AP",
    "betrokkenen": "Betrokkenen informeren",
    "loopt_nog": "Het lek loopt nog",
    "omschrijving": "Wat is er gebeurd?",
    "mogelijke_gevolgen": "Waarschijnlijke gevolgen voor betrokkenen",
    "genomen_maatregelen": "Genomen en voorgenomen maatregelen",
    "melder_naam": "Naam van de melder",
    "melder_functie": "Functie van de melder",
    "melder_telefoon": "Telefoon van de melder",
    "bijzondere_categorieen": "Welke bijzondere persoonsgegevens",
}
ACTIES = {
    # action: (service, message on success)
    "melden-ap": (services.melding_ap_vastleggen, "De melding aan de AP is vastgelegd."),
    "kennisname-corrigeren": (
        services.kennisname_corrigeren,
        "Kennisname is gecorrigeerd en de melddeadline opnieuw berekend.",
    ),
    "informeren": (services.betrokkenen_informeren, "Vastgelegd."),
    "afsluiten": (services.datalek_afsluiten, "Het datalek is afgesloten."),
    "heropenen": (services.datalek_heropenen, "Het datalek is heropend."),
}


@login_required
@require_POST
def actie(request, uuid, actie):
    """An action panel of the detail page. On success back to the page; otherwise the page again
    with the panel's input kept, the invalid fields marked and named in the message."""
    if actie not in ACTIES:
        raise Http404
    datalek = _datalek(request, uuid)
    functie, gelukt = ACTIES[actie]
    form = ACTIE_FORMS[actie](request.POST)
    if not form.is_valid():
        messages.error(request, "Niet gelukt. " + fouttekst(ValidationError(form.errors.as_data()), form=form))
    else:
        gegevens = {veld: waarde for veld, waarde in form.cleaned_data.items() if veld != "versie"}
        if actie_uitvoeren(
            request,
            _velden_in(form, functie),
            gelukt=gelukt,
            form=form,
            labels=BEZWAAR_LABELS,
            datalek=datalek,
            door=request.user,
            versie=form.gelezen_versie(),
            **gegevens,
        ):
            return redirect("datalekken:detail", uuid=uuid)
    datalek = selectors.datalekken_voor(request.user).get(pk=datalek.pk)  # as it is now
    if form.gelezen_versie() not in (None, versie_van(datalek)):
        # Someone else changed it (the message says what): the input stays, against the current version.
        data = form.data.copy()
        data["versie"] = versie_van(datalek)
        form.data = data
    return _detail(request, datalek, formulieren={actie: form}, status=400)


@login_required
def historie(request, uuid):
    datalek = _datalek(request, uuid)
    return render(
        request,
        "datalekken/historie.html",
        {"datalek": datalek, "regels": historie_regels(datalek), "kenmerk": datalek.kenmerk},
    )
