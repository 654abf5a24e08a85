"""The public register page for inwoners: approved versions and public fields only, in B1 Dutch."""

import json

from django.core.paginator import Paginator
from django.db.models import Q
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render

from privacy_portal.core import parameters
from privacy_portal.organisaties.models import Gemeente, Team

from . import exporteren, selectors
from .constants import Grondslag
from .openbaar import OPENBARE_KOLOMMEN, grondslagen_b1, openbaar_dict

PAGINA_GROOTTE = 25


def gemeenten(request):
    return render(request, "openbaar/gemeenten.html", {"gemeenten": Gemeente.objects.all()})


def _versies(request, gemeente):
    qs = selectors.openbare_versies(gemeente)
    zoek = parameters.tekst(request.GET, "zoek")
    if zoek:
        qs = qs.filter(
            Q(naam__icontains=zoek) | Q(doeleinden__icontains=zoek) | Q(categorieen_persoonsgegevens__icontains=zoek)
        )
    team = parameters.tekst(request.GET, "team")
    if team:
        qs = qs.filter(team__naam=team)
    grondslag = parameters.keuze(request.GET, "grondslag", Grondslag.values)
    if grondslag:
        qs = qs.filter(selectors.json_lijst_bevat("grondslagen", grondslag))
    bijzonder = parameters.keuze(request.GET, "bijzonder", ("ja",))
    if bijzonder:
        qs = qs.exclude(bijzondere_categorieen=[])
    return qs, {"zoek": zoek, "team": team, "grondslag": grondslag, "bijzonder": bijzonder}


def register(request, slug):
    gemeente = get_object_or_404(Gemeente, slug=slug)
    qs, filters = _versies(request, gemeente)
    pagina = Paginator(qs, PAGINA_GROOTTE).get_page(request.GET.get("pagina"))
    query = request.GET.copy()
    query.pop("pagina", None)
    context = {
        "gemeente": gemeente,
        "pagina": pagina,
        "filters": filters,
        "query": query.urlencode(),
        "teams": Team.objects.filter(gemeente=gemeente).values_list("naam", flat=True),
        "grondslagen": Grondslag.choices,
        "verantwoordelijken": gemeente.verantwoordelijken.all(),
    }
    return render(request, "openbaar/register.html", context)


def detail(request, slug, uuid):
    gemeente = get_object_or_404(Gemeente, slug=slug)
    versie = get_object_or_404(selectors.openbare_versies(gemeente), verwerking__uuid=uuid)
    context = {
        "gemeente": gemeente,
        "versie": versie,
        "grondslagen": grondslagen_b1(versie),
    }
    return render(request, "openbaar/detail.html", context)


def download(request, slug, formaat):
    gemeente = get_object_or_404(Gemeente, slug=slug)
    qs, _ = _versies(request, gemeente)
    if formaat == "json":
        data = {"gemeente": gemeente.naam, "verwerkingen": [openbaar_dict(v) for v in qs]}
        antwoord = HttpResponse(
            json.dumps(data, ensure_ascii=False, indent=2), content_type="application/json; charset=utf-8"
        )
        antwoord["Content-Disposition"] = f'attachment; filename="verwerkingen-{gemeente.slug}.json"'
        return antwoord
    if formaat == "csv":
        return exporteren.response(qs, "csv", bestandsnaam=f"verwerkingen-{gemeente.slug}", kolommen=OPENBARE_KOLOMMEN)
    raise Http404
