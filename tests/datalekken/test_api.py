"""The datalek API follows the NL API Design Rules, the 72-hour rule and the same permissions as the pages."""

from datetime import datetime, timedelta

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from datalekken import services
from datalekken.constants import Status
from datalekken.models import Datalek, MeldingAP

from ..factories import AP_MELDER, alle_rollen, maak_verwerking, meld_datalek


def _client(user):
    client = APIClient()
    client.force_authenticate(user)
    return client


@pytest.fixture
def po(wereld):
    return _client(wereld["privacy_officer"])


def _iso(moment):
    return timezone.localtime(moment).isoformat()


def _moment(tekst):
    return datetime.fromisoformat(tekst)


def _namen(antwoord):
    return {p["name"] for p in antwoord.json()["invalidParams"]}


def _nieuw(**extra):
    ontdekt = timezone.now() - timedelta(hours=2)
    body = {
        "gemeente": "voorbeeldstad",
        "titel": "Brief naar verkeerd adres",
        "omschrijving": "Een beschikking is naar de buren gestuurd.",
        "ontdektOp": _iso(ontdekt),
    }
    body.update(extra)
    return body


def _beoordeeld(wereld, *, risico="hoog", nu=None, **extra):
    """A datalek reported by the medewerker and assessed by the privacy officer, through the services."""
    nu = nu or timezone.now() - timedelta(hours=1)
    datalek = meld_datalek(door=wereld["medewerker"], gemeente=wereld.gemeente, nu=nu, **extra)
    return services.datalek_behandelen(
        datalek=datalek,
        door=wereld["privacy_officer"],
        gegevens={"risico": risico, "risico_motivering": "Gegevens van kwetsbare burgers.", **AP_MELDER},
        nu=nu,
    )


@pytest.mark.django_db
def test_medewerker_meldt_met_deadline_72_uur_na_kennisname(wereld):
    kennisname = timezone.now() - timedelta(hours=3)
    antwoord = _client(wereld["medewerker"]).post(
        "/api/v1/datalekken", _nieuw(kennisnameOp=_iso(kennisname)), format="json"
    )
    assert antwoord.status_code == 201, antwoord.content
    assert antwoord["API-Version"] == "1.0.0"
    data = antwoord.json()
    assert _moment(data["meldDeadline"]) == kennisname + timedelta(hours=72)
    assert _moment(data["kennisnameOp"]) == kennisname
    assert data["status"] == "gemeld" and data["risico"] == "" and data["gemeldAp"] is False
    assert data["team"] == str(wereld.team.uuid)  # the reporter's own team
    assert data["kenmerk"].startswith("DL-") and data["gemeente"] == "voorbeeldstad"
    assert data["meldingen"] == [] and "Beoordeel eerst het risico." in data["afsluitBezwaren"]
    assert data["dossierPdf"] == f"http://testserver/datalekken/{data['uuid']}/dossier.pdf"
    datalek = Datalek.objects.get(uuid=data["uuid"])
    assert datalek.gemeld_door == wereld["medewerker"]


@pytest.mark.django_db
def test_zonder_kennisname_geldt_het_moment_van_ontdekken(wereld):
    body = _nieuw()
    data = _client(wereld["medewerker"]).post("/api/v1/datalekken", body, format="json").json()
    assert data["kennisnameOp"] == data["ontdektOp"]
    assert _moment(data["meldDeadline"]) == _moment(body["ontdektOp"]) + timedelta(hours=72)


@pytest.mark.django_db
def test_zomertijd_telt_72_echte_uren(po):
    body = _nieuw(ontdektOp="2026-03-28T10:00:00+01:00", kennisnameOp="2026-03-28T10:00:00+01:00")
    antwoord = po.post("/api/v1/datalekken", body, format="json")
    assert antwoord.status_code == 201, antwoord.content
    assert antwoord.json()["meldDeadline"] == "2026-03-31T11:00:00+02:00"


@pytest.mark.django_db
def test_melder_leest_de_eigen_melding_maar_wijzigt_niet(wereld):
    datalek = meld_datalek(door=wereld["medewerker"], gemeente=wereld.gemeente, nu=timezone.now())
    melder = _client(wereld["medewerker"])
    url = f"/api/v1/datalekken/{datalek.uuid}"
    assert melder.get(url).status_code == 200
    assert [d["uuid"] for d in melder.get("/api/v1/datalekken").json()["results"]] == [str(datalek.uuid)]
    patch = melder.patch(url, {"risico": "geen", "risicoMotivering": "Niets aan de hand."}, format="json")
    assert patch.status_code == 403 and patch["Content-Type"] == "application/problem+json"
    melden = melder.post(f"{url}/melden-ap", {"gemeldOp": _iso(timezone.now()), "apReferentie": "X"}, format="json")
    assert melden.status_code == 403
    datalek.refresh_from_db()
    assert datalek.risico == "" and not datalek.meldingen.exists()


