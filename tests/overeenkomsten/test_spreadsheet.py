"""Export as XLSX/CSV with formula injection escaped; import with a preview, then all rows or none."""

import csv
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook, load_workbook

from overeenkomsten import services
from overeenkomsten.models import Overeenkomst, OvereenkomstImport
from privacy_portal.core.models import AuditEvent
from registers.constants import Status

from ..factories import maak_verwerking
from .hulp import maak_overeenkomst

KOPPEN = [
    "Onderwerp",
    "Soort",
    "Team",
    "Partijen",
    "Ingangsdatum",
    "Einddatum",
    "Verwerkingen",
    "Land van opslag",
    "Doorgiftemechanisme",
    "Aanwezige onderdelen",
    "Openbaar",
]


def csv_bestand(rijen, naam="overeenkomsten.csv"):
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=";").writerows(rijen)
    return SimpleUploadedFile(naam, buffer.getvalue().encode("utf-8"))


def xlsx_bestand(rijen, naam="overeenkomsten.xlsx"):
    boek = Workbook()
    for rij in rijen:
        boek.active.append(rij)
    buffer = io.BytesIO()
    boek.save(buffer)
    return SimpleUploadedFile(naam, buffer.getvalue())


@pytest.fixture
def po_client(client, wereld):
    client.force_login(wereld["privacy_officer"])
    return client


@pytest.mark.django_db
def test_export_ontwijkt_formules_en_wordt_geaudit(po_client, wereld):
    maak_overeenkomst(
        door=wereld["privacy_officer"],
        team=wereld.team,
        onderwerp='=HYPERLINK("http://kwaad.example","klik")',
        partijen=["+31 Leverancier", "@Partij"],
        interne_notitie="-2+3",
    )
    antwoord = po_client.get("/overeenkomsten/export.csv")
    assert antwoord.status_code == 200
    rijen = list(csv.reader(io.StringIO(antwoord.content.decode("utf-8-sig")), delimiter=";"))
    kop, rij = rijen
    waarden = dict(zip(kop, rij, strict=True))
    assert waarden["Onderwerp"].startswith("'=HYPERLINK")
    assert waarden["Partijen"] == "'+31 Leverancier; @Partij"
    assert waarden["Interne notitie"] == "'-2+3"
    assert waarden["Soort"] == "Verwerkersovereenkomst" and waarden["Volgende review"] == "2027-01-15"

    blad = load_workbook(io.BytesIO(po_client.get("/overeenkomsten/export.xlsx").content)).active
    cellen = {kop.value: cel.value for kop, cel in zip(blad[1], blad[2], strict=True)}
    assert cellen["Onderwerp"].startswith("'=HYPERLINK")
    assert AuditEvent.objects.filter(actie=AuditEvent.Actie.EXPORTEREN).count() == 2
    assert po_client.get("/overeenkomsten/export.pdf").status_code == 404


@pytest.mark.django_db
def test_export_toont_alleen_wat_de_gebruiker_mag_zien(client, wereld):
    maak_overeenkomst(door=wereld["privacy_officer"], team=wereld.ander_team, onderwerp="Ander team")
    client.force_login(wereld["teammanager"])
    assert "Ander team" not in client.get("/overeenkomsten/export.csv").content.decode("utf-8-sig")


@pytest.mark.django_db
def test_import_eerst_voorbeeld_dan_bevestigen(po_client, wereld):
    po = wereld["privacy_officer"]
    verwerking = maak_verwerking(team=wereld.team, vv=wereld.vv, door=po, status=Status.CONCEPT)
    bestand = xlsx_bestand(
        [
            KOPPEN,
            [
                "Hosting zaaksysteem",
                "Verwerkersovereenkomst",
                "Burgerzaken",
                "Zaak B.V.; Hosting B.V.",
                "15-01-2026",
                "",
                verwerking.naam,
                "Nederland",
                "",
                "Onderwerp en duur van de verwerking; audits",
                "nee",
            ],
            ["Convenant Veiligheidshuis", "convenant", "", "Politie", "2026-02-01", "2029-01-31", "", "", "", "", "ja"],
        ]
    )
    antwoord = po_client.post(
        "/overeenkomsten/importeren/",
        {"gemeente": wereld.gemeente.pk, "standaard_team": wereld.ander_team.pk, "bestand": bestand},
    )
    assert antwoord.status_code == 302
    imp = OvereenkomstImport.objects.get()
    voorbeeld = po_client.get(antwoord["Location"])
    tekst = voorbeeld.content.decode()
    assert "Hosting zaaksysteem" in tekst and "2 overeenkomsten importeren" in tekst
    assert Overeenkomst.objects.count() == 0  # the preview saves nothing

    assert po_client.post(antwoord["Location"]).status_code == 302
    hosting = Overeenkomst.objects.get(onderwerp="Hosting zaaksysteem")
    assert [p.naam for p in hosting.partijen.all()] == ["Zaak B.V.", "Hosting B.V."]
    assert list(hosting.verwerkingen.all()) == [verwerking]
    assert hosting.clausules == ["onderwerp_duur", "audits"] and hosting.team == wereld.team
    convenant = Overeenkomst.objects.get(onderwerp="Convenant Veiligheidshuis")
    assert convenant.openbaar and convenant.team == wereld.ander_team  # standaardteam
    assert convenant.history.first().history_change_reason == "Geïmporteerd uit overeenkomsten.xlsx"
    imp.refresh_from_db()
    assert imp.geimporteerd
    assert AuditEvent.objects.filter(actie=AuditEvent.Actie.IMPORTEREN).count() == 1
    # a second confirmation does nothing
    po_client.post(antwoord["Location"])
    assert Overeenkomst.objects.count() == 2


