"""Reading and writing spreadsheets, shared by every register's import and export.

`lees_bestand` reads an XLSX or CSV file into column names and rows of text (limits on size,
rows and columns; a damaged file gives `ImportFout` with a Dutch message). An XLSX is checked
before it is parsed: its ZIP directory (`core.uploads.controleer_zip`, against zip bombs) and the
sheet size it declares; it is then read row by row (openpyxl read-only), never wider than
MAX_KOLOMMEN + 1 columns and never past row MAX_RIJNUMMER. `normaliseer` and
`lees_ja_nee` read cell text; `veilig` neutralises cells a spreadsheet would run as a formula.
"""

import contextlib
import csv
import datetime
import io
import re
import unicodedata
import zipfile

from django.http import Http404, HttpResponse
from openpyxl import Workbook, load_workbook

from .uploads import SPREADSHEET, BestandGeweigerd, controleer_zip

MAX_BYTES = 10 * 1024 * 1024
MAX_RIJEN = 5000
MAX_KOLOMMEN = 200
# The last sheet row read (empty rows in between are allowed), and the sheet size an XLSX may declare.
MAX_RIJNUMMER = 2 * MAX_RIJEN
MAX_KOLOMMEN_GEDECLAREERD = 1000

RIJNUMMER = "__rij__"


class ImportFout(ValueError):
    """The file cannot be read, or the import cannot go ahead. The message is Dutch, for the user."""


# --- Reading the file -----------------------------------------------------------------------------


def lees_bestand(bestand, bestandsnaam):
    """Read an XLSX or CSV file into (column names, rows).

    The first non-empty row holds the column names. Each row is a dict column -> text, plus the
    row's number in the spreadsheet under RIJNUMMER. Fully empty rows are skipped.
    """
    extensie = bestandsnaam.rsplit(".", 1)[-1].lower() if "." in bestandsnaam else ""
    if extensie not in ("xlsx", "csv"):
        raise ImportFout("Kies een bestand dat eindigt op .xlsx (Excel) of .csv. Sla het bestand zo nodig opnieuw op.")
    inhoud = bestand.read(MAX_BYTES + 1)
    if len(inhoud) > MAX_BYTES:
        raise ImportFout("Het bestand is groter dan 10 MB. Verdeel het register over meer bestanden.")
    if not inhoud:
        raise ImportFout("Het bestand is leeg.")
    records = _xlsx_records(inhoud) if extensie == "xlsx" else _csv_records(inhoud)
    with contextlib.closing(records):
        return _tabel(records)


XLSX_ONLEESBAAR = "Het bestand kan niet worden gelezen. Is het een Excel-bestand (.xlsx)?"


TE_VEEL_RIJEN = (
    "Het werkblad loopt door tot voorbij rij {rij} (misschien lege rijen met opmaak). Verwijder de lege "
    "rijen onderaan, of kopieer de gegevens naar een nieuw werkblad."
)
TE_VEEL_KOLOMMEN = (
    "Het werkblad is {kolommen} kolommen breed (misschien lege kolommen met opmaak). Verwijder de lege "
    "kolommen rechts, of kopieer de gegevens naar een nieuw werkblad."
)


def _xlsx_records(inhoud):
    try:
        controleer_zip(inhoud, SPREADSHEET)
    except BestandGeweigerd as fout:
        raise ImportFout(str(fout)) from fout
    except zipfile.BadZipFile as fout:
        raise ImportFout(XLSX_ONLEESBAAR) from fout
    # A damaged or fake file can make openpyxl raise almost anything, so catch broadly here.
    try:
        boek = load_workbook(io.BytesIO(inhoud), read_only=True, data_only=True)
    except Exception as fout:
        raise ImportFout(XLSX_ONLEESBAAR) from fout
    try:
        if not boek.worksheets:
            raise ImportFout("Het Excel-bestand heeft geen werkblad.")
        werkblad = boek.worksheets[0]
        # The size the sheet declares (its <dimension>); openpyxl would fill every row up to it.
        if (werkblad.max_row or 0) > MAX_RIJNUMMER:
            raise ImportFout(TE_VEEL_RIJEN.format(rij=f"{MAX_RIJNUMMER:_}".replace("_", ".")))
        if (werkblad.max_column or 0) > MAX_KOLOMMEN_GEDECLAREERD:
            raise ImportFout(TE_VEEL_KOLOMMEN.format(kolommen=f"{werkblad.max_column:_}".replace("_", ".")))
        werkblad.reset_dimensions()
        rijen = werkblad.iter_rows(max_col=MAX_KOLOMMEN + 1, values_only=True)
        for nummer, cellen in enumerate(rijen, start=1):
            if nummer > MAX_RIJNUMMER:
                raise ImportFout(TE_VEEL_RIJEN.format(rij=f"{MAX_RIJNUMMER:_}".replace("_", ".")))
            yield nummer, [_als_tekst(waarde) for waarde in cellen]
    except ImportFout:
        raise
    except Exception as fout:
        raise ImportFout(XLSX_ONLEESBAAR) from fout
    finally:
        boek.close()


