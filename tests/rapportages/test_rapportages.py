"""Reports end to end: requested, rendered by the task with progress, stored privately with the
data state they were made from, downloadable only by the roles allowed, and every download audited.
The four reports are written to test-artifacts/pdf/ (and as PNG pages) to be looked at."""

import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest
from celery.exceptions import SoftTimeLimitExceeded
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.utils import timezone

from privacy_portal.core.models import AuditEvent
from rapportages import reports, services
from rapportages.constants import Soort, Status
from rapportages.models import GemeenteThema, Rapportage
from rapportages.validators import contrast_met_wit

from .conftest import NU

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("alleen_eigen_bronnen")]
ARTEFACTEN = Path(settings.BASE_DIR) / "test-artifacts" / "pdf"
Q3 = (date(2026, 7, 1), date(2026, 9, 30))


def test_aanvragen_via_de_pagina_maakt_de_pdf_en_legt_de_gegevensstand_vast(
    client, wereld, register, lekken, django_capture_on_commit_callbacks
):
    client.force_login(wereld["fg"])
    assert client.get("/dashboard/rapportages/nieuw/").status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        antwoord = client.post(
            "/dashboard/rapportages/nieuw/",
            {
                "soort": "kwartaalevaluatie",
                "gemeente": "voorbeeldstad",
                "periode_van": "2026-07-01",
                "periode_tot": "2026-09-30",
            },
        )
    rapportage = Rapportage.objects.get()
    assert antwoord.status_code == 302 and antwoord["Location"] == f"/dashboard/rapportages/{rapportage.uuid}/"
    assert rapportage.status == Status.KLAAR and rapportage.voortgang == 100
    assert rapportage.aangevraagd_door == wereld["fg"] and rapportage.klaar_op
    assert rapportage.pdf.name.startswith(f"rapportages/{wereld.gemeente.uuid}/")
    with rapportage.pdf.open("rb") as bestand:
        assert bestand.read(4) == b"%PDF"
    stand = rapportage.gegevensstand
    assert stand["periode"] == {"van": "2026-07-01", "tot": "2026-09-30"} and stand["gemeente"] == "voorbeeldstad"
    assert {"registers.verwerkingen", "datalekken.datalekken", "datalekken.meldingen_ap"} <= set(stand["bronnen"])
    assert stand["bronnen"]["datalekken.datalekken"]["aantal"] == 7
    assert stand["bronnen"]["datalekken.datalekken"]["laatste_historie_id"]
    assert stand["cijfers"]["datalekken"]["periode_gemeld"] == 5
    # the history shows the lifecycle, without a row per progress step
    assert list(rapportage.history.order_by("history_id").values_list("status", flat=True)) == [
        "wachtrij",
        "bezig",
        "klaar",
    ]


def test_voortgang_loopt_op_tijdens_het_maken(wereld, lekken, maak_rapport, monkeypatch):
    gezien = []
    echt = services.voortgang_bijwerken

    def volg(rapportage, procent):
        echt(rapportage, procent)
        gezien.append(Rapportage.objects.get(pk=rapportage.pk).voortgang)  # committed, visible to a poll

    monkeypatch.setattr(services, "voortgang_bijwerken", volg)
    rapportage = maak_rapport(wereld["privacy_officer"], Soort.REGISTER, wereld.gemeente)
    assert gezien == sorted(gezien) and gezien[0] <= 10 and gezien[-1] >= 96 and len(gezien) >= 4
    assert rapportage.voortgang == 100


def test_voortgangsfragment_pollt_tot_de_rapportage_klaar_is(client, wereld, lekken):
    rapportage = services.rapportage_aanvragen(
        door=wereld["fg"],
        soort=Soort.JAARVERSLAG,
        gemeente=wereld.gemeente,
        periode_van=date(2026, 1, 1),
        periode_tot=date(2026, 12, 31),
    )  # the task runs on commit, which never comes in this test: it stays in the queue
    client.force_login(wereld["college"])
    fragment = client.get(f"/dashboard/rapportages/{rapportage.uuid}/voortgang/").content.decode()
    assert 'hx-get="/dashboard/rapportages/' in fragment and 'hx-trigger="every 2s"' in fragment
    assert "Vernieuwen" in fragment and f'href="/dashboard/rapportages/{rapportage.uuid}/"' in fragment
    assert client.get(f"/dashboard/rapportages/{rapportage.uuid}/pdf").status_code == 404  # not ready yet
    services.rapportage_maken(rapportage_id=rapportage.pk)
    fragment = client.get(f"/dashboard/rapportages/{rapportage.uuid}/voortgang/").content.decode()
    assert "hx-get" not in fragment and "PDF downloaden" in fragment
    pagina = client.get(f"/dashboard/rapportages/{rapportage.uuid}/").content.decode()
    assert "Gegevensstand" in pagina and "datalekken.datalekken" in pagina


