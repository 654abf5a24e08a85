"""The DPIA on the register kit's spine: history in words everywhere, and no stale edit or decision.

History: a changed choice shows its label and a changed related object its name, on the history
page and in the API's /historie, with the changes of the DPIA's risks and measures merged in.
(The DPIA report PDF shows the DPIA's own version table, not the change history.)
Versions: the page's edit forms and action panels, and the API's If-Match, carry the version the
user saw; a save or decision on an older version is refused with the changes made since.
"""

import re
from datetime import date, timedelta

import pytest
from rest_framework.test import APIClient

from dpia import services
from dpia.models import Dpia, Maatregel, Risico
from privacy_portal.core.schrijven import VersieConflict, versie_van

from .factories import NU, maak_dpia


def _api(user):
    client = APIClient()
    client.force_authenticate(user)
    return client


def _versie_uit(html):
    """The hidden version field of the (first) form on a page."""
    return re.search(r'name="versie" value="(\d+)"', html).group(1)


def _risico_data(risico, **anders):
    data = {veld: getattr(risico, veld) for veld in services.RISICO_VELDEN}
    data.update(anders)
    return data


def _alle_waarden(regels):
    return {w[kant] for regel in regels for w in regel["wijzigingen"] for kant in ("oud", "nieuw")}


# --- history in words ---------------------------------------------------------------------------


@pytest.mark.django_db
def test_historie_toont_labels_en_namen_ook_van_risicos_en_maatregelen(wereld, client):
    dpia = maak_dpia(wereld, stap="advies")
    fg, ciso, po = wereld["fg"], wereld["ciso"], wereld["privacy_officer"]
    services.fg_advies_geven(dpia=dpia, door=fg, oordeel="voorwaarden", advies="Met logging.", nu=NU)
    services.terugzetten(dpia=dpia, door=wereld.beheerder, reden="Risico opnieuw bekijken")
    risico = dpia.risicos.get()
    services.risico_opslaan(dpia=dpia, door=wereld.beheerder, risico=risico, gegevens={"kans": "hoog"})
    maatregel = dpia.maatregelen.get()
    assert maatregel.eigenaar == ciso
    services.maatregel_opslaan(
        dpia=dpia, door=wereld.beheerder, maatregel=maatregel, gegevens={"eigenaar": po, "status": "gereed"}, nu=NU
    )

    client.force_login(wereld["teammanager"])
    pagina = client.get(f"/dpia/{dpia.uuid}/historie/").content.decode()
    for tekst in (
        "oordeel FG",
        "Positief, met aanbevelingen",  # fg_oordeel "voorwaarden"
        "Ter advies bij de FG",  # status "advies"
        "Besluit over het restrisico",
        ">kans<",
        "Gemiddeld",  # kans "midden" ...
        "Hoog",  # ... became "hoog"
        ">eigenaar<",
        po.username,
        "Gereed",
        "Risico R1 gewijzigd",
        "Maatregel M1 bijgewerkt",
    ):
        assert tekst in pagina, tekst
    assert ">voorwaarden<" not in pagina and ">midden<" not in pagina and ">gepland<" not in pagina
    assert f">{po.pk}<" not in pagina and f">{ciso.pk}<" not in pagina
    assert "lastEditedAt" not in pagina  # the answers stay out of the history lines

    antwoord = _api(wereld["teammanager"]).get(f"/api/v1/dpias/{dpia.uuid}/historie")
    assert antwoord.status_code == 200
    regels = antwoord.json()
    waarden = _alle_waarden(regels)
    assert {"Positief, met aanbevelingen", "Gemiddeld", "Hoog", po.username, ciso.username, "Gereed"} <= waarden
    assert not waarden & {"voorwaarden", "midden", "hoog", "gereed", "gepland", str(po.pk), str(ciso.pk)}
    velden = {w["veld"] for regel in regels for w in regel["wijzigingen"]}
    assert {"oordeel FG", "FG", "kans", "eigenaar", "status"} <= velden
    assert not velden & {"antwoorden", "versies", "feiten uit het register"}
    redenen = [r["reden"] for r in regels]
    assert "Risico R1 gewijzigd" in redenen and "Maatregel M1 bijgewerkt" in redenen
    assert redenen[-1] == "Pre-scan gestart"


