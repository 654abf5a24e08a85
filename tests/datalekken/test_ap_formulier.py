"""What the AP's notification form asks (art. 33(3) AVG and the form itself) is on the record, in the API,
the AP text and the dossier; a melding is not recorded without the melder the form requires; and the
AP text names the controller (art. 4(7)) of the verwerkingen concerned, not always the college."""

import html as html_module
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.utils import timezone
from rest_framework.test import APIClient

from datalekken import rapport_views, services
from datalekken.ap_tekst import ap_formulier_tekst
from datalekken.constants import Risico, SoortMelding
from privacy_portal.core.historie import historie_regels
from privacy_portal.core.pdf import render_pdf
from privacy_portal.core.schrijven import versie_van
from registers.constants import Status as VerwerkingStatus

from ..factories import AP_MELDER, VerantwoordelijkeFactory, maak_verwerking, meld_datalek


def _client(user):
    client = APIClient()
    client.force_authenticate(user)
    return client


def _iso(moment):
    return timezone.localtime(moment).isoformat()


def _namen(antwoord):
    return {p["name"] for p in antwoord.json()["invalidParams"]}


def _beoordeeld(wereld, **gegevens):
    nu = timezone.now() - timedelta(hours=2)
    datalek = meld_datalek(door=wereld["medewerker"], gemeente=wereld.gemeente, nu=nu)
    return services.datalek_behandelen(
        datalek=datalek,
        door=wereld["privacy_officer"],
        gegevens={"risico": Risico.RISICO, "risico_motivering": "NAW en BSN bij een derde.", **gegevens},
        nu=nu,
    )


def _melden(datalek, door):
    return services.melding_ap_vastleggen(
        datalek=datalek, door=door, soort=SoortMelding.MELDING, gemeld_op=timezone.now(), ap_referentie="AP-7"
    )


# --- the melder ----------------------------------------------------------------------------------


@pytest.mark.django_db
def test_art33_3_ap_melding_vraagt_naam_functie_en_telefoon_van_de_melder(wereld):
    po = wereld["privacy_officer"]
    datalek = _beoordeeld(wereld)
    with pytest.raises(ValidationError) as fout:
        services.melding_ap_vastleggen(
            datalek=datalek, door=po, soort=SoortMelding.MELDING, gemeld_op=timezone.now(), ap_referentie=""
        )
    # one error naming every missing field at once, together with the melding's own
    assert set(fout.value.message_dict) == {
        "ap_referentie",
        "melder_naam",
        "melder_functie",
        "melder_telefoon",
        "__all__",  # where to fill them in, said once
    }
    assert "meldformulier van de AP" in fout.value.message_dict["melder_telefoon"][0]
    assert "Beoordelen en aanvullen" in fout.value.message_dict["__all__"][0]
    assert not datalek.meldingen.exists()

    # the API: 400 with invalidParams for each, nothing saved
    url = f"/api/v1/datalekken/{datalek.uuid}/melden-ap"
    antwoord = _client(po).post(url, {"gemeldOp": _iso(timezone.now()), "apReferentie": "AP-7"}, format="json")
    assert antwoord.status_code == 400 and antwoord["Content-Type"] == "application/problem+json"
    assert _namen(antwoord) == {"melderNaam", "melderFunctie", "melderTelefoon", "nonFieldErrors"}
    assert not datalek.meldingen.exists()

    # the page names them in the message, and warns before anyone tries
    client = Client()
    client.force_login(po)
    pagina = html_module.unescape(client.get(f"/datalekken/{datalek.uuid}/").content.decode())
    assert "Het meldformulier van de AP vraagt nog om:" in pagina and "<li>Telefoon van de melder</li>" in pagina
    moment = timezone.localtime().strftime("%Y-%m-%dT%H:%M")
    versie = versie_van(datalek)
    antwoord = client.post(
        f"/datalekken/{datalek.uuid}/melden-ap/",
        {"soort": "melding", "gemeld_op": moment, "ap_referentie": "AP-7", "versie": versie},
    )
    tekst = html_module.unescape(antwoord.content.decode())
    assert antwoord.status_code == 400
    assert (
        "Niet gelukt. Naam van de melder: Nog niet ingevuld; het meldformulier van de AP vraagt dit. "
        "Functie van de melder: Nog niet ingevuld; het meldformulier van de AP vraagt dit. "
        "Telefoon van de melder: Nog niet ingevuld; het meldformulier van de AP vraagt dit. "
        "Vul wat ontbreekt eerst in bij 'Beoordelen en aanvullen' en leg dan de melding vast."
    ) in tekst
    assert not datalek.meldingen.exists()

    # with the melder recorded, the melding goes through
    services.datalek_behandelen(datalek=datalek, door=po, gegevens=AP_MELDER)
    assert _melden(datalek, po).soort == SoortMelding.MELDING


