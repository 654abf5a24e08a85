"""The staff pages: a request from intake to decision, what a teammanager sees, and flat query counts."""

from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from privacy_portal.core.models import AuditEvent
from rechten import services
from rechten.constants import Status, TaakStatus
from rechten.models import Verzoek

from .factories import in_behandeling, moment, registreer


@pytest.mark.django_db
def test_privacy_officer_registreert_wijst_taken_toe_verlengt_en_besluit_via_de_paginas(client, wereld):
    po, tm = wereld["privacy_officer"], wereld["teammanager"]
    vandaag = timezone.localdate()
    client.force_login(po)
    assert client.get("/verzoeken/registreren/").status_code == 200
    antwoord = client.post(
        "/verzoeken/registreren/",
        {
            "gemeente": "voorbeeldstad",
            "soorten": ["inzage", "rectificatie"],
            "kanaal": "balie",
            "ontvangen_op": vandaag.isoformat(),
            "verzoeker_naam": "Jantje Geheimnaam",
            "verzoeker_adres": "Dorpsstraat 1\n1234 AB Voorbeeldstad",
            "teams": [wereld.team.pk],
        },
    )
    verzoek = Verzoek.objects.get()
    assert antwoord.status_code == 302 and antwoord["Location"] == f"/verzoeken/{verzoek.uuid}/"
    assert verzoek.deadline and verzoek.status == Status.ONTVANGEN

    detail = client.get(f"/verzoeken/{verzoek.uuid}/").content.decode()
    assert "Jantje Geheimnaam" in detail and "Identiteit vastleggen" in detail and "Termijn verlengen" in detail
    assert AuditEvent.objects.filter(actie="inzien", object_id=str(verzoek.uuid)).exists()

    url = f"/verzoeken/{verzoek.uuid}"
    client.post(f"{url}/identiteit/", {"identiteit_wijze": "balie"})
    client.post(f"{url}/taken/", {"teams": [wereld.team.pk], "omschrijving": "Zoek het dossier van J. Geheimnaam"})
    client.post(f"{url}/verlengen/", {"verlenging_reden": "Veel systemen"})
    verzoek.refresh_from_db()
    assert verzoek.identiteit_wijze == "balie" and verzoek.verlengd_tot and verzoek.taken.count() == 1
    assert client.get(f"{url}/verlengingsbrief.pdf").status_code == 200

    antwoord = client.post(f"{url}/afhandelen/", {"uitkomst": "toegewezen", "besluit_toelichting": "U krijgt alles."})
    meldingen = [str(m) for m in antwoord.wsgi_request._messages]
    assert any(m.startswith("Niet gelukt.") and "Taken: Nog open taken: Burgerzaken." in m for m in meldingen)
    # the panel stays open with what was typed
    assert antwoord.status_code == 200 and "U krijgt alles." in antwoord.content.decode()
    client.force_login(tm)
    taak = verzoek.taken.get()
    assert client.post(f"/verzoeken/taken/{taak.uuid}/", {"resultaat": "Gevonden"}).status_code == 302
    client.force_login(po)
    client.post(f"{url}/kennisgeving/", {"ontvanger": "Belastingdienst", "geinformeerd_op": vandaag.isoformat()})
    client.post(f"{url}/afhandelen/", {"uitkomst": "toegewezen", "besluit_toelichting": "U krijgt alles."})
    verzoek.refresh_from_db()
    assert verzoek.status == Status.AFGEHANDELD and verzoek.uitkomst == "toegewezen"
    assert client.get(f"{url}/besluit.pdf").status_code == 200
    historie = client.get(f"{url}/historie/").content.decode()
    assert "Termijn verlengd tot" in historie and "Taak van Burgerzaken afgerond" in historie
    assert "Afgehandeld: toegewezen" in historie


