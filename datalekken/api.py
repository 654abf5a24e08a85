"""API of the datalekregister: /api/v1/datalekken, its actions and history.

Reads go through selectors.datalekken_voor (404 outside the user's scope), writes through the
services. The kernel's RegisterViewSet maps their errors (ValidationError 400, a forbidden
transition or a stale `If-Match` 409), audits reads, sets the `ETag` and serves `/historie`.
"""

import django_filters
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import status
from rest_framework.decorators import action

from privacy_portal.core.api_register import RegisterViewSet
from privacy_portal.core.permissions import vereis
from privacy_portal.organisaties.selectors import gemeenten_voor

from . import selectors, services
from .constants import Risico, Status
from .serializers import (
    DatalekAfsluitenSerializer,
    DatalekInformerenSerializer,
    DatalekKennisnameCorrigerenSerializer,
    DatalekMeldenApSerializer,
    DatalekMeldenSerializer,
    DatalekSerializer,
)

ONBEOORDEELD = "onbeoordeeld"

IF_MATCH = OpenApiParameter(
    "If-Match",
    OpenApiTypes.STR,
    location=OpenApiParameter.HEADER,
    required=False,
    description="De ETag van het datalek zoals u het las. Is het intussen gewijzigd, dan volgt 409 met de "
    "wijzigingen sindsdien en wordt er niets opgeslagen.",
)
CONFLICT = OpenApiResponse(
    description="Niet mogelijk in deze status, of intussen gewijzigd (If-Match verouderd): problem+json, "
    "bij een versieconflict met `wijzigingen` en `huidigeVersie`."
)


class DatalekFilter(django_filters.FilterSet):
    gemeente = django_filters.CharFilter(field_name="gemeente__slug", help_text="Slug van de gemeente.")
    status = django_filters.ChoiceFilter(choices=Status.choices)
    risico = django_filters.ChoiceFilter(
        choices=[*Risico.choices, (ONBEOORDEELD, "Nog niet beoordeeld")], method="filter_risico"
    )
    open = django_filters.BooleanFilter(method="filter_open", help_text="true: niet afgesloten; false: afgesloten.")

    def filter_risico(self, qs, name, value):
        return selectors.filter_datalekken(qs, risico=value)

    def filter_open(self, qs, name, value):
        if value is None:
            return qs
        return selectors.filter_datalekken(qs, open_=True) if value else qs.filter(status=Status.AFGESLOTEN)


