"""The staff pages: register an agreement with parties, tick the checklist, record a review."""

from datetime import date

import pytest
from django.utils import timezone

from overeenkomsten.models import Overeenkomst, Review
from privacy_portal.core.models import AuditEvent

from .hulp import maak_overeenkomst


def _formulier(wereld, **extra):
    data = {
        "onderwerp": "Hosting website",
        "soort": "verwerkersovereenkomst",
        "team": wereld.team.pk,
        "eigenaar": "",
        "startdatum": "2026-01-15",
        "einddatum": "",
        "opslag_land": "NL",
        "doorgiftemechanisme": "",
        "partij-TOTAL_FORMS": "2",
        "partij-INITIAL_FORMS": "0",
        "partij-0-naam": "Webbouwer B.V.",
        "partij-0-email": "info@webbouwer.example",
        "partij-1-naam": "",
        "sub-TOTAL_FORMS": "2",
        "sub-INITIAL_FORMS": "0",
        "sub-0-naam": "Cloud Inc.",
        "sub-0-land": "US",
        "sub-1-naam": "",
    }
    data.update(extra)
    return data


@pytest.mark.django_db
def test_teammanager_registreert_een_overeenkomst_met_partijen_en_subverwerkers(client, wereld):
    tm = wereld["teammanager"]
    client.force_login(tm)
    pagina = client.get("/overeenkomsten/nieuw/")
    assert pagina.status_code == 200
    teams = [t.naam for t in pagina.context["form"].fields["team"].queryset]
    assert teams == ["Burgerzaken"]  # only the own team
    antwoord = client.post("/overeenkomsten/nieuw/", _formulier(wereld))
    assert antwoord.status_code == 302
    ovk = Overeenkomst.objects.get()
    assert ovk.eigenaar == tm and ovk.partijen.get().email == "info@webbouwer.example"
    detail = client.get(antwoord["Location"]).content.decode()
    assert "Geen schriftelijke toestemming vastgelegd voor subverwerker Cloud Inc." in detail
    assert "Er ontbreken 17 verplichte onderdelen" in detail
    assert AuditEvent.objects.filter(actie=AuditEvent.Actie.INZIEN, object_id=str(ovk.uuid)).exists()


@pytest.mark.django_db
def test_fouten_komen_terug_in_het_formulier_en_er_wordt_niets_opgeslagen(client, wereld):
    client.force_login(wereld["privacy_officer"])
    antwoord = client.post(
        "/overeenkomsten/nieuw/",
        _formulier(
            wereld, **{"einddatum": "2025-01-01", "opslag_land": "US", "partij-0-naam": "", "partij-0-email": ""}
        ),
    )
    assert antwoord.status_code == 200
    tekst = antwoord.content.decode()
    assert "De einddatum ligt voor de ingangsdatum." in tekst
    assert "Kies het doorgiftemechanisme." in tekst
    assert "Noem ten minste één partij" in tekst
    assert Overeenkomst.objects.count() == 0


@pytest.mark.django_db
def test_checklist_review_bewerken_en_historie(client, wereld):
    po = wereld["privacy_officer"]
    ovk = maak_overeenkomst(door=po, team=wereld.team, clausules=[])
    client.force_login(po)
    client.post(f"/overeenkomsten/{ovk.uuid}/checklist/", {"clausules": ["onderwerp_duur", "audits"]})
    ovk.refresh_from_db()
    assert ovk.clausules == ["onderwerp_duur", "audits"] and ovk.volledigheid == 12
    vandaag = timezone.localdate()
    client.post(f"/overeenkomsten/{ovk.uuid}/review/", {"datum": vandaag.isoformat(), "toelichting": "In orde"})
    assert Review.objects.get(overeenkomst=ovk).toelichting == "In orde"
    pagina = client.get(f"/overeenkomsten/{ovk.uuid}/bewerken/")
    assert pagina.status_code == 200
    data = _formulier(
        wereld,
        **{
            "onderwerp": "Hosting gewijzigd",
            "partij-INITIAL_FORMS": "1",
            "partij-0-naam": "Leverancier X B.V.",
            "partij-0-email": "",
            "sub-0-naam": "",
            "sub-0-land": "",
            "reden": "Nieuwe naam",
        },
    )
    assert client.post(f"/overeenkomsten/{ovk.uuid}/bewerken/", data).status_code == 302
    ovk.refresh_from_db()
    assert ovk.onderwerp == "Hosting gewijzigd" and ovk.laatste_review == vandaag
    historie = client.get(f"/overeenkomsten/{ovk.uuid}/historie/").content.decode()
    for reden in ("Nieuwe naam", "Checklist bijgewerkt", f"Jaarlijkse review op {vandaag:%d-%m-%Y}", "Geregistreerd"):
        assert reden in historie


@pytest.mark.django_db
def test_pagina_rechten(client, wereld):
    ovk = maak_overeenkomst(door=wereld["privacy_officer"], team=wereld.team)
    client.force_login(wereld["college"])
    assert client.get("/overeenkomsten/").status_code == 200
    assert client.get(f"/overeenkomsten/{ovk.uuid}/").status_code == 200
    assert client.get("/overeenkomsten/nieuw/").status_code == 403
    assert client.get(f"/overeenkomsten/{ovk.uuid}/bewerken/").status_code == 403
    assert client.post(f"/overeenkomsten/{ovk.uuid}/checklist/", {"clausules": ["audits"]}).status_code == 403
    assert client.post(f"/overeenkomsten/{ovk.uuid}/review/", {"datum": "2026-11-01"}).status_code == 403
    client.force_login(wereld["medewerker"])
    assert client.get(f"/overeenkomsten/{ovk.uuid}/").status_code == 404
    assert "Hosting" not in client.get("/overeenkomsten/").content.decode()


@pytest.mark.django_db
def test_lijst_filters_en_cijfers(client, wereld):
    po = wereld["privacy_officer"]
    maak_overeenkomst(door=po, team=wereld.team, onderwerp="Onvolledig", clausules=["audits"])
    maak_overeenkomst(
        door=po, team=wereld.team, onderwerp="Verlopen", startdatum=date(2024, 1, 1), einddatum=date(2025, 1, 1)
    )
    client.force_login(po)
    antwoord = client.get("/overeenkomsten/")
    assert antwoord.context["cijfers"]["aantal"] == 2 and antwoord.context["cijfers"]["ontbrekende_clausules"] == 16
    onderwerpen = [o.onderwerp for o in client.get("/overeenkomsten/?signaal=onvolledig").context["pagina"]]
    assert onderwerpen == ["Onvolledig"]
    onderwerpen = [o.onderwerp for o in client.get("/overeenkomsten/?zoek=leverancier").context["pagina"]]
    assert onderwerpen == ["Onvolledig", "Verlopen"]
    onderwerpen = [o.onderwerp for o in client.get("/overeenkomsten/?signaal=verlopen").context["pagina"]]
    assert onderwerpen == ["Verlopen"]


@pytest.mark.django_db
def test_art_49_uitzondering_geweigerd_voor_opslag_buiten_de_eer_op_de_pagina(client, wereld):
    client.force_login(wereld["privacy_officer"])
    antwoord = client.post(
        "/overeenkomsten/nieuw/",
        _formulier(wereld, opslag_land="US", doorgiftemechanisme="uitzondering"),
    )
    assert antwoord.status_code == 200
    tekst = antwoord.content.decode()
    assert "Een uitzondering van art. 49 AVG geldt alleen voor incidentele doorgifte" in tekst
    assert "Verenigde Staten" in tekst
    assert Overeenkomst.objects.count() == 0
