"""The datalekregister on the kernel's register kit: history in words everywhere, a stale save or
decision refused with the other person's changes (pages and API), and action panels that keep the
input and name the fields.

Everything runs through the real services, pages and API; nothing is mocked.
"""

import html as html_module
import re
from datetime import datetime, timedelta

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from datalekken import rapport_views, services
from datalekken.constants import Risico, SoortInbreuk, Status
from datalekken.models import Datalek
from privacy_portal.core.pdf import render_pdf
from privacy_portal.core.schrijven import versie_van

from ..factories import meld_datalek


def _api(user):
    client = APIClient()
    client.force_authenticate(user)
    return client


def _minuut(moment):
    return timezone.localtime(moment).replace(second=0, microsecond=0)


def _versie_in(inhoud, actie=None):
    """The hidden version of the page's form (of the action panel whose URL ends in `actie`)."""
    tekst = inhoud.decode() if isinstance(inhoud, bytes) else inhoud
    if actie:
        tekst = tekst[tekst.index(f"/{actie}/") :]
    return int(re.search(r'name="versie" value="(\d+)"', tekst).group(1))


def _wijzigingen_op_pagina(inhoud):
    """(field, was, becomes) of every row of the history tables on a page."""
    tekst = inhoud.decode()
    cellen = r'<td class="utrecht-table__cell">(.*?)</td>'
    return {
        tuple(html_module.unescape(c) for c in re.findall(cellen, rij))
        for rij in re.findall(r'<tr class="utrecht-table__row">(<td.*?)</tr>', tekst)
    }


@pytest.fixture
def gemeld(wereld):
    """A fresh datalek of the team Burgerzaken, reported by the medewerker an hour ago."""
    nu = _minuut(timezone.now() - timedelta(hours=1))
    return meld_datalek(door=wereld["medewerker"], gemeente=wereld.gemeente, nu=nu, team=wereld.team)


@pytest.fixture
def beoordeeld(wereld, gemeld):
    """Assessed as 'geen risico', so it can be closed at once."""
    return services.datalek_behandelen(
        datalek=gemeld,
        door=wereld["privacy_officer"],
        gegevens={
            "risico": Risico.GEEN,
            "risico_motivering": "Alleen een zaaknummer.",
            # art. 33(5): what closing a datalek that is not notified asks
            "mogelijke_gevolgen": "Geen: een zaaknummer zegt niets over een persoon.",
            "genomen_maatregelen": "De stick is teruggevonden en gewist.",
        },
    )


# --- history in words -----------------------------------------------------------------------------


@pytest.mark.django_db
def test_historie_noemt_labels_en_namen_op_de_pagina_in_de_api_en_in_het_dossier(client, wereld, gemeld):
    po = wereld["privacy_officer"]
    antwoord = _api(po).patch(
        f"/api/v1/datalekken/{gemeld.uuid}",
        {
            "team": str(wereld.ander_team.uuid),
            "risico": "hoog",
            "risicoMotivering": "Gezondheidsgegevens.",
            "soortInbreuk": ["gelezen", "gekopieerd"],
            "reden": "Beoordeeld",
        },
        format="json",
    )
    assert antwoord.status_code == 200, antwoord.content
    verwacht = {
        ("team", "Burgerzaken", "Sociaal Domein"),
        ("status", Status.GEMELD.label, Status.IN_BEHANDELING.label),
        ("risico", "—", Risico.HOOG.label),
        ("wat is er met de gegevens gebeurd?", "—", f"{SoortInbreuk.GELEZEN.label}, {SoortInbreuk.GEKOPIEERD.label}"),
    }
    codes_en_ids = {"gemeld", "in_behandeling", "hoog", "gelezen", str(wereld.team.pk), str(wereld.ander_team.pk)}

    # the history page
    client.force_login(po)
    pagina = client.get(f"/datalekken/{gemeld.uuid}/historie/")
    assert pagina.status_code == 200
    rijen = _wijzigingen_op_pagina(pagina.content)
    assert verwacht <= rijen
    assert not {waarde for rij in rijen for waarde in rij[1:]} & codes_en_ids

    # the API
    historie = _api(po).get(f"/api/v1/datalekken/{gemeld.uuid}/historie")
    assert historie.status_code == 200
    regel = next(r for r in historie.json() if r["reden"] == "Beoordeeld")
    assert verwacht <= {(w["veld"], w["oud"], w["nieuw"]) for w in regel["wijzigingen"]}
    assert not {w[k] for r in historie.json() for w in r["wijzigingen"] for k in ("oud", "nieuw")} & codes_en_ids
    tijdstip = datetime.fromisoformat(regel["tijdstip"])  # Dutch local time, not UTC
    assert tijdstip.utcoffset() == timezone.localtime(tijdstip).utcoffset() != timedelta(0)

    # the dossier PDF
    datalek = Datalek.objects.get(pk=gemeld.pk)
    _pdf, dossier = render_pdf("reports/datalekken/dossier.html", rapport_views.dossier_context(datalek, po))
    assert "<td>Beoordeeld</td>" in dossier  # the line's gebeurtenis
    assert "<strong>Team</strong>: Burgerzaken → Sociaal Domein" in dossier
    assert f"<strong>Status</strong>: {Status.GEMELD.label} → {Status.IN_BEHANDELING.label}" in dossier
    assert f"<strong>Risico</strong>: — → {Risico.HOOG.label}" in dossier
    assert f"{wereld.team.pk} → {wereld.ander_team.pk}" not in dossier and "gemeld → in_behandeling" not in dossier


