"""Pages of the DPIA-register. Reads via selectors, writes via services.

A DPIA outside the user's scope is 404; visible but not allowed is 403 (from the services).
"""

import json

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_POST

from privacy_portal.core.audit import audit
from privacy_portal.core.dashboard import LijstFilter, gefilterd_op_peildatum, stand_op
from privacy_portal.core.historie import historie_regels
from privacy_portal.core.models import AuditEvent
from privacy_portal.core.pdf import pdf_response, render_pdf
from privacy_portal.organisaties.selectors import gemeenten_voor
from registers.models import Verwerking

from . import selectors, services
from .constants import AP_LIJST, Criterium, Deel, Status
from .forms import (
    AccepterenForm,
    BeveiligingsadviesForm,
    DelegerenForm,
    FgAdviesForm,
    FilterForm,
    HercontroleForm,
    MaatregelForm,
    OpvolgForm,
    PrescanForm,
    RaadplegingBijwerkenForm,
    RaadplegingForm,
    RedenForm,
    RisicoForm,
    StartForm,
)
from .formulier import Vragenformulier
from .models import Maatregel, Risico, Vragenlijst
from .rapport import rapport_context
from .regels import FEIT_LABELS, criteria_uit_feiten, feiten_uit_register
from .risicomatrix import risicomatrix_svg
from .uitwisseling import exporteer
from .vragenlijst import INGEBOUWD, definitie_van
from .workflow import OVERGANGEN, OvergangNietToegestaan, mag

PAGINA_GROOTTE = 25


def _dpia(request, uuid, *, audit_lezen=True):
    """The DPIA if the user may see it (404 otherwise); reading it is audited."""
    dpia = get_object_or_404(selectors.dpias_voor(request.user), uuid=uuid)
    if audit_lezen:
        audit(actor=request.user, actie=AuditEvent.Actie.INZIEN, obj=dpia)
    return dpia


def _fouten_naar_form(form, fout):
    for veld, fouten in fout.message_dict.items():
        form.add_error(veld if veld in form.fields else None, fouten)


def _meld_fouten(request, fout):
    if isinstance(fout, ValidationError):
        for tekst in fout.messages:
            messages.error(request, tekst)
    else:
        messages.error(request, str(fout))


@login_required
def lijst(request):
    vandaag = timezone.localdate()
    form = FilterForm(request.GET or None)
    qs = selectors.dpias_voor(request.user)
    dashboard = LijstFilter.uit_query(request.GET)
    if form.is_valid():
        data = form.cleaned_data
        maatregelen = stand_op(Maatregel, dashboard.peilmoment) if dashboard.peildatum else None
        qs = gefilterd_op_peildatum(
            selectors.filter_dpias(qs, zoek=data["zoek"]),
            dashboard.peildatum,
            lambda rijen: selectors.filter_dpias(
                rijen,
                status=data["status"],
                uitkomst=data["uitkomst"],
                aandacht=data["aandacht"],
                gemeente=data["gemeente"],
                vandaag=dashboard.peildatum or vandaag,
                maatregelen=maatregelen,
            ),
        )
    qs = (
        selectors.met_tellingen(qs, vandaag)
        .prefetch_related(Prefetch("verwerkingen", queryset=Verwerking.objects.only("pk", "naam", "uuid")))
        .order_by("-aangemaakt_op", "-pk")
    )
    pagina = Paginator(qs, PAGINA_GROOTTE).get_page(request.GET.get("pagina"))
    query = request.GET.copy()
    query.pop("pagina", None)
    gemeenten = gemeenten_voor(request.user, "dpia.view_dpia")
    context = {
        "form": form,
        "dashboard": dashboard,
        "pagina": pagina,
        "query": query.urlencode(),
        "vandaag": vandaag,
        "kan_starten": request.user.has_perm("dpia.add_dpia"),
        "gemeenten": gemeenten,
    }
    return render(request, "dpia/lijst.html", context)


