"""A DPIA as people carry it out through the pages, the report as PDF, and the overview per gemeente."""

import re
import shutil
import subprocess
from datetime import timedelta
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import timezone

from dpia.models import Dpia
from dpia.rapport import rapport_context
from privacy_portal.core.models import AuditEvent
from privacy_portal.core.pdf import render_pdf

from .factories import maak_dpia, verwerking_voor

ARTEFACTEN = Path(settings.BASE_DIR) / "test-artifacts" / "pdf"


def _vragen(client, dpia, deel, invullen):
    """Post a questionnaire part with its current answers, plus {address: value}."""
    pagina = client.get(f"/dpia/{dpia.uuid}/vragen/{deel}/")
    assert pagina.status_code == 200
    form = pagina.context["form"]
    data = {k: v for k, v in form.initial.items() if v not in ("", None, [])}
    for adres, waarde in invullen.items():
        slot = next(s for s in form.slots if s.adres == adres)
        data[slot.naam] = waarde
    antwoord = client.post(f"/dpia/{dpia.uuid}/vragen/{deel}/", data)
    assert antwoord.status_code == 302, antwoord.context["form"].errors if antwoord.context else antwoord


@pytest.mark.django_db
def test_teammanager_voert_de_dpia_uit_de_fg_adviseert_en_de_teammanager_accepteert(client, wereld):
    verwerking = verwerking_voor(wereld, naam="Wmo maatwerkvoorzieningen", bijzondere_categorieen=["gezondheid"])
    tm, fg, ciso = wereld["teammanager"], wereld["fg"], wereld["ciso"]
    client.force_login(tm)
    assert client.get("/dpia/").status_code == 200
    pagina = client.get(f"/dpia/nieuw/?verwerking={verwerking.uuid}")
    assert pagina.status_code == 200 and "selected" in pagina.content.decode()
    antwoord = client.post("/dpia/nieuw/", {"verwerkingen": [verwerking.pk], "titel": ""})
    dpia = Dpia.objects.get()
    assert antwoord.url == f"/dpia/{dpia.uuid}/prescan/"
    antwoord = client.post(f"/dpia/{dpia.uuid}/prescan/", {"criteria": ["kwetsbare_betrokkenen"], "ap_lijst": ["7"]})
    assert antwoord.status_code == 302
    dpia.refresh_from_db()
    assert (dpia.prescan_uitkomst, dpia.status) == ("verplicht", "in_uitvoering")

    _vragen(client, dpia, "A", {("1.1",): "Indicaties voor huishoudelijke hulp en hulpmiddelen."})
    _vragen(client, dpia, "B", {("14.1",): "Geen minder ingrijpende manier.", ("14.2",): "In verhouding."})
    _vragen(client, dpia, "S", {("18",): "Twee risico's; na maatregelen gemiddeld."})

    risico = {
        "beschrijving": "Onbevoegde inzage in gezondheidsgegevens.",
        "oorsprong": "Brede rechten",
        "kans": "midden",
        "impact": "hoog",
    }
    assert client.post(f"/dpia/{dpia.uuid}/risicos/", risico).status_code == 302
    assert (
        client.post(
            f"/dpia/{dpia.uuid}/risicos/",
            {
                "beschrijving": "Fout in indicatie.",
                "kans": "laag",
                "impact": "midden",
                "restrisico": "laag",
                "restrisico_motivering": "Vier-ogen.",
            },
        ).status_code
        == 302
    )
    r1 = dpia.risicos.get(nummer=1)
    pagina = client.get(f"/dpia/{dpia.uuid}/risicos/")
    assert "<svg" in pagina.content.decode() and "Risicomatrix: kans maal impact" in pagina.content.decode()
    maatregel = {
        "beschrijving": "Autorisaties per rol.",
        "soort": "technisch",
        "risico": r1.pk,
        "eigenaar": ciso.pk,
        "deadline": (timezone.localdate() + timedelta(days=30)).isoformat(),
        "status": "gepland",
    }
    assert client.post(f"/dpia/{dpia.uuid}/maatregelen/", maatregel).status_code == 302
    antwoord = client.post(
        f"/dpia/{dpia.uuid}/risicos/{r1.uuid}/", {**risico, "restrisico": "midden", "restrisico_motivering": "Na M1."}
    )
    assert antwoord.status_code == 302
    assert client.post(f"/dpia/{dpia.uuid}/advies-vragen/").status_code == 302
    dpia.refresh_from_db()
    assert dpia.status == "advies" and dpia.restrisico == "midden"

    client.force_login(ciso)
    client.post(f"/dpia/{dpia.uuid}/beveiligingsadvies/", {"ciso-advies": "Logging per inzage."})
    client.force_login(fg)
    pagina = client.get(f"/dpia/{dpia.uuid}/").content.decode()
    assert "Advies van de FG vastleggen" in pagina
    client.post(
        f"/dpia/{dpia.uuid}/fg-advies/",
        {"fg-oordeel": "voorwaarden", "fg-advies": "Herzie de rechten binnen drie maanden."},
    )
    client.force_login(tm)
    pagina = client.get(f"/dpia/{dpia.uuid}/").content.decode()
    assert "Restrisico accepteren en de DPIA afronden" in pagina and "Advies van de FG vastleggen" not in pagina
    client.post(f"/dpia/{dpia.uuid}/accepteren/", {"acc-motivering": "Gemiddeld restrisico is aanvaardbaar."})
    dpia.refresh_from_db()
    assert dpia.status == "afgerond" and dpia.beveiligingsadvies and dpia.fg_oordeel == "voorwaarden"

    pdf = client.get(f"/dpia/{dpia.uuid}/rapport.pdf")
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")
    assert AuditEvent.objects.filter(actie="downloaden", object_id=str(dpia.uuid)).exists()
    ARTEFACTEN.mkdir(parents=True, exist_ok=True)
    (ARTEFACTEN / "dpia-rapport-wmo.pdf").write_bytes(pdf.content)
    pagina = client.get(f"/verwerkingen/{verwerking.uuid}/").content.decode()
    assert "Uitgevoerd" in pagina and "Afgerond op" in pagina