def test_download_alleen_met_view_rapportage_op_die_gemeente_en_geaudit(
    client, wereld, lekken, maak_rapport, po_elders
):
    rapportage = maak_rapport(wereld["fg"], Soort.KWARTAALEVALUATIE, wereld.gemeente, *Q3)
    pad = f"/dashboard/rapportages/{rapportage.uuid}/pdf"
    client.force_login(wereld["college"])
    antwoord = client.get(pad)
    assert antwoord.status_code == 200 and antwoord.content.startswith(b"%PDF")
    assert antwoord["Content-Type"] == "application/pdf" and antwoord["Cache-Control"] == "no-store"
    regel = AuditEvent.objects.get(actie=AuditEvent.Actie.DOWNLOADEN)
    assert (regel.actor, regel.object_type, regel.object_id) == (
        wereld["college"],
        "rapportages.Rapportage",
        str(rapportage.uuid),
    )
    for gebruiker in (
        wereld["teammanager"],
        wereld["medewerker"],
        wereld["afdelingsmanager"],
        po_elders,
        wereld["buitenstaander"],
    ):
        client.force_login(gebruiker)
        assert client.get(pad).status_code == 404, gebruiker
        assert client.get(f"/dashboard/rapportages/{rapportage.uuid}/").status_code == 404
    assert AuditEvent.objects.filter(actie=AuditEvent.Actie.DOWNLOADEN).count() == 1


def test_archief_toont_wie_en_wanneer_alleen_van_eigen_gemeenten(client, wereld, lekken, maak_rapport, po_elders):
    eigen = maak_rapport(wereld["fg"], Soort.REGISTER_OPENBAAR, wereld.gemeente)
    elders = maak_rapport(po_elders, Soort.REGISTER_OPENBAAR, wereld.andere_gemeente)
    client.force_login(wereld["directeur"])
    html = client.get("/dashboard/rapportages/").content.decode()
    assert str(eigen.uuid) in html and str(elders.uuid) not in html
    assert wereld["fg"].get_full_name() in html and "Downloaden" in html
    client.force_login(wereld["teammanager"])
    assert client.get("/dashboard/rapportages/").status_code == 403


def test_aanvraag_controleert_recht_en_periode_en_slaat_niets_op_bij_fouten(wereld):
    with pytest.raises(PermissionDenied):
        services.rapportage_aanvragen(door=wereld["college"], soort=Soort.REGISTER, gemeente=wereld.gemeente)
    fouten = [
        ({"soort": "onzin"}, {"soort"}),
        ({"soort": Soort.JAARVERSLAG}, {"periode_van", "periode_tot"}),
        (
            {"soort": Soort.KWARTAALEVALUATIE, "periode_van": date(2026, 9, 30), "periode_tot": date(2026, 7, 1)},
            {"periode_tot"},
        ),
        (
            {"soort": Soort.KWARTAALEVALUATIE, "periode_van": date(2099, 1, 1), "periode_tot": date(2099, 3, 31)},
            {"periode_van", "periode_tot"},
        ),
        # a report up to the year 2598 ran for 48 s and failed; now it is refused at once
        (
            {"soort": Soort.JAARVERSLAG, "periode_van": date(2026, 1, 1), "periode_tot": date(2598, 12, 31)},
            {"periode_tot"},
        ),
        (
            {"soort": Soort.JAARVERSLAG, "periode_van": date(2018, 6, 1), "periode_tot": date(2025, 12, 31)},
            {"periode_tot"},
        ),
        (
            {"soort": Soort.KWARTAALEVALUATIE, "periode_van": date(2017, 1, 1), "periode_tot": date(2017, 3, 31)},
            {"periode_van"},
        ),
    ]
    for invoer, velden in fouten:
        with pytest.raises(ValidationError) as fout:
            services.rapportage_aanvragen(
                door=wereld["fg"],
                gemeente=wereld.gemeente,
                soort=invoer["soort"],
                periode_van=invoer.get("periode_van"),
                periode_tot=invoer.get("periode_tot"),
            )
        assert set(fout.value.message_dict) == velden, invoer
    assert not Rapportage.objects.exists()


