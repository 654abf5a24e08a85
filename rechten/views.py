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
from django.db.models import Max
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from privacy_portal.core import parameters
from privacy_portal.core.audit import audit, audit_lezen, filter_uit_query
from privacy_portal.core.dashboard import LijstFilter, gefilterd_op_peildatum
from privacy_portal.core.historie import historie_samengevoegd
from privacy_portal.core.kalender_db import huidige_kalender
from privacy_portal.core.models import AuditEvent
from privacy_portal.core.paginas import actie_uitvoeren, formulier_opslaan, fouttekst, object_of_404, versie_uit
from privacy_portal.core.pdf import pdf_response
from privacy_portal.core.schrijven import versie_van
from privacy_portal.organisaties.selectors import gemeenten_voor

from . import inzage as inzage_info
from . import selectors, services
from .constants import SOORTEN_ART_19, UITKOMSTEN_MET_BESLUIT, Kanaal, Soort, Status, TaakStatus, Uitkomst
from .deadlines import deadlines, mag_verlengen
from .forms import (
    AfhandelForm,
    FilterForm,
    GeenOntvangersForm,
    IdentiteitForm,
    InzageForm,
    KennisgevingForm,
    OnbevestigdForm,
    OntvangstCorrigerenForm,
    RechtsmiddelAfrondenForm,
    RechtsmiddelForm,
    TaakAfrondenForm,
    TakenForm,
    VerlengForm,
    VerzoekForm,
    VerzoekWijzigenForm,
    VerzondenForm,
)
from .models import InzageOnderdeel, Taak
from .reports import brief_pdf
from .workflow import WORKFLOW


def _naam(user):
    return user.get_full_name() or user.get_username()


def _verzoek(request, uuid, *, actie=AuditEvent.Actie.INZIEN):
    """The request if the user may see it with its personal data (404 otherwise); the read is audited."""
    verzoek = object_of_404(request, selectors.verzoeken_voor(request.user), uuid=uuid)
    audit(actor=request.user, actie=actie, obj=verzoek)
    return verzoek


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
    audit_lezen(
        actor=user,
        objecten=pagina,
        object_type="rechten.Verzoek",
        details={"lijst": "verzoeken", "filter": filter_uit_query(request.GET), "pagina": pagina.number},
    )
    query = request.GET.copy()
    query.pop("pagina", None)
    cijfer_gemeenten = gemeenten_voor(user, "rechten.statistiek_verzoek")
    context = {
        "form": form,
        "dashboard": dashboard,
        "pagina": pagina,
        "query": query.urlencode(),
        "vandaag": vandaag,
        "mag_inzien": user.has_perm("rechten.view_verzoek"),
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
    slug = request.POST.get("gemeente") or parameters.tekst(request.GET, "gemeente")
    gemeente = next((g for g in gemeenten if g.slug == slug), None) if slug else gemeenten[0]
    if gemeente is None:
        raise Http404
    form = VerzoekForm(
        request.POST or None,
        gemeente=gemeente,
        user=request.user,
        initial={"ontvangen_op": timezone.localdate(), "kanaal": Kanaal.BRIEF},
    )
    if request.method == "POST":
        verzoek = formulier_opslaan(
            request,
            form,
            lambda: services.verzoek_registreren(
                door=request.user, gemeente=gemeente, gegevens=dict(form.cleaned_data)
            ),
        )
        if verzoek is not None:
            messages.success(
                request,
                f"Het verzoek is geregistreerd als {verzoek.kenmerk}. De deadline is {verzoek.deadline:%d-%m-%Y}.",
            )
            return redirect("rechten:detail", uuid=verzoek.uuid)
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
            f"Verlengen kan tot en met de laatste dag van de eerste maand, {verzoek.deadline:%d-%m-%Y}. "
            "Die is verstreken."
        )
    return True, ""