@login_required
def nieuw(request):
    if not request.user.has_perm("dpia.add_dpia"):
        raise PermissionDenied
    initieel = {}
    if request.GET.get("verwerking"):
        initieel["verwerkingen"] = Verwerking.objects.filter(uuid=request.GET["verwerking"]).values_list(
            "pk", flat=True
        )
    form = StartForm(request.POST or None, user=request.user, initial=initieel)
    if request.method == "POST" and form.is_valid():
        try:
            dpia = services.dpia_starten(
                door=request.user,
                verwerkingen=form.cleaned_data["verwerkingen"],
                titel=form.cleaned_data["titel"],
                vragenlijst=form.cleaned_data["vragenlijst"],
            )
        except ValidationError as fout:
            _fouten_naar_form(form, fout)
        else:
            messages.success(request, "De pre-scan is gestart. Beantwoord de vragen hieronder.")
            return redirect("dpia:prescan", uuid=dpia.uuid)
    if request.method == "POST":
        messages.error(request, "Niet gestart: verbeter de velden die hieronder zijn gemarkeerd.")
    return render(request, "dpia/nieuw.html", {"form": form})


def _voortgang(dpia):
    """Per part: (code, label, answered, questions) for the parts with questions."""
    uit = []
    for code, label in Deel.choices:
        if code in (Deel.C, Deel.D):
            continue
        form = Vragenformulier(definitie=definitie_van(dpia), antwoorden=dpia.antwoorden, deel=code)
        beantwoord = sum(1 for naam in form.fields if form.initial.get(naam) not in ("", None, []))
        uit.append((code, label, beantwoord, len(form.fields)))
    return uit


@login_required
def detail(request, uuid):
    dpia = _dpia(request, uuid)
    user = request.user
    vandaag = timezone.localdate()
    risicos = list(dpia.risicos.all())
    maatregelen = list(dpia.maatregelen.select_related("eigenaar", "risico"))
    koppelingen = list(dpia.koppelingen.select_related("verwerking", "basis_versie"))
    hoog = dpia.restrisico == "hoog"
    kan = {
        "invullen": user.has_perm("dpia.change_dpia", dpia),
        "advies": user.has_perm("dpia.advies_dpia", dpia),
        "beveiligingsadvies": user.has_perm("dpia.beveiligingsadvies_dpia", dpia),
        "accepteren": user.has_perm("dpia.accepteren_hoog_dpia" if hoog else "dpia.accepteren_dpia", dpia),
        "raadplegen": user.has_perm("dpia.accepteren_hoog_dpia", dpia),
    }
    deel_rechten = {code: selectors.mag_deel_invullen(user, dpia, code) for code in Deel.values}
    is_dpia = dpia.status not in (Status.PRESCAN, Status.NIET_NODIG)
    context = {
        "dpia": dpia,
        "vandaag": vandaag,
        "koppelingen": koppelingen,
        "risicos": risicos,
        "maatregelen": maatregelen,
        "matrix": risicomatrix_svg(risicos),
        "kan": kan,
        "deel_rechten": deel_rechten,
        "is_dpia": is_dpia,
        "voortgang": _voortgang(dpia) if is_dpia else [],
        "bezwaren": services.indien_bezwaren(dpia).values() if dpia.status == Status.IN_UITVOERING else [],
        "mag": {actie: mag(actie, dpia.status) for actie in OVERGANGEN},
        "criteria": [Criterium(c).label for c in dpia.prescan_criteria],
        "ap_lijst": [f"{n}. {AP_LIJST[n][0]}" for n in dpia.prescan_ap_lijst],
        "feiten": [
            (label, dpia.prescan_feiten.get(veld)) for veld, label in FEIT_LABELS.items() if veld in dpia.prescan_feiten
        ],
        "delegaties": dpia.delegaties.select_related("gebruiker"),
        "forms": {
            "fg": FgAdviesForm(prefix="fg"),
            "ciso": BeveiligingsadviesForm(prefix="ciso", initial={"advies": dpia.beveiligingsadvies}),
            "accepteren": AccepterenForm(prefix="acc"),
            "raadpleging": RaadplegingForm(prefix="rp", initial={"ingediend_op": vandaag}),
            "raadpleging_bijwerken": RaadplegingBijwerkenForm(prefix="rpb"),
            "terug": RedenForm(prefix="terug"),
            "hercontrole": HercontroleForm(prefix="hc"),
            "heropenen": RedenForm(prefix="heropen"),
            "delegeren": DelegerenForm(prefix="del", dpia=dpia),
        },
        "verlopen": [m for m in maatregelen if m.status in ("gepland", "in_uitvoering") and m.deadline < vandaag],
    }
    return render(request, "dpia/detail.html", context)


