"""The dashboard sources of the betrokkenenverzoeken, the DPIA-register and the agreements register.

Data made through the real services of each app; every source is called directly at a fixed `nu`
(NU: Friday 25 September 2026 12:00, third quarter) and its counts checked.
"""

from datetime import UTC, date, datetime

import pytest

from dpia import services as dpia_services
from dpia.dashboard import dpias
from overeenkomsten.constants import Soort
from overeenkomsten.dashboard import overeenkomsten
from privacy_portal.core.dashboard import Periode
from rechten import services as rechten_services
from rechten.dashboard import verzoeken
from registers.constants import Status as VerwerkingStatus

from ..dpia.factories import maak_dpia
from ..factories import alle_rollen, maak_verwerking
from ..overeenkomsten.hulp import alle_clausules, maak_overeenkomst
from ..rechten.factories import moment, registreer
from .conftest import NU


def _cijfers(secties):
    (sectie,) = secties
    return sectie, {c.sleutel: c for c in sectie.cijfers}


# --- betrokkenenverzoeken -------------------------------------------------------------------------


@pytest.fixture
def verzoeken_data(wereld, po_elders):
    po = wereld["privacy_officer"]

    def afwijzen(verzoek, dag):
        return rechten_services.verzoek_afhandelen(
            verzoek=verzoek,
            door=po,
            uitkomst="afgewezen",
            grond="kennelijk_ongegrond",
            toelichting="Nee",
            nu=moment(dag),
        )

    v = {
        "deze_week": registreer(door=po, gemeente=wereld.gemeente, ontvangen_op=date(2026, 9, 1)),
        "te_laat": registreer(door=po, gemeente=wereld.gemeente, ontvangen_op=date(2026, 7, 1)),
        "op_tijd": registreer(door=po, gemeente=wereld.gemeente, ontvangen_op=date(2026, 7, 15)),
        "laat_beantwoord": registreer(door=po, gemeente=wereld.gemeente, ontvangen_op=date(2026, 2, 2)),
        "verlengd": registreer(door=po, gemeente=wereld.gemeente, ontvangen_op=date(2026, 9, 10)),
        "elders": registreer(door=po_elders, gemeente=wereld.andere_gemeente, ontvangen_op=date(2026, 9, 1)),
    }
    afwijzen(v["op_tijd"], date(2026, 7, 20))
    afwijzen(v["laat_beantwoord"], date(2026, 4, 20))
    rechten_services.verzoek_verlengen(
        verzoek=v["verlengd"], door=po, reden="Veel gegevens", nu=moment(date(2026, 9, 15))
    )
    # Not confirmed by the inwoner: never counted.
    rechten_services.verzoek_ontvangen_van_inwoner(
        gemeente=wereld.gemeente,
        gegevens={"soorten": ["inzage"], "verzoeker_naam": "Inge Geheim", "verzoeker_email": "inge@example.org"},
        nu=moment(date(2026, 9, 24)),
    )
    return v