def _taak_versies(taken):
    """The version of each task (the id of its newest history row), in one query."""
    rijen = (
        Taak.history.model.objects.filter(id__in=[t.pk for t in taken]).values("id").annotate(versie=Max("history_id"))
    )
    versies = {rij["id"]: rij["versie"] for rij in rijen}
    for taak in taken:
        taak.versie = versies.get(taak.pk, 0)


def _detail(request, verzoek, *, formulieren=None, open_actie="", intrekken=None, status=200):
    """The detail page; after a failed action `formulieren` holds the bound form with what was typed."""
    user = request.user
    vandaag = timezone.localdate()
    taken = list(verzoek.taken.select_related("team", "toegewezen_door", "afgerond_door"))
    _taak_versies(taken)
    met_taak = {t.team_id for t in taken if t.status != TaakStatus.VERVALLEN}
    kan_verlengen, verleng_reden = _verleng_status(verzoek, vandaag)
    kan_wijzigen = user.has_perm("rechten.change_verzoek", verzoek)
    context = {
        "verzoek": verzoek,
        "kenmerk": verzoek.kenmerk,
        "versie": versie_van(verzoek),
        "vandaag": vandaag,
        "taken": taken,
        "open_taken": [t for t in taken if t.status == TaakStatus.OPEN],
        "teams": list(verzoek.teams.all()),
        "verwerkingen": list(verzoek.verwerkingen.all()),
        "kennisgevingen": list(verzoek.kennisgevingen.select_related("vastgelegd_door")),
        "art_19": bool(SOORTEN_ART_19 & set(verzoek.soorten)),
        "kan_wijzigen": kan_wijzigen and WORKFLOW.mag("wijzigen", verzoek.status),
        "kan_kennisgeven": kan_wijzigen and WORKFLOW.mag("kennisgeving", verzoek.status),
        "kan_corrigeren": WORKFLOW.mag("wijzigen", verzoek.status)
        and verzoek.ontvangen_op is not None
        and not verzoek.verlengd_op
        and user.has_perm("rechten.ontvangst_corrigeren_verzoek", verzoek),
        "kan_onbevestigd_beslissen": verzoek.status == Status.ONBEVESTIGD
        and user.has_perm("rechten.ontvangst_corrigeren_verzoek", verzoek),
        "onbevestigd_form": OnbevestigdForm(),
        "corrigeer_form": OntvangstCorrigerenForm(initial={"ontvangen_op": verzoek.ontvangen_op}),
        "kan_verlengen": kan_verlengen and user.has_perm("rechten.verlengen_verzoek", verzoek),
        "mag_verlengen": user.has_perm("rechten.verlengen_verzoek", verzoek),
        "verleng_reden": verleng_reden,
        "kan_afhandelen": WORKFLOW.mag("afhandelen", verzoek.status)
        and user.has_perm("rechten.afhandelen_verzoek", verzoek),
        "afhandel_bezwaren": services.afhandel_bezwaren(verzoek, Uitkomst.TOEGEWEZEN).values(),
        "heeft_besluitbrief": verzoek.uitkomst in UITKOMSTEN_MET_BESLUIT,
        "kan_verzenden": verzoek.uitkomst in UITKOMSTEN_MET_BESLUIT
        and not verzoek.verzonden_op
        and user.has_perm("rechten.afhandelen_verzoek", verzoek),
        "kan_rechtsmiddel": verzoek.uitkomst in UITKOMSTEN_MET_BESLUIT
        and not verzoek.geanonimiseerd_op
        and user.has_perm("rechten.afhandelen_verzoek", verzoek),
        "rechtsmiddel_form": RechtsmiddelForm(initial={"ingediend_op": vandaag}),
        "rechtsmiddel_afronden_form": RechtsmiddelAfrondenForm(initial={"afgerond_op": vandaag}),
        "verzonden_form": VerzondenForm(initial={"verzonden_op": vandaag}),
        "identiteit_form": IdentiteitForm(
            initial={veld: getattr(verzoek, veld) for veld in services.IDENTITEIT_VELDEN}
        ),
        "taken_form": TakenForm(
            gemeente=verzoek.gemeente, initial={"teams": [t for t in verzoek.teams.all() if t.pk not in met_taak]}
        ),
        "verleng_form": VerlengForm(),
        "kennisgeving_form": KennisgevingForm(initial={"geinformeerd_op": vandaag}),
        "geen_ontvangers_form": GeenOntvangersForm(initial={"ontvangers_toelichting": verzoek.ontvangers_toelichting}),
        "afhandel_form": AfhandelForm(),
        "inzage": inzage_info.weergave(verzoek) if inzage_info.geldt_voor(verzoek) else None,
        "open_actie": open_actie,
        "intrekken": intrekken or {},
    }
    context.update(formulieren or {})
    return render(request, "rechten/detail.html", context, status=status)


