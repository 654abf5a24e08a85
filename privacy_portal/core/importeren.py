"""What every register's spreadsheet import shares: the preview line, the import loop, the report.

A register keeps only what is its own: which column holds which field, and how one row becomes
input for its service. It describes itself once with an `Importsoort` (the words for what it
imports, the labels of its fields) and then uses:

- `Regel`: one row of the preview: row number, what the row is called, the input for the
  service, errors and warnings per field. `foutmeldingen`/`waarschuwingmeldingen` name the field
  and the column of the file. A row with errors is not imported; a row with warnings is, with the
  default the warning names.
- `importeer(regels, soort=..., aanmaken=...)`: creates each good row in its own savepoint through
  the register's service, so a row the service refuses does not undo the others, and returns the
  report (`verslag`) the register stores on its import: created uuids, skipped rows with row,
  field, column and reason, and the warnings of the imported rows. The caller locks its import
  and marks it done in the same transaction.
- `voorbeeld_pagina` and `verslag_pagina`: the pages `core/import_voorbeeld.html` (what will and
  will not be imported, before anything is saved) and `core/import_verslag.html` (afterwards).
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from django.contrib import messages
from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError
from django.db import transaction
from django.shortcuts import redirect, render

from .spreadsheet import ImportFout


@dataclass(frozen=True)
class Importsoort:
    """What a register imports, in words, and the labels of its fields."""

    enkelvoud: str  # "verwerking"
    meervoud: str  # "verwerkingen"
    labels: Mapping[str, str]  # field -> label, for the messages
    naam_kop: str = "Naam"  # heading of the column that names a row in the preview
    na_import: str = ""  # "als concept": how the created records start

    def aantal(self, n):
        """'1 verwerking', '2 verwerkingen'."""
        return f"{n} {self.enkelvoud if n == 1 else self.meervoud}"

    def label(self, veld):
        return "rij" if veld == NON_FIELD_ERRORS else self.labels.get(veld, veld)


@dataclass
class Regel:
    """One row of the file as the preview shows it, and as `importeer` creates or skips it.

    `koppeling` (field -> column in the file) names the column in every message. Pages read a
    Regel as attributes; `regel["fouten"]` reads it like the dict it used to be.
    """

    nummer: int
    naam: str
    invoer: Any
    fouten: dict[str, str]
    waarschuwingen: dict[str, str]
    soort: Importsoort = field(repr=False)
    koppeling: Mapping[str, str] = field(default_factory=dict, repr=False)
    team: str = ""

    def __getitem__(self, sleutel):
        return getattr(self, sleutel)

    def meldingen(self, per_veld):
        """[(field label, column in the file or '', message)] for the page and the report."""
        return [(self.soort.label(veld), self.koppeling.get(veld, ""), tekst) for veld, tekst in per_veld.items()]

    @property
    def foutmeldingen(self):
        return self.meldingen(self.fouten)

    @property
    def waarschuwingmeldingen(self):
        return self.meldingen(self.waarschuwingen)


def verdeel(regels):
    """The preview split into 'wordt geïmporteerd' (goed, with warnings) and 'wordt niet geïmporteerd'."""
    goed = [regel for regel in regels if not regel.fouten]
    fout_regels = [regel for regel in regels if regel.fouten]
    return {
        "regels": regels,
        "goed": goed,
        "fout_regels": fout_regels,
        "aantal_goed": len(goed),
        "aantal_fout": len(fout_regels),
        "aantal_waarschuwing": sum(1 for regel in goed if regel.waarschuwingen),
    }


# --- The import -----------------------------------------------------------------------------------


def leeg_verslag():
    return {"aangemaakt": [], "overgeslagen": [], "waarschuwingen": []}


def verslag_van(imp):
    """The stored report of an import, with every list present (also for an import not yet done)."""
    return {**leeg_verslag(), **(imp.verslag or {})}


def _overgeslagen(regel, fouten=None):
    return {
        "nummer": regel.nummer,
        "naam": regel.naam,
        "fouten": [list(m) for m in regel.meldingen(fouten or regel.fouten)],
    }


def importeer(regels, *, soort, aanmaken: Callable[[Regel], Any]):
    """Create every row without errors with `aanmaken(regel)` (the register's service), each in its
    own savepoint; skip and report the others. Returns the report.

    Run it inside the caller's transaction, with the caller's import locked. A row the service
    refuses (ValidationError, PermissionDenied) is skipped like a row with errors. Raises ImportFout
    when there are no rows, or no row can be imported: then nothing is saved.
    """
    if not regels:
        raise ImportFout(f"Het bestand bevat geen rijen met {soort.meervoud}.")
    if all(regel.fouten for regel in regels):
        raise ImportFout(
            f"Geen van de {len(regels)} rijen kan worden geïmporteerd. Er is niets opgeslagen. Verbeter het bestand."
        )
    verslag = leeg_verslag()
    for regel in regels:
        if regel.fouten:
            verslag["overgeslagen"].append(_overgeslagen(regel))
            continue
        try:
            with transaction.atomic():
                obj = aanmaken(regel)
        except ValidationError as fout:
            fouten = {veld: " ".join(teksten) for veld, teksten in fout.message_dict.items()}
            verslag["overgeslagen"].append(_overgeslagen(regel, fouten))
            continue
        except PermissionDenied:
            fouten = {"team": f"U mag geen {soort.meervoud} aanmaken voor team {regel.team}."}
            verslag["overgeslagen"].append(_overgeslagen(regel, fouten))
            continue
        verslag["aangemaakt"].append(str(obj.uuid))
        if regel.waarschuwingen:
            verslag["waarschuwingen"].append(
                {
                    "nummer": regel.nummer,
                    "naam": regel.naam,
                    "meldingen": [list(m) for m in regel.waarschuwingmeldingen],
                }
            )
    return verslag


def samenvatting(verslag, soort):
    """'2 verwerkingen geïmporteerd, 1 rij overgeslagen' for the audit log."""
    overgeslagen = len(verslag["overgeslagen"])
    return (
        f"{soort.aantal(len(verslag['aangemaakt']))} geïmporteerd, "
        f"{overgeslagen} rij{'en' if overgeslagen != 1 else ''} overgeslagen"
    )


def melding_na_import(verslag, soort):
    """The message on the report page: what was imported, and how many rows were not."""
    tekst = f"{soort.aantal(len(verslag['aangemaakt']))} geïmporteerd"
    tekst += f" {soort.na_import}." if soort.na_import else "."
    overgeslagen = len(verslag["overgeslagen"])
    if overgeslagen:
        tekst += f" {overgeslagen} rij{'en' if overgeslagen != 1 else ''} niet geïmporteerd: zie hieronder."
    return tekst


# --- The pages ------------------------------------------------------------------------------------


def voorbeeld_pagina(request, *, imp, soort, preview, importeer, urls, stap):
    """The preview, and on POST the import.

    `preview()` gives the Regels, `importeer()` imports and returns the report (or raises
    ImportFout). `urls`: `terug` (previous step), `opnieuw` (upload another file), `lijst`,
    `verslag`, and optionally `koppelen`. `stap`: 'Stap 3 van 3'.
    """
    fout = None
    if request.method == "POST":
        try:
            verslag = importeer()
        except ImportFout as exc:
            fout = str(exc)
        else:
            messages.success(request, melding_na_import(verslag, soort))
            return redirect(urls["verslag"])
    regels = preview()
    context = {"imp": imp, "soort": soort, "urls": urls, "stap": stap, "fout": fout, **verdeel(regels)}
    context["knop"] = soort.aantal(context["aantal_goed"])
    return render(request, "core/import_voorbeeld.html", context)


def verslag_pagina(request, *, imp, soort, urls, resultaat_tekst):
    """After the import: what was created (a link to it, `urls['resultaat']`) and what was skipped, why."""
    context = {
        "imp": imp,
        "soort": soort,
        "urls": urls,
        "resultaat_tekst": resultaat_tekst,
        "verslag": verslag_van(imp),
    }
    return render(request, "core/import_verslag.html", context)
