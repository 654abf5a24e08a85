"""A filled-in DPIA exported in the assessment-output v2 format imports back without losing its
risks, measures, advice (FG, CISO), acceptance and AP consultation (AVG art. 35(7): the DPIA's
content; art. 35(2): the FG's advice; art. 36: the consultation). The import is all or nothing:
a file that fails the schema, or a record that breaks a rule, is refused with a Dutch message and
nothing is saved. The advice and acceptance of the file are kept as what they were, not as the
importing gemeente's own."""

import json
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from rest_framework.test import APIClient

from dpia import services
from dpia.constants import Status
from dpia.models import Dpia, Maatregel, Risico, Vragenlijst
from dpia.uitwisseling import EXTENSIE, MAX_IMPORT_BYTES, exporteer, lees_uitvoer, moment_uit
from dpia.vragenlijst import is_portaal_taak
from registers.models import Verwerking

from .factories import MINBZK, NU, antwoord, maak_dpia, verwerking_voor

RISICO_VELDEN = (
    "nummer",
    "beschrijving",
    "oorsprong",
    "kans",
    "kans_motivering",
    "impact",
    "impact_motivering",
    "niveau",
    "restrisico",
    "restrisico_motivering",
)
MAATREGEL_VELDEN = ("nummer", "beschrijving", "soort", "status", "deadline", "gereed_op", "toelichting")


def _risicos(dpia):
    return [{veld: getattr(r, veld) for veld in RISICO_VELDEN} for r in dpia.risicos.order_by("nummer")]


def _maatregelen(dpia):
    return [
        {**{veld: getattr(m, veld) for veld in MAATREGEL_VELDEN}, "risico": m.risico.nummer if m.risico_id else None}
        for m in dpia.maatregelen.select_related("risico").order_by("nummer")
    ]


def _persoon(user):
    return {"naam": user.get_full_name() or user.username, "email": user.email}


def _nieuwe_dpia(door, verwerking, nu):
    """A new DPIA on `verwerking`, past its pre-scan: ready to be filled in (or imported into)."""
    dpia = services.dpia_starten(door=door, verwerkingen=[verwerking], nu=nu)
    return services.prescan_vastleggen(dpia=dpia, door=door, criteria=["grootschalig"], ap_lijst=[9], nu=nu)


def _upload(client, dpia, inhoud, naam="dpia.json"):
    return client.post(f"/dpia/{dpia.uuid}/importeren/", {"bestand": SimpleUploadedFile(naam, inhoud)})


def _waarden(antwoord):
    """An answer or repeated group without its moments (a risk or measure row gets a new one when it is made)."""
    if isinstance(antwoord, list):
        return [{k: _waarden(v) for k, v in element.items()} for element in antwoord]
    if isinstance(antwoord, dict):
        return {k: v for k, v in antwoord.items() if k != "lastEditedAt"}
    return antwoord


def _bytes(document):
    return json.dumps(document, ensure_ascii=False).encode()


@pytest.fixture
def demo(db):
    call_command("seed_demo", wachtwoord="demo-wachtwoord-1")
    from django.contrib.auth import get_user_model

    return {u.username: u for u in get_user_model().objects.all()}


