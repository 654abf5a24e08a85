"""Art. 15(1)-(3) AVG: the decision on an inzage request carries, per verwerking the request concerns,
the purposes, categories, recipients (third countries with safeguards), retention, source and
automated decision-making, plus the rights, the complaint to the AP and how the copy is provided.
Prefilled from the approved version of each verwerking and stored on the decision; the privacy
officer edits (with history), and linking verwerkingen later never throws those edits away."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from privacy_portal.core.historie import historie_samengevoegd
from privacy_portal.core.schrijven import VersieConflict, versie_van
from privacy_portal.core.workflow import OvergangNietToegestaan
from rechten import services
from rechten.models import InzageInformatie, InzageOnderdeel
from rechten.reports import brief_pdf
from registers import services as register_services
from registers.constants import Status as RegisterStatus

from ..factories import collega_van, maak_verwerking
from .factories import moment, registreer
from .test_brieven import _bewaar

BESLUIT = moment(date(2026, 3, 24))


def _verwerking(wereld, **extra):
    return maak_verwerking(
        team=wereld.team,
        vv=wereld.vv,
        door=wereld["privacy_officer"],
        goedkeurder=wereld["privacy_officer"],
        status=RegisterStatus.VASTGESTELD,
        **extra,
    )


def _inzage(wereld, verwerkingen, **extra):
    """An inzage request on the given verwerkingen, identity established, ready for a decision."""
    po = wereld["privacy_officer"]
    verzoek = registreer(door=po, gemeente=wereld.gemeente, verwerkingen=verwerkingen, **extra)
    services.identiteit_vastleggen(
        verzoek=verzoek, door=po, gegevens={"identiteit_wijze": "balie"}, nu=moment(date(2026, 3, 4))
    )
    return verzoek


def _toewijzen(wereld, verzoek):
    return services.verzoek_afhandelen(
        verzoek=verzoek,
        door=wereld["privacy_officer"],
        uitkomst="toegewezen",
        toelichting="U krijgt een kopie van uw gegevens.",
        nu=BESLUIT,
    )


def _brief(verzoek):
    verzoek.refresh_from_db()
    return brief_pdf("besluit", verzoek, gegenereerd_door="Priya Officier", nu=BESLUIT)


@pytest.mark.django_db
def test_art15_1_a_b_d_brief_noemt_doeleinden_gegevens_en_bewaartermijn_uit_de_vastgestelde_versie(wereld):
    verwerking = _verwerking(
        wereld,
        naam="Uitkeringen Participatiewet",
        doeleinden="Beoordelen of u recht heeft op een uitkering.",
        categorieen_persoonsgegevens="Naam, adres, inkomen en vermogen.",
        bijzondere_categorieen=["gezondheid"],
        bewaartermijn="Tien jaar na het einde van de uitkering.",
    )
    # a change that is not approved yet does not reach the letter
    register_services.verwerking_wijzigen(
        verwerking=verwerking,
        door=wereld["privacy_officer"],
        gegevens={"doeleinden": "CONCEPT-DOEL-NIET-VASTGESTELD"},
    )
    verzoek = _toewijzen(wereld, _inzage(wereld, [verwerking]))
    pdf, html = _brief(verzoek)
    _bewaar("besluitbrief-inzage", pdf)
    for tekst in (
        "Welke gegevens hebben wij van u?",
        "Uitkeringen Participatiewet",
        "Waarvoor gebruiken wij uw gegevens?",
        "Beoordelen of u recht heeft op een uitkering.",
        "Naam, adres, inkomen en vermogen.",
        "bijzondere persoonsgegevens: gezondheid",
        "Hoe lang bewaren wij uw gegevens?",
        "Tien jaar na het einde van de uitkering.",
    ):
        assert tekst in html, tekst
    assert "CONCEPT-DOEL-NIET-VASTGESTELD" not in html
    assert "GEHEIM-INTERN-NOTITIE" not in html  # the internal note never goes to the requester


@pytest.mark.django_db
def test_art15_1_c_brief_noemt_ontvangers_uit_de_verwerking(wereld):
    verwerking = _verwerking(
        wereld, ontvangers="Het UWV en de Belastingdienst.", verwerkers="Suite4Sociaal B.V. (applicatiebeheer)"
    )
    _pdf, html = _brief(_toewijzen(wereld, _inzage(wereld, [verwerking])))
    assert "Wie krijgen uw gegevens?" in html
    assert "Het UWV en de Belastingdienst." in html
    # processors are recipients too (art. 4(9) AVG)
    assert "Suite4Sociaal B.V." in html


@pytest.mark.django_db
def test_art15_2_brief_noemt_doorgifte_buiten_de_eer_met_waarborgen(wereld):
    met = _verwerking(
        wereld,
        naam="Klantcontact in de cloud",
        doorgifte_buiten_eer=True,
        doorgifte_waarborgen="Verenigde Staten: EU-VS Data Privacy Framework.",
    )
    zonder = _verwerking(wereld, naam="Basisregistratie Personen")
    _pdf, html = _brief(_toewijzen(wereld, _inzage(wereld, [met, zonder])))
    assert "Verenigde Staten: EU-VS Data Privacy Framework." in html
    assert "Ja. Wij geven deze gegevens door aan landen buiten de Europese Economische Ruimte" in html
    assert "Nee. Wij geven deze gegevens niet door aan landen buiten de Europese Economische Ruimte" in html


@pytest.mark.django_db
def test_art15_1_e_f_brief_noemt_de_rechten_en_de_klacht_bij_de_ap(wereld):
    _pdf, html = _brief(_toewijzen(wereld, _inzage(wereld, [_verwerking(wereld)])))
    rechten = ("te verbeteren", "te verwijderen", "het gebruik ervan te beperken", "bezwaar maken tegen het gebruik")
    for tekst in rechten:
        assert tekst in html, tekst
    assert "klacht in te dienen bij de Autoriteit Persoonsgegevens" in html


@pytest.mark.django_db
def test_art15_1_g_brief_noemt_de_herkomst_van_de_gegevens(wereld):
    verwerking = _verwerking(wereld, herkomst="De Basisregistratie Personen en het UWV.")
    _pdf, html = _brief(_toewijzen(wereld, _inzage(wereld, [verwerking])))
    assert "Waar komen uw gegevens vandaan?" in html
    assert "De Basisregistratie Personen en het UWV." in html


@pytest.mark.django_db
def test_art15_1_h_geautomatiseerde_besluitvorming_vraagt_uitleg_over_de_logica(wereld):
    verwerking = _verwerking(wereld, naam="Risicoscore bijstand", geautomatiseerde_besluitvorming=True)
    verzoek = _inzage(wereld, [verwerking])
    po = wereld["privacy_officer"]
    sleutel = str(verwerking.uuid)
    with pytest.raises(ValidationError) as fout:
        services.inzage_informatie_opslaan(verzoek=verzoek, door=po, gegevens={"onderdelen": {sleutel: {}}})
    assert f"onderdelen.{sleutel}.logica" in fout.value.message_dict
    assert not InzageInformatie.objects.filter(verzoek=verzoek).exists()  # nothing half-saved

    uitleg = "Een computer vergelijkt uw inkomen met dat van vorig jaar. Bij een groot verschil kijkt een medewerker."
    services.inzage_informatie_opslaan(verzoek=verzoek, door=po, gegevens={"onderdelen": {sleutel: {"logica": uitleg}}})
    _pdf, html = _brief(_toewijzen(wereld, verzoek))
    assert "Beslist een computer over u?" in html
    assert "Ja. Bij deze verwerking gebruiken wij profilering" in html
    assert uitleg in html


@pytest.mark.django_db
@pytest.mark.parametrize(
    "kanaal, vorm", [("email", "elektronisch"), ("webformulier", "elektronisch"), ("brief", "papier")]
)
def test_art15_3_kopie_elektronisch_als_het_verzoek_elektronisch_kwam(wereld, kanaal, vorm):
    verzoek = _toewijzen(wereld, _inzage(wereld, [_verwerking(wereld)], kanaal=kanaal))
    assert verzoek.inzage_informatie.kopie_vorm == vorm
    _pdf, html = _brief(verzoek)
    assert "Hoe krijgt u de kopie van uw gegevens?" in html
    assert ("pdf-bestand" in html) == (vorm == "elektronisch")


@pytest.mark.django_db
def test_art15_3_elektronisch_verzoek_krijgt_papier_alleen_als_de_verzoeker_dat_vroeg(wereld):
    verzoek = _inzage(wereld, [_verwerking(wereld)], kanaal="email")
    po = wereld["privacy_officer"]
    with pytest.raises(ValidationError) as fout:
        services.inzage_informatie_opslaan(verzoek=verzoek, door=po, gegevens={"kopie_vorm": "papier"})
    assert "kopie_reden" in fout.value.message_dict
    inzage = services.inzage_informatie_opslaan(
        verzoek=verzoek,
        door=po,
        gegevens={"kopie_vorm": "papier", "kopie_reden": "De verzoeker vroeg aan de telefoon om papier."},
    )
    assert inzage.kopie_vorm == "papier"


@pytest.mark.django_db
def test_art15_besluit_legt_de_informatie_vast_zodat_een_latere_versie_de_brief_niet_verandert(wereld):
    verwerking = _verwerking(wereld, bewaartermijn="Vijf jaar.")
    verzoek = _toewijzen(wereld, _inzage(wereld, [verwerking]))
    (onderdeel,) = verzoek.inzage_informatie.onderdelen.all()
    assert onderdeel.versie == verwerking.gepubliceerde_versie and onderdeel.bewaartermijn == "Vijf jaar."
    # the verwerking is changed and approved again after the decision
    po = wereld["privacy_officer"]
    register_services.verwerking_wijzigen(verwerking=verwerking, door=po, gegevens={"bewaartermijn": "Twintig jaar."})
    verwerking.refresh_from_db()
    register_services.verwerking_indienen(verwerking=verwerking, door=po)
    register_services.verwerking_goedkeuren(verwerking=verwerking, door=collega_van(po))  # four eyes
    _pdf, html = _brief(verzoek)
    assert "Vijf jaar." in html and "Twintig jaar." not in html


@pytest.mark.django_db
def test_art15_privacy_officer_past_de_tekst_aan_en_dat_staat_in_de_historie(wereld):
    verwerking = _verwerking(wereld)
    verzoek = _inzage(wereld, [verwerking])
    po = wereld["privacy_officer"]
    inzage = services.inzage_informatie_opslaan(
        verzoek=verzoek,
        door=po,
        gegevens={"onderdelen": {str(verwerking.uuid): {"bewaartermijn": "Uw gegevens blijven altijd bewaard."}}},
    )
    onderdeel = inzage.onderdelen.get()
    assert onderdeel.bewerkt and onderdeel.bewaartermijn == "Uw gegevens blijven altijd bewaard."
    regels = historie_samengevoegd(*verzoek.historie_delen())
    wijzigingen = [w for r in regels for w in r["wijzigingen"]]
    assert any("Uw gegevens blijven altijd bewaard." in str(w.get("nieuw")) for w in wijzigingen)
    assert any("Inzage-informatie (art. 15) aangepast" in (r["reden"] or "") for r in regels)
    # the decision keeps the edited text (it is not prefilled again)
    _pdf, html = _brief(_toewijzen(wereld, verzoek))
    assert "Uw gegevens blijven altijd bewaard." in html


@pytest.mark.django_db
def test_art15_loskoppelen_gooit_aangepaste_tekst_niet_weg(wereld):
    eerste = _verwerking(wereld, naam="Basisregistratie Personen")
    tweede = _verwerking(wereld, naam="Parkeervergunningen", doeleinden="Vergunningen geven.")
    verzoek = _inzage(wereld, [eerste])
    po = wereld["privacy_officer"]
    sleutel = str(eerste.uuid)
    services.inzage_informatie_opslaan(
        verzoek=verzoek, door=po, gegevens={"onderdelen": {sleutel: {"doeleinden": "MIJN EIGEN UITLEG"}}}
    )
    services.verzoek_wijzigen(verzoek=verzoek, door=po, gegevens={"verwerkingen": [tweede]})
    onderdelen = {o.verwerking_id: o for o in InzageOnderdeel.objects.filter(inzage__verzoek=verzoek)}
    assert onderdelen[eerste.pk].doeleinden == "MIJN EIGEN UITLEG" and not onderdelen[eerste.pk].gekoppeld
    assert onderdelen[tweede.pk].gekoppeld and onderdelen[tweede.pk].doeleinden == "Vergunningen geven."
    # linked again: the edited text is back, not a new prefill
    services.verzoek_wijzigen(verzoek=verzoek, door=po, gegevens={"verwerkingen": [eerste, tweede]})
    _pdf, html = _brief(_toewijzen(wereld, verzoek))
    assert "MIJN EIGEN UITLEG" in html and "Vergunningen geven." in html


@pytest.mark.django_db
def test_art15_tekst_ligt_vast_na_verzending_en_alleen_wie_besluit_past_hem_aan(wereld):
    verwerking = _verwerking(wereld)
    verzoek = _inzage(wereld, [verwerking])
    with pytest.raises(PermissionDenied):
        services.inzage_informatie_opslaan(verzoek=verzoek, door=wereld["teammanager"], gegevens={})
    verzoek = _toewijzen(wereld, verzoek)
    services.besluitbrief_verzonden(
        verzoek=verzoek, door=wereld["privacy_officer"], verzonden_op=date(2026, 3, 24), nu=BESLUIT
    )
    with pytest.raises(OvergangNietToegestaan):
        services.inzage_informatie_opslaan(
            verzoek=verzoek, door=wereld["privacy_officer"], gegevens={"rechten_tekst": "Anders"}
        )


@pytest.mark.django_db
def test_art15_tweede_opslag_met_oude_versie_wordt_geweigerd(wereld):
    verzoek = _inzage(wereld, [_verwerking(wereld)])
    po = wereld["privacy_officer"]
    inzage = services.inzage_informatie_opslaan(verzoek=verzoek, door=po, gegevens={}, versie=0)
    gezien = versie_van(inzage)
    services.inzage_informatie_opslaan(verzoek=verzoek, door=po, gegevens={"klacht_tekst": "Eerst"}, versie=gezien)
    with pytest.raises(VersieConflict):
        services.inzage_informatie_opslaan(verzoek=verzoek, door=po, gegevens={"klacht_tekst": "Later"}, versie=gezien)


@pytest.mark.django_db
def test_art15_bewaartermijn_anonimiseert_ook_de_inzage_informatie(wereld):
    verwerking = _verwerking(wereld)
    verzoek = _inzage(wereld, [verwerking], kanaal="email")
    po = wereld["privacy_officer"]
    services.inzage_informatie_opslaan(
        verzoek=verzoek,
        door=po,
        gegevens={"kopie_vorm": "papier", "kopie_reden": "Mevrouw Geheimnaam wil papier."},
    )
    verzoek = _toewijzen(wereld, verzoek)
    services.verzoek_anonimiseren(verzoek=verzoek)
    historie = InzageInformatie.history.filter(verzoek_id=verzoek.pk)
    assert not any("Geheimnaam" in h.kopie_reden for h in historie)


@pytest.mark.django_db
def test_art15_pagina_vult_in_uit_het_register_en_slaat_aanpassingen_op(client, wereld):
    verwerking = _verwerking(wereld, naam="Basisregistratie Personen", bewaartermijn="Permanent.")
    verzoek = _inzage(wereld, [verwerking])
    client.force_login(wereld["privacy_officer"])
    pagina = client.get(f"/verzoeken/{verzoek.uuid}/inzage/")
    assert pagina.status_code == 200
    tekst = pagina.content.decode()
    assert "Ingevuld uit versie 1" in tekst and "Permanent." in tekst
    assert "Zo staat het in de besluitbrief" in tekst

    form = pagina.context["form"]
    data = {naam: waarde for naam, waarde in form.initial.items() if waarde not in (None, False)}
    data["versie"] = 0
    sleutel = f"onderdelen.{verwerking.uuid}"
    data[f"{sleutel}.bewaartermijn"] = "Tot uw honderdste verjaardag."
    data[f"{sleutel}.doeleinden"] = ""
    fout = client.post(f"/verzoeken/{verzoek.uuid}/inzage/", data)
    assert fout.status_code == 200
    assert "Schrijf op waarvoor de gemeente de gegevens gebruikt" in fout.content.decode()
    assert not InzageInformatie.objects.filter(verzoek=verzoek).exists()

    data[f"{sleutel}.doeleinden"] = "Bijhouden wie in de gemeente woont."
    antwoord = client.post(f"/verzoeken/{verzoek.uuid}/inzage/", data)
    assert antwoord.status_code == 302
    onderdeel = InzageOnderdeel.objects.get(inzage__verzoek=verzoek)
    assert onderdeel.bewaartermijn == "Tot uw honderdste verjaardag." and onderdeel.bewerkt
    assert "Tot uw honderdste verjaardag." in client.get(f"/verzoeken/{verzoek.uuid}/inzage/").content.decode()

    client.force_login(wereld["teammanager"])
    assert client.post(f"/verzoeken/{verzoek.uuid}/inzage/", data).status_code in (403, 404)


@pytest.mark.django_db
def test_art15_api_toont_de_inzage_informatie_bij_het_besluit(client, wereld):
    verwerking = _verwerking(wereld, ontvangers="Het UWV.")
    verzoek = _toewijzen(wereld, _inzage(wereld, [verwerking]))
    client.force_login(wereld["privacy_officer"])
    data = client.get(f"/api/v1/verzoeken/{verzoek.uuid}").json()
    informatie = data["inzageInformatie"]
    assert informatie["opgeslagen"] is True and informatie["kopieVorm"] == "papier"
    (onderdeel,) = informatie["onderdelen"]
    assert onderdeel["verwerking"] == str(verwerking.uuid)
    assert onderdeel["versie"] == str(verwerking.gepubliceerde_versie.uuid)
    assert onderdeel["ontvangers"] == (
        "Het UWV.\n\nDeze bedrijven werken in onze opdracht met de gegevens (verwerkers): Leverancier X B.V."
    )
    lijst = client.get("/api/v1/verzoeken?open=false").json()
    assert lijst["results"][0]["inzageInformatie"]["onderdelen"][0]["naam"] == verwerking.naam


@pytest.mark.django_db
def test_art15_wijzigen_pagina_zegt_dat_aangepaste_tekst_bewaard_blijft_bij_loskoppelen(client, wereld):
    eerste = _verwerking(wereld, naam="Basisregistratie Personen")
    tweede = _verwerking(wereld, naam="Parkeervergunningen")
    verzoek = _inzage(wereld, [eerste, tweede])
    po = wereld["privacy_officer"]
    services.inzage_informatie_opslaan(
        verzoek=verzoek, door=po, gegevens={"onderdelen": {str(eerste.uuid): {"doeleinden": "MIJN EIGEN UITLEG"}}}
    )
    client.force_login(po)
    velden = {
        "soorten": verzoek.soorten,
        "kanaal": verzoek.kanaal,
        "ontvangen_op": verzoek.ontvangen_op.isoformat(),
        "verzoeker_naam": verzoek.verzoeker_naam,
        "verzoeker_adres": verzoek.verzoeker_adres,
        "verwerkingen": [tweede.pk],
    }
    antwoord = client.post(f"/verzoeken/{verzoek.uuid}/wijzigen/", velden, follow=True)
    inhoud = antwoord.content.decode()
    assert "Uw aangepaste tekst voor de besluitbrief bij Basisregistratie Personen is bewaard" in inhoud
    inzage_pagina = client.get(f"/verzoeken/{verzoek.uuid}/inzage/").content.decode()
    assert "Aangepaste tekst bewaard bij verwerkingen die niet meer bij het verzoek horen" in inzage_pagina
    assert InzageOnderdeel.objects.get(verwerking=eerste).doeleinden == "MIJN EIGEN UITLEG"


@pytest.mark.django_db
def test_art15_api_past_de_inzage_informatie_aan_en_meldt_elke_fout(client, wereld):
    verwerking = _verwerking(wereld, geautomatiseerde_besluitvorming=True)
    verzoek = _inzage(wereld, [verwerking])
    client.force_login(wereld["privacy_officer"])
    url = f"/api/v1/verzoeken/{verzoek.uuid}/inzage-informatie"
    sleutel = str(verwerking.uuid)
    fout = client.post(url, {"onderdelen": {sleutel: {"doeleinden": ""}}}, content_type="application/json")
    assert fout.status_code == 400 and fout["Content-Type"].startswith("application/problem+json")
    namen = {p["name"] for p in fout.json()["invalidParams"]}
    assert {f"onderdelen.{sleutel}.doeleinden", f"onderdelen.{sleutel}.logica"} <= namen
    assert not InzageInformatie.objects.filter(verzoek=verzoek).exists()

    goed = client.post(
        url,
        {"kopieVorm": "balie", "onderdelen": {sleutel: {"logica": "Een computer rekent een risicoscore uit."}}},
        content_type="application/json",
    )
    assert goed.status_code == 200
    informatie = goed.json()["inzageInformatie"]
    assert informatie["kopieVorm"] == "balie" and informatie["opgeslagen"] is True
    assert informatie["onderdelen"][0]["logica"] == "Een computer rekent een risicoscore uit."
    assert informatie["onderdelen"][0]["bewerkt"] is True

    client.force_login(wereld["teammanager"])
    assert client.post(url, {}, content_type="application/json").status_code in (403, 404)


@pytest.mark.django_db
def test_art15_1_brief_die_inzage_geeft_gaat_niet_uit_zonder_verwerking_of_met_lege_onderdelen(wereld):
    po = wereld["privacy_officer"]
    zonder = _toewijzen(wereld, _inzage(wereld, []))
    with pytest.raises(ValidationError, match="noemt geen verwerking"):
        services.besluitbrief_verzonden(verzoek=zonder, door=po, verzonden_op=date(2026, 3, 24), nu=BESLUIT)

    # a verwerking without an approved version fills nothing in: purposes etc. are empty
    leeg = maak_verwerking(team=wereld.team, vv=wereld.vv, door=po, status=RegisterStatus.CONCEPT)
    onvolledig = _toewijzen(wereld, _inzage(wereld, [leeg]))
    with pytest.raises(ValidationError, match="niet compleet"):
        services.besluitbrief_verzonden(verzoek=onvolledig, door=po, verzonden_op=date(2026, 3, 24), nu=BESLUIT)
    onvolledig.refresh_from_db()
    assert onvolledig.verzonden_op is None