@pytest.mark.django_db
def test_een_fout_in_een_rij_slaat_niets_op(po_client, wereld):
    maak_overeenkomst(door=wereld["privacy_officer"], team=wereld.team, onderwerp="Bestaat al")
    bestand = csv_bestand(
        [
            KOPPEN,
            ["Goed", "verwerkersovereenkomst", "Burgerzaken", "A B.V.", "2026-01-01", "", "", "", "", "", ""],
            ["Bestaat al", "verwerkersovereenkomst", "Burgerzaken", "B B.V.", "2026-01-01", "", "", "", "", "", ""],
            ["Fout", "contract", "Onbekend team", "", "morgen", "", "Bestaat niet", "Mars", "", "", "misschien"],
            ["Buiten EER", "verwerkersovereenkomst", "Burgerzaken", "C", "2026-01-01", "", "", "VS", "", "", ""],
        ]
    )
    antwoord = po_client.post("/overeenkomsten/importeren/", {"gemeente": wereld.gemeente.pk, "bestand": bestand})
    tekst = po_client.get(antwoord["Location"]).content.decode()
    assert "3 rijen bevatten fouten" in tekst
    for melding in (
        "staat al in het register",
        "Onbekende soort",
        "Team &#x27;Onbekend team&#x27; staat niet in het portaal",
        "is geen datum",
        "Niet gevonden in het register: Bestaat niet",
        "Onbekend land",
        "Vul &#x27;ja&#x27; of &#x27;nee&#x27; in",
        "Kies het doorgiftemechanisme",
    ):
        assert melding in tekst, melding
    antwoord = po_client.post(antwoord["Location"])
    assert "Er is niets geïmporteerd" in antwoord.content.decode()
    assert Overeenkomst.objects.count() == 1


@pytest.mark.django_db
def test_teammanager_importeert_alleen_voor_het_eigen_team(client, wereld):
    client.force_login(wereld["teammanager"])
    bestand = csv_bestand(
        [KOPPEN, ["Van een ander", "convenant", "Sociaal Domein", "Politie", "2026-01-01", "", "", "", "", "", ""]]
    )
    antwoord = client.post("/overeenkomsten/importeren/", {"gemeente": wereld.gemeente.pk, "bestand": bestand})
    assert (
        "U mag geen overeenkomsten registreren voor team Sociaal Domein"
        in client.get(antwoord["Location"]).content.decode()
    )
    # another user's import does not exist for you
    client.force_login(wereld["privacy_officer"])
    assert client.get(antwoord["Location"]).status_code == 404


@pytest.mark.django_db
def test_bestand_zonder_verplichte_kolommen_en_import_zonder_recht(client, wereld):
    client.force_login(wereld["privacy_officer"])
    antwoord = client.post(
        "/overeenkomsten/importeren/",
        {"gemeente": wereld.gemeente.pk, "bestand": csv_bestand([["Naam", "Iets"], ["a", "b"]])},
    )
    assert antwoord.status_code == 200
    assert "Deze kolommen ontbreken: Onderwerp, Soort, Partijen, Ingangsdatum" in antwoord.content.decode()
    client.force_login(wereld["college"])
    assert client.get("/overeenkomsten/importeren/").status_code == 403


@pytest.mark.django_db
def test_export_kan_weer_worden_geimporteerd(po_client, wereld):
    po = wereld["privacy_officer"]
    ovk = maak_overeenkomst(door=po, team=wereld.team, onderwerp="=Rondje", partijen=["A B.V.", "B B.V."])
    export = po_client.get("/overeenkomsten/export.xlsx").content
    services.overeenkomst_wijzigen(overeenkomst=ovk, door=po, gegevens={"onderwerp": "Oud"})
    antwoord = po_client.post(
        "/overeenkomsten/importeren/",
        {"gemeente": wereld.gemeente.pk, "bestand": SimpleUploadedFile("export.xlsx", export)},
    )
    po_client.post(antwoord["Location"])
    terug = Overeenkomst.objects.exclude(pk=ovk.pk).get()
    assert terug.onderwerp == "=Rondje" and [p.naam for p in terug.partijen.all()] == ["A B.V.", "B B.V."]
    assert terug.volledigheid == 100