@pytest.mark.django_db
def test_prescan_criteria_en_ap_lijst_staan_als_omschrijving_in_de_historie(wereld):
    dpia = maak_dpia(wereld)
    services.prescan_vastleggen(dpia=dpia, door=wereld.beheerder, criteria=["monitoring"], ap_lijst=[7], nu=NU)
    regels = _api(wereld["teammanager"]).get(f"/api/v1/dpias/{dpia.uuid}/historie").json()
    wijziging = {w["veld"]: w["nieuw"] for w in regels[0]["wijzigingen"]}
    assert wijziging["criteria van de EDPB"] == "Mensen stelselmatig volgen of observeren"
    assert wijziging["soorten van de AP-lijst"] == "7. Gezondheidsgegevens"
    assert "feiten uit het register" not in wijziging


# --- stale edits on the pages -------------------------------------------------------------------


@pytest.mark.django_db
def test_verouderd_risico_opslaan_toont_de_andere_wijziging_en_houdt_de_invoer(wereld, client):
    dpia = maak_dpia(wereld, stap="ingevuld")
    risico = dpia.risicos.get()
    client.force_login(wereld["teammanager"])
    pagina = client.get(f"/dpia/{dpia.uuid}/risicos/{risico.uuid}/")
    versie = _versie_uit(pagina.content.decode())
    assert int(versie) == versie_van(risico)

    # Someone else raises the likelihood in the meantime.
    services.risico_opslaan(dpia=dpia, door=wereld.beheerder, risico=risico, gegevens={"kans": "hoog"})

    mijn_invoer = _risico_data(risico, beschrijving="Onbevoegde inzage, ook door oud-medewerkers.", versie=versie)
    antwoord = client.post(f"/dpia/{dpia.uuid}/risicos/{risico.uuid}/", mijn_invoer)
    assert antwoord.status_code == 200
    html = antwoord.content.decode()
    assert "Intussen gewijzigd" in html and "Iemand anders" in html
    assert ">kans<" in html and ">Gemiddeld<" in html and ">Hoog<" in html  # the other change, in words
    assert "ook door oud-medewerkers" in html  # the user's input stays in the form
    risico.refresh_from_db()
    assert risico.kans == "hoog" and risico.beschrijving == "Onbevoegde inzage in dossiers."

    nieuwe_versie = _versie_uit(html)
    assert int(nieuwe_versie) == versie_van(risico)
    antwoord = client.post(f"/dpia/{dpia.uuid}/risicos/{risico.uuid}/", {**mijn_invoer, "versie": nieuwe_versie})
    assert antwoord.status_code == 302
    risico.refresh_from_db()
    assert risico.beschrijving == "Onbevoegde inzage, ook door oud-medewerkers." and risico.kans == "midden"


@pytest.mark.django_db
def test_verouderde_antwoorden_worden_geweigerd(wereld, client):
    dpia = maak_dpia(wereld, stap="ingevuld")
    client.force_login(wereld["teammanager"])
    pagina = client.get(f"/dpia/{dpia.uuid}/vragen/S/")
    form = pagina.context["form"]
    data = {k: v for k, v in form.initial.items() if v not in ("", None, [])}
    data["versie"] = _versie_uit(pagina.content.decode())
    services.titel_wijzigen(dpia=dpia, door=wereld.beheerder, titel="DPIA Wmo-dossiers")
    antwoord = client.post(f"/dpia/{dpia.uuid}/vragen/S/", data)
    assert antwoord.status_code == 200
    html = antwoord.content.decode()
    assert "Intussen gewijzigd" in html and ">DPIA Wmo-dossiers<" in html and ">titel<" in html


