"""The register kit in the betrokkenenverzoeken: history in words everywhere, and a stale edit or
decision (the request changed after the user opened it) refused on the pages and in the API."""

import re

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from rechten import services
from rechten.constants import Status
from rechten.models import Verzoek
from tests.factories import VerantwoordelijkeFactory

from .factories import registreer

VERSIE = re.compile(r'name="versie" value="(\d+)"')


def _versie(html):
    return int(VERSIE.search(html).group(1))


def _api(user):
    client = APIClient()
    client.force_authenticate(user)
    return client


@pytest.fixture
def verzoek(wereld):
    """A request received today, with the college as decider, and a second decider to switch to."""
    vandaag = timezone.localdate()
    return registreer(
        door=wereld["privacy_officer"],
        gemeente=wereld.gemeente,
        ontvangen_op=vandaag,
        nu=timezone.now(),
        soorten=["inzage"],
        verwerkingsverantwoordelijke=wereld.vv,
    )


def _wijzig_kanaal_en_beslisser(wereld, verzoek, door):
    burgemeester = VerantwoordelijkeFactory(gemeente=wereld.gemeente, soort="burgemeester", naam="De burgemeester")
    services.verzoek_wijzigen(
        verzoek=verzoek,
        door=door,
        gegevens={"kanaal": "telefoon", "verwerkingsverantwoordelijke": burgemeester, "soorten": ["inzage", "wissing"]},
    )
    return burgemeester


def _cel(tekst):
    return f'<td class="utrecht-table__cell">{tekst}</td>'


# --- history in words ----------------------------------------------------------------------------


@pytest.mark.django_db
def test_historie_toont_keuzes_en_namen_op_de_pagina_en_in_de_api(client, wereld, verzoek):
    po = wereld["privacy_officer"]
    burgemeester = _wijzig_kanaal_en_beslisser(wereld, verzoek, po)
    (taak,) = services.taken_toewijzen(verzoek=verzoek, door=po, teams=[wereld.team], omschrijving="Zoek het dossier")
    services.taak_afronden(taak=taak, door=wereld["teammanager"], resultaat="Gevonden")

    client.force_login(po)
    pagina = client.get(f"/verzoeken/{verzoek.uuid}/historie/").content.decode()
    # a choice field, a foreign key and a list of codes: labels and names, never codes or ids
    assert _cel("hoe ontvangen") in pagina and _cel("Brief") in pagina and _cel("Telefoon") in pagina
    assert _cel("verwerkingsverantwoordelijke") in pagina
    assert _cel(str(wereld.vv)) in pagina and _cel(str(burgemeester)) in pagina
    assert _cel("Inzage (art. 15), Wissing (art. 17)") in pagina
    # the task's history is part of it, with its status in words
    assert "Taak van Burgerzaken afgerond" in pagina and _cel("Afgerond") in pagina
    for code in ("telefoon", "brief", "wissing", "afgerond", str(burgemeester.pk), str(wereld.vv.pk)):
        assert _cel(code) not in pagina

    regels = _api(po).get(f"/api/v1/verzoeken/{verzoek.uuid}/historie").json()
    wijzigingen = [w for r in regels for w in r["wijzigingen"]]
    assert {"veld": "hoe ontvangen", "oud": "Brief", "nieuw": "Telefoon"} in wijzigingen
    assert {"veld": "verwerkingsverantwoordelijke", "oud": str(wereld.vv), "nieuw": str(burgemeester)} in wijzigingen
    assert {"veld": "welke rechten", "oud": "Inzage (art. 15)", "nieuw": "Inzage (art. 15), Wissing (art. 17)"} in (
        wijzigingen
    )
    assert {"veld": "status", "oud": "Open", "nieuw": "Afgerond"} in wijzigingen  # the task's
    assert "Taak van Burgerzaken afgerond" in {r["reden"] for r in regels}
    waarden = {w["oud"] for w in wijzigingen} | {w["nieuw"] for w in wijzigingen}
    assert not waarden & {"telefoon", "brief", "afgerond", str(burgemeester.pk), str(wereld.vv.pk)}
    # the letters of this register show no history; the API's list stays as it was
    assert _api(wereld["teammanager"]).get(f"/api/v1/verzoeken/{verzoek.uuid}/historie").status_code == 404


@pytest.mark.django_db
def test_historie_laat_na_de_bewaartermijn_geen_persoonsgegevens_zien(client, wereld, verzoek):
    po = wereld["privacy_officer"]
    services.verzoek_wijzigen(verzoek=verzoek, door=po, gegevens={"verzoeker_telefoon": "06 11223344"})
    services.verzoek_afhandelen(verzoek=verzoek, door=po, uitkomst="ingetrokken", toelichting="Ingetrokken")
    services.verzoek_anonimiseren(verzoek=verzoek)
    client.force_login(po)
    pagina = client.get(f"/verzoeken/{verzoek.uuid}/historie/").content.decode()
    api = _api(po).get(f"/api/v1/verzoeken/{verzoek.uuid}/historie").content.decode()
    for geheim in ("Geheimnaam", "11223344", "99887766", "Geheimstraat"):
        assert geheim not in pagina and geheim not in api


