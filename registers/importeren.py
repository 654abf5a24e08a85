"""Import of a register van verwerkingen from a spreadsheet (XLSX or CSV). Pure logic, no views.

The steps, each a function:

- `privacy_portal.core.spreadsheet.lees_bestand` reads the file into column names and rows of text;
- `raad_koppeling` guesses which column holds which field, from the column names;
- `lees_rij` (and `zet_om`) turns one row into input for `services.verwerking_aanmaken`, collecting
  errors and warnings per field;
- `preview` and `importeer` work on a stored RegisterImport: first show every row with its errors
  (not imported) and warnings (imported with a default), then create the good rows and report the
  others with row number, column and reason. The preview line, the import loop and the report are
  the kernel's (`privacy_portal.core.importeren`); this module keeps the mapping and the row.

Row data never raises: every problem with a cell becomes a Dutch message for that field.
`ImportFout` is raised only for a file that cannot be read, and by `importeer` when no row can be
imported.
"""

import re

from django.db import transaction

from privacy_portal.core import importeren as kern
from privacy_portal.core.audit import audit
from privacy_portal.core.importeren import Importsoort, Regel
from privacy_portal.core.models import AuditEvent
from privacy_portal.core.permissions import vereis
from privacy_portal.core.spreadsheet import (
    GEEN,
    RIJNUMMER,
    ImportFout,
    cel,
    lees_ja_nee,
    normaliseer,
)
from privacy_portal.organisaties.models import Team, Verwerkingsverantwoordelijke

from . import services
from .constants import BijzondereCategorie, Grondslag
from .models import RegisterImport, Verwerking, VerwerkingInhoud

# The fields a column can be mapped to: every content field except the DPIA status, which the
# privacy officer decides in the portal.
DOELVELDEN = [veld for veld in services.INHOUD_VELDEN if veld != "dpia_status"]
JA_NEE_VELDEN = [f.name for f in VerwerkingInhoud._meta.fields if f.get_internal_type() == "BooleanField"]
NAAM_MAX = VerwerkingInhoud._meta.get_field("naam").max_length


# --- Guessing the mapping -------------------------------------------------------------------------


# Our own export (exporteren.KOLOMMEN_INTERN) -> field. Columns not listed (Identificatie, Status,
# DPIA-status, ...) are not imported.
EXPORT_KOLOMMEN = {
    "Naam": "naam",
    "Team": "team",
    "Verwerkingsverantwoordelijke": "verwerkingsverantwoordelijke",
    "Gezamenlijke verwerkingsverantwoordelijken": "gezamenlijke_verantwoordelijken",
    "Doeleinden": "doeleinden",
    "Grondslagen": "grondslagen",
    "Toelichting grondslag": "grondslag_toelichting",
    "Categorieën betrokkenen": "categorieen_betrokkenen",
    "Categorieën persoonsgegevens": "categorieen_persoonsgegevens",
    "Bijzondere persoonsgegevens": "bijzondere_categorieen",
    "Strafrechtelijke gegevens": "strafrechtelijke_gegevens",
    "BSN": "gebruikt_bsn",
    "Ontvangers": "ontvangers",
    "Verwerkers": "verwerkers",
    "Doorgifte buiten de EER": "doorgifte_buiten_eer",
    "Waarborgen doorgifte": "doorgifte_waarborgen",
    "Bewaartermijn": "bewaartermijn",
    "Herkomst": "herkomst",
    "Beveiligingsmaatregelen": "beveiligingsmaatregelen",
    "Geautomatiseerde besluitvorming": "geautomatiseerde_besluitvorming",
    "Algoritme of AI": "algoritme_of_ai",
    "Interne notitie": "interne_notitie",
}

