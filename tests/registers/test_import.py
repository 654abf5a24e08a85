"""Import of a register from a spreadsheet: reading files, guessing columns, converting rows,
and the upload -> koppelen -> voorbeeld -> confirm flow with its permissions."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook

from privacy_portal.core import spreadsheet
from privacy_portal.core.models import AuditEvent
from privacy_portal.core.spreadsheet import ImportFout
from privacy_portal.organisaties.rollen import Rol
from registers import exporteren, importeren
from registers.constants import Status
from registers.models import RegisterImport, Verwerking

from ..factories import RolFactory, UserFactory, maak_verwerking

VNG_KOPPEN = [
    "Naam verwerking",
    "Afdeling",
    "Doel(en) van de verwerking",
    "Rechtsgrond",
    "Wettelijke grondslag",
    "Categorie betrokkenen",
    "Categorieën persoonsgegevens",
    "Bijzondere persoonsgegevens",
    "Ontvangers",
    "Bewaartermijn",
    "Bron",
    "Technische en organisatorische maatregelen",
    "Verwerker(s)",
    "Doorgifte buiten EER",
    "BSN",
    "Profilering",
    "Algoritme",
    "Opmerkingen van de FG",  # not a field: stays unmapped
]


def xlsx(rijen, naam="register.xlsx"):
    boek = Workbook()
    blad = boek.active
    for rij in rijen:
        blad.append(rij)
    buffer = io.BytesIO()
    boek.save(buffer)
    return SimpleUploadedFile(naam, buffer.getvalue())


def csv_bestand(tekst, naam="register.csv", codering="utf-8"):
    return SimpleUploadedFile(naam, tekst.encode(codering))


def vng_rij(naam, *, afdeling="Burgerzaken", rechtsgrond="Art. 6 lid 1 sub c AVG"):
    return [
        naam,
        afdeling,
        "Bijhouden van de basisregistratie personen.",
        rechtsgrond,
        "Wet BRP, art. 1.2",
        "Ingezetenen",
        "NAW, geboortedatum",
        "gezondheid",
        "Overheidsorganisaties",
        "Permanent",
        "Betrokkene",
        "Rollen en logging",
        "Leverancier X B.V.",
        "nee",
        "ja",
        "nee",
        "n",
        "Niet importeren",
    ]


@pytest.fixture
def po_client(client, wereld):
    client.force_login(wereld["privacy_officer"])
    return client


def upload(client, wereld, bestand):
    return client.post("/verwerkingen/importeren/", {"gemeente": wereld.gemeente.pk, "bestand": bestand})


def koppel_post(imp, **extra):
    """The koppelen form as the browser sends it, with the preselected mapping."""
    data = {veld: imp.koppeling.get(veld, "") for veld in importeren.DOELVELDEN}
    data.update(extra)
    return data


# --- Reading and guessing -------------------------------------------------------------------------


def test_kolommen_van_een_vng_register_worden_goed_geraden():
    koppeling = importeren.raad_koppeling(VNG_KOPPEN)
    assert koppeling == {
        "naam": "Naam verwerking",
        "team": "Afdeling",
        "doeleinden": "Doel(en) van de verwerking",
        "grondslagen": "Rechtsgrond",
        "grondslag_toelichting": "Wettelijke grondslag",
        "categorieen_betrokkenen": "Categorie betrokkenen",
        "categorieen_persoonsgegevens": "Categorieën persoonsgegevens",
        "bijzondere_categorieen": "Bijzondere persoonsgegevens",
        "ontvangers": "Ontvangers",
        "bewaartermijn": "Bewaartermijn",
        "herkomst": "Bron",
        "beveiligingsmaatregelen": "Technische en organisatorische maatregelen",
        "verwerkers": "Verwerker(s)",
        "doorgifte_buiten_eer": "Doorgifte buiten EER",
        "gebruikt_bsn": "BSN",
        "geautomatiseerde_besluitvorming": "Profilering",
        "algoritme_of_ai": "Algoritme",
    }


def test_raden_negeert_hoofdletters_accenten_leestekens_en_toelichting_tussen_haakjes():
    koppeling = importeren.raad_koppeling(
        ["NAAM VERWERKING:", "verwerkingsdoeleinden", "Categorieen Betrokkenen", "Bewaartermijn (jaren)"]
    )
    assert koppeling == {
        "naam": "NAAM VERWERKING:",
        "doeleinden": "verwerkingsdoeleinden",
        "categorieen_betrokkenen": "Categorieen Betrokkenen",
        "bewaartermijn": "Bewaartermijn (jaren)",
    }


def test_team_gaat_voor_afdeling_als_beide_kolommen_er_zijn():
    assert importeren.raad_koppeling(["Afdeling", "Team", "Naam"])["team"] == "Team"


def test_kolommen_van_onze_eigen_export_horen_bij_de_juiste_velden():
    koppen = [kop for kop, _ in exporteren.KOLOMMEN_INTERN]
    koppeling = importeren.raad_koppeling(koppen)
    niet_importeren = {"Identificatie", "Versie", "Gemeente", "Status", "Volledigheid (%)", "DPIA-status"}
    assert set(koppeling.values()) == set(koppen) - niet_importeren
    assert all(importeren.EXPORT_KOLOMMEN[kolom] == veld for veld, kolom in koppeling.items())
    assert set(importeren.DOELVELDEN) - set(koppeling) == set()  # every field round-trips


def test_xlsx_leest_de_eerste_niet_lege_rij_als_koppen_en_slaat_lege_rijen_over():
    import datetime

    bestand = xlsx(
        [
            [None, None],
            ["Naam", "Datum", "Aantal", "Naam"],
            ["Paspoort", datetime.datetime(2024, 3, 1), 3.0, "dubbel"],
            [None, None, None],
            ["Rijbewijs", datetime.date(2024, 4, 2), 2.5, ""],
        ]
    )
    kolommen, rijen = spreadsheet.lees_bestand(bestand, "register.xlsx")
    assert kolommen == ["Naam", "Datum", "Aantal", "Naam (2)"]
    assert [rij[spreadsheet.RIJNUMMER] for rij in rijen] == [3, 5]
    assert {k: rijen[0][k] for k in kolommen} == {
        "Naam": "Paspoort",
        "Datum": "2024-03-01",
        "Aantal": "3",
        "Naam (2)": "dubbel",
    }
    assert rijen[1]["Datum"] == "2024-04-02"
    assert rijen[1]["Aantal"] == "2.5"


def test_csv_met_puntkomma_en_windows_tekens_wordt_gelezen():
    tekst = (
        "Naam;Categorieën betrokkenen;Doel(en) van de verwerking\r\n"
        "Privé-adres wijzigen;Inwoners, ambtenaren;Zorg één\r\n"
    )
    kolommen, rijen = spreadsheet.lees_bestand(csv_bestand(tekst, codering="cp1252"), "register.csv")
    assert kolommen == ["Naam", "Categorieën betrokkenen", "Doel(en) van de verwerking"]
    assert rijen[0]["Naam"] == "Privé-adres wijzigen"
    assert rijen[0]["Categorieën betrokkenen"] == "Inwoners, ambtenaren"
    assert rijen[0]["Doel(en) van de verwerking"] == "Zorg één"
    assert rijen[0][spreadsheet.RIJNUMMER] == 2


def test_lege_en_ontbrekende_kolomnamen_krijgen_een_naam():
    kolommen, rijen = spreadsheet.lees_bestand(io.BytesIO(b"Naam;;Doel\nA;x;y;;z\nB\n"), "register.csv")
    assert kolommen == ["Naam", "Kolom 2", "Doel", "Kolom 4", "Kolom 5"]
    assert rijen[0]["Kolom 5"] == "z"
    assert rijen[1] == {"Naam": "B", "Kolom 2": "", "Doel": "", "Kolom 4": "", "Kolom 5": "", spreadsheet.RIJNUMMER: 3}


def test_csv_met_komma_en_utf8_bom_wordt_gelezen():
    tekst = '\ufeffNaam,Doeleinden\n"Paspoort, aanvragen","Reisdocument; uitgeven"\n'
    kolommen, rijen = spreadsheet.lees_bestand(csv_bestand(tekst), "register.CSV")
    assert kolommen == ["Naam", "Doeleinden"]
    assert rijen[0]["Naam"] == "Paspoort, aanvragen"
    assert rijen[0]["Doeleinden"] == "Reisdocument; uitgeven"


@pytest.mark.parametrize(
    ("bestandsnaam", "inhoud", "melding"),
    [
        ("register.txt", b"Naam\nPaspoort\n", ".xlsx (Excel) of .csv"),  # unknown extension
        ("register.xls", b"\xd0\xcf\x11\xe0", ".xlsx (Excel) of .csv"),  # old Excel format
        ("register.xlsx", b"dit is geen excel-bestand" * 10, "kan niet worden gelezen"),  # garbage bytes
        ("register.csv", b"", "leeg"),  # nothing at all
        ("register.csv", b";;;\r\n;;\r\n", "kolomnamen"),  # no header row
        ("register.csv", b"Naam\x00\x00\x81\x8d", "kan niet worden gelezen"),  # binary data
    ],
)
def test_een_onleesbaar_bestand_geeft_een_nederlandse_fout(bestandsnaam, inhoud, melding):
    with pytest.raises(ImportFout, match=melding.replace(".", r"\.").replace("(", r"\(").replace(")", r"\)")):
        spreadsheet.lees_bestand(io.BytesIO(inhoud), bestandsnaam)


def test_meer_dan_5000_rijen_wordt_geweigerd():
    tekst = "Naam\n" + "".join(f"Verwerking {n}\n" for n in range(5001))
    with pytest.raises(ImportFout, match="meer dan 5000 rijen"):
        spreadsheet.lees_bestand(io.BytesIO(tekst.encode()), "register.csv")
    precies = "Naam\n" + "".join(f"Verwerking {n}\n" for n in range(5000))
    assert len(spreadsheet.lees_bestand(io.BytesIO(precies.encode()), "register.csv")[1]) == 5000


def test_een_bestand_groter_dan_10_mb_wordt_geweigerd():
    tekst = b"Naam\n" + b"x" * (10 * 1024 * 1024)
    with pytest.raises(ImportFout, match="groter dan 10 MB"):
        spreadsheet.lees_bestand(io.BytesIO(tekst), "register.csv")


# --- Converting cells -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("tekst", "verwacht"),
    [
        ("c", ["c"]),  # one letter
        ("c, e", ["c", "e"]),  # a list of letters
        ("e; c; c", ["c", "e"]),  # duplicates and order do not matter
        ("Art. 6 lid 1 sub e AVG", ["e"]),  # the article written out
        ("Artikel 6, eerste lid, onder c", ["c"]),  # the article in words
        ("6.1.e", ["e"]),  # short form
        ("6(1)(b) en 6(1)(c)", ["b", "c"]),  # English-style notation
        ("e (publieke taak)", ["e"]),  # letter with explanation
        ("Toestemming", ["a"]),  # word only
        ("wettelijke verplichting", ["c"]),
        ("Vitaal belang van de betrokkene", ["d"]),  # small words around the ground are fine
        ("vitale belangen", ["d"]),
        ("Algemeen belang", ["e"]),
        ("openbaar gezag", ["e"]),
        ("Gerechtvaardigd belang", ["f"]),
        ("Uitvoering van een overeenkomst", ["b"]),  # the label of our own form
        ("e. Algemeen belang of openbaar gezag", ["e"]),  # the label with its letter
        ("c en wettelijke verplichting", ["c"]),  # letter and word for the same ground
        ("", []),  # empty is allowed: completeness is checked later
        ("xyz", None),  # unknown text
        ("g", None),  # not a letter of art. 6
        ("Wet BRP", None),  # a law belongs in the explanation, not here
    ],
)
def test_grondslag_uit_tekst(tekst, verwacht):
    if verwacht is None:
        with pytest.raises(ValueError, match="Onbekende grondslag"):
            importeren.lees_grondslagen(tekst)
    else:
        assert importeren.lees_grondslagen(tekst) == verwacht


@pytest.mark.parametrize(
    ("tekst", "verwacht"),
    [
        ("", []),
        ("nee", []),
        ("Geen", []),
        ("n.v.t.", []),
        ("gezondheid", ["gezondheid"]),
        ("Gezondheidsgegevens, religieuze overtuiging", ["gezondheid", "religie"]),
        ("ras_etnisch, gezondheid", ["gezondheid", "ras_etnisch"]),  # our own export
        ("Etnische afkomst; politieke opvattingen", ["ras_etnisch", "politiek"]),
        ("Lidmaatschap vakbond", ["vakbond"]),
        ("genetische en biometrische gegevens", ["genetisch", "biometrisch"]),
        ("seksuele gerichtheid", ["seksueel"]),
        ("levensovertuiging", ["religie"]),
    ],
)
def test_bijzondere_persoonsgegevens_uit_tekst(tekst, verwacht):
    assert sorted(importeren.lees_bijzondere_categorieen(tekst)) == sorted(verwacht)


def test_onbekende_bijzondere_persoonsgegevens_geven_een_fout():
    with pytest.raises(ValueError, match="Onbekende bijzondere"):
        importeren.lees_bijzondere_categorieen("ja")


@pytest.mark.parametrize(
    ("tekst", "verwacht"),
    [("ja", True), ("J", True), ("x", True), ("TRUE", True), ("1", True), ("waar", True), ("Ja.", True)]
    + [("nee", False), ("N", False), ("", False), ("false", False), ("0", False), ("onwaar", False)],
)
def test_ja_of_nee(tekst, verwacht):
    assert spreadsheet.lees_ja_nee(tekst) is verwacht


def test_iets_anders_dan_ja_of_nee_is_een_fout():
    with pytest.raises(ValueError, match="'ja' of 'nee'"):
        spreadsheet.lees_ja_nee("misschien")


def test_zet_om_vult_de_velden_en_verzamelt_fouten_zonder_te_stoppen(wereld):
    koppeling = {
        "naam": "Naam",
        "team": "Team",
        "verwerkingsverantwoordelijke": "VV",
        "grondslagen": "Grondslag",
        "gebruikt_bsn": "BSN",
        "doeleinden": "Doel",
    }
    rij = {"Naam": "  Paspoort  ", "Team": "burgerzaken", "VV": "", "Grondslag": "c", "BSN": "ja", "Doel": " Reizen "}
    gegevens, fouten = importeren.zet_om(rij, koppeling, gemeente=wereld.gemeente, standaard_team=None)
    assert fouten == {}
    assert gegevens == {
        "naam": "Paspoort",
        "team": wereld.team,  # case-insensitive
        "verwerkingsverantwoordelijke": wereld.vv,  # empty: the college
        "grondslagen": ["c"],
        "gebruikt_bsn": True,
        "doeleinden": "Reizen",
    }

    slecht = {"Naam": "", "Team": "Onbekend", "VV": "", "Grondslag": "xyz", "BSN": "soms", "Doel": ""}
    gegevens, fouten = importeren.zet_om(slecht, koppeling, gemeente=wereld.gemeente, standaard_team=None)
    assert set(fouten) == {"naam", "team", "grondslagen", "gebruikt_bsn"}
    assert "Onbekend" in fouten["team"]

    _, fouten = importeren.zet_om(slecht, koppeling, gemeente=wereld.gemeente, standaard_team=wereld.ander_team)
    assert "team" not in fouten  # the standaardteam fills in


def test_team_van_een_andere_gemeente_telt_niet(wereld):
    rij = {"Naam": "Paspoort", "Team": "Burgerzaken"}
    gegevens, fouten = importeren.zet_om(
        rij, {"naam": "Naam", "team": "Team"}, gemeente=wereld.andere_gemeente, standaard_team=None
    )
    assert gegevens["team"] == wereld.team_elders
    assert gegevens["verwerkingsverantwoordelijke"] == wereld.vv_elders


# --- The flow in the browser ----------------------------------------------------------------------


def test_van_upload_via_koppelen_en_voorbeeld_tot_concept_verwerkingen(po_client, wereld):
    bestand = xlsx(
        [
            VNG_KOPPEN,
            vng_rij("Paspoort aanvragen"),
            vng_rij("Rijbewijs", afdeling="sociaal domein", rechtsgrond="c, e"),
        ],
        "model-register.xlsx",
    )

    antwoord = upload(po_client, wereld, bestand)
    imp = RegisterImport.objects.get()
    assert antwoord.status_code == 302
    assert antwoord.url == f"/verwerkingen/importeren/{imp.uuid}/koppelen/"
    assert imp.door == wereld["privacy_officer"]
    assert imp.stap == RegisterImport.Stap.KOPPELEN
    assert imp.koppeling["naam"] == "Naam verwerking"
    assert len(imp.rijen) == 2

    pagina = po_client.get(antwoord.url)
    assert pagina.status_code == 200
    html = pagina.content.decode()
    assert '<option value="Naam verwerking" selected>Naam verwerking</option>' in html
    assert '<label class="utrecht-form-label" for="id_naam">' in html
    assert "— niet importeren —" in html

    antwoord = po_client.post(pagina.request["PATH_INFO"], koppel_post(imp, standaard_team=""))
    assert antwoord.status_code == 302
    assert antwoord.url == f"/verwerkingen/importeren/{imp.uuid}/voorbeeld/"
    imp.refresh_from_db()
    assert imp.stap == RegisterImport.Stap.VOORBEELD

    pagina = po_client.get(antwoord.url)
    html = pagina.content.decode()
    assert "Paspoort aanvragen" in html and "Sociaal Domein" in html
    assert pagina.context["aantal_goed"] == 2 and pagina.context["aantal_fout"] == 0
    assert "2 verwerkingen importeren" in html
    assert Verwerking.objects.count() == 0  # nothing saved before the confirmation

    antwoord = po_client.post(antwoord.url, follow=True)
    assert antwoord.redirect_chain[-1][0] == f"/verwerkingen/importeren/{imp.uuid}/verslag/"
    assert "2 verwerkingen geïmporteerd als concept" in antwoord.content.decode()

    paspoort = Verwerking.objects.get(naam="Paspoort aanvragen")
    assert paspoort.status == Status.CONCEPT
    assert paspoort.gemeente == wereld.gemeente
    assert paspoort.team == wereld.team
    assert paspoort.verwerkingsverantwoordelijke == wereld.vv
    assert paspoort.grondslagen == ["c"]
    assert paspoort.grondslag_toelichting == "Wet BRP, art. 1.2"
    assert paspoort.bijzondere_categorieen == ["gezondheid"]
    assert paspoort.gebruikt_bsn is True
    assert paspoort.doorgifte_buiten_eer is False
    assert paspoort.herkomst == "Betrokkene"
    assert paspoort.verwerkers == "Leverancier X B.V."
    assert paspoort.volledigheid == 100
    assert paspoort.history.get().history_change_reason == "Geïmporteerd uit model-register.xlsx"
    assert paspoort.history.get().history_user == wereld["privacy_officer"]
    rijbewijs = Verwerking.objects.get(naam="Rijbewijs")
    assert rijbewijs.team == wereld.ander_team
    assert rijbewijs.grondslagen == ["c", "e"]

    imp.refresh_from_db()
    assert imp.stap == RegisterImport.Stap.GEIMPORTEERD
    event = AuditEvent.objects.get(actie=AuditEvent.Actie.IMPORTEREN)
    assert event.actor == wereld["privacy_officer"] and event.object_id == str(imp.uuid)

    # a second confirmation (back button, double click) creates nothing more
    po_client.post(f"/verwerkingen/importeren/{imp.uuid}/voorbeeld/")
    assert Verwerking.objects.count() == 2


def test_naam_moet_gekoppeld_zijn(po_client, wereld):
    upload(po_client, wereld, csv_bestand("Titel;Doeleinden\nPaspoort;Reizen\n"))
    imp = RegisterImport.objects.get()
    assert "naam" not in imp.koppeling
    antwoord = po_client.post(f"/verwerkingen/importeren/{imp.uuid}/koppelen/", koppel_post(imp))
    assert antwoord.status_code == 200
    assert "Kies de kolom met de naam van de verwerking" in antwoord.content.decode()
    imp.refresh_from_db()
    assert imp.stap == RegisterImport.Stap.KOPPELEN

    antwoord = po_client.post(
        f"/verwerkingen/importeren/{imp.uuid}/koppelen/",
        koppel_post(imp, naam="Titel", standaard_team=wereld.team.pk),
    )
    assert antwoord.status_code == 302
    imp.refresh_from_db()
    assert imp.koppeling == {"naam": "Titel", "doeleinden": "Doeleinden"}
    assert imp.standaard_team == wereld.team


@pytest.mark.parametrize(
    ("rij", "veld", "melding"),
    [
        ("Paspoort;Onbekend team;c", "team", "Team &#x27;Onbekend team&#x27; bestaat niet in Voorbeeldstad"),
        ("Paspoort;Burgerzaken;xyz", "grondslagen", "Onbekende grondslag: &#x27;xyz&#x27;"),
    ],
)
def test_een_foute_rij_staat_in_het_voorbeeld_en_alleen_de_goede_wordt_opgeslagen(
    po_client, wereld, rij, veld, melding
):
    tekst = f"Naam;Team;Grondslag\nRijbewijs;Burgerzaken;e\n{rij}\n"
    upload(po_client, wereld, csv_bestand(tekst))
    imp = RegisterImport.objects.get()
    po_client.post(f"/verwerkingen/importeren/{imp.uuid}/koppelen/", koppel_post(imp))

    pagina = po_client.get(f"/verwerkingen/importeren/{imp.uuid}/voorbeeld/")
    html = pagina.content.decode()
    assert pagina.context["aantal_goed"] == 1 and pagina.context["aantal_fout"] == 1
    regel = pagina.context["fout_regels"][0]
    assert regel["nummer"] == 3 and veld in regel["fouten"]
    assert melding in html
    assert "Rijen die niet worden geïmporteerd" in html and "Rijen die worden geïmporteerd" in html
    assert Verwerking.objects.count() == 0  # nothing saved before the confirmation

    antwoord = po_client.post(f"/verwerkingen/importeren/{imp.uuid}/voorbeeld/", follow=True)
    html = antwoord.content.decode()
    assert "1 verwerking geïmporteerd als concept" in html and "1 rij niet geïmporteerd" in html
    assert "Rij 3" in html and melding in html
    assert list(Verwerking.objects.values_list("naam", flat=True)) == ["Rijbewijs"]
    imp.refresh_from_db()
    assert imp.stap == RegisterImport.Stap.GEIMPORTEERD
    assert [rij["nummer"] for rij in imp.verslag["overgeslagen"]] == [3]


def test_bestaande_en_dubbele_namen_worden_niet_nog_eens_aangemaakt(po_client, wereld):
    maak_verwerking(team=wereld.team, vv=wereld.vv, door=wereld["privacy_officer"], naam="Paspoort")
    tekst = "Naam;Team\nPASPOORT;Burgerzaken\nRijbewijs;Burgerzaken\nrijbewijs;Burgerzaken\n"
    upload(po_client, wereld, csv_bestand(tekst))
    imp = RegisterImport.objects.get()
    imp.stap = RegisterImport.Stap.VOORBEELD
    imp.save()

    regels = importeren.preview(imp)
    assert [regel["fouten"].get("naam", "") for regel in regels] == [
        "Er bestaat al een verwerking met deze naam in Voorbeeldstad.",
        "",
        "Deze naam staat ook in rij 3.",
    ]
    verslag = importeren.importeer(imp, door=wereld["privacy_officer"])
    assert [rij["nummer"] for rij in verslag["overgeslagen"]] == [2, 4]
    assert Verwerking.objects.count() == 2  # the one that existed, and 'Rijbewijs' once
    assert Verwerking.objects.filter(naam__iexact="rijbewijs").count() == 1


def test_rondje_export_en_weer_importeren_in_een_andere_gemeente(po_client, wereld):
    po = wereld["privacy_officer"]
    RolFactory(gebruiker=po, rol=Rol.PRIVACY_OFFICER, gemeente=wereld.andere_gemeente)
    origineel = maak_verwerking(
        team=wereld.team,
        vv=wereld.vv,
        door=po,
        grondslagen=["c", "e"],
        bijzondere_categorieen=["gezondheid", "ras_etnisch"],
        gebruikt_bsn=True,
        doorgifte_buiten_eer=True,
        doorgifte_waarborgen="VS, modelcontractbepalingen",
        algoritme_of_ai=True,
        bewaartermijn="-5 jaar",  # starts like a formula: the export escapes it, the import undoes that
    )

    export = po_client.get("/verwerkingen/export.xlsx")
    assert export.status_code == 200
    bestand = SimpleUploadedFile("register-van-verwerkingen.xlsx", export.content)
    antwoord = po_client.post("/verwerkingen/importeren/", {"gemeente": wereld.andere_gemeente.pk, "bestand": bestand})
    imp = RegisterImport.objects.get()
    assert antwoord.url.endswith("/koppelen/")
    assert set(importeren.DOELVELDEN) - set(imp.koppeling) == set()

    po_client.post(f"/verwerkingen/importeren/{imp.uuid}/koppelen/", koppel_post(imp))
    antwoord = po_client.post(f"/verwerkingen/importeren/{imp.uuid}/voorbeeld/")
    assert antwoord.status_code == 302

    kopie = Verwerking.objects.get(gemeente=wereld.andere_gemeente)
    assert kopie.team == wereld.team_elders
    assert kopie.verwerkingsverantwoordelijke == wereld.vv_elders
    for veld in importeren.DOELVELDEN:
        if veld not in ("team", "verwerkingsverantwoordelijke"):
            assert getattr(kopie, veld) == getattr(origineel, veld), veld


# --- Permissions and bad input --------------------------------------------------------------------


def test_teammanager_mag_niet_importeren(client, wereld):
    client.force_login(wereld["teammanager"])
    assert client.get("/verwerkingen/importeren/").status_code == 403
    antwoord = upload(client, wereld, csv_bestand("Naam\nPaspoort\n"))
    assert antwoord.status_code == 403
    assert RegisterImport.objects.count() == 0


def test_niet_ingelogd_gaat_naar_inloggen(client, wereld):
    antwoord = client.get("/verwerkingen/importeren/")
    assert antwoord.status_code == 302 and "/inloggen/" in antwoord.url


def test_upload_toont_alleen_gemeenten_waar_de_gebruiker_mag_importeren(po_client, wereld):
    antwoord = po_client.get("/verwerkingen/importeren/")
    assert antwoord.status_code == 200
    assert list(antwoord.context["form"].fields["gemeente"].queryset) == [wereld.gemeente]
    assert 'enctype="multipart/form-data"' in antwoord.content.decode()

    antwoord = po_client.post(
        "/verwerkingen/importeren/",
        {"gemeente": wereld.andere_gemeente.pk, "bestand": csv_bestand("Naam\nPaspoort\n")},
    )
    assert antwoord.status_code == 200
    assert RegisterImport.objects.count() == 0


def test_import_van_iemand_anders_geeft_404(client, wereld):
    andere_po = UserFactory(username="andere-privacy-officer")
    RolFactory(gebruiker=andere_po, rol=Rol.PRIVACY_OFFICER, gemeente=wereld.gemeente)
    imp = RegisterImport.objects.create(
        gemeente=wereld.gemeente,
        door=wereld["privacy_officer"],
        bestandsnaam="register.csv",
        kolommen=["Naam"],
        rijen=[{"Naam": "Paspoort", spreadsheet.RIJNUMMER: 2}],
        koppeling={"naam": "Naam"},
        stap=RegisterImport.Stap.VOORBEELD,
    )
    client.force_login(andere_po)
    assert client.get(f"/verwerkingen/importeren/{imp.uuid}/koppelen/").status_code == 404
    assert client.get(f"/verwerkingen/importeren/{imp.uuid}/voorbeeld/").status_code == 404
    assert client.post(f"/verwerkingen/importeren/{imp.uuid}/voorbeeld/").status_code == 404
    assert Verwerking.objects.count() == 0


@pytest.mark.parametrize(
    ("bestand", "melding"),
    [
        (SimpleUploadedFile("register.txt", b"Naam\nPaspoort\n"), "Kies een bestand dat eindigt op .xlsx"),
        (SimpleUploadedFile("register.xlsx", b"\x00\x01rommel" * 50), "Het bestand kan niet worden gelezen"),
    ],
)
def test_een_slecht_bestand_geeft_een_nederlandse_fout_en_geen_import(po_client, wereld, bestand, melding):
    antwoord = upload(po_client, wereld, bestand)
    assert antwoord.status_code == 200
    html = antwoord.content.decode()
    assert melding in html
    assert 'role="alert"' in html
    assert RegisterImport.objects.count() == 0
