"""API of the DPIA-register: /api/v1/dpias, the pre-scan, advice, acceptance and the export.

Built on the kernel's RegisterViewSet: reads go through selectors.dpias_voor (404 outside the
user's scope) and are audited; a detail carries its version in `ETag`. Writes go through the
services: their ValidationError becomes 400 problem+json with invalidParams (nothing is saved), a
forbidden transition 409, a stale `If-Match` 409 with the changes since, a missing permission 403.
The history merges the DPIA's own lines with those of its risks and measures.
"""

import django_filters
from django.db import transaction
from django.db.models import Prefetch
from djangorestframework_camel_case.parser import CamelCaseJSONParser
from djangorestframework_camel_case.render import CamelCaseJSONRenderer
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import renderers, status
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError as ApiValidationError
from rest_framework.parsers import BaseParser
from rest_framework.response import Response

from privacy_portal.core.api_register import RegisterViewSet
from privacy_portal.core.audit import audit
from privacy_portal.core.historie import historie_samengevoegd
from privacy_portal.core.models import AuditEvent
from privacy_portal.core.permissions import vereis
from privacy_portal.core.schrijven import versie_van
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
    MaatregelSerializer,
    PrescanSerializer,
    PrescanUitkomstSerializer,
    RaadplegingSerializer,
    RisicoSerializer,
    prescan_data,
)
from .uitwisseling import MAX_IMPORT_BYTES, OngeldigeUitvoer, exporteer, lees_uitvoer

ONGEMOEID = ("antwoorden", "overgenomen")


class Renderer(CamelCaseJSONRenderer):
    """camelCase, except inside the answers (task ids and the output format's own keys)."""

    json_underscoreize = {**CamelCaseJSONRenderer.json_underscoreize, "ignore_fields": ONGEMOEID}


class Parser(CamelCaseJSONParser):
    json_underscoreize = {**CamelCaseJSONParser.json_underscoreize, "ignore_fields": ONGEMOEID}


class BestandParser(BaseParser):
    """The request body as bytes, read up to one byte past the limit: uitwisseling.lees_uitvoer checks and parses it."""

    media_type = "application/json"

    def parse(self, stream, media_type=None, parser_context=None):
        return stream.read(MAX_IMPORT_BYTES + 1) if stream is not None else b""


def _te_groot(request):
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0) > MAX_IMPORT_BYTES
    except ValueError:
        return False


class DpiaFilter(django_filters.FilterSet):
    gemeente = django_filters.CharFilter(field_name="gemeente__slug", help_text="Slug van de gemeente.")
    status = django_filters.ChoiceFilter(choices=Status.choices)
    uitkomst = django_filters.ChoiceFilter(field_name="prescan_uitkomst", choices=Uitkomst.choices)
    verwerking = django_filters.UUIDFilter(
        field_name="koppelingen__verwerking__uuid", help_text="uuid van een verwerking."
    )
    herbeoordeling = django_filters.BooleanFilter(field_name="herbeoordeling_nodig")


def _valideer(serializer_class, data, **kwargs):
    serializer = serializer_class(data=data, **kwargs)
    serializer.is_valid(raise_exception=True)
    return dict(serializer.validated_data)


IF_MATCH = OpenApiParameter(
    "If-Match",
    location=OpenApiParameter.HEADER,
    required=False,
    description="De versie (ETag) die u las. Is de DPIA sindsdien gewijzigd, dan volgt 409 met de wijzigingen.",
)
CONFLICT = OpenApiResponse(
    description="Niet mogelijk in deze status, of intussen gewijzigd (If-Match): problem+json met de wijzigingen."
)


def _schrijven(summary, *, responses=DpiaSerializer, status_code=200, **kwargs):
    """extend_schema of a write: If-Match accepted, 409 documented."""
    return extend_schema(
        summary=summary, parameters=[IF_MATCH], responses={status_code: responses, 409: CONFLICT}, **kwargs
    )


