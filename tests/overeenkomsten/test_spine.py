"""The register kit in the agreements register: history in words, and no stale save or decision.

The register has no status workflow (an agreement is registered, edited and reviewed), so the kit's
409 for a forbidden transition has no case here; a stale version is the 409 this API gives.
"""

import re

import pytest
from django.contrib.messages import get_messages
from rest_framework.test import APIClient

from overeenkomsten import services
from overeenkomsten.constants import Soort
from overeenkomsten.models import Overeenkomst, Review
from privacy_portal.core.schrijven import versie_van

from .hulp import maak_overeenkomst


@pytest.fixture
def ovk(wereld):
    return maak_overeenkomst(
        door=wereld["privacy_officer"],
        team=wereld.team,
        onderwerp="Hosting zaaksysteem",
        clausules=[],
        partijen=[{"naam": "Leverancier X B.V."}],
        opslag_land="NL",
    )


def _api(user):
    client = APIClient()
    client.force_authenticate(user)
    return client


def _anders_opslaan(wereld, ovk, onderwerp="Door de teammanager gewijzigd"):
    """Another user saves a change through the service."""
    return services.overeenkomst_wijzigen(
        overeenkomst=ovk, door=wereld["teammanager"], gegevens={"onderwerp": onderwerp}
    )


def _formulier(wereld, versie, **extra):
    data = {
        "versie": str(versie),
        "onderwerp": "Mijn nieuwe onderwerp",
        "soort": "verwerkersovereenkomst",
        "team": wereld.team.pk,
        "eigenaar": "",
        "startdatum": "2026-01-15",
        "einddatum": "",
        "opslag_land": "NL",
        "doorgiftemechanisme": "",
        "partij-TOTAL_FORMS": "1",
        "partij-INITIAL_FORMS": "1",
        "partij-0-naam": "Leverancier X B.V.",
        "sub-TOTAL_FORMS": "0",
        "sub-INITIAL_FORMS": "0",
    }
    data.update(extra)
    return data


def _berichten(antwoord):
    return [str(m) for m in get_messages(antwoord.wsgi_request)]


# --- History in words ------------------------------------------------------------------------------


@pytest.mark.django_db
def test_historie_noemt_keuzes_teams_onderdelen_en_partijen_met_hun_naam(client, wereld, ovk):
    po = wereld["privacy_officer"]
    services.overeenkomst_wijzigen(
        overeenkomst=ovk,
        door=po,
        gegevens={
            "soort": Soort.GEGEVENSUITWISSELING,
            "team": wereld.ander_team,
            "opslag_land": "DE",
            "clausules": ["doel", "grondslag"],
        },
        partijen=[{"naam": "Leverancier X B.V.", "contactpersoon": "Inkoop"}, {"naam": "Tweede Partner B.V."}],
    )

    # API: the change in words, the parts' history with it, no id or code
    regels = _api(po).get(f"/api/v1/overeenkomsten/{ovk.uuid}/historie").json()
    wijzigingen = {w["veld"]: (w["oud"], w["nieuw"]) for r in regels for w in r["wijzigingen"]}
    assert wijzigingen["soort overeenkomst"] == ("Verwerkersovereenkomst", "Gegevensuitwisselingsovereenkomst")
    assert wijzigingen["team"] == ("Burgerzaken", "Sociaal Domein")
    assert wijzigingen["land van opslag"] == ("Nederland", "Duitsland")
    assert wijzigingen["aanwezige verplichte onderdelen"] == (
        "—",
        "Doel van het delen van gegevens, Grondslag voor het verstrekken en ontvangen",
    )
    assert wijzigingen["contactpersoon of functie"] == ("—", "Inkoop")  # a party's change, merged in
    assert {("Gewijzigd", "Partij Leverancier X B.V."), ("Aangemaakt", "Partij Tweede Partner B.V.")} <= {
        (r["soort"], r["reden"]) for r in regels
    }
    for verborgen in ("volledigheid (%)", "volgende review", "opslag buiten de EER", "signaal einddatum"):
        assert verborgen not in wijzigingen
    waarden = {w for paar in wijzigingen.values() for w in paar}
    assert not waarden & {str(wereld.team.pk), str(wereld.ander_team.pk), "gegevensuitwisseling", "doel", "DE"}

    # the page shows the same words
    client.force_login(po)
    pagina = client.get(f"/overeenkomsten/{ovk.uuid}/historie/").content.decode()
    for tekst in ("Gegevensuitwisselingsovereenkomst", "Sociaal Domein", "Duitsland", "Grondslag voor het verstrekken"):
        assert tekst in pagina
    cellen = re.findall(r'<td class="utrecht-table__cell">([^<]*)</td>', pagina)
    assert cellen and not set(cellen) & {str(wereld.ander_team.pk), "gegevensuitwisseling", "DE", "doel"}


