"""Every figure of every dashboard source opens a list that shows exactly that many items: now, and
for a past report period (the year 2025) whose data changed afterwards.

Data is made through the services of all five registers. The history (django-simple-history) is
stamped with the real clock, so to have "created in 2025, changed in 2026" the history rows made
during the set-up are moved to 2025 (in their own order) before the changes of today are made.
The privacy officer follows every link with the test client and counts the list's "N ... gevonden".
"""

import re
from datetime import date, timedelta

import pytest
from django.utils import timezone

from datalekken.constants import Risico
from datalekken.models import Datalek, MeldingAP
from dpia import services as dpia_services
from dpia.models import Dpia, Maatregel
from overeenkomsten.constants import Soort
from overeenkomsten.models import Overeenkomst
from privacy_portal.core import dashboard
from rechten import services as rechten_services
from rechten.models import Verzoek
from registers.models import Verwerking, VerwerkingVersie

from ..dpia.factories import maak_dpia
from ..factories import alle_rollen
from ..overeenkomsten.hulp import alle_clausules, maak_overeenkomst
from ..rechten.factories import moment, registreer
from .conftest import ap_melden, beoordelen, melden, op

pytestmark = pytest.mark.django_db

GEVONDEN = re.compile(
    r"(\d+) (?:verwerking(?:en)?|datalek(?:ken)?|verzoek(?:en)?|overeenkomst(?:en)?|pre-scans? en DPIA's) gevonden"
)
JAAR_2025 = dashboard.jaar_periode(2025)
GEVOLGD = (Verwerking, VerwerkingVersie, Datalek, MeldingAP, Verzoek, Dpia, Maatregel, Overeenkomst)


def _naar_2025(start):
    """Move every history row made so far to 2025, one second apart in their own order."""
    for model in GEVOLGD:
        for history_id in model.history.order_by("history_date", "history_id").values_list("history_id", flat=True):
            model.history.filter(history_id=history_id).update(history_date=start)
            start += timedelta(seconds=1)


@pytest.fixture
def vijf_registers(wereld, register, po_elders):
    """Records in all five registers, made in 2025 (history moved there), some changed today."""
    po, tm = wereld["privacy_officer"], wereld["teammanager"]
    wereld.beheerder = alle_rollen("beheerder-figuren", wereld.gemeente, wereld.andere_gemeente)

    # Datalekken reported in 2025: late notification, one still open whose clock ran out.
    laat = melden(wereld, "Laat gemeld in 2025", op(2025, 3, 3))
    beoordelen(wereld, laat, op(2025, 3, 3, 14), Risico.HOOG)
    ap_melden(wereld, laat, op(2025, 3, 10), reden="Vergeten.")
    open_2025 = melden(wereld, "Open eind 2025", op(2025, 11, 20))
    beoordelen(wereld, open_2025, op(2025, 11, 20, 12), Risico.RISICO)
    melden(wereld, "Elders in 2025", op(2025, 5, 1), door=po_elders, gemeente=wereld.andere_gemeente)

    # Requests received in 2025: one answered in time, one still open at the end of 2025 (overdue).
    beantwoord = registreer(door=po, gemeente=wereld.gemeente, ontvangen_op=date(2025, 3, 3))
    rechten_services.verzoek_afhandelen(
        verzoek=beantwoord, door=po, uitkomst="afgewezen", grond="kennelijk_ongegrond", toelichting="Nee",
        nu=moment(date(2025, 3, 20)),
    )  # fmt: skip
    pas_in_2026 = registreer(door=po, gemeente=wereld.gemeente, ontvangen_op=date(2025, 10, 1))
    registreer(door=po, gemeente=wereld.gemeente, ontvangen_op=date(2025, 12, 22))  # deadline in January

    # DPIAs: a pre-scan and one in progress at the end of 2025.
    prescan = maak_dpia(wereld, stap="prescan", nu=op(2025, 4, 1))
    maak_dpia(wereld, stap="in_uitvoering", nu=op(2025, 4, 2))

    # Agreements: review due 1 February 2026; one ending 31 January 2026; one with a clause missing.
    maak_overeenkomst(door=tm, team=wereld.team, startdatum=date(2025, 2, 1), verwerkingen=[register["a"]])
    maak_overeenkomst(door=tm, team=wereld.team, startdatum=date(2025, 1, 1), einddatum=date(2026, 1, 31))
    maak_overeenkomst(
        door=tm,
        team=wereld.team,
        soort=Soort.CONVENANT,
        startdatum=date(2025, 6, 1),
        clausules=alle_clausules(Soort.CONVENANT, behalve=("doel",)),
    )

    _naar_2025(op(2025, 6, 1))

    # Today: the open request is decided, the pre-scan done, the open datalek notified, new ones reported.
    nu = timezone.now().replace(microsecond=0)
    rechten_services.verzoek_afhandelen(
        verzoek=pas_in_2026, door=po, uitkomst="afgewezen", grond="kennelijk_ongegrond", toelichting="Nee", nu=nu
    )
    dpia_services.prescan_vastleggen(
        dpia=prescan, door=wereld.beheerder, criteria=["grootschalig", "koppeling"], ap_lijst=[], nu=nu
    )
    ap_melden(wereld, open_2025, nu, reden="Pas nu gezien.")
    melden(wereld, "Vers gemeld", nu - timedelta(hours=1))
    krap = melden(wereld, "Bijna te laat", nu - timedelta(hours=50), ontdekt_op=nu - timedelta(hours=51))
    beoordelen(wereld, krap, nu - timedelta(hours=49), Risico.RISICO)
    registreer(door=po, gemeente=wereld.gemeente, ontvangen_op=timezone.localdate(nu) - timedelta(days=2))
    return wereld


