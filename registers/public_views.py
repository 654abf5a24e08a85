"""The public register page for inwoners: approved versions and public fields only, in B1 Dutch.

The page and the open data downloads are cached per gemeente until a verwerking is approved or
archived (`openbaar.OPENBAAR_CACHE`); a search is not cached. With the cache down they are made
each time. The downloads stream, so memory stays flat however large the register is.
"""

import json
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.db.models import Q
from django.http import Http404, HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from privacy_portal.core import parameters
from privacy_portal.core.spreadsheet import csv_stroom
from privacy_portal.organisaties.models import Gemeente, Team

from . import selectors
from .constants import Grondslag
from .openbaar import OPENBAAR_CACHE, OPENBARE_KOLOMMEN, grondslagen_b1, openbaar_dict

PAGINA_GROOTTE = 25
# A download is cached up to this size (characters); a larger one streams each time.
DOWNLOAD_CACHE_MAX = 20_000_000


def gemeenten(request):
    return render(request, "openbaar/gemeenten.html", {"gemeenten": Gemeente.objects.all()})


def _filters(request):
    return {
        "zoek": parameters.tekst(request.GET, "zoek"),
        "team": parameters.tekst(request.GET, "team"),
        "grondslag": parameters.keuze(request.GET, "grondslag", Grondslag.values),
        "bijzonder": parameters.keuze(request.GET, "bijzonder", ("ja",)),
    }


def _versies(gemeente, filters):
    qs = selectors.openbare_versies(gemeente)
    zoek = filters["zoek"]
    if zoek:
        qs = qs.filter(
            Q(naam__icontains=zoek) | Q(doeleinden__icontains=zoek) | Q(categorieen_persoonsgegevens__icontains=zoek)
        )
    if filters["team"]:
        qs = qs.filter(team__naam=filters["team"])
    if filters["grondslag"]:
        qs = qs.filter(selectors.json_lijst_bevat("grondslagen", filters["grondslag"]))
    if filters["bijzonder"]:
        qs = qs.exclude(bijzondere_categorieen=[])
    return qs


def _teamnamen(gemeente):
    return list(Team.objects.filter(gemeente=gemeente).order_by("naam").values_list("naam", flat=True))


def _cache_sleutel(gemeente, filters, teams, *kenmerken):
    """The cache key of this view of the register, or None when it is not cached: a search, or a team
    that does not exist (free text would fill the cache)."""
    if filters["zoek"] or (filters["team"] and filters["team"] not in teams):
        return None
    return OPENBAAR_CACHE.sleutel(gemeente.pk, filters["team"], filters["grondslag"], filters["bijzonder"], *kenmerken)


def register(request, slug):
    gemeente = get_object_or_404(Gemeente, slug=slug)
    filters = _filters(request)
    teams = None
    if filters["team"]:  # only a team that exists is cached
        teams = _teamnamen(gemeente)
    pagina_nummer = parameters.tekst(request.GET, "pagina")
    sleutel = None
    if pagina_nummer == "" or (pagina_nummer.isdigit() and len(pagina_nummer) <= 5):
        sleutel = _cache_sleutel(gemeente, filters, teams, "pagina", pagina_nummer)
    inhoud = OPENBAAR_CACHE.lees(sleutel)
    if inhoud is None:
        teams = teams if teams is not None else _teamnamen(gemeente)
        pagina = Paginator(_versies(gemeente, filters), PAGINA_GROOTTE).get_page(pagina_nummer)
        inhoud = render_to_string(
            "openbaar/_register.html",
            {
                "gemeente": gemeente,
                "pagina": pagina,
                "filters": filters,
                "query": urlencode({naam: waarde for naam, waarde in filters.items() if waarde}),
                "teams": teams,
                "grondslagen": Grondslag.choices,
                "verantwoordelijken": gemeente.verantwoordelijken.all(),
            },
        )
        OPENBAAR_CACHE.bewaar(sleutel, inhoud)
    # inhoud is our own template's output (autoescaped), from the render above or the cache
    return render(request, "openbaar/register.html", {"gemeente": gemeente, "inhoud": mark_safe(inhoud)})  # noqa: S308


def detail(request, slug, uuid):
    gemeente = get_object_or_404(Gemeente, slug=slug)
    versie = get_object_or_404(selectors.openbare_versie(gemeente, uuid))
    context = {
        "gemeente": gemeente,
        "versie": versie,
        "grondslagen": grondslagen_b1(versie),
    }
    return render(request, "openbaar/detail.html", context)


def _in_stukken(delen, per=100):
    stuk = []
    for deel in delen:
        stuk.append(deel)
        if len(stuk) >= per:
            yield "".join(stuk)
            stuk = []
    if stuk:
        yield "".join(stuk)


def _json_stroom(gemeente, qs):
    """The JSON download, compact, one verwerking at a time."""
    yield '{"gemeente":' + json.dumps(gemeente.naam, ensure_ascii=False) + ',"verwerkingen":['
    for i, versie in enumerate(qs.iterator(chunk_size=500)):
        yield ("," if i else "") + json.dumps(openbaar_dict(versie), ensure_ascii=False, separators=(",", ":"))
    yield "]}"


def _en_bewaren(stukken, sleutel):
    """Pass the pieces on; at the end keep the whole in the cache (when it is not too large)."""
    bewaard, lengte = [], 0
    for stuk in stukken:
        if bewaard is not None:
            lengte += len(stuk)
            if lengte <= DOWNLOAD_CACHE_MAX:
                bewaard.append(stuk)
            else:
                bewaard = None
        yield stuk
    if bewaard is not None:
        OPENBAAR_CACHE.bewaar(sleutel, "".join(bewaard))


SOORTEN = {"json": "application/json; charset=utf-8", "csv": "text/csv; charset=utf-8"}


def download(request, slug, formaat):
    if formaat not in SOORTEN:
        raise Http404
    gemeente = get_object_or_404(Gemeente, slug=slug)
    filters = _filters(request)
    teams = _teamnamen(gemeente) if filters["team"] else None
    sleutel = _cache_sleutel(gemeente, filters, teams, "download", formaat)
    inhoud = OPENBAAR_CACHE.lees(sleutel)
    if inhoud is not None:
        antwoord = HttpResponse(inhoud, content_type=SOORTEN[formaat])
    else:
        qs = _versies(gemeente, filters)
        if formaat == "json":
            stukken = _in_stukken(_json_stroom(gemeente, qs))
        else:
            stukken = csv_stroom(qs.iterator(chunk_size=500), OPENBARE_KOLOMMEN)
        antwoord = StreamingHttpResponse(
            _en_bewaren(stukken, sleutel) if sleutel else stukken, content_type=SOORTEN[formaat]
        )
    antwoord["Content-Disposition"] = f'attachment; filename="verwerkingen-{gemeente.slug}.{formaat}"'
    return antwoord
