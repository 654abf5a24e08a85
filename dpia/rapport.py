"""The DPIA report (PDF): context for templates/reports/dpia/rapport.html.

All sections of the Model DPIA Rijksdienst with their answers, the pre-scan, the risk matrix (SVG
with a text alternative and a table), the measures, the advice of the CISO and the FG, the decision
on the residual risk with the prior consultation of the AP, and the versions and sign-off.
"""

from datetime import date

from django.utils import timezone

from .constants import AP_LIJST, AP_LIJST_BRON, Criterium, Deel, FgOordeel, Status
from .formulier import INDEX, beschrijving, is_groep, keuzewaarde
from .regels import FEIT_LABELS
from .risicomatrix import omschrijving, risicomatrix_svg
from .uitwisseling import datum_uit, moment_uit
from .vragenlijst import INGEBOUWD, deel_van, definitie_van, is_portaal_taak, taken_index


def _naam(user):
    return (user.get_full_name() or user.get_username()) if user else ""


def _tekst(taak, antwoord):
    """An answer as readable text: option labels instead of values, lists joined."""
    if not antwoord:
        return ""
    waarde = antwoord.get("value")
    labels = {
        keuzewaarde(o.get("value")): o.get("label") or keuzewaarde(o.get("value")) for o in taak.get("options") or []
    }
    if waarde is None:
        return labels.get("null", "Niet van toepassing")
    if isinstance(waarde, list):
        return "; ".join(labels.get(w, w) for w in waarde)
    if isinstance(waarde, dict):
        return waarde.get("title") or "(afbeelding)"
    return labels.get(waarde, waarde)


def _regels(taak, antwoorden, *, element=None, index=None):
    """('kop', text) and ('vraag', label, answer) items for one task and everything below it."""
    container = element if element is not None else antwoorden
    if not is_groep(taak):
        if taak.get("repeatable") and index is None:
            waarden = sorted(
                (
                    (int(m["n"]), v)
                    for k, v in (container or {}).items()
                    if (m := INDEX.match(k)) and m["id"] == taak["id"]
                ),
                key=lambda x: x[0],
            )
            return [("vraag", taak["task"], _tekst(taak, v)) for _, v in waarden if _tekst(taak, v)]
        sleutel = f"{taak['id']}[{index}]" if index is not None else taak["id"]
        tekst = _tekst(taak, (container or {}).get(sleutel))
        return [("vraag", taak["task"], tekst)] if tekst else []
    kinderen = taak.get("tasks") or []
    if not taak.get("repeatable"):
        binnen = [r for kind in kinderen for r in _regels(kind, antwoorden, element=element, index=index)]
        return ([("kop", taak["task"])] + binnen) if binnen else []
    if element is None:
        uit = []
        for i, el in enumerate(antwoorden.get(taak["id"]) or []):
            binnen = [r for kind in kinderen for r in _regels(kind, antwoorden, element=el)]
            if binnen:
                uit += [("kop", f"{taak.get('item_name') or taak['task']} {i + 1}"), *binnen]
        return uit
    if index is not None:
        return []
    ids = set()

    def bladeren(t):
        for kind in t.get("tasks") or []:
            bladeren(kind) if is_groep(kind) else ids.add(kind["id"])

    bladeren(taak)
    nummers = sorted({int(m["n"]) for k in element if (m := INDEX.match(k)) and m["id"] in ids})
    uit = []
    for n in nummers:
        binnen = [r for kind in kinderen for r in _regels(kind, antwoorden, element=element, index=n)]
        if binnen:
            uit += [("kop", f"{taak.get('item_name') or taak['task']} {n + 1}"), *binnen]
    return uit


def secties(definitie, antwoorden):
    """Per top-level task the model fills by questions: {'id', 'titel', 'deel', 'uitleg', 'regels'}."""
    uit = []
    for taak in definitie.get("tasks") or []:
        if is_portaal_taak(taak["id"]):
            continue
        if is_groep(taak):
            regels = []
            for kind in taak.get("tasks") or []:
                if not is_portaal_taak(kind["id"]):
                    regels += _regels(kind, antwoorden or {})
        else:
            regels = _regels(taak, antwoorden or {})
            regels = [("vraag", "Antwoord", r[2]) if r[0] == "vraag" and r[1] == taak["task"] else r for r in regels]
        deel = deel_van(taak["id"])
        uit.append(
            {
                "id": taak["id"],
                "titel": f"§ {taak['id']} {taak['task']}" if deel in "ABCD" else taak["task"],
                "deel": deel,
                "uitleg": beschrijving(taak) if is_groep(taak) else "",
                "regels": regels,
            }
        )
    return uit


def _wie(persoon):
    return (persoon or {}).get("naam") or "onbekend"