def _aantal_in_lijst(client, link):
    antwoord = client.get(link)
    assert antwoord.status_code == 200, link
    gevonden = GEVONDEN.search(antwoord.content.decode())
    assert gevonden, f"geen aantal op {link}"
    return int(gevonden.group(1))


def _volg_alle_links(client, secties):
    """Follow every figure's and trend value's link; returns {section: {figure key: value}}."""
    waarden = {}
    for sectie in secties:
        assert not sectie["fout"], sectie
        for cijfer in sectie["cijfers"]:
            assert cijfer["link"], f"{sectie['sleutel']}: {cijfer['label']} opent geen lijst"
            if cijfer["eenheid"] != "%":  # the percentage opens the incomplete ones, counted by "onvolledig"
                assert _aantal_in_lijst(client, cijfer["link"]) == cijfer["waarde"], (sectie["sleutel"], cijfer)
            waarden.setdefault(sectie["sleutel"], {})[cijfer["sleutel"]] = cijfer["waarde"]
        for trend in sectie["trends"]:
            for reeks in trend["reeksen"]:
                for waarde, link in zip(reeks["waarden"], reeks["links"], strict=False):
                    assert _aantal_in_lijst(client, link) == waarde, (reeks["naam"], link)
    return waarden


def test_elk_cijfer_van_elke_bron_opent_een_lijst_met_evenveel_items_nu(client, vijf_registers):
    client.force_login(vijf_registers["privacy_officer"])
    antwoord = client.get("/api/v1/dashboard", {"gemeente": "voorbeeldstad"})
    assert antwoord.status_code == 200
    waarden = _volg_alle_links(client, antwoord.json()["secties"])

    assert set(waarden) == set(dashboard.BEKENDE_SECTIES)
    # Not all zero: the state of today.
    assert waarden["verzoeken"]["verzoeken_open"] == 2  # received 22 December 2025 and two days ago
    assert waarden["dpia"]["prescan_open"] == 0 and waarden["dpia"]["prescan_vereist"] == 2
    assert waarden["datalekken"]["klok_loopt"] == 2 and waarden["datalekken"]["klok_krap"] == 1
    assert waarden["overeenkomsten"]["overeenkomsten_review_nodig"] >= 1


def test_elk_cijfer_over_2025_opent_een_lijst_met_evenveel_items(client, vijf_registers):
    po = vijf_registers["privacy_officer"]
    client.force_login(po)
    secties = dashboard.verzamel([vijf_registers.gemeente], timezone.now(), user=po, periode=JAAR_2025)
    waarden = _volg_alle_links(client, [dashboard.als_dict(s) for s in secties])

    assert set(waarden) == set(dashboard.BEKENDE_SECTIES)
    # The state at the end of 2025, not today's.
    verzoeken = waarden["verzoeken"]
    assert verzoeken["verzoeken_open"] == 2 and verzoeken["verzoeken_te_laat"] == 1
    assert verzoeken["periode_verzoeken_ontvangen"] == 3 and verzoeken["periode_verzoeken_op_tijd"] == 1
    assert waarden["dpia"]["prescan_open"] == 1 and waarden["dpia"]["dpias_prescan"] == 1
    assert waarden["datalekken"]["open"] == 2 and waarden["datalekken"]["klok_verlopen"] == 1
    # Reported in 2025; the AP notification as known today (the one made today was late too).
    assert waarden["datalekken"]["periode_gemeld"] == 2 and waarden["datalekken"]["periode_te_laat"] == 2
    overeenkomsten = waarden["overeenkomsten"]
    assert overeenkomsten["overeenkomsten"] == 3 and overeenkomsten["overeenkomsten_verloopt"] == 1
    assert overeenkomsten["overeenkomsten_review_nodig"] == 0 and overeenkomsten["overeenkomsten_onvolledig"] == 1
    assert waarden["registers"]["periode_nieuw"] == 9  # A to G and the verwerkingen of the two DPIAs
    assert waarden["registers"]["actief"] == 8


def test_de_bronnen_tellen_met_een_vast_aantal_queries(vijf_registers, django_assert_max_num_queries):
    po = vijf_registers["privacy_officer"]
    gemeenten = [vijf_registers.gemeente, vijf_registers.andere_gemeente]
    for periode in (None, JAAR_2025):
        with django_assert_max_num_queries(60):
            dashboard.verzamel(gemeenten, timezone.now(), user=po, periode=periode)


def test_een_cijfer_zonder_lijstfilter_wordt_geweigerd(wereld):
    kapot = dashboard.Sectie(sleutel="x", titel="X", cijfers=[dashboard.Cijfer("Los getal", 3, link="/ergens/")])
    with pytest.raises(dashboard.FiguurZonderFilter):
        dashboard.controleer_figuren([kapot], "test")
    with pytest.raises(KeyError):
        dashboard.Lijst("rechten:lijst", {"open": {}}).figuren([wereld.gemeente], met_details=True).cijfer(
            "Onbekend", 1, "bestaat_niet"
        )