# --- a stale edit on the page --------------------------------------------------------------------


def _formulier(verzoek, **anders):
    velden = {
        "soorten": verzoek.soorten,
        "kanaal": verzoek.kanaal,
        "ontvangen_op": verzoek.ontvangen_op.isoformat(),
        "verzoeker_naam": verzoek.verzoeker_naam,
        "verzoeker_email": verzoek.verzoeker_email,
        "verzoeker_adres": verzoek.verzoeker_adres,
    }
    velden.update(anders)
    return velden


@pytest.mark.django_db
def test_verouderd_wijzigformulier_toont_het_conflict_en_houdt_de_invoer(client, wereld, verzoek):
    client.force_login(wereld["privacy_officer"])
    url = f"/verzoeken/{verzoek.uuid}/wijzigen/"
    gelezen = _versie(client.get(url).content.decode())

    _wijzig_kanaal_en_beslisser(wereld, verzoek, wereld["jurist"])  # someone else saves meanwhile

    antwoord = client.post(url, _formulier(verzoek, verzoeker_naam="Mijn Correctie", versie=gelezen))
    inhoud = antwoord.content.decode()
    assert antwoord.status_code == 200
    assert "Intussen gewijzigd." in inhoud and wereld["jurist"].get_full_name() in inhoud
    assert _cel("hoe ontvangen") in inhoud and _cel("Telefoon") in inhoud  # the other person's change
    assert 'value="Mijn Correctie"' in inhoud  # the user's input stays
    verzoek.refresh_from_db()
    assert verzoek.kanaal == "telefoon" and verzoek.verzoeker_naam == "Jantje Geheimnaam"

    nieuw = _versie(inhoud)
    assert nieuw > gelezen
    antwoord = client.post(url, _formulier(verzoek, verzoeker_naam="Mijn Correctie", versie=nieuw))
    assert antwoord.status_code == 302
    verzoek.refresh_from_db()
    assert verzoek.verzoeker_naam == "Mijn Correctie" and verzoek.kanaal == "telefoon"


# --- a stale decision on the page ----------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize(
    "actie, velden",
    [
        ("afhandelen", {"uitkomst": "ingetrokken", "besluit_toelichting": "De verzoeker trok het in."}),
        ("verlengen", {"verlenging_reden": "Veel systemen"}),
        ("identiteit", {"identiteit_wijze": "balie"}),
    ],
)
def test_verouderde_actie_wordt_geweigerd_en_er_verandert_niets(client, wereld, verzoek, actie, velden):
    client.force_login(wereld["privacy_officer"])
    detail = client.get(f"/verzoeken/{verzoek.uuid}/").content.decode()
    gelezen = _versie(detail)
    _wijzig_kanaal_en_beslisser(wereld, verzoek, wereld["jurist"])
    voor = Verzoek.objects.get(pk=verzoek.pk)
    rijen = voor.history.count()

    antwoord = client.post(f"/verzoeken/{verzoek.uuid}/{actie}/", {**velden, "versie": gelezen})

    meldingen = [str(m) for m in antwoord.wsgi_request._messages]
    assert any(
        f"Iemand anders ({wereld['jurist'].get_full_name()}) heeft dit intussen gewijzigd" in m and "hoe ontvangen" in m
        for m in meldingen
    )
    na = Verzoek.objects.get(pk=verzoek.pk)
    assert (na.status, na.uitkomst, na.verlengd_op, na.identiteit_wijze) == (
        voor.status,
        voor.uitkomst,
        voor.verlengd_op,
        voor.identiteit_wijze,
    )
    assert na.history.count() == rijen
    # what was typed is still in the open panel
    inhoud = antwoord.content.decode()
    assert antwoord.status_code == 200 and f'value="{_versie(inhoud)}"' in inhoud and _versie(inhoud) > gelezen

    # with the version now on the page, the same action goes through
    antwoord = client.post(f"/verzoeken/{verzoek.uuid}/{actie}/", {**velden, "versie": _versie(inhoud)})
    assert antwoord.status_code == 302
    assert Verzoek.objects.get(pk=verzoek.pk).history.count() == rijen + 1


@pytest.mark.django_db
def test_fout_in_een_actiepaneel_noemt_het_veld_en_houdt_de_invoer(client, wereld, verzoek):
    client.force_login(wereld["privacy_officer"])
    antwoord = client.post(f"/verzoeken/{verzoek.uuid}/afhandelen/", {"uitkomst": "afgewezen"})
    meldingen = [str(m) for m in antwoord.wsgi_request._messages]
    assert meldingen == ["Niet gelukt. Wat is besloten en waarom?: Vul dit veld in."]
    inhoud = antwoord.content.decode()
    assert '<option value="afgewezen" selected>' in inhoud and "Dit veld is vereist" not in inhoud
    # a service error names the field by the form's label too
    antwoord = client.post(
        f"/verzoeken/{verzoek.uuid}/afhandelen/", {"uitkomst": "afgewezen", "besluit_toelichting": "Nee"}
    )
    meldingen = [str(m) for m in antwoord.wsgi_request._messages]
    assert meldingen == [
        "Niet gelukt. Grond voor (gedeeltelijke) afwijzing: Kies de grond voor de (gedeeltelijke) afwijzing."
    ]
    assert "Nee</textarea>" in antwoord.content.decode()
    assert Verzoek.objects.get(pk=verzoek.pk).status == Status.ONTVANGEN


