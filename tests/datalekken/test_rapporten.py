"""The datalek dossier (PDF) and the quarterly overview (page and PDF): complete, scoped, audited,
and without individual datalekken for the college.

Datalekken are made through the real services with fixed moments in 2026 (Europe/Amsterdam).
"""

import re
import shutil
import subprocess
import zlib
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from django.conf import settings
from django.utils import timezone

from datalekken import rapport_views, selectors, services
from datalekken.ap_tekst import ap_secties
from datalekken.constants import Risico, SoortMelding
from privacy_portal.core import pdf as pdf_module
from privacy_portal.core.models import AuditEvent
from privacy_portal.core.pdf import pdf_response, render_pdf
from privacy_portal.organisaties.rollen import Rol
from registers.constants import Status as VerwerkingStatus

from ..factories import AP_MELDER, RolFactory, maak_verwerking

AMS = ZoneInfo("Europe/Amsterdam")
ARTEFACTEN = Path(settings.BASE_DIR) / "test-artifacts" / "pdf"


def op(jaar, maand, dag, uur=9, minuut=0):
    return datetime(jaar, maand, dag, uur, minuut, tzinfo=AMS)


def melden(wereld, titel, moment, *, door=None, gemeente=None, **gegevens):
    """A datalek reported at `moment`, discovered (and known) an hour earlier."""
    return services.datalek_melden(
        door=door or wereld["medewerker"],
        gemeente=gemeente or wereld.gemeente,
        gegevens={
            "titel": titel,
            "omschrijving": f"Omschrijving van: {titel}.",
            "ontdekt_op": moment - timedelta(hours=1),
            **gegevens,
        },
        nu=moment,
    )


def beoordelen(wereld, datalek, moment, **gegevens):
    gegevens = {**AP_MELDER, **gegevens}
    return services.datalek_behandelen(datalek=datalek, door=wereld["privacy_officer"], gegevens=gegevens, nu=moment)


