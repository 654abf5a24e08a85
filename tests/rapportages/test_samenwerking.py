"""With every register's source registered (rechten, dpia and overeenkomsten add theirs through
@dashboard_bron): the dashboard, its API and the reports still work, stay flat in queries, and
show no personal data to the college."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

from privacy_portal.core import dashboard
from rapportages.constants import Soort, Status

from .test_queries import _vul

pytestmark = pytest.mark.django_db


def test_alle_bronnen_op_het_dashboard_en_in_de_api(client, wereld, register, lekken):
    for rol in ("fg", "college", "privacy_officer", "controller"):
        client.force_login(wereld[rol])
        html = client.get("/dashboard/").content.decode()
        assert "konden nu niet worden berekend" not in html, rol
        if rol == "college":
            assert "GEHEIM" not in html
        api = APIClient()
        api.force_authenticate(wereld[rol])
        secties = api.get("/api/v1/dashboard").json()["secties"]
        assert not [s["sleutel"] for s in secties if s["fout"]], rol
    aanwezig = {b.sleutel for b in dashboard.bronnen()}
    assert {s["sleutel"] for s in secties if s["beschikbaar"]} == aanwezig


@pytest.mark.parametrize(
    ("soort", "van", "tot"),
    [
        (Soort.KWARTAALEVALUATIE, date(2026, 7, 1), date(2026, 9, 30)),
        (Soort.JAARVERSLAG, date(2026, 1, 1), date(2026, 12, 31)),
    ],
)
def test_rapportages_met_alle_bronnen(wereld, lekken, maak_rapport, vang_html, soort, van, tot):
    rapportage = maak_rapport(wereld["fg"], soort, wereld.gemeente, van, tot)
    assert rapportage.status == Status.KLAAR, rapportage.foutmelding
    (html,) = vang_html
    assert "GEHEIM" not in html
    assert set(rapportage.gegevensstand["cijfers"]) == {b.sleutel for b in dashboard.bronnen()}


def test_aantal_queries_blijft_vlak_met_alle_bronnen(client, wereld):
    client.force_login(wereld["fg"])
    _vul(wereld, 2, 0)
    client.get("/dashboard/")
    with CaptureQueriesContext(connection) as klein:
        client.get("/dashboard/")
    _vul(wereld, 8, 100)
    with CaptureQueriesContext(connection) as groot:
        client.get("/dashboard/")
    assert len(groot.captured_queries) == len(klein.captured_queries)