# Column names in the VNG/IBD model register and in registers gemeenten keep themselves.
SYNONIEMEN = {
    "naam": [
        "Naam verwerking",
        "Naam van de verwerking",
        "Verwerking",
        "Verwerkingsactiviteit",
        "Naam verwerkingsactiviteit",
        "Omschrijving verwerking",
    ],
    "team": ["Team", "Afdeling/team", "Afdeling", "Organisatieonderdeel"],
    "verwerkingsverantwoordelijke": ["Verwerkingsverantwoordelijke", "Verantwoordelijke", "Bestuursorgaan"],
    "gezamenlijke_verantwoordelijken": [
        "Gezamenlijke verwerkingsverantwoordelijken",
        "Gezamenlijke verantwoordelijken",
        "Gezamenlijke verwerkingsverantwoordelijke",
    ],
    "doeleinden": [
        "Doel(en) van de verwerking",
        "Doel van de verwerking",
        "Doelen van de verwerking",
        "Verwerkingsdoeleinden",
        "Verwerkingsdoel",
        "Doel",
        "Doelen",
        "Doelbinding",
    ],
    "grondslagen": ["Rechtsgrond", "Rechtsgronden", "Grondslag", "Grondslag AVG", "Grondslag (art. 6 AVG)"],
    "grondslag_toelichting": [
        "Wettelijke grondslag",
        "Toelichting grondslag",
        "Toelichting rechtsgrond",
        "Wettelijke basis",
        "Wet- en regelgeving",
    ],
    "categorieen_betrokkenen": [
        "Categorie betrokkenen",
        "Categorieën van betrokkenen",
        "Betrokkenen",
        "Categorieën betrokkenen",
    ],
    "categorieen_persoonsgegevens": [
        "Categorieën persoonsgegevens",
        "Categorieën van persoonsgegevens",
        "Categorie persoonsgegevens",
        "Persoonsgegevens",
        "Soort persoonsgegevens",
    ],
    "bijzondere_categorieen": [
        "Bijzondere persoonsgegevens",
        "Bijzondere categorieën persoonsgegevens",
        "Bijzondere categorieën van persoonsgegevens",
        "Bijzondere gegevens",
    ],
    "strafrechtelijke_gegevens": ["Strafrechtelijke gegevens", "Strafrechtelijke persoonsgegevens"],
    "gebruikt_bsn": ["BSN", "Gebruik BSN", "Burgerservicenummer", "Verwerking BSN"],
    "ontvangers": ["Ontvangers", "Categorieën ontvangers", "Categorieën van ontvangers", "Ontvanger", "Derden"],
    "verwerkers": ["Verwerker", "Verwerkers", "Verwerker(s)", "Leverancier", "Leveranciers"],
    "doorgifte_buiten_eer": [
        "Doorgifte buiten EER",
        "Doorgifte buiten de EER",
        "Derde landen",
        "Doorgifte derde landen",
        "Doorgifte aan derde landen",
    ],
    "doorgifte_waarborgen": ["Waarborgen doorgifte", "Passende waarborgen", "Waarborgen"],
    "bewaartermijn": ["Bewaartermijn", "Bewaartermijnen", "Bewaartermijn gegevens"],
    "herkomst": ["Bron", "Bronnen", "Herkomst", "Herkomst gegevens", "Bron van de gegevens"],
    "beveiligingsmaatregelen": [
        "Beveiliging",
        "Beveiligingsmaatregelen",
        "Technische en organisatorische maatregelen",
        "Technische en organisatorische beveiligingsmaatregelen",
        "Maatregelen",
        "TOM",
    ],
    "geautomatiseerde_besluitvorming": [
        "Profilering",
        "Geautomatiseerde besluitvorming",
        "Geautomatiseerde besluitvorming en profilering",
        "Profilering of geautomatiseerde besluitvorming",
    ],
    "algoritme_of_ai": ["Algoritme", "Algoritmen", "AI", "Algoritme of AI", "Algoritmes", "Kunstmatige intelligentie"],
    "interne_notitie": ["Interne notitie", "Opmerkingen", "Opmerking", "Notitie"],
}


def _synoniemen():
    """Normalised column name -> (field, rank): our export, the model's own labels, then SYNONIEMEN.

    A lower rank is a better match, so a column 'Team' wins from a column 'Afdeling'.
    """
    namen = [(kop, veld) for kop, veld in EXPORT_KOLOMMEN.items()]
    namen += [(services.VELD_LABELS[veld], veld) for veld in DOELVELDEN]
    for veld, synoniemen in SYNONIEMEN.items():
        namen += [(naam, veld) for naam in synoniemen]
    tabel = {}
    for rang, (naam, veld) in enumerate(namen):
        tabel.setdefault(normaliseer(naam), (veld, rang))
    return tabel


SYNONIEMEN_GENORMALISEERD = _synoniemen()


