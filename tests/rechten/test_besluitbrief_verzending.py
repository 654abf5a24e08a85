"""Issue 12, Awb 6:7 and 6:8: the answer letter is dated when it is sent (`verzonden_op`), and the
bezwaar term of six weeks counts from the day after sending."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.test import Client

from privacy_portal.core.schrijven import versie_van
from rechten import services
from rechten.reports import bezwaar_termijn_tot, brief_pdf

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
@pytest.mark.parametrize(
    "verzonden, laatste_dag",
    [
        (date(2026, 5, 4), date(2026, 6, 15)),  # Monday: term runs 5 May - Monday 15 June
        (date(2026, 3, 27), date(2026, 5, 8)),  # Friday -> Friday 8 May
        (date(2026, 4, 13), date(2026, 5, 26)),  # six weeks later is Whit Monday 25 May: Tuesday 26 May
    ],
)
def test_awb_6_8_bezwaartermijn_begint_de_dag_na_verzending(verzonden, laatste_dag):
    assert bezwaar_termijn_tot(verzonden) == laatste_dag


@pytest.mark.django_db
def test_awb_6_8_besluitbrief_draagt_de_datum_van_verzending_en_de_laatste_dag_voor_bezwaar(wereld):
    po = wereld["privacy_officer"]
    verzoek = _afgewezen(wereld)
    with pytest.raises(ValidationError):  # not before the decision
        services.besluitbrief_verzonden(
            verzoek=verzoek, door=po, verzonden_op=date(2026, 3, 23), nu=moment(date(2026, 5, 4))
        )
    client = Client()
    client.force_login(po)
    antwoord = client.post(
        f"/verzoeken/{verzoek.uuid}/verzonden/", {"versie": versie_van(verzoek), "verzonden_op": "2026-05-04"}
    )
    assert antwoord.status_code == 302
    verzoek.refresh_from_db()
    assert verzoek.verzonden_op == date(2026, 5, 4) and verzoek.besloten_op == date(2026, 3, 24)
    assert verzoek.history.first().history_change_reason == "Besluitbrief verzonden op 04-05-2026"
    _pdf, html = brief_pdf("besluit", verzoek, nu=moment(date(2026, 6, 1)))
    assert "<dt>Datum</dt><dd>4 mei 2026</dd>" in html and "24 maart 2026" not in html.split("<h1>")[0]
    assert "uiterlijk op <strong>maandag 15 juni 2026</strong>" in html
    with pytest.raises(ValidationError):  # once
        services.besluitbrief_verzonden(
            verzoek=verzoek, door=po, verzonden_op=date(2026, 5, 5), nu=moment(date(2026, 5, 6))
        )
