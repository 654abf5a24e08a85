"""API throttling (DRF): per user, and so per token, when logged in; per client address when
anonymous (the open-data endpoints). The rates are settings (`API_LIMIET_GEBRUIKER`,
`API_LIMIET_ANONIEM`); a refused request is a 429 problem+json with Retry-After (core/api.py).

A separate module: DRF imports the throttle classes while it defines APIView, so they cannot live
in a module that imports DRF's views.
"""

import logging

from django.conf import settings
from rest_framework.throttling import SimpleRateThrottle

from .clientadres import client_sleutel

logger = logging.getLogger(__name__)


class _Limiet(SimpleRateThrottle):
    """A rate from the settings (read at each request, so an operator's value applies at once).

    When the cache (Redis) cannot be reached the request is allowed and a warning is logged: the
    API stays available, without a limit, rather than answering 500.
    """

    instelling = ""

    def get_rate(self):
        return getattr(settings, self.instelling)

    def allow_request(self, request, view):
        self.rate = self.get_rate()
        self.num_requests, self.duration = self.parse_rate(self.rate)
        try:
            return super().allow_request(request, view)
        except Exception:
            logger.warning("API-limiet niet toegepast: de cache is niet bereikbaar")
            return True


class GebruikerLimiet(_Limiet):
    """Per user (and so per token of that user) for a logged-in caller."""

    scope = "gebruiker"
    instelling = "API_LIMIET_GEBRUIKER"

    def get_cache_key(self, request, view):
        if not (request.user and request.user.is_authenticated):
            return None
        return self.cache_format % {"scope": self.scope, "ident": request.user.pk}


class AnoniemLimiet(_Limiet):
    """Per client address (behind the trusted proxy: the real client) for anonymous callers, such
    as the open-data endpoints."""

    scope = "anoniem"
    instelling = "API_LIMIET_ANONIEM"

    def get_cache_key(self, request, view):
        if request.user and request.user.is_authenticated:
            return None
        return self.cache_format % {"scope": self.scope, "ident": client_sleutel(request)}
