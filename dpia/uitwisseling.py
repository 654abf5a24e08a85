"""Exchange with the government's DPIA tool (MinBZK par-dpia-form, EUPL-1.2).

- `lees_definitie(pad, schema_pad)`: read an assessment-definition v2 file (YAML or JSON) and check
  it against that format's JSON Schema and the rules the schema cannot express (unique ids).
- `exporteer(dpia)`: a filled-in DPIA in the tool's assessment-output v2 format: the stored answers
  plus what the portal keeps in its own records (risks 16.1, measures 17.1, acceptance 17.3,
  versions 19.1, status 19.2, FG advice 19.5, sign-off 20.1).

The schemas are not part of the portal: the caller names them (the tool's repository has them in
`schemas/`; the import command looks beside the file and in ../schemas/ by default).
"""

import json
from pathlib import Path

from django.utils import timezone

from .constants import Status
from .vragenlijst import definitie_van, taken_index, urn_met_versie

SCHEMA_DEFINITIE = "assessment-definition.v2.schema.json"
OUTPUT_SCHEMA_URL = "https://github.com/MinBZK/par-dpia-form/blob/main/schemas/assessment-output.v2.schema.json"


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
    if "17.3" in index and dpia.acceptatie_motivering:
        uit["17.3"] = _antwoord(
            dpia.acceptatie_motivering, _moment(dpia.geaccepteerd_op), _naam(dpia.geaccepteerd_door)
        )
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
    if dpia.fg_advies_op:
        moment, door = _moment(dpia.fg_advies_op), _naam(dpia.fg_advies_door)
        for sleutel, waarde in (
            ("19.5.1", f"Gemeente {dpia.gemeente.naam}"),
            ("19.5.4", door),
            ("19.5.5", "Functionaris gegevensbescherming"),
            ("19.5.6", timezone.localdate(dpia.fg_advies_op).isoformat()),
            ("19.5.7", f"{dpia.get_fg_oordeel_display()}. {dpia.fg_advies}"),
        ):
            if sleutel in index and waarde:
                uit[sleutel] = _antwoord(waarde, moment, door)
    if "20.1" in index and dpia.geaccepteerd_op:
        moment = _moment(dpia.geaccepteerd_op)
        uit["20.1"] = [
            {
                "_index": 0,
                **{
                    k: _antwoord(v, moment)
                    for k, v in (
                        ("20.1.1", f"Gemeente {dpia.gemeente.naam}"),
                        ("20.1.4", _naam(dpia.geaccepteerd_door)),
                        ("20.1.5", dpia.geaccepteerd_als),
                        ("20.1.6", timezone.localdate(dpia.geaccepteerd_op).isoformat()),
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
    return {"$schema": OUTPUT_SCHEMA_URL, "metadata": metadata, "answers": antwoorden}
