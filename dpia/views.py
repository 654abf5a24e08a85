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

from privacy_portal.core import parameters
from privacy_portal.core.audit import audit
from privacy_portal.core.dashboard import LijstFilter, gefilterd_op_peildatum, stand_op
from privacy_portal.core.historie import historie_samengevoegd
from privacy_portal.core.models import AuditEvent
from privacy_portal.core.paginas import actie_uitvoeren, formulier_opslaan, fouttekst, object_of_404, versie_uit
from privacy_portal.core.pdf import pdf_response, render_pdf
from privacy_portal.core.schrijven import versie_van
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
    ImportForm,
    MaatregelForm,
    OpvolgForm,
    PrescanForm,
    RaadplegingBijwerkenForm,
    RaadplegingForm,
    RedenForm,
    RisicoForm,
    StartForm,
    VragenForm,
)
from .formulier import Vragenformulier
from .models import Maatregel, Risico, Vragenlijst
from .rapport import overgenomen_weergave, rapport_context
from .regels import FEIT_LABELS, PRESCAN_ANTWOORDEN, andere_assessments, criteria_uit_feiten, feiten_uit_register
from .risicomatrix import risicomatrix_svg
from .uitwisseling import MAX_IMPORT_BYTES, OngeldigeUitvoer, exporteer, lees_uitvoer
from .vragenlijst import INGEBOUWD, definitie_van
from .workflow import OVERGANGEN, WORKFLOW

PAGINA_GROOTTE = 25


def _dpia(request, uuid, *, audit_lezen=True):
    """The DPIA if the user may see it (404 otherwise); reading it is audited."""
    dpia = object_of_404(request, selectors.dpias_voor(request.user), uuid=uuid)
    if audit_lezen:
        audit(actor=request.user, actie=AuditEvent.Actie.INZIEN, obj=dpia)
    return dpia


def _gegevens(form):
    """The form's values for a service, without the version the user saw."""
    return {veld: waarde for veld, waarde in form.cleaned_data.items() if veld != "versie"}


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
    verwerking = parameters.uuid(request.GET, "verwerking")
    if verwerking:
        initieel["verwerkingen"] = Verwerking.objects.filter(uuid=verwerking).values_list("pk", flat=True)
    form = StartForm(request.POST or None, user=request.user, initial=initieel)
    if request.method == "POST":
        dpia = formulier_opslaan(
            request,
            form,
            lambda: services.dpia_starten(
                door=request.user,
                verwerkingen=form.cleaned_data["verwerkingen"],
                titel=form.cleaned_data["titel"],
                vragenlijst=form.cleaned_data["vragenlijst"],
            ),
            gelukt="De pre-scan is gestart. Beantwoord de vragen hieronder.",
        )
        if dpia is not None:
            return redirect("dpia:prescan", uuid=dpia.uuid)
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


# action forms on the detail page: key in the context -> (form class, prefix)
ACTIE_FORMS = {
    "fg": (FgAdviesForm, "fg"),
    "ciso": (BeveiligingsadviesForm, "ciso"),
    "accepteren": (AccepterenForm, "acc"),
    "raadpleging": (RaadplegingForm, "rp"),
    "raadpleging_bijwerken": (RaadplegingBijwerkenForm, "rpb"),
    "terug": (RedenForm, "terug"),
    "hercontrole": (HercontroleForm, "hc"),
    "heropenen": (RedenForm, "heropen"),
    "delegeren": (DelegerenForm, "del"),
}


def _actie_form(sleutel, dpia, data=None, initial=None):
    Formulier, prefix = ACTIE_FORMS[sleutel]
    extra = {"dpia": dpia} if Formulier is DelegerenForm else {}
    return Formulier(data, prefix=prefix, initial=initial, **extra)


@login_required
def detail(request, uuid):
    return _detail(request, _dpia(request, uuid))


