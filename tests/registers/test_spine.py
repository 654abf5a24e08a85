"""The register on the kit's spine: history in words, and no stale edit or decision ever saved.

A user opens a verwerking (page or API), someone else changes it, the first user saves or decides:
the save is refused with the other person's changes, and nothing of theirs is lost.
"""

import re

import pytest
from rest_framework.test import APIClient

from privacy_portal.core.schrijven import VersieConflict, versie_van
from registers import services
from registers.constants import DpiaStatus, Status
from registers.models import Verwerking

from ..factories import RolFactory, UserFactory, collega_van, maak_verwerking


def _versie_in(html, actie=None):
    """The hidden version of the edit form, or of the form that posts to `actie` on the detail page."""
    if actie:
        html = html[html.index(f"/{actie}/") :]
    return int(re.search(r'name="versie" value="(\d+)"', html).group(1))


def _cel(tekst):
    return f'<td class="utrecht-table__cell">{tekst}</td>'


def _formulierdata(client, verwerking):
    """The edit form as the browser would post it, and its HTML."""
    antwoord = client.get(f"/verwerkingen/{verwerking.uuid}/bewerken/")
    form = antwoord.context["form"]
    data = {k: v for k, v in form.initial.items() if k in form.fields and v not in (None, False)}
    data.update(team=verwerking.team_id, verwerkingsverantwoordelijke=verwerking.verwerkingsverantwoordelijke_id)
    data["versie"] = _versie_in(antwoord.content.decode())
    return data


BEIDE_GRONDSLAGEN = "c. Wettelijke verplichting, e. Algemeen belang of openbaar gezag"


# --- History in words -------------------------------------------------------------------------------


@pytest.mark.django_db
def test_historie_noemt_keuzes_teams_en_verantwoordelijken_bij_naam_op_pagina_en_api(client, wereld):
    po = wereld["privacy_officer"]
    verwerking = maak_verwerking(team=wereld.team, vv=wereld.vv, door=po)
    services.verwerking_wijzigen(
        verwerking=verwerking,
        door=po,
        gegevens={"team": wereld.ander_team, "dpia_status": DpiaStatus.NODIG, "grondslagen": ["c", "e"]},
        reden="Overgedragen",
    )

    client.force_login(po)
    html = client.get(f"/verwerkingen/{verwerking.uuid}/historie/").content.decode()
    for tekst in ("Burgerzaken", "Sociaal Domein", "Nog niet beoordeeld", "Nodig, nog niet uitgevoerd"):
        assert _cel(tekst) in html, tekst
    assert _cel(BEIDE_GRONDSLAGEN) in html
    for code in (wereld.team.pk, wereld.ander_team.pk, "nodig", "onbekend", "c, e", "[&#x27;c&#x27;]"):
        assert _cel(code) not in html, code
    assert "volledigheid" not in html.lower()  # derived, not a change anyone made

    api = APIClient()
    api.force_authenticate(po)
    regels = api.get(f"/api/v1/verwerkingen/{verwerking.uuid}/historie").json()
    assert regels[0]["reden"] == "Overgedragen"
    wijzigingen = {w["veld"]: (w["oud"], w["nieuw"]) for w in regels[0]["wijzigingen"]}
    assert wijzigingen == {
        "team": ("Burgerzaken", "Sociaal Domein"),
        "DPIA-status": ("Nog niet beoordeeld", "Nodig, nog niet uitgevoerd"),
        "grondslagen": ("c. Wettelijke verplichting", BEIDE_GRONDSLAGEN),
    }


@pytest.mark.django_db
def test_historie_noemt_de_verwerkingsverantwoordelijke_bij_naam(wereld):
    from privacy_portal.core.historie import historie_regels

    from ..factories import VerantwoordelijkeFactory

    po = wereld["privacy_officer"]
    burgemeester = VerantwoordelijkeFactory(gemeente=wereld.gemeente, soort="burgemeester", naam="Burgemeester")
    verwerking = maak_verwerking(team=wereld.team, vv=wereld.vv, door=po)
    services.verwerking_wijzigen(
        verwerking=verwerking, door=po, gegevens={"verwerkingsverantwoordelijke": burgemeester}
    )
    [wijziging] = historie_regels(verwerking)[0]["wijzigingen"]
    assert wijziging == {
        "veld": "verwerkingsverantwoordelijke",
        "oud": "College van burgemeester en wethouders",
        "nieuw": "Burgemeester",
    }


# --- Stale edits and decisions on the pages -----------------------------------------------------------


