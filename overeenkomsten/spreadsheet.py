"""Export and import of the agreements register as a spreadsheet (XLSX or CSV).

Export reuses the register's writer (`privacy_portal.core.spreadsheet.export_response`, every cell through `veilig`
against formula injection). Import is simpler than the register's: the columns are recognised by
their names (those of our own export, case and accents ignored), there is no mapping step. The
steps: `privacy_portal.core.spreadsheet.lees_bestand` reads the file; `preview` converts every row
(`lees_rij`) and collects its errors and warnings; `importeer` creates the good rows through the
services and reports the others with row, column and reason. The preview line, the import loop and
the report are the kernel's (`privacy_portal.core.importeren`); this module keeps the columns and
the row.
"""

import re
from datetime import datetime

from django.db import transaction

from privacy_portal.core import importeren as kern
from privacy_portal.core.audit import audit
from privacy_portal.core.importeren import Importsoort, Regel
from privacy_portal.core.models import AuditEvent
from privacy_portal.core.permissions import vereis
from privacy_portal.core.schrijven import opslaan, vergrendel
from privacy_portal.core.spreadsheet import RIJNUMMER, ImportFout, cel, lees_ja_nee, normaliseer
from privacy_portal.organisaties.models import Team
from registers.models import Verwerking

from . import checklist, services
from .constants import LANDEN, Doorgiftemechanisme, Soort
from .models import Overeenkomst, OvereenkomstImport

LIJST_SCHEIDING = re.compile(r"\s*[;\n]\s*")


def _ja_nee(waarde):
    return "ja" if waarde else "nee"


def _datum(waarde):
    return waarde.isoformat() if waarde else ""


def _lijst(waarden):
    return "; ".join(waarden)


KOLOMMEN = [
    ("Identificatie", lambda o: str(o.uuid)),
    ("Gemeente", lambda o: o.gemeente.naam),
    ("Onderwerp", lambda o: o.onderwerp),
    ("Soort", lambda o: o.get_soort_display()),
    ("Team", lambda o: o.team.naam),
    ("Eigenaar", lambda o: (o.eigenaar.get_full_name() or o.eigenaar.username) if o.eigenaar_id else ""),
    ("Partijen", lambda o: _lijst(p.naam for p in o.partijen.all())),
    (
        "Contact partijen",
        lambda o: _lijst(
            f"{p.naam}: " + ", ".join(w for w in (p.contactpersoon, p.email, p.telefoon) if w)
            for p in o.partijen.all()
            if p.contactpersoon or p.email or p.telefoon
        ),
    ),
    ("Aard en doel", lambda o: o.omschrijving),
    ("Ingangsdatum", lambda o: _datum(o.startdatum)),
    ("Einddatum", lambda o: _datum(o.einddatum)),
    ("Verwerkingen", lambda o: _lijst(sorted(v.naam for v in o.verwerkingen.all()))),
    (
        "Subverwerkers",
        lambda o: _lijst(
            f"{s.naam} ({LANDEN.get(s.land, 'land onbekend')}, toestemming {_ja_nee(s.toestemming)})"
            for s in o.subverwerkers.all()
        ),
    ),
    ("Land van opslag", lambda o: LANDEN.get(o.opslag_land, "")),
    ("Buiten de EER", lambda o: _ja_nee(o.buiten_eer)),
    ("Doorgiftemechanisme", lambda o: o.get_doorgiftemechanisme_display() if o.doorgiftemechanisme else ""),
    ("Aanwezige onderdelen", lambda o: _lijst(checklist.labels(o.soort, o.clausules))),
    (
        "Ontbrekende onderdelen",
        lambda o: _lijst(checklist.labels(o.soort, checklist.ontbrekende_clausules(o.soort, o.clausules))),
    ),
    ("Volledigheid (%)", lambda o: o.volledigheid),
    ("Laatste review", lambda o: _datum(o.laatste_review)),
    ("Volgende review", lambda o: _datum(o.volgende_review)),
    ("Openbaar", lambda o: _ja_nee(o.openbaar)),
    ("Uitleg voor inwoners", lambda o: o.samenvatting_openbaar),
    ("Document aanwezig", lambda o: _ja_nee(o.document)),
    ("Interne notitie", lambda o: o.interne_notitie),
]


def export_queryset(qs):
    return qs.select_related("gemeente", "team", "eigenaar").prefetch_related(
        "partijen", "verwerkingen", "subverwerkers"
    )