def _antwoord_tekst(waarde):
    if isinstance(waarde, list):
        return " | ".join(
            "; ".join(f"{k}: {_antwoord_tekst(v)}" for k, v in element.items() if k != "_index") for element in waarde
        )
    if isinstance(waarde, dict):
        inhoud = waarde.get("value")
        if isinstance(inhoud, list):
            return "; ".join(map(str, inhoud))
        if isinstance(inhoud, dict):
            return inhoud.get("title") or "(afbeelding)"
        return "" if inhoud is None else str(inhoud)
    return str(waarde)


def overgenomen_weergave(dpia):
    """What an import brought along, readable for the detail page and the report; None without an import."""
    over = dpia.overgenomen or {}
    if not over:
        return None
    bron = over.get("bron") or {}
    advies = []
    if ciso := over.get("beveiligingsadvies"):
        advies.append(("Beveiligingsadvies (CISO)", ciso["advies"], _wie(ciso.get("door")), moment_uit(ciso["op"])))
    if fg := over.get("fgAdvies"):
        tekst = f"{FgOordeel(fg['oordeel']).label}. {fg['advies']}"
        advies.append(("Advies van de FG", tekst, _wie(fg.get("door")), moment_uit(fg["op"])))
    if acc := over.get("acceptatie"):
        wie = _wie(acc.get("door")) + (f" ({acc['als'].lower()})" if acc.get("als") else "")
        advies.append(("Restrisico geaccepteerd", acc["motivering"], wie, moment_uit(acc["op"])))
    if rp := over.get("raadpleging"):
        tekst = f"Ingediend op {datum_uit(rp['ingediendOp']):%d-%m-%Y}" + (
            f", kenmerk {rp['kenmerk']}" if rp.get("kenmerk") else ""
        )
        if rp.get("antwoordOp"):
            tekst += f"; antwoord op {datum_uit(rp['antwoordOp']):%d-%m-%Y}: {rp.get('antwoord') or ''}"
        advies.append(("Voorafgaande raadpleging van de AP", tekst, "", None))
    index = taken_index(definitie_van(dpia))
    antwoorden = [
        (sleutel, (index.get(sleutel.split("[")[0]) or {}).get("task", ""), _antwoord_tekst(waarde))
        for sleutel, waarde in sorted((over.get("antwoorden") or {}).items())
    ]
    return {
        "bron": {
            **bron,
            "status_label": Status(bron["status"]).label if bron.get("status") in Status.values else bron.get("status"),
            "gemaakt_op": moment_uit(bron.get("gemaaktOp")),
            "geimporteerd_op": moment_uit(bron.get("geimporteerdOp")),
        },
        "advies": advies,
        "versies": [{**v, "datum": datum_uit(v["datum"])} for v in over.get("versielog") or []],
        "eigenaren": over.get("eigenaren") or [],
        # only without the portal's records: then these answers are all there is of risks, measures and advice
        "antwoorden": [] if bron.get("metPortaalgegevens") else antwoorden,
    }


def rapport_context(dpia, user, *, nu=None):
    nu = nu or timezone.now()
    definitie = definitie_van(dpia)
    alle = secties(definitie, dpia.antwoorden)
    risicos = list(dpia.risicos.prefetch_related("maatregelen"))
    maatregelen = list(dpia.maatregelen.select_related("eigenaar", "risico"))
    return {
        "titel": dpia.titel if dpia.titel.upper().startswith("DPIA") else f"DPIA {dpia.titel}",
        "versies": [{**v, "datum": date.fromisoformat(v["datum"])} for v in dpia.versielog],
        "kenmerk": dpia.kenmerk,
        "dpia": dpia,
        "gemeente": dpia.gemeente,
        "koppelingen": list(dpia.koppelingen.select_related("verwerking", "basis_versie")),
        "vragenlijst_naam": dpia.vragenlijst.naam if dpia.vragenlijst_id else INGEBOUWD["name"],
        "is_dpia": dpia.status not in (Status.PRESCAN, Status.NIET_NODIG),
        "criteria": [Criterium(c).label for c in dpia.prescan_criteria],
        "ap_lijst": [f"{n}. {AP_LIJST[n][0]}" for n in dpia.prescan_ap_lijst],
        "ap_lijst_bron": AP_LIJST_BRON,
        "feiten": [
            (label, dpia.prescan_feiten.get(veld)) for veld, label in FEIT_LABELS.items() if veld in dpia.prescan_feiten
        ],
        "samenvatting": [s for s in alle if s["deel"] == Deel.S],
        "deel_a": [s for s in alle if s["deel"] == Deel.A],
        "deel_b": [s for s in alle if s["deel"] == Deel.B],
        "deel_c": [s for s in alle if s["deel"] == Deel.C],
        "deel_d": [s for s in alle if s["deel"] == Deel.D],
        "risicos": risicos,
        "maatregelen": maatregelen,
        "matrix": risicomatrix_svg(risicos, id_="rapport-matrix"),
        "matrix_tekst": omschrijving(risicos),
        "vandaag": timezone.localdate(nu),
        "gegenereerd_op": nu,
        "gegenereerd_door": _naam(user),
        "overgenomen": overgenomen_weergave(dpia),
    }