@pytest.fixture
def kwartaal3(wereld):
    """Q3 2026: one notified on time, one late (with a reason), one 'geen risico'; plus one in Q2
    and one in another gemeente, which must not count."""
    po = wereld["privacy_officer"]
    verwerking = maak_verwerking(
        team=wereld.team, vv=wereld.vv, door=po, goedkeurder=po, status=VerwerkingStatus.VASTGESTELD
    )

    op_tijd = melden(wereld, "Brief aan verkeerd adres", op(2026, 7, 6))
    beoordelen(
        wereld,
        op_tijd,
        op(2026, 7, 6, 14),
        oorzaak="verkeerd_verstuurd",
        soort_inbreuk=["gelezen"],
        soorten_gegevens=["naw", "bsn"],
        aantal_betrokkenen=1,
        risico=Risico.RISICO,
        risico_motivering="BSN bij een onbekende ontvanger.",
        genomen_maatregelen="Ontvanger gevraagd de brief te vernietigen.",
    )
    services.melding_ap_vastleggen(
        datalek=op_tijd,
        door=po,
        soort=SoortMelding.MELDING,
        gemeld_op=op(2026, 7, 7, 10),
        ap_referentie="M-0001",
        nu=op(2026, 7, 7, 10),
    )
    services.datalek_afsluiten(datalek=op_tijd, door=po, motivering="Brief vernietigd.", nu=op(2026, 7, 20))

    te_laat = melden(
        wereld,
        "Laptop gestolen uit auto",
        op(2026, 8, 10, 9),
        kennisname_op=op(2026, 8, 10, 8),
        team=wereld.ander_team,
        begonnen_op=op(2026, 8, 9, 22),
    )
    services.datalek_behandelen(
        datalek=te_laat,
        door=po,
        gegevens={
            "oorzaak": "diefstal",
            "soort_inbreuk": ["gestolen", "gelezen"],
            "gevolgen_voor": ["vertrouwelijkheid", "beschikbaarheid"],
            "soorten_gegevens": ["naw", "bijzonder"],
            "bijzondere_categorieen": ["gezondheid"],
            "aantal_betrokkenen": 120,
            "aantal_records": 340,
            "categorieen_betrokkenen": "Cliënten Wmo",
            "mogelijke_gevolgen": "Schaamte en kans op misbruik van gezondheidsgegevens.",
            "genomen_maatregelen": "Laptop op afstand gewist; aangifte gedaan.",
            "contactpersoon": "Privacy officer, 030 123 45 67",
            **AP_MELDER,
            "risico": Risico.HOOG,
            "risico_motivering": "Gezondheidsgegevens van veel cliënten, niet versleuteld.",
        },
        verwerkingen=[verwerking],
        nu=op(2026, 8, 11, 10),
    )
    services.melding_ap_vastleggen(
        datalek=te_laat,
        door=po,
        soort=SoortMelding.MELDING,
        gemeld_op=op(2026, 8, 14, 12),
        ap_referentie="M-0002",
        reden_vertraging="De leverancier bevestigde de diefstal pas op 13 augustus.",
        nu=op(2026, 8, 14, 12),
    )
    services.melding_ap_vastleggen(
        datalek=te_laat,
        door=po,
        soort=SoortMelding.AANVULLING,
        gemeld_op=op(2026, 8, 20, 15, 30),
        toelichting="Aantal betrokkenen bijgesteld naar 120.",
        nu=op(2026, 8, 20, 15, 30),
    )
    services.betrokkenen_informeren(
        datalek=te_laat, door=po, geinformeerd_op=op(2026, 8, 15, 11), wijze="brief", aantal=120, nu=op(2026, 8, 15, 11)
    )

    geen_risico = melden(wereld, "E-mail zonder bcc verstuurd", op(2026, 9, 20, 16))
    beoordelen(
        wereld,
        geen_risico,
        op(2026, 9, 21),
        oorzaak="verkeerd_verstuurd",
        soort_inbreuk=["gelezen"],
        risico=Risico.GEEN,
        risico_motivering="Alleen zakelijke e-mailadressen van leveranciers.",
        mogelijke_gevolgen="Geen: zakelijke adressen zijn openbaar.",
        genomen_maatregelen="Ontvangers gevraagd de e-mail te verwijderen.",
    )
    services.datalek_afsluiten(datalek=geen_risico, door=po, nu=op(2026, 9, 22))

    melden(wereld, "Melding uit het tweede kwartaal", op(2026, 6, 30, 12))
    po_elders = RolFactory(gemeente=wereld.andere_gemeente, rol=Rol.PRIVACY_OFFICER).gebruiker
    melden(wereld, "Datalek in een andere gemeente", op(2026, 8, 1), door=po_elders, gemeente=wereld.andere_gemeente)
    return {"op_tijd": op_tijd, "te_laat": te_laat, "geen_risico": geen_risico, "verwerking": verwerking}


def pdf_objecten(inhoud):
    """The PDF with its compressed streams unpacked, to check metadata without a PDF library."""
    delen = [inhoud]
    for begin in re.finditer(rb"stream\r?\n", inhoud):
        try:
            delen.append(zlib.decompress(inhoud[begin.end() : inhoud.find(b"endstream", begin.end())]))
        except zlib.error:
            pass
    return b"\n".join(delen)


@pytest.fixture
def vang_html(monkeypatch):
    """Spy on render_pdf in the report views: keeps the HTML of every rendered PDF."""
    gevangen = []

    def spion(template_name, context, **kwargs):
        pdf, html = render_pdf(template_name, context, **kwargs)
        gevangen.append(html)
        return pdf, html

    monkeypatch.setattr(rapport_views, "render_pdf", spion)
    return gevangen


# --- the PDF helper ------------------------------------------------------------------------------


def test_pdf_response_is_inline_en_wordt_niet_bewaard():
    antwoord = pdf_response(b"%PDF-1.7 test", "dossier DL-2026-00001.pdf")
    assert antwoord["Content-Type"] == "application/pdf"
    assert antwoord["Content-Disposition"].startswith("inline;")
    assert "DL-2026-00001.pdf" in antwoord["Content-Disposition"]
    assert antwoord["Cache-Control"] == "no-store"