@pytest.mark.django_db
def test_art33_3_aanvulling_vraagt_de_melder_niet_opnieuw(wereld):
    po = wereld["privacy_officer"]
    datalek = _beoordeeld(wereld, **AP_MELDER)
    _melden(datalek, po)
    services.datalek_behandelen(datalek=datalek, door=po, gegevens={"melder_telefoon": ""})
    aanvulling = services.melding_ap_vastleggen(
        datalek=datalek, door=po, soort=SoortMelding.AANVULLING, gemeld_op=timezone.now(), toelichting="Aantal."
    )
    assert aanvulling.soort == SoortMelding.AANVULLING


@pytest.mark.django_db
def test_art33_3_melder_in_api_ap_tekst_en_historie(wereld):
    po = _client(wereld["privacy_officer"])
    datalek = _beoordeeld(wereld)
    url = f"/api/v1/datalekken/{datalek.uuid}"
    fout = po.patch(url, {"melderNaam": "Priya Officier", "melderEmail": "geen-adres"}, format="json")
    assert fout.status_code == 400 and _namen(fout) == {"melderEmail"}
    antwoord = po.patch(
        url,
        {
            "melderNaam": "Priya Officier",
            "melderFunctie": "Privacy officer",
            "melderTelefoon": "030 123 45 67",
            "melderEmail": "privacy@voorbeeldstad.example",
        },
        format="json",
    )
    assert antwoord.status_code == 200, antwoord.content
    data = antwoord.json()
    assert data["melderNaam"] == "Priya Officier" and data["melderTelefoon"] == "030 123 45 67"
    assert data["melderEmail"] == "privacy@voorbeeldstad.example"
    datalek.refresh_from_db()
    tekst = ap_formulier_tekst(datalek)
    assert "Naam van de melder: Priya Officier" in tekst
    assert "Functie van de melder: Privacy officer" in tekst
    assert "Telefoon van de melder: 030 123 45 67" in tekst
    assert "E-mailadres van de melder: privacy@voorbeeldstad.example" in tekst
    [laatste, *_] = historie_regels(datalek)
    assert {"veld": "naam van de melder", "oud": "—", "nieuw": "Priya Officier"} in laatste["wijzigingen"]


# --- special categories, harm, other supervisory authorities --------------------------------------


@pytest.mark.django_db
def test_art9_ap_melding_vraagt_welke_bijzondere_persoonsgegevens(wereld):
    po = wereld["privacy_officer"]
    datalek = _beoordeeld(wereld, soorten_gegevens=["naw", "bijzonder"], **AP_MELDER)
    with pytest.raises(ValidationError) as fout:
        _melden(datalek, po)
    assert set(fout.value.message_dict) == {"bijzondere_categorieen", "__all__"}
    assert "art. 9 AVG" in fout.value.message_dict["bijzondere_categorieen"][0]
    assert not datalek.meldingen.exists()

    api = _client(po)
    url = f"/api/v1/datalekken/{datalek.uuid}"
    onbekend = api.patch(url, {"bijzondereCategorieen": ["sterrenbeeld"]}, format="json")
    assert onbekend.status_code == 400 and _namen(onbekend) == {"bijzondereCategorieen.0"}
    goed = api.patch(url, {"bijzondereCategorieen": ["gezondheid", "biometrisch"]}, format="json")
    assert goed.status_code == 200 and goed.json()["bijzondereCategorieen"] == ["gezondheid", "biometrisch"]
    datalek.refresh_from_db()
    tekst = ap_formulier_tekst(datalek)
    assert (
        "Bijzondere persoonsgegevens (art. 9 AVG): Gezondheid, Biometrische gegevens (om iemand te identificeren)"
        in tekst
    )
    [laatste, *_] = historie_regels(datalek)
    assert any(
        w["nieuw"] == "Gezondheid, Biometrische gegevens (om iemand te identificeren)" for w in laatste["wijzigingen"]
    )
    assert _melden(datalek, po).soort == SoortMelding.MELDING