def test_register_toont_de_stand_van_vandaag_zonder_periode(wereld, register, maak_rapport):
    rapportage = maak_rapport(wereld["privacy_officer"], Soort.REGISTER, wereld.gemeente)
    assert rapportage.periode_van == rapportage.periode_tot == timezone.localdate(rapportage.aangevraagd_op)
    assert rapportage.gegevensstand["cijfers"]["registers"] == {
        "verwerkingen_in_rapport": 6,
        "gearchiveerd_niet_opgenomen": 1,
    }


def test_een_mislukte_rapportage_krijgt_status_mislukt(wereld, maak_rapport, monkeypatch):
    def kapot(*args, **kwargs):
        raise RuntimeError("stuk")

    monkeypatch.setattr(reports, "maak_context", kapot)
    rapportage = maak_rapport(wereld["fg"], Soort.REGISTER, wereld.gemeente)
    assert rapportage.status == Status.MISLUKT and not rapportage.pdf
    assert "mislukt" in rapportage.foutmelding and "stuk" not in rapportage.foutmelding


def test_maken_is_idempotent(wereld, maak_rapport):
    rapportage = maak_rapport(wereld["fg"], Soort.REGISTER_OPENBAAR, wereld.gemeente)
    naam, klaar_op = rapportage.pdf.name, rapportage.klaar_op
    services.rapportage_maken(rapportage_id=rapportage.pk)  # a redelivered task
    rapportage.refresh_from_db()
    assert (rapportage.pdf.name, rapportage.klaar_op, rapportage.status) == (naam, klaar_op, Status.KLAAR)


def test_register_bevat_interne_velden_en_de_openbare_versie_niet(wereld, register, maak_rapport, vang_html):
    maak_rapport(wereld["privacy_officer"], Soort.REGISTER, wereld.gemeente)
    maak_rapport(wereld["privacy_officer"], Soort.REGISTER_OPENBAAR, wereld.gemeente)
    volledig, openbaar = vang_html
    for html in (volledig, openbaar):
        assert "A vastgesteld" in html and "H in een andere gemeente" not in html
    assert (
        "GEHEIM-INTERN-NOTITIE" in volledig
        and "Leverancier X B.V." in volledig
        and "Beveiligingsmaatregelen" in volledig
    )
    assert "Toegang op basis van rollen" in volledig  # security measures: internal
    assert "GEHEIM-INTERN-NOTITIE" not in openbaar and "Leverancier X B.V." not in openbaar
    assert "Toegang op basis van rollen" not in openbaar
    # the public version lists only approved versions: not C, D, F (never approved) nor E (archived)
    assert "C onvolledig" in volledig and "C onvolledig" not in openbaar and "E gearchiveerd" not in openbaar


def test_thema_van_de_gemeente_in_de_kop(wereld, maak_rapport, vang_html):
    from rapportages.demo import _logo_png

    services.thema_opslaan(
        door=None,
        gemeente=wereld.gemeente,
        naam="Gemeente Voorbeeldstad – privacy",
        primaire_kleur="#6A1B9A",
        logo=ContentFile(_logo_png("#6a1b9a"), name="logo.png"),
    )
    rapportage = maak_rapport(wereld["fg"], Soort.REGISTER_OPENBAAR, wereld.gemeente)
    (html,) = vang_html
    assert "Gemeente Voorbeeldstad – privacy" in html and "#6a1b9a" in html
    assert 'src="data:image/png;base64,' in html and 'alt="Logo Gemeente Voorbeeldstad – privacy"' in html
    assert rapportage.status == Status.KLAAR


def test_thema_weigert_te_lichte_kleur_en_een_bestand_dat_geen_afbeelding_is(wereld):
    assert contrast_met_wit("#153b5c") > 4.5 > contrast_met_wit("#ffcc00")
    with pytest.raises(ValidationError) as fout:
        services.thema_opslaan(door=None, gemeente=wereld.gemeente, naam="X", primaire_kleur="#ffcc00")
    assert "primaire_kleur" in fout.value.message_dict
    with pytest.raises(ValidationError) as fout:
        services.thema_opslaan(
            door=None,
            gemeente=wereld.gemeente,
            naam="X",
            primaire_kleur="#153b5c",
            logo=ContentFile(b"<svg/>", name="x.png"),
        )
    assert "logo" in fout.value.message_dict
    assert not GemeenteThema.objects.exists()