def _vergelijk_overgenomen(bron, doel, *, zelfde_gemeente, importeur):
    """Everything of `bron` is in `doel`, field by field."""
    assert _risicos(doel) == _risicos(bron)
    assert _maatregelen(doel) == _maatregelen(bron)
    for oud, nieuw in zip(
        bron.maatregelen.select_related("eigenaar").order_by("nummer"),
        doel.maatregelen.select_related("eigenaar").order_by("nummer"),
        strict=True,
    ):
        assert nieuw.eigenaar == (oud.eigenaar if zelfde_gemeente else importeur)
    if not zelfde_gemeente:
        assert doel.overgenomen["eigenaren"] == [
            {"maatregel": m.code, **_persoon(m.eigenaar)} for m in bron.maatregelen.order_by("nummer")
        ]
    # the answers of the questionnaire
    eigen = {k: v for k, v in bron.antwoorden.items() if not is_portaal_taak(k.split("[")[0])}
    assert {k: doel.antwoorden[k] for k in eigen} == eigen
    # advice, acceptance, consultation, versions and pre-scan of the source, kept as they were
    over = doel.overgenomen
    if bron.beveiligingsadvies_op:
        ciso = over["beveiligingsadvies"]
        assert (ciso["advies"], moment_uit(ciso["op"]), ciso["door"]) == (
            bron.beveiligingsadvies,
            bron.beveiligingsadvies_op,
            _persoon(bron.beveiligingsadvies_door),
        )
    fg = over["fgAdvies"]
    assert (fg["oordeel"], fg["advies"], moment_uit(fg["op"]), fg["door"]) == (
        bron.fg_oordeel,
        bron.fg_advies,
        bron.fg_advies_op,
        _persoon(bron.fg_advies_door),
    )
    if bron.geaccepteerd_op:
        acc = over["acceptatie"]
        assert (acc["motivering"], moment_uit(acc["op"]), acc["door"], acc["als"]) == (
            bron.acceptatie_motivering,
            bron.geaccepteerd_op,
            _persoon(bron.geaccepteerd_door),
            bron.geaccepteerd_als,
        )
    else:
        assert over["acceptatie"] is None
    if bron.raadpleging_ingediend_op:
        rp = over["raadpleging"]
        assert (rp["ingediendOp"], rp["kenmerk"], rp["verlengd"], rp["deadline"]) == (
            bron.raadpleging_ingediend_op.isoformat(),
            bron.raadpleging_kenmerk,
            bron.raadpleging_verlengd,
            bron.raadpleging_deadline.isoformat(),
        )
    assert over["versielog"] == bron.versielog
    assert over["prescan"] == {
        "criteria": bron.prescan_criteria,
        "apLijst": bron.prescan_ap_lijst,
        "uitkomst": bron.prescan_uitkomst,
        "redenen": bron.prescan_redenen,
    }
    assert over["bron"]["gemeente"] == bron.gemeente.naam and over["bron"]["status"] == bron.status
    # not this gemeente's own advice or decision: it still asks its FG and decides itself
    assert doel.status == Status.IN_UITVOERING
    assert (doel.fg_advies_op, doel.beveiligingsadvies_op, doel.geaccepteerd_op) == (None, None, None)
    assert doel.restrisico == bron.restrisico


@pytest.mark.django_db
@pytest.mark.parametrize("titel", ["DPIA Cameratoezicht openbare ruimte", "DPIA pilot risicomodel bijstand"])
def test_art_35_7_demo_dpia_naar_andere_gemeente_en_terug_zonder_verlies(demo, client, titel):
    bron = Dpia.objects.get(titel=titel)
    document = exporteer(bron, door=demo["privacyofficer"])
    randdorp = demo["privacyofficer-randdorp"]
    verwerking = Verwerking.objects.filter(gemeente__slug="randdorp").exclude(dpias__isnull=False).first()
    doel = _nieuwe_dpia(randdorp, verwerking, NU)

    client.force_login(randdorp)
    antwoord_pagina = _upload(client, doel, _bytes(document), naam="camera.json")
    assert antwoord_pagina.status_code == 302, antwoord_pagina.content.decode()[-3000:]
    doel.refresh_from_db()
    _vergelijk_overgenomen(bron, doel, zelfde_gemeente=False, importeur=randdorp)
    assert doel.overgenomen["bron"]["bestandsnaam"] == "camera.json"

    # and out again: the records and the advice come back as they were in the first export
    opnieuw = exporteer(doel)
    eerst_ext, weer_ext = document["metadata"][EXTENSIE], opnieuw["metadata"][EXTENSIE]
    assert weer_ext["risicos"] == eerst_ext["risicos"]
    assert [{**m, "eigenaar": None} for m in weer_ext["maatregelen"]] == [
        {**m, "eigenaar": None} for m in eerst_ext["maatregelen"]
    ]
    for sleutel in ("16.1", "17.3", "19.5.1", "19.5.4", "19.5.6", "19.5.7", "20.1", "18", "14.1"):
        assert _waarden(opnieuw["answers"].get(sleutel)) == _waarden(document["answers"].get(sleutel)), sleutel
    # 17.1 names the owners of the measures: here the importer, the original owners are kept apart (above)
    zonder_eigenaar = [
        [{k: v for k, v in e.items() if k != "17.1.7"} for e in d["answers"]["17.1"]] for d in (opnieuw, document)
    ]
    assert _waarden(zonder_eigenaar[0]) == _waarden(zonder_eigenaar[1])
    lees_uitvoer(_bytes(opnieuw))  # still valid against the schema