@pytest.mark.django_db
def test_verouderd_formulier_toont_de_andere_wijziging_en_houdt_de_invoer(client, wereld):
    tm, po = wereld["teammanager"], wereld["privacy_officer"]
    verwerking = maak_verwerking(team=wereld.team, vv=wereld.vv, door=tm)
    client.force_login(tm)
    data = _formulierdata(client, verwerking)  # the teammanager opens the form ...

    services.verwerking_wijzigen(  # ... the privacy officer saves a change meanwhile ...
        verwerking=verwerking, door=po, gegevens={"bewaartermijn": "Tien jaar (privacy officer)"}
    )

    data.update(bewaartermijn="Vijf jaar (teammanager)", reden="Selectielijst")
    antwoord = client.post(f"/verwerkingen/{verwerking.uuid}/bewerken/", data)  # ... and saves the old form
    html = antwoord.content.decode()
    assert antwoord.status_code == 200
    assert "Intussen gewijzigd" in html and po.get_full_name() in html
    assert _cel("Tien jaar (privacy officer)") in html and _cel("Permanent") in html  # the other change
    assert "Vijf jaar (teammanager)" in html  # the user's input stays
    verwerking.refresh_from_db()
    assert verwerking.bewaartermijn == "Tien jaar (privacy officer)"

    # saving again, now knowingly over the other change, works
    data["versie"] = _versie_in(html)
    assert data["versie"] == versie_van(verwerking)
    assert client.post(f"/verwerkingen/{verwerking.uuid}/bewerken/", data).status_code == 302
    verwerking.refresh_from_db()
    assert verwerking.bewaartermijn == "Vijf jaar (teammanager)"


@pytest.mark.django_db
def test_vaststellen_van_een_intussen_gewijzigde_tekst_wordt_geweigerd(client, wereld):
    """The case of the issue: the reviewer must never publish a text changed after they opened it."""
    tm, po = wereld["teammanager"], wereld["privacy_officer"]
    verwerking = maak_verwerking(team=wereld.team, vv=wereld.vv, door=tm, status=Status.TER_BEOORDELING)
    client.force_login(po)
    gezien = _versie_in(client.get(f"/verwerkingen/{verwerking.uuid}/").content.decode(), "goedkeuren")

    services.verwerking_wijzigen(verwerking=verwerking, door=tm, gegevens={"doeleinden": "Een ander doel"})

    antwoord = client.post(f"/verwerkingen/{verwerking.uuid}/goedkeuren/", {"versie": gezien}, follow=True)
    html = antwoord.content.decode()
    assert "Niet gelukt" in html and tm.get_full_name() in html and "Gewijzigd: doeleinden" in html
    verwerking.refresh_from_db()
    assert verwerking.status == Status.TER_BEOORDELING and verwerking.gepubliceerde_versie is None
    assert not verwerking.versies.exists()

    # the page now shows the new text and its version; approving that one works and names the number
    nieuw = _versie_in(html, "goedkeuren")
    assert nieuw == versie_van(verwerking)
    antwoord = client.post(f"/verwerkingen/{verwerking.uuid}/goedkeuren/", {"versie": nieuw}, follow=True)
    assert "vastgesteld als versie 1" in antwoord.content.decode()
    verwerking.refresh_from_db()
    assert verwerking.status == Status.VASTGESTELD
    assert verwerking.gepubliceerde_versie.doeleinden == "Een ander doel"
    assert verwerking.history.first().history_change_reason == "Vastgesteld als versie 1"


@pytest.mark.django_db
def test_terugsturen_met_fouten_houdt_de_tekst_en_noemt_het_veld(client, wereld):
    tm, po = wereld["teammanager"], wereld["privacy_officer"]
    verwerking = maak_verwerking(team=wereld.team, vv=wereld.vv, door=tm, status=Status.TER_BEOORDELING)
    client.force_login(po)
    gezien = _versie_in(client.get(f"/verwerkingen/{verwerking.uuid}/").content.decode(), "afwijzen")

    leeg = client.post(f"/verwerkingen/{verwerking.uuid}/afwijzen/", {"versie": gezien, "reden": ""})
    html = leeg.content.decode()
    assert "Reden van terugsturen: Geef aan waarom u de verwerking terugstuurt." in html
    assert "Dit veld is vereist" not in html and '<details class="actie-blok" open>' in html

    services.verwerking_wijzigen(verwerking=verwerking, door=tm, gegevens={"herkomst": "Anders"})
    verouderd = client.post(
        f"/verwerkingen/{verwerking.uuid}/afwijzen/", {"versie": gezien, "reden": "Bewaartermijn onderbouwen"}
    )
    html = verouderd.content.decode()
    assert "Niet gelukt" in html and "herkomst" in html
    assert "Bewaartermijn onderbouwen</textarea>" in html  # what was typed stays
    verwerking.refresh_from_db()
    assert verwerking.status == Status.TER_BEOORDELING and verwerking.afwijsreden == ""


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("service", "status", "extra"),
    [
        (services.verwerking_indienen, Status.CONCEPT, {}),
        (services.verwerking_goedkeuren, Status.TER_BEOORDELING, {}),
        (services.verwerking_afwijzen, Status.TER_BEOORDELING, {"reden": "Onduidelijk"}),
        (services.verwerking_archiveren, Status.VASTGESTELD, {}),
        (services.verwerking_wijzigen, Status.CONCEPT, {"gegevens": {"naam": "Nieuw"}}),
    ],
)
def test_elke_beslissing_met_een_verouderde_versie_wordt_geweigerd(wereld, service, status, extra):
    po = wereld["privacy_officer"]
    verwerking = maak_verwerking(team=wereld.team, vv=wereld.vv, door=po, goedkeurder=po, status=status)
    gezien = versie_van(verwerking)
    services.verwerking_wijzigen(verwerking=verwerking, door=po, gegevens={"herkomst": "Iets anders"})
    huidig = versie_van(verwerking)
    with pytest.raises(VersieConflict):
        service(verwerking=verwerking, door=po, versie=gezien, **extra)
    assert versie_van(verwerking) == huidig
    # four eyes: whoever changed the text does not approve it
    beslisser = collega_van(po) if service is services.verwerking_goedkeuren else po
    service(verwerking=verwerking, door=beslisser, versie=huidig, **extra)
    assert versie_van(verwerking) > huidig