def _detail(request, dpia, ingevuld=None, status=200):
    """The detail page; `ingevuld`: action forms as the user filled them in (kept after an error)."""
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
        "importeren": user.has_perm("dpia.importeren_dpia", dpia),
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
        "mag": {actie: WORKFLOW.mag(actie, dpia.status) for actie in OVERGANGEN},
        "versie": versie_van(dpia),
        "criteria": [Criterium(c).label for c in dpia.prescan_criteria],
        "ap_lijst": [f"{n}. {AP_LIJST[n][0]}" for n in dpia.prescan_ap_lijst],
        "feiten": [
            (label, dpia.prescan_feiten.get(veld)) for veld, label in FEIT_LABELS.items() if veld in dpia.prescan_feiten
        ],
        "andere_assessments": andere_assessments(dpia.prescan_feiten or {}) if dpia.prescan_op else [],
        "delegaties": dpia.delegaties.select_related("gebruiker"),
        "forms": {
            **{sleutel: _actie_form(sleutel, dpia) for sleutel in ACTIE_FORMS},
            "ciso": _actie_form("ciso", dpia, initial={"advies": dpia.beveiligingsadvies}),
            "raadpleging": _actie_form("raadpleging", dpia, initial={"ingediend_op": vandaag}),
            **(ingevuld or {}),
        },
        "verlopen": [m for m in maatregelen if m.status in ("gepland", "in_uitvoering") and m.deadline < vandaag],
        "overgenomen": overgenomen_weergave(dpia),
    }
    return render(request, "dpia/detail.html", context, status=status)


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
            **{veld: dpia.prescan_feiten.get(veld) for veld in PRESCAN_ANTWOORDEN},
        }
        if dpia.uitvoeren is False and dpia.prescan_op:
            initieel["besluit"] = "niet_uitvoeren"
        form = PrescanForm(initial=initieel, vaste_criteria=vast, versie=versie_van(dpia))
        if not request.user.has_perm("dpia.change_dpia", dpia):
            raise PermissionDenied
        if not WORKFLOW.mag("prescan", dpia.status):
            messages.info(request, "De pre-scan kan in deze stap niet meer worden gewijzigd.")
            return redirect("dpia:detail", uuid=dpia.uuid)

    def vastleggen():
        try:
            return services.prescan_vastleggen(
                dpia=dpia,
                door=request.user,
                criteria=form.cleaned_data["criteria"],
                ap_lijst=form.cleaned_data["ap_lijst"],
                uitvoeren=form.uitvoeren(),
                motivering=form.cleaned_data["motivering"],
                **{veld: form.cleaned_data[veld] for veld in PRESCAN_ANTWOORDEN},
                versie=form.gelezen_versie(),
            )
        except ValidationError as fout:  # the service's "uitvoeren" is the form's "besluit"
            if not hasattr(fout, "error_dict"):
                raise
            raise ValidationError(
                {("besluit" if k == "uitvoeren" else k): v for k, v in fout.message_dict.items()}
            ) from fout

    if request.method == "POST":
        vastgelegd = formulier_opslaan(request, form, vastleggen)
        if vastgelegd is not None:
            messages.success(
                request, f"De pre-scan is vastgelegd: {vastgelegd.get_prescan_uitkomst_display().lower()}."
            )
            return redirect("dpia:detail", uuid=dpia.uuid)
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
    form = VragenForm(
        request.POST or None,
        definitie=definitie,
        antwoorden=dpia.antwoorden,
        deel=deel,
        versie=None if request.method == "POST" else versie_van(dpia),
    )
    if request.method == "POST":
        nu = timezone.now()
        opgeslagen = formulier_opslaan(
            request,
            form,
            lambda: services.antwoorden_opslaan(
                dpia=dpia,
                door=request.user,
                antwoorden=form.nieuwe_antwoorden(nu=nu, door_naam=services.naam(request.user)),
                deel=deel,
                nu=nu,
                versie=form.gelezen_versie(),
            ),
            gelukt=f"{Deel(deel).label} is opgeslagen.",
        )
        if opgeslagen is not None:
            if "verder" not in request.POST:
                return redirect("dpia:vragen", uuid=dpia.uuid, deel=deel)
            if deel == Deel.A:
                return redirect("dpia:vragen", uuid=dpia.uuid, deel=Deel.B)
            if deel == Deel.B:
                return redirect("dpia:risicos", uuid=dpia.uuid)
            return redirect("dpia:detail", uuid=dpia.uuid)
    context = {
        "dpia": dpia,
        "form": form,
        "deel": Deel(deel),
        "alleen_lezen": not WORKFLOW.mag("invullen", dpia.status),
        "vragenlijst_naam": dpia.vragenlijst.naam if dpia.vragenlijst_id else INGEBOUWD["name"],
    }
    return render(request, "dpia/vragen.html", context)


