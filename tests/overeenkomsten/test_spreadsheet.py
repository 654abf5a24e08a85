"""Export as XLSX/CSV with formula injection escaped; import with a preview that shows the rows that will
and will not be imported, then the good rows imported and the bad ones reported (row, column, reason)."""

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
def test_foute_rijen_worden_overgeslagen_en_de_goede_geimporteerd(po_client, wereld):
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
    pagina = po_client.get(antwoord["Location"])
    tekst = pagina.content.decode()
    assert pagina.context["aantal_goed"] == 1 and pagina.context["aantal_fout"] == 3
    assert "Rijen die niet worden geïmporteerd" in tekst and "Rijen die worden geïmporteerd" in tekst
    assert "1 overeenkomst importeren" in tekst
    for melding in (
        "staat al in het register",
        "Onbekende soort",
        "Team &#x27;Onbekend team&#x27; staat niet in het portaal",
        "is geen datum",
        "Niet gevonden in het register: Bestaat niet",
        "Onbekend land",
        "Vul &#x27;ja&#x27; of &#x27;nee&#x27; in",
        "Kies het doorgiftemechanisme",
        "(kolom 'Land van opslag')",
    ):
        assert melding in tekst, melding
    assert Overeenkomst.objects.count() == 1  # the preview saves nothing

    antwoord = po_client.post(antwoord["Location"], follow=True)
    tekst = antwoord.content.decode()
    assert antwoord.redirect_chain[-1][0].endswith("/verslag/")
    assert "1 overeenkomst geïmporteerd. 3 rijen niet geïmporteerd" in tekst
    assert "Rij 5 (Buiten EER)" in tekst and "Kies het doorgiftemechanisme" in tekst
    assert set(Overeenkomst.objects.values_list("onderwerp", flat=True)) == {"Bestaat al", "Goed"}
    imp = OvereenkomstImport.objects.get()
    assert imp.geimporteerd
    assert [rij["nummer"] for rij in imp.verslag["overgeslagen"]] == [3, 4, 5]


DATUM_HULP = "Schrijf de datum als 31-12-2026 of 2026-12-31."


@pytest.mark.django_db
def test_twee_foute_rijen_van_vijftig_48_geimporteerd_en_2_gemeld(po_client, wereld):
    rijen = [
        [f"Overeenkomst {n}", "verwerkersovereenkomst", "Burgerzaken", "A B.V.", "2026-01-01", "", "", "", "", "", ""]
        for n in range(1, 51)
    ]
    rijen[9][4] = "morgen"  # row 11 of the file: no date
    rijen[29][1] = "contract"  # row 31: unknown kind
    antwoord = po_client.post(
        "/overeenkomsten/importeren/", {"gemeente": wereld.gemeente.pk, "bestand": csv_bestand([KOPPEN, *rijen])}
    )
    pagina = po_client.get(antwoord["Location"])
    assert pagina.context["aantal_goed"] == 48 and pagina.context["aantal_fout"] == 2
    assert [regel.nummer for regel in pagina.context["fout_regels"]] == [11, 31]

    antwoord = po_client.post(antwoord["Location"], follow=True)
    assert "48 overeenkomsten geïmporteerd. 2 rijen niet geïmporteerd" in antwoord.content.decode()
    assert Overeenkomst.objects.count() == 48
    verslag = OvereenkomstImport.objects.get().verslag
    assert len(verslag["aangemaakt"]) == 48
    assert verslag["overgeslagen"] == [
        {
            "nummer": 11,
            "naam": "Overeenkomst 10",
            "fouten": [["ingangsdatum", "Ingangsdatum", "'morgen' is geen datum. " + DATUM_HULP]],
        },
        {
            "nummer": 31,
            "naam": "Overeenkomst 30",
            "fouten": [["soort overeenkomst", "Soort", "Onbekende soort. Kies verwerkersovereenkomst, convenant, ..."]],
        },
    ]
    html = po_client.get(antwoord.redirect_chain[-1][0]).content.decode()
    assert "Rij 11 (Overeenkomst 10)" in html and "(kolom 'Ingangsdatum')" in html
    assert "Rij 31 (Overeenkomst 30)" in html and "(kolom 'Soort')" in html


@pytest.mark.django_db
def test_een_leeg_of_onbekend_team_krijgt_het_standaardteam_met_een_waarschuwing(po_client, wereld):
    bestand = csv_bestand(
        [
            KOPPEN,
            ["Eigen team", "convenant", "Burgerzaken", "Politie", "2026-01-01", "", "", "", "", "", ""],
            ["Zonder team", "convenant", "", "Politie", "2026-01-01", "", "", "", "", "", ""],
            ["Verkeerd team", "convenant", "Bestaat niet", "Politie", "2026-01-01", "", "", "", "", "", ""],
        ]
    )
    antwoord = po_client.post(
        "/overeenkomsten/importeren/",
        {"gemeente": wereld.gemeente.pk, "standaard_team": wereld.ander_team.pk, "bestand": bestand},
    )
    pagina = po_client.get(antwoord["Location"])
    tekst = pagina.content.decode()
    assert pagina.context["aantal_goed"] == 3 and pagina.context["aantal_waarschuwing"] == 2
    assert "Het team is leeg: de rij krijgt het standaardteam Sociaal Domein." in tekst
    assert "Team &#x27;Bestaat niet&#x27; staat niet in het portaal: de rij krijgt het standaardteam" in tekst

    po_client.post(antwoord["Location"])
    assert Overeenkomst.objects.get(onderwerp="Zonder team").team == wereld.ander_team
    assert Overeenkomst.objects.get(onderwerp="Verkeerd team").team == wereld.ander_team
    verslag = OvereenkomstImport.objects.get().verslag
    assert [(rij["nummer"], rij["meldingen"][0][:2]) for rij in verslag["waarschuwingen"]] == [
        (3, ["team", "Team"]),
        (4, ["team", "Team"]),
    ]
    assert verslag["overgeslagen"] == []


@pytest.mark.django_db
def test_zonder_een_goede_rij_wordt_niets_opgeslagen(po_client, wereld):
    bestand = csv_bestand([KOPPEN, ["", "contract", "", "", "", "", "", "", "", "", ""]])
    antwoord = po_client.post("/overeenkomsten/importeren/", {"gemeente": wereld.gemeente.pk, "bestand": bestand})
    assert "Geen enkele rij kan worden geïmporteerd" in po_client.get(antwoord["Location"]).content.decode()
    antwoord = po_client.post(antwoord["Location"])
    assert "Er is niets opgeslagen" in antwoord.content.decode()
    assert Overeenkomst.objects.count() == 0 and not OvereenkomstImport.objects.get().geimporteerd


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
