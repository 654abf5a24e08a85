"""A questionnaire definition (assessment-definition v2) as a server-rendered form, and back.

`Vragenformulier(definitie, antwoorden, deel=...)` builds a Django form for one part of a DPIA plus
a layout (headings, fieldsets, fields) for the template. Answers are kept in the shape of the
assessment-output v2 format: a non-repeatable answer under its task id (`{"1.1": {"value": ...}}`),
a repeatable group as a list of elements with `_index` (`{"2.1": [{"_index": 0, "2.1.1": {...}}]}`),
and a repeatable task inside such an element under `<task id>[<n>]` (the format allows one index).
A repeatable group shows its existing elements plus one empty one, so adding works without
JavaScript. A question with a show/hide condition of the definition (a `conditional` dependency)
appears when the saved answers meet it: answer the question it depends on, save, and it shows (the
pages run no script). Saving a part removes the answers of its hidden questions, so the answers,
the report and the export hold only what applies. Other dependencies (`source_options`,
`instance_mapping`) are not evaluated.

`voorinvullen(...)` puts values from the register into answers that are still empty.
"""

import re
from dataclasses import dataclass, field

from django import forms
from django.utils.html import strip_tags

from privacy_portal.core.forms import NLDesignMixin

from .vragenlijst import deel_van, is_portaal_taak

INDEX = re.compile(r"^(?P<id>.+)\[(?P<n>\d+)\]$")
BLADEREN = {
    "text_input",
    "open_text",
    "select_option",
    "radio_option",
    "checkbox_option",
    "multiselect_scrollable",
    "date",
}


def _soorten(taak):
    soort = taak.get("type") or []
    return [soort] if isinstance(soort, str) else list(soort)


def is_groep(taak):
    return "task_group" in _soorten(taak)


def _blad_soort(taak):
    return next((s for s in _soorten(taak) if s in BLADEREN), None)


def keuzewaarde(waarde) -> str:
    """An option value of a definition as the string stored in an answer (True -> 'true')."""
    if waarde is True:
        return "true"
    if waarde is False:
        return "false"
    if waarde is None:
        return "null"
    return str(waarde)


def beschrijving(taak) -> str:
    """The description as plain text: definitions may contain HTML, which is never rendered as such."""
    tekst = re.sub(r"<br\s*/?>", "\n", taak.get("description") or "", flags=re.IGNORECASE)
    return re.sub(r"[ \t]+", " ", strip_tags(tekst)).strip()


@dataclass
class Slot:
    """One answer field: its form field name, task and where its answer lives."""

    naam: str
    taak: dict
    adres: tuple  # keys and positions from the answers root


@dataclass
class Item:
    soort: str  # kop, tekst, open, sluit, veld
    titel: str = ""
    tekst: str = ""
    naam: str = ""
    niveau: int = 2
    veld: object = None


@dataclass
class _Opbouw:
    slots: list = field(default_factory=list)
    items: list = field(default_factory=list)
    verborgen: set = field(default_factory=set)  # task ids at the root that are hidden by a condition

    def nieuw_slot(self, taak, adres):
        naam = f"v{len(self.slots) + 1}"
        self.slots.append(Slot(naam, taak, tuple(adres)))
        self.items.append(Item("veld", naam=naam))


def _lees(antwoorden, adres):
    """The answer object at adres, or None."""
    waarde = antwoorden
    for stap in adres:
        if isinstance(stap, int):
            if not isinstance(waarde, list) or stap >= len(waarde):
                return None
        elif not isinstance(waarde, dict) or stap not in waarde:
            return None
        waarde = waarde[stap]
    return waarde if isinstance(waarde, dict) else None


def _aantal_geindexeerd(container, ids):
    """How many instances '<id>[n]' exist in container for any of ids (highest n + 1)."""
    hoogste = -1
    for sleutel in container or {}:
        treffer = INDEX.match(str(sleutel))
        if treffer and treffer["id"] in ids:
            hoogste = max(hoogste, int(treffer["n"]))
    return hoogste + 1


def _bladeren_van(taak):
    if not is_groep(taak):
        return [taak]
    return [blad for kind in taak.get("tasks") or [] for blad in _bladeren_van(kind)]


_ONBEANTWOORD = object()


def _antwoordwaarde(taak_id, antwoorden, element, index):
    """The saved value of task_id as seen from a task: in the same instance, the same element, or the root."""
    sleutels = ((f"{taak_id}[{index}]",) if index is not None else ()) + (taak_id,)
    for container in (element, antwoorden):
        for sleutel in sleutels if isinstance(container, dict) else ():
            if isinstance(container.get(sleutel), dict):
                return container[sleutel].get("value")
    return _ONBEANTWOORD