@pytest.mark.django_db
def test_art_35_7_nieuwe_dpia_in_dezelfde_gemeente_houdt_de_eigenaren(demo, client):
    bron = Dpia.objects.get(titel="DPIA Cameratoezicht openbare ruimte")
    po = demo["privacyofficer"]
    doel = _nieuwe_dpia(po, bron.verwerkingen.get(), NU)  # the re-check: a new DPIA for the same verwerking
    client.force_login(po)
    assert _upload(client, doel, _bytes(exporteer(bron))).status_code == 302
    doel.refresh_from_db()
    _vergelijk_overgenomen(bron, doel, zelfde_gemeente=True, importeur=po)
    assert doel.overgenomen["eigenaren"] == []
    document, opnieuw = exporteer(bron), exporteer(doel)
    assert _waarden(opnieuw["answers"]["17.1"]) == _waarden(document["answers"]["17.1"])
    detail = client.get(f"/dpia/{doel.uuid}/").content.decode()
    assert "Overgenomen uit een bestand" in detail and bron.fg_advies[:40] in detail
    historie = client.get(f"/dpia/{doel.uuid}/historie/").content.decode()
    assert "Geïmporteerd uit dpia.json" in historie


@pytest.mark.django_db
def test_art_35_7_bestand_dat_niet_aan_het_schema_voldoet_wordt_geweigerd_en_niets_opgeslagen(wereld, client):
    bron = maak_dpia(wereld, stap="afgerond")
    doel = _nieuwe_dpia(wereld.beheerder, verwerking_voor(wereld), NU)
    voor = (dict(doel.antwoorden), doel.history.count())
    document = exporteer(bron)
    del document["metadata"]["urn"]
    document["answers"]["14.1"] = {"value": 42, "lastEditedAt": "gisteren"}
    client.force_login(wereld["privacy_officer"])
    pagina = _upload(client, doel, _bytes(document))
    html = pagina.content.decode()
    assert pagina.status_code == 200
    assert "Het bestand is niet geïmporteerd. Er is niets opgeslagen." in html
    assert "metadata: het veld &#x27;urn&#x27; ontbreekt." in html
    assert "answers/14.1: geen geldig antwoord" in html
    doel.refresh_from_db()
    assert (doel.antwoorden, doel.history.count()) == voor
    assert not doel.risicos.exists() and not doel.maatregelen.exists() and doel.overgenomen == {}


@pytest.mark.django_db
def test_art_35_7_fout_in_een_risico_halverwege_laat_niets_half_opgeslagen(wereld, client):
    bron = maak_dpia(wereld, stap="afgerond")
    document = exporteer(bron)
    goed = document["metadata"][EXTENSIE]["risicos"][0]
    # R2 comes after a good R1: its residual risk is above its own level, which the rules refuse
    document["metadata"][EXTENSIE]["risicos"].append({**goed, "nummer": 2, "kans": "laag", "impact": "laag"})
    doel = _nieuwe_dpia(wereld.beheerder, verwerking_voor(wereld), NU)
    client.force_login(wereld["privacy_officer"])
    html = _upload(client, doel, _bytes(document)).content.decode()
    assert "Risico R2: Het restrisico kan niet hoger zijn dan het risico zelf" in html
    assert not Risico.objects.filter(dpia=doel).exists() and not Maatregel.objects.filter(dpia=doel).exists()
    doel.refresh_from_db()
    assert doel.overgenomen == {} and "18" not in doel.antwoorden


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("inhoud", "melding"),
    [
        (b"", "leeg"),  # the form's own check
        (b"{niet: json", "Het bestand is geen geldige JSON (regel 1, kolom 2)."),
        (b"\xff\xfe\x00", "Het bestand is geen tekst in UTF-8."),
        (b"[]", "Het bestand bevat geen DPIA"),
        (b" " * (MAX_IMPORT_BYTES + 1), "Het bestand is groter dan 5 MB."),
    ],
)
def test_art_35_7_onleesbaar_of_te_groot_bestand_wordt_geweigerd(wereld, client, inhoud, melding):
    doel = _nieuwe_dpia(wereld.beheerder, verwerking_voor(wereld), NU)
    client.force_login(wereld["privacy_officer"])
    html = _upload(client, doel, inhoud).content.decode()
    assert melding in html.replace("&#x27;", "'")
    doel.refresh_from_db()
    assert doel.overgenomen == {}


