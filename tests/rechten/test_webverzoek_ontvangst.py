"""Issue 12: a web request is received when it is submitted (art. 12(3) AVG, Awb 4:13), not when the
inwoner clicks the confirmation link; an unconfirmed request is never dropped without a word: the
privacy officer sees it and decides."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client

from privacy_portal.core import scanner
from privacy_portal.core.schrijven import versie_van
from rechten import services
from rechten.constants import BEVESTIGEN_BINNEN_DAGEN, Status
from rechten.werk import werk_voor

from .factories import moment

INGEDIEND = moment(date(2026, 3, 2), 22)


def _webverzoek(wereld):
    verzoek, token = services.verzoek_ontvangen_van_inwoner(
        gemeente=wereld.gemeente,
        gegevens={"soorten": ["inzage"], "verzoeker_naam": "Inge Inwoner", "verzoeker_email": "inge@example.org"},
        nu=INGEDIEND,
    )
    return verzoek, token


@pytest.mark.django_db
def test_art_12_3_ontvangst_van_een_webverzoek_is_het_moment_van_indienen(wereld):
    verzoek, token = _webverzoek(wereld)
    bevestigd = services.verzoek_bevestigen(token=token, nu=moment(date(2026, 3, 6), 9))
    assert bevestigd.ontvangen_op == date(2026, 3, 2)
    assert bevestigd.deadline == date(2026, 4, 2)


@pytest.mark.django_db
def test_art_12_3_onbevestigd_webverzoek_wordt_niet_stil_geanonimiseerd_maar_staat_bij_de_privacy_officer(wereld):
    verzoek, _token = _webverzoek(wereld)
    po = wereld["privacy_officer"]
    assert not [i for i in werk_voor(po, INGEDIEND + timedelta(days=1)) if "Onbevestigd" in i.titel]
    later = INGEDIEND + timedelta(days=BEVESTIGEN_BINNEN_DAGEN + 1)
    scanner.termijnen_bewaken(herkomst="test", nu=later)
    verzoek.refresh_from_db()
    assert verzoek.status == Status.ONBEVESTIGD and verzoek.verzoeker_naam == "Inge Inwoner"
    assert verzoek.geanonimiseerd_op is None
    items = [i for i in werk_voor(po, later) if "Onbevestigd" in i.titel]
    assert [i.titel for i in items] == [f"Onbevestigd webverzoek {verzoek.kenmerk}"]
    assert "Inwoner" not in items[0].titel + items[0].toelichting
    assert not [i for i in werk_voor(wereld["teammanager"], later) if "Onbevestigd" in i.titel]
    # the list filter shows it too
    client = Client()
    client.force_login(po)
    assert verzoek.kenmerk in client.get("/verzoeken/?status=onbevestigd").content.decode()


@pytest.mark.django_db
def test_art_12_3_privacy_officer_neemt_onbevestigd_webverzoek_aan_met_het_moment_van_indienen(wereld):
    verzoek, token = _webverzoek(wereld)
    po = wereld["privacy_officer"]
    later = INGEDIEND + timedelta(days=BEVESTIGEN_BINNEN_DAGEN + 3)
    with pytest.raises(PermissionDenied):
        services.onbevestigd_aannemen(verzoek=verzoek, door=wereld["jurist"], toelichting="Gebeld", nu=later)
    with pytest.raises(ValidationError) as fout:
        services.onbevestigd_aannemen(verzoek=verzoek, door=po, toelichting=" ", nu=later)
    assert set(fout.value.message_dict) == {"toelichting"}
    client = Client()
    client.force_login(po)
    antwoord = client.post(
        f"/verzoeken/{verzoek.uuid}/onbevestigd/",
        {"versie": versie_van(verzoek), "besluit": "aannemen", "onbevestigd_toelichting": "Gebeld; bevestigd"},
    )
    assert antwoord.status_code == 302
    verzoek.refresh_from_db()
    assert verzoek.status == Status.ONTVANGEN
    assert (verzoek.ontvangen_op, verzoek.deadline) == (date(2026, 3, 2), date(2026, 4, 2))
    assert "ontvangen op 02-03-2026 (ingediend)" in verzoek.history.first().history_change_reason
    assert not [i for i in werk_voor(po, later) if "Onbevestigd" in i.titel]
    with pytest.raises(ValidationError):  # the old link no longer works
        services.verzoek_bevestigen(token=token, nu=later)


@pytest.mark.django_db
def test_art_12_3_privacy_officer_legt_vast_waarom_een_webverzoek_vervalt(wereld):
    verzoek, _token = _webverzoek(wereld)
    po = wereld["privacy_officer"]
    client = Client()
    client.force_login(po)
    url = f"/verzoeken/{verzoek.uuid}/onbevestigd/"
    antwoord = client.post(url, {"versie": versie_van(verzoek), "besluit": "vervallen"})
    assert antwoord.status_code == 200 and "Toelichting" in antwoord.content.decode()
    verzoek.refresh_from_db()
    assert verzoek.status == Status.ONBEVESTIGD
    antwoord = client.post(
        url, {"versie": versie_van(verzoek), "besluit": "vervallen", "onbevestigd_toelichting": "Geen contact"}
    )
    assert antwoord.status_code == 302
    verzoek.refresh_from_db()
    assert verzoek.status == Status.VERVALLEN and verzoek.onbevestigd_toelichting == "Geen contact"
    assert verzoek.geanonimiseerd_op is None  # only after the retention period
