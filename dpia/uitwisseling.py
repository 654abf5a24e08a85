"""Exchange with the government's DPIA tool (MinBZK par-dpia-form, EUPL-1.2).

- `lees_definitie(pad, schema_pad)`: read an assessment-definition v2 file (YAML or JSON) and check
  it against that format's JSON Schema and the rules the schema cannot express (unique ids).
- `exporteer(dpia)`: a filled-in DPIA in the tool's assessment-output v2 format: the stored answers
  plus what the portal keeps in its own records (risks 16.1, measures 17.1, acceptance 17.3,
  versions 19.1, status 19.2, FG advice 19.5, sign-off 20.1).
- `lees_uitvoer(inhoud)`: read such a file back (size limit before parsing, JSON, the output schema
  vendored in model_rijksdienst/, then our extension); `OngeldigeUitvoer` lists every problem in Dutch.

What the answers cannot hold exactly (a measure's owner, type, status and due date; the FG's verdict
apart from the text; the CISO's advice; the AP consultation; the version log as data) travels in
`metadata.privacyPortal`. The format declares no extension point, but its metadata object allows
more properties than the ones it names, so a file with the extension stays valid and the DPIA tool
can still read its answers. `services.dpia_importeren` turns a file into records.

The definition schema is not part of the portal: the caller names it (the tool's repository has it in
`schemas/`; the import command looks beside the file and in ../schemas/ by default).
"""

import json
import re
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path

from django.utils import timezone

from .constants import Criterium, FgOordeel, MaatregelStatus, Niveau, SoortMaatregel, Status, Uitkomst
from .vragenlijst import definitie_van, taken_index, urn_met_versie

SCHEMA_DEFINITIE = "assessment-definition.v2.schema.json"
OUTPUT_SCHEMA_URL = "https://github.com/MinBZK/par-dpia-form/blob/main/schemas/assessment-output.v2.schema.json"
SCHEMA_UITVOER = Path(__file__).resolve().parent / "model_rijksdienst" / "assessment-output.v2.schema.json"
EXTENSIE = "privacyPortal"  # the key in metadata that carries the portal's own records
EXTENSIE_VERSIE = 1
MAX_IMPORT_BYTES = 5 * 1024 * 1024  # checked before the file is parsed
MAX_FOUTEN = 25


class OngeldigeDefinitie(ValueError):
    """The file is not a valid assessment-definition v2 document; `fouten` lists why."""

    def __init__(self, fouten):
        self.fouten = fouten
        super().__init__("; ".join(fouten))


def zoek_schema(pad: Path) -> Path | None:
    """The definition schema beside the file, or in ../schemas/ (the layout of the tool's repository)."""
    for kandidaat in (pad.parent / SCHEMA_DEFINITIE, pad.parent.parent / "schemas" / SCHEMA_DEFINITIE):
        if kandidaat.is_file():
            return kandidaat
    return None


def _laad(pad: Path):
    tekst = pad.read_text(encoding="utf-8")
    if pad.suffix.lower() == ".json":
        return json.loads(tekst)
    import yaml

    return yaml.safe_load(tekst)


def controleer_definitie(definitie, schema) -> list[str]:
    """Every problem with a definition: schema errors first, then duplicate task ids."""
    import jsonschema

    validator = jsonschema.Draft202012Validator(schema)
    fouten = [
        f"{'/'.join(str(p) for p in fout.absolute_path) or '(document)'}: {fout.message}"
        for fout in sorted(validator.iter_errors(definitie), key=lambda f: list(map(str, f.absolute_path)))
    ]
    if fouten:
        return fouten
    gezien, dubbel = set(), set()

    def loop(taken):
        for taak in taken:
            (dubbel if taak["id"] in gezien else gezien).add(taak["id"])
            loop(taak.get("tasks") or [])

    loop(definitie.get("tasks") or [])
    return [f"Taak-id {taak_id} komt meer dan eens voor." for taak_id in sorted(dubbel)]


def lees_definitie(pad, schema_pad=None):
    """Read and check a definition file; raises OngeldigeDefinitie or FileNotFoundError."""
    pad = Path(pad)
    schema_pad = Path(schema_pad) if schema_pad else zoek_schema(pad)
    if schema_pad is None or not schema_pad.is_file():
        raise FileNotFoundError(f"Het schema {SCHEMA_DEFINITIE} is niet gevonden; geef het op met --schema.")
    try:
        definitie = _laad(pad)
    except Exception as fout:  # YAML or JSON syntax error: report it as an invalid file
        raise OngeldigeDefinitie([f"Het bestand is geen geldige YAML of JSON: {fout}"]) from fout
    if not isinstance(definitie, dict):
        raise OngeldigeDefinitie(["Het bestand bevat geen vragenlijst (een object met name, urn en tasks)."])
    fouten = controleer_definitie(definitie, json.loads(schema_pad.read_text(encoding="utf-8")))
    if fouten:
        raise OngeldigeDefinitie(fouten)
    return definitie