@extend_schema_view(
    list=extend_schema(summary="Datalekken die u mag inzien, op melddeadline"),
    retrieve=extend_schema(summary="Eén datalek"),
    historie=extend_schema(
        operation_id="datalekken_historie_retrieve", summary="De historie van het datalek, nieuwste eerst"
    ),
)
class DatalekViewSet(RegisterViewSet):
    """Datalekken (AVG art. 33 en 34): melden, beoordelen, de melding aan de AP, betrokkenen informeren
    en afsluiten. Een detail heeft een `ETag`; stuur die mee als `If-Match` bij een wijziging of actie."""

    serializer_class = DatalekSerializer
    filterset_class = DatalekFilter

    def get_queryset(self):
        return (
            selectors.datalekken_voor(self.request.user)
            .prefetch_related("meldingen", "verwerkingen")
            .order_by("meld_deadline", "pk")
        )

    def get_serializer(self, *args, **kwargs):
        kwargs.setdefault("gemeenten", gemeenten_voor(self.request.user))
        return super().get_serializer(*args, **kwargs)

    @extend_schema(
        summary="Een mogelijk datalek melden",
        request=DatalekMeldenSerializer,
        responses={201: DatalekSerializer},
    )
    def create(self, request, *args, **kwargs):
        serializer = DatalekMeldenSerializer(
            data=request.data, gemeenten=gemeenten_voor(request.user), context=self.get_serializer_context()
        )
        serializer.is_valid(raise_exception=True)
        gegevens = dict(serializer.validated_data)
        gemeente = gegevens.pop("gemeente")
        verwerkingen = gegevens.pop("verwerkingen", [])
        datalek = self.service(
            services.datalek_melden, door=request.user, gemeente=gemeente, gegevens=gegevens, verwerkingen=verwerkingen
        )
        return self.antwoord(datalek, status.HTTP_201_CREATED)

    @extend_schema(
        summary="Het datalek beoordelen en bijwerken (privacy officer, CISO)",
        parameters=[IF_MATCH],
        responses={200: DatalekSerializer, 409: CONFLICT},
    )
    def partial_update(self, request, *args, **kwargs):
        datalek = self.get_object()
        vereis(request.user, "datalekken.behandelen_datalek", datalek)
        serializer = self.get_serializer(datalek, data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        gegevens = dict(serializer.validated_data)
        reden = gegevens.pop("reden", "")
        verwerkingen = gegevens.pop("verwerkingen", None)
        datalek = self.service(
            services.datalek_behandelen,
            datalek=datalek,
            door=request.user,
            gegevens=gegevens,
            verwerkingen=verwerkingen,
            reden=reden,
            versie=self.versie(),
        )
        return self.antwoord(datalek)

    def _actie(self, request, perm, invoer, functie):
        datalek = self.get_object()
        vereis(request.user, perm, datalek)
        serializer = invoer(data=request.data)
        serializer.is_valid(raise_exception=True)
        self.service(functie, datalek=datalek, door=request.user, versie=self.versie(), **serializer.validated_data)
        return self.antwoord(datalek)

    @extend_schema(
        summary="De melding aan de AP vastleggen (ook een aanvulling of intrekking)",
        request=DatalekMeldenApSerializer,
        parameters=[IF_MATCH],
        responses={200: DatalekSerializer, 409: CONFLICT},
    )
    @action(detail=True, methods=["post"], url_path="melden-ap", url_name="melden-ap")
    def melden_ap(self, request, uuid=None):
        return self._actie(
            request, "datalekken.melden_ap_datalek", DatalekMeldenApSerializer, services.melding_ap_vastleggen
        )

    @extend_schema(
        summary="Kennisname corrigeren (privacy officer, met reden); de melddeadline wordt opnieuw berekend",
        request=DatalekKennisnameCorrigerenSerializer,
        parameters=[IF_MATCH],
        responses={200: DatalekSerializer, 409: CONFLICT},
    )
    @action(detail=True, methods=["post"], url_path="kennisname-corrigeren", url_name="kennisname-corrigeren")
    def kennisname_corrigeren(self, request, uuid=None):
        return self._actie(
            request,
            "datalekken.kennisname_corrigeren_datalek",
            DatalekKennisnameCorrigerenSerializer,
            services.kennisname_corrigeren,
        )

    @extend_schema(
        summary="Vastleggen dat de betrokkenen zijn geïnformeerd, of welke uitzondering van art. 34 lid 3 geldt",
        request=DatalekInformerenSerializer,
        parameters=[IF_MATCH],
        responses={200: DatalekSerializer, 409: CONFLICT},
    )
    @action(detail=True, methods=["post"], url_path="informeren-betrokkenen", url_name="informeren-betrokkenen")
    def informeren_betrokkenen(self, request, uuid=None):
        return self._actie(
            request, "datalekken.behandelen_datalek", DatalekInformerenSerializer, services.betrokkenen_informeren
        )

    @extend_schema(
        summary="Het datalek afsluiten",
        request=DatalekAfsluitenSerializer,
        parameters=[IF_MATCH],
        responses={200: DatalekSerializer, 409: CONFLICT},
    )
    @action(detail=True, methods=["post"])
    def afsluiten(self, request, uuid=None):
        return self._actie(
            request, "datalekken.afsluiten_datalek", DatalekAfsluitenSerializer, services.datalek_afsluiten
        )