def raad_koppeling(kolommen):
    """Guess field -> column from the column names, ignoring case, accents and punctuation.

    A name in brackets may be left out: 'Bewaartermijn (jaren)' is 'Bewaartermijn'. Each field gets
    the column with the best-ranked name; each column goes to one field at most.
    """
    kandidaten = []
    for positie, kolom in enumerate(kolommen):
        zonder_haakjes = re.sub(r"\([^)]*\)", " ", kolom)
        for sleutel in (normaliseer(kolom), normaliseer(zonder_haakjes)):
            if sleutel in SYNONIEMEN_GENORMALISEERD:
                veld, rang = SYNONIEMEN_GENORMALISEERD[sleutel]
                kandidaten.append((rang, positie, veld, kolom))
                break
    koppeling, gebruikt = {}, set()
    for _, _, veld, kolom in sorted(kandidaten):
        if veld not in koppeling and kolom not in gebruikt:
            koppeling[veld] = kolom
            gebruikt.add(kolom)
    return koppeling


# --- Converting one row ---------------------------------------------------------------------------

# Words for the grounds of AVG art. 6(1), longest first so 'algemeen belang of openbaar gezag' wins.
GRONDSLAG_WOORDEN = sorted(
    [
        *((normaliseer(label.split(". ", 1)[1]), code) for code, label in Grondslag.choices),
        ("toestemming", "a"),
        ("overeenkomst", "b"),
        ("wettelijke verplichting", "c"),
        ("wettelijke plicht", "c"),
        ("vitaal belang", "d"),
        ("vitale belangen", "d"),
        ("vitaal", "d"),
        ("vitale", "d"),
        ("algemeen belang", "e"),
        ("publieke taak", "e"),
        ("publiekrechtelijke taak", "e"),
        ("openbaar gezag", "e"),
        ("gerechtvaardigd belang", "f"),
        ("gerechtvaardigde belangen", "f"),
        ("gerechtvaardigde belang", "f"),
    ],
    key=lambda paar: -len(paar[0]),
)
# Words around a letter that carry no meaning of their own: 'Art. 6 lid 1 sub e AVG', 'c en e'.
GRONDSLAG_VULWOORDEN = {
    *("art", "artikel", "lid", "eerste", "sub", "onder", "letter", "avg", "6", "1", "grondslag"),
    *("en", "of", "van", "de", "het", "een", "betrokkene", "betrokkenen"),
}

BIJZONDERE_WOORDEN = {
    BijzondereCategorie.GEZONDHEID: ("gezondheid", "medisch", "medische"),
    BijzondereCategorie.RAS_ETNISCH: ("ras", "etnisch", "etnische"),
    BijzondereCategorie.POLITIEK: ("politiek", "politieke"),
    BijzondereCategorie.RELIGIE: ("religi", "levensovertuiging", "levensbeschouw", "geloof"),
    BijzondereCategorie.VAKBOND: ("vakbond",),
    BijzondereCategorie.GENETISCH: ("genetisch",),
    BijzondereCategorie.BIOMETRISCH: ("biometrisch",),
    BijzondereCategorie.SEKSUEEL: ("seksue", "seksualiteit"),
}


def lees_grondslagen(tekst):
    """Letters a-f from text like 'c, e', 'Art. 6 lid 1 sub e AVG' or 'wettelijke verplichting'.

    Raises ValueError (with a Dutch message) on words it does not know.
    """
    rest = f" {normaliseer(tekst)} "
    codes = set()
    for woorden, code in GRONDSLAG_WOORDEN:
        if f" {woorden} " in rest:
            codes.add(code)
            rest = rest.replace(f" {woorden} ", " ")
    onbekend = []
    for woord in rest.split():
        if woord in Grondslag.values:
            codes.add(woord)
        elif woord not in GRONDSLAG_VULWOORDEN:
            onbekend.append(woord)
    if onbekend:
        raise ValueError(
            f"Onbekende grondslag: '{' '.join(onbekend)}'. Gebruik de letters a tot en met f uit AVG artikel 6 lid 1, "
            "bijvoorbeeld 'c, e'. Zet de wet zelf in de toelichting op de grondslag."
        )
    return sorted(codes)