@extend_schema_view(
    list=extend_schema(summary="Pre-scans en DPIA's die u mag inzien, de nieuwste eerst"),
    retrieve=extend_schema(summary="Eén pre-scan of DPIA"),
)
class DpiaViewSet(RegisterViewSet):
    """Pre-scans en DPIA's die u mag inzien. Een DPIA heeft een versie (ETag); een wijziging of besluit met
    een verouderde If-Match wordt geweigerd (409, met de wijzigingen sindsdien)."""

    serializer_class = DpiaSerializer
    filterset_class = DpiaFilter
    renderer_classes = [Renderer]
    parser_classes = [Parser]

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

    def historie_regels(self, obj):
        """Risks and measures are parts of the DPIA: their changes show in its history."""
        return historie_samengevoegd(obj, *obj.risicos.all(), *obj.maatregelen.all())

    @extend_schema(
        summary="Een pre-scan starten voor een of meer verwerkingen",
        request=DpiaStartenSerializer,
        responses={201: DpiaSerializer},
    )
    def create(self, request, *args, **kwargs):
        gegevens = _valideer(DpiaStartenSerializer, request.data, gemeenten=gemeenten_voor(request.user))
        dpia = self.service(services.dpia_starten, door=request.user, **gegevens)
        return self.antwoord(dpia, status.HTTP_201_CREATED)

    @_schrijven("Titel wijzigen en antwoorden aanvullen (samenvoegen; null verwijdert)")
    @transaction.atomic
    def partial_update(self, request, *args, **kwargs):
        dpia = self.get_object()
        serializer = self.get_serializer(dpia, data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        gegevens = dict(serializer.validated_data)
        versie = self.versie()  # checked once: the second change follows the first in this transaction
        if "titel" in gegevens:
            self.service(services.titel_wijzigen, dpia=dpia, door=request.user, titel=gegevens["titel"], versie=versie)
            versie = None
        if "antwoorden" in gegevens:
            self.service(
                services.antwoorden_opslaan,
                dpia=dpia,
                door=request.user,
                antwoorden=gegevens["antwoorden"],
                samenvoegen=True,
                versie=versie,
            )
        return self.antwoord(dpia)

    @_schrijven(
        "De pre-scan vastleggen; het antwoord geeft de uitkomst",
        request=PrescanSerializer,
        responses=PrescanUitkomstSerializer,
    )
    @action(detail=True, methods=["post"])
    def prescan(self, request, uuid=None):
        dpia = self.get_object()
        gegevens = _valideer(PrescanSerializer, request.data)
        dpia = self.service(services.prescan_vastleggen, dpia=dpia, door=request.user, versie=self.versie(), **gegevens)
        return Response(PrescanUitkomstSerializer(prescan_data(dpia)).data, headers={"ETag": f'"{versie_van(dpia)}"'})

    @_schrijven("Een risico toevoegen (deel C)", request=RisicoSerializer, responses=RisicoSerializer, status_code=201)
    @action(detail=True, methods=["post"])
    def risicos(self, request, uuid=None):
        dpia = self.get_object()
        gegevens = _valideer(RisicoSerializer, request.data)
        risico = self.service(
            services.risico_opslaan, dpia=dpia, door=request.user, gegevens=gegevens, versie=self.versie()
        )
        return Response(RisicoSerializer(risico).data, status=status.HTTP_201_CREATED)

    @_schrijven(
        "Een maatregel toevoegen (deel D)", request=MaatregelSerializer, responses=MaatregelSerializer, status_code=201
    )
    @action(detail=True, methods=["post"])
    def maatregelen(self, request, uuid=None):
        dpia = self.get_object()
        gegevens = _valideer(MaatregelSerializer, request.data, dpia=dpia)
        maatregel = self.service(
            services.maatregel_opslaan, dpia=dpia, door=request.user, gegevens=gegevens, versie=self.versie()
        )
        return Response(MaatregelSerializer(maatregel).data, status=status.HTTP_201_CREATED)

    def _actie(self, request, functie, invoer=None):
        dpia = self.get_object()
        kwargs = _valideer(invoer, request.data) if invoer is not None else {}
        self.service(functie, dpia=dpia, door=request.user, versie=self.versie(), **kwargs)
        return self.antwoord(dpia)

    @_schrijven("De DPIA ter advies voorleggen aan de FG", request=None)
    @action(detail=True, methods=["post"], url_path="advies-vragen", url_name="advies-vragen")
    def advies_vragen(self, request, uuid=None):
        return self._actie(request, services.advies_vragen)

    @_schrijven("Beveiligingsadvies vastleggen (CISO)", request=BeveiligingsadviesSerializer)
    @action(detail=True, methods=["post"])
    def beveiligingsadvies(self, request, uuid=None):
        return self._actie(request, services.beveiligingsadvies_geven, BeveiligingsadviesSerializer)

    @_schrijven("Advies van de FG vastleggen (alleen de FG)", request=AdviesSerializer)
    @action(detail=True, methods=["post"])
    def advies(self, request, uuid=None):
        return self._actie(request, services.fg_advies_geven, AdviesSerializer)

    @_schrijven(
        "Het restrisico accepteren: de teammanager, of bij hoog restrisico het college of de directeur",
        request=AccepterenSerializer,
    )
    @action(detail=True, methods=["post"])
    def accepteren(self, request, uuid=None):
        return self._actie(request, services.accepteren, AccepterenSerializer)

    @_schrijven(
        "Voorafgaande raadpleging van de AP: indienen, verlenging of antwoord (art. 36 AVG)",
        request=RaadplegingSerializer,
    )
    @action(detail=True, methods=["post"], url_path="raadpleging-ap", url_name="raadpleging-ap")
    def raadpleging_ap(self, request, uuid=None):
        dpia = self.get_object()
        gegevens = _valideer(RaadplegingSerializer, request.data)
        stap = gegevens.pop("stap")
        if stap == "indienen":
            self.service(
                services.raadpleging_indienen,
                dpia=dpia,
                door=request.user,
                ingediend_op=gegevens["ingediend_op"],
                kenmerk=gegevens["kenmerk"],
                toelichting=gegevens["toelichting"],
                versie=self.versie(),
            )
        else:
            self.service(
                services.raadpleging_bijwerken,
                dpia=dpia,
                door=request.user,
                verlengd=stap == "verlenging",
                antwoord_op=gegevens["antwoord_op"] if stap == "antwoord" else None,
                antwoord=gegevens["antwoord"],
                versie=self.versie(),
            )
        return self.antwoord(dpia)

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

    @_schrijven(
        "Een ingevulde DPIA importeren (assessment-output v2, zoals de export): antwoorden, risico's en "
        "maatregelen worden van deze DPIA; advies, vaststelling en versies uit het bestand worden bewaard onder "
        "'overgenomen'. Alleen de privacy officer, alleen bij een DPIA die wordt ingevuld en nog geen risico's of "
        "maatregelen heeft. Het bestand wordt gecontroleerd tegen het schema; bij een fout wordt niets opgeslagen.",
        request={"application/json": OpenApiTypes.OBJECT},
    )
    @action(
        detail=True,
        methods=["post"],
        url_path="import",
        url_name="import",
        parser_classes=[BestandParser],
        filterset_class=None,
    )
    def importeren(self, request, uuid=None):
        dpia = self.get_object()
        vereis(request.user, "dpia.importeren_dpia", dpia)  # before the file is read
        if _te_groot(request):
            raise ApiValidationError(
                {"bestand": [f"Het bestand is groter dan {MAX_IMPORT_BYTES // (1024 * 1024)} MB."]}
            )
        inhoud = request.data if isinstance(request.data, bytes) else b""
        try:
            document = lees_uitvoer(inhoud)
        except OngeldigeUitvoer as fout:
            raise ApiValidationError({"bestand": fout.fouten}) from fout
        self.service(services.dpia_importeren, dpia=dpia, door=request.user, document=document, versie=self.versie())
        return self.antwoord(dpia)