@login_required
def risicos(request, uuid, risico_uuid=None):
    dpia = _dpia(request, uuid, audit_lezen=request.method == "GET")
    risico = get_object_or_404(Risico, dpia=dpia, uuid=risico_uuid) if risico_uuid else None
    mag_invullen = selectors.mag_deel_invullen(request.user, dpia, Deel.C) and WORKFLOW.mag("invullen", dpia.status)
    if request.method == "POST":
        if not mag_invullen:
            raise PermissionDenied
        if risico is not None and "verwijderen" in request.POST:
            actie_uitvoeren(
                request,
                services.risico_verwijderen,
                gelukt=f"Risico {risico.code} is verwijderd.",
                dpia=dpia,
                door=request.user,
                risico=risico,
                versie=versie_uit(request),
            )
            return redirect("dpia:risicos", uuid=dpia.uuid)
        form = RisicoForm(request.POST)
        opgeslagen = formulier_opslaan(
            request,
            form,
            lambda: services.risico_opslaan(
                dpia=dpia, door=request.user, risico=risico, gegevens=_gegevens(form), versie=form.gelezen_versie()
            ),
        )
        if opgeslagen is not None:
            messages.success(
                request, f"Risico {opgeslagen.code} is opgeslagen ({opgeslagen.get_niveau_display().lower()})."
            )
            return redirect("dpia:risicos", uuid=dpia.uuid)
    else:
        initieel = {veld: getattr(risico, veld) for veld in services.RISICO_VELDEN} if risico else {}
        form = RisicoForm(initial=initieel, versie=versie_van(risico) if risico else None)
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
    mag_invullen = selectors.mag_deel_invullen(request.user, dpia, Deel.D) and WORKFLOW.mag("invullen", dpia.status)
    mag_opvolgen = (
        maatregel is not None
        and WORKFLOW.mag("maatregel", dpia.status)
        and (selectors.mag_deel_invullen(request.user, dpia, Deel.D) or maatregel.eigenaar_id == request.user.pk)
    )
    opvolgen = maatregel is not None and not mag_invullen
    Formulier = OpvolgForm if opvolgen else MaatregelForm
    extra = {} if opvolgen else {"dpia": dpia}
    if request.method == "POST":
        if not (mag_invullen or mag_opvolgen):
            raise PermissionDenied
        if maatregel is not None and "verwijderen" in request.POST and mag_invullen:
            actie_uitvoeren(
                request,
                services.maatregel_verwijderen,
                gelukt=f"Maatregel {maatregel.code} is verwijderd.",
                dpia=dpia,
                door=request.user,
                maatregel=maatregel,
                versie=versie_uit(request),
            )
            return redirect("dpia:maatregelen", uuid=dpia.uuid)
        form = Formulier(request.POST, **extra)
        opgeslagen = formulier_opslaan(
            request,
            form,
            lambda: services.maatregel_opslaan(
                dpia=dpia,
                door=request.user,
                maatregel=maatregel,
                gegevens=_gegevens(form),
                versie=form.gelezen_versie(),
            ),
        )
        if opgeslagen is not None:
            messages.success(request, f"Maatregel {opgeslagen.code} is opgeslagen.")
            return redirect("dpia:maatregelen", uuid=dpia.uuid)
    else:
        velden = services.OPVOLG_VELDEN if opvolgen else services.MAATREGEL_VELDEN
        initieel = {veld: getattr(maatregel, veld) for veld in velden} if maatregel else {}
        form = Formulier(initial=initieel, versie=versie_van(maatregel) if maatregel else None, **extra)
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