@pytest.mark.django_db
def test_verouderde_acceptatie_wordt_geweigerd_als_de_risicos_intussen_veranderden(wereld, client):
    dpia = maak_dpia(wereld, stap="besluit")
    tm, b = wereld["teammanager"], wereld.beheerder
    client.force_login(tm)
    versie = _versie_uit(client.get(f"/dpia/{dpia.uuid}/").content.decode())
    assert int(versie) == versie_van(dpia)

    # After the page was opened the DPIA goes back, a risk changes, and the FG advises again.
    services.terugzetten(dpia=dpia, door=b, reden="Nieuw risico")
    services.risico_opslaan(dpia=dpia, door=b, risico=dpia.risicos.get(), gegevens={"impact": "hoog"})
    services.advies_vragen(dpia=dpia, door=b, nu=NU + timedelta(days=5))
    services.fg_advies_geven(dpia=dpia, door=b, oordeel="positief", advies="Akkoord.", nu=NU + timedelta(days=6))

    motivering = "Gemiddeld restrisico is aanvaardbaar."
    antwoord = client.post(f"/dpia/{dpia.uuid}/accepteren/", {"acc-motivering": motivering, "versie": versie})
    assert antwoord.status_code == 200
    html = antwoord.content.decode()
    meldingen = [str(m) for m in antwoord.context["messages"]]
    assert any("Niet gelukt" in m and "Iemand anders (beheerder-dpia)" in m and "status" in m for m in meldingen), (
        meldingen
    )
    assert motivering in html  # what the user typed stays in the panel
    dpia.refresh_from_db()
    assert dpia.status == "besluit" and dpia.geaccepteerd_op is None and dpia.acceptatie_motivering == ""

    antwoord = client.post(
        f"/dpia/{dpia.uuid}/accepteren/", {"acc-motivering": motivering, "versie": _versie_uit(html)}
    )
    assert antwoord.status_code == 302
    dpia.refresh_from_db()
    assert dpia.status == "afgerond" and dpia.geaccepteerd_door == tm


@pytest.mark.django_db
def test_actiepaneel_met_fouten_houdt_de_invoer_en_noemt_het_veld(wereld, client):
    dpia = maak_dpia(wereld, stap="advies")
    client.force_login(wereld["fg"])
    versie = _versie_uit(client.get(f"/dpia/{dpia.uuid}/").content.decode())
    antwoord = client.post(
        f"/dpia/{dpia.uuid}/fg-advies/", {"fg-oordeel": "voorwaarden", "fg-advies": "", "versie": versie}
    )
    assert antwoord.status_code == 200
    meldingen = [str(m) for m in antwoord.context["messages"]]
    assert meldingen == ["Niet gelukt. Advies: Dit veld is vereist."]
    html = antwoord.content.decode()
    assert re.search(r'<option value="voorwaarden" selected>', html)
    assert "Dit veld is vereist. | " not in html
    dpia.refresh_from_db()
    assert dpia.status == "advies" and dpia.fg_advies == ""

    # A condition the service checks (no field of the form) is named too.
    dpia = maak_dpia(wereld, stap="ingevuld", verwerking=None)
    client.force_login(wereld["teammanager"])
    antwoord = client.post(f"/dpia/{dpia.uuid}/heropenen/", {"heropen-reden": "Nieuwe versie"})
    assert [str(m) for m in antwoord.context["messages"]] == ["Dit kan niet bij een DPIA met status 'in uitvoering'."]


# --- the service and the API --------------------------------------------------------------------


@pytest.mark.django_db
def test_elke_beslissing_neemt_de_gelezen_versie(wereld):
    dpia = maak_dpia(wereld, stap="besluit")
    oud = versie_van(dpia)
    services.beveiligingsadvies_geven(dpia=dpia, door=wereld.beheerder, advies="Versleutel de export.")
    b = wereld.beheerder
    pogingen = [
        lambda: services.accepteren(dpia=dpia, door=b, motivering="Aanvaardbaar.", versie=oud),
        lambda: services.terugzetten(dpia=dpia, door=b, reden="x", versie=oud),
        lambda: services.raadpleging_indienen(dpia=dpia, door=b, ingediend_op=date(2026, 3, 5), versie=oud),
        lambda: services.beveiligingsadvies_geven(dpia=dpia, door=b, advies="y", versie=oud),
        lambda: services.delegeren(dpia=dpia, door=b, medewerker=wereld["medewerker"], delen=["A"], versie=oud),
    ]
    for poging in pogingen:
        with pytest.raises(VersieConflict) as fout:
            poging()
        assert fout.value.wijzigingen[0]["reden"] == "Beveiligingsadvies vastgelegd"
    dpia.refresh_from_db()
    assert dpia.status == "besluit" and dpia.beveiligingsadvies == "Versleutel de export."