@pytest.mark.django_db
def test_fouten_in_het_intakeformulier_staan_bij_de_velden(client, wereld):
    client.force_login(wereld["privacy_officer"])
    morgen = timezone.localdate() + timedelta(days=1)
    antwoord = client.post(
        "/verzoeken/registreren/",
        {"soorten": ["inzage"], "kanaal": "brief", "ontvangen_op": morgen.isoformat(), "verzoeker_naam": "X"},
    )
    inhoud = antwoord.content.decode()
    assert antwoord.status_code == 200 and Verzoek.objects.count() == 0
    assert "De datum van ontvangst ligt in de toekomst." in inhoud
    assert "Vul een e-mailadres of een postadres in" in inhoud
    assert 'aria-invalid="true"' in inhoud


@pytest.mark.django_db
def test_een_late_verlenging_via_de_pagina_geeft_een_melding_en_verandert_niets(client, wereld):
    po = wereld["privacy_officer"]
    verzoek = registreer(door=po, gemeente=wereld.gemeente, ontvangen_op=timezone.localdate() - timedelta(days=40))
    client.force_login(po)
    detail = client.get(f"/verzoeken/{verzoek.uuid}/").content.decode()
    assert "Die is verstreken" in detail and 'name="verlenging_reden"' not in detail
    antwoord = client.post(f"/verzoeken/{verzoek.uuid}/verlengen/", {"verlenging_reden": "Toch"}, follow=True)
    assert "Verlengen kan tot en met de laatste dag van de eerste maand" in antwoord.content.decode()
    verzoek.refresh_from_db()
    assert verzoek.verlengd_tot is None


@pytest.mark.django_db
def test_teammanager_ziet_alleen_de_taak_van_het_eigen_team_en_geen_gegevens_van_de_verzoeker(client, wereld):
    po, tm = wereld["privacy_officer"], wereld["teammanager"]
    verzoek = registreer(door=po, gemeente=wereld.gemeente, ontvangen_op=date(2026, 3, 3), nu=moment(date(2026, 3, 4)))
    eigen, ander = in_behandeling(
        verzoek,
        door=po,
        teams=[wereld.team, wereld.ander_team],
        nu=moment(date(2026, 3, 4)),
        omschrijving="Zoek dossier 123",
    )
    client.force_login(tm)
    lijst = client.get("/verzoeken/taken/").content.decode()
    assert f"/verzoeken/taken/{eigen.uuid}/" in lijst and f"/verzoeken/taken/{ander.uuid}/" not in lijst
    pagina = client.get(f"/verzoeken/taken/{eigen.uuid}/").content.decode()
    assert "Zoek dossier 123" in pagina and verzoek.kenmerk in pagina and "Taak afronden" in pagina
    for geheim in ("Geheimnaam", "jantje.geheim", "Geheimstraat", "99887766", "Geheimzaken"):
        assert geheim not in lijst + pagina
    assert client.get(f"/verzoeken/taken/{ander.uuid}/").status_code == 404
    assert client.get(f"/verzoeken/{verzoek.uuid}/").status_code == 404
    assert client.get(f"/verzoeken/{verzoek.uuid}/historie/").status_code == 404
    overzicht = client.get("/verzoeken/").content.decode()
    assert verzoek.kenmerk not in overzicht and "Openstaande taken" in overzicht


@pytest.mark.django_db
def test_de_lijst_toont_de_resterende_tijd_en_sorteert_op_deadline(client, wereld):
    po = wereld["privacy_officer"]
    vandaag = timezone.localdate()
    ruim = registreer(door=po, gemeente=wereld.gemeente, ontvangen_op=vandaag, nu=timezone.now())
    te_laat = registreer(
        door=po, gemeente=wereld.gemeente, ontvangen_op=vandaag - timedelta(days=45), nu=timezone.now()
    )
    dicht = registreer(door=po, gemeente=wereld.gemeente, ontvangen_op=vandaag - timedelta(days=2), nu=timezone.now())
    services.verzoek_afhandelen(verzoek=dicht, door=po, uitkomst="ingetrokken", toelichting="Ingetrokken")
    client.force_login(po)
    inhoud = client.get("/verzoeken/").content.decode()
    assert inhoud.index(te_laat.kenmerk) < inhoud.index(ruim.kenmerk)
    assert dicht.kenmerk not in inhoud  # open requests by default
    assert "dagen te laat" in inhoud and f"nog {(ruim.deadline - vandaag).days} dagen" in inhoud
    assert "Geheimnaam" not in inhoud  # no names in the list
    alle = client.get("/verzoeken/?status=alle").content.decode()
    assert dicht.kenmerk in alle
    gezocht = client.get(f"/verzoeken/?zoek={dicht.kenmerk}&status=alle").content.decode()
    assert dicht.kenmerk in gezocht and ruim.kenmerk not in gezocht