@login_required
def detail(request, uuid):
    return _detail(request, _verzoek(request, uuid))


@login_required
def wijzigen(request, uuid):
    verzoek = _verzoek(request, uuid)
    if not request.user.has_perm("rechten.change_verzoek", verzoek):
        raise PermissionDenied
    if not WORKFLOW.mag("wijzigen", verzoek.status):
        messages.error(request, "Een afgehandeld verzoek kan niet meer worden gewijzigd.")
        return redirect("rechten:detail", uuid=uuid)
    velden = [v for v in services.GEGEVENS_VELDEN if v not in ("teams", "verwerkingen")]
    initial = {veld: getattr(verzoek, veld) for veld in velden}
    initial["teams"] = verzoek.teams.all()
    initial["verwerkingen"] = verzoek.verwerkingen.all()
    form = VerzoekWijzigenForm(
        request.POST or None,
        initial=initial,
        gemeente=verzoek.gemeente,
        user=request.user,
        versie=versie_van(verzoek),
    )

    def opslaan():
        gegevens = {k: v for k, v in form.cleaned_data.items() if k != "versie"}
        if not gegevens.get("verwerkingsverantwoordelijke"):
            gegevens["verwerkingsverantwoordelijke"] = verzoek.verwerkingsverantwoordelijke
        return services.verzoek_wijzigen(
            verzoek=verzoek, door=request.user, gegevens=gegevens, versie=form.gelezen_versie()
        )

    def bewaard():
        """Edited art. 15 texts kept for verwerkingen no longer linked (services._inzage_koppelingen_bijwerken)."""
        rijen = InzageOnderdeel.objects.filter(inzage__verzoek=verzoek, gekoppeld=False, bewerkt=True)
        return set(rijen.values_list("naam", flat=True))

    al_bewaard = bewaard() if request.method == "POST" else set()
    if request.method == "POST" and formulier_opslaan(
        request, form, opslaan, gelukt="De gegevens van het verzoek zijn opgeslagen."
    ):
        namen = sorted(bewaard() - al_bewaard)
        if namen:
            messages.info(
                request,
                "Uw aangepaste tekst voor de besluitbrief bij " + ", ".join(namen) + " is bewaard. Die staat niet "
                "in de brief zolang de verwerking niet bij het verzoek hoort; koppelt u haar weer, dan komt hij terug.",
            )
        return redirect("rechten:detail", uuid=uuid)
    return render(request, "rechten/wijzigen.html", {"form": form, "verzoek": verzoek})