# --- export --------------------------------------------------------------------------------------


def _naam(user):
    return (user.get_full_name() or user.get_username()) if user else ""


def _moment(waarde):
    return timezone.localtime(waarde).isoformat() if waarde else None


def _antwoord(waarde, moment, door=None):
    antwoord = {"value": waarde, "lastEditedAt": moment}
    if door:
        antwoord["lastEditedBy"] = door
    return antwoord


def _portaal_antwoorden(dpia, index, nu):
    """The answers the portal derives from its records, for the task ids the definition has."""
    uit = {}
    risicos = list(dpia.risicos.all())
    maatregelen = list(dpia.maatregelen.select_related("eigenaar"))
    gewijzigd = _moment(dpia.gewijzigd_op) or nu
    if "16.1" in index and risicos:
        uit["16.1"] = [
            {
                "_index": i,
                **{
                    sleutel: _antwoord(waarde, _moment(r.gewijzigd_op))
                    for sleutel, waarde in (
                        ("16.1.1", f"{r.code}. {r.beschrijving}"),
                        ("16.1.2", r.oorsprong),
                        ("16.1.3", r.kans),
                        ("16.1.4", r.kans_motivering),
                        ("16.1.5", r.impact),
                        ("16.1.6", r.impact_motivering),
                        ("16.1.7", r.niveau),
                        ("16.1.8", "Kans × impact volgens de risicomatrix van het Privacy Portal."),
                    )
                    if sleutel in index and waarde
                },
            }
            for i, r in enumerate(risicos)
        ]
    if "17.1" in index and risicos:
        elementen = []
        for r in risicos:
            eigen = [m for m in maatregelen if m.risico_id == r.pk]
            velden = {
                "17.1.1": [f"{r.code}. {r.beschrijving}"],
                "17.1.2": r.oorsprong,
                "17.1.3": "; ".join(
                    f"{m.code} ({m.get_soort_display().lower()}, {m.get_status_display().lower()}, "
                    f"uiterlijk {m.deadline:%d-%m-%Y}): {m.beschrijving}"
                    for m in eigen
                ),
                "17.1.4": r.restrisico,
                "17.1.5": dpia.raadpleging_antwoord if r.restrisico == "hoog" else "",
                "17.1.7": ", ".join(sorted({_naam(m.eigenaar) for m in eigen})),
            }
            elementen.append(
                {
                    "_index": len(elementen),
                    **{k: _antwoord(v, _moment(r.gewijzigd_op)) for k, v in velden.items() if k in index and v},
                }
            )
        uit["17.1"] = elementen
    advies = geldend_advies(dpia)
    acceptatie, fg = advies["acceptatie"], advies["fgAdvies"]
    bron = ((dpia.overgenomen or {}).get("bron") or {}).get("gemeente", "")

    def organisatie(eigen):
        naam = dpia.gemeente.naam if eigen else bron
        return f"Gemeente {naam}" if naam else ""

    if "17.3" in index and acceptatie and acceptatie["motivering"]:
        uit["17.3"] = _antwoord(acceptatie["motivering"], acceptatie["op"], (acceptatie["door"] or {}).get("naam"))
    if "19.1" in index and dpia.versielog:
        uit["19.1"] = [
            {
                "_index": i,
                **{
                    k: _antwoord(v, gewijzigd)
                    for k, v in (
                        ("19.1.1", regel["versie"]),
                        ("19.1.2", regel["datum"]),
                        ("19.1.3", regel["toelichting"]),
                    )
                    if k in index
                },
            }
            for i, regel in enumerate(dpia.versielog)
        ]
    if "19.2" in index:
        uit["19.2"] = _antwoord("definitief" if dpia.status == Status.AFGEROND else "concept", gewijzigd)
    if fg:
        door = (fg["door"] or {}).get("naam", "")
        for sleutel, waarde in (
            ("19.5.1", organisatie(dpia.fg_advies_op)),
            ("19.5.4", door),
            ("19.5.5", "Functionaris gegevensbescherming"),
            ("19.5.6", timezone.localdate(moment_uit(fg["op"])).isoformat()),
            ("19.5.7", f"{FgOordeel(fg['oordeel']).label}. {fg['advies']}"),
        ):
            if sleutel in index and waarde:
                uit[sleutel] = _antwoord(waarde, fg["op"], door or None)
    if "20.1" in index and acceptatie:
        uit["20.1"] = [
            {
                "_index": 0,
                **{
                    k: _antwoord(v, acceptatie["op"])
                    for k, v in (
                        ("20.1.1", organisatie(dpia.geaccepteerd_op)),
                        ("20.1.4", (acceptatie["door"] or {}).get("naam", "")),
                        ("20.1.5", acceptatie.get("als", "")),
                        ("20.1.6", timezone.localdate(moment_uit(acceptatie["op"])).isoformat()),
                    )
                    if k in index and v
                },
            }
        ]
    return uit