@pytest.mark.django_db
def test_verouderde_taak_afronden_wordt_geweigerd(client, wereld, verzoek):
    po, tm = wereld["privacy_officer"], wereld["teammanager"]
    (taak,) = services.taken_toewijzen(verzoek=verzoek, door=po, teams=[wereld.team], omschrijving="Zoek")
    client.force_login(tm)
    gelezen = _versie(client.get(f"/verzoeken/taken/{taak.uuid}/").content.decode())
    services.taak_intrekken(taak=taak, door=po, reden="Verkeerd team")
    antwoord = client.post(f"/verzoeken/taken/{taak.uuid}/", {"resultaat": "Gevonden", "versie": gelezen})
    meldingen = [str(m) for m in antwoord.wsgi_request._messages]
    assert antwoord.status_code == 200 and any("heeft dit intussen gewijzigd" in m for m in meldingen)
    taak.refresh_from_db()
    assert taak.status == "vervallen" and taak.resultaat.startswith("Ingetrokken")


# --- the API -------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_api_weigert_een_verouderde_if_match_met_409_en_de_wijzigingen(wereld, verzoek):
    api = _api(wereld["privacy_officer"])
    url = f"/api/v1/verzoeken/{verzoek.uuid}"
    etag = api.get(url)["ETag"]
    _wijzig_kanaal_en_beslisser(wereld, verzoek, wereld["jurist"])

    antwoord = api.patch(url, {"omschrijving": "Nieuw"}, format="json", HTTP_IF_MATCH=etag)
    assert antwoord.status_code == 409 and antwoord["Content-Type"] == "application/problem+json"
    body = antwoord.json()
    assert body["title"] == "Intussen gewijzigd" and body["huidigeVersie"] > int(etag.strip('"'))
    assert {"veld": "hoe ontvangen", "oud": "Brief", "nieuw": "Telefoon"} in body["wijzigingen"][0]["wijzigingen"]
    assert Verzoek.objects.get(pk=verzoek.pk).omschrijving != "Nieuw"

    actie = api.post(f"{url}/verlengen", {"reden": "Complex"}, format="json", HTTP_IF_MATCH=etag)
    assert actie.status_code == 409 and actie.json()["wijzigingen"]
    assert Verzoek.objects.get(pk=verzoek.pk).verlengd_op is None

    nieuw = api.get(url)["ETag"]
    antwoord = api.patch(url, {"omschrijving": "Nieuw"}, format="json", HTTP_IF_MATCH=nieuw)
    assert antwoord.status_code == 200 and antwoord.json()["omschrijving"] == "Nieuw"
    assert antwoord["ETag"] != nieuw
    actie = api.post(f"{url}/verlengen", {"reden": "Complex"}, format="json", HTTP_IF_MATCH=antwoord["ETag"])
    assert actie.status_code == 200 and actie.json()["verlengdTot"]


@pytest.mark.django_db
def test_api_fout_zonder_veld_heet_non_field_errors(wereld, verzoek):
    api = _api(wereld["privacy_officer"])
    antwoord = api.patch(f"/api/v1/verzoeken/{verzoek.uuid}", ["geen object"], format="json")
    assert antwoord.status_code == 400 and antwoord["Content-Type"] == "application/problem+json"
    assert [p["name"] for p in antwoord.json()["invalidParams"]] == ["nonFieldErrors"]


@pytest.mark.django_db
def test_services_nemen_de_gelezen_versie(wereld, verzoek):
    """Every decision service refuses a stale version, also when called directly."""
    from privacy_portal.core.schrijven import VersieConflict, versie_van

    po = wereld["privacy_officer"]
    oud = versie_van(verzoek)
    services.verzoek_wijzigen(verzoek=verzoek, door=wereld["jurist"], gegevens={"kanaal": "balie"}, versie=oud)
    for aanroep in (
        lambda: services.verzoek_afhandelen(
            verzoek=verzoek, door=po, uitkomst="ingetrokken", toelichting="x", versie=oud
        ),
        lambda: services.verzoek_verlengen(verzoek=verzoek, door=po, reden="x", versie=oud),
        lambda: services.identiteit_vastleggen(
            verzoek=verzoek, door=po, gegevens={"identiteit_wijze": "balie"}, versie=oud
        ),
        lambda: services.taken_toewijzen(verzoek=verzoek, door=po, teams=[wereld.team], omschrijving="x", versie=oud),
        lambda: services.verzoek_wijzigen(verzoek=verzoek, door=po, gegevens={"kanaal": "brief"}, versie=oud),
    ):
        with pytest.raises(VersieConflict):
            aanroep()
    verzoek.refresh_from_db()
    assert verzoek.kanaal == "balie" and verzoek.status == Status.ONTVANGEN and not verzoek.taken.exists()
