"""Staff pages of the betrokkenenverzoeken. Reads via selectors, writes via services.

- the list (open requests by deadline, with the time left; numbers for roles that see only those),
- intake, detail (identity, tasks, extension, art. 19, decision), correcting, history,
- the letters as PDF (extension, decision),
- the task list and task page for teammanagers: only the tasks of their team and the minimum of
  the request (no personal data of the requester).

Out of scope: a request outside the user's reach is a 404; visible but no right to the action, 403.
Viewing a request (personal data), its history or a letter is audited.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from privacy_portal.core.audit import audit
from privacy_portal.core.dashboard import LijstFilter, gefilterd_op_peildatum
from privacy_portal.core.historie import historie_regels
from privacy_portal.core.models import AuditEvent
from privacy_portal.core.pdf import pdf_response
from privacy_portal.organisaties.selectors import gemeenten_voor

from . import selectors, services
from .constants import (
    OPEN_STATUSSEN,
    SOORTEN_ART_19,
    UITKOMSTEN_MET_BESLUIT,
    Grond,
    IdentiteitWijze,
    Kanaal,
    Soort,
    Status,
    TaakStatus,
    Uitkomst,
)
from .deadlines import mag_verlengen
from .forms import (
    AfhandelForm,
    FilterForm,
    GeenOntvangersForm,
    IdentiteitForm,
    KennisgevingForm,
    TaakAfrondenForm,
    TakenForm,
    VerlengForm,
    VerzoekForm,
)
from .models import Taak
from .reports import brief_pdf
from .workflow import OvergangNietToegestaan


def _naam(user):
    return user.get_full_name() or user.get_username()


def _verzoek(request, uuid, *, actie=AuditEvent.Actie.INZIEN):
    """The request if the user may see it with its personal data (404 otherwise); the read is audited."""
    verzoek = get_object_or_404(selectors.verzoeken_voor(request.user), uuid=uuid)
    audit(actor=request.user, actie=actie, obj=verzoek)
    return verzoek


def _fouten_naar_form(form, fout):
    for veld, fouten in fout.message_dict.items():
        form.add_error(veld if veld in form.fields else None, fouten)


def _actie_fout(request, fout):
    if isinstance(fout, ValidationError):
        for fouten in fout.message_dict.values():
            for tekst in fouten:
                messages.error(request, tekst)
    else:
        messages.error(request, str(fout))


def _gemeenten_met(user, perm):
    return [g for g in gemeenten_voor(user) if user.has_perm(perm, g)]


# --- list and intake -----------------------------------------------------------------------------


@login_required
def lijst(request):
    user = request.user
    vandaag = timezone.localdate()
    form = FilterForm(request.GET or None)
    qs = selectors.verzoeken_voor(user)
    dashboard = LijstFilter.uit_query(request.GET)
    filters = {}
    if form.is_valid():
        filters = {
            veld: form.cleaned_data[veld] for veld in ("zoek", "status", "soort", "termijn", "gebeurtenis", "gemeente")
        }
    qs = gefilterd_op_peildatum(
        qs,
        dashboard.peildatum,
        lambda rijen: selectors.filter_verzoeken(
            rijen, periode=dashboard.periode, vandaag=dashboard.peildatum or vandaag, **filters
        ),
    )
    pagina = Paginator(selectors.op_termijn(qs), 25).get_page(request.GET.get("pagina"))
    soorten = dict(Soort.choices)
    for verzoek in pagina:
        verzoek.soort_tekst = ", ".join(soorten.get(c, c).split(" (")[0] for c in verzoek.soorten)
    query = request.GET.copy()
    query.pop("pagina", None)
    cijfer_gemeenten = gemeenten_voor(user, "rechten.statistiek_verzoek")
    context = {
        "form": form,
        "dashboard": dashboard,
        "pagina": pagina,
        "query": query.urlencode(),
        "vandaag": vandaag,
        "mag_inzien": user.is_superuser or user.has_perm("rechten.view_verzoek"),
        "kan_registreren": bool(_gemeenten_met(user, "rechten.add_verzoek")),
        "heeft_taken": user.has_perm("rechten.taak_uitvoeren_verzoek") or user.has_perm("rechten.view_verzoek"),
        "cijfers": selectors.cijfers(cijfer_gemeenten, vandaag=vandaag) if cijfer_gemeenten.exists() else [],
    }
    return render(request, "rechten/lijst.html", context)


@login_required
def registreren(request):
    gemeenten = _gemeenten_met(request.user, "rechten.add_verzoek")
    if not gemeenten:
        raise PermissionDenied
    slug = request.POST.get("gemeente") or request.GET.get("gemeente")
    gemeente = next((g for g in gemeenten if g.slug == slug), None) if slug else gemeenten[0]
    if gemeente is None:
        raise Http404
    form = VerzoekForm(
        request.POST or None, gemeente=gemeente, initial={"ontvangen_op": timezone.localdate(), "kanaal": Kanaal.BRIEF}
    )
    if request.method == "POST" and form.is_valid():
        try:
            verzoek = services.verzoek_registreren(
                door=request.user, gemeente=gemeente, gegevens=dict(form.cleaned_data)
            )
        except ValidationError as fout:
            _fouten_naar_form(form, fout)
        else:
            messages.success(
                request,
                f"Het verzoek is geregistreerd als {verzoek.kenmerk}. De deadline is {verzoek.deadline:%d-%m-%Y}.",
            )
            return redirect("rechten:detail", uuid=verzoek.uuid)
    if request.method == "POST":
        messages.error(request, "Niet opgeslagen: verbeter de velden die hieronder zijn gemarkeerd.")
    return render(request, "rechten/registreren.html", {"form": form, "gemeente": gemeente, "gemeenten": gemeenten})


# --- one request ---------------------------------------------------------------------------------


def _verleng_status(verzoek, vandaag):
    """(may the deadline still be extended?, why not)."""
    if verzoek.verlengd_op:
        return False, f"De termijn is op {verzoek.verlengd_op:%d-%m-%Y} verlengd; dat kan maar één keer."
    if not verzoek.is_open:
        return False, "Het verzoek is afgehandeld."
    if not mag_verlengen(verzoek.deadline, vandaag):
        return False, (
            f"Verlengen kan alleen vóór de deadline van {verzoek.deadline:%d-%m-%Y}. Die is vandaag of al verstreken."
        )
    return True, ""


@login_required
def detail(request, uuid):
    verzoek = _verzoek(request, uuid)
    user = request.user
    vandaag = timezone.localdate()
    taken = list(verzoek.taken.select_related("team", "toegewezen_door", "afgerond_door"))
    met_taak = {t.team_id for t in taken if t.status != TaakStatus.VERVALLEN}
    kan_verlengen, verleng_reden = _verleng_status(verzoek, vandaag)
    kan_wijzigen = user.has_perm("rechten.change_verzoek", verzoek)
    taken_form = TakenForm(
        gemeente=verzoek.gemeente, initial={"teams": [t for t in verzoek.teams.all() if t.pk not in met_taak]}
    )
    context = {
        "verzoek": verzoek,
        "kenmerk": verzoek.kenmerk,
        "vandaag": vandaag,
        "taken": taken,
        "open_taken": [t for t in taken if t.status == TaakStatus.OPEN],
        "teams": list(verzoek.teams.all()),
        "verwerkingen": list(verzoek.verwerkingen.all()),
        "kennisgevingen": list(verzoek.kennisgevingen.select_related("vastgelegd_door")),
        "art_19": bool(SOORTEN_ART_19 & set(verzoek.soorten)),
        "kan_wijzigen": kan_wijzigen and verzoek.is_open,
        "kan_kennisgeven": kan_wijzigen and verzoek.status in (*OPEN_STATUSSEN, Status.AFGEHANDELD),
        "kan_verlengen": kan_verlengen and user.has_perm("rechten.verlengen_verzoek", verzoek),
        "mag_verlengen": user.has_perm("rechten.verlengen_verzoek", verzoek),
        "verleng_reden": verleng_reden,
        "kan_afhandelen": verzoek.is_open and user.has_perm("rechten.afhandelen_verzoek", verzoek),
        "afhandel_bezwaren": services.afhandel_bezwaren(verzoek, Uitkomst.TOEGEWEZEN).values(),
        "heeft_besluitbrief": verzoek.uitkomst in UITKOMSTEN_MET_BESLUIT,
        "identiteit_form": IdentiteitForm(
            initial={veld: getattr(verzoek, veld) for veld in services.IDENTITEIT_VELDEN}
        ),
        "taken_form": taken_form,
        "verleng_form": VerlengForm(),
        "kennisgeving_form": KennisgevingForm(initial={"geinformeerd_op": vandaag}),
        "geen_ontvangers_form": GeenOntvangersForm(initial={"ontvangers_toelichting": verzoek.ontvangers_toelichting}),
        "afhandel_form": AfhandelForm(),
    }
    return render(request, "rechten/detail.html", context)


@login_required
def wijzigen(request, uuid):
    verzoek = _verzoek(request, uuid)
    if not request.user.has_perm("rechten.change_verzoek", verzoek):
        raise PermissionDenied
    if not verzoek.is_open:
        messages.error(request, "Een afgehandeld verzoek kan niet meer worden gewijzigd.")
        return redirect("rechten:detail", uuid=uuid)
    velden = [v for v in services.GEGEVENS_VELDEN if v not in ("teams", "verwerkingen")]
    initial = {veld: getattr(verzoek, veld) for veld in velden}
    initial["teams"] = verzoek.teams.all()
    initial["verwerkingen"] = verzoek.verwerkingen.all()
    form = VerzoekForm(request.POST or None, initial=initial, gemeente=verzoek.gemeente)
    if verzoek.verlengd_op:
        form.fields["ontvangen_op"].disabled = True
        form.fields["ontvangen_op"].help_text = "De termijn is verlengd: de datum van ontvangst ligt vast."
    if request.method == "POST" and form.is_valid():
        gegevens = dict(form.cleaned_data)
        if not gegevens.get("verwerkingsverantwoordelijke"):
            gegevens["verwerkingsverantwoordelijke"] = verzoek.verwerkingsverantwoordelijke
        try:
            services.verzoek_wijzigen(verzoek=verzoek, door=request.user, gegevens=gegevens)
        except ValidationError as fout:
            _fouten_naar_form(form, fout)
        except OvergangNietToegestaan as fout:
            form.add_error(None, str(fout))
        else:
            messages.success(request, "De gegevens van het verzoek zijn opgeslagen.")
            return redirect("rechten:detail", uuid=uuid)
    if request.method == "POST":
        messages.error(request, "Niet opgeslagen: verbeter de velden die hieronder zijn gemarkeerd.")
    return render(request, "rechten/wijzigen.html", {"form": form, "verzoek": verzoek})


def _form_of_fout(form):
    if not form.is_valid():
        raise ValidationError({veld: fouten for veld, fouten in form.errors.items()})
    return form.cleaned_data


@login_required
@require_POST
def actie(request, uuid, actie):
    verzoek = _verzoek(request, uuid)
    user = request.user
    try:
        if actie == "identiteit":
            gegevens = _form_of_fout(IdentiteitForm(request.POST))
            services.identiteit_vastleggen(verzoek=verzoek, door=user, gegevens=gegevens)
            messages.success(request, "De gegevens over de identiteit zijn vastgelegd.")
        elif actie == "taken":
            gegevens = _form_of_fout(TakenForm(request.POST, gemeente=verzoek.gemeente))
            taken = services.taken_toewijzen(verzoek=verzoek, door=user, **gegevens)
            messages.success(request, f"Taak toegewezen aan: {', '.join(t.team.naam for t in taken)}.")
        elif actie == "taak-intrekken":
            taak = get_object_or_404(Taak, verzoek=verzoek, uuid=request.POST.get("taak") or None)
            services.taak_intrekken(taak=taak, door=user, reden=request.POST.get("reden", ""))
            messages.success(request, f"De taak van {taak.team.naam} is ingetrokken.")
        elif actie == "verlengen":
            gegevens = _form_of_fout(VerlengForm(request.POST))
            verzoek = services.verzoek_verlengen(verzoek=verzoek, door=user, reden=gegevens["verlenging_reden"])
            messages.success(
                request,
                f"De termijn is verlengd tot {verzoek.verlengd_tot:%d-%m-%Y}. Stuur de verzoeker nu de "
                "verlengingsbrief.",
            )
        elif actie == "kennisgeving":
            gegevens = _form_of_fout(KennisgevingForm(request.POST))
            services.kennisgeving_vastleggen(
                verzoek=verzoek,
                door=user,
                ontvanger=gegevens["ontvanger"],
                geinformeerd_op=gegevens["geinformeerd_op"],
                toelichting=gegevens["kennisgeving_toelichting"],
            )
            messages.success(request, "De kennisgeving aan de ontvanger is vastgelegd.")
        elif actie == "geen-ontvangers":
            gegevens = _form_of_fout(GeenOntvangersForm(request.POST))
            services.geen_ontvangers_vastleggen(
                verzoek=verzoek, door=user, toelichting=gegevens["ontvangers_toelichting"]
            )
            messages.success(request, "Vastgelegd waarom er geen ontvangers zijn geïnformeerd.")
        elif actie == "afhandelen":
            gegevens = _form_of_fout(AfhandelForm(request.POST))
            verzoek = services.verzoek_afhandelen(
                verzoek=verzoek,
                door=user,
                uitkomst=gegevens["uitkomst"],
                grond=gegevens["grond"],
                toelichting=gegevens["besluit_toelichting"],
            )
            tekst = f"Het verzoek is afgehandeld: {verzoek.get_uitkomst_display().lower()}."
            if verzoek.uitkomst in UITKOMSTEN_MET_BESLUIT:
                tekst += " Stuur de verzoeker nu de besluitbrief."
            messages.success(request, tekst)
        else:
            raise Http404
    except (ValidationError, OvergangNietToegestaan) as fout:
        _actie_fout(request, fout)
    return redirect("rechten:detail", uuid=uuid)


KEUZES = {
    "status": dict(Status.choices),
    "kanaal": dict(Kanaal.choices),
    "uitkomst": dict(Uitkomst.choices),
    "grond": dict(Grond.choices),
    "identiteit_wijze": dict(IdentiteitWijze.choices),
}
TAAK_LABELS = {f.name: str(f.verbose_name) for f in Taak._meta.fields}


def _historie_tekst(veld, waarde):
    if waarde in (None, "", []):
        return "—"
    if isinstance(waarde, bool):
        return "ja" if waarde else "nee"
    if veld in KEUZES:
        return KEUZES[veld].get(waarde, waarde)
    if veld == "status":
        return dict(TaakStatus.choices).get(waarde, waarde)
    if veld == "soorten" and isinstance(waarde, list):
        labels = dict(Soort.choices)
        return ", ".join(labels.get(c, c) for c in waarde)
    if hasattr(waarde, "strftime"):
        return f"{waarde:%d-%m-%Y}" if not hasattr(waarde, "hour") else f"{timezone.localtime(waarde):%d-%m-%Y %H:%M}"
    return str(waarde)


def _taak_tekst(veld, waarde):
    if veld == "status":
        return dict(TaakStatus.choices).get(waarde, waarde)
    return _historie_tekst(veld, waarde)


@login_required
def historie(request, uuid):
    """The history of the request, its tasks and its art. 19 records, newest first."""
    verzoek = _verzoek(request, uuid)
    verborgen = frozenset({"gemeente", "verzoek"})
    regels = historie_regels(verzoek, labels=services.LABELS, tekst=_historie_tekst)
    for taak in verzoek.taken.select_related("team"):
        for regel in historie_regels(taak, labels=TAAK_LABELS, verborgen=verborgen, tekst=_taak_tekst):
            regel["reden"] = f"taak {taak.team.naam}: {regel['reden']}".rstrip(": ")
            regels.append(regel)
    for kennisgeving in verzoek.kennisgevingen.all():
        labels = {f.name: str(f.verbose_name) for f in kennisgeving._meta.fields}
        for regel in historie_regels(kennisgeving, labels=labels, verborgen=verborgen, tekst=_historie_tekst):
            regel["reden"] = f"kennisgeving aan {kennisgeving.ontvanger}: {regel['reden']}".rstrip(": ")
            regels.append(regel)
    regels.sort(key=lambda r: r["tijdstip"], reverse=True)
    return render(request, "rechten/historie.html", {"verzoek": verzoek, "kenmerk": verzoek.kenmerk, "regels": regels})


@login_required
def brief(request, uuid, soort):
    """The extension letter or the decision letter as PDF (shown inline, not cached, audited)."""
    verzoek = _verzoek(request, uuid, actie=AuditEvent.Actie.DOWNLOADEN)
    if soort == "verlenging" and not verzoek.verlengd_op:
        raise Http404
    if soort == "besluit" and verzoek.uitkomst not in UITKOMSTEN_MET_BESLUIT:
        raise Http404
    pdf, _html = brief_pdf(soort, verzoek, gegenereerd_door=_naam(request.user))
    naam = "verlengingsbrief" if soort == "verlenging" else "besluit"
    return pdf_response(pdf, f"{naam}-{verzoek.kenmerk}.pdf")


# --- tasks ---------------------------------------------------------------------------------------


@login_required
def taken(request):
    """Outstanding tasks: a teammanager sees those of their team, a privacy officer all of the gemeente."""
    user = request.user
    if not (
        user.is_superuser or user.has_perm("rechten.taak_uitvoeren_verzoek") or user.has_perm("rechten.view_verzoek")
    ):
        raise PermissionDenied
    alle = request.GET.get("toon") == "alle"
    qs = selectors.taken_voor(user).order_by("afgerond_op", "geldende_termijn", "pk")
    if not alle:
        qs = qs.filter(status=TaakStatus.OPEN)
    pagina = Paginator(qs, 25).get_page(request.GET.get("pagina"))
    context = {"pagina": pagina, "alle": alle, "vandaag": timezone.localdate(), "query": "toon=alle" if alle else ""}
    return render(request, "rechten/taken.html", context)


@login_required
def taak(request, uuid):
    """One task with the minimum of its request; its team's teammanager completes it here."""
    user = request.user
    taak = get_object_or_404(selectors.taken_voor(user), uuid=uuid)
    audit(actor=user, actie=AuditEvent.Actie.INZIEN, obj=taak)
    verzoek = taak.verzoek
    kan_afronden = taak.status == TaakStatus.OPEN and verzoek.is_open
    form = TaakAfrondenForm(request.POST or None)
    if request.method == "POST":
        if not user.has_perm("rechten.taak_uitvoeren_verzoek", taak):
            raise PermissionDenied
        if form.is_valid():
            try:
                services.taak_afronden(taak=taak, door=user, resultaat=form.cleaned_data["resultaat"])
            except ValidationError as fout:
                _fouten_naar_form(form, fout)
            except OvergangNietToegestaan as fout:
                messages.error(request, str(fout))
                return redirect("rechten:taak", uuid=uuid)
            else:
                messages.success(request, "De taak is afgerond. De privacy officer krijgt een bericht.")
                return redirect("rechten:taken")
        messages.error(request, "Niet opgeslagen: verbeter de velden die hieronder zijn gemarkeerd.")
    soorten = dict(Soort.choices)
    context = {
        "taak": taak,
        "kenmerk": verzoek.kenmerk,
        "soorten": [soorten.get(c, c) for c in verzoek.soorten],
        "termijn": verzoek.termijn,
        "vandaag": timezone.localdate(),
        "form": form,
        "kan_afronden": kan_afronden and user.has_perm("rechten.taak_uitvoeren_verzoek", taak),
        "mag_verzoek_zien": user.has_perm("rechten.view_verzoek", verzoek),
    }
    return render(request, "rechten/taak.html", context)
