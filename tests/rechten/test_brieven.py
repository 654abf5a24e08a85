"""The extension letter and the answer letter (an Awb-besluit): content checked on the HTML, the
PDFs written to test-artifacts/pdf/ and, when poppler is installed, converted to PNG to look at."""

import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest
from django.conf import settings

from rechten import services
from rechten.reports import brief_pdf

from .factories import in_behandeling, moment, registreer

MAP = Path(settings.BASE_DIR) / "test-artifacts" / "pdf"


def _bewaar(naam, pdf):
    MAP.mkdir(parents=True, exist_ok=True)
    pad = MAP / f"{naam}.pdf"
    pad.write_bytes(pdf)
    if shutil.which("pdftoppm"):
        subprocess.run(["pdftoppm", "-png", "-r", "60", str(pad), str(MAP / naam)], check=True)  # noqa: S603,S607
    return pad


@pytest.fixture
def verzoek(wereld):
    po = wereld["privacy_officer"]
    wereld.vv.naam = "College van burgemeester en wethouders van Voorbeeldstad"
    wereld.vv.adres = "Postbus 100, 1234 AB Voorbeeldstad"
    wereld.vv.telefoon = "14 0123"
    wereld.vv.save()
    verzoek = registreer(
        door=po,
        gemeente=wereld.gemeente,
        ontvangen_op=date(2026, 3, 3),
        soorten=["inzage", "wissing"],
        verzoeker_naam="Jantje de Vries",
        verzoeker_adres="Dorpsstraat 12\n1234 AB Voorbeeldstad",
    )
    (taak,) = in_behandeling(verzoek, door=po, teams=[wereld.team], nu=moment(date(2026, 3, 4)))
    return verzoek, taak


@pytest.mark.django_db
def test_verlengingsbrief_noemt_reden_nieuwe_deadline_en_klachtrecht(wereld, verzoek):
    verzoek, _taak = verzoek
    verzoek = services.verzoek_verlengen(
        verzoek=verzoek,
        door=wereld["privacy_officer"],
        reden="Uw verzoek gaat over gegevens in vier verschillende systemen.",
        nu=moment(date(2026, 3, 30)),
    )
    pdf, html = brief_pdf("verlenging", verzoek, gegenereerd_door="Priya Officier")
    assert pdf.startswith(b"%PDF")
    for tekst in (
        f"Ons kenmerk {verzoek.kenmerk}",
        "30 maart 2026",  # the letter date is the date of the extension
        "3 maart 2026",
        "uw gegevens in te zien en uw gegevens te verwijderen",
        "vier verschillende systemen",
        "woensdag 3 juni 2026",  # 3 March + 3 months
        "Autoriteit Persoonsgegevens",
        "Jantje de Vries",
        "Dorpsstraat 12",
    ):
        assert tekst in html, tekst
    _bewaar("verlengingsbrief", pdf)


@pytest.mark.django_db
@pytest.mark.parametrize("uitkomst, grond", [("deels_toegewezen", "art_17_3"), ("afgewezen", "buitensporig")])
def test_besluitbrief_is_een_awb_besluit_met_bezwaarclausule_en_klachtrecht_bij_de_ap(wereld, verzoek, uitkomst, grond):
    verzoek, taak = verzoek
    po = wereld["privacy_officer"]
    services.taak_afronden(taak=taak, door=wereld["teammanager"], resultaat="Gedaan", nu=moment(date(2026, 3, 20)))
    services.geen_ontvangers_vastleggen(verzoek=verzoek, door=po, toelichting="Nooit verstrekt")
    verzoek = services.verzoek_afhandelen(
        verzoek=verzoek,
        door=po,
        uitkomst=uitkomst,
        grond=grond,
        toelichting="U krijgt een kopie van uw dossier.\n\nUw gegevens in de BRP verwijderen wij niet.",
        nu=moment(date(2026, 3, 24)),
    )
    # printed to be sent on the day of the decision (issue 12: dated when sent, see test_besluitbrief_verzending.py)
    pdf, html = brief_pdf("besluit", verzoek, gegenereerd_door="Priya Officier", nu=moment(date(2026, 3, 24)))
    assert pdf.startswith(b"%PDF")
    for tekst in (
        "Besluit op uw verzoek",
        f"Ons kenmerk {verzoek.kenmerk}",
        "24 maart 2026",  # the date of sending
        "Ons besluit",
        "Waarom hebben wij dit besloten?",
        "U krijgt een kopie van uw dossier.",
        "Uw gegevens in de BRP verwijderen wij niet.",
        # the bezwaar clause: six weeks, to whom and where, what to put in it
        "bezwaar maken",
        "<strong>zes weken</strong>. Die termijn begint op de dag na de verzending van deze brief",
        "College van burgemeester en wethouders van Voorbeeldstad",
        "Postbus 100",
        "1234 AB Voorbeeldstad",
        "uw handtekening",
        "Algemene wet bestuursrecht",
        # the right to complain to the AP
        "recht om een klacht in te dienen bij de Autoriteit Persoonsgegevens",
        "www.autoriteitpersoonsgegevens.nl",
    ):
        assert tekst in html, tekst
    if uitkomst == "afgewezen":
        assert "Wij wijzen uw verzoek af." in html and "vaker vroeg" in html
    else:
        assert "voor een deel toe" in html and "artikel 17 lid 3" in html
    _bewaar(f"besluitbrief-{uitkomst}", pdf)


@pytest.mark.django_db
def test_brieven_via_de_pagina_alleen_als_ze_bestaan_en_het_downloaden_wordt_gelogd(client, wereld, verzoek):
    from privacy_portal.core.models import AuditEvent

    verzoek, _taak = verzoek
    client.force_login(wereld["privacy_officer"])
    assert client.get(f"/verzoeken/{verzoek.uuid}/verlengingsbrief.pdf").status_code == 404
    assert client.get(f"/verzoeken/{verzoek.uuid}/besluit.pdf").status_code == 404
    services.verzoek_verlengen(
        verzoek=verzoek, door=wereld["privacy_officer"], reden="Complex", nu=moment(date(2026, 3, 5))
    )
    antwoord = client.get(f"/verzoeken/{verzoek.uuid}/verlengingsbrief.pdf")
    assert antwoord.status_code == 200 and antwoord["Content-Type"] == "application/pdf"
    assert antwoord["Cache-Control"] == "no-store"
    assert AuditEvent.objects.filter(actie="downloaden", object_id=str(verzoek.uuid)).count() == 1
