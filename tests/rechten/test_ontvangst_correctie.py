"""Issue 12: the date of receipt starts the clock of art. 12(3) AVG, so it is corrected, never edited.

Only the privacy officer corrects it, with a reason; the first recorded date stays visible on the
record, in the history and on the letters; the deadline is recomputed openly; an overdue request
gets no new month from a later receipt date; reminders follow the corrected deadline.
"""

from datetime import date, datetime, time

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from django.utils import timezone

from privacy_portal.core import dashboard, scanner
from privacy_portal.core.kalender_db import huidige_kalender
from privacy_portal.core.schrijven import versie_van
from privacy_portal.notificaties.models import Mijlpaal
from rechten import services
from rechten.reports import brief_pdf

from .factories import in_behandeling, moment, registreer

NU = moment(date(2026, 3, 10))


@pytest.mark.django_db
def test_art_12_3_ontvangst_corrigeren_alleen_privacy_officer_met_reden(wereld):
    po = wereld["privacy_officer"]
    verzoek = registreer(door=po, gemeente=wereld.gemeente, ontvangen_op=date(2026, 3, 5))
    with pytest.raises(PermissionDenied):
        services.ontvangst_corrigeren(
            verzoek=verzoek, door=wereld["jurist"], ontvangen_op=date(2026, 3, 3), reden="Postkamer", nu=NU
        )
    with pytest.raises(ValidationError) as fout:
        services.ontvangst_corrigeren(verzoek=verzoek, door=po, ontvangen_op=date(2026, 3, 3), reden="  ", nu=NU)
    assert set(fout.value.message_dict) == {"reden"}
    with pytest.raises(ValidationError) as fout:
        services.ontvangst_corrigeren(verzoek=verzoek, door=po, ontvangen_op=date(2026, 3, 11), reden="x", nu=NU)
    assert set(fout.value.message_dict) == {"ontvangen_op"}
    verzoek.refresh_from_db()
    assert (verzoek.ontvangen_op, verzoek.ontvangen_op_oorspronkelijk) == (date(2026, 3, 5), None)
    # editing the intake does not move the clock either, also not for the privacy officer
    with pytest.raises(ValidationError):
        services.verzoek_wijzigen(verzoek=verzoek, door=po, gegevens={"ontvangen_op": date(2026, 3, 3)}, nu=NU)


@pytest.mark.django_db
def test_art_12_3_correctie_houdt_beide_momenten_en_herberekent_de_deadline_openlijk(wereld):
    po = wereld["privacy_officer"]
    verzoek = registreer(door=po, gemeente=wereld.gemeente, ontvangen_op=date(2026, 3, 5))  # deadline 7 April
    assert verzoek.deadline == date(2026, 4, 7)
    verzoek = services.ontvangst_corrigeren(
        verzoek=verzoek, door=po, ontvangen_op=date(2026, 3, 2), reden="Lag al in de postkamer", nu=NU
    )
    assert verzoek.ontvangen_op == date(2026, 3, 2) and verzoek.ontvangen_op_oorspronkelijk == date(2026, 3, 5)
    assert verzoek.deadline == date(2026, 4, 2)
    assert verzoek.ontvangst_gecorrigeerd_door == po and verzoek.ontvangst_correctie_reden == "Lag al in de postkamer"
    reden = verzoek.history.first().history_change_reason
    assert reden == "Ontvangst gecorrigeerd: 05-03-2026 wordt 02-03-2026; deadline 07-04-2026 wordt 02-04-2026"
    # a second correction keeps the first recorded date
    verzoek = services.ontvangst_corrigeren(
        verzoek=verzoek, door=po, ontvangen_op=date(2026, 3, 3), reden="Toch de 3e", nu=NU
    )
    assert verzoek.ontvangen_op_oorspronkelijk == date(2026, 3, 5)

    # the page shows both moments and the reason; the correction form is there for the privacy officer only
    client = Client()
    client.force_login(po)
    html = client.get(f"/verzoeken/{verzoek.uuid}/").content.decode()
    assert "3 maart 2026 (gecorrigeerd; eerst vastgelegd als 5 maart 2026)" in html
    assert "Reden: Toch de 3e" in html and "ontvangst-corrigeren" in html
    client.force_login(wereld["jurist"])
    assert "ontvangst-corrigeren" not in client.get(f"/verzoeken/{verzoek.uuid}/").content.decode()


@pytest.mark.django_db
def test_art_12_3_correctie_via_de_pagina_met_foutmelding_en_zonder_half_opslaan(wereld):
    po = wereld["privacy_officer"]
    verzoek = registreer(door=po, gemeente=wereld.gemeente, ontvangen_op=date(2026, 3, 5))
    client = Client()
    client.force_login(po)
    url = f"/verzoeken/{verzoek.uuid}/ontvangst-corrigeren/"
    antwoord = client.post(url, {"versie": versie_van(verzoek), "ontvangen_op": "2026-03-02"})
    assert antwoord.status_code == 200
    assert "Reden van de correctie" in antwoord.content.decode()
    verzoek.refresh_from_db()
    assert verzoek.ontvangen_op == date(2026, 3, 5)
    antwoord = client.post(
        url, {"versie": versie_van(verzoek), "ontvangen_op": "2026-03-02", "ontvangst_correctie_reden": "Postkamer"}
    )
    assert antwoord.status_code == 302
    verzoek.refresh_from_db()
    assert (verzoek.ontvangen_op, verzoek.ontvangen_op_oorspronkelijk) == (date(2026, 3, 2), date(2026, 3, 5))


