"""API conventions of the NL API Design Rules: API-Version header, problem+json errors, paging,
and the answer to throttling (429 as problem+json with Retry-After; the limits are in api_limieten.py)."""

from django.conf import settings
from django.http import JsonResponse
from rest_framework import exceptions, status
from rest_framework.pagination import PageNumberPagination
from rest_framework.response import Response
from rest_framework.views import exception_handler

from . import parameters
from .verzoek_id import huidig_verzoek_id

PROBLEM = "application/problem+json"

TITELS = {
    400: "Ongeldige invoer",
    401: "Niet ingelogd",
    403: "Geen toestemming",
    404: "Niet gevonden",
    405: "Methode niet toegestaan",
    406: "Formaat niet beschikbaar",
    409: "Niet mogelijk in deze status",
    413: "Te groot",
    415: "Formaat niet ondersteund",
    429: "Te veel verzoeken",
    500: "Interne fout",
}


def is_api(request):
    return request.path.startswith("/api/")


class ApiVersionMiddleware:
    """Add the API-Version header to every API response."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if is_api(request):
            response["API-Version"] = settings.API_VERSION
        return response


class Paginering(PageNumberPagination):
    """`page` and `pageSize`: anything but a whole number from 1 (or a page past the last) is a 400
    with the parameter in `invalidParams`; a `pageSize` above 500 gives pages of 500."""

    page_size = 50
    page_size_query_param = "pageSize"
    max_page_size = 500

    def get_page_size(self, request):
        if self.page_size_query_param not in request.query_params:
            return self.page_size
        grootte = parameters.geheel_getal(request.query_params, self.page_size_query_param, minimum=1)
        if grootte is None:
            raise exceptions.ValidationError(
                {"page_size": [f"Kies een geheel getal van 1 tot en met {self.max_page_size}."]}
            )
        return min(grootte, self.max_page_size)

    def paginate_queryset(self, queryset, request, view=None):
        if self.page_query_param in request.query_params:
            if parameters.geheel_getal(request.query_params, self.page_query_param, minimum=1) is None:
                raise exceptions.ValidationError({"page": ["Kies een paginanummer: een geheel getal vanaf 1."]})
        try:
            return super().paginate_queryset(queryset, request, view)
        except exceptions.NotFound as fout:
            raise exceptions.ValidationError(
                {"page": ["Deze pagina bestaat niet: de lijst heeft minder pagina's."]}
            ) from fout


class Conflict(exceptions.APIException):
    status_code = status.HTTP_409_CONFLICT
    default_detail = "Deze actie is niet mogelijk in de huidige status."
    default_code = "conflict"


def problem(status_code, detail="", **extra):
    body = {"type": "about:blank", "title": TITELS.get(status_code, "Fout"), "status": status_code}
    if detail:
        body["detail"] = detail
    if verzoek_id := huidig_verzoek_id():
        body["requestId"] = verzoek_id  # the same id as in the logs and the X-Request-ID header
    body.update(extra)
    return body


def _invalid_params(detail, prefix=""):
    """Flatten DRF's nested error dict into NL API invalidParams (every field at once)."""
    from djangorestframework_camel_case.util import camelize_re, underscore_to_camel

    params = []
    if isinstance(detail, dict):
        for field, errors in detail.items():
            name = camelize_re.sub(underscore_to_camel, str(field)) if field != "non_field_errors" else "nonFieldErrors"
            params += _invalid_params(errors, f"{prefix}{name}" if not prefix else f"{prefix}.{name}")
    elif isinstance(detail, list):
        for error in detail:
            if isinstance(error, (dict, list)):
                params += _invalid_params(error, prefix)
            else:
                params.append(
                    {
                        "name": prefix or "nonFieldErrors",
                        "code": getattr(error, "code", "invalid"),
                        "reason": str(error),
                    }
                )
    else:
        params.append(
            {"name": prefix or "nonFieldErrors", "code": getattr(detail, "code", "invalid"), "reason": str(detail)}
        )
    return params


def problem_exception_handler(exc, context):
    response = exception_handler(exc, context)
    if response is None:
        return None  # unexpected errors: Django's handler500 answers with problem+json
    if isinstance(exc, exceptions.ValidationError):
        body = problem(
            400, "Een of meer velden zijn ongeldig; er is niets opgeslagen.", invalidParams=_invalid_params(exc.detail)
        )
    else:
        detail = exc.detail if isinstance(getattr(exc, "detail", None), str) else ""
        if isinstance(exc, exceptions.Throttled):
            wacht = f"over {int(exc.wait) + 1} seconden" if exc.wait is not None else "later"
            detail = f"U heeft te veel verzoeken gedaan. Probeer het {wacht} opnieuw."
        if isinstance(exc, exceptions.NotFound) or response.status_code == 404:
            detail = "Dit object bestaat niet of u heeft er geen toegang toe."
        body = problem(response.status_code, str(detail))
        if getattr(exc, "wijzigingen", None) is not None:  # a stale version (api_register.VersieConflictApi)
            body.update(title="Intussen gewijzigd", huidigeVersie=exc.versie, wijzigingen=exc.wijzigingen)
    return Response(body, status=response.status_code, headers=dict(response.items()), content_type=PROBLEM)


def problem_response(request, status_code, detail=""):
    return JsonResponse(problem(status_code, detail), status=status_code, content_type=PROBLEM)