def test_pdf_haalt_niets_van_het_netwerk_en_alleen_statische_bestanden():
    fetcher = pdf_module._lokale_fetcher()
    for url in ("http://example.invalid/logo.png", "https://fonts.example.invalid/font.woff2", "file:///etc/passwd"):
        with pytest.raises(ValueError):
            fetcher.fetch(url)
    css = Path(settings.BASE_DIR) / "static" / "css" / "portal.css"
    antwoord = fetcher.fetch(css.as_uri())
    assert b"utrecht" in antwoord.read()
    antwoord.close()


def test_pdf_is_pdf_ua_met_titel_en_nederlandse_taal():
    pdf, html = render_pdf("reports/basis.html", {"titel": "Proefrapport", "gegenereerd_op": timezone.now()})
    assert pdf.startswith(b"%PDF") and "<title>Proefrapport</title>" in html
    objecten = pdf_objecten(pdf)
    assert b'pdfuaid:part="1"' in objecten
    assert b"/Lang (nl)" in objecten and b"/StructTreeRoot" in objecten and b"/DisplayDocTitle true" in objecten
    assert b"Proefrapport" in objecten


def test_pdf_valt_terug_op_een_getagde_pdf_als_pdf_ua_niet_lukt(monkeypatch):
    from weasyprint import HTML

    echt = HTML.write_pdf

    def zonder_pdf_ua(self, *args, **kwargs):
        if kwargs.get("pdf_variant"):
            raise ValueError("PDF/UA niet mogelijk")
        return echt(self, *args, **kwargs)

    monkeypatch.setattr(HTML, "write_pdf", zonder_pdf_ua)
    pdf, _html = render_pdf("reports/basis.html", {"titel": "Proefrapport", "gegenereerd_op": timezone.now()})
    objecten = pdf_objecten(pdf)
    assert pdf.startswith(b"%PDF") and b"/StructTreeRoot" in objecten and b"pdfuaid" not in objecten


# --- the dossier ---------------------------------------------------------------------------------


@pytest.mark.django_db
def test_dossier_bevat_elke_ap_sectie_de_meldingen_en_de_historie(client, wereld, kwartaal3, vang_html):
    datalek = kwartaal3["te_laat"]
    po = wereld["privacy_officer"]
    client.force_login(po)
    antwoord = client.get(f"/datalekken/{datalek.uuid}/dossier.pdf")

    assert antwoord.status_code == 200
    assert antwoord.content.startswith(b"%PDF")
    assert antwoord["Content-Type"] == "application/pdf"
    assert antwoord["Content-Disposition"].startswith("inline;")
    assert antwoord["Cache-Control"] == "no-store"
    html = vang_html[0]
    kenmerk = datalek.kenmerk
    assert f"<title>Dossier datalek {kenmerk}</title>" in html
    assert '<html lang="nl">' in html
    for sectie, vragen in ap_secties(datalek):
        assert f"<h3>{sectie}</h3>" in html
        for vraag, _antwoord in vragen:
            assert f'<th scope="row">{vraag}</th>' in html
    # the deadline and the late notification with its reason, in Amsterdam time and Dutch months
    assert "Te laat gemeld bij de AP" in html
    assert "donderdag 13 augustus 2026, 08:00" in html
    assert "14 augustus 2026 12:00" in html and "M-0002" in html
    assert "1 dag en 4 uur na de deadline" in html
    assert "De leverancier bevestigde de diefstal pas op 13 augustus." in html
    assert "Aanvulling" in html and "Aantal betrokkenen bijgesteld naar 120." in html
    assert "De betrokkenen zijn geïnformeerd op 15 augustus 2026 11:00 via brief; aantal geïnformeerd: 120" in html
    assert kwartaal3["verwerking"].naam in html
    assert "Melding aan de AP vastgelegd" in html and "Betrokkenen geïnformeerd" in html
    assert "Hoog risico" in html  # history shows choice labels, not codes
    assert "Gemeente Voorbeeldstad" in html
    assert f"door {po.get_full_name()}" in html and "Gegenereerd op" in html


