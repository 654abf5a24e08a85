"""A request id on every request: in each log line, the `X-Request-ID` header, the error page and
problem+json, so a user's "kenmerk" leads an operator to the log lines of that request.

A trusted proxy (VERTROUWDE_PROXIES) may pass its own id; otherwise the portal makes one.
"""

import re
import uuid
from contextvars import ContextVar

import structlog

from .clientadres import door_vertrouwde_proxy

_HUIDIG: ContextVar[str] = ContextVar("verzoek_id", default="")
_GELDIG = re.compile(r"^[A-Za-z0-9._-]{8,64}$")


def huidig_verzoek_id() -> str:
    """The id of the request being handled ("" outside a request)."""
    return _HUIDIG.get()


class VerzoekIdMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        gegeven = request.headers.get("X-Request-ID", "")
        if not (gegeven and _GELDIG.match(gegeven) and door_vertrouwde_proxy(request)):
            gegeven = uuid.uuid4().hex
        request.verzoek_id = gegeven
        # Set for the rest of this request, and not reset on the way out: Django logs 4xx and 5xx
        # responses after the middleware returned, and those lines need the id too. The next
        # request on this thread starts with a clean context.
        structlog.contextvars.clear_contextvars()
        structlog.contextvars.bind_contextvars(request_id=gegeven)
        _HUIDIG.set(gegeven)
        response = self.get_response(request)
        response["X-Request-ID"] = gegeven
        return response
