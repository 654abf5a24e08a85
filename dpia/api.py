"""API of the DPIA-register: /api/v1/dpias, the pre-scan, advice, acceptance and the export.

Reads go through selectors.dpias_voor (404 outside the user's scope), writes through the services:
their ValidationError becomes 400 problem+json with invalidParams (nothing is saved), a forbidden
transition 409, a missing permission 403.
"""

import django_filters
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import Prefetch
from djangorestframework_camel_case.parser import CamelCaseJSONParser
from djangorestframework_camel_case.render import CamelCaseJSONRenderer
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import mixins, renderers, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response

from privacy_portal.core.api import Conflict
from privacy_portal.core.audit import audit
from privacy_portal.core.historie import historie_regels
from privacy_portal.core.models import AuditEvent
from privacy_portal.organisaties.selectors import gemeenten_voor

from . import selectors, services
from .constants import Status, Uitkomst
from .models import Maatregel, Risico
from .serializers import (
    AccepterenSerializer,
    AdviesSerializer,
    BeveiligingsadviesSerializer,
    DpiaSerializer,
    DpiaStartenSerializer,
    HistorieRegelSerializer,
    MaatregelSerializer,
    PrescanSerializer,
    PrescanUitkomstSerializer,
    RaadplegingSerializer,
    RisicoSerializer,
    prescan_data,
)
from .uitwisseling import exporteer
from .workflow import OvergangNietToegestaan

ONGEMOEID = ("antwoorden",)


class Renderer(CamelCaseJSONRenderer):
    """camelCase, except inside the answers (task ids and the output format's own keys)."""

    json_underscoreize = {**CamelCaseJSONRenderer.json_underscoreize, "ignore_fields": ONGEMOEID}


class Parser(CamelCaseJSONParser):
    json_underscoreize = {**CamelCaseJSONParser.json_underscoreize, "ignore_fields": ONGEMOEID}


class DpiaFilter(django_filters.FilterSet):
    gemeente = django_filters.CharFilter(field_name="gemeente__slug", help_text="Slug van de gemeente.")
    status = django_filters.ChoiceFilter(choices=Status.choices)
    uitkomst = django_filters.ChoiceFilter(field_name="prescan_uitkomst", choices=Uitkomst.choices)
    verwerking = django_filters.UUIDFilter(
        field_name="koppelingen__verwerking__uuid", help_text="uuid van een verwerking."
    )
    herbeoordeling = django_filters.BooleanFilter(field_name="herbeoordeling_nodig")


def _service(functie, **kwargs):
    """Call a service and translate its domain errors into API errors."""
    try:
        return functie(**kwargs)
    except DjangoValidationError as fout:
        if hasattr(fout, "error_dict"):
            raise ValidationError(fout.message_dict) from fout
        raise ValidationError({"non_field_errors": fout.messages}) from fout
    except OvergangNietToegestaan as fout:
        raise Conflict(str(fout)) from fout


def _valideer(serializer_class, data, **kwargs):
    serializer = serializer_class(data=data, **kwargs)
    serializer.is_valid(raise_exception=True)
    return dict(serializer.validated_data)