@pytest.mark.django_db
def test_dossier_op_tijd_en_geen_risico(client, wereld, kwartaal3, vang_html):
    client.force_login(wereld["privacy_officer"])
    client.get(f"/datalekken/{kwartaal3['op_tijd'].uuid}/dossier.pdf")
    client.get(f"/datalekken/{kwartaal3['geen_risico'].uuid}/dossier.pdf")
    op_tijd, geen_risico = vang_html
    assert "Op tijd gemeld bij de AP" in op_tijd and "1 dag en 22 uur voor de deadline" in op_tijd
    assert "Afgesloten op 20 juli 2026" in op_tijd and "Brief vernietigd." in op_tijd
    assert "Niet gemeld: geen risico" in geen_risico and "art. 33 lid 5" in geen_risico
    assert "Er is geen melding aan de AP vastgelegd." in geen_risico


@pytest.mark.django_db
def test_dossier_noemt_de_uitzondering_van_artikel_34_lid_3(client, wereld, vang_html):
    po = wereld["privacy_officer"]
    datalek = melden(wereld, "Versleutelde USB-stick verloren", op(2026, 7, 1))
    beoordelen(wereld, datalek, op(2026, 7, 1, 12), risico=Risico.HOOG, risico_motivering="Medische dossiers.")
    services.betrokkenen_informeren(
        datalek=datalek,
        door=po,
        uitzondering="versleuteld",
        motivering="De stick was met BitLocker versleuteld.",
        nu=op(2026, 7, 2),
    )
    client.force_login(po)
    client.get(f"/datalekken/{datalek.uuid}/dossier.pdf")
    html = vang_html[0]
    assert "Uitzondering van art. 34 lid 3 AVG: a. De gegevens waren onbegrijpelijk gemaakt (versleuteld)" in html
    assert "De stick was met BitLocker versleuteld." in html
    assert "Nog niet gemeld bij de AP" in html


@pytest.mark.django_db
def test_dossier_downloaden_wordt_gelogd(client, wereld, kwartaal3):
    po = wereld["privacy_officer"]
    datalek = kwartaal3["op_tijd"]
    client.force_login(po)
    assert client.get(f"/datalekken/{datalek.uuid}/dossier.pdf").status_code == 200
    event = AuditEvent.objects.get(actie=AuditEvent.Actie.DOWNLOADEN)
    assert (event.actor, event.object_type, event.object_id) == (po, "datalekken.Datalek", str(datalek.uuid))


@pytest.mark.django_db
@pytest.mark.parametrize("rol", ["college", "directeur", "teammanager", "buitenstaander"])
def test_dossier_buiten_bereik_bestaat_niet(client, wereld, kwartaal3, rol):
    # "te_laat" belongs to the other team: the teammanager of wereld.team does not see it either
    client.force_login(wereld[rol])
    assert client.get(f"/datalekken/{kwartaal3['te_laat'].uuid}/dossier.pdf").status_code == 404
    assert not AuditEvent.objects.filter(actie=AuditEvent.Actie.DOWNLOADEN).exists()


@pytest.mark.django_db
def test_melder_en_teammanager_van_het_eigen_team_krijgen_het_dossier(client, wereld, kwartaal3, vang_html):
    for rol in ("medewerker", "teammanager"):
        client.force_login(wereld[rol])
        assert client.get(f"/datalekken/{kwartaal3['op_tijd'].uuid}/dossier.pdf").status_code == 200


@pytest.mark.django_db
def test_rapporten_vragen_om_inloggen(client, wereld, kwartaal3):
    assert client.get(f"/datalekken/{kwartaal3['op_tijd'].uuid}/dossier.pdf").status_code == 302
    assert client.get("/datalekken/kwartaal/voorbeeldstad/").status_code == 302