@pytest.mark.django_db
def test_verzoeken_telt_open_termijnen_en_afhandeling(wereld, verzoeken_data):
    assert verzoeken_data["deze_week"].deadline <= date(2026, 10, 2)  # within 7 days of NU
    sectie, c = _cijfers(verzoeken([wereld.gemeente], NU, met_details=True))
    assert sectie.sleutel == "verzoeken" and sectie.titel == "Betrokkenenverzoeken"
    assert {k: c[f"verzoeken_{k}"].waarde for k in ("open", "deze_week", "te_laat", "verlengd_open")} == {
        "open": 3,
        "deze_week": 1,
        "te_laat": 1,
        "verlengd_open": 1,
    }
    kwartaal = {
        k: c[f"kwartaal_verzoeken_{k}"].waarde for k in ("ontvangen", "afgehandeld", "op_tijd", "te_laat", "verlengd")
    }
    assert kwartaal == {"ontvangen": 4, "afgehandeld": 1, "op_tijd": 1, "te_laat": 0, "verlengd": 1}
    jaar = {k: c[f"jaar_verzoeken_{k}"].waarde for k in ("ontvangen", "afgehandeld", "op_tijd", "te_laat", "verlengd")}
    assert jaar == {"ontvangen": 5, "afgehandeld": 2, "op_tijd": 1, "te_laat": 1, "verlengd": 1}
    (trend,) = sectie.trends
    assert trend.kwartalen[-3:] == ["2026 K1", "2026 K2", "2026 K3"]
    ontvangen, afgehandeld = trend.reeksen
    assert ontvangen.waarden == [0, 0, 0, 0, 0, 1, 0, 4]
    assert afgehandeld.waarden == [0, 0, 0, 0, 0, 0, 1, 1]
    assert c["verzoeken_open"].link == "/verzoeken/?gemeente=voorbeeldstad"
    assert c["verzoeken_te_laat"].link == "/verzoeken/?gemeente=voorbeeldstad&termijn=verstreken"
    assert sectie.stand["aantal"] == 6  # the stored rows, the unconfirmed one included

    # Both gemeenten: the other one's open request counts too.
    _, beide = _cijfers(verzoeken([wereld.gemeente, wereld.andere_gemeente], NU, met_details=False))
    assert beide["verzoeken_open"].waarde == 4 and beide["verzoeken_deze_week"].waarde == 2
    assert all(cijfer.link == "" for cijfer in beide.values())


@pytest.mark.django_db
def test_verzoeken_in_een_periode(wereld, verzoeken_data):
    periode = Periode(date(2026, 4, 1), date(2026, 6, 30))
    sectie, c = _cijfers(verzoeken([wereld.gemeente], NU, met_details=False, periode=periode))
    assert c["periode_verzoeken_ontvangen"].waarde == 0
    assert c["periode_verzoeken_afgehandeld"].waarde == 1 and c["periode_verzoeken_te_laat"].waarde == 1
    assert "kwartaal_verzoeken_ontvangen" not in c
    assert sectie.trends[0].kwartalen == ["2025 K3", "2025 K4", "2026 K1", "2026 K2"]


# --- DPIA's ---------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_dpia_telt_uitkomsten_statussen_maatregelen_en_hercontroles(wereld):
    wereld.beheerder = alle_rollen("beheerder-dpia", wereld.gemeente, wereld.andere_gemeente)
    maak_dpia(wereld, stap="prescan")
    maak_dpia(wereld, stap="in_uitvoering")
    maak_dpia(wereld, stap="ingevuld")  # an open measure due 1 April 2026
    afgerond = maak_dpia(wereld, stap="afgerond")  # re-check in 2029
    oud = maak_dpia(wereld, stap="afgerond", nu=datetime(2023, 3, 1, 9, tzinfo=UTC))  # re-check due in March 2026
    maak_dpia(wereld, stap="prescan", plek="andere_gemeente")
    dpia_services.herbeoordeling_markeren(dpia=afgerond, reden="Nieuw doel in het register", nu=NU)

    sectie, c = _cijfers(dpias([wereld.gemeente], NU, met_details=True))
    assert sectie.sleutel == "dpia" and sectie.titel == "DPIA's"
    assert oud.hercontrole_op <= NU.date() < afgerond.hercontrole_op
    assert c["dpias"].waarde == 5 and c["dpias_lopend"].waarde == 3
    assert c["prescan_vereist"].waarde == 4 and c["prescan_open"].waarde == 1
    assert c["prescan_verplicht"].waarde == c["prescan_niet_nodig"].waarde == 0
    assert c["dpias_prescan"].waarde == 1 and c["dpias_in_uitvoering"].waarde == 2
    assert c["dpias_afgerond"].waarde == 2
    assert (
        c["dpia_maatregelen_verlopen"].waarde == 3
    )  # each DPIA past 'ingevuld' has a planned measure due 1 April 2026 (DPIAs are counted)
    assert c["dpia_hercontrole"].waarde == 1 and c["dpia_herbeoordeling"].waarde == 1
    assert c["prescan_vereist"].link == "/dpia/?gemeente=voorbeeldstad&uitkomst=vereist"
    assert c["dpia_hercontrole"].link == "/dpia/?gemeente=voorbeeldstad&aandacht=hercontrole"

    _, beide = _cijfers(dpias([wereld.gemeente, wereld.andere_gemeente], NU, met_details=False))
    assert beide["dpias"].waarde == 6 and beide["prescan_open"].waarde == 2
    assert all(cijfer.link == "" for cijfer in beide.values())


