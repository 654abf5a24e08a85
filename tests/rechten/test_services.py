"""Intake, the inwoner's own request, handling and the workflow, through the services."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from privacy_portal.core.historie import HistoryBypassError
from privacy_portal.core.workflow import OvergangNietToegestaan
from privacy_portal.notificaties.models import Notificatie
from rechten import services
from rechten.constants import BEVESTIGEN_BINNEN_DAGEN, Status, TaakStatus
from rechten.models import Verzoek
from rechten.workflow import OVERGANGEN, WORKFLOW

from .factories import gegevens, in_behandeling, moment, registreer

NU = moment(date(2026, 3, 4))


@pytest.mark.django_db
def test_registreren_slaat_deadline_en_kenmerk_op_zonder_persoonsgegevens_in_het_kenmerk(wereld):
    verzoek = registreer(door=wereld["privacy_officer"], gemeente=wereld.gemeente, teams=[wereld.team])
    assert verzoek.status == Status.ONTVANGEN
    assert verzoek.deadline == date(2026, 4, 7)  # 3 April is Goede Vrijdag, 6 April Tweede Paasdag
    assert verzoek.verlengd_tot is None and verzoek.termijn == date(2026, 4, 7)
    assert verzoek.kenmerk == f"VZ-2026-{verzoek.pk:05d}"
    assert verzoek.verwerkingsverantwoordelijke == wereld.vv  # the college decides by default
    assert list(verzoek.teams.all()) == [wereld.team]
    assert [h.history_change_reason for h in verzoek.history.order_by("history_id")] == [
        "Geregistreerd; deadline 07-04-2026",
        "Gekoppeld: betrokken teams: Burgerzaken; betrokken verwerkingen: geen",
    ]


@pytest.mark.django_db
def test_registreren_geeft_alle_fouten_tegelijk_en_slaat_niets_op(wereld):
    with pytest.raises(ValidationError) as fout:
        services.verzoek_registreren(
            door=wereld["privacy_officer"],
            gemeente=wereld.gemeente,
            gegevens=gegevens(
                soorten=["inzage", "vergeten_worden"],
                kanaal="duif",
                ontvangen_op=date(2026, 3, 5),  # tomorrow
                verzoeker_naam=" ",
                verzoeker_email="geen-adres",
                teams=[wereld.team_elders],
                onbekend_veld=1,
            ),
            nu=NU,
        )
    assert set(fout.value.message_dict) == {
        "soorten",
        "kanaal",
        "ontvangen_op",
        "verzoeker_naam",
        "verzoeker_email",
        "teams",
        "onbekend_veld",
    }
    assert "vergeten_worden" in fout.value.message_dict["soorten"][0]
    assert Verzoek.objects.count() == 0


@pytest.mark.django_db
@pytest.mark.parametrize(
    "wijziging, veld",
    [
        ({"soorten": []}, "soorten"),
        ({"verzoeker_email": "", "verzoeker_adres": ""}, "verzoeker_email"),  # where would the answer go?
        ({"ontvangen_op": None}, "ontvangen_op"),
        ({"ontvangen_op": date(2018, 5, 24)}, "ontvangen_op"),  # before the AVG
    ],
)
def test_registreren_weigert_onvolledige_verzoeken(wereld, wijziging, veld):
    with pytest.raises(ValidationError) as fout:
        services.verzoek_registreren(
            door=wereld["privacy_officer"], gemeente=wereld.gemeente, gegevens=gegevens(**wijziging), nu=NU
        )
    assert veld in fout.value.message_dict


@pytest.mark.django_db
def test_soorten_komen_in_de_volgorde_van_de_wet_en_elk_eenmaal(wereld):
    verzoek = registreer(
        door=wereld["privacy_officer"], gemeente=wereld.gemeente, soorten=["wissing", "inzage", "wissing"]
    )
    assert verzoek.soorten == ["inzage", "wissing"]


@pytest.mark.django_db
def test_teammanager_mag_niet_registreren(wereld):
    with pytest.raises(PermissionDenied):
        registreer(door=wereld["teammanager"], gemeente=wereld.gemeente)


@pytest.mark.django_db
def test_inwoner_verzoek_telt_pas_na_bevestiging_en_tweede_klik_verandert_niets(
    wereld, django_capture_on_commit_callbacks
):
    verzoek, token = services.verzoek_ontvangen_van_inwoner(
        gemeente=wereld.gemeente,
        gegevens={"soorten": ["inzage"], "verzoeker_naam": "Inge Inwoner", "verzoeker_email": "inge@example.org"},
        nu=moment(date(2026, 3, 2), 22),
    )
    assert verzoek.status == Status.ONBEVESTIGD and verzoek.kanaal == "webformulier"
    assert verzoek.ontvangen_op is None and verzoek.deadline is None
    assert token not in verzoek.bevestig_token_hash  # only the hash is stored

    with django_capture_on_commit_callbacks(execute=True):
        bevestigd = services.verzoek_bevestigen(token=token, gemeente=wereld.gemeente, nu=moment(date(2026, 3, 3), 8))
    assert bevestigd.pk == verzoek.pk and bevestigd.status == Status.ONTVANGEN
    # the day of submission counts as receipt (art. 12(3) AVG, Awb 4:13), not the click (issue 12)
    assert bevestigd.ontvangen_op == date(2026, 3, 2)
    assert bevestigd.deadline == date(2026, 4, 2)
    po = Notificatie.objects.get(ontvanger=wereld["privacy_officer"])
    assert bevestigd.kenmerk in po.onderwerp and "Inge" not in po.onderwerp + po.tekst

    nogmaals = services.verzoek_bevestigen(token=token, nu=moment(date(2026, 3, 4)))
    assert nogmaals.ontvangen_op == date(2026, 3, 2) and nogmaals.history.count() == 2


@pytest.mark.django_db
def test_inwoner_verzoek_vraagt_een_e_mailadres_en_een_bestaand_recht(wereld):
    with pytest.raises(ValidationError) as fout:
        services.verzoek_ontvangen_van_inwoner(
            gemeente=wereld.gemeente, gegevens={"soorten": ["alles"], "verzoeker_naam": "Inge"}
        )
    assert {"soorten", "verzoeker_email"} <= set(fout.value.message_dict)
    with pytest.raises(ValidationError) as fout:
        services.verzoek_ontvangen_van_inwoner(
            gemeente=wereld.gemeente,
            gegevens={
                "soorten": ["inzage"],
                "verzoeker_naam": "Inge",
                "verzoeker_adres": "Straat 1",
                "kanaal": "brief",
            },
        )
    assert set(fout.value.message_dict) == {"kanaal"}  # the channel is not the inwoner's to choose


@pytest.mark.django_db
def test_bevestigen_met_onbekende_verlopen_of_andere_gemeente_link_lukt_niet(wereld):
    verzoek, token = services.verzoek_ontvangen_van_inwoner(
        gemeente=wereld.gemeente,
        gegevens={"soorten": ["inzage"], "verzoeker_naam": "Inge", "verzoeker_email": "inge@example.org"},
        nu=NU,
    )
    for kwargs in (
        {"token": "verzonnen"},
        {"token": ""},
        {"token": token, "gemeente": wereld.andere_gemeente},
        {"token": token, "nu": NU + timedelta(days=BEVESTIGEN_BINNEN_DAGEN, seconds=1)},
    ):
        with pytest.raises(ValidationError) as fout:
            services.verzoek_bevestigen(**{"nu": NU, **kwargs})
        assert "token" in fout.value.message_dict
    verzoek.refresh_from_db()
    assert verzoek.status == Status.ONBEVESTIGD
    assert services.verzoek_bevestigen(token=token, nu=NU + timedelta(days=BEVESTIGEN_BINNEN_DAGEN)).ontvangen_op


@pytest.mark.django_db
def test_wijzigen_verandert_de_ontvangstdatum_niet_dat_is_een_correctie(wereld):
    # replaces test_wijzigen_van_de_ontvangstdatum_herberekent_de_deadline_maar_niet_na_verlenging:
    # the receipt date is no longer edited (issue 12), see test_ontvangst_correctie.py
    po = wereld["privacy_officer"]
    verzoek = registreer(door=po, gemeente=wereld.gemeente)
    with pytest.raises(ValidationError) as fout:
        services.verzoek_wijzigen(verzoek=verzoek, door=po, gegevens={"ontvangen_op": date(2026, 3, 2)}, nu=NU)
    assert "ontvangen_op" in fout.value.message_dict
    verzoek.refresh_from_db()
    assert (verzoek.ontvangen_op, verzoek.deadline) == (date(2026, 3, 3), date(2026, 4, 7))


@pytest.mark.django_db
def test_wijzigen_zet_geen_vrije_tekst_in_de_historie(wereld):
    po = wereld["privacy_officer"]
    verzoek = registreer(door=po, gemeente=wereld.gemeente)
    services.verzoek_wijzigen(
        verzoek=verzoek, door=po, gegevens={"verzoeker_naam": "Nieuwe Geheimnaam", "teams": [wereld.ander_team]}, nu=NU
    )
    reden = verzoek.history.first().history_change_reason
    assert reden.startswith("Gewijzigd: naam verzoeker, betrokken teams")
    assert "Geheimnaam" not in reden


@pytest.mark.django_db
def test_aanvullende_informatie_over_identiteit_schort_de_termijn_niet_op(wereld):
    po = wereld["privacy_officer"]
    verzoek = registreer(door=po, gemeente=wereld.gemeente)
    services.identiteit_vastleggen(
        verzoek=verzoek, door=po, gegevens={"info_gevraagd_op": date(2026, 3, 5)}, nu=moment(date(2026, 3, 5))
    )
    verzoek = services.identiteit_vastleggen(
        verzoek=verzoek,
        door=po,
        gegevens={"info_ontvangen_op": date(2026, 3, 20), "identiteit_wijze": "aanvullende_informatie"},
        nu=moment(date(2026, 3, 20)),
    )
    assert verzoek.deadline == date(2026, 4, 7)  # unchanged: 15 days of waiting are not added
    assert verzoek.identiteit_vastgesteld_op == date(2026, 3, 20)
    assert verzoek.status == Status.IN_BEHANDELING
    redenen = [h.history_change_reason for h in verzoek.history.order_by("history_id")][-2:]
    assert redenen == [
        "Aanvullende informatie gevraagd op 05-03-2026 (de termijn loopt door)",
        "Identiteit: aanvullende informatie gevraagd en ontvangen (art. 12 lid 6); "
        "aanvullende informatie ontvangen op 20-03-2026",
    ]


@pytest.mark.django_db
def test_identiteit_data_moeten_kloppen(wereld):
    po = wereld["privacy_officer"]
    verzoek = registreer(door=po, gemeente=wereld.gemeente)
    with pytest.raises(ValidationError) as fout:
        services.identiteit_vastleggen(
            verzoek=verzoek,
            door=po,
            gegevens={
                "identiteit_wijze": "telepathie",
                "info_gevraagd_op": date(2026, 3, 10),
                "info_ontvangen_op": date(2026, 3, 8),
                "identiteit_vastgesteld_op": date(2026, 3, 1),  # before receipt
            },
            nu=moment(date(2026, 3, 12)),
        )
    assert set(fout.value.message_dict) == {"identiteit_wijze", "info_ontvangen_op", "identiteit_vastgesteld_op"}
    with pytest.raises(ValidationError) as fout:
        services.identiteit_vastleggen(
            verzoek=verzoek, door=po, gegevens={"info_gevraagd_op": date(2026, 3, 13)}, nu=moment(date(2026, 3, 12))
        )
    assert "toekomst" in fout.value.message_dict["info_gevraagd_op"][0]


@pytest.mark.django_db
def test_taken_per_team_de_teammanager_rondt_af_en_de_privacy_officer_hoort_het(
    wereld, django_capture_on_commit_callbacks
):
    po, tm = wereld["privacy_officer"], wereld["teammanager"]
    verzoek = registreer(door=po, gemeente=wereld.gemeente)
    with django_capture_on_commit_callbacks(execute=True):
        taken = in_behandeling(verzoek, door=po, teams=[wereld.team, wereld.ander_team], nu=NU)
    assert [t.team for t in taken] == [wereld.team, wereld.ander_team]
    assert all(t.gemeente == wereld.gemeente for t in taken)
    melding = Notificatie.objects.get(ontvanger=tm)
    assert (
        melding.link == f"/verzoeken/taken/{taken[0].uuid}/" and "Geheimnaam" not in melding.onderwerp + melding.tekst
    )

    with pytest.raises(ValidationError):  # the same team cannot get a second open task
        services.taken_toewijzen(verzoek=verzoek, door=po, teams=[wereld.team], omschrijving="Nog een keer")
    with pytest.raises(PermissionDenied):  # not their team
        services.taak_afronden(taak=taken[1], door=tm, resultaat="Gedaan")
    with pytest.raises(PermissionDenied):  # the privacy officer coordinates, the team executes
        services.taak_afronden(taak=taken[0], door=po, resultaat="Gedaan")
    with pytest.raises(ValidationError):
        services.taak_afronden(taak=taken[0], door=tm, resultaat=" ")
    with django_capture_on_commit_callbacks(execute=True):
        services.taak_afronden(taak=taken[0], door=tm, resultaat="Drie documenten gevonden", nu=NU)
    assert (
        "Er staan nog 1 taken open."
        in Notificatie.objects.get(ontvanger=po, mijlpaal__mijlpaal__startswith="stap:afgerond").tekst
    )
    with pytest.raises(OvergangNietToegestaan):
        services.taak_afronden(taak=taken[0], door=tm, resultaat="Nog eens")
    services.taak_intrekken(taak=taken[1], door=po, reden="Verkeerd team")
    taken[1].refresh_from_db()
    assert taken[1].status == TaakStatus.VERVALLEN


@pytest.mark.django_db
def test_toewijzen_vraagt_vastgestelde_identiteit_afgeronde_taken_en_art_19(wereld):
    po, tm = wereld["privacy_officer"], wereld["teammanager"]
    verzoek = registreer(door=po, gemeente=wereld.gemeente, soorten=["rectificatie"])
    taak = services.taken_toewijzen(verzoek=verzoek, door=po, teams=[wereld.team], omschrijving="Adres aanpassen")[0]
    with pytest.raises(ValidationError) as fout:
        services.verzoek_afhandelen(verzoek=verzoek, door=po, uitkomst="toegewezen", toelichting="Aangepast", nu=NU)
    assert set(fout.value.message_dict) == {"identiteit_wijze", "taken", "kennisgevingen"}

    services.identiteit_vastleggen(verzoek=verzoek, door=po, gegevens={"identiteit_wijze": "digid"}, nu=NU)
    services.taak_afronden(taak=taak, door=tm, resultaat="Adres aangepast", nu=NU)
    services.kennisgeving_vastleggen(
        verzoek=verzoek, door=po, ontvanger="Belastingdienst", geinformeerd_op=date(2026, 3, 4), nu=NU
    )
    verzoek = services.verzoek_afhandelen(
        verzoek=verzoek, door=po, uitkomst="toegewezen", toelichting="Wij hebben uw adres aangepast.", nu=NU
    )
    assert verzoek.status == Status.AFGEHANDELD and verzoek.besloten_op == date(2026, 3, 4) and verzoek.op_tijd
    assert verzoek.afgesloten_op == NU
    with pytest.raises(OvergangNietToegestaan):
        services.verzoek_afhandelen(verzoek=verzoek, door=po, uitkomst="afgewezen", grond="anders", toelichting="x")


@pytest.mark.django_db
def test_afwijzen_vraagt_een_grond_en_laat_open_taken_vervallen(wereld):
    po = wereld["privacy_officer"]
    verzoek = registreer(door=po, gemeente=wereld.gemeente)
    taak = services.taken_toewijzen(verzoek=verzoek, door=po, teams=[wereld.team], omschrijving="Zoeken")[0]
    with pytest.raises(ValidationError) as fout:
        services.verzoek_afhandelen(verzoek=verzoek, door=po, uitkomst="afgewezen", toelichting="", nu=NU)
    assert set(fout.value.message_dict) == {"grond", "toelichting"}
    with pytest.raises(ValidationError) as fout:
        services.verzoek_afhandelen(verzoek=verzoek, door=po, uitkomst="ingetrokken", grond="art_23", toelichting="x")
    assert set(fout.value.message_dict) == {"grond"}
    services.verzoek_afhandelen(
        verzoek=verzoek, door=po, uitkomst="afgewezen", grond="kennelijk_ongegrond", toelichting="Geen gegevens", nu=NU
    )
    taak.refresh_from_db()
    assert taak.status == TaakStatus.VERVALLEN


@pytest.mark.django_db
def test_art_19_hoort_alleen_bij_rectificatie_wissing_en_beperking(wereld):
    po = wereld["privacy_officer"]
    verzoek = registreer(door=po, gemeente=wereld.gemeente, soorten=["inzage"])
    with pytest.raises(ValidationError) as fout:
        services.kennisgeving_vastleggen(
            verzoek=verzoek, door=po, ontvanger="UWV", geinformeerd_op=date(2026, 3, 4), nu=NU
        )
    assert "soorten" in fout.value.message_dict
    wissing = registreer(door=po, gemeente=wereld.gemeente, soorten=["wissing"])
    services.geen_ontvangers_vastleggen(verzoek=wissing, door=po, toelichting="Nooit verstrekt")
    wissing.refresh_from_db()
    assert wissing.ontvangers_toelichting == "Nooit verstrekt"


def test_de_overgangentabel_laat_na_afhandelen_alleen_kennisgeving_en_anonimiseren_toe():
    na_afhandelen = {actie for actie, (van, _naar) in OVERGANGEN.items() if Status.AFGEHANDELD in van}
    assert na_afhandelen == {"kennisgeving", "anonimiseren"}
    assert WORKFLOW.controleer("bevestigen", Status.ONBEVESTIGD) == Status.ONTVANGEN
    with pytest.raises(OvergangNietToegestaan, match="wacht op bevestiging"):
        WORKFLOW.controleer("verlengen", Status.ONBEVESTIGD)


@pytest.mark.django_db
def test_verzoeken_en_taken_weigeren_bulk_writes(wereld):
    registreer(door=wereld["privacy_officer"], gemeente=wereld.gemeente)
    with pytest.raises(HistoryBypassError):
        Verzoek.objects.update(status=Status.AFGEHANDELD)