@extend_schema_view(
    list=extend_schema(summary="Pre-scans en DPIA's die u mag inzien, de nieuwste eerst"),
    retrieve=extend_schema(summary="Eén pre-scan of DPIA"),
)
class DpiaViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    serializer_class = DpiaSerializer
    lookup_field = "uuid"
    filterset_class = DpiaFilter
    renderer_classes = [Renderer]
    parser_classes = [Parser]
    http_method_names = ["get", "post", "patch", "head", "options"]

    def get_queryset(self):
        return (
            selectors.dpias_voor(self.request.user)
            .select_related(
                "vragenlijst", "prescan_door", "fg_advies_door", "beveiligingsadvies_door", "geaccepteerd_door"
            )
            .prefetch_related(
                "koppelingen__verwerking",
                Prefetch("risicos", queryset=Risico.objects.prefetch_related("maatregelen")),
                Prefetch("maatregelen", queryset=Maatregel.objects.select_related("eigenaar", "risico")),
            )
            .order_by("-aangemaakt_op", "-pk")
        )

    def _antwoord(self, dpia, status_code=status.HTTP_200_OK):
        """The DPIA as the user now sees it (fresh from the selector)."""
        return Response(self.get_serializer(self.get_queryset().get(pk=dpia.pk)).data, status=status_code)

    def retrieve(self, request, *args, **kwargs):
        dpia = self.get_object()
        audit(actor=request.user, actie=AuditEvent.Actie.INZIEN, obj=dpia, herkomst="api")
        return Response(self.get_serializer(dpia).data)

    @extend_schema(
        summary="Een pre-scan starten voor een of meer verwerkingen",
        request=DpiaStartenSerializer,
        responses={201: DpiaSerializer},
    )
    def create(self, request, *args, **kwargs):
        gegevens = _valideer(DpiaStartenSerializer, request.data, gemeenten=gemeenten_voor(request.user))
        dpia = _service(services.dpia_starten, door=request.user, **gegevens)
        return self._antwoord(dpia, status.HTTP_201_CREATED)

    @extend_schema(summary="Titel wijzigen en antwoorden aanvullen (samenvoegen; null verwijdert)")
    def partial_update(self, request, *args, **kwargs):
        dpia = self.get_object()
        serializer = self.get_serializer(dpia, data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        gegevens = dict(serializer.validated_data)
        if "titel" in gegevens:
            _service(services.titel_wijzigen, dpia=dpia, door=request.user, titel=gegevens["titel"])
        if "antwoorden" in gegevens:
            _service(
                services.antwoorden_opslaan,
                dpia=dpia,
                door=request.user,
                antwoorden=gegevens["antwoorden"],
                samenvoegen=True,
            )
        return self._antwoord(dpia)

    @extend_schema(
        summary="De pre-scan vastleggen; het antwoord geeft de uitkomst",
        request=PrescanSerializer,
        responses={200: PrescanUitkomstSerializer},
    )
    @action(detail=True, methods=["post"])
    def prescan(self, request, uuid=None):
        dpia = self.get_object()
        gegevens = _valideer(PrescanSerializer, request.data)
        dpia = _service(services.prescan_vastleggen, dpia=dpia, door=request.user, **gegevens)
        return Response(PrescanUitkomstSerializer(prescan_data(dpia)).data)

    @extend_schema(summary="Een risico toevoegen (deel C)", request=RisicoSerializer, responses={201: RisicoSerializer})
    @action(detail=True, methods=["post"])
    def risicos(self, request, uuid=None):
        dpia = self.get_object()
        gegevens = _valideer(RisicoSerializer, request.data)
        risico = _service(services.risico_opslaan, dpia=dpia, door=request.user, gegevens=gegevens)
        return Response(RisicoSerializer(risico).data, status=status.HTTP_201_CREATED)

    @extend_schema(
        summary="Een maatregel toevoegen (deel D)", request=MaatregelSerializer, responses={201: MaatregelSerializer}
    )
    @action(detail=True, methods=["post"])
    def maatregelen(self, request, uuid=None):
        dpia = self.get_object()
        gegevens = _valideer(MaatregelSerializer, request.data, dpia=dpia)
        maatregel = _service(services.maatregel_opslaan, dpia=dpia, door=request.user, gegevens=gegevens)
        return Response(MaatregelSerializer(maatregel).data, status=status.HTTP_201_CREATED)

    def _actie(self, request, functie, invoer=None):
        dpia = self.get_object()
        kwargs = _valideer(invoer, request.data) if invoer is not None else {}
        _service(functie, dpia=dpia, door=request.user, **kwargs)
        return self._antwoord(dpia)

    @extend_schema(summary="De DPIA ter advies voorleggen aan de FG", request=None, responses={200: DpiaSerializer})
    @action(detail=True, methods=["post"], url_path="advies-vragen", url_name="advies-vragen")
    def advies_vragen(self, request, uuid=None):
        return self._actie(request, services.advies_vragen)

    @extend_schema(
        summary="Beveiligingsadvies vastleggen (CISO)",
        request=BeveiligingsadviesSerializer,
        responses={200: DpiaSerializer},
    )
    @action(detail=True, methods=["post"])
    def beveiligingsadvies(self, request, uuid=None):
        return self._actie(request, services.beveiligingsadvies_geven, BeveiligingsadviesSerializer)

    @extend_schema(
        summary="Advies van de FG vastleggen (alleen de FG)", request=AdviesSerializer, responses={200: DpiaSerializer}
    )
    @action(detail=True, methods=["post"])
    def advies(self, request, uuid=None):
        return self._actie(request, services.fg_advies_geven, AdviesSerializer)

    @extend_schema(
        summary="Het restrisico accepteren: de teammanager, of bij hoog restrisico het college of de directeur",
        request=AccepterenSerializer,
        responses={200: DpiaSerializer},
    )
    @action(detail=True, methods=["post"])
    def accepteren(self, request, uuid=None):
        return self._actie(request, services.accepteren, AccepterenSerializer)

    @extend_schema(
        summary="Voorafgaande raadpleging van de AP: indienen, verlenging of antwoord (art. 36 AVG)",
        request=RaadplegingSerializer,
        responses={200: DpiaSerializer},
    )
    @action(detail=True, methods=["post"], url_path="raadpleging-ap", url_name="raadpleging-ap")
    def raadpleging_ap(self, request, uuid=None):
        dpia = self.get_object()
        gegevens = _valideer(RaadplegingSerializer, request.data)
        stap = gegevens.pop("stap")
        if stap == "indienen":
            _service(
                services.raadpleging_indienen,
                dpia=dpia,
                door=request.user,
                ingediend_op=gegevens["ingediend_op"],
                kenmerk=gegevens["kenmerk"],
                toelichting=gegevens["toelichting"],
            )
        else:
            _service(
                services.raadpleging_bijwerken,
                dpia=dpia,
                door=request.user,
                verlengd=stap == "verlenging",
                antwoord_op=gegevens["antwoord_op"] if stap == "antwoord" else None,
                antwoord=gegevens["antwoord"],
            )
        return self._antwoord(dpia)

    @extend_schema(
        summary="De DPIA in het uitvoerformaat van de DPIA-tool van de rijksoverheid (assessment-output v2)",
        responses={200: OpenApiResponse(OpenApiTypes.OBJECT)},
        filters=False,
    )
    @action(detail=True, methods=["get"], renderer_classes=[renderers.JSONRenderer], filterset_class=None)
    def export(self, request, uuid=None):
        dpia = self.get_object()
        audit(actor=request.user, actie=AuditEvent.Actie.EXPORTEREN, obj=dpia, herkomst="api")
        return Response(exporteer(dpia, door=request.user))

    @extend_schema(
        summary="De historie, nieuwste eerst",
        responses={200: OpenApiResponse(HistorieRegelSerializer(many=True))},
        filters=False,
    )
    @action(detail=True, methods=["get"], pagination_class=None, filterset_class=None)
    def historie(self, request, uuid=None):
        dpia = self.get_object()
        audit(actor=request.user, actie=AuditEvent.Actie.INZIEN, obj=dpia, herkomst="api")
        regels = historie_regels(dpia, labels=services.LABELS, verborgen=frozenset({"antwoorden", "versielog"}))
        data = [
            {
                "tijdstip": r["tijdstip"],
                "door": r["door"].username if r["door"] else None,
                "soort": str(r["soort"]),
                "reden": r["reden"],
            }
            for r in regels
        ]
        return Response(HistorieRegelSerializer(data, many=True).data)