# --- Import ---------------------------------------------------------------------------------------

# Column name (normalised) -> field. Columns not listed (Identificatie, Volgende review, ...) are not read.
IMPORT_KOLOMMEN = {
    normaliseer(kop): veld
    for kop, veld in {
        "Onderwerp": "onderwerp",
        "Soort": "soort",
        "Team": "team",
        "Partijen": "partijen",
        "Aard en doel": "omschrijving",
        "Ingangsdatum": "startdatum",
        "Startdatum": "startdatum",
        "Einddatum": "einddatum",
        "Verwerkingen": "verwerkingen",
        "Land van opslag": "opslag_land",
        "Doorgiftemechanisme": "doorgiftemechanisme",
        "Aanwezige onderdelen": "clausules",
        "Laatste review": "laatste_review",
        "Openbaar": "openbaar",
        "Uitleg voor inwoners": "samenvatting_openbaar",
        "Interne notitie": "interne_notitie",
    }.items()
}
VERPLICHTE_KOLOMMEN = ("onderwerp", "soort", "partijen", "startdatum")
KOLOM_NAMEN = {
    "onderwerp": "Onderwerp",
    "soort": "Soort",
    "partijen": "Partijen",
    "startdatum": "Ingangsdatum",
}

SOORT_WOORDEN = {
    **{normaliseer(code): code for code in Soort.values},
    **{normaliseer(label): code for code, label in Soort.choices},
    "verwerkersovereenkomst": Soort.VERWERKERSOVEREENKOMST,
    "gezamenlijke verwerkingsverantwoordelijken": Soort.GEZAMENLIJKE_VERANTWOORDELIJKHEID,
    "gezamenlijke verantwoordelijkheid": Soort.GEZAMENLIJKE_VERANTWOORDELIJKHEID,
    "convenant": Soort.CONVENANT,
    "gegevensuitwisseling": Soort.GEGEVENSUITWISSELING,
    "gegevensuitwisselingsovereenkomst": Soort.GEGEVENSUITWISSELING,
}
LAND_WOORDEN = (
    {normaliseer(code): code for code in LANDEN}
    | {normaliseer(naam): code for code, naam in LANDEN.items()}
    | {"vs": "US", "usa": "US", "verenigde staten van amerika": "US", "vk": "GB", "engeland": "GB", "uk": "GB"}
)
MECHANISME_WOORDEN = {normaliseer(code): code for code in Doorgiftemechanisme.values} | {
    normaliseer(label): code for code, label in Doorgiftemechanisme.choices
}


def koppeling(kolommen):
    """field -> column name, for the columns whose names we know."""
    gevonden = {}
    for kolom in kolommen:
        veld = IMPORT_KOLOMMEN.get(normaliseer(kolom))
        if veld and veld not in gevonden:
            gevonden[veld] = kolom
    return gevonden


def ontbrekende_kolommen(kolommen):
    gekoppeld = koppeling(kolommen)
    return [KOLOM_NAMEN[veld] for veld in VERPLICHTE_KOLOMMEN if veld not in gekoppeld]


def lees_datum(tekst):
    """A date from '2026-03-01', '01-03-2026' or '1/3/2026'; '' -> None. ValueError in Dutch otherwise."""
    if not tekst:
        return None
    tekst = tekst.split("T")[0].split(" ")[0]
    for formaat in ("%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y", "%d.%m.%Y"):
        try:
            return datetime.strptime(tekst, formaat).date()  # noqa: DTZ007  a calendar date, no time zone
        except ValueError:
            continue
    raise ValueError(f"'{tekst}' is geen datum. Schrijf de datum als 31-12-2026 of 2026-12-31.")


def lees_lijst(tekst):
    return [deel for deel in LIJST_SCHEIDING.split(tekst or "") if deel]


def _keuze(woorden, tekst, fout):
    code = woorden.get(normaliseer(tekst))
    if code is None:
        raise ValueError(fout)
    return str(code)


def lees_clausules(soort, tekst):
    """Codes of the kind's checklist from codes or labels separated by ';'."""
    bekend = {}
    for code, label in checklist.clausules_voor(soort):
        bekend[normaliseer(code)] = code
        bekend[normaliseer(label)] = code
    codes, onbekend = [], []
    for deel in lees_lijst(tekst):
        code = bekend.get(normaliseer(deel))
        (codes if code else onbekend).append(code or deel)
    if onbekend:
        raise ValueError(f"Deze onderdelen horen niet bij de checklist van deze soort: {'; '.join(onbekend)}.")
    return codes