# action -> (key of its form on the detail page or None, service, success message)
ACTIES = {
    "advies-vragen": (None, services.advies_vragen, "De DPIA is ter advies voorgelegd aan de FG."),
    "beveiligingsadvies": ("ciso", services.beveiligingsadvies_geven, "Het beveiligingsadvies is vastgelegd."),
    "fg-advies": ("fg", services.fg_advies_geven, "Het advies van de FG is vastgelegd."),
    "terug": ("terug", services.terugzetten, "De DPIA staat weer open om in te vullen."),
    "accepteren": ("accepteren", services.accepteren, "Het restrisico is geaccepteerd; de DPIA is afgerond."),
    "raadpleging": (
        "raadpleging",
        services.raadpleging_indienen,
        "De voorafgaande raadpleging van de AP is vastgelegd.",
    ),
    "raadpleging-bijwerken": ("raadpleging_bijwerken", services.raadpleging_bijwerken, "De raadpleging is bijgewerkt."),
    "hercontrole": ("hercontrole", services.hercontrole_vastleggen, "De hercontrole is vastgelegd."),
    "heropenen": ("heropenen", services.heropenen, "Een nieuwe versie van de DPIA is gestart."),
}

# Services name some conditions that are no field of the action's form.
LABELS_ACTIES = {
    "fg_advies": "Advies van de FG",
    "raadpleging": "Raadpleging van de AP",
    "restrisico": "Restrisico",
    "ingediend_op": "Ingediend bij de AP op",
    "antwoord_op": "Antwoord van de AP ontvangen op",
}


def _actie_met_form(request, dpia, sleutel, functie, gelukt, **kwargs):
    """Run an action of the detail page with the version the user saw.

    On success: back to the page. When it fails, the page is shown again with the form as the user
    filled it in, each invalid field named (in the message and at the field); a stale version or
    forbidden transition is refused with a message and nothing is saved.
    """
    form = _actie_form(sleutel, dpia, data=request.POST) if sleutel else None
    if form is not None and not form.is_valid():
        fout = ValidationError(form.errors.as_data())
        messages.error(request, "Niet gelukt. " + fouttekst(fout, form=form, labels=LABELS_ACTIES))
        return _detail(request, dpia, {sleutel: form})

    def uitvoeren(**argumenten):
        try:
            return functie(**argumenten)
        except ValidationError as fout:
            if form is not None and hasattr(fout, "error_dict"):
                for veld, teksten in fout.message_dict.items():
                    if veld in form.fields:
                        form.add_error(veld, teksten)
            raise

    gelukt = actie_uitvoeren(
        request,
        uitvoeren,
        gelukt=gelukt,
        form=form,
        labels=LABELS_ACTIES,
        dpia=dpia,
        door=request.user,
        versie=versie_uit(request),
        **(_gegevens(form) if form is not None else {}),
        **kwargs,
    )
    if gelukt or form is None:
        return redirect("dpia:detail", uuid=dpia.uuid)
    dpia.refresh_from_db()
    return _detail(request, dpia, {sleutel: form})


@login_required
@require_POST
def actie(request, uuid, actie):
    dpia = _dpia(request, uuid, audit_lezen=False)
    if actie not in ACTIES:
        raise Http404
    sleutel, functie, gelukt = ACTIES[actie]
    return _actie_met_form(request, dpia, sleutel, functie, gelukt)