@pytest.mark.django_db
def test_delegeren_en_intrekken_met_een_verouderde_versie_worden_geweigerd(client, wereld):
    from privacy_portal.organisaties.rollen import Rol

    tm, po, mw = wereld["teammanager"], wereld["privacy_officer"], wereld["medewerker"]
    verwerking = maak_verwerking(team=wereld.team, vv=wereld.vv, door=tm)
    client.force_login(tm)
    gezien = _versie_in(client.get(f"/verwerkingen/{verwerking.uuid}/delegeren/").content.decode())
    services.verwerking_wijzigen(verwerking=verwerking, door=po, gegevens={"herkomst": "Iets anders"})

    antwoord = client.post(f"/verwerkingen/{verwerking.uuid}/delegeren/", {"medewerker": mw.pk, "versie": gezien})
    assert antwoord.status_code == 200 and "Intussen gewijzigd" in antwoord.content.decode()
    assert not type(mw).objects.get(pk=mw.pk).has_perm("registers.change_verwerking", verwerking)

    tweede = UserFactory(username="tweede-medewerker")
    RolFactory(gebruiker=tweede, rol=Rol.MEDEWERKER, gemeente=wereld.gemeente, team=wereld.team)
    services.verwerking_delegeren(verwerking=verwerking, door=tm, medewerker=tweede)
    antwoord = client.post(f"/verwerkingen/{verwerking.uuid}/delegeren/", {"intrekken": tweede.pk, "versie": gezien})
    assert "Niet gelukt" in antwoord.content.decode()
    assert type(tweede).objects.get(pk=tweede.pk).has_perm("registers.change_verwerking", verwerking)


# --- The API: ETag and If-Match ---------------------------------------------------------------------


@pytest.mark.django_db
def test_api_weigert_een_verouderde_if_match_met_409_en_de_wijzigingen(wereld):
    tm, po = wereld["teammanager"], wereld["privacy_officer"]
    verwerking = maak_verwerking(team=wereld.team, vv=wereld.vv, door=tm, status=Status.TER_BEOORDELING)
    api = APIClient()
    api.force_authenticate(po)
    url = f"/api/v1/verwerkingen/{verwerking.uuid}"
    etag = api.get(url)["ETag"]
    assert etag == f'"{versie_van(verwerking)}"'

    services.verwerking_wijzigen(verwerking=verwerking, door=tm, gegevens={"bewaartermijn": "Twintig jaar"})

    for antwoord in (
        api.patch(url, {"bewaartermijn": "Eén jaar"}, format="json", HTTP_IF_MATCH=etag),
        api.post(f"{url}/goedkeuren", HTTP_IF_MATCH=etag),
    ):
        assert antwoord.status_code == 409 and antwoord["Content-Type"] == "application/problem+json"
        body = antwoord.json()
        assert body["huidigeVersie"] == versie_van(verwerking)
        assert {"veld": "bewaartermijn", "oud": "Permanent", "nieuw": "Twintig jaar"} in body["wijzigingen"][0][
            "wijzigingen"
        ]
    verwerking.refresh_from_db()
    assert verwerking.bewaartermijn == "Twintig jaar" and verwerking.status == Status.TER_BEOORDELING

    etag = api.get(url)["ETag"]
    antwoord = api.post(f"{url}/goedkeuren", HTTP_IF_MATCH=etag)
    assert antwoord.status_code == 200 and antwoord.json()["status"] == "vastgesteld"
    assert antwoord["ETag"] != etag and antwoord["ETag"] == f'"{versie_van(verwerking)}"'
    antwoord = api.patch(url, {"bewaartermijn": "Eén jaar"}, format="json", HTTP_IF_MATCH=antwoord["ETag"])
    assert antwoord.status_code == 200 and antwoord.json()["bewaartermijn"] == "Eén jaar"


@pytest.mark.django_db
def test_api_fout_buiten_de_velden_heet_nonfielderrors(wereld):
    verwerking = maak_verwerking(team=wereld.team, vv=wereld.vv, door=wereld["teammanager"])
    api = APIClient()
    api.force_authenticate(wereld["privacy_officer"])
    antwoord = api.patch(f"/api/v1/verwerkingen/{verwerking.uuid}", ["geen", "object"], format="json")
    assert antwoord.status_code == 400 and antwoord["Content-Type"] == "application/problem+json"
    assert [p["name"] for p in antwoord.json()["invalidParams"]] == ["nonFieldErrors"]
    assert Verwerking.objects.get(pk=verwerking.pk).history.count() == 1