@pytest.mark.django_db
def test_art_35_7_extensie_met_maatregel_bij_onbekend_risico_wordt_geweigerd(wereld):
    document = exporteer(maak_dpia(wereld, stap="afgerond"))
    document["metadata"][EXTENSIE]["maatregelen"][0]["risico"] = 9
    with pytest.raises(ValueError, match="M1 hoort bij R9, dat er niet is"):
        lees_uitvoer(_bytes(document))


@pytest.mark.django_db
def test_art_35_7_api_import_en_weigering_als_problem_json(wereld):
    bron = maak_dpia(wereld, stap="afgerond")
    doel = _nieuwe_dpia(wereld.beheerder, verwerking_voor(wereld), NU)
    api = APIClient()
    api.force_authenticate(wereld["privacy_officer"])
    url = f"/api/v1/dpias/{doel.uuid}/import"
    slecht = api.post(url, b'{"metadata": {}}', content_type="application/json")
    assert slecht.status_code == 400 and slecht["Content-Type"].startswith("application/problem+json")
    redenen = [p["reason"] for p in slecht.json()["invalidParams"] if p["name"] == "bestand"]
    assert "Het bestand: het veld '$schema' ontbreekt." in redenen
    assert not doel.risicos.exists()
    goed = api.post(url, _bytes(exporteer(bron)), content_type="application/json")
    assert goed.status_code == 200, goed.json()
    data = goed.json()
    assert [r["beschrijving"] for r in data["risicos"]] == ["Onbevoegde inzage in dossiers."]
    assert data["overgenomen"]["fgAdvies"]["oordeel"] == "positief"
    assert data["overgenomen"]["antwoorden"]["16.1"][0]["_index"] == 0  # keys of the format left alone
    # a second import into the same DPIA is refused: it has risks now
    nogmaals = api.post(url, _bytes(exporteer(bron)), content_type="application/json")
    assert nogmaals.status_code == 400
    assert "Deze DPIA heeft al risico's of maatregelen" in nogmaals.json()["invalidParams"][0]["reason"]


@pytest.mark.django_db
def test_art_35_7_alleen_de_privacy_officer_importeert(wereld, client):
    bron = maak_dpia(wereld, stap="afgerond")
    doel = _nieuwe_dpia(wereld.beheerder, verwerking_voor(wereld), NU)
    for rol in ("teammanager", "fg", "ciso"):
        client.force_login(wereld[rol])
        assert client.get(f"/dpia/{doel.uuid}/importeren/").status_code == 403
        assert _upload(client, doel, _bytes(exporteer(bron))).status_code == 403
        api = APIClient()
        api.force_authenticate(wereld[rol])
        assert api.post(f"/api/v1/dpias/{doel.uuid}/import", b"{}", content_type="application/json").status_code == 403
    assert not doel.risicos.exists()