@login_required
def prescan(request, uuid):
    dpia = _dpia(request, uuid, audit_lezen=False)
    verwerkingen = list(dpia.verwerkingen.select_related("verwerkingsverantwoordelijke"))
    feiten = feiten_uit_register(verwerkingen)
    vast = criteria_uit_feiten(feiten)
    if request.method == "POST":
        form = PrescanForm(request.POST, vaste_criteria=vast)
    else:
        initieel = {
            "criteria": [c for c in dpia.prescan_criteria if c not in vast],
            "ap_lijst": dpia.prescan_ap_lijst,
            "motivering": dpia.besluit_motivering,
        }
        if dpia.uitvoeren is False and dpia.prescan_op:
            initieel["besluit"] = "niet_uitvoeren"
        form = PrescanForm(initial=initieel, vaste_criteria=vast)
    if request.method == "POST" and form.is_valid():
        try:
            dpia = services.prescan_vastleggen(
                dpia=dpia,
                door=request.user,
                criteria=form.cleaned_data["criteria"],
                ap_lijst=form.cleaned_data["ap_lijst"],
                uitvoeren=form.uitvoeren(),
                motivering=form.cleaned_data["motivering"],
            )
        except ValidationError as fout:
            fout_dict = {("besluit" if k == "uitvoeren" else k): v for k, v in fout.message_dict.items()}
            _fouten_naar_form(form, ValidationError(fout_dict))
        except OvergangNietToegestaan as fout:
            form.add_error(None, str(fout))
        else:
            messages.success(request, f"De pre-scan is vastgelegd: {dpia.get_prescan_uitkomst_display().lower()}.")
            return redirect("dpia:detail", uuid=dpia.uuid)
    elif request.method == "GET":
        if not request.user.has_perm("dpia.change_dpia", dpia):
            raise PermissionDenied
        if not mag("prescan", dpia.status):
            messages.info(request, "De pre-scan kan in deze stap niet meer worden gewijzigd.")
            return redirect("dpia:detail", uuid=dpia.uuid)
    if request.method == "POST":
        messages.error(request, "Niet opgeslagen: verbeter de velden die hieronder zijn gemarkeerd.")
    context = {
        "dpia": dpia,
        "form": form,
        "feiten": [(label, feiten.get(veld)) for veld, label in FEIT_LABELS.items()],
        "vast": [(Criterium(c).label, reden) for c, reden in vast.items()],
    }
    return render(request, "dpia/prescan.html", context)