def _als_tekst(waarde):
    """A cell value as text: dates in ISO form, whole numbers without '.0', booleans as ja/nee."""
    if waarde is None:
        return ""
    if isinstance(waarde, bool):
        return "ja" if waarde else "nee"
    if isinstance(waarde, datetime.datetime):
        return waarde.date().isoformat() if waarde.time() == datetime.time() else waarde.isoformat()
    if isinstance(waarde, (datetime.date, datetime.time)):
        return waarde.isoformat()
    if isinstance(waarde, float) and waarde.is_integer():
        return str(int(waarde))
    return str(waarde).strip()


def _csv_records(inhoud):
    try:
        tekst = inhoud.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            tekst = inhoud.decode("cp1252")
        except UnicodeDecodeError as fout:
            raise ImportFout("Het CSV-bestand kan niet worden gelezen. Sla het op als CSV (UTF-8).") from fout
    if "\x00" in tekst:
        raise ImportFout("Het bestand kan niet worden gelezen. Is het een CSV-bestand (tekst)?")
    lezer = csv.reader(io.StringIO(tekst, newline=""), delimiter=_scheidingsteken(tekst))
    try:
        for nummer, cellen in enumerate(lezer, start=1):
            yield nummer, [cel.strip() for cel in cellen]
    except csv.Error as fout:
        raise ImportFout(f"Het CSV-bestand kan niet worden gelezen: {fout}.") from fout


def _scheidingsteken(tekst):
    """';' or ',': counted in the first non-empty line, else csv.Sniffer, else ';' (Dutch Excel)."""
    eerste = next((regel for regel in tekst.splitlines() if regel.strip()), "")
    if eerste.count(";") != eerste.count(","):
        return ";" if eerste.count(";") > eerste.count(",") else ","
    try:
        return csv.Sniffer().sniff(tekst[:65536], delimiters=";,").delimiter
    except csv.Error:
        return ";"


def _tabel(records):
    """Column names from the first non-empty record; the later non-empty records as dicts."""
    kolommen, rijen = None, []
    for nummer, cellen in records:
        if not any(cellen):
            continue
        if len(cellen) > MAX_KOLOMMEN and any(cellen[MAX_KOLOMMEN:]):
            raise ImportFout(f"Het bestand heeft meer dan {MAX_KOLOMMEN} kolommen. Dat kan geen register zijn.")
        if kolommen is None:
            kolommen = _kolomnamen(cellen)
            continue
        if len(rijen) == MAX_RIJEN:
            raise ImportFout(f"Het bestand heeft meer dan {MAX_RIJEN} rijen. Verdeel het over meer bestanden.")
        while len(kolommen) < len(cellen) and any(cellen[len(kolommen) :]):
            _voeg_kolom_toe(kolommen, "", len(kolommen))
        rij = {kolom: (cellen[i] if i < len(cellen) else "") for i, kolom in enumerate(kolommen)}
        rij[RIJNUMMER] = nummer
        rijen.append(rij)
    if kolommen is None:
        raise ImportFout("Het bestand is leeg: de eerste rij moet de kolomnamen bevatten.")
    for rij in rijen:  # columns that appeared later are empty in earlier rows
        for kolom in kolommen:
            rij.setdefault(kolom, "")
    return kolommen, rijen