def exporteer(dpia, *, door=None, nu=None):
    """The DPIA in the assessment-output v2 format (a dict ready for json.dumps)."""
    nu = nu or timezone.now()
    definitie = definitie_van(dpia)
    index = taken_index(definitie)
    metadata = {"urn": urn_met_versie(definitie), "createdAt": timezone.localtime(nu).isoformat()}
    if door is not None:
        metadata["createdBy"] = {"name": _naam(door)}
        if door.email:
            metadata["createdBy"]["email"] = door.email
    if dpia.status == Status.AFGEROND:
        metadata["completedTasks"] = [t["id"] for t in definitie.get("tasks") or [] if t["id"].isdigit()]
    antwoorden = {k: v for k, v in (dpia.antwoorden or {}).items() if k.split("[")[0] in index}
    antwoorden.update(_portaal_antwoorden(dpia, index, timezone.localtime(nu).isoformat()))
    # answers an import brought along for parts the portal keeps itself, where it has nothing of its own
    # (not beside this gemeente's own advice or sign-off: the FG's or signer's details would mix)
    eigen = (("19.5",) if dpia.fg_advies_op else ()) + (("20.1", "17.3") if dpia.geaccepteerd_op else ())
    for sleutel, waarde in ((dpia.overgenomen or {}).get("antwoorden") or {}).items():
        taak_id = sleutel.split("[")[0]
        if taak_id in index and not any(taak_id == e or taak_id.startswith(e + ".") for e in eigen):
            antwoorden.setdefault(sleutel, waarde)
    metadata[EXTENSIE] = extensie(dpia)
    return {"$schema": OUTPUT_SCHEMA_URL, "metadata": metadata, "answers": antwoorden}


# --- the portal's records in metadata.privacyPortal ----------------------------------------------


def _persoon(user):
    if user is None:
        return None
    persoon = {"naam": _naam(user)}
    if user.email:
        persoon["email"] = user.email
    return persoon


def _datum(waarde):
    return waarde.isoformat() if waarde else None


def eigen_advies(dpia):
    """The DPIA's own advice, acceptance and consultation, in the extension's shape (None where not given)."""
    return {
        "beveiligingsadvies": {
            "advies": dpia.beveiligingsadvies,
            "op": _moment(dpia.beveiligingsadvies_op),
            "door": _persoon(dpia.beveiligingsadvies_door),
        }
        if dpia.beveiligingsadvies_op
        else None,
        "fgAdvies": {
            "oordeel": dpia.fg_oordeel,
            "advies": dpia.fg_advies,
            "op": _moment(dpia.fg_advies_op),
            "door": _persoon(dpia.fg_advies_door),
        }
        if dpia.fg_advies_op
        else None,
        "acceptatie": {
            "motivering": dpia.acceptatie_motivering,
            "op": _moment(dpia.geaccepteerd_op),
            "door": _persoon(dpia.geaccepteerd_door),
            "als": dpia.geaccepteerd_als,
        }
        if dpia.geaccepteerd_op
        else None,
        "raadpleging": {
            "ingediendOp": _datum(dpia.raadpleging_ingediend_op),
            "kenmerk": dpia.raadpleging_kenmerk,
            "verlengd": dpia.raadpleging_verlengd,
            "deadline": _datum(dpia.raadpleging_deadline),
            "antwoordOp": _datum(dpia.raadpleging_antwoord_op),
            "antwoord": dpia.raadpleging_antwoord,
        }
        if dpia.raadpleging_ingediend_op
        else None,
    }


