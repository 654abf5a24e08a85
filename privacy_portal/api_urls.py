"""API v1 routes (NL API Design Rules: no trailing slashes, OpenAPI at /api/v1/openapi.json).

Every register declares its routes (`Register.api`); the router registers them in menu order.
"""

from django.urls import path
from django.utils.module_loading import import_string
from drf_spectacular.views import SpectacularJSONAPIView, SpectacularSwaggerSplitView
from rest_framework.routers import DefaultRouter

from privacy_portal.core.registers import registers

router = DefaultRouter(trailing_slash=False)
router.include_root_view = False
losse_paden = []
for register in registers():
    for route in register.api:
        view = import_string(route.view)
        if route.los:
            losse_paden.append(path(route.pad, view.as_view(), name=route.naam))
        else:
            router.register(route.pad, view, basename=route.naam)

urlpatterns = [
    path("openapi.json", SpectacularJSONAPIView.as_view(), name="openapi"),
    # For people: Swagger UI from this server (no CDN), its start script as a file (CSP: no inline script).
    path(
        "documentatie",
        SpectacularSwaggerSplitView.as_view(url_name="openapi", template_name="core/api_documentatie.html"),
        name="api-documentatie",
    ),
    *losse_paden,
    *router.urls,
]