def lees_bijzondere_categorieen(tekst):
    """Codes of BijzondereCategorie from text like 'gezondheid, ras_etnisch'; 'nee' or '' -> []."""
    genormaliseerd = normaliseer(tekst)
    if genormaliseerd in GEEN:
        return []
    woorden = genormaliseerd.split()
    codes = [
        code
        for code, stammen in BIJZONDERE_WOORDEN.items()
        if any(woord == stam or (len(stam) > 3 and woord.startswith(stam)) for woord in woorden for stam in stammen)
    ]
    if not codes:
        raise ValueError(
            "Onbekende bijzondere persoonsgegevens. Noem bijvoorbeeld 'gezondheid' of 'religie', of vul 'nee' in."
        )
    return [str(code) for code in codes]


def _zoek(objecten, tekst, *sleutels):
    tekst = tekst.casefold()
    for sleutel in sleutels:
        for obj in objecten:
            if str(sleutel(obj)).casefold() == tekst:
                return obj
    return None


def zet_om(rij, koppeling, *, gemeente, standaard_team, teams=None, verantwoordelijken=None):
    """One row as (gegevens for services.verwerking_aanmaken, fouten per field). Never raises on data.

    See `lees_rij` for the warnings (values replaced by a default) as well.
    """
    gegevens, fouten, _ = lees_rij(
        rij,
        koppeling,
        gemeente=gemeente,
        standaard_team=standaard_team,
        teams=teams,
        verantwoordelijken=verantwoordelijken,
    )
    return gegevens, fouten


def lees_rij(rij, koppeling, *, gemeente, standaard_team, teams=None, verantwoordelijken=None):
    """One row as (gegevens, fouten per field, waarschuwingen per field). Never raises on data.

    A warning says which value was replaced by a default (the standard team, the college as
    verwerkingsverantwoordelijke): the row is imported, but never silently with a value nobody chose.
    `teams` and `verantwoordelijken` are the gemeente's, loaded once by the caller for many rows.
    """
    if teams is None:
        teams = list(Team.objects.filter(gemeente=gemeente))
    if verantwoordelijken is None:
        verantwoordelijken = list(Verwerkingsverantwoordelijke.objects.filter(gemeente=gemeente))
    gegevens, fouten, waarschuwingen = {}, {}, {}

    naam = cel(rij, koppeling.get("naam"))
    gegevens["naam"] = naam
    if not naam:
        fouten["naam"] = "De naam van de verwerking is leeg."
    elif len(naam) > NAAM_MAX:
        fouten["naam"] = f"De naam is te lang: hoogstens {NAAM_MAX} tekens."

    team_naam = cel(rij, koppeling.get("team"))
    team = _zoek(teams, team_naam, lambda t: t.naam) if team_naam else None
    gegevens["team"] = team or standaard_team
    if gegevens["team"] is None:
        fouten["team"] = (
            f"Team '{team_naam}' bestaat niet in {gemeente.naam}. Kies een standaardteam of verbeter de naam."
            if team_naam
            else "Het team is leeg. Kies een standaardteam of vul het team in."
        )
    elif team is None:
        waarschuwingen["team"] = (
            f"Team '{team_naam}' bestaat niet in {gemeente.naam}: de rij krijgt het standaardteam "
            f"{standaard_team.naam}."
            if team_naam
            else f"Het team is leeg: de rij krijgt het standaardteam {standaard_team.naam}."
        )

    vv_naam = cel(rij, koppeling.get("verwerkingsverantwoordelijke"))
    vv = None
    if vv_naam:
        vv = _zoek(verantwoordelijken, vv_naam, lambda v: v.naam, lambda v: v.soort, lambda v: v.get_soort_display())
    college = next((v for v in verantwoordelijken if v.soort == Verwerkingsverantwoordelijke.Soort.COLLEGE), None)
    gegevens["verwerkingsverantwoordelijke"] = vv or college
    if gegevens["verwerkingsverantwoordelijke"] is None:
        fouten["verwerkingsverantwoordelijke"] = (
            f"Verwerkingsverantwoordelijke '{vv_naam}' bestaat niet in {gemeente.naam}."
            if vv_naam
            else f"De verwerkingsverantwoordelijke is leeg en {gemeente.naam} heeft geen college in het portaal."
        )
    elif vv is None:
        waarschuwingen["verwerkingsverantwoordelijke"] = (
            f"Verwerkingsverantwoordelijke '{vv_naam}' bestaat niet in {gemeente.naam}: de rij krijgt {college.naam}."
            if vv_naam
            else f"De verwerkingsverantwoordelijke is leeg: de rij krijgt {college.naam}."
        )

    lezers = {"grondslagen": lees_grondslagen, "bijzondere_categorieen": lees_bijzondere_categorieen}
    lezers.update({veld: lees_ja_nee for veld in JA_NEE_VELDEN})
    for veld in DOELVELDEN:
        if veld in gegevens or not koppeling.get(veld):
            continue
        tekst = cel(rij, koppeling[veld])
        try:
            gegevens[veld] = lezers[veld](tekst) if veld in lezers else tekst
        except ValueError as fout:
            fouten[veld] = str(fout)
    return gegevens, fouten, waarschuwingen


