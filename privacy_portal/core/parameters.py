"""Reading query parameters: every page and API view reads them here, so bad input never gives a 500.

A query string is whatever anyone types: NUL bytes (PostgreSQL refuses them in a query), malformed
uuids, page numbers with twenty digits. Each function takes the query (`request.GET` or DRF's
`request.query_params`) and a name, and returns a clean value or the empty default; none raises.

    zoek = parameters.tekst(request.GET, "zoek")
    verwerking = parameters.uuid(request.GET, "verwerking")  # UUID or None
    grondslag = parameters.keuze(request.GET, "grondslag", Grondslag.values)  # "" when not a choice
"""

import re
import uuid as uuid_module
from datetime import date

MAX_TEKST = 200
# C0 control characters (NUL included) and DEL; tabs and newlines become spaces first.
_BESTURINGSTEKENS = re.compile(r"[\x00-\x1f\x7f]")


def schoon(waarde, *, max_lengte=MAX_TEKST):
    """Text without control characters (NUL included), stripped, at most max_lengte."""
    if not isinstance(waarde, str):
        return ""
    waarde = _BESTURINGSTEKENS.sub("", waarde.replace("\t", " ").replace("\n", " "))
    return waarde.strip()[:max_lengte]


def tekst(query, naam, *, max_lengte=MAX_TEKST):
    """The parameter as text (see `schoon`)."""
    return schoon(query.get(naam, ""), max_lengte=max_lengte)


def uuid(query, naam):
    """The parameter as a UUID, or None when it is missing or not a uuid."""
    waarde = tekst(query, naam, max_lengte=64)
    try:
        return uuid_module.UUID(waarde) if waarde else None
    except ValueError:
        return None


def keuze(query, naam, keuzes):
    """The parameter when it is one of `keuzes`, else ""."""
    waarde = tekst(query, naam)
    return waarde if waarde in keuzes else ""


def datum(query, naam):
    """The parameter as a date (YYYY-MM-DD), or None."""
    waarde = tekst(query, naam, max_lengte=10)
    try:
        return date.fromisoformat(waarde) if waarde else None
    except ValueError:
        return None


def geheel_getal(query, naam, *, minimum=None, maximum=None):
    """The parameter as a whole number within [minimum, maximum], or None (also for '1e400' or 20 digits
    beyond the maximum)."""
    waarde = tekst(query, naam, max_lengte=20)
    if not re.fullmatch(r"-?\d{1,19}", waarde):
        return None
    getal = int(waarde)
    if (minimum is not None and getal < minimum) or (maximum is not None and getal > maximum):
        return None
    return getal
