"""/api/v1/rapportages and /api/v1/dashboard (NL API Design Rules: problem+json, camelCase, 202 for work
that happens later, 404 outside the user's scope)."""

import pytest
from rest_framework.test import APIClient

from privacy_portal.core.models import AuditEvent
from rapportages.constants import Soort
from rapportages.models import Rapportage

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("alleen_eigen_bronnen")]


def api(user):
    client = APIClient()
    client.force_authenticate(user)
    return client


GELDIG = {
    "soort": "kwartaalevaluatie",
    "gemeente": "voorbeeldstad",
    "periodeVan": "2026-07-01",
    "periodeTot": "2026-09-30",
}


def test_aanvragen_geeft_202_en_daarna_status_voortgang_en_pdf(wereld, lekken, django_capture_on_commit_callbacks):
    client = api(wereld["privacy_officer"])
    with django_capture_on_commit_callbacks(execute=True):
        antwoord = client.post("/api/v1/rapportages", GELDIG, format="json")
    assert antwoord.status_code == 202, antwoord.content
    body = antwoord.json()
    assert body["status"] == "wachtrij" and body["voortgang"] == 0 and body["pdf"] is None
    assert body["soort"] == "kwartaalevaluatie" and body["gemeente"] == "voorbeeldstad"
    assert body["periodeVan"] == "2026-07-01" and body["periodeTot"] == "2026-09-30"
    assert antwoord["Location"].endswith(f"/api/v1/rapportages/{body['uuid']}")
    assert antwoord["API-Version"]

    detail = client.get(f"/api/v1/rapportages/{body['uuid']}").json()
    assert detail["status"] == "klaar" and detail["voortgang"] == 100
    assert detail["pdf"] == f"http://testserver/api/v1/rapportages/{body['uuid']}/pdf"
    assert detail["gegevensstand"]["cijfers"]["datalekken"]["periodeGemeld"] == 5  # camelCase like the rest

    pdf = client.get(detail["pdf"], HTTP_ACCEPT="application/pdf")
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")
    regel = AuditEvent.objects.get(actie=AuditEvent.Actie.DOWNLOADEN)
    assert regel.herkomst == "api" and regel.object_id == body["uuid"]
    # a client that accepts anything gets the PDF too
    assert api(wereld["college"]).get(detail["pdf"]).content.startswith(b"%PDF")


@pytest.mark.parametrize(
    ("invoer", "namen"),
    [
        ({"soort": "jaarrekening"}, {"soort"}),
        ({"gemeente": "bestaat-niet"}, {"gemeente"}),
        ({"periodeVan": "gisteren"}, {"periodeVan"}),
        ({"periodeVan": "2026-09-30", "periodeTot": "2026-07-01"}, {"periodeTot"}),
        ({"periodeVan": None, "periodeTot": None}, {"periodeVan", "periodeTot"}),
        (
            {"soort": "jaarrekening", "gemeente": "bestaat-niet", "periodeTot": "morgen"},
            {"soort", "gemeente", "periodeTot"},
        ),
    ],
)
def test_ongeldige_aanvraag_is_400_met_alle_velden_en_slaat_niets_op(wereld, invoer, namen):
    antwoord = api(wereld["fg"]).post("/api/v1/rapportages", GELDIG | invoer, format="json")
    assert antwoord.status_code == 400
    assert antwoord["Content-Type"] == "application/problem+json"
    assert {p["name"] for p in antwoord.json()["invalidParams"]} == namen
    assert not Rapportage.objects.exists()


def test_andere_gemeente_onbekend_voor_de_gebruiker_is_400_niet_403(wereld):
    antwoord = api(wereld["fg"]).post("/api/v1/rapportages", GELDIG | {"gemeente": "randdorp"}, format="json")
    assert antwoord.status_code == 400 and antwoord.json()["invalidParams"][0]["name"] == "gemeente"


@pytest.mark.parametrize(
    "rol", ["college", "directeur", "jurist", "ciso", "controller", "teammanager", "buitenstaander"]
)
def test_zonder_add_rapportage_is_403(wereld, rol):
    antwoord = api(wereld[rol]).post("/api/v1/rapportages", GELDIG, format="json")
    assert antwoord.status_code == 403 and antwoord["Content-Type"] == "application/problem+json"
    assert not Rapportage.objects.exists()


def test_recht_in_de_ene_gemeente_geeft_geen_recht_in_de_andere(wereld):
    from privacy_portal.organisaties.rollen import Rol

    from ..factories import RolFactory

    RolFactory(gebruiker=wereld["college"], rol=Rol.PRIVACY_OFFICER, gemeente=wereld.andere_gemeente)
    antwoord = api(wereld["college"]).post("/api/v1/rapportages", GELDIG, format="json")
    assert antwoord.status_code == 403  # college in voorbeeldstad, privacy officer only in randdorp
    assert not Rapportage.objects.exists()


