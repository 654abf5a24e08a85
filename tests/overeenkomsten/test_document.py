"""The signed document: private storage, upload and download only with the right, type and size checked,
every download audited."""

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from overeenkomsten.constants import DOCUMENT_MAX_BYTES
from overeenkomsten.models import Overeenkomst
from privacy_portal.core.models import AuditEvent

from .hulp import docx, maak_overeenkomst, odt, pdf


@pytest.fixture
def ovk(wereld):
    return maak_overeenkomst(door=wereld["privacy_officer"], team=wereld.team)


def _upload(client, user, ovk, bestand):
    client.force_login(user)
    return client.post(f"/overeenkomsten/{ovk.uuid}/document/uploaden/", {"document": bestand}, follow=False)


@pytest.mark.django_db
@pytest.mark.parametrize("maak", [pdf, docx, odt])
def test_pdf_docx_en_odt_worden_prive_opgeslagen_zonder_de_oorspronkelijke_naam(
    client, wereld, ovk, maak, prive_opslag
):
    antwoord = _upload(
        client,
        wereld["teammanager"],
        ovk,
        maak(naam="Contract Jansen.pdf" if maak is pdf else None) if maak is pdf else maak(),
    )
    assert antwoord.status_code == 302
    ovk.refresh_from_db()
    assert ovk.document and ovk.document_geupload_op
    assert "Jansen" not in ovk.document.name and ovk.document.name.startswith("overeenkomsten/")
    assert Path(prive_opslag, ovk.document.name).is_file()
    assert ovk.history.first().history_change_reason == "Ondertekend document geüpload"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("bestand", "melding"),
    [
        (SimpleUploadedFile("notitie.txt", b"hallo"), "Kies een PDF-, Word- (DOCX) of OpenDocument-bestand (ODT)."),
        (SimpleUploadedFile("nep.pdf", b"MZ\x90\x00 geen pdf"), "Dit bestand is geen echt PDF-bestand."),
        (SimpleUploadedFile("nep.docx", b"PK\x03\x04 kapot"), "Dit bestand is geen echt DOCX-bestand."),
        (
            SimpleUploadedFile("script.pdf.exe", b"%PDF-1.4"),
            "Kies een PDF-, Word- (DOCX) of OpenDocument-bestand (ODT).",
        ),
    ],
)
def test_verkeerd_bestandstype_wordt_geweigerd_met_een_nederlandse_melding(client, wereld, ovk, bestand, melding):
    client.force_login(wereld["privacy_officer"])
    antwoord = client.post(f"/overeenkomsten/{ovk.uuid}/document/uploaden/", {"document": bestand}, follow=True)
    assert melding in antwoord.content.decode()
    ovk.refresh_from_db()
    assert not ovk.document


@pytest.mark.django_db
def test_groter_dan_20_mb_wordt_geweigerd(client, wereld, ovk):
    groot = pdf(inhoud=b"%PDF-1.4\n" + b"0" * DOCUMENT_MAX_BYTES)
    client.force_login(wereld["privacy_officer"])
    antwoord = client.post(f"/overeenkomsten/{ovk.uuid}/document/uploaden/", {"document": groot}, follow=True)
    assert "groter dan 20 MB" in antwoord.content.decode()
    ovk.refresh_from_db()
    assert not ovk.document


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("rol", "status"),
    [
        ("college", 403),  # sees the agreement, may not upload
        ("ciso", 403),
        ("fg", 403),  # may download, but never changes records
        ("medewerker", 404),  # no right to see agreements at all
        ("afdelingsmanager", 403),
        ("buitenstaander", 404),
    ],
)
def test_upload_geweigerd_zonder_recht_403_en_buiten_bereik_404(client, wereld, ovk, rol, status):
    assert _upload(client, wereld[rol], ovk, pdf()).status_code == status
    ovk.refresh_from_db()
    assert not ovk.document


@pytest.mark.django_db
def test_teammanager_van_een_ander_team_krijgt_404(client, wereld):
    ander = maak_overeenkomst(door=wereld["privacy_officer"], team=wereld.ander_team)
    assert _upload(client, wereld["teammanager"], ander, pdf()).status_code == 404
    assert client.get(f"/overeenkomsten/{ander.uuid}/document/").status_code == 404


@pytest.mark.django_db
def test_download_alleen_met_recht_en_altijd_geaudit(client, wereld, ovk):
    _upload(client, wereld["privacy_officer"], ovk, pdf(naam="getekend-contract.pdf"))
    url = f"/overeenkomsten/{ovk.uuid}/document/"

    client.force_login(wereld["fg"])
    antwoord = client.get(url)
    assert antwoord.status_code == 200
    assert b"".join(antwoord.streaming_content).startswith(b"%PDF-")
    assert 'filename="getekend-contract.pdf"' in antwoord["Content-Disposition"]
    assert antwoord["Cache-Control"] == "no-store"
    download = AuditEvent.objects.get(actie=AuditEvent.Actie.DOWNLOADEN)
    assert download.actor == wereld["fg"] and download.object_id == str(ovk.uuid)

    client.force_login(wereld["college"])
    assert client.get(url).status_code == 403
    assert AuditEvent.objects.filter(actie=AuditEvent.Actie.GEWEIGERD, actor=wereld["college"]).count() == 1
    assert AuditEvent.objects.filter(actie=AuditEvent.Actie.DOWNLOADEN).count() == 1


@pytest.mark.django_db
def test_geen_openbare_media_url(client, wereld, ovk):
    _upload(client, wereld["privacy_officer"], ovk, pdf())
    ovk = Overeenkomst.objects.get(pk=ovk.pk)
    client.logout()
    assert client.get(f"/niet-openbaar/{ovk.document.name}").status_code == 404
    assert client.get(f"/overeenkomsten/{ovk.uuid}/document/").status_code == 302  # to the login page
