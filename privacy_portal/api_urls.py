"""API v1 routes (NL API Design Rules: no trailing slashes, OpenAPI at /api/v1/openapi.json)."""

from django.urls import path
from drf_spectacular.views import SpectacularJSONAPIView
from rest_framework.routers import DefaultRouter

from datalekken import api as datalekken_api
from dpia import api as dpia_api
from overeenkomsten import api as overeenkomsten_api
from rapportages import api as rapportages_api
from rechten import api as rechten_api
from registers import api as registers_api

router = DefaultRouter(trailing_slash=False)
router.include_root_view = False
router.register("gemeenten", registers_api.GemeenteViewSet, basename="gemeente")
router.register("teams", registers_api.TeamViewSet, basename="team")
router.register("verwerkingen", registers_api.VerwerkingViewSet, basename="verwerking")
router.register("datalekken", datalekken_api.DatalekViewSet, basename="datalek")
router.register("dpias", dpia_api.DpiaViewSet, basename="dpia")
router.register("overeenkomsten", overeenkomsten_api.OvereenkomstViewSet, basename="overeenkomst")
router.register("openbaar/verwerkingen", registers_api.OpenbareVerwerkingViewSet, basename="openbare-verwerking")
router.register("verzoeken", rechten_api.VerzoekViewSet, basename="verzoek")
router.register("rapportages", rapportages_api.RapportageViewSet, basename="rapportage")

urlpatterns = [
    path("openapi.json", SpectacularJSONAPIView.as_view(), name="openapi"),
    path("dashboard", rapportages_api.DashboardView.as_view(), name="dashboard-cijfers"),
    *router.urls,
]