def geldend_advies(dpia):
    """Own advice where given, otherwise what an import brought along (so a re-export loses nothing)."""
    eigen = eigen_advies(dpia)
    overgenomen = dpia.overgenomen or {}
    return {sleutel: waarde or overgenomen.get(sleutel) for sleutel, waarde in eigen.items()}


def extensie(dpia):
    """metadata.privacyPortal: the records behind the answers 16.1-20.1, exactly."""
    risicos = list(dpia.risicos.all())
    maatregelen = list(dpia.maatregelen.select_related("eigenaar", "risico"))
    return {
        "versie": EXTENSIE_VERSIE,
        "dpia": {
            "titel": dpia.titel,
            "kenmerk": dpia.kenmerk,
            "gemeente": dpia.gemeente.naam,
            "status": dpia.status,
            "versie": dpia.versie,
            "versielog": list(dpia.versielog),
            "restrisico": dpia.restrisico,
        },
        "prescan": {
            "criteria": list(dpia.prescan_criteria),
            "apLijst": list(dpia.prescan_ap_lijst),
            "uitkomst": dpia.prescan_uitkomst,
            "redenen": list(dpia.prescan_redenen),
        },
        "risicos": [
            {
                "nummer": r.nummer,
                "beschrijving": r.beschrijving,
                "oorsprong": r.oorsprong,
                "kans": r.kans,
                "kansMotivering": r.kans_motivering,
                "impact": r.impact,
                "impactMotivering": r.impact_motivering,
                "restrisico": r.restrisico,
                "restrisicoMotivering": r.restrisico_motivering,
            }
            for r in risicos
        ],
        "maatregelen": [
            {
                "nummer": m.nummer,
                "risico": m.risico.nummer if m.risico_id else None,
                "beschrijving": m.beschrijving,
                "soort": m.soort,
                "status": m.status,
                "deadline": _datum(m.deadline),
                "gereedOp": _datum(m.gereed_op),
                "toelichting": m.toelichting,
                "eigenaar": _persoon(m.eigenaar),
            }
            for m in maatregelen
        ],
        **eigen_advies(dpia),
        "overgenomen": dpia.overgenomen or None,
    }


_TEKST = {"type": "string", "maxLength": 100_000}
_PERSOON = {
    "type": ["object", "null"],
    "properties": {"naam": {"type": "string", "maxLength": 300}, "email": {"type": "string", "maxLength": 254}},
    "required": ["naam"],
}
_DATUM = {"type": ["string", "null"], "format": "date"}
_MOMENT = {"type": "string", "format": "date-time"}
_NIVEAU = {"enum": list(Niveau.values)}
EXTENSIE_SCHEMA = {
    "type": "object",
    "properties": {
        "versie": {"const": EXTENSIE_VERSIE},
        "dpia": {
            "type": "object",
            "properties": {
                "titel": {"type": "string", "maxLength": 250},
                "status": {"enum": list(Status.values)},
                "versielog": {
                    "type": "array",
                    "items": {
                        "type": "object",
                        "properties": {"versie": {"type": "string"}, "datum": {"type": "string", "format": "date"}},
                        "required": ["versie", "datum", "toelichting"],
                    },
                },
            },
        },
        "prescan": {
            "type": "object",
            "properties": {
                "criteria": {"type": "array", "items": {"enum": list(Criterium.values)}},
                "apLijst": {"type": "array", "items": {"type": "integer", "minimum": 1, "maximum": 17}},
                "uitkomst": {"enum": ["", *Uitkomst.values]},
            },
        },
        "risicos": {
            "type": "array",
            "maxItems": 500,
            "items": {
                "type": "object",
                "properties": {
                    "nummer": {"type": "integer", "minimum": 1, "maximum": 32767},
                    "beschrijving": {**_TEKST, "minLength": 1},
                    "oorsprong": _TEKST,
                    "kans": _NIVEAU,
                    "kansMotivering": _TEKST,
                    "impact": _NIVEAU,
                    "impactMotivering": _TEKST,
                    "restrisico": {"enum": ["", *Niveau.values]},
                    "restrisicoMotivering": _TEKST,
                },
                "required": ["nummer", "beschrijving", "kans", "impact"],
            },
        },
        "maatregelen": {
            "type": "array",
            "maxItems": 1000,
            "items": {
                "type": "object",
                "properties": {
                    "nummer": {"type": "integer", "minimum": 1, "maximum": 32767},
                    "risico": {"type": ["integer", "null"]},
                    "beschrijving": {**_TEKST, "minLength": 1},
                    "soort": {"enum": list(SoortMaatregel.values)},
                    "status": {"enum": list(MaatregelStatus.values)},
                    "deadline": {"type": "string", "format": "date"},
                    "gereedOp": _DATUM,
                    "toelichting": _TEKST,
                    "eigenaar": _PERSOON,
                },
                "required": ["nummer", "beschrijving", "soort", "status", "deadline"],
            },
        },
        "beveiligingsadvies": {
            "type": ["object", "null"],
            "properties": {"advies": _TEKST, "op": _MOMENT, "door": _PERSOON},
            "required": ["advies", "op"],
        },
        "fgAdvies": {
            "type": ["object", "null"],
            "properties": {
                "oordeel": {"enum": list(FgOordeel.values)},
                "advies": _TEKST,
                "op": _MOMENT,
                "door": _PERSOON,
            },
            "required": ["oordeel", "advies", "op"],
        },
        "acceptatie": {
            "type": ["object", "null"],
            "properties": {"motivering": _TEKST, "op": _MOMENT, "door": _PERSOON, "als": {"type": "string"}},
            "required": ["motivering", "op"],
        },
        "raadpleging": {
            "type": ["object", "null"],
            "properties": {
                "ingediendOp": {"type": "string", "format": "date"},
                "deadline": _DATUM,
                "antwoordOp": _DATUM,
                "verlengd": {"type": "boolean"},
            },
            "required": ["ingediendOp"],
        },
        "overgenomen": {"type": ["object", "null"]},
    },
    "required": ["versie", "risicos", "maatregelen"],
}