@pytest.mark.django_db
def test_api_if_match_verouderd_409_actueel_200(wereld):
    dpia = maak_dpia(wereld, stap="ingevuld")
    api = _api(wereld["teammanager"])
    gelezen = api.get(f"/api/v1/dpias/{dpia.uuid}")
    etag = gelezen["ETag"]
    assert etag == f'"{versie_van(dpia)}"'

    services.titel_wijzigen(dpia=dpia, door=wereld.beheerder, titel="DPIA Wmo (herzien)")

    antwoord = api.patch(f"/api/v1/dpias/{dpia.uuid}", {"titel": "Mijn titel"}, format="json", HTTP_IF_MATCH=etag)
    assert antwoord.status_code == 409
    assert antwoord["Content-Type"] == "application/problem+json"
    body = antwoord.json()
    assert body["title"] == "Intussen gewijzigd" and body["huidigeVersie"] == versie_van(dpia)
    assert body["wijzigingen"][0]["wijzigingen"] == [
        {"veld": "titel", "oud": "DPIA " + dpia.verwerkingen.get().naam, "nieuw": "DPIA Wmo (herzien)"}
    ]
    dpia.refresh_from_db()
    assert dpia.titel == "DPIA Wmo (herzien)"

    actueel = api.get(f"/api/v1/dpias/{dpia.uuid}")["ETag"]
    antwoord = api.patch(f"/api/v1/dpias/{dpia.uuid}", {"titel": "Mijn titel"}, format="json", HTTP_IF_MATCH=actueel)
    assert antwoord.status_code == 200 and antwoord.json()["titel"] == "Mijn titel"
    assert antwoord["ETag"] != actueel and antwoord["ETag"] == f'"{versie_van(dpia)}"'

    # A decision with a stale If-Match: refused, nothing changed.
    antwoord = api.post(f"/api/v1/dpias/{dpia.uuid}/advies-vragen", format="json", HTTP_IF_MATCH=actueel)
    assert antwoord.status_code == 409 and antwoord.json()["wijzigingen"]
    assert Dpia.objects.get(pk=dpia.pk).status == "in_uitvoering"
    antwoord = api.post(
        f"/api/v1/dpias/{dpia.uuid}/advies-vragen", format="json", HTTP_IF_MATCH=antwoord.json()["huidigeVersie"]
    )
    assert antwoord.status_code == 200 and antwoord.json()["status"] == "advies"


@pytest.mark.django_db
def test_api_fout_zonder_veld_heet_non_field_errors(wereld):
    dpia = maak_dpia(wereld, stap="besluit")
    antwoord = _api(wereld["teammanager"]).post(
        f"/api/v1/dpias/{dpia.uuid}/accepteren", ["geen", "object"], format="json"
    )
    assert antwoord.status_code == 400 and antwoord["Content-Type"] == "application/problem+json"
    assert [p["name"] for p in antwoord.json()["invalidParams"]] == ["nonFieldErrors"]
    assert Dpia.objects.get(pk=dpia.pk).status == "besluit"


@pytest.mark.django_db
def test_risico_en_maatregel_hebben_hun_eigen_versie(wereld):
    """Two people working on different parts do not block each other; the same part does."""
    dpia = maak_dpia(wereld, stap="ingevuld")
    risico, maatregel = Risico.objects.get(dpia=dpia), Maatregel.objects.get(dpia=dpia)
    v_risico, v_maatregel = versie_van(risico), versie_van(maatregel)
    services.maatregel_opslaan(
        dpia=dpia, door=wereld.beheerder, maatregel=maatregel, gegevens={"toelichting": "Loopt."}, versie=v_maatregel
    )
    services.risico_opslaan(
        dpia=dpia, door=wereld.beheerder, risico=risico, gegevens={"oorsprong": "Rollen."}, versie=v_risico
    )
    with pytest.raises(VersieConflict):
        services.risico_opslaan(
            dpia=dpia, door=wereld.beheerder, risico=risico, gegevens={"oorsprong": "Anders."}, versie=v_risico
        )
    with pytest.raises(VersieConflict):
        services.maatregel_verwijderen(dpia=dpia, door=wereld.beheerder, maatregel=maatregel, versie=v_maatregel)
    assert Maatregel.objects.filter(pk=maatregel.pk).exists()