# --- the quarterly overview ----------------------------------------------------------------------


@pytest.mark.django_db
def test_kwartaalcijfers_kloppen_met_bekende_gegevens(wereld, kwartaal3):
    cijfers = selectors.kwartaal_cijfers(wereld.gemeente, date(2026, 7, 1), date(2026, 10, 1))
    assert cijfers["aantal"] == 3
    assert (cijfers["gemeld_ap"], cijfers["op_tijd"], cijfers["te_laat"]) == (2, 1, 1)
    assert (cijfers["meldplichtig"], cijfers["niet_meldplichtig"], cijfers["onbeoordeeld"]) == (2, 1, 0)
    assert (cijfers["betrokkenen_geinformeerd"], cijfers["hoog_risico"], cijfers["meldplichtig_niet_gemeld"]) == (
        1,
        1,
        0,
    )
    assert (cijfers["open"], cijfers["afgesloten"]) == (1, 2)
    assert {code: n for code, _label, n in cijfers["per_risico"]} == {"geen": 1, "risico": 1, "hoog": 1}
    per_oorzaak = {code: n for code, _label, n in cijfers["per_oorzaak"]}
    assert per_oorzaak["verkeerd_verstuurd"] == 2 and per_oorzaak["diefstal"] == 1 and sum(per_oorzaak.values()) == 3
    per_soort = {code: n for code, _label, n in cijfers["per_soort_inbreuk"]}
    assert per_soort["gelezen"] == 3 and per_soort["gestolen"] == 1 and per_soort["verwijderd"] == 0
    assert [d.titel for d in cijfers["datalekken"]] == [
        "Brief aan verkeerd adres",
        "Laptop gestolen uit auto",
        "E-mail zonder bcc verstuurd",
    ]
    q2 = selectors.kwartaal_cijfers(wereld.gemeente, date(2026, 4, 1), date(2026, 7, 1))
    assert q2["aantal"] == 1 and q2["onbeoordeeld"] == 1


@pytest.mark.django_db
def test_privacy_officer_ziet_cijfers_en_de_afzonderlijke_datalekken(client, wereld, kwartaal3):
    client.force_login(wereld["privacy_officer"])
    antwoord = client.get("/datalekken/kwartaal/voorbeeldstad/", {"jaar": 2026, "kwartaal": 3})
    html = antwoord.content.decode()
    assert antwoord.status_code == 200
    assert antwoord.context["cijfers"]["aantal"] == 3
    assert "Brief aan verkeerd adres" in html and "Laptop gestolen uit auto" in html
    assert "Melding uit het tweede kwartaal" not in html and "andere gemeente" not in html
    assert "te laat gemeld op 14 augustus 2026 12:00" in html
    assert "De leverancier bevestigde de diefstal pas op 13 augustus." in html
    assert "Laptop op afstand gewist; aangifte gedaan." in html  # open, with its measures
    assert '<caption class="utrecht-table__caption">Kerncijfers</caption>' in html
    assert 'scope="row"' in html and 'for="id_jaar"' in html and 'for="id_kwartaal"' in html
    assert "?jaar=2026&amp;kwartaal=3&amp;formaat=pdf" in html and "Download als PDF" in html
    assert AuditEvent.objects.filter(actie=AuditEvent.Actie.INZIEN, object_type="datalekken.kwartaaloverzicht").exists()


@pytest.mark.django_db
@pytest.mark.parametrize("rol", ["college", "directeur"])
def test_college_ziet_aantallen_maar_geen_titels_ook_niet_in_de_pdf(client, wereld, kwartaal3, vang_html, rol):
    client.force_login(wereld[rol])
    pagina = client.get("/datalekken/kwartaal/voorbeeldstad/", {"jaar": 2026, "kwartaal": 3})
    pdf = client.get("/datalekken/kwartaal/voorbeeldstad/", {"jaar": 2026, "kwartaal": 3, "formaat": "pdf"})
    assert pagina.status_code == 200 and pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    assert pagina.context["datalekken"] is None
    for html in (pagina.content.decode(), vang_html[0]):
        assert "Gemelde datalekken" in html and "waarvan te laat" in html
        for geheim in (
            "Brief aan verkeerd adres",
            "Laptop gestolen",
            "Omschrijving van",
            "Laptop op afstand gewist",
            "De leverancier bevestigde",
            "M-0002",
            "DL-2026-",
        ):
            assert geheim not in html, f"{geheim!r} staat in de versie voor {rol}"
    assert ">3<" in vang_html[0]  # the total