@pytest.mark.django_db
def test_bereik_teammanager_ander_team_college_en_buitenstaander(wereld):
    elders = meld_datalek(door=wereld["ciso"], gemeente=wereld.gemeente, nu=timezone.now(), team=wereld.ander_team)
    eigen = meld_datalek(door=wereld["ciso"], gemeente=wereld.gemeente, nu=timezone.now(), team=wereld.team)
    teammanager = _client(wereld["teammanager"])
    assert teammanager.get(f"/api/v1/datalekken/{elders.uuid}").status_code == 404
    assert teammanager.get(f"/api/v1/datalekken/{eigen.uuid}").status_code == 200
    assert [d["uuid"] for d in teammanager.get("/api/v1/datalekken").json()["results"]] == [str(eigen.uuid)]

    college = _client(wereld["college"])
    assert college.get("/api/v1/datalekken").json()["results"] == []
    niet_gevonden = college.get(f"/api/v1/datalekken/{eigen.uuid}")
    assert niet_gevonden.status_code == 404 and niet_gevonden["Content-Type"] == "application/problem+json"
    assert _client(wereld["buitenstaander"]).get(f"/api/v1/datalekken/{eigen.uuid}").status_code == 404


@pytest.mark.django_db
def test_privacy_officer_behandelt_meldt_informeert_en_sluit_af(po, wereld):
    datalek = meld_datalek(door=wereld["medewerker"], gemeente=wereld.gemeente, nu=timezone.now() - timedelta(hours=5))
    url = f"/api/v1/datalekken/{datalek.uuid}"

    beoordeeld = po.patch(
        url,
        {
            "risico": "hoog",
            "risicoMotivering": "Medische gegevens van kwetsbare burgers.",
            "soortInbreuk": ["gelezen"],
            "soortenGegevens": ["naw", "bijzonder"],
            "bijzondereCategorieen": ["gezondheid"],
            "aantalBetrokkenen": 12,
            "melderNaam": "P. Officier",
            "melderFunctie": "Privacy officer",
            "melderTelefoon": "14 0123",
            "reden": "Eerste beoordeling",
        },
        format="json",
    )
    assert beoordeeld.status_code == 200, beoordeeld.content
    data = beoordeeld.json()
    assert data["status"] == "in_behandeling" and data["risico"] == "hoog" and data["beoordeeldOp"]
    assert data["soortenGegevens"] == ["naw", "bijzonder"] and data["aantalBetrokkenen"] == 12

    te_vroeg = po.post(f"{url}/afsluiten", {}, format="json")
    assert te_vroeg.status_code == 400 and te_vroeg["Content-Type"] == "application/problem+json"
    assert {"melding", "betrokkenen"} <= _namen(te_vroeg)
    datalek.refresh_from_db()
    assert datalek.status == Status.IN_BEHANDELING and datalek.afgesloten_op is None

    gemeld = po.post(
        f"{url}/melden-ap", {"gemeldOp": _iso(timezone.now()), "apReferentie": "AP-2026-123"}, format="json"
    )
    assert gemeld.status_code == 200, gemeld.content
    data = gemeld.json()
    assert data["gemeldAp"] is True
    assert data["meldingen"] == [
        {
            "soort": "melding",
            "gemeldOp": data["meldingen"][0]["gemeldOp"],
            "apReferentie": "AP-2026-123",
            "redenVertraging": "",
            "teLaat": False,
        }
    ]
    assert data["afsluitBezwaren"] == [
        "Bij hoog risico: leg vast dat de betrokkenen zijn geïnformeerd, of welke uitzondering geldt."
    ]

    geinformeerd = po.post(
        f"{url}/informeren-betrokkenen",
        {"geinformeerdOp": _iso(timezone.now()), "wijze": "Brief", "aantal": 12},
        format="json",
    )
    assert geinformeerd.status_code == 200, geinformeerd.content
    assert geinformeerd.json()["betrokkenenWijze"] == "Brief" and geinformeerd.json()["afsluitBezwaren"] == []

    afgesloten = po.post(f"{url}/afsluiten", {"motivering": "Maatregelen genomen."}, format="json")
    assert afgesloten.status_code == 200, afgesloten.content
    assert (
        afgesloten.json()["status"] == "afgesloten" and afgesloten.json()["afsluitMotivering"] == "Maatregelen genomen."
    )

    # Closed: changing is a conflict, and the history tells the story newest first.
    conflict = po.patch(url, {"titel": "Anders"}, format="json")
    assert conflict.status_code == 409 and conflict["Content-Type"] == "application/problem+json"
    historie = po.get(f"{url}/historie")
    assert historie.status_code == 200
    redenen = [regel["reden"] for regel in historie.json()]
    assert redenen[0].startswith("Afgesloten") and redenen[-1] == "Gemeld"
    assert "Eerste beoordeling" in redenen and "Melding aan de AP vastgelegd" in redenen
    beoordeling = historie.json()[redenen.index("Eerste beoordeling")]
    assert {"veld": "risico", "oud": "—", "nieuw": "Hoog risico"} in beoordeling["wijzigingen"]