@login_required
def vragen(request, uuid, deel):
    if deel not in (Deel.A, Deel.B, Deel.S):
        raise Http404
    dpia = _dpia(request, uuid, audit_lezen=request.method == "GET")
    if not selectors.mag_deel_invullen(request.user, dpia, deel):
        raise PermissionDenied
    definitie = definitie_van(dpia)
    form = Vragenformulier(request.POST or None, definitie=definitie, antwoorden=dpia.antwoorden, deel=deel)
    if request.method == "POST" and form.is_valid():
        nu = timezone.now()
        try:
            services.antwoorden_opslaan(
                dpia=dpia,
                door=request.user,
                antwoorden=form.nieuwe_antwoorden(nu=nu, door_naam=services.naam(request.user)),
                deel=deel,
                nu=nu,
            )
        except ValidationError as fout:
            _meld_fouten(request, fout)
        except OvergangNietToegestaan as fout:
            form.add_error(None, str(fout))
        else:
            messages.success(request, f"{Deel(deel).label} is opgeslagen.")
            if "verder" not in request.POST:
                return redirect("dpia:vragen", uuid=dpia.uuid, deel=deel)
            if deel == Deel.A:
                return redirect("dpia:vragen", uuid=dpia.uuid, deel=Deel.B)
            if deel == Deel.B:
                return redirect("dpia:risicos", uuid=dpia.uuid)
            return redirect("dpia:detail", uuid=dpia.uuid)
    if request.method == "POST" and form.errors:
        messages.error(request, "Niet opgeslagen: verbeter de velden die hieronder zijn gemarkeerd.")
    context = {
        "dpia": dpia,
        "form": form,
        "deel": Deel(deel),
        "alleen_lezen": not mag("invullen", dpia.status),
        "vragenlijst_naam": dpia.vragenlijst.naam if dpia.vragenlijst_id else INGEBOUWD["name"],
    }
    return render(request, "dpia/vragen.html", context)


@login_required
def risicos(request, uuid, risico_uuid=None):
    dpia = _dpia(request, uuid, audit_lezen=request.method == "GET")
    risico = get_object_or_404(Risico, dpia=dpia, uuid=risico_uuid) if risico_uuid else None
    mag_invullen = selectors.mag_deel_invullen(request.user, dpia, Deel.C) and mag("invullen", dpia.status)
    if request.method == "POST":
        if not mag_invullen:
            raise PermissionDenied
        if risico is not None and "verwijderen" in request.POST:
            try:
                services.risico_verwijderen(dpia=dpia, door=request.user, risico=risico)
            except (ValidationError, OvergangNietToegestaan) as fout:
                _meld_fouten(request, fout)
            else:
                messages.success(request, f"Risico {risico.code} is verwijderd.")
            return redirect("dpia:risicos", uuid=dpia.uuid)
        form = RisicoForm(request.POST)
        if form.is_valid():
            try:
                opgeslagen = services.risico_opslaan(
                    dpia=dpia, door=request.user, risico=risico, gegevens=form.cleaned_data
                )
            except ValidationError as fout:
                _fouten_naar_form(form, fout)
            except OvergangNietToegestaan as fout:
                form.add_error(None, str(fout))
            else:
                messages.success(
                    request, f"Risico {opgeslagen.code} is opgeslagen ({opgeslagen.get_niveau_display().lower()})."
                )
                return redirect("dpia:risicos", uuid=dpia.uuid)
        messages.error(request, "Niet opgeslagen: verbeter de velden die hieronder zijn gemarkeerd.")
    else:
        initieel = {veld: getattr(risico, veld) for veld in services.RISICO_VELDEN} if risico else {}
        form = RisicoForm(initial=initieel)
    alle = list(dpia.risicos.prefetch_related("maatregelen"))
    context = {
        "dpia": dpia,
        "form": form,
        "risico": risico,
        "risicos": alle,
        "matrix": risicomatrix_svg(alle),
        "mag_invullen": mag_invullen,
    }
    return render(request, "dpia/risicos.html", context)