def _voldoet(operator, waarde, verwacht):
    if waarde is _ONBEANTWOORD:
        return False
    if operator == "equals":
        return not isinstance(waarde, list | dict) and keuzewaarde(waarde) == keuzewaarde(verwacht)
    if operator == "contains":
        if isinstance(waarde, list):
            return keuzewaarde(verwacht) in [keuzewaarde(w) for w in waarde]
        return isinstance(waarde, str) and str(verwacht) in waarde
    return True  # 'any' and 'all' belong to option sources, not to showing or hiding


def zichtbaar(taak, antwoorden, element=None, index=None) -> bool:
    """Whether the task's show/hide conditions hold for the saved answers (every condition must hold)."""
    for regel in taak.get("dependencies") or []:
        actie = regel.get("action", "show")
        if regel.get("type") != "conditional" or actie not in ("show", "hide"):
            continue
        voorwaarde = regel.get("condition") or {}
        waarde = _antwoordwaarde(voorwaarde.get("id"), antwoorden, element, index)
        if _voldoet(voorwaarde.get("operator", "equals"), waarde, voorwaarde.get("value")) != (actie == "show"):
            return False
    return True


def _bouw(opbouw, taak, antwoorden, *, element_adres=None, element=None, index=None, niveau=3):
    """Add layout items and slots for one task below a heading.

    element_adres/element: the group element the task lives in (None at the root);
    index: the instance number of a repeatable group inside that element.
    """
    if not zichtbaar(taak, antwoorden, element, index):
        if element_adres is None:
            opbouw.verborgen.update(blad["id"] for blad in _bladeren_van(taak))
            opbouw.verborgen.add(taak["id"])
        return
    soort = _blad_soort(taak)
    herhaalbaar = bool(taak.get("repeatable"))
    if not is_groep(taak):
        if soort is None:
            tekst = beschrijving(taak)
            if "image" in _soorten(taak):
                tekst = f"{taak['task']}: afbeeldingen voegt u toe in het DPIA-dossier, niet in dit formulier."
            if tekst:
                opbouw.items.append(Item("tekst", tekst=tekst))
            return
        if index is not None:  # a leaf of a repeatable group inside an element
            opbouw.nieuw_slot(taak, (*element_adres, f"{taak['id']}[{index}]"))
        elif herhaalbaar:
            container = element if element is not None else antwoorden
            basis = element_adres or ()
            for n in range(_aantal_geindexeerd(container, {taak["id"]}) + 1):
                opbouw.nieuw_slot(taak, (*basis, f"{taak['id']}[{n}]"))
        elif element_adres is not None:
            opbouw.nieuw_slot(taak, (*element_adres, taak["id"]))
        else:
            opbouw.nieuw_slot(taak, (taak["id"],))
        return

    kinderen = taak.get("tasks") or []
    if not herhaalbaar:
        opbouw.items.append(Item("open", titel=taak["task"], tekst=beschrijving(taak), niveau=niveau))
        for kind in kinderen:
            _bouw(
                opbouw, kind, antwoorden, element_adres=element_adres, element=element, index=index, niveau=niveau + 1
            )
        opbouw.items.append(Item("sluit"))
        return

    if element_adres is None:  # a repeatable group at the root: a list of elements
        elementen = antwoorden.get(taak["id"]) if isinstance(antwoorden.get(taak["id"]), list) else []
        for i in range(len(elementen) + 1):
            element_i = elementen[i] if i < len(elementen) else {}
            titel = f"{taak.get('item_name') or taak['task']} {i + 1}" + (" (nieuw)" if i == len(elementen) else "")
            opbouw.items.append(Item("open", titel=titel, tekst=beschrijving(taak) if i == 0 else "", niveau=niveau))
            for kind in kinderen:
                _bouw(opbouw, kind, antwoorden, element_adres=(taak["id"], i), element=element_i, niveau=niveau + 1)
            opbouw.items.append(Item("sluit"))
        return

    if index is not None:  # a third level of repetition: not supported by the output format's keys
        opbouw.items.append(
            Item("tekst", tekst=f"{taak['task']}: dit onderdeel kan in het portaal niet worden ingevuld.")
        )
        return
    ids = {blad["id"] for blad in _bladeren_van(taak)}
    aantal = _aantal_geindexeerd(element, ids)
    for n in range(aantal + 1):
        titel = f"{taak.get('item_name') or taak['task']} {n + 1}" + (" (nieuw)" if n == aantal else "")
        opbouw.items.append(Item("open", titel=titel, niveau=niveau))
        for kind in kinderen:
            _bouw(opbouw, kind, antwoorden, element_adres=element_adres, element=element, index=n, niveau=niveau + 1)
        opbouw.items.append(Item("sluit"))


