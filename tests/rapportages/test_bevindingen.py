"""The FG writes findings and recommendations per year; only the FG (rapportages.bevindingen_rapportage)."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied

from rapportages import services
from rapportages.constants import Soort
from rapportages.models import FgBevindingen

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("alleen_eigen_bronnen")]
PAD = "/dashboard/bevindingen/voorbeeldstad/2026/"


def test_fg_schrijft_bevindingen_die_in_het_jaarverslag_komen(client, wereld, maak_rapport, vang_html):
    client.force_login(wereld["fg"])
    assert client.get(PAD).status_code == 200
    antwoord = client.post(PAD, {"bevindingen": "Het register is op orde.", "aanbevelingen": "Blijf zo doorgaan."})
    assert antwoord.status_code == 302
    bevindingen = FgBevindingen.objects.get(gemeente=wereld.gemeente, jaar=2026)
    assert bevindingen.gewijzigd_door == wereld["fg"]
    assert bevindingen.history.first().history_user == wereld["fg"]
    # editing again updates the same record
    client.post(
        PAD, {"bevindingen": "Het register is op orde.\nMaar de DPIA's lopen achter.", "aanbevelingen": "Tempo."}
    )
    assert FgBevindingen.objects.count() == 1
    assert "Het register is op orde." in client.get(PAD).content.decode()

    maak_rapport(wereld["fg"], Soort.JAARVERSLAG, wereld.gemeente, date(2026, 1, 1), date(2026, 12, 31))
    (html,) = vang_html
    assert "DPIA&#x27;s lopen achter" in html and "Tempo." in html


def test_jaarverslag_zonder_bevindingen_zegt_dat(wereld, maak_rapport, vang_html):
    maak_rapport(wereld["fg"], Soort.JAARVERSLAG, wereld.gemeente, date(2025, 1, 1), date(2025, 12, 31))
    (html,) = vang_html
    assert "nog geen bevindingen en aanbevelingen vastgelegd" in html


@pytest.mark.parametrize(
    ("rol", "status"),
    [
        ("fg", 200),
        ("privacy_officer", 403),
        ("college", 403),
        ("directeur", 403),
        ("jurist", 403),
        ("ciso", 403),
        ("controller", 403),
        ("teammanager", 403),
        ("medewerker", 403),
        ("buitenstaander", 404),
    ],
)
def test_alleen_de_fg_mag_het_formulier_gebruiken(client, wereld, rol, status):
    client.force_login(wereld[rol])
    assert client.get(PAD).status_code == status
    assert client.post(PAD, {"bevindingen": "x", "aanbevelingen": "y"}).status_code == (
        302 if status == 200 else status
    )
    assert FgBevindingen.objects.exists() is (status == 200)


def test_fg_van_een_andere_gemeente_ziet_deze_gemeente_niet(client, wereld):
    client.force_login(wereld["fg"])
    assert client.get("/dashboard/bevindingen/randdorp/2026/").status_code == 404
    assert client.get("/dashboard/bevindingen/voorbeeldstad/2099/").status_code == 404


def test_service_controleert_het_recht(wereld):
    with pytest.raises(PermissionDenied):
        services.bevindingen_opslaan(
            door=wereld["privacy_officer"], gemeente=wereld.gemeente, jaar=2026, bevindingen="x", aanbevelingen="y"
        )