def test_de_vier_rapportages_als_pdf_en_png(wereld, register, lekken, maak_rapport):
    """Writes test-artifacts/pdf/rapportage-*.pdf and their PNG pages (pdftoppm -png -r 60) to look at."""
    from rapportages.demo import AANBEVELINGEN, BEVINDINGEN, _logo_png

    services.thema_opslaan(
        door=None,
        gemeente=wereld.gemeente,
        naam="Gemeente Voorbeeldstad",
        primaire_kleur="#00557f",
        logo=ContentFile(_logo_png("#00557f"), name="logo.png"),
    )
    services.bevindingen_opslaan(
        door=wereld["fg"],
        gemeente=wereld.gemeente,
        jaar=2026,
        bevindingen=BEVINDINGEN,
        aanbevelingen=AANBEVELINGEN,
        nu=NU,
    )
    ARTEFACTEN.mkdir(parents=True, exist_ok=True)
    for oud in ARTEFACTEN.glob("rapportage-*"):
        oud.unlink()
    fg = wereld["fg"]
    for soort, periode in (
        (Soort.KWARTAALEVALUATIE, Q3),
        (Soort.JAARVERSLAG, (date(2026, 1, 1), date(2026, 12, 31))),
        (Soort.REGISTER, (None, None)),
        (Soort.REGISTER_OPENBAAR, (None, None)),
    ):
        rapportage = maak_rapport(fg, soort, wereld.gemeente, *periode)
        assert rapportage.status == Status.KLAAR, soort
        doel = ARTEFACTEN / f"rapportage-{soort}.pdf".replace("_", "-")
        with rapportage.pdf.open("rb") as bestand:
            doel.write_bytes(bestand.read())
        if shutil.which("pdftoppm"):
            subprocess.run(["pdftoppm", "-png", "-r", "60", doel, doel.with_suffix("")], check=True)
    if not shutil.which("pdfinfo"):
        pytest.skip("pdfinfo (poppler-utils) is niet geïnstalleerd")
    info = subprocess.run(
        ["pdfinfo", ARTEFACTEN / "rapportage-jaarverslag.pdf"], capture_output=True, text=True, check=True
    ).stdout
    assert "Tagged:          yes" in info and "Page size:       595" in info
    assert "Jaarverslag van de FG aan het college" in info


def test_beheerder_zet_de_huisstijl_via_de_admin(client, wereld):
    from ..factories import UserFactory

    beheerder = UserFactory(username="beheerder", is_staff=True, is_superuser=True)
    client.force_login(beheerder)
    antwoord = client.post(
        "/beheer/rapportages/gemeentethema/add/",
        {"gemeente": wereld.gemeente.pk, "naam": "Gemeente Voorbeeldstad", "primaire_kleur": "#00557f"},
    )
    assert antwoord.status_code == 302, antwoord.content.decode()[:2000]
    thema = GemeenteThema.objects.get()
    assert thema.primaire_kleur == "#00557f" and thema.history.first().history_user == beheerder
    antwoord = client.post(
        f"/beheer/rapportages/gemeentethema/{thema.pk}/change/", {"naam": "X", "primaire_kleur": "#ffee00"}
    )
    assert antwoord.status_code == 200 and "te licht" in antwoord.content.decode()
    assert client.get("/beheer/rapportages/rapportage/add/").status_code == 403


