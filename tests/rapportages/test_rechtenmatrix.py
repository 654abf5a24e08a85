"""Every role against the dashboard, generating a report, downloading one and the FG's findings,
in its own gemeente and in another. Written out by hand from the brief and docs/rechten.md
(not derived from ROL_RECHTEN): the college, directeur, privacy officer, jurist, FG, CISO and
controller see the dashboard and download reports; the privacy officer and the FG have reports
made; only the FG writes findings. Outside one's gemeenten a report does not exist (404)."""

import pytest
from django.test import TestCase, override_settings
from rest_framework.test import APIClient

from privacy_portal.organisaties.rollen import Rol
from rapportages import services as rapport_services
from rapportages.constants import Soort

from ..factories import RolFactory
from ..wereld import bouw_wereld, ververs
from .conftest import EIGEN_BRONNEN

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("alleen_eigen_bronnen")]

ROLLEN = [
    "college",
    "directeur",
    "afdelingsmanager",
    "teammanager",
    "medewerker",
    "privacy_officer",
    "jurist",
    "fg",
    "ciso",
    "controller",
    "buitenstaander",
]
# role -> (dashboard, generate, download, findings) in its own gemeente
VERWACHT = {
    "college": (200, 403, 200, 403),
    "directeur": (200, 403, 200, 403),
    "afdelingsmanager": (403, 403, 404, 403),
    "teammanager": (403, 403, 404, 403),
    "medewerker": (403, 403, 404, 403),
    "privacy_officer": (200, 202, 200, 403),
    "jurist": (200, 403, 200, 403),
    "fg": (200, 202, 200, 200),
    "ciso": (200, 403, 200, 403),
    "controller": (200, 403, 200, 403),
    "buitenstaander": (403, 403, 404, 404),
}


@pytest.fixture(scope="module")
def opslag(tmp_path_factory):
    """One private storage folder for the module: the reports made once are downloaded by every case."""
    return tmp_path_factory.mktemp("media")


@pytest.fixture(autouse=True)
def prive_opslag_in_tmp(settings, opslag):
    """Replaces the conftest's per-test folder by the module's (the reports are made once)."""
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {**settings.STORAGES["default"], "OPTIONS": {"location": str(opslag)}},
    }


def _maak_rapport(door, soort, gemeente):
    """Like conftest's `maak_rapport`: request the report and run the queued task in-process at once."""
    with TestCase.captureOnCommitCallbacks(execute=True):
        rapportage = rapport_services.rapportage_aanvragen(door=door, soort=soort, gemeente=gemeente)
    rapportage.refresh_from_db()
    return rapportage


@pytest.fixture(scope="module")
def gedeeld(module_db, opslag):
    """The world and a report in each gemeente, made once for the module (tests/wereld.py), with the
    same sources and storage as the cases use; each case rolls back its own changes."""
    from django.conf import settings

    from privacy_portal.core import dashboard

    def maak():
        wereld = bouw_wereld()
        po_elders = RolFactory(gemeente=wereld.andere_gemeente, rol=Rol.PRIVACY_OFFICER).gebruiker
        return {
            "wereld": wereld,
            "rapporten": {
                "eigen": _maak_rapport(wereld["privacy_officer"], Soort.REGISTER_OPENBAAR, wereld.gemeente),
                "elders": _maak_rapport(po_elders, Soort.REGISTER_OPENBAAR, wereld.andere_gemeente),
            },
        }

    storages = {**settings.STORAGES, "default": {**settings.STORAGES["default"], "OPTIONS": {"location": str(opslag)}}}
    bewaard = list(dashboard._BRONNEN)
    dashboard._BRONNEN[:] = [b for b in bewaard if b.naam in EIGEN_BRONNEN]
    try:
        with override_settings(STORAGES=storages):
            return module_db.bouw(maak)
    finally:
        dashboard._BRONNEN[:] = bewaard


@pytest.fixture
def vers(gedeeld, db):
    return ververs(gedeeld)


@pytest.fixture
def wereld(vers):
    return vers["wereld"]


@pytest.fixture
def rapporten(vers):
    return vers["rapporten"]


def _uitkomsten(client, user, rapporten, gemeente):
    client.force_login(user)
    api = APIClient()
    api.force_authenticate(user)
    rapport = rapporten["eigen" if gemeente == "voorbeeldstad" else "elders"]
    return (
        client.get("/dashboard/", {"gemeente": gemeente}).status_code,
        api.post(
            "/api/v1/rapportages",
            {
                "soort": "kwartaalevaluatie",
                "gemeente": gemeente,
                "periodeVan": "2026-07-01",
                "periodeTot": "2026-09-30",
            },
            format="json",
        ).status_code,
        client.get(f"/dashboard/rapportages/{rapport.uuid}/pdf").status_code,
        client.get(f"/dashboard/bevindingen/{gemeente}/2026/").status_code,
    )


@pytest.mark.parametrize("rol", ROLLEN)
def test_rechtenmatrix_eigen_gemeente(client, wereld, rapporten, rol):
    assert _uitkomsten(client, wereld[rol], rapporten, "voorbeeldstad") == VERWACHT[rol]


@pytest.mark.parametrize("rol", ROLLEN)
def test_rechtenmatrix_andere_gemeente(client, wereld, rapporten, rol):
    dashboard, aanvragen, download, bevindingen = _uitkomsten(client, wereld[rol], rapporten, "randdorp")
    # the dashboard of another gemeente does not exist for them (403 when they see no dashboard at all)
    assert dashboard == (404 if VERWACHT[rol][0] == 200 else 403)
    # generating: 403 without the right anywhere, else 400 (an unknown gemeente for this user)
    assert aanvragen == (400 if VERWACHT[rol][1] == 202 else 403)
    assert download == 404
    assert bevindingen == 404


def test_afdelingsmanager_ziet_het_dashboard_niet_maar_de_registers_wel(client, wereld):
    client.force_login(wereld["afdelingsmanager"])
    assert client.get("/dashboard/").status_code == 403
    assert client.get("/verwerkingen/").status_code == 200
