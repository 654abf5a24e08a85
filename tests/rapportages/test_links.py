"""Every number on the dashboard links to the list behind it, and that list shows that many items."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from datalekken.constants import Risico

from .conftest import ap_melden, beoordelen, melden

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("alleen_eigen_bronnen")]
GEVONDEN = re.compile(r"(\d+) (?:verwerking(?:en)?|datalek(?:ken)?) gevonden")


@pytest.fixture
def lekken_nu(wereld):
    """Datalekken relative to the real clock (the list pages filter on the real 'now')."""
    nu = timezone.now().replace(microsecond=0)
    uur = timedelta(hours=1)
    melden(wereld, "Vers gemeld", nu - uur)  # clock runs, 70 hours left
    melden(wereld, "Bijna te laat", nu - 50 * uur, ontdekt_op=nu - 51 * uur)  # under 24 hours left
    verlopen = melden(wereld, "Deadline voorbij", nu - 80 * uur)
    beoordelen(wereld, verlopen, nu - 79 * uur, Risico.RISICO)
    op_tijd = melden(wereld, "Op tijd gemeld", nu - 30 * uur)
    beoordelen(wereld, op_tijd, nu - 29 * uur, Risico.HOOG)
    ap_melden(wereld, op_tijd, nu - 28 * uur)
    te_laat = melden(wereld, "Te laat gemeld", nu - 100 * uur)
    beoordelen(wereld, te_laat, nu - 99 * uur, Risico.RISICO)
    ap_melden(wereld, te_laat, nu - 2 * uur, reden="Vergeten.")
    geen = melden(wereld, "Geen risico", nu - 3 * uur)
    beoordelen(wereld, geen, nu - 2 * uur, Risico.GEEN)


def _aantal_in_lijst(client, link):
    antwoord = client.get(link)
    assert antwoord.status_code == 200, link
    gevonden = GEVONDEN.search(antwoord.content.decode())
    assert gevonden, f"geen aantal op {link}"
    return int(gevonden.group(1))


def _dashboard(client, gemeente="voorbeeldstad"):
    antwoord = client.get("/api/v1/dashboard", {"gemeente": gemeente})
    assert antwoord.status_code == 200
    return antwoord.json()["secties"]


def test_elk_getal_leidt_naar_een_lijst_met_evenveel_items(client, wereld, register, lekken_nu):
    client.force_login(wereld["fg"])
    gecontroleerd = 0
    for sectie in _dashboard(client):
        for cijfer in sectie["cijfers"]:
            if cijfer["eenheid"] == "%":
                continue  # the percentage links to the incomplete ones, counted by "onvolledig"
            assert cijfer["link"], f"{sectie['sleutel']}: {cijfer['label']} heeft geen lijst"
            assert _aantal_in_lijst(client, cijfer["link"]) == cijfer["waarde"], cijfer
            gecontroleerd += 1
        for trend in sectie["trends"]:
            for reeks in trend["reeksen"]:
                for waarde, link in zip(reeks["waarden"], reeks["links"], strict=False):
                    if link:
                        assert _aantal_in_lijst(client, link) == waarde, (reeks["naam"], link)
                        gecontroleerd += 1
    assert gecontroleerd > 25


def test_de_getallen_zijn_echt_niet_nul(client, wereld, register, lekken_nu):
    """Guard against a test that passes because everything is zero."""
    client.force_login(wereld["fg"])
    cijfers = {c["sleutel"]: c["waarde"] for s in _dashboard(client) for c in s["cijfers"]}
    assert cijfers["klok_loopt"] == 3 and cijfers["klok_krap"] == 1 and cijfers["klok_verlopen"] == 1
    assert cijfers["jaar_op_tijd"] >= 1 and cijfers["jaar_te_laat"] >= 1
    assert cijfers["zonder_vastgestelde_versie"] == 3 and cijfers["dpia_ontbreekt"] == 3


def test_voor_alle_gemeenten_samen_toont_de_lijst_ook_alles(client, wereld, register, fg_twee_gemeenten):
    client.force_login(fg_twee_gemeenten)
    for sectie in _dashboard(client, "alle"):
        if sectie["sleutel"] != "registers":
            continue
        for cijfer in sectie["cijfers"]:
            if cijfer["eenheid"] != "%":
                assert "gemeente=" not in cijfer["link"]
                assert _aantal_in_lijst(client, cijfer["link"]) == cijfer["waarde"], cijfer


def test_het_college_ziet_aantallen_met_het_kwartaaloverzicht_als_lijst(client, wereld, lekken_nu):
    client.force_login(wereld["college"])
    secties = {s["sleutel"]: s for s in _dashboard(client)}
    links = [c["link"] for c in secties["datalekken"]["cijfers"] if c["link"]]
    assert links and all(link.startswith("/datalekken/kwartaal/voorbeeldstad/") for link in links)
    for link in links:
        assert client.get(link).status_code == 200
    # the register's lists are open to the college (registers.view_verwerking)
    assert all(c["link"].startswith("/verwerkingen/") for c in secties["registers"]["cijfers"])


def test_dashboardpagina_toont_de_getallen_als_links(client, wereld, register, lekken_nu):
    client.force_login(wereld["fg"])
    html = client.get("/dashboard/", {"gemeente": "voorbeeldstad"}).content.decode()
    assert 'href="/verwerkingen/?gemeente=voorbeeldstad&amp;status=actief&amp;dpia=ontbreekt"' in html
    assert 'href="/datalekken/?gemeente=voorbeeldstad&amp;melding=klok_loopt"' in html