@pytest.mark.django_db
def test_afsluiten_bij_risico_zonder_ap_melding_is_400_en_verandert_niets(po, wereld):
    datalek = _beoordeeld(wereld, risico="risico")
    antwoord = po.post(f"/api/v1/datalekken/{datalek.uuid}/afsluiten", {"motivering": "Klaar"}, format="json")
    assert antwoord.status_code == 400
    assert antwoord.json()["invalidParams"] == [
        {
            "name": "melding",
            "code": "invalid",
            "reason": "Bij risico moet de melding aan de AP zijn vastgelegd voordat u afsluit.",
        }
    ]
    datalek.refresh_from_db()
    assert datalek.status == Status.IN_BEHANDELING and datalek.afsluit_motivering == ""


@pytest.mark.django_db
def test_te_late_melding_vraagt_een_reden_van_vertraging(po, wereld):
    datalek = _beoordeeld(wereld, nu=timezone.now() - timedelta(days=5))
    url = f"/api/v1/datalekken/{datalek.uuid}/melden-ap"
    body = {"gemeldOp": _iso(timezone.now()), "apReferentie": "AP-9"}
    zonder = po.post(url, body, format="json")
    assert zonder.status_code == 400 and "redenVertraging" in _namen(zonder)
    assert not MeldingAP.objects.exists()

    met = po.post(url, {**body, "redenVertraging": "Het lek werd pas laat als zodanig herkend."}, format="json")
    assert met.status_code == 200, met.content
    melding = met.json()["meldingen"][0]
    assert melding["teLaat"] is True and melding["redenVertraging"].startswith("Het lek")

    # A second first melding is refused; a supplement is fine.
    assert "soort" in _namen(po.post(url, body, format="json"))
    aanvulling = po.post(url, {**body, "soort": "aanvulling", "toelichting": "Meer betrokkenen"}, format="json")
    assert [m["soort"] for m in aanvulling.json()["meldingen"]] == ["melding", "aanvulling"]


@pytest.mark.django_db
def test_ciso_beoordeelt_maar_legt_geen_ap_melding_vast(wereld):
    datalek = meld_datalek(door=wereld["medewerker"], gemeente=wereld.gemeente, nu=timezone.now())
    ciso = _client(wereld["ciso"])
    url = f"/api/v1/datalekken/{datalek.uuid}"
    assert ciso.patch(url, {"oorzaak": "hack"}, format="json").status_code == 200
    body = {"gemeldOp": _iso(timezone.now()), "apReferentie": "AP-1"}
    assert ciso.post(f"{url}/melden-ap", body, format="json").status_code == 403
    assert ciso.post(f"{url}/afsluiten", {}, format="json").status_code == 403


@pytest.mark.django_db
def test_kennisname_in_de_toekomst_of_zonder_tijdzone_is_400_en_slaat_niets_op(wereld):
    medewerker = _client(wereld["medewerker"])
    toekomst = medewerker.post(
        "/api/v1/datalekken", _nieuw(kennisnameOp=_iso(timezone.now() + timedelta(days=1))), format="json"
    )
    assert toekomst.status_code == 400 and toekomst["Content-Type"] == "application/problem+json"
    assert _namen(toekomst) == {"kennisnameOp"}
    zonder_tijdzone = medewerker.post("/api/v1/datalekken", _nieuw(ontdektOp="2026-03-28T10:00:00"), format="json")
    assert zonder_tijdzone.status_code == 400 and _namen(zonder_tijdzone) == {"ontdektOp"}
    assert Datalek.objects.count() == 0