def lees_rij(rij, kolommen, *, teams, verwerkingen, standaard_team):
    """One row as (arguments for services.overeenkomst_aanmaken, errors per field, warnings per field).

    Never raises on data. A warning names a value replaced by a default (an empty or unknown team
    becomes the standard team): the row is imported, but never silently with a team nobody chose.
    """
    gegevens, fouten, waarschuwingen = {}, {}, {}
    cellen = {veld: cel(rij, kolom) for veld, kolom in kolommen.items()}
    for veld in ("onderwerp", "omschrijving", "samenvatting_openbaar", "interne_notitie"):
        gegevens[veld] = cellen.get(veld, "")
    if not gegevens["onderwerp"]:
        fouten["onderwerp"] = "Het onderwerp is leeg."
    try:
        gegevens["soort"] = _keuze(
            SOORT_WOORDEN, cellen.get("soort", ""), "Onbekende soort. Kies verwerkersovereenkomst, convenant, ..."
        )
    except ValueError as fout:
        fouten["soort"] = str(fout)
    teamnaam = cellen.get("team", "")
    team = next((t for t in teams if t.naam.casefold() == teamnaam.casefold()), None) if teamnaam else None
    gegevens["team"] = team or standaard_team
    if gegevens["team"] is None:
        fouten["team"] = (
            f"Team '{teamnaam}' staat niet in het portaal en er is geen standaardteam gekozen."
            if teamnaam
            else "Het team is leeg en er is geen standaardteam gekozen."
        )
    elif team is None:
        waarschuwingen["team"] = (
            f"Team '{teamnaam}' staat niet in het portaal: de rij krijgt het standaardteam {standaard_team.naam}."
            if teamnaam
            else f"Het team is leeg: de rij krijgt het standaardteam {standaard_team.naam}."
        )
    for veld in ("startdatum", "einddatum", "laatste_review"):
        try:
            gegevens[veld] = lees_datum(cellen.get(veld, ""))
        except ValueError as fout:
            fouten[veld] = str(fout)
    if gegevens.get("startdatum") is None and "startdatum" not in fouten:
        fouten["startdatum"] = "De ingangsdatum is leeg."
    try:
        land = cellen.get("opslag_land", "")
        gegevens["opslag_land"] = _keuze(LAND_WOORDEN, land, f"Onbekend land: '{land}'.") if land else ""
    except ValueError as fout:
        fouten["opslag_land"] = str(fout)
    try:
        mechanisme = cellen.get("doorgiftemechanisme", "")
        gegevens["doorgiftemechanisme"] = (
            _keuze(MECHANISME_WOORDEN, mechanisme, f"Onbekend doorgiftemechanisme: '{mechanisme}'.")
            if mechanisme
            else ""
        )
    except ValueError as fout:
        fouten["doorgiftemechanisme"] = str(fout)
    try:
        gegevens["openbaar"] = lees_ja_nee(cellen.get("openbaar", ""))
    except ValueError as fout:
        fouten["openbaar"] = str(fout)
    gegevens["clausules"] = []
    if "soort" in gegevens:
        try:
            gegevens["clausules"] = lees_clausules(gegevens["soort"], cellen.get("clausules", ""))
        except ValueError as fout:
            fouten["clausules"] = str(fout)
    partijen = [{"naam": naam} for naam in lees_lijst(cellen.get("partijen", ""))]
    if not partijen:
        fouten["partijen"] = "Noem ten minste één partij."
    per_naam = {v.naam.casefold(): v for v in verwerkingen}
    gekoppeld, onbekend = [], []
    for naam in lees_lijst(cellen.get("verwerkingen", "")):
        verwerking = per_naam.get(naam.casefold())
        (gekoppeld if verwerking else onbekend).append(verwerking or naam)
    if onbekend:
        fouten["verwerkingen"] = f"Niet gevonden in het register: {'; '.join(onbekend)}."
    return {"gegevens": gegevens, "partijen": partijen, "verwerkingen": gekoppeld}, fouten, waarschuwingen


SOORT = Importsoort(enkelvoud="overeenkomst", meervoud="overeenkomsten", labels=services.LABELS, naam_kop="Onderwerp")