@pytest.mark.django_db
def test_een_verwijderde_partij_blijft_in_de_historie(wereld, ovk):
    po = wereld["privacy_officer"]
    services.overeenkomst_wijzigen(
        overeenkomst=ovk, door=po, gegevens={}, partijen=[{"naam": "Opvolger B.V."}], reden="Nieuwe leverancier"
    )
    regels = _api(po).get(f"/api/v1/overeenkomsten/{ovk.uuid}/historie").json()
    soorten = {(r["soort"], r["reden"]) for r in regels}
    assert ("Verwijderd", "Partij Leverancier X B.V.") in soorten
    assert ("Aangemaakt", "Partij Opvolger B.V.") in soorten
    assert ("Gewijzigd", "Nieuwe leverancier") in soorten


# --- Stale saves and decisions on the pages --------------------------------------------------------


@pytest.mark.django_db
def test_verouderd_bewerkformulier_toont_de_andere_wijziging_en_houdt_de_invoer(client, wereld, ovk):
    client.force_login(wereld["privacy_officer"])
    pagina = client.get(f"/overeenkomsten/{ovk.uuid}/bewerken/")
    versie = pagina.context["form"]["versie"].value()
    assert versie == versie_van(ovk) and f'name="versie" value="{versie}"' in pagina.content.decode()

    _anders_opslaan(wereld, ovk)

    antwoord = client.post(f"/overeenkomsten/{ovk.uuid}/bewerken/", _formulier(wereld, versie))
    assert antwoord.status_code == 200
    tekst = antwoord.content.decode()
    assert "Intussen gewijzigd" in tekst and "Door de teammanager gewijzigd" in tekst  # the other change
    assert 'value="Mijn nieuwe onderwerp"' in tekst  # the user's input stays
    ovk.refresh_from_db()
    assert ovk.onderwerp == "Door de teammanager gewijzigd"

    nieuwe_versie = antwoord.context["form"]["versie"].value()
    assert int(nieuwe_versie) == versie_van(ovk) != versie
    antwoord = client.post(f"/overeenkomsten/{ovk.uuid}/bewerken/", _formulier(wereld, nieuwe_versie))
    assert antwoord.status_code == 302
    ovk.refresh_from_db()
    assert ovk.onderwerp == "Mijn nieuwe onderwerp"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("pad", "data"),
    [
        ("review", {"datum": "2026-11-01", "toelichting": "In orde"}),
        ("checklist", {"clausules": ["audits"]}),
    ],
)
def test_verouderde_review_of_checklist_wordt_geweigerd_en_er_verandert_niets(client, wereld, ovk, pad, data):
    client.force_login(wereld["privacy_officer"])
    versie = client.get(f"/overeenkomsten/{ovk.uuid}/").context["versie"]
    _anders_opslaan(wereld, ovk)
    voor = versie_van(ovk)

    antwoord = client.post(f"/overeenkomsten/{ovk.uuid}/{pad}/", {**data, "versie": versie})
    assert antwoord.status_code == 400
    (bericht,) = _berichten(antwoord)
    assert "Iemand anders" in bericht and wereld["teammanager"].get_full_name() in bericht
    assert "Gewijzigd: onderwerp." in bericht
    ovk.refresh_from_db()
    assert versie_van(ovk) == voor and ovk.laatste_review is None and ovk.clausules == []
    assert not Review.objects.filter(overeenkomst=ovk).exists()

    # with the version now on the page it goes through
    versie = antwoord.context["versie"]
    assert client.post(f"/overeenkomsten/{ovk.uuid}/{pad}/", {**data, "versie": versie}).status_code == 302
    ovk.refresh_from_db()
    assert versie_van(ovk) != voor