@pytest.mark.django_db
def test_art_12_3_een_te_laat_verzoek_krijgt_geen_nieuwe_maand_door_een_latere_ontvangst(wereld):
    po = wereld["privacy_officer"]
    verzoek = registreer(door=po, gemeente=wereld.gemeente, ontvangen_op=date(2026, 3, 3))  # deadline 7 April
    laat = moment(date(2026, 4, 20))
    verzoek = services.ontvangst_corrigeren(
        verzoek=verzoek, door=po, ontvangen_op=date(2026, 3, 20), reden="Datum verkeerd overgenomen", nu=laat
    )
    assert verzoek.ontvangen_op == date(2026, 3, 20) and verzoek.ontvangen_op_oorspronkelijk == date(2026, 3, 3)
    assert verzoek.deadline == date(2026, 4, 7) and verzoek.termijn == date(2026, 4, 7)
    assert "blijft staan" in verzoek.history.first().history_change_reason
    # and extending stays impossible after the deadline
    with pytest.raises(ValidationError):
        services.verzoek_verlengen(verzoek=verzoek, door=po, reden="Meer tijd", nu=laat)
    # nor does recomputing after a calendar change give it the month back
    aantal = verzoek.history.count()
    services.termijnen_herberekenen(huidige_kalender())
    verzoek.refresh_from_db()
    assert verzoek.deadline == date(2026, 4, 7) and verzoek.history.count() == aantal


@pytest.mark.django_db
def test_art_12_3_correctie_staat_in_de_brieven(wereld):
    po = wereld["privacy_officer"]
    verzoek = registreer(door=po, gemeente=wereld.gemeente, ontvangen_op=date(2026, 3, 5))
    verzoek = services.ontvangst_corrigeren(
        verzoek=verzoek, door=po, ontvangen_op=date(2026, 3, 3), reden="Postkamer", nu=NU
    )
    services.verzoek_verlengen(verzoek=verzoek, door=po, reden="Veel systemen", nu=NU)
    verzoek.refresh_from_db()
    _pdf, html = brief_pdf("verlenging", verzoek, gegenereerd_door="Test")
    assert "3 maart 2026 (gecorrigeerd; eerst vastgelegd als 5 maart 2026)" in html
    assert "Eerst hadden wij 5 maart 2026 als datum van ontvangst vastgelegd" in html


@pytest.mark.django_db
def test_art_12_3_herinneringen_volgen_de_gecorrigeerde_deadline(wereld, django_capture_on_commit_callbacks):
    po = wereld["privacy_officer"]
    verzoek = registreer(door=po, gemeente=wereld.gemeente, ontvangen_op=date(2026, 3, 3))  # deadline 7 April
    in_behandeling(verzoek, door=po, teams=[wereld.team], nu=moment(date(2026, 3, 4)))

    def scan(dag):
        nu = timezone.make_aware(datetime.combine(dag, time(8)))
        with django_capture_on_commit_callbacks(execute=True):
            scanner.termijnen_bewaken(herkomst="test", nu=nu)

    def herinneringen():
        return set(
            Mijlpaal.objects.filter(object_id=str(verzoek.uuid), mijlpaal__startswith="herinnering").values_list(
                "mijlpaal", flat=True
            )
        )

    scan(date(2026, 3, 31))  # a week before 7 April
    assert herinneringen() == {"herinnering_week"}
    # the receipt was later than recorded: the deadline moves to 20 April, its reminders come again
    verzoek = services.ontvangst_corrigeren(
        verzoek=verzoek, door=po, ontvangen_op=date(2026, 3, 20), reden="Datum verkeerd", nu=moment(date(2026, 3, 31))
    )
    assert verzoek.deadline == date(2026, 4, 20)
    scan(date(2026, 4, 1))
    assert herinneringen() == {"herinnering_week"}  # nothing new before 13 April
    scan(date(2026, 4, 13))
    assert "herinnering_week_20260420" in herinneringen()


@pytest.mark.django_db
def test_art_12_3_correcties_van_ontvangst_geteld_en_te_openen(client, wereld):
    """Corrections of the date of receipt: all on the dashboard, those made in the report period in a
    report; the figure opens the list of exactly those requests."""
    po = wereld["privacy_officer"]
    in_periode = registreer(door=po, gemeente=wereld.gemeente, ontvangen_op=date(2026, 3, 5))
    services.ontvangst_corrigeren(verzoek=in_periode, door=po, ontvangen_op=date(2026, 3, 2), reden="Postkamer", nu=NU)
    ervoor = registreer(door=po, gemeente=wereld.gemeente, ontvangen_op=date(2025, 11, 5))
    services.ontvangst_corrigeren(
        verzoek=ervoor, door=po, ontvangen_op=date(2025, 11, 3), reden="Postkamer", nu=moment(date(2025, 11, 10))
    )
    niet = registreer(door=po, gemeente=wereld.gemeente, ontvangen_op=date(2026, 3, 4))
    kenmerken = {v.kenmerk for v in (in_periode, ervoor, niet)}
    client.force_login(po)

    def figuur(periode):
        secties = dashboard.verzamel([wereld.gemeente], NU, user=po, periode=periode)
        (sectie,) = [s for s in secties if s.sleutel == "verzoeken"]
        return next(c for c in sectie.cijfers if c.sleutel == "verzoeken_ontvangst_gecorrigeerd")

    for periode, verwacht in ((None, {in_periode, ervoor}), (dashboard.kwartaal_periode(2026, 1), {in_periode})):
        cijfer = figuur(periode)
        assert cijfer.label == "Ontvangstdatum gecorrigeerd" and cijfer.waarde == len(verwacht)
        html = client.get(cijfer.link).content.decode()
        assert f"{len(verwacht)} verzoek" in html
        assert {k for k in kenmerken if k in html} == {v.kenmerk for v in verwacht}