# --- reading an output file back ------------------------------------------------------------------


class OngeldigeUitvoer(ValueError):
    """The file is not a valid assessment-output v2 document; `fouten` lists why, in Dutch."""

    def __init__(self, fouten):
        self.fouten = fouten
        super().__init__("; ".join(fouten))


@lru_cache(maxsize=1)
def _uitvoer_schema():
    return json.loads(SCHEMA_UITVOER.read_text(encoding="utf-8"))


_SOORTEN = {
    "string": "tekst",
    "object": "een object ({…})",
    "array": "een lijst ([…])",
    "integer": "een geheel getal",
    "boolean": "true of false",
    "null": "leeg (null)",
}
_FORMATEN = {"date-time": "datum met tijd (zoals 2026-03-02T10:00:00+01:00)", "date": "datum (jjjj-mm-dd)"}


def _waar(fout, voorvoegsel):
    pad = "/".join(str(p) for p in fout.absolute_path)
    return f"{voorvoegsel}{pad}" if pad else (voorvoegsel.rstrip("/") or "Het bestand")


def _kort(waarde):
    tekst = json.dumps(waarde, ensure_ascii=False) if not isinstance(waarde, str) else f"'{waarde}'"
    return tekst if len(tekst) <= 60 else tekst[:57] + "…"


def fout_in_het_nederlands(fout, voorvoegsel=""):
    """One jsonschema error as a Dutch sentence that says where and what."""
    waar = _waar(fout, voorvoegsel)
    soort, verwacht = fout.validator, fout.validator_value
    if soort == "required":
        veld = re.search(r"'(.+?)'", fout.message)
        return f"{waar}: het veld '{veld.group(1) if veld else '?'}' ontbreekt."
    if soort == "type":
        soorten = [verwacht] if isinstance(verwacht, str) else verwacht
        return f"{waar}: verwacht {' of '.join(_SOORTEN.get(s, s) for s in soorten)}, niet {_kort(fout.instance)}."
    if soort == "const":
        return f"{waar}: moet precies {_kort(verwacht)} zijn, niet {_kort(fout.instance)}."
    if soort == "enum":
        return f"{waar}: {_kort(fout.instance)} is geen toegestane waarde ({', '.join(map(str, verwacht))})."
    if soort == "pattern" and "propertyNames" in fout.schema_path:
        return f"{waar}: de sleutel {_kort(fout.instance)} is geen vraagnummer (zoals 2.1.3)."
    if soort == "pattern":
        return f"{waar}: {_kort(fout.instance)} heeft niet de juiste vorm."
    if soort == "format":
        return f"{waar}: {_kort(fout.instance)} is geen geldige {_FORMATEN.get(verwacht, verwacht)}."
    if soort in ("oneOf", "anyOf"):
        return (
            f"{waar}: geen geldig antwoord. Verwacht een object met 'value' en 'lastEditedAt', of bij een "
            "herhaalde vraag een lijst van groepen met '_index'."
        )
    if soort == "propertyNames":
        return f"{waar}: de sleutel {_kort(fout.instance)} is geen vraagnummer (zoals 2.1.3)."
    if soort in ("minLength", "minItems"):
        return f"{waar}: mag niet leeg zijn."
    if soort in ("maxLength", "maxItems"):
        return f"{waar}: is te lang (hoogstens {verwacht})."
    if soort in ("minimum", "maximum"):
        return f"{waar}: {_kort(fout.instance)} ligt buiten het toegestane bereik."
    return f"{waar}: ongeldig ({soort})."


