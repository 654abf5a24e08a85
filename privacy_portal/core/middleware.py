"""Responses with personal data are not stored by browsers or proxies (`Cache-Control: no-store`).

Every response to a logged-in user (staff pages, exports, PDFs) and every API response except the
open data under /api/v1/openbaar/, the OpenAPI document and its documentation page. An API client with a token is not
logged in as far as Django's middleware knows, hence the rule by path. Public pages that show an
inwoner's own data (the request form and its receipt) mark themselves with Django's `never_cache`.
"""

from django.utils.cache import add_never_cache_headers

from .api import is_api

OPENBARE_API = ("/api/v1/openbaar/", "/api/v1/openapi.json", "/api/v1/documentatie")


def bevat_persoonsgegevens(request):
    if is_api(request):
        return not request.path.startswith(OPENBARE_API)
    gebruiker = getattr(request, "user", None)
    return gebruiker is not None and gebruiker.is_authenticated


class GeenOpslagMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if bevat_persoonsgegevens(request) and "no-store" not in response.get("Cache-Control", ""):
            add_never_cache_headers(response)
        return response