def test_te_lang_bezig_stopt_met_een_reden_en_kan_opnieuw_via_de_pagina(
    client, wereld, maak_rapport, monkeypatch, django_capture_on_commit_callbacks
):
    echte_context = reports.maak_context

    def te_lang(*args, **kwargs):
        raise SoftTimeLimitExceeded()

    monkeypatch.setattr(reports, "maak_context", te_lang)
    rapportage = maak_rapport(wereld["fg"], Soort.REGISTER, wereld.gemeente)
    assert rapportage.status == Status.MISLUKT and rapportage.pogingen == 1
    assert "langer dan 30 minuten" in rapportage.foutmelding

    client.force_login(wereld["fg"])
    detail = client.get(f"/dashboard/rapportages/{rapportage.uuid}/").content.decode()
    assert "langer dan 30 minuten" in detail and "Opnieuw proberen" in detail

    monkeypatch.setattr(reports, "maak_context", echte_context)
    with django_capture_on_commit_callbacks(execute=True):
        antwoord = client.post(f"/dashboard/rapportages/{rapportage.uuid}/opnieuw/")
    assert antwoord.status_code == 302
    rapportage.refresh_from_db()
    assert rapportage.status == Status.KLAAR and rapportage.pdf and rapportage.foutmelding == ""
    redenen = list(rapportage.history.order_by("history_id").values_list("history_change_reason", flat=True))
    assert redenen[-3:] == ["Opnieuw aangevraagd", "Wordt gemaakt", "Klaar"]


def test_alleen_een_mislukte_rapportage_en_alleen_wie_mag_aanvragen_maakt_haar_opnieuw(wereld, maak_rapport):
    klaar = maak_rapport(wereld["fg"], Soort.REGISTER, wereld.gemeente)
    with pytest.raises(ValidationError):
        services.rapportage_opnieuw(door=wereld["fg"], rapportage=klaar)
    services.rapportage_mislukt(klaar.pk, "test")
    with pytest.raises(PermissionDenied):
        services.rapportage_opnieuw(door=wereld["college"], rapportage=klaar)


def test_scan_geeft_een_drie_keer_afgebroken_rapportage_op_met_de_reden(
    wereld, maak_rapport, django_capture_on_commit_callbacks
):
    from datetime import timedelta

    from privacy_portal.core.scanner import termijnen_bewaken
    from rapportages.scan import MAX_POGINGEN

    rapportage = maak_rapport(wereld["fg"], Soort.REGISTER, wereld.gemeente)
    # as a worker killed mid-render leaves it: "bezig", started long ago
    rapportage.status, rapportage.pogingen = Status.BEZIG, MAX_POGINGEN
    rapportage.gestart_op = timezone.now() - timedelta(hours=2)
    rapportage.save()
    with django_capture_on_commit_callbacks(execute=True):
        termijnen_bewaken(herkomst="test")
    rapportage.refresh_from_db()
    assert rapportage.status == Status.MISLUKT and "drie keer afgebroken" in rapportage.foutmelding


def test_zonder_broker_wordt_de_aanvraag_bewaard_en_zegt_de_pagina_wat_waar_is(
    client, wereld, django_capture_on_commit_callbacks
):
    from privacy_portal.celery import app

    from ..celery_hulp import zet_broker

    oud = (app.conf.broker_url, app.conf.task_always_eager)
    zet_broker(app, "redis://127.0.0.1:1/11")  # nothing listens there: Redis is down
    app.conf.task_always_eager = False
    try:
        client.force_login(wereld["fg"])
        with django_capture_on_commit_callbacks(execute=True):
            antwoord = client.post(
                "/dashboard/rapportages/nieuw/",
                {"soort": "register", "gemeente": "voorbeeldstad", "periode_van": "", "periode_tot": ""},
                follow=True,
            )
    finally:
        zet_broker(app, oud[0])
        app.conf.task_always_eager = oud[1]
    assert antwoord.status_code == 200
    rapportage = Rapportage.objects.get()
    assert rapportage.status == Status.WACHTRIJ  # saved; the scan queues it once Redis is back
    assert "In de wachtrij" in antwoord.content.decode()


def test_api_maakt_een_mislukte_rapportage_opnieuw(client, wereld, maak_rapport, django_capture_on_commit_callbacks):
    rapportage = maak_rapport(wereld["fg"], Soort.REGISTER, wereld.gemeente)
    client.force_login(wereld["fg"])
    pad = f"/api/v1/rapportages/{rapportage.uuid}/opnieuw"
    geweigerd = client.post(pad)
    assert geweigerd.status_code == 400 and geweigerd["Content-Type"] == "application/problem+json"
    services.rapportage_mislukt(rapportage.pk, "test")
    with django_capture_on_commit_callbacks(execute=True):
        antwoord = client.post(pad)
    assert antwoord.status_code == 202 and antwoord.json()["status"] == "wachtrij"
    rapportage.refresh_from_db()
    assert rapportage.status == Status.KLAAR