@login_required
def maatregelen(request, uuid, maatregel_uuid=None):
    dpia = _dpia(request, uuid, audit_lezen=request.method == "GET")
    maatregel = (
        get_object_or_404(Maatregel.objects.select_related("eigenaar"), dpia=dpia, uuid=maatregel_uuid)
        if maatregel_uuid
        else None
    )
    mag_invullen = selectors.mag_deel_invullen(request.user, dpia, Deel.D) and mag("invullen", dpia.status)
    mag_opvolgen = (
        maatregel is not None
        and mag("maatregel", dpia.status)
        and (selectors.mag_deel_invullen(request.user, dpia, Deel.D) or maatregel.eigenaar_id == request.user.pk)
    )
    opvolgen = maatregel is not None and not mag_invullen
    Formulier = OpvolgForm if opvolgen else MaatregelForm
    extra = {} if opvolgen else {"dpia": dpia}
    if request.method == "POST":
        if not (mag_invullen or mag_opvolgen):
            raise PermissionDenied
        if maatregel is not None and "verwijderen" in request.POST and mag_invullen:
            try:
                services.maatregel_verwijderen(dpia=dpia, door=request.user, maatregel=maatregel)
            except (ValidationError, OvergangNietToegestaan) as fout:
                _meld_fouten(request, fout)
            else:
                messages.success(request, f"Maatregel {maatregel.code} is verwijderd.")
            return redirect("dpia:maatregelen", uuid=dpia.uuid)
        form = Formulier(request.POST, **extra)
        if form.is_valid():
            try:
                opgeslagen = services.maatregel_opslaan(
                    dpia=dpia, door=request.user, maatregel=maatregel, gegevens=form.cleaned_data
                )
            except ValidationError as fout:
                _fouten_naar_form(form, fout)
            except OvergangNietToegestaan as fout:
                form.add_error(None, str(fout))
            else:
                messages.success(request, f"Maatregel {opgeslagen.code} is opgeslagen.")
                return redirect("dpia:maatregelen", uuid=dpia.uuid)
        messages.error(request, "Niet opgeslagen: verbeter de velden die hieronder zijn gemarkeerd.")
    else:
        velden = services.OPVOLG_VELDEN if opvolgen else services.MAATREGEL_VELDEN
        initieel = {veld: getattr(maatregel, veld) for veld in velden} if maatregel else {}
        form = Formulier(initial=initieel, **extra)
    context = {
        "dpia": dpia,
        "form": form,
        "maatregel": maatregel,
        "maatregelen": list(dpia.maatregelen.select_related("eigenaar", "risico")),
        "mag_invullen": mag_invullen,
        "mag_opvolgen": mag_opvolgen,
        "opvolgen": opvolgen,
        "vandaag": timezone.localdate(),
    }
    return render(request, "dpia/maatregelen.html", context)


# action -> (form class, prefix, service, success message)
ACTIES = {
    "advies-vragen": (None, "", services.advies_vragen, "De DPIA is ter advies voorgelegd aan de FG."),
    "beveiligingsadvies": (
        BeveiligingsadviesForm,
        "ciso",
        services.beveiligingsadvies_geven,
        "Het beveiligingsadvies is vastgelegd.",
    ),
    "fg-advies": (FgAdviesForm, "fg", services.fg_advies_geven, "Het advies van de FG is vastgelegd."),
    "terug": (RedenForm, "terug", services.terugzetten, "De DPIA staat weer open om in te vullen."),
    "accepteren": (AccepterenForm, "acc", services.accepteren, "Het restrisico is geaccepteerd; de DPIA is afgerond."),
    "raadpleging": (
        RaadplegingForm,
        "rp",
        services.raadpleging_indienen,
        "De voorafgaande raadpleging van de AP is vastgelegd.",
    ),
    "raadpleging-bijwerken": (
        RaadplegingBijwerkenForm,
        "rpb",
        services.raadpleging_bijwerken,
        "De raadpleging is bijgewerkt.",
    ),
    "hercontrole": (HercontroleForm, "hc", services.hercontrole_vastleggen, "De hercontrole is vastgelegd."),
    "heropenen": (RedenForm, "heropen", services.heropenen, "Een nieuwe versie van de DPIA is gestart."),
}


@login_required
@require_POST
def actie(request, uuid, actie):
    dpia = _dpia(request, uuid, audit_lezen=False)
    if actie not in ACTIES:
        raise Http404
    Formulier, prefix, functie, gelukt = ACTIES[actie]
    try:
        kwargs = {}
        if Formulier is not None:
            form = Formulier(request.POST, prefix=prefix)
            if not form.is_valid():
                raise ValidationError({veld: fouten for veld, fouten in form.errors.items()})
            kwargs = dict(form.cleaned_data)
        functie(dpia=dpia, door=request.user, **kwargs)
    except (ValidationError, OvergangNietToegestaan) as fout:
        _meld_fouten(request, fout)
    else:
        messages.success(request, gelukt)
    return redirect("dpia:detail", uuid=dpia.uuid)


