"""The shape the register contract promises (docs/architectuur.md), checked on the source.

- No module under privacy_portal/ (the kernel) imports a register app.
- No two apps import each other, directly or through others: the graph of imports between apps
  has no cycle. Imports inside functions count too (a lazy import is still a dependency), and so do
  templates that include, extend or load another app's templates or tags.
"""

import ast
import re
from pathlib import Path

import pytest
from django.conf import settings

BASIS = Path(settings.BASE_DIR)
REGISTER_APPS = ("registers", "datalekken", "dpia", "rechten", "overeenkomsten", "rapportages")
KERN = "privacy_portal"
APPS = (*REGISTER_APPS, KERN)


def _modules(map_):
    for pad in sorted((BASIS / map_).rglob("*.py")):
        if "migrations" not in pad.parts:
            yield pad


def _imports(pad):
    """Every module name imported in the file, at any depth (relative imports resolved)."""
    boom = ast.parse(pad.read_text(), filename=str(pad))
    pakket = ".".join(pad.relative_to(BASIS).with_suffix("").parts[:-1])
    for knoop in ast.walk(boom):
        if isinstance(knoop, ast.Import):
            yield from (alias.name for alias in knoop.names)
        elif isinstance(knoop, ast.ImportFrom):
            if knoop.level:
                delen = pakket.split(".")
                basis = ".".join(delen[: len(delen) - knoop.level + 1])
                yield f"{basis}.{knoop.module}" if knoop.module else basis
            else:
                yield knoop.module


def _app_van(module):
    eerste = (module or "").split(".")[0]
    return eerste if eerste in APPS else None


# Template folders and tag libraries belong to an app too: an include is a dependency.
SJABLOONMAPPEN = {
    "registers": "registers",
    "openbaar": "registers",
    "datalekken": "datalekken",
    "dpia": "dpia",
    "rechten": "rechten",
    "rechten_openbaar": "rechten",
    "overeenkomsten": "overeenkomsten",
    "rapportages": "rapportages",
    "core": KERN,
    "includes": KERN,
    "notificaties": KERN,
}
TAGBIBLIOTHEKEN = {
    lib.stem: app for app in APPS for lib in (BASIS / app).rglob("templatetags/*.py") if lib.stem != "__init__"
}
SJABLOON_VERWIJZING = re.compile(r'{%\s*(?:include|extends)\s+"([a-z_]+)/|{%\s*load\s+([a-z_ ]+?)\s*%}')


def _sjabloon_verwijzingen():
    """(app of the template, app it refers to, why) for every include, extends and load."""
    for pad in sorted((BASIS / "templates").rglob("*.*")):
        delen = pad.relative_to(BASIS / "templates").parts
        app = SJABLOONMAPPEN.get(delen[0]) if len(delen) > 1 else KERN
        if delen[0] == "reports" and len(delen) > 2:
            app = SJABLOONMAPPEN.get(delen[1], KERN)
        if app is None:
            continue
        for map_, libs in SJABLOON_VERWIJZING.findall(pad.read_text()):
            doelen = [SJABLOONMAPPEN.get(map_)] if map_ else [TAGBIBLIOTHEKEN.get(lib) for lib in libs.split()]
            for doel in doelen:
                if doel and doel != app:
                    yield app, doel, f"templates/{'/'.join(delen)} uses {map_ or libs}"


def _graaf():
    graaf = {app: {} for app in APPS}
    for app in APPS:
        for pad in _modules(app):
            for module in _imports(pad):
                doel = _app_van(module)
                if doel and doel != app:
                    graaf[app].setdefault(doel, f"{pad.relative_to(BASIS)} imports {module}")
    for app, doel, waarom in _sjabloon_verwijzingen():
        graaf[app].setdefault(doel, waarom)
    return graaf


def test_de_kern_importeert_geen_register():
    overtredingen = [
        f"{pad.relative_to(BASIS)} imports {module}"
        for pad in _modules(KERN)
        for module in _imports(pad)
        if _app_van(module) in REGISTER_APPS
    ]
    overtredingen += [waarom for app, doel, waarom in _sjabloon_verwijzingen() if app == KERN and doel != KERN]
    assert overtredingen == []


def test_geen_kringen_tussen_apps():
    graaf = _graaf()
    kringen = []

    def zoek(app, pad):
        for doel, waarom in graaf[app].items():
            if doel in pad:
                kringen.append(" -> ".join([*pad[pad.index(doel) :], doel]) + f" ({waarom})")
            else:
                zoek(doel, [*pad, doel])

    for app in APPS:
        zoek(app, [app])
    assert kringen == []


@pytest.mark.parametrize("app", REGISTER_APPS)
def test_elke_registerapp_heeft_een_declaratie(app):
    from django.apps import apps

    assert getattr(apps.get_app_config(app), "register", None) is not None
