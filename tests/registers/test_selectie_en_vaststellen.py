"""Acting on a selection of the list, importing a file with bad rows, and approving after seeing the
public page."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from privacy_portal.core.schrijven import versie_van
from privacy_portal.organisaties.rollen import Rol
from registers import services
from registers.constants import Status
from registers.models import RegisterImport, Verwerking

from ..factories import RolFactory, UserFactory, maak_verwerking


def _kies(*verwerkingen, versie=None):
    return [f"{v.uuid}:{versie if versie is not None else versie_van(v)}" for v in verwerkingen]


def _uitkomsten(antwoord):
    return {u["verwerking"].naam: u["tekst"] for u in antwoord.context["uitkomsten"]}


@pytest.mark.django_db
def test_vaststellen_van_een_selectie_zegt_per_item_wat_er_gebeurde(client, wereld):
    tm, po = wereld[Rol.TEAMMANAGER], wereld[Rol.PRIVACY_OFFICER]
    klaar = maak_verwerking(team=wereld.team, vv=wereld.vv, door=tm, naam="Paspoorten", status=Status.TER_BEOORDELING)
    concept = maak_verwerking(team=wereld.team, vv=wereld.vv, door=tm, naam="Rijbewijzen")
    gewijzigd = maak_verwerking(team=wereld.team, vv=wereld.vv, door=tm, naam="Bodycams", status=Status.TER_BEOORDELING)
    gezien = versie_van(gewijzigd)
    services.verwerking_wijzigen(verwerking=gewijzigd, door=tm, gegevens={"doeleinden": "Ander doel"})
    po_elders = UserFactory(username="po-elders")
    RolFactory(gebruiker=po_elders, rol=Rol.PRIVACY_OFFICER, gemeente=wereld.andere_gemeente)
    geheim = maak_verwerking(
        team=wereld.team_elders,
        vv=wereld.vv_elders,
        door=po_elders,
        naam="Geheim elders",
        status=Status.TER_BEOORDELING,
    )

    client.force_login(po)
    selectie = _kies(klaar, concept, geheim) + [f"{gewijzigd.uuid}:{gezien}", "geen-uuid:1"]
    antwoord = client.post("/verwerkingen/selectie/", {"actie": "goedkeuren", "selectie": selectie})
    assert antwoord.status_code == 200
    uitkomsten = _uitkomsten(antwoord)
    assert set(uitkomsten) == {"Paspoorten", "Rijbewijzen", "Bodycams"}  # nothing of another gemeente
    assert uitkomsten["Paspoorten"] == "Vastgesteld als versie 1"
    assert uitkomsten["Rijbewijzen"].startswith("Niet gelukt: ")  # not submitted yet
    assert uitkomsten["Bodycams"].startswith("Niet gelukt: Iemand anders")  # changed since the list was read
    html = antwoord.content.decode()
    assert "Geheim elders" not in html and "1 gekozen verwerking niet gevonden" in html
    assert "<ul" in html and "Vastgesteld als versie 1" in html

    for v in (klaar, concept, gewijzigd, geheim):
        v.refresh_from_db()
    assert klaar.status == Status.VASTGESTELD  # not undone by the failures of the others
    assert concept.status == Status.CONCEPT and gewijzigd.status == Status.TER_BEOORDELING
    assert geheim.status == Status.TER_BEOORDELING


@pytest.mark.django_db
def test_indienen_van_een_selectie_controleert_volledigheid_en_recht(client, wereld):
    tm = wereld[Rol.TEAMMANAGER]
    compleet = maak_verwerking(team=wereld.team, vv=wereld.vv, door=tm, naam="Compleet")
    leeg = maak_verwerking(team=wereld.team, vv=wereld.vv, door=tm, naam="Zonder doel", doeleinden="")
    client.force_login(tm)
    antwoord = client.post("/verwerkingen/selectie/", {"actie": "indienen", "selectie": _kies(compleet, leeg)})
    uitkomsten = _uitkomsten(antwoord)
    assert uitkomsten["Compleet"] == "Ingediend ter beoordeling"
    assert uitkomsten["Zonder doel"].startswith("Niet gelukt: ") and "oeleinden" in uitkomsten["Zonder doel"]
    assert "leeg" in uitkomsten["Zonder doel"]

    # the teammanager sees it, but may not approve: "Geen recht", and nothing changes
    antwoord = client.post("/verwerkingen/selectie/", {"actie": "goedkeuren", "selectie": _kies(compleet)})
    assert _uitkomsten(antwoord) == {"Compleet": "Geen recht"}
    compleet.refresh_from_db()
    assert compleet.status == Status.TER_BEOORDELING


@pytest.mark.django_db
def test_terugsturen_van_een_selectie_met_een_reden_voor_allemaal(client, wereld):
    tm, po = wereld[Rol.TEAMMANAGER], wereld[Rol.PRIVACY_OFFICER]
    a = maak_verwerking(team=wereld.team, vv=wereld.vv, door=tm, naam="A", status=Status.TER_BEOORDELING)
    b = maak_verwerking(team=wereld.team, vv=wereld.vv, door=tm, naam="B", status=Status.TER_BEOORDELING)
    client.force_login(po)
    zonder = client.post("/verwerkingen/selectie/", {"actie": "afwijzen", "selectie": _kies(a, b)})
    assert all(t.startswith("Niet gelukt") for t in _uitkomsten(zonder).values())
    antwoord = client.post(
        "/verwerkingen/selectie/", {"actie": "afwijzen", "reden": "Bewaartermijn ontbreekt", "selectie": _kies(a, b)}
    )
    assert _uitkomsten(antwoord) == {"A": "Teruggestuurd naar de teammanager", "B": "Teruggestuurd naar de teammanager"}
    assert set(Verwerking.objects.values_list("afwijsreden", flat=True)) == {"Bewaartermijn ontbreekt"}
    antwoord = client.post("/verwerkingen/selectie/", {"actie": "archiveren", "selectie": _kies(a)})
    assert _uitkomsten(antwoord) == {"A": "Gearchiveerd"}


@pytest.mark.django_db
def test_selectie_alleen_met_post_en_csrf(wereld):
    tm = wereld[Rol.TEAMMANAGER]
    verwerking = maak_verwerking(team=wereld.team, vv=wereld.vv, door=tm)
    client = Client(enforce_csrf_checks=True)
    client.force_login(tm)
    assert client.get("/verwerkingen/selectie/").status_code == 405
    data = {"actie": "indienen", "selectie": _kies(verwerking)}
    assert client.post("/verwerkingen/selectie/", data).status_code == 403
    verwerking.refresh_from_db()
    assert verwerking.status == Status.CONCEPT


@pytest.mark.django_db
def test_de_lijst_heeft_een_keuzevakje_met_label_per_rij_en_een_fieldset(client, wereld):
    tm = wereld[Rol.TEAMMANAGER]
    verwerking = maak_verwerking(team=wereld.team, vv=wereld.vv, door=tm, naam="Paspoorten")
    client.force_login(tm)
    html = client.get("/verwerkingen/").content.decode()
    assert f'id="kies-{verwerking.uuid}" value="{verwerking.uuid}:{versie_van(verwerking)}"' in html
    assert f'<label class="visueel-verborgen" for="kies-{verwerking.uuid}">Kies Paspoorten</label>' in html
    assert "<legend" in html and 'action="/verwerkingen/selectie/"' in html
    client.force_login(wereld[Rol.CONTROLLER])  # may only look: no boxes
    assert "kies-" not in client.get("/verwerkingen/").content.decode()


# --- Import with bad rows -------------------------------------------------------------------------


@pytest.mark.django_db
def test_een_bestand_van_50_rijen_met_2_foute_importeert_er_48_en_meldt_de_2(client, wereld):
    po = wereld[Rol.PRIVACY_OFFICER]
    maak_verwerking(team=wereld.team, vv=wereld.vv, door=po, naam="Al in het register")
    client.force_login(po)
    regels = ["Naam;Team;Verwerkingsverantwoordelijke;Grondslag"]
    for i in range(1, 51):
        team, vv, grondslag = "Burgerzaken", wereld.vv.naam, "c"
        if i == 7:
            grondslag = "xyz"  # unknown legal ground: not imported
        if i == 30:
            team = "Onbekend team"  # no standard team for it? there is one: a warning
        if i == 31:
            vv = ""  # empty: the college, with a warning
        naam = "" if i == 40 else f"Verwerking {i:02d}"  # no name: not imported
        regels.append(f"{naam};{team};{vv};{grondslag}")
    bestand = SimpleUploadedFile("register.csv", ("\n".join(regels) + "\n").encode(), content_type="text/csv")
    client.post("/verwerkingen/importeren/", {"gemeente": wereld.gemeente.pk, "bestand": bestand})
    imp = RegisterImport.objects.get()
    from registers import importeren

    koppeling = {veld: imp.koppeling.get(veld, "") for veld in importeren.DOELVELDEN}
    client.post(f"/verwerkingen/importeren/{imp.uuid}/koppelen/", {**koppeling, "standaard_team": wereld.ander_team.pk})

    pagina = client.get(f"/verwerkingen/importeren/{imp.uuid}/voorbeeld/")
    assert pagina.context["aantal_goed"] == 48 and pagina.context["aantal_fout"] == 2
    assert pagina.context["aantal_waarschuwing"] >= 2
    html = pagina.content.decode()
    assert "48 verwerkingen importeren</button>" in html
    assert "(kolom 'Grondslag'): Onbekende grondslag" in html
    assert "standaardteam Sociaal Domein" in html and "de rij krijgt" in html
    assert Verwerking.objects.count() == 1

    antwoord = client.post(f"/verwerkingen/importeren/{imp.uuid}/voorbeeld/", follow=True)
    html = antwoord.content.decode()
    assert "48 verwerkingen geïmporteerd als concept" in html and "2 rijen niet geïmporteerd" in html
    assert Verwerking.objects.count() == 1 + 48
    imp.refresh_from_db()
    # row number (the header is row 1), column and reason
    assert [(r["nummer"], [(f[1], f[2][:20]) for f in r["fouten"]]) for r in imp.verslag["overgeslagen"]] == [
        (8, [("Grondslag", "Onbekende grondslag:")]),
        (41, [("Naam", "De naam van de verwe")]),
    ]
    assert "Rij 8" in html and "Rij 41" in html
    waarschuwingen = {r["nummer"]: r["meldingen"] for r in imp.verslag["waarschuwingen"]}
    assert "standaardteam" in waarschuwingen[31][0][2]
    assert "leeg" in waarschuwingen[32][0][2]
    assert Verwerking.objects.get(naam="Verwerking 30").team == wereld.ander_team

    # the list shows what was just imported, to submit in bulk
    assert f"/verwerkingen/?import={imp.uuid}" in html
    lijst = client.get(f"/verwerkingen/?import={imp.uuid}")
    assert lijst.context["pagina"].paginator.count == 48
    assert "Al in het register" not in lijst.content.decode()
    antwoord = client.post(
        "/verwerkingen/selectie/",
        {"actie": "indienen", "selectie": _kies(*Verwerking.objects.filter(naam__startswith="Verwerking"))},
    )
    assert antwoord.context["aantal_gelukt"] == 0  # imported concepts are not complete yet: each says why
    assert all("Niet gelukt" in u["tekst"] for u in antwoord.context["uitkomsten"])
    anderen = Client()
    anderen.force_login(wereld[Rol.JURIST])  # someone else's import is no filter for them
    assert anderen.get(f"/verwerkingen/?import={imp.uuid}").context["pagina"].paginator.count == 49


# --- Approval after seeing the public page --------------------------------------------------------


def _publieke_velden(html):
    dl = re.search(r'<dl class="kenmerken kenmerken--breed">(.*?)</dl>', html, re.S).group(1)
    return re.sub(r"<div><dt>Vastgesteld op</dt>.*?</div>", "", dl, flags=re.S).strip()


@pytest.mark.django_db
def test_vaststellen_toont_eerst_wat_de_openbare_pagina_zal_tonen(client, wereld):
    tm, po = wereld[Rol.TEAMMANAGER], wereld[Rol.PRIVACY_OFFICER]
    verwerking = maak_verwerking(
        team=wereld.team,
        vv=wereld.vv,
        door=tm,
        status=Status.TER_BEOORDELING,
        beveiligingsmaatregelen="INTERNE-MAATREGEL",
        interne_notitie="INTERNE-NOTITIE",
    )
    client.force_login(po)
    detail = client.get(f"/verwerkingen/{verwerking.uuid}/").content.decode()
    assert f'href="/verwerkingen/{verwerking.uuid}/goedkeuren/">Vaststellen en publiceren</a>' in detail

    pagina = client.get(f"/verwerkingen/{verwerking.uuid}/goedkeuren/")
    html = pagina.content.decode()
    assert "versie 1" in html and "INTERNE-MAATREGEL" not in html and "INTERNE-NOTITIE" not in html
    assert f'name="versie" value="{versie_van(verwerking)}"' in html
    voorbeeld = _publieke_velden(html)
    verwerking.refresh_from_db()
    assert verwerking.status == Status.TER_BEOORDELING  # looking approves nothing

    # a POST without the version the reviewer saw does not approve
    client.post(f"/verwerkingen/{verwerking.uuid}/goedkeuren/", {})
    verwerking.refresh_from_db()
    assert verwerking.status == Status.TER_BEOORDELING

    antwoord = client.post(f"/verwerkingen/{verwerking.uuid}/goedkeuren/", {"versie": versie_van(verwerking)})
    assert antwoord.status_code == 302
    verwerking.refresh_from_db()
    assert verwerking.status == Status.VASTGESTELD and verwerking.gepubliceerde_versie.volgnummer == 1

    openbaar = Client().get(f"/register/{wereld.gemeente.slug}/{verwerking.uuid}/").content.decode()
    assert _publieke_velden(openbaar) == voorbeeld


@pytest.mark.django_db
def test_alleen_de_beoordelaar_opent_de_bevestiging(client, wereld):
    tm = wereld[Rol.TEAMMANAGER]
    verwerking = maak_verwerking(team=wereld.team, vv=wereld.vv, door=tm, status=Status.TER_BEOORDELING)
    client.force_login(tm)
    assert client.get(f"/verwerkingen/{verwerking.uuid}/goedkeuren/").status_code == 403
    client.force_login(wereld["buitenstaander"])
    assert client.get(f"/verwerkingen/{verwerking.uuid}/goedkeuren/").status_code == 404