@pytest.mark.django_db
def test_rapport_bevat_alle_delen_matrix_maatregelen_advies_en_ondertekening(wereld):
    dpia = maak_dpia(wereld, stap="afgerond")
    pdf, html = render_pdf("reports/dpia/rapport.html", rapport_context(dpia, wereld["privacy_officer"]))
    assert pdf.startswith(b"%PDF")
    for kop in (
        "Managementsamenvatting",
        "Pre-scan",
        "Deel A – Beschrijving",
        "§ 1 Voorstel",
        "§ 10 Bewaartermijnen",
        "Deel B – Beoordeling van de rechtmatigheid",
        "§ 14 Noodzaak en evenredigheid",
        "Deel C",
        "Deel D",
        "Advies van de functionaris gegevensbescherming (FG)",
        "Vaststelling en ondertekening",
        "Versiegeschiedenis",
    ):
        assert kop in html, kop
    assert '<svg xmlns="http://www.w3.org/2000/svg" class="risicomatrix" role="img"' in html
    assert "Tekstalternatief: 1 risico. R1: kans gemiddeld, impact gemiddeld, risico gemiddeld." in html
    assert "Autorisaties per rol." in html and "Oordeel: Positief." in html and "Aanvaardbaar." in html
    assert re.search(r"Geen minder ingrijpende manier|Er is geen minder ingrijpende manier", html)
    ARTEFACTEN.mkdir(parents=True, exist_ok=True)
    (ARTEFACTEN / "dpia-rapport.pdf").write_bytes(pdf)
    if not shutil.which("pdfinfo"):
        pytest.skip("pdfinfo (poppler-utils) is niet geïnstalleerd")
    info = subprocess.run(
        ["pdfinfo", ARTEFACTEN / "dpia-rapport.pdf"], capture_output=True, text=True, check=True
    ).stdout
    assert "Tagged:          yes" in info and "Page size:       595" in info


@pytest.mark.django_db
def test_overzicht_per_gemeente(client, wereld):
    maak_dpia(wereld, stap="afgerond")
    maak_dpia(wereld, stap="in_uitvoering", plek="ander_team")
    client.force_login(wereld["college"])
    pagina = client.get("/dpia/overzicht/voorbeeldstad/")
    assert pagina.status_code == 200
    cijfers = pagina.context["cijfers"]
    assert cijfers["aantal"] == 2 and dict((c, n) for c, _l, n in cijfers["statussen"])["afgerond"] == 1
    assert dict((c, n) for c, _l, n in cijfers["uitkomsten"])["vereist"] == 2
    assert client.get("/dpia/overzicht/randdorp/").status_code == 404


@pytest.mark.django_db
def test_overige_paginas_en_rechten_op_paginas(client, wereld):
    dpia = maak_dpia(wereld, stap="besluit")
    client.force_login(wereld["medewerker"])
    for pad in ("", "historie/", "risicos/", "maatregelen/"):
        assert client.get(f"/dpia/{dpia.uuid}/{pad}").status_code == 200, pad
    assert client.get(f"/dpia/{dpia.uuid}/prescan/").status_code == 403
    assert client.post(f"/dpia/{dpia.uuid}/risicos/", {"beschrijving": "x"}).status_code == 403
    assert client.get("/dpia/vragenlijsten/").status_code == 200
    client.force_login(wereld["buitenstaander"])
    assert client.get(f"/dpia/{dpia.uuid}/").status_code == 404
    assert client.get(f"/dpia/{dpia.uuid}/rapport.pdf").status_code == 404
    assert client.get("/dpia/nieuw/").status_code == 403
