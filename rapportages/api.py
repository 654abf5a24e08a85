"""API of the reports archive (/api/v1/rapportages) and the dashboard figures (/api/v1/dashboard).

Reads go through selectors (404 outside the user's scope); a report is requested through the
service, which checks `rapportages.add_rapportage` (403), validates (400 problem+json with
invalidParams, nothing saved) and queues the task on commit (202).
"""

from dataclasses import asdict

import django_filters
from django.urls import reverse
from django.utils import timezone
from djangorestframework_camel_case.render import CamelCaseJSONRenderer
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import mixins, renderers, status
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound, PermissionDenied
from rest_framework.response import Response
from rest_framework.views import APIView

from privacy_portal.core import dashboard, parameters
from privacy_portal.core.api_register import RegisterViewSet
from privacy_portal.core.audit import audit
from privacy_portal.core.models import AuditEvent
from privacy_portal.core.pdf import pdf_response
from privacy_portal.organisaties.selectors import gemeenten_voor

from . import selectors, services
from .constants import Soort, Status
from .serializers import DashboardSerializer, RapportageSerializer
from .views import kies_gemeenten, scan_status


class PdfRenderer(renderers.BaseRenderer):
    media_type = "application/pdf"
    format = "pdf"
    charset = None
    render_style = "binary"

    def render(self, data, accepted_media_type=None, renderer_context=None):
        return data


class RapportageFilter(django_filters.FilterSet):
    gemeente = django_filters.CharFilter(field_name="gemeente__slug", help_text="Slug van de gemeente.")
    soort = django_filters.ChoiceFilter(choices=Soort.choices)
    status = django_filters.ChoiceFilter(choices=Status.choices)


@extend_schema_view(
    list=extend_schema(summary="Het archief: rapportages van de gemeenten waar u ze mag inzien, nieuwste eerst"),
    retrieve=extend_schema(summary="Eén rapportage: status, voortgang en de PDF als hij klaar is"),
)
class RapportageViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, RegisterViewSet):
    serializer_class = RapportageSerializer
    filterset_class = RapportageFilter
    http_method_names = ["get", "post", "head", "options"]

    def get_queryset(self):
        return selectors.rapportages_voor(self.request.user).order_by("-aangevraagd_op", "-pk")

    @extend_schema(
        summary="Een rapportage laten maken (op de achtergrond)",
        request=RapportageSerializer,
        responses={
            202: RapportageSerializer,
            400: OpenApiResponse(description="Ongeldige invoer (problem+json met invalidParams)"),
            403: OpenApiResponse(description="Geen recht om rapportages te laten maken"),
        },
    )
    def create(self, request, *args, **kwargs):
        if not selectors.aanvraag_gemeenten(request.user):
            raise PermissionDenied("U mag geen rapportages laten maken.")
        serializer = self.get_serializer(data=request.data, gemeenten=gemeenten_voor(request.user))
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        rapportage = self.service(
            services.rapportage_aanvragen,
            door=request.user,
            soort=data["soort"],
            gemeente=data["gemeente"],
            periode_van=data.get("periode_van"),
            periode_tot=data.get("periode_tot"),
        )
        locatie = reverse("rapportage-detail", kwargs={"uuid": rapportage.uuid})
        return Response(
            self.get_serializer(rapportage).data,
            status=status.HTTP_202_ACCEPTED,
            headers={"Location": request.build_absolute_uri(locatie)},
        )

    @extend_schema(
        summary="Een mislukte rapportage opnieuw laten maken",
        request=None,
        responses={
            202: RapportageSerializer,
            400: OpenApiResponse(description="De rapportage is niet mislukt (problem+json)"),
            403: OpenApiResponse(description="Geen recht om rapportages te laten maken"),
        },
    )
    @action(detail=True, methods=["post"], pagination_class=None, filterset_class=None)
    def opnieuw(self, request, uuid=None):
        rapportage = self.service(services.rapportage_opnieuw, door=request.user, rapportage=self.get_object())
        return Response(self.get_serializer(rapportage).data, status=status.HTTP_202_ACCEPTED)

    @extend_schema(
        summary="De PDF van een rapportage die klaar is (het downloaden wordt vastgelegd)",
        responses={
            (200, "application/pdf"): OpenApiTypes.BINARY,
            404: OpenApiResponse(description="Bestaat niet, niet zichtbaar voor u, of nog niet klaar"),
        },
        filters=False,
    )
    @action(
        detail=True,
        methods=["get"],
        renderer_classes=[CamelCaseJSONRenderer, PdfRenderer],
        pagination_class=None,
        filterset_class=None,
    )
    def pdf(self, request, uuid=None):
        rapportage = self.get_object()
        if not rapportage.is_klaar:
            raise NotFound("De rapportage is nog niet klaar.")
        with rapportage.pdf.open("rb") as bestand:
            inhoud = bestand.read()
        audit(actor=request.user, actie=AuditEvent.Actie.DOWNLOADEN, obj=rapportage, herkomst="api")
        return pdf_response(inhoud, rapportage.bestandsnaam)


class DashboardView(APIView):
    """The dashboard's figures for one gemeente, or for all gemeenten the user may see together."""

    @extend_schema(
        summary="De cijfers van het dashboard",
        parameters=[
            OpenApiParameter(
                "gemeente",
                OpenApiTypes.STR,
                description="Slug van de gemeente; weglaten of 'alle' voor alle gemeenten samen.",
                required=False,
            )
        ],
        responses={200: DashboardSerializer, 404: OpenApiResponse(description="Gemeente buiten uw bereik")},
    )
    def get(self, request):
        nu = timezone.now()
        _, gekozen, keuze = kies_gemeenten(request.user, parameters.tekst(request.query_params, "gemeente"))
        secties = dashboard.verzamel(gekozen, nu, user=request.user, fouten_opvangen=True)
        if any(t.rijen for s in secties for t in s.tabellen):  # details of records were shown
            audit(
                actor=request.user,
                actie=AuditEvent.Actie.INZIEN,
                object_type="rapportages.dashboard",
                object_id=keuze if keuze == "alle" else str(gekozen[0].uuid),
                herkomst="api",
            )
        uitvoer = [dict(asdict(s), beschikbaar=True) for s in secties]
        for sleutel, titel in dashboard.ontbrekende_secties(secties):
            uitvoer.append(
                {
                    "sleutel": sleutel,
                    "titel": titel,
                    "beschikbaar": False,
                    "toelichting": "Nog niet beschikbaar: dit register levert nog geen cijfers.",
                    "fout": "",
                    "cijfers": [],
                    "trends": [],
                    "tabellen": [],
                }
            )
        scan = scan_status(nu)
        data = {
            "gemeenten": [g.slug for g in gekozen],
            "stand_op": nu,
            "termijnscan": {
                "laatste_run": scan["run"].klaar_op if scan["run"] else None,
                "verouderd": scan["verouderd"],
            },
            "secties": uitvoer,
        }
        return Response(DashboardSerializer(data).data)
