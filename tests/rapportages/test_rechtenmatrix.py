"""Every role against the dashboard, generating a report, downloading one and the FG's findings,
in its own gemeente and in another. Written out by hand from the brief and docs/rechten.md
(not derived from ROL_RECHTEN): the college, directeur, privacy officer, jurist, FG, CISO and
controller see the dashboard and download reports; the privacy officer and the FG have reports
made; only the FG writes findings. Outside one's gemeenten a report does not exist (404)."""

import pytest
from rest_framework.test import APIClient

from privacy_portal.organisaties.rollen import Rol
from rapportages.constants import Soort

from ..factories import RolFactory

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


@pytest.fixture
def rapporten(wereld, maak_rapport):
    po_elders = RolFactory(gemeente=wereld.andere_gemeente, rol=Rol.PRIVACY_OFFICER).gebruiker
    return {
        "eigen": maak_rapport(wereld["privacy_officer"], Soort.REGISTER_OPENBAAR, wereld.gemeente),
        "elders": maak_rapport(po_elders, Soort.REGISTER_OPENBAAR, wereld.andere_gemeente),
    }


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
