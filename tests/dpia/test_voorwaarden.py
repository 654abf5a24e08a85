"""Show/hide conditions of a questionnaire definition (`conditional` dependencies of the
assessment-definition v2 format): a question shows once the saved answer it depends on meets the
condition, inside repeated groups per element, and a hidden question's answer is not kept."""

import yaml

from dpia.constants import Deel
from dpia.formulier import Vragenformulier

from .factories import MINBZK, NU

JA_NEE = [{"value": True, "label": "Ja"}, {"value": False, "label": "Nee"}]


def _als(taak_id, operator, waarde, actie="show"):
    return [
        {"type": "conditional", "condition": {"id": taak_id, "operator": operator, "value": waarde}, "action": actie}
    ]


DEFINITIE = {
    "urn": "urn:nl:dpia",
    "version": "9.0",
    "name": "Voorwaarden",
    "tasks": [
        {
            "task": "Beschrijving",
            "id": "1",
            "type": ["task_group"],
            "repeatable": False,
            "tasks": [
                {"task": "Is er een verwerker?", "id": "1.1", "type": ["radio_option"], "options": JA_NEE},
                {
                    "task": "Welke verwerker?",
                    "id": "1.2",
                    "type": ["text_input"],
                    "dependencies": _als("1.1", "equals", True),
                },
                {
                    "task": "Welke gegevens?",
                    "id": "1.3",
                    "type": ["checkbox_option"],
                    "options": [{"value": "a"}, {"value": "b"}],
                },
                {
                    "task": "Toelichting b",
                    "id": "1.4",
                    "type": ["open_text"],
                    "dependencies": _als("1.3", "contains", "b"),
                },
                {
                    "task": "Zonder verwerker",
                    "id": "1.6",
                    "type": ["open_text"],
                    "dependencies": _als("1.1", "equals", True, "hide"),
                },
                {
                    "task": "Partijen",
                    "id": "1.5",
                    "type": ["task_group"],
                    "repeatable": True,
                    "tasks": [
                        {"task": "Buiten de EER?", "id": "1.5.1", "type": ["radio_option"], "options": JA_NEE},
                        {
                            "task": "Waarborg",
                            "id": "1.5.2",
                            "type": ["text_input"],
                            "dependencies": _als("1.5.1", "equals", True),
                        },
                    ],
                },
            ],
        }
    ],
}


def _antwoord(waarde):
    return {"value": waarde, "lastEditedAt": NU.isoformat()}


def _vragen(form):
    return [(form.fields[s.naam].label, s.adres) for s in form.slots]


def test_vragen_met_een_voorwaarde_verschijnen_pas_als_het_antwoord_eraan_voldoet():
    leeg = [label for label, _ in _vragen(Vragenformulier(definitie=DEFINITIE, antwoorden={}, deel=Deel.A))]
    assert "Is er een verwerker?" in leeg and "Zonder verwerker" in leeg
    assert not {"Welke verwerker?", "Toelichting b", "Waarborg"} & set(leeg)
    antwoorden = {
        "1.1": _antwoord("true"),
        "1.3": _antwoord(["a", "b"]),
        "1.5": [{"_index": 0, "1.5.1": _antwoord("true")}, {"_index": 1, "1.5.1": _antwoord("false")}],
    }
    vragen = _vragen(Vragenformulier(definitie=DEFINITIE, antwoorden=antwoorden, deel=Deel.A))
    labels = [label for label, _ in vragen]
    assert "Welke verwerker?" in labels and "Toelichting b" in labels and "Zonder verwerker" not in labels
    # per element of the repeated group: only the first party is outside the EEA
    assert [adres for label, adres in vragen if label == "Waarborg"] == [("1.5", 0, "1.5.2")]


def test_antwoord_op_een_verborgen_vraag_wordt_niet_bewaard():
    antwoorden = {"1.1": _antwoord("false"), "1.2": _antwoord("Leverancier X"), "1.6": _antwoord("Zelf")}
    form = Vragenformulier({}, definitie=DEFINITIE, antwoorden=antwoorden, deel=Deel.A)
    data = {naam: form.initial.get(naam) or "" for naam in form.fields}
    form = Vragenformulier(data, definitie=DEFINITIE, antwoorden=antwoorden, deel=Deel.A)
    assert form.is_valid(), form.errors
    nieuw = form.nieuwe_antwoorden(nu=NU, door_naam="Test")
    assert nieuw["1.1"]["value"] == "false" and nieuw["1.6"]["value"] == "Zelf"
    assert "1.2" not in nieuw


def test_voorwaarden_van_het_model_dpia_rijksdienst():
    model = yaml.safe_load((MINBZK / "dpia.yaml").read_text(encoding="utf-8"))

    def vragen(antwoorden):
        return {s.adres[-1] for s in Vragenformulier(definitie=model, antwoorden=antwoorden, deel=Deel.B).slots}

    assert not [v for v in vragen({}) if v.startswith("12.1.2")]  # a group of questions, hidden as a whole
    assert "12.1.2.1" in vragen({"12.1.1": _antwoord("true")})
