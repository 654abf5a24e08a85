"""The verzoeken API follows the NL API Design Rules and the same permissions as the pages."""

from datetime import date, timedelta

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from privacy_portal.core.models import AuditEvent
from rechten.constants import Status
from rechten.models import Verzoek

from .factories import moment, registreer


def _client(user):
    client = APIClient()
    client.force_authenticate(user)
    return client


@pytest.fixture
def po(wereld):
    return _client(wereld["privacy_officer"])


def _namen(antwoord):
    return {p["name"] for p in antwoord.json()["invalidParams"]}


def _nieuw(**extra):
    body = {
        "gemeente": "voorbeeldstad",
        "soorten": ["inzage", "geautomatiseerde_besluitvorming"],
        "kanaal": "brief",
        "ontvangenOp": (timezone.localdate() - timedelta(days=2)).isoformat(),
        "verzoeker": {
            "naam": "Jantje Geheimnaam",
            "email": "jantje.geheim@example.org",
            "telefoon": "06 99887766",
            "adres": "Geheimstraat 12\n9999 ZZ Nergenshuizen",
        },
        "omschrijving": "Mijn dossier bij Burgerzaken.",
    }
    body.update(extra)
    return body


def _vandaag(wereld, **extra):
    """A request received today (registered through the service), so it can still be extended."""
    vandaag = timezone.localdate()
    return registreer(
        door=wereld["privacy_officer"], gemeente=wereld.gemeente, ontvangen_op=vandaag, nu=timezone.now(), **extra
    )


@pytest.mark.django_db
def test_privacy_officer_registreert_met_deadline_en_verzoeker_als_object(wereld, po):
    antwoord = po.post("/api/v1/verzoeken", _nieuw(teams=[str(wereld.team.uuid)]), format="json")
    assert antwoord.status_code == 201, antwoord.content
    assert antwoord["API-Version"] == "1.0.0"
    data = antwoord.json()
    assert data["gemeente"] == "voorbeeldstad" and data["status"] == "ontvangen" and data["kanaal"] == "brief"
    assert data["soorten"] == ["inzage", "geautomatiseerde_besluitvorming"]
    assert data["verzoeker"] == {
        "naam": "Jantje Geheimnaam",
        "email": "jantje.geheim@example.org",
        "telefoon": "06 99887766",
        "adres": "Geheimstraat 12\n9999 ZZ Nergenshuizen",
    }
    assert data["deadline"] and data["verlengdTot"] is None and data["kenmerk"].startswith("VZ-")
    assert data["teams"] == [str(wereld.team.uuid)]
    verzoek = Verzoek.objects.get(uuid=data["uuid"])
    assert verzoek.verzoeker_naam == "Jantje Geheimnaam" and verzoek.geregistreerd_door == wereld["privacy_officer"]
    assert verzoek.deadline.isoformat() == data["deadline"]


@pytest.mark.django_db
def test_deadline_volgt_de_kalender(po):
    data = po.post("/api/v1/verzoeken", _nieuw(ontvangenOp="2025-01-31"), format="json").json()
    assert data["ontvangenOp"] == "2025-01-31"
    assert data["deadline"] == "2025-02-28"  # the last day of the shorter month, a Friday


@pytest.mark.django_db
def test_ongeldige_invoer_noemt_alle_velden_en_slaat_niets_op(po):
    toekomst = (timezone.localdate() + timedelta(days=1)).isoformat()
    body = _nieuw(ontvangenOp=toekomst, soorten=["inzage", "vergeten_worden"], verzoeker={"naam": ""})
    antwoord = po.post("/api/v1/verzoeken", body, format="json")
    assert antwoord.status_code == 400 and antwoord["Content-Type"] == "application/problem+json"
    assert _namen(antwoord) == {"ontvangenOp", "soorten", "verzoekerNaam", "verzoekerEmail"}
    assert "vergeten_worden" in str(antwoord.json()["invalidParams"])
    assert not Verzoek.objects.exists()


@pytest.mark.django_db
def test_serializerfouten_en_onbekende_gemeente(po):
    antwoord = po.post(
        "/api/v1/verzoeken", _nieuw(gemeente="randdorp", kanaal="duif", ontvangenOp="gisteren"), format="json"
    )
    assert antwoord.status_code == 400
    assert _namen(antwoord) == {"gemeente", "kanaal", "ontvangenOp"}
    assert po.post("/api/v1/verzoeken", _nieuw(verzoeker=None), format="json").status_code == 400
    assert not Verzoek.objects.exists()


