"""Questionnaires: the built-in definition, importing the government's definitions (checked against
their JSON Schema), filling one in through the generic form, and answers prefilled from the register."""

import json

import jsonschema
import pytest
import yaml
from django.core.management import CommandError, call_command

from dpia import services
from dpia.constants import Deel
from dpia.formulier import Vragenformulier
from dpia.models import Vragenlijst
from dpia.uitwisseling import OngeldigeDefinitie, controleer_definitie, lees_definitie
from dpia.vragenlijst import INGEBOUWD, PORTAAL_TAKEN, taken_index

from .factories import MINBZK, NU, maak_dpia, verwerking_voor

SCHEMA = MINBZK / "assessment-definition.v2.schema.json"


def _schema():
    return json.loads(SCHEMA.read_text(encoding="utf-8"))


def test_de_ingebouwde_vragenlijst_volgt_het_definitieformaat_en_het_model():
    assert controleer_definitie(INGEBOUWD, _schema()) == []
    index = taken_index(INGEBOUWD)
    # every paragraph of the Model DPIA Rijksdienst, the management summary, versions and sign-off
    assert all(str(p) in index for p in range(1, 21))
    assert {"14.1", "14.2", "16.1.3", "16.1.5", "17.1.4", "19.5.7", "20.1.6"} <= set(index)
    assert PORTAAL_TAKEN <= set(index)


def test_de_ids_van_de_ingebouwde_lijst_bestaan_ook_in_het_officiele_model():
    officieel = taken_index(yaml.safe_load((MINBZK / "dpia.yaml").read_text(encoding="utf-8")))
    ingebouwd = taken_index(INGEBOUWD)
    # so an export of the built-in questionnaire lands on the right questions in the government's tool
    assert set(ingebouwd) - set(officieel) == set()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("bestand", "urn", "versie"), [("dpia.yaml", "urn:nl:dpia", "3.0"), ("prescan.yaml", "urn:nl:prescan", "2.0")]
)
def test_importeer_de_definities_van_minbzk(bestand, urn, versie, capsys):
    call_command("importeer_dpia_model", str(MINBZK / bestand))
    vragenlijst = Vragenlijst.objects.get()
    assert (vragenlijst.urn, vragenlijst.versie, vragenlijst.bestandsnaam) == (urn, versie, bestand)
    assert vragenlijst.definitie == yaml.safe_load((MINBZK / bestand).read_text(encoding="utf-8"))
    assert "geïmporteerd" in capsys.readouterr().out
    with pytest.raises(CommandError, match="al geïmporteerd"):
        call_command("importeer_dpia_model", str(MINBZK / bestand))
    call_command("importeer_dpia_model", str(MINBZK / bestand), "--vervang")
    assert Vragenlijst.objects.count() == 1


@pytest.mark.django_db
def test_een_ongeldige_definitie_wordt_geweigerd_en_er_wordt_niets_opgeslagen(tmp_path):
    definitie = yaml.safe_load((MINBZK / "prescan.yaml").read_text(encoding="utf-8"))
    definitie["urn"] = "urn:NL:Prescan"  # not ^urn:nl:[a-z]+$
    del definitie["tasks"][0]["repeatable"]
    definitie["tasks"][1]["id"] = definitie["tasks"][2]["id"]
    pad = tmp_path / "kapot.yaml"
    pad.write_text(yaml.safe_dump(definitie), encoding="utf-8")
    with pytest.raises(CommandError) as fout:
        call_command("importeer_dpia_model", str(pad), "--schema", str(SCHEMA))
    assert "urn" in str(fout.value) and "repeatable" in str(fout.value)
    assert Vragenlijst.objects.count() == 0
    # schema-valid but with a duplicate id: refused by our own check
    definitie = yaml.safe_load((MINBZK / "prescan.yaml").read_text(encoding="utf-8"))
    definitie["tasks"][1]["id"] = definitie["tasks"][2]["id"]
    with pytest.raises(OngeldigeDefinitie, match="meer dan eens"):
        pad.write_text(yaml.safe_dump(definitie), encoding="utf-8")
        lees_definitie(pad, SCHEMA)