@login_required
def inzage(request, uuid):
    """The art. 15(1)-(3) information in the decision on an inzage request: prefilled from the
    approved versions of the linked verwerkingen, edited here, with a preview of the letter's text."""
    verzoek = _verzoek(request, uuid)
    if not inzage_info.geldt_voor(verzoek):
        raise Http404
    user = request.user
    opgeslagen = inzage_info.opgeslagen(verzoek)
    weergave = inzage_info.weergave(verzoek, inzage=opgeslagen)
    waarom_niet = services.inzage_bewerkbaar(verzoek)
    mag = user.has_perm("rechten.afhandelen_verzoek", verzoek)
    form = InzageForm(request.POST or None, weergave=weergave, versie=versie_van(opgeslagen))
    if request.method == "POST":
        if not mag:
            raise PermissionDenied
        opgeslagen_nu = formulier_opslaan(
            request,
            form,
            lambda: services.inzage_informatie_opslaan(
                verzoek=verzoek, door=user, gegevens=form.gegevens(), versie=form.gelezen_versie()
            ),
            gelukt="De inzage-informatie voor de besluitbrief is opgeslagen.",
        )
        if opgeslagen_nu is not None:
            return redirect("rechten:inzage", uuid=uuid)
    context = {
        "verzoek": verzoek,
        "kenmerk": verzoek.kenmerk,
        "inzage": weergave,
        "form": form,
        "kan_bewerken": mag and not waarom_niet,
        "waarom_niet": waarom_niet,
    }
    return render(request, "rechten/inzage.html", context)


def _label(form_klasse, veld):
    return str(form_klasse.base_fields[veld].label)


# Service errors on names that differ from the panel's fields, named as the user knows them.
ACTIE_LABELS = {
    "afhandelen": {
        "toelichting": _label(AfhandelForm, "besluit_toelichting"),
        "identiteit_wijze": "Identiteit",
        "taken": "Taken",
        "kennisgevingen": "Ontvangers informeren (art. 19)",
    },
    "verlengen": {"reden": _label(VerlengForm, "verlenging_reden"), "deadline": "Termijn"},
    "kennisgeving": {"toelichting": _label(KennisgevingForm, "kennisgeving_toelichting"), "soorten": "Rechten"},
    "geen-ontvangers": {"soorten": "Rechten"},
    "taak-intrekken": {"reden": "Waarom vervalt de taak?"},
    "onbevestigd": {"toelichting": _label(OnbevestigdForm, "onbevestigd_toelichting")},
    "ontvangst-corrigeren": {"reden": _label(OntvangstCorrigerenForm, "ontvangst_correctie_reden")},
}


def _paneel(request, actie, form, uitvoeren, gelukt):
    """Run an action panel: a valid form goes to its service (with the version the user saw).
    True when it succeeded; otherwise a message names each field by its label."""
    labels = ACTIE_LABELS.get(actie)
    if not form.is_valid():
        fout = ValidationError({veld: [str(e) for e in fouten] for veld, fouten in form.errors.items()})
        messages.error(request, "Niet gelukt. " + fouttekst(fout, form=form, labels=labels))
        return False
    return actie_uitvoeren(request, uitvoeren, gelukt=gelukt(form.cleaned_data), form=form, labels=labels)