@pytest.mark.django_db
def test_teammanager_ziet_alleen_de_datalekken_van_het_eigen_team(client, wereld, kwartaal3):
    client.force_login(wereld["teammanager"])
    html = client.get("/datalekken/kwartaal/voorbeeldstad/", {"jaar": 2026, "kwartaal": 3}).content.decode()
    assert "Brief aan verkeerd adres" in html and "Laptop gestolen" not in html
    assert "U ziet alleen de datalekken die u mag inzien" in html


@pytest.mark.django_db
def test_kwartaal_pdf_met_de_cijfers_wordt_gelogd(client, wereld, kwartaal3, vang_html):
    po = wereld["privacy_officer"]
    client.force_login(po)
    antwoord = client.get("/datalekken/kwartaal/voorbeeldstad/", {"jaar": 2026, "kwartaal": 3, "formaat": "pdf"})
    assert antwoord.status_code == 200 and antwoord.content.startswith(b"%PDF")
    assert antwoord["Cache-Control"] == "no-store"
    assert "datalekken-voorbeeldstad-2026-K3.pdf" in antwoord["Content-Disposition"]
    html = vang_html[0]
    assert "Kwartaaloverzicht datalekken Voorbeeldstad, 3e kwartaal 2026" in html
    assert "1 juli 2026 tot en met 30 september 2026" in html
    assert "Laptop gestolen uit auto" in html
    event = AuditEvent.objects.get(actie=AuditEvent.Actie.DOWNLOADEN)
    assert event.actor == po and event.object_id == f"{wereld.gemeente.uuid}/2026-K3"


@pytest.mark.django_db
def test_zonder_keuze_toont_de_pagina_het_huidige_kwartaal(client, wereld):
    client.force_login(wereld["college"])
    antwoord = client.get("/datalekken/kwartaal/voorbeeldstad/")
    vandaag = timezone.localdate()
    assert antwoord.status_code == 200
    assert (antwoord.context["jaar"], antwoord.context["kwartaal"]) == (vandaag.year, (vandaag.month - 1) // 3 + 1)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("params", "melding"),
    [
        ({"jaar": 2026, "kwartaal": 5}, "Kies kwartaal 1, 2, 3 of 4."),
        ({"jaar": "twintig", "kwartaal": 1}, "Vul een jaar in cijfers in"),
        ({"jaar": 1999, "kwartaal": 1}, "Kies een jaar van 2018 tot en met"),
        ({"kwartaal": 2}, "Vul een jaar in."),
        ({"jaar": 2026, "kwartaal": "x", "formaat": "pdf"}, "Kies kwartaal 1, 2, 3 of 4."),
    ],
)
def test_ongeldig_kwartaal_geeft_een_nederlandse_melding(client, wereld, params, melding):
    client.force_login(wereld["privacy_officer"])
    antwoord = client.get("/datalekken/kwartaal/voorbeeldstad/", params)
    html = antwoord.content.decode()
    assert antwoord.status_code == 200 and antwoord["Content-Type"].startswith("text/html")
    assert melding in html
    assert "Dit kwartaal kan niet worden getoond" in html and 'role="alert"' in html
    assert 'aria-invalid="true"' in html


