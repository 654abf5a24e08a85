"""A filled-in DPIA exports in the government tool's assessment-output v2 format, valid against its schema."""

import json

import jsonschema
import pytest
from django.core.management import call_command
from rest_framework.test import APIClient

from dpia import services
from dpia.models import Vragenlijst
from dpia.uitwisseling import exporteer
from privacy_portal.core.models import AuditEvent

from .factories import MINBZK, NU, antwoord, maak_dpia, verwerking_voor


def _valideer(document):
    schema = json.loads((MINBZK / "assessment-output.v2.schema.json").read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    fouten = [f"{list(f.absolute_path)}: {f.message}" for f in validator.iter_errors(document)]
    assert fouten == []


@pytest.mark.django_db
def test_afgeronde_dpia_exporteert_geldig_met_risicos_maatregelen_advies_en_vaststelling(wereld):
    dpia = maak_dpia(wereld, stap="afgerond")
    document = exporteer(dpia, door=wereld["teammanager"], nu=NU)
    _valideer(document)
    assert document["$schema"].endswith("assessment-output.v2.schema.json")
    assert document["metadata"]["urn"] == "urn:nl:dpia:3.0"
    assert document["metadata"]["createdBy"] == {
        "name": "Test Persoon " + wereld["teammanager"].last_name.split()[-1],
        "email": "teammanager@gemeente.example",
    }
    assert "16" in document["metadata"]["completedTasks"]
    a = document["answers"]
    assert a["16.1"][0]["16.1.3"]["value"] == "midden" and a["16.1"][0]["16.1.7"]["value"] == "midden"
    assert a["17.1"][0]["17.1.1"]["value"] == ["R1. Onbevoegde inzage in dossiers."]
    assert "M1 (technisch" in a["17.1"][0]["17.1.3"]["value"] and a["17.1"][0]["17.1.4"]["value"] == "midden"
    assert a["17.3"]["value"] == "Aanvaardbaar." and a["19.2"]["value"] == "definitief"
    assert a["19.5.7"]["value"] == "Positief. Akkoord." and a["19.5.6"]["value"] == "2026-03-04"
    assert a["20.1"][0]["20.1.6"]["value"] == "2026-03-05"
    assert [v["19.1.3"]["value"] for v in a["19.1"]] == [
        "Ter advies aan de FG",
        "Advies FG: positief",
        "Vastgesteld: restrisico geaccepteerd",
    ]
    assert a["18"]["value"] == "Samenvatting: twee risico's."


@pytest.mark.django_db
def test_concept_zonder_risicos_exporteert_ook_geldig(wereld):
    dpia = maak_dpia(wereld, stap="in_uitvoering")
    document = exporteer(dpia, nu=NU)
    _valideer(document)
    assert "completedTasks" not in document["metadata"] and "createdBy" not in document["metadata"]
    assert document["answers"]["19.2"]["value"] == "concept" and "16.1" not in document["answers"]


@pytest.mark.django_db
def test_dpia_op_de_geimporteerde_minbzk_vragenlijst_exporteert_geldig(wereld):
    call_command("importeer_dpia_model", str(MINBZK / "dpia.yaml"))
    dpia = services.dpia_starten(
        door=wereld.beheerder, verwerkingen=[verwerking_voor(wereld)], vragenlijst=Vragenlijst.objects.get(), nu=NU
    )
    dpia = services.prescan_vastleggen(dpia=dpia, door=wereld.beheerder, criteria=[], ap_lijst=[9], nu=NU)
    antwoorden = dict(dpia.antwoorden)
    antwoorden["6.1"] = [{"_index": 0, "6.1.1.1[0]": antwoord("Leverancier"), "6.1.1.2[0]": antwoord(["Verwerker"])}]
    dpia = services.antwoorden_opslaan(dpia=dpia, door=wereld.beheerder, antwoorden=antwoorden, nu=NU)
    document = exporteer(dpia, nu=NU)
    _valideer(document)
    assert document["answers"]["6.1"][0]["6.1.1.2[0]"]["value"] == ["Verwerker"]


@pytest.mark.django_db
def test_api_export_laat_de_sleutels_van_het_formaat_ongemoeid(wereld):
    dpia = maak_dpia(wereld, stap="afgerond")
    api = APIClient()
    api.force_authenticate(wereld["privacy_officer"])
    antwoord_api = api.get(f"/api/v1/dpias/{dpia.uuid}/export")
    assert antwoord_api.status_code == 200
    document = antwoord_api.json()
    _valideer(document)
    assert "$schema" in document and document["answers"]["16.1"][0]["_index"] == 0
    assert "lastEditedAt" in document["answers"]["1.1"]
    assert AuditEvent.objects.filter(actie="exporteren", object_id=str(dpia.uuid)).exists()
    # the DPIA itself in the API keeps the answers' keys too
    data = api.get(f"/api/v1/dpias/{dpia.uuid}").json()
    assert data["antwoorden"]["3.1"][0]["_index"] == 0 and "lastEditedAt" in data["antwoorden"]["1.1"]
    assert data["export"].endswith(f"/api/v1/dpias/{dpia.uuid}/export")


@pytest.mark.django_db
def test_export_als_download_op_de_pagina(wereld, client):
    dpia = maak_dpia(wereld, stap="besluit")
    client.force_login(wereld["fg"])
    antwoord_pagina = client.get(f"/dpia/{dpia.uuid}/export.json")
    assert antwoord_pagina.status_code == 200 and "attachment" in antwoord_pagina["Content-Disposition"]
    _valideer(json.loads(antwoord_pagina.content))
