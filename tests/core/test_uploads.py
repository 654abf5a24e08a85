"""Small files with large effects are refused before they are parsed; large bodies before they are read.

The bomb files are built here: small on disk, large in what they declare or unpack to. Each case
asserts the reason of the refusal (the check that caught it), not the time it took.
"""

import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook
from rest_framework.test import APIClient

from overeenkomsten.services import controleer_document
from privacy_portal.core import uploads
from privacy_portal.core.spreadsheet import ImportFout, lees_bestand

HOOFD = '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'


def _xlsx(**vervang):
    """A real workbook (openpyxl) with some of its parts replaced: {'xl/worksheets/sheet1.xml': b'...'}."""
    boek = Workbook()
    boek.active.append(["Naam", "Doel"])
    boek.active.append(["Paspoort", "Aanvraag reisdocument"])
    bron = io.BytesIO()
    boek.save(bron)
    uit = io.BytesIO()
    with zipfile.ZipFile(bron) as origineel, zipfile.ZipFile(uit, "w", zipfile.ZIP_DEFLATED) as nieuw:
        for naam in origineel.namelist():
            nieuw.writestr(naam, vervang.pop(naam, None) or origineel.read(naam))
        for naam, inhoud in vervang.items():
            nieuw.writestr(naam, inhoud)
    return uit.getvalue()


def _blad(dimensie, rijen):
    cellen = "".join(
        f'<row r="{rij}"><c r="{kolom}{rij}" t="inlineStr"><is><t>{tekst}</t></is></c></row>'
        for rij, kolom, tekst in rijen
    )
    dimensie = f'<dimension ref="{dimensie}"/>' if dimensie else ""
    return f"{HOOFD}{dimensie}<sheetData>{cellen}</sheetData></worksheet>".encode()


def _lees(inhoud, naam="register.xlsx"):
    return lees_bestand(io.BytesIO(inhoud), naam)


BLAD = "xl/worksheets/sheet1.xml"


def test_een_gewoon_excelbestand_wordt_gelezen():
    kolommen, rijen = _lees(_xlsx())
    assert kolommen == ["Naam", "Doel"] and rijen[0]["Naam"] == "Paspoort"


def test_een_werkblad_dat_een_miljoen_rijen_opgeeft_wordt_geweigerd_voor_het_lezen():
    inhoud = _xlsx(**{BLAD: _blad("A1:XFD1048576", [(1, "A", "Naam"), (1048576, "XFD", "x")])})
    assert len(inhoud) < 10_000
    with pytest.raises(ImportFout, match="loopt door tot voorbij rij 10.000"):
        _lees(inhoud)


def test_een_werkblad_dat_16384_kolommen_opgeeft_wordt_geweigerd():
    inhoud = _xlsx(**{BLAD: _blad("A1:XFD2", [(1, "A", "Naam"), (2, "A", "Paspoort")])})
    with pytest.raises(ImportFout, match="16.384 kolommen breed"):
        _lees(inhoud)


def test_een_verre_rij_zonder_opgegeven_afmeting_wordt_geweigerd_bij_het_lezen():
    inhoud = _xlsx(**{BLAD: _blad(None, [(1, "A", "Naam"), (2, "A", "Paspoort"), (1048576, "A", "x")])})
    with pytest.raises(ImportFout, match="loopt door tot voorbij rij 10.000"):
        _lees(inhoud)


def test_een_sharedstrings_bom_wordt_geweigerd_op_de_uitgepakte_grootte():
    strings = b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    strings += b"<si><t>a</t></si>" * 1_800_000 + b"</sst>"  # 30 MB unpacked, about 60 kB packed
    inhoud = _xlsx(**{"xl/sharedStrings.xml": strings})
    assert len(inhoud) < 300_000
    with pytest.raises(ImportFout, match=r"uitgepakt \d+ MB groot; dat is meer dan 25 MB"):
        _lees(inhoud)


def test_een_deel_dat_duizend_keer_groter_uitpakt_wordt_geweigerd():
    inhoud = _xlsx(**{"xl/media/leeg.bin": b"\0" * (3 * uploads.MB)})
    with pytest.raises(ImportFout, match="meer dan 100 keer zo groot"):
        _lees(inhoud)