def _formaten():
    """jsonschema's format checks, with date-time checked the way the import reads it (fromisoformat)."""
    import jsonschema

    formaten = jsonschema.FormatChecker()

    @formaten.checks("date-time", raises=ValueError)
    def _moment(waarde):
        if isinstance(waarde, str):
            if "T" not in waarde.upper():
                raise ValueError(waarde)
            datetime.fromisoformat(waarde)
        return True

    return formaten


def _schemafouten(document, schema, voorvoegsel=""):
    import jsonschema

    validator = jsonschema.Draft202012Validator(schema, format_checker=_formaten())
    fouten = sorted(validator.iter_errors(document), key=lambda f: [str(p) for p in f.absolute_path])
    return [fout_in_het_nederlands(f, voorvoegsel) for f in fouten]


def _samenhang(ext) -> list[str]:
    """What the extension's schema cannot say: unique numbers, measures pointing at existing risks."""
    fouten = []
    for soort, code in (("risicos", "R"), ("maatregelen", "M")):
        nummers = [e["nummer"] for e in ext[soort]]
        dubbel = sorted({n for n in nummers if nummers.count(n) > 1})
        fouten += [f"metadata/{EXTENSIE}/{soort}: {code}{n} komt meer dan eens voor." for n in dubbel]
    risiconummers = {r["nummer"] for r in ext["risicos"]}
    for m in ext["maatregelen"]:
        if m.get("risico") is not None and m["risico"] not in risiconummers:
            fouten.append(f"metadata/{EXTENSIE}/maatregelen: M{m['nummer']} hoort bij R{m['risico']}, dat er niet is.")
    return fouten


def lees_uitvoer(inhoud: bytes) -> dict:
    """Read an assessment-output v2 file; raises OngeldigeUitvoer with every problem (nothing is saved)."""
    if len(inhoud) > MAX_IMPORT_BYTES:
        raise OngeldigeUitvoer([f"Het bestand is groter dan {MAX_IMPORT_BYTES // (1024 * 1024)} MB."])
    if not inhoud.strip():
        raise OngeldigeUitvoer(["Het bestand is leeg."])
    try:
        tekst = inhoud.decode("utf-8-sig")
    except UnicodeDecodeError as fout:
        raise OngeldigeUitvoer(["Het bestand is geen tekst in UTF-8. Kies het JSON-bestand van de export."]) from fout
    try:
        document = json.loads(tekst)
    except (json.JSONDecodeError, RecursionError) as fout:
        waar = f" (regel {fout.lineno}, kolom {fout.colno})" if isinstance(fout, json.JSONDecodeError) else ""
        raise OngeldigeUitvoer([f"Het bestand is geen geldige JSON{waar}."]) from fout
    if not isinstance(document, dict):
        raise OngeldigeUitvoer(["Het bestand bevat geen DPIA: verwacht een object met $schema, metadata en answers."])
    fouten = _schemafouten(document, _uitvoer_schema())
    ext = (document.get("metadata") or {}).get(EXTENSIE) if isinstance(document.get("metadata"), dict) else None
    if not fouten and ext is not None:
        fouten = _schemafouten(ext, EXTENSIE_SCHEMA, f"metadata/{EXTENSIE}/") or _samenhang(ext)
    if fouten:
        rest = len(fouten) - MAX_FOUTEN
        raise OngeldigeUitvoer(fouten[:MAX_FOUTEN] + ([f"En nog {rest} fouten."] if rest > 0 else []))
    return document


def moment_uit(tekst):
    """An ISO 8601 moment from the file as an aware datetime (None for empty)."""
    if not tekst:
        return None
    moment = datetime.fromisoformat(tekst)
    return moment if timezone.is_aware(moment) else timezone.make_aware(moment)


def datum_uit(tekst):
    return date.fromisoformat(tekst) if tekst else None