def _veld(taak, antwoord):
    label = taak["task"]
    hulp = beschrijving(taak)[:600]
    soort = _blad_soort(taak)
    waarde = antwoord.get("value") if antwoord else None
    opties = [
        (keuzewaarde(o.get("value")), o.get("label") or keuzewaarde(o.get("value"))) for o in taak.get("options") or []
    ]
    if soort in ("checkbox_option", "multiselect_scrollable"):
        if opties:
            veld = forms.MultipleChoiceField(
                label=label, choices=opties, required=False, widget=forms.CheckboxSelectMultiple, help_text=hulp
            )
            initieel = waarde if isinstance(waarde, list) else []
        else:
            veld = forms.CharField(
                label=label,
                required=False,
                widget=forms.Textarea(attrs={"rows": 3}),
                help_text=(hulp + " " if hulp else "") + "Eén per regel.",
            )
            initieel = "\n".join(waarde) if isinstance(waarde, list) else ""
        return veld, initieel
    if soort in ("select_option", "radio_option"):
        veld = forms.ChoiceField(label=label, choices=[("", "—"), *opties], required=False, help_text=hulp)
        initieel = "null" if antwoord and waarde is None else (waarde or "")
        return veld, initieel
    if soort == "date":
        veld = forms.DateField(
            label=label,
            required=False,
            help_text=hulp,
            widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            input_formats=["%Y-%m-%d", "%d-%m-%Y"],
        )
        return veld, waarde or ""
    widget = forms.Textarea(attrs={"rows": 4}) if soort == "open_text" else forms.TextInput()
    return forms.CharField(label=label, required=False, widget=widget, help_text=hulp), waarde or ""


def _als_antwoordwaarde(taak, schoon):
    """A cleaned form value as the stored answer value, or ... (Ellipsis) when there is no answer."""
    soort = _blad_soort(taak)
    if soort in ("checkbox_option", "multiselect_scrollable"):
        if isinstance(schoon, str):
            schoon = [regel.strip() for regel in schoon.splitlines() if regel.strip()]
        return list(schoon) if schoon else ...
    if soort == "date":
        return schoon.isoformat() if schoon else ...
    if schoon in (None, ""):
        return ...
    if soort in ("select_option", "radio_option") and schoon == "null":
        return None
    return str(schoon).strip() or ...


def _schrijf(doel, adres, antwoord):
    container = doel
    for positie, stap in enumerate(adres[:-1]):
        volgende = adres[positie + 1]
        if isinstance(volgende, int):
            container = container.setdefault(stap, [])
        elif isinstance(stap, int):
            while len(container) <= stap:
                container.append({"_index": len(container)})
            container = container[stap]
        else:
            container = container.setdefault(stap, {})
    container[adres[-1]] = antwoord


def _hernummer(antwoorden):
    """Drop empty group elements, number elements 0..n and instances '<id>[n]' per element 0..n."""
    schoon = {}
    for sleutel, waarde in antwoorden.items():
        if not isinstance(waarde, list):
            schoon[sleutel] = waarde
            continue
        elementen = []
        for element in waarde:
            inhoud = {k: v for k, v in (element or {}).items() if k != "_index"}
            if not inhoud:
                continue
            gebruikt = sorted({int(m["n"]) for k in inhoud if (m := INDEX.match(k))})
            nieuw_n = {oud: nieuw for nieuw, oud in enumerate(gebruikt)}
            opnieuw = {"_index": len(elementen)}
            for k, v in inhoud.items():
                treffer = INDEX.match(k)
                opnieuw[f"{treffer['id']}[{nieuw_n[int(treffer['n'])]}]" if treffer else k] = v
            elementen.append(opnieuw)
        if elementen:
            schoon[sleutel] = elementen
    # Root-level '<id>[n]' keys of one task: renumber 0..n too.
    per_taak = {}
    for sleutel in list(schoon):
        if treffer := INDEX.match(sleutel):
            per_taak.setdefault(treffer["id"], []).append((int(treffer["n"]), schoon.pop(sleutel)))
    for taak_id, waarden in per_taak.items():
        for nieuw, (_oud, waarde) in enumerate(sorted(waarden, key=lambda x: x[0])):
            schoon[f"{taak_id}[{nieuw}]"] = waarde
    return schoon


def _wortel_ids(slots):
    return {slot.adres[0] for slot in slots}