def test_archief_alleen_eigen_gemeenten_en_niet_klaar_zonder_pdf(wereld, maak_rapport, po_elders):
    eigen = maak_rapport(wereld["fg"], Soort.REGISTER_OPENBAAR, wereld.gemeente)
    elders = maak_rapport(po_elders, Soort.REGISTER_OPENBAAR, wereld.andere_gemeente)
    lijst = api(wereld["controller"]).get("/api/v1/rapportages").json()
    assert [r["uuid"] for r in lijst["results"]] == [str(eigen.uuid)]
    assert api(wereld["controller"]).get(f"/api/v1/rapportages/{elders.uuid}").status_code == 404
    assert api(wereld["teammanager"]).get("/api/v1/rapportages").json()["results"] == []
    assert api(wereld["teammanager"]).get(f"/api/v1/rapportages/{eigen.uuid}/pdf").status_code == 404
    gefilterd = api(po_elders).get("/api/v1/rapportages", {"gemeente": "voorbeeldstad"}).json()
    assert gefilterd["results"] == []


def test_pdf_van_een_rapportage_in_de_wachtrij_is_404(wereld):
    from rapportages import services

    rapportage = services.rapportage_aanvragen(door=wereld["fg"], soort=Soort.REGISTER, gemeente=wereld.gemeente)
    antwoord = api(wereld["fg"]).get(f"/api/v1/rapportages/{rapportage.uuid}/pdf")
    assert antwoord.status_code == 404 and antwoord["Content-Type"] == "application/problem+json"


def test_dashboard_api(wereld, lekken, register):
    antwoord = api(wereld["fg"]).get("/api/v1/dashboard", {"gemeente": "voorbeeldstad"})
    assert antwoord.status_code == 200 and antwoord["API-Version"]
    body = antwoord.json()
    assert body["gemeenten"] == ["voorbeeldstad"] and "laatsteRun" in body["termijnscan"]
    secties = {s["sleutel"]: s for s in body["secties"]}
    assert list(secties) == ["registers", "datalekken", "verzoeken", "dpia", "overeenkomsten"]
    assert secties["verzoeken"]["beschikbaar"] is False and secties["datalekken"]["beschikbaar"] is True
    cijfers = {c["sleutel"]: c for c in secties["registers"]["cijfers"]}
    assert cijfers["zonder_vastgestelde_versie"]["waarde"] == 3
    assert cijfers["volledigheid"]["eenheid"] == "%" and isinstance(cijfers["volledigheid"]["waarde"], int)
    trend = secties["datalekken"]["trends"][0]
    assert len(trend["kwartalen"]) == 8 and [r["naam"] for r in trend["reeksen"]][0] == "Gemeld"


def test_dashboard_api_bereik(wereld, fg_twee_gemeenten):
    assert api(wereld["privacy_officer"]).get("/api/v1/dashboard", {"gemeente": "randdorp"}).status_code == 404
    assert api(wereld["privacy_officer"]).get("/api/v1/dashboard", {"gemeente": "bestaat-niet"}).status_code == 404
    assert api(wereld["teammanager"]).get("/api/v1/dashboard").status_code == 403
    assert api(wereld["buitenstaander"]).get("/api/v1/dashboard").status_code == 403
    samen = api(fg_twee_gemeenten).get("/api/v1/dashboard").json()
    assert samen["gemeenten"] == ["randdorp", "voorbeeldstad"]
    assert api(fg_twee_gemeenten).get("/api/v1/dashboard", {"gemeente": "randdorp"}).json()["gemeenten"] == ["randdorp"]
    assert APIClient().get("/api/v1/dashboard").status_code in (401, 403)
    assert api(wereld["fg"]).get("/api/v1/dashboard/").status_code == 404  # no trailing slash


def test_openapi_beschrijft_de_endpoints(client):
    schema = client.get("/api/v1/openapi.json").json()
    assert {
        "/api/v1/rapportages",
        "/api/v1/rapportages/{uuid}",
        "/api/v1/rapportages/{uuid}/pdf",
        "/api/v1/dashboard",
    } <= set(schema["paths"])
    post = schema["paths"]["/api/v1/rapportages"]["post"]
    assert "202" in post["responses"]
    assert "application/pdf" in schema["paths"]["/api/v1/rapportages/{uuid}/pdf"]["get"]["responses"]["200"]["content"]