@pytest.mark.django_db
def test_lezen_wordt_gelogd_en_lijst_filtert(wereld, po):
    verzoek = _vandaag(wereld)
    elders = registreer(door=wereld["privacy_officer"], gemeente=wereld.gemeente, soorten=["wissing"])
    antwoord = po.get(f"/api/v1/verzoeken/{verzoek.uuid}")
    assert antwoord.status_code == 200
    assert antwoord.json()["verzoeker"]["email"] == "jantje.geheim@example.org"
    event = AuditEvent.objects.get(object_id=str(verzoek.uuid))
    assert event.actie == AuditEvent.Actie.INZIEN and event.herkomst == "api"
    lijst = po.get("/api/v1/verzoeken").json()["results"]
    assert {v["uuid"] for v in lijst} == {str(verzoek.uuid), str(elders.uuid)}
    alleen_wissing = po.get("/api/v1/verzoeken?soort=wissing").json()["results"]
    assert [v["uuid"] for v in alleen_wissing] == [str(elders.uuid)]
    # no trailing slash, no personal data needed in the path
    assert po.get(f"/api/v1/verzoeken/{verzoek.uuid}/").status_code == 404


@pytest.mark.django_db
def test_patch_wijzigt_via_de_service_maar_niet_de_ontvangstdatum(wereld, po):
    # replaces test_patch_wijzigt_via_de_service_en_herberekent_de_deadline: the receipt date is
    # corrected with POST .../ontvangst-corrigeren (issue 12), not edited with PATCH
    verzoek = registreer(door=wereld["privacy_officer"], gemeente=wereld.gemeente)
    url = f"/api/v1/verzoeken/{verzoek.uuid}"
    antwoord = po.patch(url, {"verzoeker": {"telefoon": "010 1234567"}, "soorten": ["rectificatie"]}, format="json")
    assert antwoord.status_code == 200, antwoord.content
    data = antwoord.json()
    assert data["ontvangenOp"] == "2026-03-03" and data["deadline"] == "2026-04-07"
    assert data["verzoeker"]["telefoon"] == "010 1234567" and data["verzoeker"]["naam"] == "Jantje Geheimnaam"
    assert data["soorten"] == ["rectificatie"]

    fout = po.patch(url, {"ontvangenOp": "2026-03-02"}, format="json")
    assert fout.status_code == 400 and _namen(fout) == {"ontvangenOp"}
    fout = po.patch(url, {"ontvangenOp": "2099-01-01", "soorten": ["iets"]}, format="json")
    assert fout.status_code == 400 and _namen(fout) == {"ontvangenOp", "soorten"}
    verzoek.refresh_from_db()
    assert verzoek.ontvangen_op == date(2026, 3, 3) and verzoek.soorten == ["rectificatie"]
    # status and deadline are read only
    po.patch(url, {"status": "afgehandeld", "deadline": "2030-01-01"}, format="json")
    verzoek.refresh_from_db()
    assert verzoek.status == Status.ONTVANGEN and verzoek.deadline == date(2026, 4, 7)


@pytest.mark.django_db
def test_verlengen_op_tijd_en_te_laat(wereld, po):
    verzoek = _vandaag(wereld)
    antwoord = po.post(f"/api/v1/verzoeken/{verzoek.uuid}/verlengen", {"reden": "Veel systemen"}, format="json")
    assert antwoord.status_code == 200, antwoord.content
    verzoek.refresh_from_db()
    assert antwoord.json()["verlengdTot"] == verzoek.verlengd_tot.isoformat()
    assert verzoek.verlengd_tot > verzoek.deadline and verzoek.verlenging_reden == "Veel systemen"

    # a second extension, or one after the deadline, is a 400 and changes nothing
    tweede = po.post(f"/api/v1/verzoeken/{verzoek.uuid}/verlengen", {"reden": "Nog meer"}, format="json")
    assert tweede.status_code == 400 and _namen(tweede) == {"deadline"}
    oud = registreer(door=wereld["privacy_officer"], gemeente=wereld.gemeente)  # received 3 March 2026
    te_laat = po.post(f"/api/v1/verzoeken/{oud.uuid}/verlengen", {"reden": ""}, format="json")
    assert te_laat.status_code == 400 and _namen(te_laat) == {"deadline", "reden"}
    oud.refresh_from_db()
    assert oud.verlengd_tot is None and oud.verlenging_reden == ""