# --- Preview and import ---------------------------------------------------------------------------

SOORT = Importsoort(
    enkelvoud="verwerking", meervoud="verwerkingen", labels=services.VELD_LABELS, na_import="als concept"
)


def preview(imp):
    """Every row of the import as a `Regel` (privacy_portal.core.importeren), in file order; the
    input for the service is `regel.invoer`. A row with errors will not be imported; a row with
    warnings will, with the default named in the warning.

    Besides lees_rij's errors, a name that already exists in the gemeente, or twice in the file, is an
    error: an import never makes duplicates.
    """
    teams = list(Team.objects.filter(gemeente=imp.gemeente))
    verantwoordelijken = list(Verwerkingsverantwoordelijke.objects.filter(gemeente=imp.gemeente))
    bestaand = {
        naam.casefold() for naam in Verwerking.objects.filter(gemeente=imp.gemeente).values_list("naam", flat=True)
    }
    gezien = {}
    regels = []
    for index, rij in enumerate(imp.rijen):
        nummer = rij.get(RIJNUMMER, index + 2)
        gegevens, fouten, waarschuwingen = lees_rij(
            rij,
            imp.koppeling,
            gemeente=imp.gemeente,
            standaard_team=imp.standaard_team,
            teams=teams,
            verantwoordelijken=verantwoordelijken,
        )
        sleutel = gegevens["naam"].casefold()
        if "naam" not in fouten:
            if sleutel in bestaand:
                fouten["naam"] = f"Er bestaat al een verwerking met deze naam in {imp.gemeente.naam}."
            elif sleutel in gezien:
                fouten["naam"] = f"Deze naam staat ook in rij {gezien[sleutel]}."
            else:
                gezien[sleutel] = nummer
        team = gegevens.get("team")
        regels.append(
            Regel(
                nummer=nummer,
                naam=gegevens["naam"],
                invoer=gegevens,
                fouten=fouten,
                waarschuwingen=waarschuwingen,
                soort=SOORT,
                koppeling=imp.koppeling,
                team=team.naam if team else "",
            )
        )
    return regels


def importeer(imp, *, door):
    """Create every row without errors as a concept verwerking; skip and report the others.

    The loop and the report are the kernel's (`privacy_portal.core.importeren.importeer`): each row
    in its own savepoint, through `services.verwerking_aanmaken`. The report is stored on the
    import (`verslag`) and returned. Raises ImportFout when the file has no rows, was imported
    before, or no row can be imported.
    """
    with transaction.atomic():
        imp = (
            RegisterImport.objects.select_for_update(of=("self",))
            .select_related("gemeente", "standaard_team")
            .get(pk=imp.pk)
        )
        vereis(door, "registers.importeren_verwerking", imp.gemeente)
        if imp.stap == RegisterImport.Stap.GEIMPORTEERD:
            raise ImportFout("Dit bestand is al geïmporteerd.")
        verslag = kern.importeer(
            preview(imp),
            soort=SOORT,
            aanmaken=lambda regel: services.verwerking_aanmaken(
                door=door, gemeente=imp.gemeente, gegevens=regel.invoer, reden=f"Geïmporteerd uit {imp.bestandsnaam}"
            ),
        )
        imp.stap = RegisterImport.Stap.GEIMPORTEERD
        imp.verslag = verslag
        imp._history_user = door
        imp.save(update_fields=["stap", "verslag"])
        audit(actor=door, actie=AuditEvent.Actie.IMPORTEREN, obj=imp, resultaat=kern.samenvatting(verslag, SOORT))
    return verslag