@login_required
@require_POST
def actie(request, uuid, actie):
    """One action panel of the detail page. On success back to the page; on an error the page again,
    with what was typed still in the panel and a message naming each field."""
    verzoek = _verzoek(request, uuid)
    user = request.user
    versie = versie_uit(request)
    post = request.POST
    if actie == "identiteit":
        form = IdentiteitForm(post)
        gelukt = _paneel(
            request,
            actie,
            form,
            lambda: services.identiteit_vastleggen(
                verzoek=verzoek, door=user, gegevens=form.cleaned_data, versie=versie
            ),
            lambda _: "De gegevens over de identiteit zijn vastgelegd.",
        )
        naam = "identiteit_form"
    elif actie == "ontvangst-corrigeren":
        form = OntvangstCorrigerenForm(post)
        gelukt = _paneel(
            request,
            actie,
            form,
            lambda: services.ontvangst_corrigeren(
                verzoek=verzoek,
                door=user,
                ontvangen_op=form.cleaned_data["ontvangen_op"],
                reden=form.cleaned_data["ontvangst_correctie_reden"],
                versie=versie,
            ),
            lambda _: "De datum van ontvangst is gecorrigeerd. Kijk de deadline na.",
        )
        naam = "corrigeer_form"
    elif actie == "onbevestigd":
        form = OnbevestigdForm(post)

        def _beslis():
            service = (
                services.onbevestigd_aannemen
                if form.cleaned_data["besluit"] == "aannemen"
                else services.onbevestigd_laten_vervallen
            )
            return service(
                verzoek=verzoek, door=user, toelichting=form.cleaned_data["onbevestigd_toelichting"], versie=versie
            )

        gelukt = _paneel(
            request,
            actie,
            form,
            _beslis,
            lambda data: (
                "Het verzoek is aangenomen; de termijn loopt vanaf de dag van indienen."
                if data["besluit"] == "aannemen"
                else "Het webverzoek is vervallen; de reden is vastgelegd."
            ),
        )
        naam = "onbevestigd_form"
    elif actie == "rechtsmiddel":
        form = RechtsmiddelForm(post)
        gelukt = _paneel(
            request,
            actie,
            form,
            lambda: services.rechtsmiddel_vastleggen(verzoek=verzoek, door=user, **form.cleaned_data, versie=versie),
            lambda data: (
                f"Vastgelegd: {data['soort']} ingediend. Het verzoek wordt niet geanonimiseerd zolang het loopt."
            ),
        )
        naam = "rechtsmiddel_form"
    elif actie == "rechtsmiddel-afronden":
        form = RechtsmiddelAfrondenForm(post)
        gelukt = _paneel(
            request,
            actie,
            form,
            lambda: services.rechtsmiddel_afronden(
                verzoek=verzoek, door=user, afgerond_op=form.cleaned_data["afgerond_op"], versie=versie
            ),
            lambda _: "Vastgelegd: het bezwaar of beroep is afgerond.",
        )
        naam = "rechtsmiddel_afronden_form"
    elif actie == "verzonden":
        form = VerzondenForm(post)
        gelukt = _paneel(
            request,
            actie,
            form,
            lambda: services.besluitbrief_verzonden(
                verzoek=verzoek, door=user, verzonden_op=form.cleaned_data["verzonden_op"], versie=versie
            ),
            lambda data: f"Vastgelegd: de besluitbrief is verzonden op {data['verzonden_op']:%d-%m-%Y}.",
        )
        naam = "verzonden_form"
    elif actie == "taken":
        form = TakenForm(post, gemeente=verzoek.gemeente)
        gelukt = _paneel(
            request,
            actie,
            form,
            lambda: services.taken_toewijzen(verzoek=verzoek, door=user, **form.cleaned_data, versie=versie),
            lambda data: "Taak toegewezen aan: " + ", ".join(sorted({t.naam for t in data["teams"]})) + ".",
        )
        naam = "taken_form"
    elif actie == "taak-intrekken":
        taak = get_object_or_404(Taak, verzoek=verzoek, uuid=post.get("taak") or None)
        gelukt = actie_uitvoeren(
            request,
            services.taak_intrekken,
            gelukt=f"De taak van {taak.team.naam} is ingetrokken.",
            labels=ACTIE_LABELS[actie],
            taak=taak,
            door=user,
            reden=post.get("reden", ""),
            versie=versie,
        )
        if not gelukt:
            intrekken = {"taak": taak.uuid, "reden": post.get("reden", "")}
            return _detail(request, verzoek, open_actie=actie, intrekken=intrekken)
        return redirect("rechten:detail", uuid=uuid)
    elif actie == "verlengen":
        form = VerlengForm(post)
        _, verlengd_tot = deadlines(verzoek.ontvangen_op, huidige_kalender())
        gelukt = _paneel(
            request,
            actie,
            form,
            lambda: services.verzoek_verlengen(
                verzoek=verzoek, door=user, reden=form.cleaned_data["verlenging_reden"], versie=versie
            ),
            lambda _: f"De termijn is verlengd tot {verlengd_tot:%d-%m-%Y}. Stuur de verzoeker nu de verlengingsbrief.",
        )
        naam = "verleng_form"
    elif actie == "kennisgeving":
        form = KennisgevingForm(post)
        gelukt = _paneel(
            request,
            actie,
            form,
            lambda: services.kennisgeving_vastleggen(
                verzoek=verzoek,
                door=user,
                ontvanger=form.cleaned_data["ontvanger"],
                geinformeerd_op=form.cleaned_data["geinformeerd_op"],
                toelichting=form.cleaned_data["kennisgeving_toelichting"],
                versie=versie,
            ),
            lambda _: "De kennisgeving aan de ontvanger is vastgelegd.",
        )
        naam = "kennisgeving_form"
    elif actie == "geen-ontvangers":
        form = GeenOntvangersForm(post)
        gelukt = _paneel(
            request,
            actie,
            form,
            lambda: services.geen_ontvangers_vastleggen(
                verzoek=verzoek, door=user, toelichting=form.cleaned_data["ontvangers_toelichting"], versie=versie
            ),
            lambda _: "Vastgelegd waarom er geen ontvangers zijn geïnformeerd.",
        )
        naam = "geen_ontvangers_form"
    elif actie == "afhandelen":
        form = AfhandelForm(post)

        def _afgehandeld(data):
            tekst = f"Het verzoek is afgehandeld: {Uitkomst(data['uitkomst']).label.lower()}."
            if data["uitkomst"] in UITKOMSTEN_MET_BESLUIT:
                tekst += " Stuur de verzoeker nu de besluitbrief."
            return tekst

        gelukt = _paneel(
            request,
            actie,
            form,
            lambda: services.verzoek_afhandelen(
                verzoek=verzoek,
                door=user,
                uitkomst=form.cleaned_data["uitkomst"],
                grond=form.cleaned_data["grond"],
                toelichting=form.cleaned_data["besluit_toelichting"],
                versie=versie,
            ),
            _afgehandeld,
        )
        naam = "afhandel_form"
    else:
        raise Http404
    if gelukt:
        return redirect("rechten:detail", uuid=uuid)
    return _detail(request, verzoek, formulieren={naam: form}, open_actie=actie)