@pytest.mark.django_db
def test_art9_categorie_hoort_bij_bijzondere_persoonsgegevens(wereld):
    datalek = _beoordeeld(wereld, soorten_gegevens=["naw"])
    with pytest.raises(ValidationError) as fout:
        services.datalek_behandelen(
            datalek=datalek, door=wereld["privacy_officer"], gegevens={"bijzondere_categorieen": ["religie"]}
        )
    assert set(fout.value.message_dict) == {"bijzondere_categorieen"}
    datalek.refresh_from_db()
    assert datalek.bijzondere_categorieen == []


@pytest.mark.django_db
def test_art33_3_c_soorten_schade_lichamelijk_materieel_immaterieel(wereld):
    po = _client(wereld["privacy_officer"])
    datalek = _beoordeeld(wereld)
    url = f"/api/v1/datalekken/{datalek.uuid}"
    fout = po.patch(url, {"soortenSchade": ["emotioneel"]}, format="json")
    assert fout.status_code == 400 and _namen(fout) == {"soortenSchade.0"}
    antwoord = po.patch(url, {"soortenSchade": ["materieel", "immaterieel"]}, format="json")
    assert antwoord.status_code == 200 and antwoord.json()["soortenSchade"] == ["materieel", "immaterieel"]
    datalek.refresh_from_db()
    assert (
        "Soorten schade: Materiële schade (zoals financieel verlies), Immateriële schade "
        "(zoals reputatieschade, discriminatie of stress)"
    ) in ap_formulier_tekst(datalek)


@pytest.mark.django_db
def test_art33_andere_toezichthouders_welke_en_wanneer(wereld):
    po = wereld["privacy_officer"]
    datalek = _beoordeeld(wereld)
    with pytest.raises(ValidationError) as fout:
        services.datalek_behandelen(
            datalek=datalek, door=po, gegevens={"andere_toezichthouders": "Datatilsynet (Denemarken)"}
        )
    assert set(fout.value.message_dict) == {"andere_toezichthouders_op"}
    with pytest.raises(ValidationError) as fout:
        services.datalek_behandelen(
            datalek=datalek, door=po, gegevens={"andere_toezichthouders_op": timezone.now() + timedelta(days=2)}
        )
    assert set(fout.value.message_dict) == {"andere_toezichthouders", "andere_toezichthouders_op"}
    assert "toekomst" in fout.value.message_dict["andere_toezichthouders_op"][0]
    assert "Gemeld bij andere toezichthouders: nee" in ap_formulier_tekst(datalek)

    moment = timezone.now() - timedelta(hours=1)
    antwoord = _client(po).patch(
        f"/api/v1/datalekken/{datalek.uuid}",
        {"andereToezichthouders": "Datatilsynet (Denemarken)", "andereToezichthoudersOp": _iso(moment)},
        format="json",
    )
    assert antwoord.status_code == 200, antwoord.content
    datalek.refresh_from_db()
    assert (
        f"Gemeld bij andere toezichthouders: ja, op {timezone.localtime(moment):%d-%m-%Y %H:%M}: "
        "Datatilsynet (Denemarken)"
    ) in ap_formulier_tekst(datalek)