@pytest.mark.django_db
def test_afhandelen_en_daarna_conflict(wereld, po):
    verzoek = _vandaag(wereld)
    url = f"/api/v1/verzoeken/{verzoek.uuid}/afhandelen"
    fout = po.post(url, {"uitkomst": "afgewezen", "toelichting": ""}, format="json")
    assert fout.status_code == 400 and _namen(fout) == {"toelichting", "grond"}
    antwoord = po.post(
        url,
        {"uitkomst": "afgewezen", "toelichting": "Uw verzoek is duidelijk ongegrond.", "grond": "kennelijk_ongegrond"},
        format="json",
    )
    assert antwoord.status_code == 200, antwoord.content
    data = antwoord.json()
    assert (
        data["status"] == "afgehandeld" and data["uitkomst"] == "afgewezen" and data["grond"] == "kennelijk_ongegrond"
    )
    opnieuw = po.post(url, {"uitkomst": "ingetrokken", "toelichting": "Ingetrokken."}, format="json")
    assert opnieuw.status_code == 409 and opnieuw["Content-Type"] == "application/problem+json"
    patch = po.patch(f"/api/v1/verzoeken/{verzoek.uuid}", {"omschrijving": "Anders"}, format="json")
    assert patch.status_code == 409


@pytest.mark.django_db
def test_rollen_zonder_recht_krijgen_404_of_403(wereld):
    verzoek = _vandaag(wereld)
    url = f"/api/v1/verzoeken/{verzoek.uuid}"
    # no rechten.view_verzoek: the request (and its requester) does not exist for them
    for rol in ("teammanager", "medewerker", "college", "ciso", "buitenstaander"):
        client = _client(wereld[rol])
        assert client.get(url).status_code == 404, rol
        assert client.get("/api/v1/verzoeken").json()["results"] == [], rol
        assert client.post(f"{url}/verlengen", {"reden": "x"}, format="json").status_code == 404, rol
    # the FG reads (with the requester) but may not change, extend or decide
    fg = _client(wereld["fg"])
    assert fg.get(url).json()["verzoeker"]["naam"] == "Jantje Geheimnaam"
    assert fg.patch(url, {"omschrijving": "Anders"}, format="json").status_code == 403
    assert fg.post(f"{url}/verlengen", {"reden": "x"}, format="json").status_code == 403
    assert (
        fg.post(f"{url}/afhandelen", {"uitkomst": "ingetrokken", "toelichting": "x"}, format="json").status_code == 403
    )
    assert fg.post("/api/v1/verzoeken", _nieuw(), format="json").status_code == 403
    verzoek.refresh_from_db()
    assert verzoek.omschrijving != "Anders" and verzoek.verlengd_tot is None and verzoek.status == Status.ONTVANGEN
    assert Verzoek.objects.count() == 1
    assert APIClient().get(url).status_code in (401, 403)


@pytest.mark.django_db
def test_andere_gemeente_is_buiten_bereik(wereld):
    from ..factories import RolFactory, UserFactory

    verzoek = _vandaag(wereld)
    po_elders = UserFactory(username="po-elders")
    RolFactory(gebruiker=po_elders, rol="privacy_officer", gemeente=wereld.andere_gemeente)
    assert _client(po_elders).get(f"/api/v1/verzoeken/{verzoek.uuid}").status_code == 404


@pytest.mark.django_db
def test_onbevestigde_webverzoeken_staan_niet_in_de_api(wereld, po):
    from rechten import services

    gegevens = {"soorten": ["inzage"], "verzoeker_naam": "Web Inwoner", "verzoeker_email": "web@example.org"}
    verzoek, _ = services.verzoek_ontvangen_van_inwoner(
        gemeente=wereld.gemeente, gegevens=gegevens, nu=moment(date(2026, 3, 3))
    )
    assert po.get("/api/v1/verzoeken").json()["results"] == []
    assert po.get(f"/api/v1/verzoeken/{verzoek.uuid}").status_code == 404


@pytest.mark.django_db
def test_openapi_beschrijft_de_verzoeken(po):
    schema = po.get("/api/v1/openapi.json").json()
    for pad in (
        "/api/v1/verzoeken",
        "/api/v1/verzoeken/{uuid}",
        "/api/v1/verzoeken/{uuid}/verlengen",
        "/api/v1/verzoeken/{uuid}/afhandelen",
    ):
        assert pad in schema["paths"], pad
    velden = schema["components"]["schemas"]["Verzoek"]["properties"]
    assert {"gemeente", "soorten", "verzoeker", "ontvangenOp", "deadline", "verlengdTot", "status"} <= set(velden)
    assert velden["deadline"]["readOnly"] and velden["verlengdTot"]["readOnly"]
