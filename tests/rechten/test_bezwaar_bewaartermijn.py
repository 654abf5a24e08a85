"""Issue 12: a request whose decision is challenged (bezwaar, Awb 6:4; beroep) keeps its file: it is
not anonymised while the procedure is pending, and only a full retention period after it ended."""

from datetime import date, timedelta

import pytest
from django.test import Client

from privacy_portal.core import scanner
from privacy_portal.core.schrijven import versie_van
from rechten import services

from .factories import moment, registreer


def _afgewezen(wereld):
    po = wereld["privacy_officer"]
    verzoek = registreer(door=po, gemeente=wereld.gemeente, ontvangen_op=date(2026, 3, 3))
    return services.verzoek_afhandelen(
        verzoek=verzoek,
        door=po,
        uitkomst="afgewezen",
        grond="buitensporig",
        toelichting="U vroeg dit al vaker.",
        nu=moment(date(2026, 3, 24)),
    )


@pytest.mark.django_db
def test_awb_6_4_verzoek_met_lopend_bezwaar_wordt_niet_geanonimiseerd(wereld, settings):
    po = wereld["privacy_officer"]
    verzoek = _afgewezen(wereld)
    client = Client()
    client.force_login(po)
    antwoord = client.post(
        f"/verzoeken/{verzoek.uuid}/rechtsmiddel/",
        {"versie": versie_van(verzoek), "soort": "bezwaar", "ingediend_op": "2026-04-20"},
    )
    assert antwoord.status_code == 302
    verzoek.refresh_from_db()
    assert verzoek.bezwaar_ingediend_op == date(2026, 4, 20) and verzoek.rechtsmiddel_lopend
    assert "Bezwaar ingediend op 20-04-2026" in verzoek.history.first().history_change_reason
    assert "Bezwaar ingediend" in client.get(f"/verzoeken/{verzoek.uuid}/").content.decode()

    na_bewaartermijn = moment(date(2026, 3, 24)) + timedelta(days=settings.VERZOEK_BEWAARTERMIJN_DAGEN + 1)
    scanner.termijnen_bewaken(herkomst="test", nu=na_bewaartermijn)
    verzoek.refresh_from_db()
    assert verzoek.geanonimiseerd_op is None and verzoek.verzoeker_naam == "Jantje Geheimnaam"
    # also not by a direct call
    assert services.verzoek_anonimiseren(verzoek=verzoek, nu=na_bewaartermijn).geanonimiseerd_op is None

    # the procedure ends: the retention period runs again from that day
    afgerond = na_bewaartermijn.date()
    services.rechtsmiddel_afronden(verzoek=verzoek, door=po, afgerond_op=afgerond, nu=na_bewaartermijn)
    scanner.termijnen_bewaken(herkomst="test", nu=na_bewaartermijn + timedelta(days=1))
    verzoek.refresh_from_db()
    assert verzoek.geanonimiseerd_op is None
    later = moment(afgerond) + timedelta(days=settings.VERZOEK_BEWAARTERMIJN_DAGEN + 1)
    scanner.termijnen_bewaken(herkomst="test", nu=later)
    verzoek.refresh_from_db()
    assert verzoek.geanonimiseerd_op is not None