@pytest.mark.django_db
def test_zonder_schema_wordt_niet_geimporteerd(tmp_path):
    pad = tmp_path / "dpia.yaml"
    pad.write_text((MINBZK / "dpia.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    with pytest.raises(CommandError, match="--schema"):
        call_command("importeer_dpia_model", str(pad))
    pad.write_text("name: [niet afgesloten", encoding="utf-8")
    with pytest.raises(CommandError, match="geen geldige YAML"):
        call_command("importeer_dpia_model", str(pad), "--schema", str(SCHEMA))


@pytest.mark.django_db
def test_antwoorden_uit_het_register_zijn_al_ingevuld(wereld):
    verwerking = verwerking_voor(wereld, bijzondere_categorieen=["gezondheid"], gebruikt_bsn=True)
    dpia = maak_dpia(wereld, verwerking=verwerking)
    a = dpia.antwoorden
    assert verwerking.doeleinden in a["1.1"]["value"]
    assert a["10.2"]["value"] == verwerking.bewaartermijn
    assert a["12.1.1"]["value"] == "true" and a["12.3.1"]["value"] == "true" and a["12.2.1"]["value"] == "false"
    assert a["3.1"][0]["3.1.1"]["value"] == verwerking.naam
    soorten = [rij["2.1.4"]["value"] for rij in a["2.1"]]
    assert soorten == ["gewoon", "bijzonder", "nationaal identificatienummer"]
    assert a["1.1"]["lastEditedBy"] == services.BRON_REGISTER


@pytest.mark.django_db
def test_deel_a_invullen_met_herhaalde_groepen_via_de_pagina(wereld, client):
    dpia = maak_dpia(wereld, stap="in_uitvoering")
    client.force_login(wereld["teammanager"])
    pagina = client.get(f"/dpia/{dpia.uuid}/vragen/A/")
    assert pagina.status_code == 200
    form = pagina.context["form"]
    data = {naam: form.initial.get(naam, "") for naam in form.fields}
    data = {k: v for k, v in data.items() if v not in ("", None, [])}
    # the empty extra element of group 3.1 ('Gegevensverwerking 2 (nieuw)') gets a second processing
    slot = next(s for s in form.slots if s.adres == ("3.1", 1, "3.1.1"))
    data[slot.naam] = "Tweede verwerking"
    voorstel = next(s for s in form.slots if s.adres == ("1.1",))
    data[voorstel.naam] = "Het voorstel in eigen woorden."
    antwoord = client.post(f"/dpia/{dpia.uuid}/vragen/A/", data)
    assert antwoord.status_code == 302
    dpia.refresh_from_db()
    assert [e["3.1.1"]["value"] for e in dpia.antwoorden["3.1"]] == [dpia.verwerkingen.get().naam, "Tweede verwerking"]
    assert [e["_index"] for e in dpia.antwoorden["3.1"]] == [0, 1]
    assert dpia.antwoorden["1.1"]["value"] == "Het voorstel in eigen woorden."
    assert dpia.antwoorden["1.1"]["lastEditedBy"] == "Test Persoon " + wereld["teammanager"].last_name.split()[-1]
    assert dpia.antwoorden["11.2"]["lastEditedBy"] == services.BRON_REGISTER  # part B is left alone


@pytest.mark.django_db
def test_een_dpia_met_de_geimporteerde_vragenlijst_van_minbzk(wereld):
    call_command("importeer_dpia_model", str(MINBZK / "dpia.yaml"))
    vragenlijst = Vragenlijst.objects.get()
    dpia = services.dpia_starten(
        door=wereld.beheerder, verwerkingen=[verwerking_voor(wereld)], vragenlijst=vragenlijst, nu=NU
    )
    # prefilled where the official model has the same questions; 5.1.1 is repeatable there
    assert dpia.antwoorden["5.1"][0]["5.1.1[0]"]["value"]
    form = Vragenformulier(definitie=vragenlijst.definitie, antwoorden=dpia.antwoorden, deel=Deel.A)
    assert len(form.fields) > 40
    # nested repetition (6.1 -> 6.1.1) is offered; its answers get the '[n]' suffix
    partij = next(s for s in form.slots if s.adres[:2] == ("6.1", 0) and s.adres[2].startswith("6.1.1.1["))
    data = {naam: "" for naam in form.fields}
    data[partij.naam] = "Zorgaanbieder"
    form = Vragenformulier(data, definitie=vragenlijst.definitie, antwoorden=dpia.antwoorden, deel=Deel.A)
    assert form.is_valid(), form.errors
    nieuw = form.nieuwe_antwoorden(nu=NU, door_naam="Test")
    assert nieuw["6.1"] == [
        {"_index": 0, "6.1.1.1[0]": {"value": "Zorgaanbieder", "lastEditedAt": NU.isoformat(), "lastEditedBy": "Test"}}
    ]
    assert "1.1" not in nieuw  # cleared in the form: removed
    assert "14.1" not in nieuw or nieuw["14.1"] == dpia.antwoorden.get("14.1")


def test_beschrijvingen_met_html_worden_platte_tekst():
    from dpia.formulier import beschrijving

    taak = {"description": 'Zie <a href="https://x" target="_blank">hier</a>.<br>Regel <script>x()</script>twee'}
    assert beschrijving(taak) == "Zie hier.\nRegel x()twee"


def test_schema_van_de_uitvoer_is_er():
    jsonschema.Draft202012Validator.check_schema(
        json.loads((MINBZK / "assessment-output.v2.schema.json").read_text(encoding="utf-8"))
    )


def test_het_meegeleverde_model_is_onveranderd_de_bron():
    """Every vendored file is byte for byte what SOURCE.md records (sha256), and nothing else lies there."""
    import hashlib
    import re

    bron = (MINBZK / "SOURCE.md").read_text(encoding="utf-8")
    vastgelegd = dict(re.findall(r"^\| `([^`]+)` \| `([0-9a-f]{64})` \|$", bron, flags=re.MULTILINE))
    assert {"dpia.yaml", "prescan.yaml", "LICENSE", "README.md"} <= set(vastgelegd)
    for naam, sha in vastgelegd.items():
        assert hashlib.sha256((MINBZK / naam).read_bytes()).hexdigest() == sha, naam
    aanwezig = {p.name for p in MINBZK.iterdir()} - {"SOURCE.md", ".gitattributes"}
    assert aanwezig == set(vastgelegd)
    assert "EUROPEAN UNION PUBLIC LICENCE v. 1.2" in (MINBZK / "LICENSE").read_text(encoding="utf-8")


@pytest.mark.django_db
def test_zonder_bestand_importeert_de_opdracht_het_model_rijksdienst(capsys):
    call_command("importeer_dpia_model")
    vragenlijst = Vragenlijst.objects.get()
    assert (vragenlijst.urn, vragenlijst.versie, vragenlijst.bestandsnaam) == ("urn:nl:dpia", "3.0", "dpia.yaml")
    assert vragenlijst.definitie == yaml.safe_load((MINBZK / "dpia.yaml").read_text(encoding="utf-8"))
    assert "geïmporteerd" in capsys.readouterr().out