@pytest.mark.django_db
def test_het_college_ziet_alleen_cijfers(client, wereld):
    po = wereld["privacy_officer"]
    registreer(door=po, gemeente=wereld.gemeente, ontvangen_op=timezone.localdate(), nu=timezone.now())
    client.force_login(wereld["college"])
    inhoud = client.get("/verzoeken/").content.decode()
    assert "Cijfers Voorbeeldstad" in inhoud and "VZ-" not in inhoud and "Geheimnaam" not in inhoud


@pytest.mark.django_db
def test_fg_leest_mee_maar_ziet_geen_actieformulieren(client, wereld):
    verzoek = registreer(
        door=wereld["privacy_officer"], gemeente=wereld.gemeente, ontvangen_op=timezone.localdate(), nu=timezone.now()
    )
    client.force_login(wereld["fg"])
    inhoud = client.get(f"/verzoeken/{verzoek.uuid}/").content.decode()
    assert "Jantje Geheimnaam" in inhoud
    for formulier in ("Identiteit vastleggen", "Taken toewijzen", "Besluit vastleggen", 'name="verlenging_reden"'):
        assert formulier not in inhoud


def _aantal_queries(client, pagina):
    with CaptureQueriesContext(connection) as ctx:
        antwoord = client.get(pagina)
    assert antwoord.status_code == 200
    return len(ctx.captured_queries)


def _vul(wereld, aantal):
    po, tm = wereld["privacy_officer"], wereld["teammanager"]
    vandaag = timezone.localdate()
    for i in range(aantal):
        verzoek = registreer(
            door=po,
            gemeente=wereld.gemeente,
            ontvangen_op=vandaag - timedelta(days=i % 20),
            nu=timezone.now(),
            soorten=["inzage", "wissing"] if i % 2 else ["inzage"],
            teams=[wereld.team],
        )
        taken = services.taken_toewijzen(
            verzoek=verzoek, door=po, teams=[wereld.team, wereld.ander_team], omschrijving="Zoek"
        )
        if i % 3 == 0:
            services.taak_afronden(taak=taken[0], door=tm, resultaat="Klaar")
        if i % 4 == 0:
            services.verzoek_verlengen(verzoek=verzoek, door=po, reden="Complex")


@pytest.mark.django_db
@pytest.mark.parametrize(
    "rol, pagina",
    [
        ("privacy_officer", "/verzoeken/"),
        ("privacy_officer", "/verzoeken/?status=alle&soort=wissing"),
        ("privacy_officer", "/verzoeken/taken/"),
        ("teammanager", "/verzoeken/taken/?toon=alle"),
        ("college", "/verzoeken/"),
    ],
)
def test_aantal_queries_groeit_niet_met_het_aantal_verzoeken(client, wereld, rol, pagina):
    client.force_login(wereld[rol])
    _vul(wereld, 3)
    klein = _aantal_queries(client, pagina)
    _vul(wereld, 15)
    groot = _aantal_queries(client, pagina)
    assert groot == klein, f"{pagina}: {klein} queries bij 3 verzoeken, {groot} bij 18"


@pytest.mark.django_db
def test_taak_status_staat_in_de_takenlijst_van_de_privacy_officer(client, wereld):
    po = wereld["privacy_officer"]
    verzoek = registreer(door=po, gemeente=wereld.gemeente, ontvangen_op=timezone.localdate(), nu=timezone.now())
    (taak,) = services.taken_toewijzen(verzoek=verzoek, door=po, teams=[wereld.ander_team], omschrijving="Zoek")
    client.force_login(po)
    inhoud = client.get("/verzoeken/taken/").content.decode()
    assert f"/verzoeken/taken/{taak.uuid}/" in inhoud and TaakStatus.OPEN.label in inhoud
