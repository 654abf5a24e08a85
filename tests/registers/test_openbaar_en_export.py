"""The public page and its downloads never show a non-public field; exports are safe to open."""

import csv
import io
import json

import pytest
from openpyxl import load_workbook

from privacy_portal.core.models import AuditEvent
from privacy_portal.core.spreadsheet import veilig
from registers.constants import Status

from ..factories import alle_rollen, maak_verwerking

INTERN = ("GEHEIM-INTERN-NOTITIE", "Leverancier X", "Toegang op basis van rollen", "CONCEPT-TEKST")


@pytest.fixture
def gepubliceerd(wereld):
    po = wereld["privacy_officer"]
    verwerking = maak_verwerking(team=wereld.team, vv=wereld.vv, door=po, goedkeurder=po, status=Status.VASTGESTELD)
    # a pending change must not leak either
    from registers import services

    services.verwerking_wijzigen(verwerking=verwerking, door=po, gegevens={"doeleinden": "CONCEPT-TEKST"})
    maak_verwerking(team=wereld.team, vv=wereld.vv, door=po, naam="Alleen concept CONCEPT-TEKST")
    return verwerking


@pytest.mark.django_db
@pytest.mark.parametrize(
    "pad",
    [
        "/register/voorbeeldstad/",
        "{detail}",
        "/register/voorbeeldstad/verwerkingen.csv",
        "/register/voorbeeldstad/verwerkingen.json",
    ],
)
def test_openbare_pagina_en_downloads_tonen_geen_interne_velden(client, gepubliceerd, wereld, pad):
    url = pad.format(detail=f"/register/voorbeeldstad/{gepubliceerd.uuid}/")
    antwoord = client.get(url)
    assert antwoord.status_code == 200
    tekst = antwoord.getvalue().decode("utf-8-sig")  # the downloads stream
    assert "Basisregistratie Personen" in tekst
    for intern in INTERN + (wereld["privacy_officer"].get_full_name(),):
        assert intern not in tekst, f"{intern!r} staat op {url}"


@pytest.mark.django_db
def test_open_data_json_en_csv_hebben_de_versie_identificatie(client, gepubliceerd):
    data = json.loads(client.get("/register/voorbeeldstad/verwerkingen.json").getvalue())
    assert data["verwerkingen"][0]["versie"] == str(gepubliceerd.gepubliceerde_versie.uuid)
    assert data["verwerkingen"][0]["identificatie"] == str(gepubliceerd.uuid)
    rijen = list(
        csv.reader(
            io.StringIO(client.get("/register/voorbeeldstad/verwerkingen.csv").getvalue().decode("utf-8-sig")),
            delimiter=";",
        )
    )
    assert rijen[0][:2] == ["Identificatie", "Versie"] and len(rijen) == 2


@pytest.mark.django_db
def test_concept_is_niet_openbaar_te_zien(client, wereld):
    po = wereld["privacy_officer"]
    concept = maak_verwerking(team=wereld.team, vv=wereld.vv, door=po)
    assert client.get(f"/register/voorbeeldstad/{concept.uuid}/").status_code == 404
    assert client.get("/register/bestaat-niet/").status_code == 404


@pytest.mark.django_db
def test_openbare_zoekfunctie_en_filters(client, wereld):
    po = wereld["privacy_officer"]
    maak_verwerking(
        team=wereld.team,
        vv=wereld.vv,
        door=po,
        goedkeurder=po,
        status=Status.VASTGESTELD,
        naam="Wmo",
        bijzondere_categorieen=["gezondheid"],
    )
    maak_verwerking(
        team=wereld.ander_team, vv=wereld.vv, door=po, goedkeurder=po, status=Status.VASTGESTELD, naam="Hondenbelasting"
    )
    assert "Hondenbelasting" not in client.get("/register/voorbeeldstad/?bijzonder=ja").content.decode()
    assert "Wmo" not in client.get("/register/voorbeeldstad/?zoek=honden").content.decode()
    assert "Wmo" not in client.get("/register/voorbeeldstad/?team=Sociaal+Domein").content.decode()


@pytest.mark.parametrize(
    ("waarde", "verwacht"),
    [
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),  # formula
        ("+31 6 1234", "'+31 6 1234"),  # plus sign starts a formula too
        ("-1+1", "'-1+1"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tcmd", "'\tcmd"),
        ("Gewone tekst", "Gewone tekst"),
        (42, 42),  # numbers stay numbers
    ],
)
def test_formule_injectie_wordt_geneutraliseerd(waarde, verwacht):
    assert veilig(waarde) == verwacht


@pytest.mark.django_db
def test_export_xlsx_en_csv_van_het_eigen_register_met_audit(client, wereld):
    po = wereld["privacy_officer"]
    maak_verwerking(team=wereld.team, vv=wereld.vv, door=po, naam="=1+1 gevaarlijk")
    maak_verwerking(
        team=wereld.team_elders,
        vv=wereld.vv_elders,
        door=alle_rollen("root", wereld.andere_gemeente),
        naam="Elders",
    )
    client.force_login(po)
    antwoord = client.get("/verwerkingen/export.xlsx")
    blad = load_workbook(io.BytesIO(antwoord.content)).active
    namen = [rij[3].value for rij in blad.iter_rows(min_row=2)]
    assert namen == ["'=1+1 gevaarlijk"]  # escaped, and nothing of the other gemeente
    csv_tekst = client.get("/verwerkingen/export.csv").content.decode("utf-8-sig")
    assert "'=1+1 gevaarlijk" in csv_tekst and "Elders" not in csv_tekst
    assert AuditEvent.objects.filter(actor=po, actie="exporteren").count() == 2