@login_required
def delegeren(request, uuid):
    dpia = _dpia(request, uuid, audit_lezen=False)
    if request.method != "POST":
        return redirect("dpia:detail", uuid=dpia.uuid)
    if "intrekken" in request.POST:
        medewerker = get_object_or_404(get_user_model(), pk=request.POST.get("intrekken"))
        try:
            services.delegatie_intrekken(dpia=dpia, door=request.user, medewerker=medewerker)
        except ValidationError as fout:
            _meld_fouten(request, fout)
        else:
            messages.success(request, "De delegatie is ingetrokken.")
        return redirect("dpia:detail", uuid=dpia.uuid)
    form = DelegerenForm(request.POST, prefix="del", dpia=dpia)
    try:
        if not form.is_valid():
            raise ValidationError({veld: fouten for veld, fouten in form.errors.items()})
        services.delegeren(
            dpia=dpia, door=request.user, medewerker=form.cleaned_data["medewerker"], delen=form.cleaned_data["delen"]
        )
    except (ValidationError, OvergangNietToegestaan) as fout:
        _meld_fouten(request, fout)
    else:
        messages.success(request, "De delegatie is vastgelegd.")
    return redirect("dpia:detail", uuid=dpia.uuid)


@login_required
def rapport(request, uuid):
    dpia = _dpia(request, uuid, audit_lezen=False)
    context = rapport_context(dpia, request.user)
    pdf, _html = render_pdf("reports/dpia/rapport.html", context)
    audit(actor=request.user, actie=AuditEvent.Actie.DOWNLOADEN, obj=dpia)
    return pdf_response(pdf, f"{context['kenmerk']}.pdf")


@login_required
def export(request, uuid):
    dpia = _dpia(request, uuid, audit_lezen=False)
    inhoud = json.dumps(exporteer(dpia, door=request.user), ensure_ascii=False, indent=2)
    audit(actor=request.user, actie=AuditEvent.Actie.EXPORTEREN, obj=dpia)
    antwoord = HttpResponse(inhoud, content_type="application/json; charset=utf-8")
    antwoord["Content-Disposition"] = content_disposition_header(as_attachment=True, filename=f"{dpia.kenmerk}.json")
    antwoord["Cache-Control"] = "no-store"
    return antwoord


LABELS_HISTORIE = {**services.LABELS}


@login_required
def historie(request, uuid):
    dpia = _dpia(request, uuid)
    regels = historie_regels(dpia, labels=LABELS_HISTORIE, verborgen=frozenset({"antwoorden", "versielog"}))
    return render(request, "dpia/historie.html", {"dpia": dpia, "regels": regels})


@login_required
def overzicht(request, slug):
    gemeente = get_object_or_404(gemeenten_voor(request.user, "dpia.view_dpia"), slug=slug)
    if not request.user.has_perm("dpia.view_dpia", gemeente):
        raise Http404
    vandaag = timezone.localdate()
    cijfers = selectors.overzicht_gemeente(gemeente, vandaag)
    zichtbaar = set(selectors.dpias_voor(request.user).filter(gemeente=gemeente).values_list("pk", flat=True))
    audit(actor=request.user, actie=AuditEvent.Actie.INZIEN, object_type="dpia.overzicht", object_id=str(gemeente.uuid))
    context = {"gemeente": gemeente, "cijfers": cijfers, "zichtbaar": zichtbaar, "vandaag": vandaag}
    return render(request, "dpia/overzicht.html", context)


@login_required
def vragenlijsten(request):
    if not request.user.has_perm("dpia.view_dpia"):
        raise PermissionDenied
    context = {"ingebouwd": INGEBOUWD, "geimporteerd": Vragenlijst.objects.order_by("urn", "-geimporteerd_op")}
    return render(request, "dpia/vragenlijsten.html", context)