@pytest.mark.django_db
def test_kwartaal_in_de_toekomst_kan_niet(client, wereld):
    client.force_login(wereld["privacy_officer"])
    volgend_jaar = timezone.localdate().year + 1
    html = client.get("/datalekken/kwartaal/voorbeeldstad/", {"jaar": volgend_jaar, "kwartaal": 1}).content.decode()
    assert "Kies een jaar van 2018 tot en met" in html
    jaar, kwartaal = rapport_views.kwartaal_van(timezone.localdate())
    if kwartaal < 4:
        html = client.get("/datalekken/kwartaal/voorbeeldstad/", {"jaar": jaar, "kwartaal": 4}).content.decode()
        assert "Dit kwartaal is nog niet begonnen." in html


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("rol", "slug"), [("medewerker", "voorbeeldstad"), ("buitenstaander", "voorbeeldstad"), ("college", "randdorp")]
)
def test_kwartaal_zonder_recht_op_cijfers_bestaat_niet(client, wereld, rol, slug):
    client.force_login(wereld[rol])
    assert client.get(f"/datalekken/kwartaal/{slug}/").status_code == 404
    assert client.get(f"/datalekken/kwartaal/{slug}/", {"formaat": "pdf"}).status_code == 404


@pytest.mark.parametrize(
    ("jaar", "kwartaal", "van", "tot"),
    [
        (2026, 1, date(2026, 1, 1), date(2026, 4, 1)),
        (2026, 3, date(2026, 7, 1), date(2026, 10, 1)),
        (2026, 4, date(2026, 10, 1), date(2027, 1, 1)),  # the year rolls over
    ],
)
def test_kwartaal_periode(jaar, kwartaal, van, tot):
    assert rapport_views.kwartaal_periode(jaar, kwartaal) == (van, tot)


# --- the PDFs themselves, kept for a look --------------------------------------------------------


@pytest.mark.django_db
def test_pdfs_worden_bewaard_en_zijn_getagd_met_titel_en_taal(client, wereld, kwartaal3):
    ARTEFACTEN.mkdir(parents=True, exist_ok=True)
    client.force_login(wereld["privacy_officer"])
    bestanden = {
        "dossier-datalek.pdf": client.get(f"/datalekken/{kwartaal3['te_laat'].uuid}/dossier.pdf").content,
        "kwartaal-privacy-officer.pdf": client.get(
            "/datalekken/kwartaal/voorbeeldstad/", {"jaar": 2026, "kwartaal": 3, "formaat": "pdf"}
        ).content,
    }
    client.force_login(wereld["college"])
    bestanden["kwartaal-college.pdf"] = client.get(
        "/datalekken/kwartaal/voorbeeldstad/", {"jaar": 2026, "kwartaal": 3, "formaat": "pdf"}
    ).content
    for naam, inhoud in bestanden.items():
        assert inhoud.startswith(b"%PDF"), naam
        assert b'pdfuaid:part="1"' in pdf_objecten(inhoud), naam
        (ARTEFACTEN / naam).write_bytes(inhoud)
    if not shutil.which("pdfinfo"):
        pytest.skip("pdfinfo (poppler-utils) is niet geïnstalleerd")
    info = subprocess.run(
        ["pdfinfo", ARTEFACTEN / "dossier-datalek.pdf"], capture_output=True, text=True, check=True
    ).stdout
    assert "Tagged:          yes" in info
    assert f"Dossier datalek {kwartaal3['te_laat'].kenmerk}" in info
    assert "Page size:       595" in info  # A4


@pytest.mark.django_db
def test_kwartaalpagina_doet_evenveel_queries_bij_meer_datalekken(client, wereld, kwartaal3, django_assert_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(wereld["privacy_officer"])
    with CaptureQueriesContext(connection) as eerst:
        client.get("/datalekken/kwartaal/voorbeeldstad/", {"jaar": 2026, "kwartaal": 3})
    for dag in range(3, 9):
        melden(wereld, f"Extra datalek {dag}", op(2026, 8, dag))
    with django_assert_num_queries(len(eerst)):
        antwoord = client.get("/datalekken/kwartaal/voorbeeldstad/", {"jaar": 2026, "kwartaal": 3})
    assert antwoord.context["cijfers"]["aantal"] == 9
