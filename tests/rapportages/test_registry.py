"""The dashboard registry in the shared kernel: how other registers contribute their figures."""

from datetime import date

import pytest
from django.utils import timezone

from privacy_portal.core import dashboard
from privacy_portal.core.dashboard import (
    Lijst,
    Periode,
    Sectie,
    dashboard_bron,
    kwartaal_periode,
    kwartalen,
    ontbrekende_secties,
    verzamel,
)
from rapportages.constants import Soort

from .conftest import NU

pytestmark = pytest.mark.usefixtures("alleen_eigen_bronnen")


@pytest.fixture
def schoon_register():
    """Restore the registry after a test adds sources to it."""
    bewaard = list(dashboard._BRONNEN)
    yield
    dashboard._BRONNEN[:] = bewaard


def test_registers_en_datalekken_zijn_aangemeld():
    namen = [b.naam for b in dashboard.bronnen()]
    assert namen[:2] == ["registers.dashboard.register_van_verwerkingen", "datalekken.dashboard.datalekken"]
    assert len(namen) == len(set(namen))


@pytest.mark.django_db
def test_een_nieuwe_bron_verschijnt_vanzelf_ook_in_de_kwartaalevaluatie(
    wereld, maak_rapport, vang_html, schoon_register
):
    aanroepen = []

    @dashboard_bron(detail_recht="rechten.view_verzoek", volgorde=30)
    def verzoeken(gemeenten, nu, *, met_details, periode=None):
        aanroepen.append((tuple(g.slug for g in gemeenten), met_details, periode))
        figuren = Lijst("rechten:lijst", {"open": {}}).figuren(gemeenten, met_details=met_details)
        open_ = figuren.cijfer("Open verzoeken", 4, "open", sleutel="open")
        return [Sectie("verzoeken", "Betrokkenenverzoeken", cijfers=[open_])]

    rapportage = maak_rapport(
        wereld["fg"], Soort.KWARTAALEVALUATIE, wereld.gemeente, date(2026, 7, 1), date(2026, 9, 30)
    )
    (html,) = vang_html
    blok = html[html.index("<h2>Betrokkenenverzoeken</h2>") :]
    assert "Nog niet beschikbaar" not in blok[:400] and "Open verzoeken" in blok[:1500]
    assert aanroepen == [(("voorbeeldstad",), False, Periode(date(2026, 7, 1), date(2026, 9, 30)))]
    assert rapportage.gegevensstand["cijfers"]["verzoeken"] == {"open": 4}


@pytest.mark.django_db
def test_detail_recht_bepaalt_met_details(wereld, schoon_register):
    gezien = {}

    @dashboard_bron(detail_recht="rechten.view_verzoek")
    def bron(gemeenten, nu, *, met_details):  # no periode keyword: called without it
        gezien["met_details"] = met_details
        return []

    for rol, verwacht in (("fg", True), ("privacy_officer", True), ("college", False), ("controller", False)):
        verzamel([wereld.gemeente], NU, user=wereld[rol])
        assert gezien["met_details"] is verwacht, rol
    verzamel([wereld.gemeente], NU, user=wereld["fg"], periode=kwartaal_periode(2026, 3))  # no TypeError
    verzamel([wereld.gemeente, wereld.andere_gemeente], NU, user=wereld["fg"])
    assert gezien["met_details"] is False  # not FG in the other gemeente
    verzamel([wereld.gemeente], NU, user=None)
    assert gezien["met_details"] is False  # reports


@pytest.mark.django_db
def test_een_kapotte_bron_breekt_het_dashboard_niet(client, wereld, schoon_register):
    @dashboard_bron(volgorde=40, sleutel="dpia")
    def dpia(gemeenten, nu, *, met_details):
        raise RuntimeError("nog in aanbouw")

    with pytest.raises(RuntimeError):
        verzamel([wereld.gemeente], NU)
    secties = verzamel([wereld.gemeente], NU, fouten_opvangen=True)
    kapot = next(s for s in secties if s.fout)
    assert (kapot.sleutel, kapot.titel, kapot.cijfers) == ("dpia", "DPIA's", [])
    assert ("dpia", "DPIA's") not in ontbrekende_secties(secties)
    client.force_login(wereld["fg"])
    assert "konden nu niet worden berekend" in client.get("/dashboard/").content.decode()


def test_opnieuw_aanmelden_verdubbelt_niet(schoon_register):
    def bron(gemeenten, nu, *, met_details):
        return []

    dashboard_bron(bron)
    dashboard_bron(bron)
    assert [b.naam for b in dashboard.bronnen()].count(f"{__name__}.bron") == 1


def test_ontbrekende_secties_in_vaste_volgorde():
    assert ontbrekende_secties([Sectie("datalekken", "Datalekken")]) == [
        ("registers", "Register van verwerkingen"),
        ("verzoeken", "Betrokkenenverzoeken"),
        ("dpia", "DPIA's"),
        ("overeenkomsten", "Verwerkersovereenkomsten en convenanten"),
    ]


@pytest.mark.parametrize(
    ("periode", "label"),
    [
        (Periode(date(2026, 7, 1), date(2026, 9, 30)), "3e kwartaal 2026"),
        (Periode(date(2026, 1, 1), date(2026, 12, 31)), "2026"),
        (Periode(date(2026, 7, 1), date(2026, 8, 15)), "1 juli 2026 tot en met 15 augustus 2026"),
    ],
)
def test_periode_labels(periode, label):
    assert periode.label == label


def test_periode_grenzen_in_nederlandse_tijd():
    p = kwartaal_periode(2026, 1)
    assert p == Periode(date(2026, 1, 1), date(2026, 3, 31))
    assert timezone.localtime(p.begin).hour == 0 and timezone.localtime(p.einde).date() == date(2026, 4, 1)


def test_kwartalen_tellen_terug_over_de_jaargrens():
    assert [p.van for p in kwartalen(tot=date(2026, 2, 10), aantal=3)] == [
        date(2025, 7, 1),
        date(2025, 10, 1),
        date(2026, 1, 1),
    ]
    assert len(kwartalen(tot=date(2026, 12, 31), aantal=4, van=date(2025, 1, 1))) == 8