def _kolomnamen(cellen):
    """Header cells as unique names; empty ones become 'Kolom 3', duplicates 'Naam (2)'."""
    while cellen and not cellen[-1]:
        cellen = cellen[:-1]
    namen = []
    for index, cel in enumerate(cellen):
        _voeg_kolom_toe(namen, cel, index)
    return namen


def _voeg_kolom_toe(namen, kop, index):
    naam = kop if kop and kop != RIJNUMMER else f"Kolom {index + 1}"
    basis, teller = naam, 2
    while naam in namen:
        naam, teller = f"{basis} ({teller})", teller + 1
    namen.append(naam)


def normaliseer(tekst):
    """Lower case, without accents and punctuation, single spaces: 'Doel(en)' -> 'doel en'."""
    tekst = unicodedata.normalize("NFKD", str(tekst)).encode("ascii", "ignore").decode()
    return " ".join(re.sub(r"[^a-z0-9]+", " ", tekst.lower()).split())


GEEN = {"", "nee", "n", "geen", "nvt", "n v t", "niet van toepassing", "0", "false", "onwaar"}
JA = {"ja", "j", "x", "true", "1", "waar", "yes", "y"}


def lees_ja_nee(tekst):
    """True or False from 'ja', 'nee', 'x', '1', 'waar', ... Raises ValueError on anything else."""
    genormaliseerd = normaliseer(tekst)
    if genormaliseerd in JA:
        return True
    if genormaliseerd in GEEN:
        return False
    raise ValueError(f"Vul 'ja' of 'nee' in, niet '{tekst}'.")


GEVAARLIJKE_BEGINTEKENS = ("=", "+", "-", "@", "\t", "\r")


def veilig(waarde):
    """Neutralise a cell a spreadsheet would run as a formula (OWASP CSV injection)."""
    if isinstance(waarde, str) and waarde.startswith(GEVAARLIJKE_BEGINTEKENS):
        return "'" + waarde
    return waarde


def cel(rij, kolom):
    """A cell's text, stripped, with the quote our export puts before a formula-like value removed."""
    waarde = str(rij.get(kolom, "") if kolom else "").strip()
    if waarde.startswith("'") and waarde[1:].startswith(GEVAARLIJKE_BEGINTEKENS):
        waarde = waarde[1:]
    return waarde


def _rijen(objecten, kolommen):
    yield [kop for kop, _ in kolommen]
    for obj in objecten:
        yield [veilig(waarde(obj)) for _, waarde in kolommen]


class _Doorgeven:
    def write(self, waarde):
        return waarde


def csv_stroom(objecten, kolommen):
    """The CSV of `export_response` as a stream of text pieces (for a StreamingHttpResponse): a header
    and then a piece per 100 rows, so memory stays flat however many objects there are."""
    schrijver = csv.writer(_Doorgeven(), delimiter=";")
    stuk = ["\ufeff"]
    for rij in _rijen(objecten, kolommen):
        stuk.append(schrijver.writerow(rij))
        if len(stuk) >= 100:
            yield "".join(stuk)
            stuk = []
    if stuk:
        yield "".join(stuk)


def export_response(objecten, formaat, *, bestandsnaam, kolommen, blad="Register"):
    """A CSV (Dutch Excel: ';', UTF-8 with BOM) or XLSX download; `kolommen`: [(heading, obj -> value)]."""
    if formaat == "csv":
        buffer = io.StringIO()
        csv.writer(buffer, delimiter=";").writerows(_rijen(objecten, kolommen))
        antwoord = HttpResponse("\ufeff" + buffer.getvalue(), content_type="text/csv; charset=utf-8")
    elif formaat == "xlsx":
        boek = Workbook(write_only=True)
        werkblad = boek.create_sheet(blad)
        for rij in _rijen(objecten, kolommen):
            werkblad.append(rij)
        buffer = io.BytesIO()
        boek.save(buffer)
        antwoord = HttpResponse(
            buffer.getvalue(), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        )
    else:
        raise Http404
    antwoord["Content-Disposition"] = f'attachment; filename="{bestandsnaam}.{formaat}"'
    return antwoord
