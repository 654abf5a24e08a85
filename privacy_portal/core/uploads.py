"""Limits on what people send, checked before anything is parsed or written to disk.

A small file can make a parser do a lot of work: a ZIP-based file (XLSX, DOCX, ODT) may unpack to
hundreds of megabytes, and a spreadsheet may declare a sheet of a million rows. A large request
body is written to disk before a view can refuse it. So:

- `controleer_zip(bestand, grenzen)` reads only the ZIP's directory (never an entry) and refuses
  too many entries, too much unpacked in total, or one entry that unpacks much larger than it is
  stored (a "zip bomb"). Python's zipfile never unpacks more than an entry's declared size, so
  checking the declared sizes bounds the real work. `SPREADSHEET` and `DOCUMENT` are the limits
  the kernel's spreadsheet reader and the document upload use.
- `BodyGrensMiddleware` answers 413 on the Content-Length alone, before Django reads the body:
  small for anonymous requests (the public form needs little), larger for logged-in staff (signed
  documents), and for the API (JSON only) its own limit; the API answers in problem+json.

Every refusal is a `BestandGeweigerd` with a Dutch message for the user.
"""

import io
import zipfile
from dataclasses import dataclass

from django.conf import settings
from django.shortcuts import render

from .api import is_api, problem_response

MB = 1024 * 1024


class BestandGeweigerd(ValueError):
    """The file is refused before it is read. The message is Dutch, for the user."""


@dataclass(frozen=True)
class ZipGrenzen:
    max_onderdelen: int  # entries in the ZIP
    max_uitgepakt: int  # bytes, all entries together, unpacked
    max_verhouding: int  # unpacked size / stored size of one entry
    verhouding_vanaf: int = MB  # smaller entries may compress very well (whitespace) without harm


SPREADSHEET = ZipGrenzen(max_onderdelen=500, max_uitgepakt=25 * MB, max_verhouding=100)
DOCUMENT = ZipGrenzen(max_onderdelen=2000, max_uitgepakt=200 * MB, max_verhouding=100)


def _mb(aantal_bytes):
    return f"{aantal_bytes / MB:.0f} MB" if aantal_bytes >= MB else f"{aantal_bytes // 1024} kB"


def controleer_zip(bestand, grenzen):
    """Refuse a ZIP that unpacks too large (BestandGeweigerd); `bestand` is a seekable file or bytes.

    Reads the central directory only. A file that is no ZIP raises zipfile.BadZipFile (the caller
    says what kind of file it expected).
    """
    bron = io.BytesIO(bestand) if isinstance(bestand, (bytes, bytearray)) else bestand
    with zipfile.ZipFile(bron) as archief:
        onderdelen = archief.infolist()
    if len(onderdelen) > grenzen.max_onderdelen:
        raise BestandGeweigerd(
            f"Het bestand bestaat uit te veel delen ({len(onderdelen)}, maximaal {grenzen.max_onderdelen}). "
            "Sla het opnieuw op, of maak het kleiner."
        )
    totaal = sum(onderdeel.file_size for onderdeel in onderdelen)
    if totaal > grenzen.max_uitgepakt:
        raise BestandGeweigerd(
            f"Het bestand wordt uitgepakt {_mb(totaal)} groot; dat is meer dan {_mb(grenzen.max_uitgepakt)}. "
            "Verdeel het over meer bestanden of maak het kleiner."
        )
    for onderdeel in onderdelen:
        if onderdeel.file_size < grenzen.verhouding_vanaf:
            continue
        if onderdeel.file_size > grenzen.max_verhouding * max(onderdeel.compress_size, 1):
            raise BestandGeweigerd(
                "Het bestand is vreemd opgebouwd: een deel ervan wordt bij het uitpakken meer dan "
                f"{grenzen.max_verhouding} keer zo groot. Sla het opnieuw op vanuit uw tekstverwerker of "
                "spreadsheetprogramma."
            )
    bron.seek(0)


# --- the request body ------------------------------------------------------------------------------

TE_GROOT = "Wat u verstuurt is te groot (meer dan {grens}). Er is niets opgeslagen."


def body_grens(request):
    """The largest body this request may send: settings BODY_MAX_API / BODY_MAX_INGELOGD / BODY_MAX_ANONIEM."""
    if is_api(request):
        return settings.BODY_MAX_API
    gebruiker = getattr(request, "user", None)
    if gebruiker is not None and gebruiker.is_authenticated:
        return settings.BODY_MAX_INGELOGD
    return settings.BODY_MAX_ANONIEM


class BodyGrensMiddleware:
    """413 on the Content-Length alone, before the body is read (and, for uploads, written to disk).

    Runs after AuthenticationMiddleware (a logged-in user may send more) and before any middleware
    or view reads request.POST (CSRF reads it in process_view, which runs after this).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            lengte = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            lengte = -1
        if lengte < 0:
            return self._weiger(request, 400, "De lengte van het verzoek (Content-Length) is ongeldig.")
        grens = body_grens(request)
        if lengte > grens:
            return self._weiger(request, 413, TE_GROOT.format(grens=_mb(grens)))
        return self.get_response(request)

    def _weiger(self, request, status, tekst):
        if is_api(request):
            return problem_response(request, status, tekst)
        titel = "Te groot" if status == 413 else "Ongeldig verzoek"
        return render(request, "core/fout.html", {"titel": titel, "tekst": tekst}, status=status)