@login_required
def delegeren(request, uuid):
    dpia = _dpia(request, uuid, audit_lezen=False)
    if request.method != "POST":
        return redirect("dpia:detail", uuid=dpia.uuid)
    if "intrekken" in request.POST:
        medewerker = get_object_or_404(get_user_model(), pk=request.POST.get("intrekken"))
        actie_uitvoeren(
            request,
            services.delegatie_intrekken,
            gelukt="De delegatie is ingetrokken.",
            dpia=dpia,
            door=request.user,
            medewerker=medewerker,
            versie=versie_uit(request),
        )
        return redirect("dpia:detail", uuid=dpia.uuid)
    return _actie_met_form(request, dpia, "delegeren", services.delegeren, "De delegatie is vastgelegd.")


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


@login_required
def importeren(request, uuid):
    """The privacy officer fills a DPIA that is being filled in from an exported file (assessment-output v2)."""
    dpia = _dpia(request, uuid, audit_lezen=False)
    if not request.user.has_perm("dpia.importeren_dpia", dpia):
        raise PermissionDenied
    if request.method != "POST":
        form = ImportForm(versie=versie_van(dpia))
        return render(request, "dpia/importeren.html", {"dpia": dpia, "form": form, "mag": _mag_importeren(dpia)})
    form = ImportForm(request.POST, request.FILES)
    bestand = request.FILES.get("bestand")

    def inlezen():
        try:
            if bestand.size > MAX_IMPORT_BYTES:
                raise OngeldigeUitvoer([f"Het bestand is groter dan {MAX_IMPORT_BYTES // (1024 * 1024)} MB."])
            document = lees_uitvoer(bestand.read(MAX_IMPORT_BYTES + 1))
            return services.dpia_importeren(
                dpia=dpia, door=request.user, document=document, bestandsnaam=bestand.name, versie=form.gelezen_versie()
            )
        except (OngeldigeUitvoer, ValidationError) as fout:
            fouten = fout.fouten if isinstance(fout, OngeldigeUitvoer) else fout.message_dict.get("bestand")
            if not fouten:
                raise
            # the list above the form; the field only says where to look
            raise ValidationError(
                {"__all__": fouten, "bestand": "Dit bestand is niet geïmporteerd. Hierboven staat wat er mis is."}
            ) from fout

    resultaat = formulier_opslaan(request, form, inlezen)
    if resultaat is None:
        return render(request, "dpia/importeren.html", {"dpia": dpia, "form": form, "mag": _mag_importeren(dpia)})
    dpia, meldingen = resultaat
    messages.success(
        request,
        f"{bestand.name} is geïmporteerd: {dpia.risicos.count()} risico's en {dpia.maatregelen.count()} maatregelen. "
        "Het advies en de vaststelling uit het bestand staan onder 'Overgenomen uit een bestand'; deze gemeente "
        "vraagt zelf advies aan de FG en stelt de DPIA zelf vast.",
    )
    for melding in meldingen:
        messages.warning(request, melding)
    return redirect("dpia:detail", uuid=dpia.uuid)


def _mag_importeren(dpia):
    """Why the import cannot be done now ('' when it can): shown before the user picks a file."""
    if not WORKFLOW.mag("invullen", dpia.status):
        return "Importeren kan alleen bij een DPIA die wordt ingevuld (na de pre-scan)."
    if dpia.risicos.exists() or dpia.maatregelen.exists():
        return "Deze DPIA heeft al risico's of maatregelen. Importeer in een nieuwe DPIA."
    return ""


@login_required
def historie(request, uuid):
    """The DPIA's history with that of its risks and measures (parts of the DPIA)."""
    dpia = _dpia(request, uuid)
    regels = historie_samengevoegd(dpia, *dpia.risicos.all(), *dpia.maatregelen.all())
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