@pytest.mark.django_db
def test_review_paneel_noemt_het_veld_en_houdt_de_invoer(client, wereld, ovk):
    client.force_login(wereld["privacy_officer"])
    versie = versie_van(ovk)
    antwoord = client.post(
        f"/overeenkomsten/{ovk.uuid}/review/", {"datum": "", "toelichting": "Getypte bevindingen", "versie": versie}
    )
    assert antwoord.status_code == 400
    (bericht,) = _berichten(antwoord)
    assert bericht.startswith("Niet gelukt. Datum van de review:") and "|" not in bericht
    assert "Getypte bevindingen" in antwoord.content.decode()
    antwoord = client.post(f"/overeenkomsten/{ovk.uuid}/review/", {"datum": "2999-01-01", "versie": versie})
    (bericht,) = _berichten(antwoord)
    assert bericht == "Niet gelukt. Datum van de review: De datum van de review ligt in de toekomst."
    assert not Review.objects.filter(overeenkomst=ovk).exists()


# --- The API: ETag, If-Match, 409, 400 ---------------------------------------------------------------


@pytest.mark.django_db
def test_api_verouderde_if_match_geeft_409_met_de_wijzigingen_en_slaat_niets_op(wereld, ovk):
    api = _api(wereld["privacy_officer"])
    url = f"/api/v1/overeenkomsten/{ovk.uuid}"
    etag = api.get(url)["ETag"]
    assert etag == f'"{versie_van(ovk)}"'
    _anders_opslaan(wereld, ovk)

    for antwoord in (
        api.patch(url, {"onderwerp": "Via de API"}, format="json", HTTP_IF_MATCH=etag),
        api.post(f"{url}/review", {"datum": "2026-11-01"}, format="json", HTTP_IF_MATCH=etag),
    ):
        assert antwoord.status_code == 409
        assert antwoord["Content-Type"] == "application/problem+json"
        body = antwoord.json()
        assert body["huidigeVersie"] == versie_van(ovk)
        (wijziging,) = body["wijzigingen"]
        assert wijziging["door"] == "teammanager"
        assert wijziging["wijzigingen"] == [
            {"veld": "onderwerp", "oud": "Hosting zaaksysteem", "nieuw": "Door de teammanager gewijzigd"}
        ]
    ovk.refresh_from_db()
    assert ovk.onderwerp == "Door de teammanager gewijzigd" and ovk.laatste_review is None

    etag = api.get(url)["ETag"]
    antwoord = api.patch(url, {"onderwerp": "Via de API"}, format="json", HTTP_IF_MATCH=etag)
    assert antwoord.status_code == 200 and antwoord.json()["onderwerp"] == "Via de API"
    assert antwoord["ETag"] == f'"{versie_van(Overeenkomst.objects.get(pk=ovk.pk))}"' != etag
    antwoord = api.post(f"{url}/review", {"datum": "2026-11-01"}, format="json", HTTP_IF_MATCH=antwoord["ETag"])
    assert antwoord.status_code == 200 and antwoord.json()["laatsteReview"] == "2026-11-01"


@pytest.mark.django_db
def test_api_fout_zonder_veld_heet_nonfielderrors(wereld, ovk):
    antwoord = _api(wereld["privacy_officer"]).patch(
        f"/api/v1/overeenkomsten/{ovk.uuid}", ["geen", "object"], format="json"
    )
    assert antwoord.status_code == 400 and antwoord["Content-Type"] == "application/problem+json"
    assert [p["name"] for p in antwoord.json()["invalidParams"]] == ["nonFieldErrors"]


@pytest.mark.django_db
def test_api_lijst_en_detail_worden_gelogd(wereld, ovk):
    from privacy_portal.core.models import AuditEvent

    api = _api(wereld["privacy_officer"])
    api.get("/api/v1/overeenkomsten")
    api.get(f"/api/v1/overeenkomsten/{ovk.uuid}")
    api.get(f"/api/v1/overeenkomsten/{ovk.uuid}/historie")
    inzien = AuditEvent.objects.filter(actie=AuditEvent.Actie.INZIEN, herkomst="api")
    assert inzien.filter(object_id=str(ovk.uuid)).count() == 2  # detail and history
    assert inzien.get(object_id="").object_ids == [str(ovk.uuid)]  # the list: one row naming what it showed