def preview(imp, *, door):
    """Every row as a `Regel` (privacy_portal.core.importeren), in file order; `regel.invoer` holds
    the arguments for services.overeenkomst_aanmaken.

    Besides the conversion errors: the service's own checks (a dry run of its validation), the
    user's right to register for the row's team, and an agreement with the same subject and kind
    that already exists (or appears twice in the file): an import never makes duplicates.
    """
    teams = list(Team.objects.filter(gemeente=imp.gemeente).select_related("afdeling"))
    verwerkingen = list(Verwerking.objects.filter(gemeente=imp.gemeente).only("pk", "naam", "gemeente_id"))
    bestaand = {
        (onderwerp.casefold(), soort)
        for onderwerp, soort in Overeenkomst.objects.filter(gemeente=imp.gemeente).values_list("onderwerp", "soort")
    }
    kolommen = koppeling(imp.kolommen)
    gezien = {}
    regels = []
    for index, rij in enumerate(imp.rijen):
        nummer = rij.get(RIJNUMMER, index + 2)
        invoer, fouten, waarschuwingen = lees_rij(
            rij, kolommen, teams=teams, verwerkingen=verwerkingen, standaard_team=imp.standaard_team
        )
        gegevens = invoer["gegevens"]
        if not fouten:
            fouten.update(services.controleer_invoer(imp.gemeente, gegevens, invoer["partijen"]))
        team = gegevens.get("team")
        if team is not None and "team" not in fouten and not door.has_perm("overeenkomsten.add_overeenkomst", team):
            fouten["team"] = f"U mag geen overeenkomsten registreren voor team {team.naam}."
        sleutel = (gegevens["onderwerp"].casefold(), gegevens.get("soort"))
        if "onderwerp" not in fouten:
            if sleutel in bestaand:
                fouten["onderwerp"] = "Deze overeenkomst staat al in het register (zelfde onderwerp en soort)."
            elif sleutel in gezien:
                fouten["onderwerp"] = f"Deze overeenkomst staat ook in rij {gezien[sleutel]}."
            else:
                gezien[sleutel] = nummer
        regels.append(
            Regel(
                nummer=nummer,
                naam=gegevens["onderwerp"],
                invoer=invoer,
                fouten=fouten,
                waarschuwingen=waarschuwingen,
                soort=SOORT,
                koppeling=kolommen,
                team=team.naam if team else "",
            )
        )
    return regels


def import_bewaren(*, door, gemeente, bestandsnaam, kolommen, rijen, standaard_team=None):
    """Keep an uploaded file's rows until the user confirms the preview; nothing is created yet."""
    vereis(door, "overeenkomsten.add_overeenkomst", gemeente)
    imp = OvereenkomstImport(
        gemeente=gemeente,
        door=door,
        bestandsnaam=bestandsnaam[-255:],
        kolommen=kolommen,
        rijen=rijen,
        standaard_team=standaard_team,
    )
    return opslaan(imp, door=door, reden="Bestand ingelezen")


def importeer(imp, *, door):
    """Create every row without errors through the services; skip and report the others.

    The loop and the report are the kernel's (`privacy_portal.core.importeren.importeer`): each row
    in its own savepoint, so a row the service refuses does not undo the rest. The report is stored
    on the import (`verslag`) and returned. Raises ImportFout when the file has no rows, was
    imported before, or no row can be imported.
    """
    with transaction.atomic():
        imp = vergrendel(imp, related=("gemeente", "standaard_team"))
        vereis(door, "overeenkomsten.add_overeenkomst", imp.gemeente)
        if imp.geimporteerd:
            raise ImportFout("Dit bestand is al geïmporteerd.")
        verslag = kern.importeer(
            preview(imp, door=door),
            soort=SOORT,
            aanmaken=lambda regel: services.overeenkomst_aanmaken(
                door=door, gemeente=imp.gemeente, reden=f"Geïmporteerd uit {imp.bestandsnaam}", **regel.invoer
            ),
        )
        imp.geimporteerd = True
        imp.verslag = verslag
        opslaan(imp, door=door, reden=kern.samenvatting(verslag, SOORT), update_fields=["geimporteerd", "verslag"])
        audit(actor=door, actie=AuditEvent.Actie.IMPORTEREN, obj=imp, resultaat=kern.samenvatting(verslag, SOORT))
    return verslag
