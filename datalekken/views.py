"""Pages of the datalekregister. Reads via selectors, writes via services."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Case, Q, When
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from privacy_portal.core.audit import audit
from privacy_portal.core.dashboard import LijstFilter, gefilterd_op_peildatum, stand_op
from privacy_portal.core.historie import historie_regels
from privacy_portal.core.models import AuditEvent
from privacy_portal.organisaties.selectors import gemeenten_voor

from . import selectors, services
from .ap_tekst import ap_formulier_tekst, ap_secties
from .constants import Status
from .forms import AfsluitForm, BehandelForm, FilterForm, InformerenForm, MeldForm, MeldingAPForm
from .models import MeldingAP
from .workflow import OvergangNietToegestaan


def _datalek(request, uuid):
    """The datalek if the user may see it (404 otherwise); reading it is audited."""
    datalek = get_object_or_404(selectors.datalekken_voor(request.user), uuid=uuid)
    audit(actor=request.user, actie=AuditEvent.Actie.INZIEN, obj=datalek)
    return datalek


def _fouten_naar_form(form, fout):
    for veld, fouten in fout.message_dict.items():
        form.add_error(veld if veld in form.fields else None, fouten)


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
    gemeente = next((g for g in gemeenten if g.slug == request.GET.get("gemeente")), gemeenten[0])
    form = MeldForm(request.POST or None, gemeente=gemeente)
    if request.method == "POST" and form.is_valid():
        gegevens = dict(form.cleaned_data)
        verwerkingen = gegevens.pop("verwerkingen")
        try:
            datalek = services.datalek_melden(
                door=request.user, gemeente=gemeente, gegevens=gegevens, verwerkingen=verwerkingen
            )
        except ValidationError as fout:
            _fouten_naar_form(form, fout)
        else:
            messages.success(
                request,
                "Bedankt, uw melding is ontvangen. De privacy officer is direct gewaarschuwd en neemt het over.",
            )
            return redirect("datalekken:detail", uuid=datalek.uuid)
    if request.method == "POST":
        messages.error(request, "Niet verstuurd: verbeter de velden die hieronder zijn gemarkeerd.")
    return render(request, "datalekken/melden.html", {"form": form, "gemeente": gemeente})


@login_required
def detail(request, uuid):
    datalek = _datalek(request, uuid)
    user = request.user
    context = {
        "datalek": datalek,
        "kenmerk": datalek.kenmerk,
        "nu": timezone.now(),
        "meldingen": datalek.meldingen.select_related("vastgelegd_door"),
        "verwerkingen": datalek.verwerkingen.all(),
        "kan_behandelen": user.has_perm("datalekken.behandelen_datalek", datalek),
        "kan_melden_ap": user.has_perm("datalekken.melden_ap_datalek", datalek),
        "kan_afsluiten": user.has_perm("datalekken.afsluiten_datalek", datalek),
        "afsluit_bezwaren": services.afsluit_bezwaren(datalek).values(),
        "melding_form": MeldingAPForm(initial={"gemeld_op": timezone.localtime().replace(second=0, microsecond=0)}),
        "informeren_form": InformerenForm(),
        "afsluit_form": AfsluitForm(),
        "ap_tekst": ap_formulier_tekst(datalek),
        "ap_secties": ap_secties(datalek),
    }
    return render(request, "datalekken/detail.html", context)


@login_required
def behandelen(request, uuid):
    datalek = _datalek(request, uuid)
    if not request.user.has_perm("datalekken.behandelen_datalek", datalek):
        raise PermissionDenied
    velden = services.BEHANDEL_VELDEN
    initial = {veld: getattr(datalek, veld) for veld in velden}
    initial["verwerkingen"] = datalek.verwerkingen.all()
    form = BehandelForm(request.POST or None, initial=initial, gemeente=datalek.gemeente)
    if request.method == "POST" and form.is_valid():
        gegevens = {veld: form.cleaned_data[veld] for veld in velden if veld != "team"}
        gegevens = {
            veld: ("" if waarde is None and veld in ("oorzaak", "risico") else waarde)
            for veld, waarde in gegevens.items()
        }
        try:
            services.datalek_behandelen(
                datalek=datalek,
                door=request.user,
                gegevens=gegevens,
                verwerkingen=form.cleaned_data["verwerkingen"],
                reden=form.cleaned_data["reden"],
            )
        except ValidationError as fout:
            _fouten_naar_form(form, fout)
        except OvergangNietToegestaan as fout:
            form.add_error(None, str(fout))
        else:
            messages.success(request, "De gegevens van het datalek zijn opgeslagen.")
            return redirect("datalekken:detail", uuid=uuid)
    if request.method == "POST":
        messages.error(request, "Niet opgeslagen: verbeter de velden die hieronder zijn gemarkeerd.")
    return render(request, "datalekken/behandelen.html", {"form": form, "datalek": datalek})


def _actie_fout(request, fout):
    if isinstance(fout, ValidationError):
        for fouten in fout.message_dict.values():
            for tekst in fouten:
                messages.error(request, tekst)
    else:
        messages.error(request, str(fout))


@login_required
@require_POST
def actie(request, uuid, actie):
    datalek = _datalek(request, uuid)
    try:
        if actie == "melden-ap":
            form = MeldingAPForm(request.POST)
            if not form.is_valid():
                raise ValidationError({veld: fouten for veld, fouten in form.errors.items()})
            services.melding_ap_vastleggen(datalek=datalek, door=request.user, **form.cleaned_data)
            messages.success(request, "De melding aan de AP is vastgelegd.")
        elif actie == "informeren":
            form = InformerenForm(request.POST)
            if not form.is_valid():
                raise ValidationError({veld: fouten for veld, fouten in form.errors.items()})
            services.betrokkenen_informeren(datalek=datalek, door=request.user, **form.cleaned_data)
            messages.success(request, "Vastgelegd.")
        elif actie == "afsluiten":
            services.datalek_afsluiten(
                datalek=datalek, door=request.user, motivering=request.POST.get("motivering", "")
            )
            messages.success(request, "Het datalek is afgesloten.")
        elif actie == "heropenen":
            services.datalek_heropenen(datalek=datalek, door=request.user, reden=request.POST.get("reden", ""))
            messages.success(request, "Het datalek is heropend.")
        else:
            raise Http404
    except (ValidationError, OvergangNietToegestaan) as fout:
        _actie_fout(request, fout)
    return redirect("datalekken:detail", uuid=uuid)


@login_required
def historie(request, uuid):
    datalek = _datalek(request, uuid)
    regels = historie_regels(datalek, labels=services.LABELS, verborgen=frozenset())
    return render(
        request, "datalekken/historie.html", {"datalek": datalek, "regels": regels, "kenmerk": datalek.kenmerk}
    )
