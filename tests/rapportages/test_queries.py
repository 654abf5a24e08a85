"""The dashboard (page and API) and the archive keep a flat number of queries as the registers grow
and as an FG serves more gemeenten."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from rest_framework.test import APIClient

from datalekken.constants import Risico
from privacy_portal.organisaties.rollen import Rol
from rapportages.constants import Soort
from registers.constants import Status

from ..factories import GemeenteFactory, RolFactory, maak_verwerking
from .conftest import ap_melden, beoordelen, melden

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("alleen_eigen_bronnen")]


def _vul(wereld, aantal, start):
    po = wereld["privacy_officer"]
    nu = timezone.now().replace(microsecond=0)
    for i in range(aantal):
        maak_verwerking(
            team=wereld.team,
            vv=wereld.vv,
            door=po,
            goedkeurder=po,
            status=(Status.VASTGESTELD, Status.CONCEPT, Status.TER_BEOORDELING)[i % 3],
            naam=f"V{start + i:03d}",
            dpia_status="nodig" if i % 2 else "onbekend",
        )
        lek = melden(wereld, f"Lek {start + i}", nu - timedelta(hours=2 + 30 * i))
        if i % 2:
            beoordelen(wereld, lek, nu - timedelta(hours=1 + 30 * i), Risico.RISICO)
            ap_melden(wereld, lek, nu - timedelta(hours=30 * i), reden="Later.")


def _aantal(fn):
    with CaptureQueriesContext(connection) as ctx:
        antwoord = fn()
    assert antwoord.status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.parametrize(
    "pad", ["/dashboard/", "/dashboard/?gemeente=voorbeeldstad", "/api/v1/dashboard", "/dashboard/rapportages/"]
)
def test_aantal_queries_groeit_niet_met_de_registers(client, wereld, pad):
    fg = wereld["fg"]
    client.force_login(fg)
    api = APIClient()
    api.force_authenticate(fg)
    haal = (lambda: api.get(pad)) if pad.startswith("/api/") else (lambda: client.get(pad))
    _vul(wereld, 3, 0)
    haal()  # warm up: the API client reuses the user object, whose roles are then cached
    klein = _aantal(haal)
    _vul(wereld, 12, 100)
    groot = _aantal(haal)
    assert groot == klein, f"{pad}: {klein} queries bij weinig gegevens, {groot} bij meer"


def test_aantal_queries_groeit_niet_met_het_aantal_gemeenten(client, wereld):
    fg = wereld["fg"]
    client.force_login(fg)
    _vul(wereld, 2, 0)
    klein = _aantal(lambda: client.get("/dashboard/", {"gemeente": "alle"}))
    for i in range(3):
        RolFactory(gebruiker=fg, rol=Rol.FG, gemeente=GemeenteFactory(naam=f"Extra {i}", slug=f"extra-{i}"))
    groot = _aantal(lambda: client.get("/dashboard/", {"gemeente": "alle"}))
    assert groot == klein


def test_archief_groeit_niet_met_het_aantal_rapportages(client, wereld, maak_rapport):
    client.force_login(wereld["fg"])
    maak_rapport(wereld["fg"], Soort.REGISTER_OPENBAAR, wereld.gemeente)
    klein = _aantal(lambda: client.get("/dashboard/rapportages/"))
    for _ in range(3):
        maak_rapport(wereld["privacy_officer"], Soort.REGISTER_OPENBAAR, wereld.gemeente)
    assert _aantal(lambda: client.get("/dashboard/rapportages/")) == klein
    api = APIClient()
    api.force_authenticate(wereld["fg"])
    assert _aantal(lambda: api.get("/api/v1/rapportages")) <= klein + 2
