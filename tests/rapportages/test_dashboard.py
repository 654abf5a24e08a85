"""The dashboard page: gemeente selector, scanner status, placeholders for registers without a source,
and the scan step that re-queues a report whose task got lost."""

from datetime import timedelta

import pytest
from django.utils import timezone

from privacy_portal.core.models import ScanRun
from privacy_portal.core.scanner import termijnen_bewaken
from rapportages import services
from rapportages.constants import Soort, Status
from rapportages.models import Rapportage

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("alleen_eigen_bronnen")]


def test_termijnscan_ouder_dan_een_kwartier_geeft_een_waarschuwing(client, wereld):
    client.force_login(wereld["privacy_officer"])
    assert "De termijnbewaking draait niet" in client.get("/dashboard/").content.decode()  # never ran
    nu = timezone.now()
    ScanRun.objects.create(gestart_op=nu - timedelta(minutes=20), klaar_op=nu - timedelta(minutes=20), herkomst="beat")
    html = client.get("/dashboard/").content.decode()
    assert "De termijnbewaking draait niet" in html and "langer dan 15 minuten geleden" in html
    ScanRun.objects.create(gestart_op=nu - timedelta(minutes=3), klaar_op=nu - timedelta(minutes=3), herkomst="beat")
    html = client.get("/dashboard/").content.decode()
    assert "De termijnbewaking draait niet" not in html and "Termijnscan laatst gedraaid" in html


def test_gemeentekeuze_voor_de_fg_met_alle_samen(client, wereld, fg_twee_gemeenten):
    client.force_login(fg_twee_gemeenten)
    html = client.get("/dashboard/").content.decode()
    assert "Dashboard: alle gemeenten" in html
    assert '<option value="alle" selected>Alle gemeenten samen</option>' in html
    assert '<option value="randdorp">Randdorp</option>' in html
    assert "Dashboard Randdorp" in client.get("/dashboard/", {"gemeente": "randdorp"}).content.decode()
    assert client.get("/dashboard/", {"gemeente": "bestaat-niet"}).status_code == 404


def test_privacy_officer_ziet_alleen_de_eigen_gemeente_zonder_keuze(client, wereld):
    client.force_login(wereld["privacy_officer"])
    html = client.get("/dashboard/").content.decode()
    assert "Dashboard Voorbeeldstad" in html and 'name="gemeente"' not in html
    assert client.get("/dashboard/", {"gemeente": "randdorp"}).status_code == 404
    assert "Rapportage maken" in html and "Bevindingen FG" not in html


def test_registers_zonder_bron_staan_er_als_nog_niet_beschikbaar(client, wereld):
    client.force_login(wereld["fg"])
    html = client.get("/dashboard/").content.decode()
    for titel in ("Betrokkenenverzoeken", "DPIA&#x27;s", "Verwerkersovereenkomsten en convenanten"):
        blok = html[html.index(f">{titel}</h2>") :]
        assert blok.index("Nog niet beschikbaar") < 200, titel
    assert "Bevindingen FG" in html


def test_scan_zet_een_verloren_rapportage_opnieuw_in_de_wachtrij(wereld, django_capture_on_commit_callbacks):
    rapportage = services.rapportage_aanvragen(door=wereld["fg"], soort=Soort.REGISTER, gemeente=wereld.gemeente)
    # its task never ran (on_commit is not executed here): a lost task
    with django_capture_on_commit_callbacks(execute=True):
        run = termijnen_bewaken(herkomst="test", nu=timezone.now() + timedelta(minutes=5))
    assert run.resultaat["rapportages.scan.vastgelopen_rapportages"] == 0
    assert Rapportage.objects.get().status == Status.WACHTRIJ
    with django_capture_on_commit_callbacks(execute=True):
        run = termijnen_bewaken(herkomst="test", nu=timezone.now() + timedelta(minutes=16))
    assert run.resultaat["rapportages.scan.vastgelopen_rapportages"] == 1
    rapportage.refresh_from_db()
    assert rapportage.status == Status.KLAAR