@pytest.mark.django_db
def test_art33_3_formulier_op_de_pagina_slaat_de_nieuwe_velden_op(wereld):
    po = wereld["privacy_officer"]
    datalek = _beoordeeld(wereld, soorten_gegevens=["bijzonder"])
    client = Client()
    client.force_login(po)
    pagina = client.get(f"/datalekken/{datalek.uuid}/behandelen/").content.decode()
    for veld in ("melder_naam", "melder_functie", "melder_telefoon", "melder_email", "andere_toezichthouders"):
        assert f'name="{veld}"' in pagina
    assert 'value="gezondheid"' in pagina and 'value="immaterieel"' in pagina
    formulier = {
        "titel": datalek.titel,
        "omschrijving": datalek.omschrijving,
        "ontdekt_op": timezone.localtime(datalek.ontdekt_op).strftime("%Y-%m-%dT%H:%M"),
        "soorten_gegevens": ["bijzonder"],
        "bijzondere_categorieen": ["religie"],
        "soorten_schade": ["lichamelijk", "immaterieel"],
        "risico": "risico",
        "risico_motivering": datalek.risico_motivering,
        "melder_naam": "Priya Officier",
        "melder_functie": "Privacy officer",
        "melder_telefoon": "14 0123",
        "versie": versie_van(datalek),
    }
    antwoord = client.post(f"/datalekken/{datalek.uuid}/behandelen/", formulier)
    assert antwoord.status_code == 302, antwoord.content.decode()[:2000]
    datalek.refresh_from_db()
    assert datalek.bijzondere_categorieen == ["religie"]
    assert datalek.soorten_schade == ["lichamelijk", "immaterieel"]
    assert datalek.melder_naam == "Priya Officier"


# --- the controller ------------------------------------------------------------------------------


@pytest.fixture
def camera(wereld):
    """Camera surveillance in the public space: the burgemeester is the controller (Gemeentewet 151c)."""
    burgemeester = VerantwoordelijkeFactory(gemeente=wereld.gemeente, soort="burgemeester", naam="Burgemeester")
    po = wereld["privacy_officer"]
    return maak_verwerking(
        team=wereld.team,
        vv=burgemeester,
        door=po,
        goedkeurder=po,
        status=VerwerkingStatus.VASTGESTELD,
        naam="Cameratoezicht openbare ruimte",
    )


@pytest.mark.django_db
def test_art4_7_ap_tekst_noemt_de_burgemeester_bij_cameratoezicht(wereld, camera, monkeypatch):
    datalek = meld_datalek(door=wereld["medewerker"], gemeente=wereld.gemeente, nu=timezone.now())
    services.datalek_behandelen(datalek=datalek, door=wereld["privacy_officer"], gegevens={}, verwerkingen=[camera])
    tekst = ap_formulier_tekst(datalek)
    assert "Organisatie (verwerkingsverantwoordelijke): Burgemeester van Voorbeeldstad" in tekst
    assert "College" not in tekst

    # the dossier PDF says the same
    gevangen = []

    def spion(template_name, context, **kwargs):
        pdf, html = render_pdf(template_name, context, **kwargs)
        gevangen.append(html)
        return pdf, html

    monkeypatch.setattr(rapport_views, "render_pdf", spion)
    client = Client()
    client.force_login(wereld["privacy_officer"])
    assert client.get(f"/datalekken/{datalek.uuid}/dossier.pdf").status_code == 200
    assert "Burgemeester van Voorbeeldstad" in html_module.unescape(gevangen[0])


@pytest.mark.django_db
def test_art4_7_ap_tekst_noemt_elke_verwerkingsverantwoordelijke_of_anders_het_college(wereld, camera):
    po = wereld["privacy_officer"]
    datalek = meld_datalek(door=wereld["medewerker"], gemeente=wereld.gemeente, nu=timezone.now())
    assert (
        "Organisatie (verwerkingsverantwoordelijke): College van burgemeester en wethouders van Voorbeeldstad"
        in ap_formulier_tekst(datalek)
    )
    brp = maak_verwerking(team=wereld.team, vv=wereld.vv, door=po)
    raad = VerantwoordelijkeFactory(gemeente=wereld.gemeente, soort="raad", naam="Gemeenteraad van Voorbeeldstad")
    griffie = maak_verwerking(team=wereld.team, vv=raad, door=po, naam="Raadsinformatiesysteem")
    services.datalek_behandelen(datalek=datalek, door=po, gegevens={}, verwerkingen=[camera, brp, griffie])
    assert (
        "Organisatie (verwerkingsverantwoordelijken): Burgemeester van Voorbeeldstad; "
        "College van burgemeester en wethouders van Voorbeeldstad; Gemeenteraad van Voorbeeldstad"
    ) in ap_formulier_tekst(datalek)
