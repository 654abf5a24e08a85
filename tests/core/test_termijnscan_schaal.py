"""The deadline scan costs a fixed number of queries, however many items are open or newly due."""

from datetime import date, datetime, time, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from privacy_portal.core.scanner import termijnen_bewaken
from privacy_portal.notificaties.models import Mijlpaal, Notificatie
from tests.factories import meld_datalek
from tests.rechten.factories import in_behandeling, moment, registreer

# Received Fri 27 March 2026: deadline Tue 28 April; on Fri 24 April both reminders are due.
SCAN = timezone.make_aware(datetime.combine(date(2026, 4, 24), time(9, 0)))


def _open_items(wereld, aantal):
    """`aantal` requests (half with an open task) and `aantal` datalekken, all with a milestone due at SCAN."""
    po = wereld["privacy_officer"]
    for i in range(aantal):
        verzoek = registreer(door=po, gemeente=wereld.gemeente, ontvangen_op=date(2026, 3, 27))
        if i % 2:
            in_behandeling(verzoek, door=po, teams=[wereld.team], nu=moment(date(2026, 3, 30)))
        meld_datalek(door=wereld["medewerker"], gemeente=wereld.gemeente, nu=SCAN - timedelta(hours=73))


def _scan(nu):
    with CaptureQueriesContext(connection) as ctx:
        termijnen_bewaken(herkomst="test", nu=nu)
    return len(ctx.captured_queries)


@pytest.mark.django_db
def test_de_scan_kost_evenveel_queries_bij_twee_en_bij_zes_open_items(wereld):
    _open_items(wereld, 2)
    nieuw_klein = _scan(SCAN)
    rust_klein = _scan(SCAN + timedelta(minutes=5))
    meldingen_klein = Notificatie.objects.count()

    _open_items(wereld, 4)  # four more, each with the same milestones due
    nieuw_groot = _scan(SCAN)
    rust_groot = _scan(SCAN + timedelta(minutes=5))

    # every item got its reminder: the larger batch made twice as many meldingen as the smaller
    assert Notificatie.objects.count() - meldingen_klein == 2 * meldingen_klein > 0
    assert Mijlpaal.objects.filter(mijlpaal="herinnering_werkdagen", object_type="rechten.Verzoek").count() == 6
    assert Mijlpaal.objects.filter(mijlpaal="termijn_verstreken", object_type="datalekken.Datalek").count() == 6
    assert nieuw_groot == nieuw_klein
    assert rust_groot == rust_klein
    assert rust_klein < nieuw_klein


@pytest.mark.django_db
def test_niets_nieuw_aan_de_beurt_laadt_geen_open_items(wereld):
    """A request due later than the reminders and one whose reminder went already are not loaded."""
    from rechten.scan import _te_doen

    po = wereld["privacy_officer"]
    _open_items(wereld, 1)
    registreer(door=po, gemeente=wereld.gemeente, ontvangen_op=date(2026, 4, 20))  # deadline 20 May
    vandaag = timezone.localdate(SCAN)
    from privacy_portal.core.kalender_db import huidige_kalender

    assert _te_doen(vandaag, huidige_kalender()).count() == 1
    termijnen_bewaken(herkomst="test", nu=SCAN)
    assert _te_doen(vandaag, huidige_kalender()).count() == 0
