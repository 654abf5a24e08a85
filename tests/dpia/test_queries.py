"""DPIA lists keep a flat number of queries as the register grows."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

from .factories import maak_dpia


def _aantal_queries(haal):
    with CaptureQueriesContext(connection) as ctx:
        antwoord = haal()
    assert antwoord.status_code == 200
    return len(ctx.captured_queries)


def _vul(wereld, aantal):
    stappen = ["prescan", "in_uitvoering", "afgerond", "besluit"]
    for i in range(aantal):
        maak_dpia(wereld, stap=stappen[i % len(stappen)], plek="eigen_team" if i % 2 else "ander_team")


@pytest.mark.django_db
@pytest.mark.parametrize("pagina", ["/api/v1/dpias", "/dpia/", "/dpia/overzicht/voorbeeldstad/"])
def test_aantal_queries_groeit_niet_met_het_register(client, wereld, pagina):
    po = wereld["privacy_officer"]
    client.force_login(po)
    api = APIClient()
    api.force_authenticate(po)
    haal = (lambda: api.get(pagina)) if pagina.startswith("/api/") else (lambda: client.get(pagina))
    _vul(wereld, 4)
    haal()  # warm up: the user's roles are read once per user object
    klein = _aantal_queries(haal)
    _vul(wereld, 8)
    groot = _aantal_queries(haal)
    assert groot == klein, f"{pagina}: {klein} queries bij 4 DPIA's, {groot} bij 12"