@login_required
def historie(request, uuid):
    """The history of the request, its tasks and its art. 19 records, newest first."""
    verzoek = _verzoek(request, uuid)
    regels = historie_samengevoegd(*verzoek.historie_delen())
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
    if not (user.has_perm("rechten.taak_uitvoeren_verzoek") or user.has_perm("rechten.view_verzoek")):
        raise PermissionDenied
    alle = parameters.keuze(request.GET, "toon", ("alle",)) == "alle"
    qs = selectors.taken_voor(user).order_by("afgerond_op", "geldende_termijn", "pk")
    if not alle:
        qs = qs.filter(status=TaakStatus.OPEN)
    pagina = Paginator(qs, 25).get_page(request.GET.get("pagina"))
    audit_lezen(
        actor=user,
        objecten=pagina,
        object_type="rechten.Taak",
        details={"lijst": "taken", "filter": filter_uit_query(request.GET), "pagina": pagina.number},
    )
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
    form = TaakAfrondenForm(request.POST or None, versie=versie_van(taak))
    if request.method == "POST":
        if not user.has_perm("rechten.taak_uitvoeren_verzoek", taak):
            raise PermissionDenied
        afgerond = formulier_opslaan(
            request,
            form,
            lambda: services.taak_afronden(
                taak=taak, door=user, resultaat=form.cleaned_data["resultaat"], versie=form.gelezen_versie()
            ),
            gelukt="De taak is afgerond. De privacy officer krijgt een bericht.",
        )
        if afgerond is not None:
            return redirect("rechten:taken")
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
