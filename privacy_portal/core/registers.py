"""The register contract: how a register plugs into the portal without the kernel importing it.

A register is its own app folder plus one declaration on its AppConfig::

    class DatalekkenConfig(AppConfig):
        name = "datalekken"
        register = Register(
            naam="Datalekken",
            volgorde=20,
            pad="datalekken/",
            urls="datalekken.urls",
            api=[Api("datalekken", "datalekken.api.DatalekViewSet", "datalek")],
            navigatie=[Navigatie("Datalekken", "datalekken:lijst", ("datalekken.add_datalek",))],
            demo="datalekken.demo.laad_demo",
            dashboard="datalekken.dashboard",
            scan="datalekken.scan",
        )

The URL configuration, the API router, the navigation in the base template, `seed_demo`, the
home page, the dashboard and the deadline scan read these declarations. Everything is named by
dotted path and imported when it is needed, so no module under `privacy_portal/` imports a
register, and registers reach each other only through the declarations here (`verwerking_panelen`,
`verwerking_filters`) — no two apps import each other.
"""

from dataclasses import dataclass, field
from functools import cache
from importlib import import_module

from django.apps import apps
from django.utils.module_loading import import_string


@dataclass(frozen=True)
class Navigatie:
    """A menu entry, shown to users who hold one of `rechten` somewhere (the page checks again)."""

    label: str
    url: str
    rechten: tuple = ()
    volgorde: int = 50


@dataclass(frozen=True)
class Api:
    """A route of the API: a viewset (router) or, with `los=True`, a plain view at `pad`."""

    pad: str
    view: str
    naam: str
    los: bool = False


@dataclass(frozen=True)
class Register:
    naam: str
    volgorde: int
    pad: str = ""
    urls: str = ""
    publieke_urls: tuple = ()  # (path prefix under /register/<slug>/ or "", module)
    api: tuple = ()
    navigatie: tuple = ()
    demo: str = ""  # function(gemeenten: dict slug -> Gemeente, gebruikers: dict) -> str (what it added)
    dashboard: str = ""  # module that registers @dashboard_bron sources
    scan: str = ""  # module that registers @scan_stap steps
    startpagina: str = ""  # function(request) -> HTML for the home page
    werklijst: str = ""  # function(user, nu) -> [core.werklijst.WerkItem]: what waits for this user
    verwerking_panelen: tuple = ()  # templates included on a verwerking's page (context: verwerking, request)
    verwerking_filters: dict = field(default_factory=dict)  # name -> function(verwerkingen_qs, vandaag) -> qs


@cache
def registers():
    """Every declared register, in their order (a register comes after those it builds on)."""
    gevonden = [(config, getattr(config, "register", None)) for config in apps.get_app_configs()]
    return tuple(sorted((r for _, r in gevonden if r is not None), key=lambda r: r.volgorde))


def laad_modules():
    """Import each register's dashboard and scan modules, so their sources and steps are registered."""
    for register in registers():
        for module in (register.dashboard, register.scan):
            if module:
                import_module(module)


def verwerking_filter(naam):
    """A filter on verwerkingen that another register offers (for example 'zonder_verwerkersovereenkomst')."""
    for register in registers():
        if naam in register.verwerking_filters:
            return import_string(register.verwerking_filters[naam])
    raise LookupError(f"Geen register biedt het verwerkingsfilter '{naam}'.")


def verwerking_panelen():
    return [template for register in registers() for template in register.verwerking_panelen]


def navigatie_voor(user):
    """The menu entries this user may open."""
    if not user.is_authenticated:
        return []
    items = [item for register in registers() for item in register.navigatie]
    return sorted(
        (item for item in items if not item.rechten or any(user.has_perm(recht) for recht in item.rechten)),
        key=lambda item: item.volgorde,
    )