def test_een_bestand_met_duizenden_delen_wordt_geweigerd():
    inhoud = _xlsx(**{f"xl/leeg/{i}.xml": b"<a/>" for i in range(600)})
    with pytest.raises(ImportFout, match="te veel delen"):
        _lees(inhoud)


def _odt(**delen):
    uit = io.BytesIO()
    with zipfile.ZipFile(uit, "w", zipfile.ZIP_DEFLATED) as archief:
        archief.writestr("mimetype", delen.pop("mimetype", b"application/vnd.oasis.opendocument.text"))
        archief.writestr("content.xml", delen.pop("content", b"<office:document-content/>"))
    return SimpleUploadedFile("getekend.odt", uit.getvalue())


@pytest.mark.parametrize(
    "delen",
    [
        {"content": b" " * (50 * uploads.MB)},  # a document that unpacks to 50 MB of spaces
        {"mimetype": b"application/vnd.oasis.opendocument.text" + b" " * (10 * uploads.MB)},  # read to check it
    ],
    ids=["inhoud", "mimetype"],
)
def test_een_odt_bom_wordt_geweigerd_voor_het_uitpakken(delen):
    bestand = _odt(**delen)
    assert bestand.size < 200_000
    with pytest.raises(ValidationError) as fout:
        controleer_document(bestand)
    assert "meer dan 100 keer zo groot" in fout.value.message_dict["document"][0]


def test_een_gewone_odt_wordt_aanvaard():
    assert controleer_document(_odt()) == "odt"


@pytest.mark.django_db
def test_de_importpagina_toont_de_weigering(client, wereld):
    client.force_login(wereld["privacy_officer"])
    inhoud = _xlsx(**{BLAD: _blad("A1:XFD1048576", [(1, "A", "Naam"), (1048576, "XFD", "x")])})
    antwoord = client.post(
        "/verwerkingen/importeren/",
        {"gemeente": wereld.gemeente.pk, "bestand": SimpleUploadedFile("register.xlsx", inhoud)},
    )
    assert antwoord.status_code == 200 and "loopt door tot voorbij rij 10.000" in antwoord.content.decode()


# --- the request body ------------------------------------------------------------------------------


def _groot(client_of_api, pad, megabytes, **extra):
    """A POST that announces `megabytes` MB but sends one byte: refused on the announcement alone."""
    return client_of_api.generic(
        "POST",
        pad,
        b"x",
        content_type="application/x-www-form-urlencoded",
        CONTENT_LENGTH=str(megabytes * uploads.MB),
        **extra,
    )


@pytest.mark.django_db
def test_een_groot_anoniem_verzoek_wordt_geweigerd_voor_het_lezen(client, wereld):
    antwoord = _groot(client, "/register/voorbeeldstad/verzoek/", 60)
    assert antwoord.status_code == 413
    assert "te groot (meer dan 256 kB)" in antwoord.content.decode()
    assert not hasattr(antwoord.wsgi_request, "_post")  # the body was never parsed


@pytest.mark.django_db
def test_ingelogd_mag_een_document_sturen_maar_niet_60_mb(client, wereld):
    client.force_login(wereld["privacy_officer"])
    assert _groot(client, "/verwerkingen/importeren/", 60).status_code == 413
    bestand = SimpleUploadedFile("register.csv", b"Naam\n" + b"x" * 300_000 + b"\n")  # more than anonymous may
    antwoord = client.post("/verwerkingen/importeren/", {"gemeente": wereld.gemeente.pk, "bestand": bestand})
    assert antwoord.status_code == 200


@pytest.mark.django_db
def test_de_api_weigert_een_groot_verzoek_met_problem_json(wereld):
    api = APIClient()
    api.force_authenticate(wereld["privacy_officer"])
    antwoord = _groot(api, "/api/v1/verwerkingen", 5)
    assert antwoord.status_code == 413 and antwoord["Content-Type"] == "application/problem+json"
    assert antwoord.json()["title"] == "Te groot" and "2 MB" in antwoord.json()["detail"]


@pytest.mark.django_db
def test_een_ongeldige_lengte_is_400(client, wereld):
    antwoord = client.generic("POST", "/register/voorbeeldstad/verzoek/", b"x", CONTENT_LENGTH="veel")
    assert antwoord.status_code == 400
