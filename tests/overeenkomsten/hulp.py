"""Helpers of the agreements tests: agreements made through the real services, and test documents."""

import io
import zipfile
from datetime import date

from django.core.files.uploadedfile import SimpleUploadedFile

from overeenkomsten import checklist, services
from overeenkomsten.constants import Soort

START = date(2026, 1, 15)


def alle_clausules(soort=Soort.VERWERKERSOVEREENKOMST, behalve=()):
    return [code for code, _ in checklist.clausules_voor(soort) if code not in behalve]


def maak_overeenkomst(
    *, door, team, soort=Soort.VERWERKERSOVEREENKOMST, partijen=("Leverancier X B.V.",), verwerkingen=(), **extra
):
    """An agreement registered through the service (default: complete checklist, started 15 January 2026)."""
    gegevens = {
        "soort": soort,
        "team": team,
        "onderwerp": f"Hosting {team.naam}",
        "startdatum": START,
        "clausules": alle_clausules(soort),
    }
    gegevens.update(extra)
    return services.overeenkomst_aanmaken(
        door=door,
        gemeente=team.gemeente,
        gegevens=gegevens,
        partijen=[p if isinstance(p, dict) else {"naam": p} for p in partijen],
        verwerkingen=verwerkingen,
    )


def pdf(naam="getekend.pdf", inhoud=b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"):
    return SimpleUploadedFile(naam, inhoud, content_type="application/pdf")


def _zip(bestanden, eerste=None):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archief:
        if eerste:
            archief.writestr(*eerste)
        for naam, inhoud in bestanden.items():
            archief.writestr(naam, inhoud)
    return buffer.getvalue()


def docx(naam="getekend.docx"):
    inhoud = _zip({"[Content_Types].xml": "<Types/>", "word/document.xml": "<w:document/>"})
    return SimpleUploadedFile(naam, inhoud)


def odt(naam="getekend.odt"):
    inhoud = _zip(
        {"content.xml": "<office:document-content/>"}, eerste=("mimetype", "application/vnd.oasis.opendocument.text")
    )
    return SimpleUploadedFile(naam, inhoud)