@pytest.mark.django_db
def test_alle_ongeldige_velden_samen_en_niets_opgeslagen(wereld):
    antwoord = _client(wereld["medewerker"]).post(
        "/api/v1/datalekken", _nieuw(titel="", team="00000000-0000-0000-0000-000000000000"), format="json"
    )
    assert antwoord.status_code == 400
    assert {"titel", "team"} <= _namen(antwoord)
    assert Datalek.objects.count() == 0


@pytest.mark.django_db
def test_gemeente_buiten_bereik_en_beoordeling_bij_melden_zijn_400(wereld):
    medewerker = _client(wereld["medewerker"])
    for slug in ("randdorp", "bestaat-niet"):
        antwoord = medewerker.post("/api/v1/datalekken", _nieuw(gemeente=slug), format="json")
        assert antwoord.status_code == 400 and _namen(antwoord) == {"gemeente"}
    beoordeling = medewerker.post("/api/v1/datalekken", _nieuw(risico="geen"), format="json")
    assert beoordeling.status_code == 400 and _namen(beoordeling) == {"risico"}
    geen_rol = _client(wereld["buitenstaander"]).post("/api/v1/datalekken", _nieuw(), format="json")
    assert geen_rol.status_code == 400 and _namen(geen_rol) == {"gemeente"}
    assert Datalek.objects.count() == 0


@pytest.mark.django_db
def test_onbekende_keuzecode_noemt_dat_veld(po, wereld):
    datalek = meld_datalek(door=wereld["medewerker"], gemeente=wereld.gemeente, nu=timezone.now())
    url = f"/api/v1/datalekken/{datalek.uuid}"
    antwoord = po.patch(url, {"soortInbreuk": ["gelezen", "verdampt"], "risico": "middel"}, format="json")
    assert antwoord.status_code == 400
    namen = _namen(antwoord)
    assert "risico" in namen and any(n.startswith("soortInbreuk") for n in namen)
    informeren = po.post(f"{url}/informeren-betrokkenen", {"uitzondering": "geen_zin"}, format="json")
    assert informeren.status_code == 400 and _namen(informeren) == {"uitzondering"}
    datalek.refresh_from_db()
    assert datalek.soort_inbreuk == [] and datalek.risico == ""


@pytest.mark.django_db
def test_risico_zonder_motivering_is_400(po, wereld):
    datalek = meld_datalek(door=wereld["medewerker"], gemeente=wereld.gemeente, nu=timezone.now())
    antwoord = po.patch(f"/api/v1/datalekken/{datalek.uuid}", {"risico": "geen"}, format="json")
    assert antwoord.status_code == 400 and _namen(antwoord) == {"risicoMotivering"}
    datalek.refresh_from_db()
    assert datalek.status == Status.GEMELD


@pytest.mark.django_db
def test_informeren_met_uitzondering_vraagt_motivering(po, wereld):
    datalek = _beoordeeld(wereld)
    url = f"/api/v1/datalekken/{datalek.uuid}/informeren-betrokkenen"
    assert _namen(po.post(url, {"uitzondering": "versleuteld"}, format="json")) == {"motivering"}
    assert _namen(po.post(url, {}, format="json")) == {"geinformeerdOp", "wijze"}
    antwoord = po.post(url, {"uitzondering": "versleuteld", "motivering": "AES-256 op de laptop."}, format="json")
    assert antwoord.status_code == 200 and antwoord.json()["uitzondering"] == "versleuteld"


@pytest.mark.django_db
def test_correctie_van_kennisname_berekent_de_deadline_opnieuw(po, wereld):
    # Was a PATCH of kennisnameOp; kennisname is now only corrected, with a reason (art. 33(1)).
    nu = timezone.now()
    datalek = meld_datalek(door=wereld["medewerker"], gemeente=wereld.gemeente, nu=nu - timedelta(hours=1))
    kennisname = nu - timedelta(minutes=30)
    antwoord = po.post(
        f"/api/v1/datalekken/{datalek.uuid}/kennisname-corrigeren",
        {"kennisnameOp": _iso(kennisname), "reden": "Pas later zeker dat het om persoonsgegevens ging."},
        format="json",
    )
    assert antwoord.status_code == 200, antwoord.content
    assert _moment(antwoord.json()["meldDeadline"]) == kennisname + timedelta(hours=72)
    datalek.refresh_from_db()
    assert datalek.meld_deadline == kennisname + timedelta(hours=72)