# --- a stale save on the page ---------------------------------------------------------------------


@pytest.mark.django_db
def test_verouderd_opslaan_toont_de_andere_wijziging_en_houdt_de_invoer(client, wereld, gemeld):
    po, ciso = wereld["privacy_officer"], wereld["ciso"]
    url = f"/datalekken/{gemeld.uuid}/behandelen/"
    client.force_login(po)
    versie = _versie_in(client.get(url).content)
    assert versie == versie_van(gemeld)

    services.datalek_behandelen(datalek=gemeld, door=ciso, gegevens={"titel": "Door de CISO hernoemd"})

    moment = timezone.localtime(gemeld.ontdekt_op).strftime("%Y-%m-%dT%H:%M")
    formulier = {
        "titel": "Mijn nieuwe titel",
        "omschrijving": gemeld.omschrijving,
        "ontdekt_op": moment,
        "kennisname_op": moment,
        "versie": versie,
    }
    antwoord = client.post(url, formulier)
    assert antwoord.status_code == 200
    tekst = antwoord.content.decode()
    assert "Intussen gewijzigd." in tekst and ciso.get_full_name() in tekst
    assert ("korte omschrijving", "USB-stick verloren", "Door de CISO hernoemd") in _wijzigingen_op_pagina(
        antwoord.content
    )
    assert 'value="Mijn nieuwe titel"' in tekst  # the user's input stays
    gemeld.refresh_from_db()
    assert gemeld.titel == "Door de CISO hernoemd"
    nieuwe_versie = _versie_in(tekst)
    assert nieuwe_versie == versie_van(gemeld) != versie

    opnieuw = client.post(url, {**formulier, "versie": nieuwe_versie})
    assert opnieuw.status_code == 302
    gemeld.refresh_from_db()
    assert gemeld.titel == "Mijn nieuwe titel"


# --- a stale decision on the page -----------------------------------------------------------------


@pytest.mark.django_db
def test_verouderd_afsluiten_wordt_geweigerd_met_wie_wat_wijzigde(client, wereld, beoordeeld):
    po, ciso = wereld["privacy_officer"], wereld["ciso"]
    client.force_login(po)
    versie = _versie_in(client.get(f"/datalekken/{beoordeeld.uuid}/").content, "afsluiten")

    services.datalek_behandelen(datalek=beoordeeld, door=ciso, gegevens={"titel": "Zaaknummer in verkeerde mail"})

    url = f"/datalekken/{beoordeeld.uuid}/afsluiten/"
    antwoord = client.post(url, {"motivering": "Niets aan de hand.", "versie": versie})
    assert antwoord.status_code == 400
    tekst = html_module.unescape(antwoord.content.decode())
    assert f"Niet gelukt. Iemand anders ({ciso.get_full_name()}) heeft dit intussen gewijzigd." in tekst
    assert "Gewijzigd: korte omschrijving." in tekst
    assert "Niets aan de hand." in tekst  # the typed motivering is still in the panel
    beoordeeld.refresh_from_db()
    assert beoordeeld.status == Status.IN_BEHANDELING and beoordeeld.afgesloten_op is None
    assert beoordeeld.afsluit_motivering == "" and beoordeeld.titel == "Zaaknummer in verkeerde mail"


@pytest.mark.django_db
def test_afsluiten_met_de_actuele_versie_lukt(client, wereld, beoordeeld):
    client.force_login(wereld["privacy_officer"])
    versie = _versie_in(client.get(f"/datalekken/{beoordeeld.uuid}/").content, "afsluiten")
    antwoord = client.post(f"/datalekken/{beoordeeld.uuid}/afsluiten/", {"motivering": "Klaar.", "versie": versie})
    assert antwoord.status_code == 302
    beoordeeld.refresh_from_db()
    assert beoordeeld.status == Status.AFGESLOTEN and beoordeeld.afsluit_motivering == "Klaar."