@pytest.mark.django_db
def test_art_35_7_bestand_van_de_dpia_tool_zonder_portaalgegevens(wereld, client):
    """The DPIA tool's own export has no measures with owners: risks come from 16.1, the rest is kept."""
    document = {
        "$schema": "https://github.com/MinBZK/par-dpia-form/blob/main/schemas/assessment-output.v2.schema.json",
        "metadata": {"urn": "urn:nl:dpia:3.0", "createdAt": "2026-02-01T10:00:00.000Z"},
        "answers": {
            "18": antwoord("Samenvatting uit de tool."),
            "16.1": [
                {
                    "_index": 0,
                    "16.1.1": antwoord("Te brede toegang."),
                    "16.1.3": antwoord("midden"),
                    "16.1.5": antwoord("hoog"),
                },
                {"_index": 1, "16.1.1": antwoord("Zonder kans.")},
            ],
            "17.1": [{"_index": 0, "17.1.3": antwoord("Rollen per team.")}],
            "19.5.7": antwoord("Advies FG: akkoord."),
            "20.1": [{"_index": 0, "20.1.4": antwoord("J. Jansen"), "20.1.6": antwoord("2026-02-01")}],
        },
    }
    doel = _nieuwe_dpia(wereld.beheerder, verwerking_voor(wereld), NU)
    client.force_login(wereld["privacy_officer"])
    antwoord_pagina = _upload(client, doel, _bytes(document))
    assert antwoord_pagina.status_code == 302, antwoord_pagina.content.decode()
    meldingen = [str(m) for m in client.get(f"/dpia/{doel.uuid}/").context["messages"]]
    assert any("Risico 2 uit vraag 16.1 is niet als risico overgenomen" in m for m in meldingen)
    assert any("De maatregelen uit vraag 17.1" in m for m in meldingen)
    doel.refresh_from_db()
    assert [(r.beschrijving, r.kans, r.impact, r.niveau) for r in doel.risicos.all()] == [
        ("Te brede toegang.", "midden", "hoog", "hoog")
    ]
    assert doel.antwoorden["18"]["value"] == "Samenvatting uit de tool."
    assert set(doel.overgenomen["antwoorden"]) == {"16.1", "17.1", "19.5.7", "20.1"}
    opnieuw = exporteer(doel)["answers"]  # given back: this gemeente has no advice or sign-off of its own yet
    assert opnieuw["19.5.7"] == document["answers"]["19.5.7"] and opnieuw["20.1"] == document["answers"]["20.1"]
    detail = client.get(f"/dpia/{doel.uuid}/").content.decode()
    assert "Advies FG: akkoord." in detail and "J. Jansen" in detail


@pytest.mark.django_db
def test_art_35_7_bestand_van_een_andere_vragenlijst_wordt_geweigerd(wereld, client):
    document = exporteer(maak_dpia(wereld, stap="afgerond"))
    document["metadata"]["urn"] = "urn:nl:prescan:2.0"
    doel = _nieuwe_dpia(wereld.beheerder, verwerking_voor(wereld), NU + timedelta(days=1))
    client.force_login(wereld["privacy_officer"])
    html = _upload(client, doel, _bytes(document)).content.decode()
    assert "Dit bestand hoort bij vragenlijst urn:nl:prescan:2.0; deze DPIA gebruikt urn:nl:dpia:3.0." in html


@pytest.mark.django_db
def test_art_35_2_eigen_fg_advies_vervangt_de_fg_gegevens_uit_het_bestand_in_de_export(wereld):
    """Details of the file's FG (19.5.2 directie) come back in an export until this gemeente's FG advises;
    then the export names only its own FG, never a mix of both."""
    call_command("importeer_dpia_model", str(MINBZK / "dpia.yaml"))
    b = wereld.beheerder
    dpia = services.dpia_starten(door=b, verwerkingen=[verwerking_voor(wereld)], vragenlijst=Vragenlijst.objects.get())
    dpia = services.prescan_vastleggen(dpia=dpia, door=b, criteria=["grootschalig", "koppeling"], ap_lijst=[], nu=NU)
    document = {
        "$schema": "https://github.com/MinBZK/par-dpia-form/blob/main/schemas/assessment-output.v2.schema.json",
        "metadata": {"urn": "urn:nl:dpia:3.0", "createdAt": "2026-02-01T10:00:00Z"},
        "answers": {
            **{k: antwoord(f"Antwoord {k}.") for k in ("1.1", "14.1", "14.2", "18")},
            "19.5.2": antwoord("Directie Andere Gemeente"),
            "19.5.7": antwoord("Akkoord (andere gemeente)."),
        },
    }
    dpia, _ = services.dpia_importeren(dpia=dpia, door=b, document=document, nu=NU)
    assert exporteer(dpia)["answers"]["19.5.2"]["value"] == "Directie Andere Gemeente"
    gegevens = {"beschrijving": "Klein risico.", "kans": "laag", "impact": "laag"}
    services.risico_opslaan(
        dpia=dpia, door=b, gegevens={**gegevens, "restrisico": "laag", "restrisico_motivering": "-"}
    )
    services.advies_vragen(dpia=dpia, door=b, nu=NU)
    dpia = services.fg_advies_geven(dpia=dpia, door=b, oordeel="positief", advies="Eigen advies.", nu=NU)
    antwoorden = exporteer(dpia)["answers"]
    assert "19.5.2" not in antwoorden
    assert antwoorden["19.5.7"]["value"] == "Positief. Eigen advies."
    assert antwoorden["19.5.1"]["value"] == f"Gemeente {dpia.gemeente.naam}"
