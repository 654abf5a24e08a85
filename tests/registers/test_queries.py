"""List pages and API lists keep a flat number of queries as the register grows."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

from registers.constants import Status

from ..factories import maak_verwerking


def _aantal_queries(fn):
    with CaptureQueriesContext(connection) as ctx:
        antwoord = fn()
    assert antwoord.status_code == 200
    return len(ctx.captured_queries)


def _vul(wereld, aantal, start):
    po = wereld["privacy_officer"]
    for i in range(aantal):
        status = Status.VASTGESTELD if i % 2 else Status.CONCEPT
        team = wereld.team if i % 3 else wereld.ander_team
        maak_verwerking(team=team, vv=wereld.vv, door=po, goedkeurder=po, status=status, naam=f"V{start + i:03d}")


@pytest.mark.django_db
@pytest.mark.parametrize(
    "pagina",
    [
        "/verwerkingen/",
        "/",
        "/register/voorbeeldstad/",
        "/register/voorbeeldstad/verwerkingen.json",
        "/api/v1/verwerkingen",
        "/api/v1/openbaar/verwerkingen?gemeente=voorbeeldstad",
    ],
)
def test_aantal_queries_groeit_niet_met_het_register(client, wereld, pagina):
    po = wereld["privacy_officer"]
    client.force_login(po)
    api = APIClient()
    api.force_authenticate(po)
    haal = (lambda: api.get(pagina)) if pagina.startswith("/api/") else (lambda: client.get(pagina))
    _vul(wereld, 4, 0)
    klein = _aantal_queries(haal)
    _vul(wereld, 20, 100)
    groot = _aantal_queries(haal)
    assert groot == klein, f"{pagina}: {klein} queries bij 4 verwerkingen, {groot} bij 24"