@pytest.mark.django_db
def test_actiepaneel_houdt_de_invoer_en_noemt_elk_fout_veld(client, wereld, gemeld):
    client.force_login(wereld["privacy_officer"])
    versie = _versie_in(client.get(f"/datalekken/{gemeld.uuid}/").content, "melden-ap")
    antwoord = client.post(
        f"/datalekken/{gemeld.uuid}/melden-ap/",
        {"soort": "melding", "gemeld_op": "", "toelichting": "Telefonisch afgestemd.", "versie": versie},
    )
    assert antwoord.status_code == 400
    tekst = html_module.unescape(antwoord.content.decode())
    assert "Niet gelukt. Gemeld op: Dit veld is vereist." in tekst
    assert "Dit veld is vereist. | Dit veld is vereist." not in tekst
    assert "Telefonisch afgestemd." in tekst
    assert not gemeld.meldingen.exists()

    # the service's own check (a melding needs the AP's number) is named by the panel's label too
    moment = timezone.localtime().strftime("%Y-%m-%dT%H:%M")
    antwoord = client.post(
        f"/datalekken/{gemeld.uuid}/melden-ap/", {"soort": "melding", "gemeld_op": moment, "versie": versie}
    )
    assert antwoord.status_code == 400
    assert "Meldnummer van de AP: Vul het meldnummer van de AP in." in html_module.unescape(antwoord.content.decode())
    assert not gemeld.meldingen.exists()


# --- the API --------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_api_verouderde_if_match_is_409_met_de_wijzigingen_en_de_actuele_etag_werkt(wereld, gemeld):
    po = _api(wereld["privacy_officer"])
    url = f"/api/v1/datalekken/{gemeld.uuid}"
    gelezen = po.get(url)
    etag = gelezen["ETag"]
    assert etag == f'"{versie_van(gemeld)}"'

    services.datalek_behandelen(datalek=gemeld, door=wereld["ciso"], gegevens={"oorzaak": "verlies"})

    for verouderd in (
        po.patch(url, {"titel": "Anders"}, format="json", HTTP_IF_MATCH=etag),
        po.post(f"{url}/afsluiten", {}, format="json", HTTP_IF_MATCH=etag),
    ):
        assert verouderd.status_code == 409 and verouderd["Content-Type"] == "application/problem+json"
        body = verouderd.json()
        assert body["huidigeVersie"] == versie_van(gemeld)
        assert {
            "veld": "oorzaak",
            "oud": "—",
            "nieuw": "Verlies van een gegevensdrager (laptop, USB-stick, papier)",
        } in [w for r in body["wijzigingen"] for w in r["wijzigingen"]]
    gemeld.refresh_from_db()
    assert gemeld.titel == "USB-stick verloren" and gemeld.status == Status.GEMELD

    actueel = po.get(url)["ETag"]
    gelukt = po.patch(url, {"titel": "Anders"}, format="json", HTTP_IF_MATCH=actueel)
    assert gelukt.status_code == 200, gelukt.content
    assert gelukt["ETag"] == f'"{versie_van(gemeld)}"' != actueel
    gemeld.refresh_from_db()
    assert gemeld.titel == "Anders"


@pytest.mark.django_db
def test_api_fout_buiten_de_velden_heet_non_field_errors(wereld, beoordeeld):
    antwoord = _api(wereld["privacy_officer"]).post(
        f"/api/v1/datalekken/{beoordeeld.uuid}/afsluiten", ["geen object"], format="json"
    )
    assert antwoord.status_code == 400 and antwoord["Content-Type"] == "application/problem+json"
    assert [p["name"] for p in antwoord.json()["invalidParams"]] == ["nonFieldErrors"]
    beoordeeld.refresh_from_db()
    assert beoordeeld.status == Status.IN_BEHANDELING


# --- the admin --------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_de_beheerder_ziet_het_datalek_niet_in_de_admin_en_niemand_wijzigt_of_verwijdert(client, wereld, gemeld):
    from django.contrib import admin

    from ..factories import UserFactory

    beheerder = UserFactory(username="superbeheer", is_staff=True, is_superuser=True)
    client.force_login(beheerder)
    # the technical superuser does not read a gemeente's register (privacy_portal.organisaties.beheerder)
    assert client.get(f"/beheer/datalekken/datalek/{gemeld.pk}/change/").status_code == 403
    assert client.get("/beheer/datalekken/datalek/").status_code == 403
    verzoek = client.get("/beheer/").wsgi_request
    for model_admin in (admin.site._registry[Datalek], *admin.site._registry[Datalek].get_inline_instances(verzoek)):
        assert not model_admin.has_add_permission(verzoek)
        assert not model_admin.has_change_permission(verzoek, gemeld)
        assert not model_admin.has_delete_permission(verzoek, gemeld)
    assert client.post(f"/beheer/datalekken/datalek/{gemeld.pk}/delete/", {"post": "yes"}).status_code == 403
    assert Datalek.objects.filter(pk=gemeld.pk).exists()
