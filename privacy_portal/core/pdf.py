"""Render a Django template to an accessible PDF, offline, and serve it without caching.

`render_pdf` returns the HTML as well as the PDF, so tests assert on the content (STYLE.md 7).
WeasyPrint is imported inside the functions: it loads Pango and friends, which the rest of the
portal does not need. Reports extend templates/reports/basis.html (A4, page numbers, header).

The PDF is PDF/UA-1 (tagged, with title and language from <title> and <html lang>); should
WeasyPrint refuse that variant for a document, we fall back to a plain tagged PDF. Resources are
fetched only from local files below the static directories and from inline data: URIs (a
gemeente's logo): no web fonts, no network.
"""

from pathlib import Path
from urllib.parse import unquote, urlsplit

import structlog
from django.conf import settings
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils.http import content_disposition_header

log = structlog.get_logger(__name__)

PDF_VARIANT = "pdf/ua-1"


def _toegestane_mappen():
    """Folders a report may load files from (a logo, a stylesheet): the static folders only."""
    mappen = []
    for map_ in getattr(settings, "STATICFILES_DIRS", []):
        mappen.append(Path(map_[1] if isinstance(map_, tuple | list) else map_))
    if getattr(settings, "STATIC_ROOT", None):
        mappen.append(Path(settings.STATIC_ROOT))
    return [m.resolve() for m in mappen]


def _lokale_fetcher():
    """A WeasyPrint URL fetcher that refuses everything but files in the static folders."""
    from weasyprint.urls import URLFetcher

    mappen = _toegestane_mappen()

    class AlleenLokaleBestanden(URLFetcher):
        def fetch(self, url, headers=None):
            delen = urlsplit(url)
            if delen.scheme.lower() == "data":  # inline content (a gemeente's logo): no file, no network
                return super().fetch(url, headers)
            if delen.scheme.lower() != "file":
                raise ValueError(f"Geweigerd in een PDF (alleen lokale bestanden): {url}")
            pad = Path(unquote(delen.path)).resolve()
            if not any(pad.is_relative_to(map_) for map_ in mappen):
                raise ValueError(f"Geweigerd in een PDF (buiten de statische bestanden): {url}")
            return super().fetch(url, headers)

    return AlleenLokaleBestanden(allowed_protocols=("file", "data"), timeout=2)


def render_pdf(template_name, context, *, base_url=None, voortgang=None) -> tuple[bytes, str]:
    """Render `template_name` with `context` to (pdf_bytes, html).

    `voortgang(stap)`, when given, is called with "html", "opgemaakt" (pages laid out) and "pdf"
    as rendering proceeds, so a long report can show its progress.
    """
    from weasyprint import HTML

    meld = voortgang or (lambda stap: None)
    html = render_to_string(template_name, context)
    meld("html")
    document = HTML(string=html, base_url=base_url, url_fetcher=_lokale_fetcher())

    def opgemaakt(*_):  # WeasyPrint calls this finisher once the pages are laid out and painted
        meld("opgemaakt")

    try:
        pdf = document.write_pdf(pdf_variant=PDF_VARIANT, finisher=opgemaakt)
    except Exception:  # a document WeasyPrint cannot make PDF/UA: still deliver a tagged PDF
        log.warning("pdf/ua niet mogelijk, getagde pdf gemaakt", template=template_name, exc_info=True)
        pdf = document.write_pdf(pdf_tags=True, finisher=opgemaakt)
    meld("pdf")
    return pdf, html


def pdf_response(pdf_bytes, bestandsnaam):
    """The PDF shown in the browser (inline), never stored by a cache: reports hold personal data."""
    antwoord = HttpResponse(pdf_bytes, content_type="application/pdf")
    antwoord["Content-Disposition"] = content_disposition_header(as_attachment=False, filename=bestandsnaam)
    antwoord["Cache-Control"] = "no-store"
    return antwoord