class Vragenformulier(NLDesignMixin, forms.Form):
    """The questions of one part of a DPIA (or all parts when deel is None)."""

    def __init__(self, *args, definitie, antwoorden, deel=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.antwoorden = antwoorden or {}
        opbouw = _Opbouw()
        for taak in definitie.get("tasks") or []:
            if is_portaal_taak(taak["id"]) or (deel is not None and deel_van(taak["id"]) != deel):
                continue
            titel = f"§ {taak['id']} {taak['task']}" if deel_van(taak["id"]) in "ABCD" else taak["task"]
            opbouw.items.append(Item("kop", titel=titel, tekst=beschrijving(taak) if is_groep(taak) else "", niveau=2))
            kinderen = (taak.get("tasks") or []) if is_groep(taak) and not taak.get("repeatable") else [taak]
            for kind in kinderen:
                if not is_portaal_taak(kind["id"]):
                    _bouw(opbouw, kind, self.antwoorden)
        self.slots = opbouw.slots
        self.items = opbouw.items
        self.verborgen = opbouw.verborgen
        for slot in self.slots:
            veld, initieel = _veld(slot.taak, _lees(self.antwoorden, slot.adres))
            self.fields[slot.naam] = veld
            self.initial[slot.naam] = initieel
        # NLDesignMixin ran before these fields existed: give them the NL Design System classes now.
        for naam, veld in self.fields.items():
            self._klassen(naam, veld)

    def indeling(self):
        """The layout items, each field item with its bound field as `veld` (for the template)."""
        for item in self.items:
            if item.soort == "veld":
                item.veld = self[item.naam]
            yield item

    def _klassen(self, naam, veld):
        from privacy_portal.core.forms import KLASSEN

        klasse = next((k for soort, k in KLASSEN.items() if isinstance(veld.widget, soort)), "")
        if klasse and klasse not in veld.widget.attrs.get("class", ""):
            veld.widget.attrs["class"] = f"{veld.widget.attrs.get('class', '')} {klasse}".strip()
        if veld.help_text and not isinstance(veld.widget, forms.CheckboxSelectMultiple):
            veld.widget.attrs["aria-describedby"] = f"id_{naam}_hulp"

    def nieuwe_antwoorden(self, *, nu, door_naam):
        """All answers after this form: the other parts unchanged, this part from the cleaned data."""
        wortels = _wortel_ids(self.slots)
        nieuw = {k: v for k, v in self.antwoorden.items() if k not in wortels and k.split("[")[0] not in self.verborgen}
        for slot in self.slots:
            waarde = _als_antwoordwaarde(slot.taak, self.cleaned_data.get(slot.naam))
            if waarde is ...:
                continue
            oud = _lees(self.antwoorden, slot.adres)
            if oud is not None and oud.get("value") == waarde:
                antwoord = oud
            else:
                antwoord = {"value": waarde, "lastEditedAt": nu.isoformat(), "lastEditedBy": door_naam}
            _schrijf(nieuw, slot.adres, antwoord)
        return _hernummer(nieuw)


def voorinvullen(definitie, antwoorden, waarden, *, nu, bron):
    """Fill answers that are still empty with values from the register.

    waarden: {task id: str | list[str]} for a leaf, or {group id: [{child id: value}]} for a
    repeatable group at the root. Tasks the definition does not have are skipped.
    """
    from .vragenlijst import taken_index

    index = taken_index(definitie)
    antwoorden = dict(antwoorden or {})
    gevuld = []

    def antwoord(waarde):
        return {"value": waarde, "lastEditedAt": nu.isoformat(), "lastEditedBy": bron}

    for taak_id, waarde in waarden.items():
        taak = index.get(taak_id)
        if taak is None or waarde in (None, "", [], ()):
            continue
        if is_groep(taak) and taak.get("repeatable"):
            if antwoorden.get(taak_id):
                continue
            kinderen = {kind["id"]: kind for kind in _bladeren_van(taak)}
            elementen = []
            for rij in waarde:
                element = {"_index": len(elementen)}
                for kind_id, kind_waarde in rij.items():
                    kind = kinderen.get(kind_id)
                    if kind is None or kind_waarde in (None, ""):
                        continue
                    sleutel = f"{kind_id}[0]" if kind.get("repeatable") else kind_id
                    element[sleutel] = antwoord(kind_waarde)
                if len(element) > 1:
                    elementen.append(element)
            if elementen:
                antwoorden[taak_id] = elementen
                gevuld.append(taak_id)
        elif not is_groep(taak):
            sleutel = f"{taak_id}[0]" if taak.get("repeatable") else taak_id
            if sleutel not in antwoorden:
                antwoorden[sleutel] = antwoord(waarde)
                gevuld.append(taak_id)
    return antwoorden, gevuld