@pytest.mark.django_db
def test_verwerkingen_alleen_van_dezelfde_gemeente(po, wereld):
    datalek = meld_datalek(door=wereld["medewerker"], gemeente=wereld.gemeente, nu=timezone.now())
    eigen = maak_verwerking(team=wereld.team, vv=wereld.vv, door=wereld["privacy_officer"])
    beheerder = alle_rollen("beheerder", wereld.gemeente, wereld.andere_gemeente)
    vreemd = maak_verwerking(team=wereld.team_elders, vv=wereld.vv_elders, door=beheerder)
    url = f"/api/v1/datalekken/{datalek.uuid}"
    antwoord = po.patch(url, {"verwerkingen": [str(eigen.uuid)]}, format="json")
    assert antwoord.status_code == 200 and antwoord.json()["verwerkingen"] == [str(eigen.uuid)]
    assert _namen(po.patch(url, {"verwerkingen": [str(vreemd.uuid)]}, format="json")) == {"verwerkingen"}
    beheer = _client(beheerder).patch(url, {"verwerkingen": [str(vreemd.uuid)]}, format="json")
    assert beheer.status_code == 400 and _namen(beheer) == {"verwerkingen"}
    assert list(datalek.verwerkingen.all()) == [eigen]


@pytest.mark.django_db
def test_filters_in_camelcase_en_volgorde_op_deadline(po, wereld):
    nu = timezone.now()
    later = meld_datalek(door=wereld["medewerker"], gemeente=wereld.gemeente, nu=nu - timedelta(hours=1), titel="Later")
    eerder = _beoordeeld(wereld, risico="geen", nu=nu - timedelta(hours=10), titel="Eerder")
    services.datalek_behandelen(
        datalek=eerder,
        door=wereld["privacy_officer"],
        gegevens={
            "mogelijke_gevolgen": "Geen gevolgen te verwachten.",
            "genomen_maatregelen": "De brief is teruggehaald.",
        },
    )
    services.datalek_afsluiten(datalek=eerder, door=wereld["privacy_officer"], nu=nu)

    def titels(query=""):
        antwoord = po.get(f"/api/v1/datalekken{query}")
        assert antwoord.status_code == 200, antwoord.content
        return [d["titel"] for d in antwoord.json()["results"]]

    assert titels() == ["Eerder", "Later"]
    assert titels("?open=true") == ["Later"]
    assert titels("?open=false") == ["Eerder"]
    assert titels("?status=gemeld") == ["Later"]
    assert titels("?risico=geen") == ["Eerder"]
    assert titels("?risico=onbeoordeeld") == ["Later"]
    assert titels("?gemeente=voorbeeldstad&status=afgesloten") == ["Eerder"]
    assert titels("?gemeente=randdorp") == []
    assert po.get("/api/v1/datalekken?status=weg").status_code == 400
    assert later.uuid


@pytest.mark.django_db
def test_openapi_documenteert_de_acties_en_geen_trailing_slash(po, wereld):
    schema = po.get("/api/v1/openapi.json").json()
    pad = schema["paths"]["/api/v1/datalekken/{uuid}/melden-ap"]["post"]
    assert pad["requestBody"]["content"]["application/json"]["schema"]["$ref"].endswith("/DatalekMeldenAp")
    velden = schema["components"]["schemas"]["DatalekMeldenAp"]["properties"]
    assert {"gemeldOp", "apReferentie", "redenVertraging", "soort", "toelichting"} <= set(velden)
    for actie in ("informeren-betrokkenen", "afsluiten", "historie"):
        assert f"/api/v1/datalekken/{{uuid}}/{actie}" in schema["paths"]
    datalek = schema["components"]["schemas"]["Datalek"]["properties"]
    assert {"meldDeadline", "kennisnameOp", "dossierPdf", "afsluitBezwaren", "gemeldAp"} <= set(datalek)

    slash = po.get("/api/v1/datalekken/")
    assert slash.status_code == 404 and slash["Content-Type"] == "application/problem+json"
    eigen = meld_datalek(door=wereld["medewerker"], gemeente=wereld.gemeente, nu=timezone.now())
    assert po.get(f"/api/v1/datalekken/{eigen.uuid}/").status_code == 404
    assert po.put(f"/api/v1/datalekken/{eigen.uuid}", {}, format="json").status_code == 405