# --- verwerkersovereenkomsten ---------------------------------------------------------------------


@pytest.mark.django_db
def test_overeenkomsten_telt_reviews_einde_clausules_en_dekking(wereld):
    tm, po = wereld["teammanager"], wereld["privacy_officer"]

    def verwerking(naam, **extra):
        return maak_verwerking(
            team=wereld.team,
            vv=wereld.vv,
            door=po,
            goedkeurder=po,
            status=VerwerkingStatus.VASTGESTELD,
            naam=naam,
            **extra,
        )

    gedekt = verwerking("Gedekt")
    verwerking("Verwerker zonder overeenkomst")
    verwerking("Zonder verwerker", verwerkers="")

    # Review due 1 June 2026: more than 30 days late at NU.
    maak_overeenkomst(door=tm, team=wereld.team, startdatum=date(2025, 6, 1), verwerkingen=[gedekt])
    # Review due today; a convenant with one clause missing.
    maak_overeenkomst(
        door=tm,
        team=wereld.team,
        soort=Soort.CONVENANT,
        startdatum=date(2025, 9, 25),
        clausules=alle_clausules(Soort.CONVENANT, behalve=("doel",)),
    )
    # Ends 30 November 2026: within three months.
    maak_overeenkomst(door=tm, team=wereld.team, einddatum=date(2026, 11, 30))
    # Ended last year: its review no longer counts.
    maak_overeenkomst(door=tm, team=wereld.team, startdatum=date(2024, 1, 1), einddatum=date(2025, 12, 31))

    sectie, c = _cijfers(overeenkomsten([wereld.gemeente], NU, met_details=True))
    assert sectie.sleutel == "overeenkomsten" and sectie.titel == "Verwerkersovereenkomsten en convenanten"
    assert c["overeenkomsten"].waarde == 4
    assert c["overeenkomsten_review_nodig"].waarde == 2 and c["overeenkomsten_review_escalatie"].waarde == 1
    assert (
        c["overeenkomsten_verloopt"].waarde == 1
        and c["overeenkomsten_verloopt"].link == "/overeenkomsten/?gemeente=voorbeeldstad&signaal=verloopt"
    )
    assert c["overeenkomsten_onvolledig"].waarde == 1 and "1 verplichte" in c["overeenkomsten_onvolledig"].toelichting
    assert c["verwerker_zonder_overeenkomst"].waarde == 1
    assert "overeenkomst=ontbreekt" in c["verwerker_zonder_overeenkomst"].link

    _, elders = _cijfers(overeenkomsten([wereld.andere_gemeente], NU, met_details=False))
    assert all(cijfer.waarde == 0 and cijfer.link == "" for cijfer in elders.values())


# --- the dashboard page ---------------------------------------------------------------------------


@pytest.mark.django_db
def test_dashboard_toont_de_drie_secties(client, wereld):
    client.force_login(wereld["privacy_officer"])
    html = client.get("/dashboard/").content.decode()
    for titel in ("Betrokkenenverzoeken", "DPIA&#x27;s", "Verwerkersovereenkomsten en convenanten"):
        assert f">{titel}</h2>" in html, titel
        blok = html[html.index(f">{titel}</h2>") :]
        assert "Nog niet beschikbaar" not in blok[:200], titel
