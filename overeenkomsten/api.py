"""API of the agreements register: /api/v1/overeenkomsten (list, create, read, PATCH), the review action
and the history (from the register kit's `RegisterViewSet`).

Reads go through selectors.overeenkomsten_voor (404 outside the user's reach) and are audited; writes go
through the services (`self.service`): ValidationError becomes 400 problem+json with invalidParams,
PermissionDenied 403, a stale `If-Match` 409 with the changes made since. Answers carry the `ETag`.
"""

import django_filters
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import status
from rest_framework.decorators import action

from privacy_portal.core.api_register import RegisterViewSet
from privacy_portal.core.permissions import vereis
from privacy_portal.organisaties.selectors import gemeenten_voor

from . import selectors, services
from .constants import Soort
from .serializers import OvereenkomstSerializer, ReviewSerializer


class OvereenkomstFilter(django_filters.FilterSet):
    gemeente = django_filters.CharFilter(field_name="gemeente__slug", help_text="Slug van de gemeente.")
    team = django_filters.UUIDFilter(field_name="team__uuid", help_text="Uuid van het team.")
    soort = django_filters.ChoiceFilter(choices=Soort.choices)
    partij = django_filters.CharFilter(
        method="filter_partij", help_text="Naam van een partij (bevat, hoofdletterongevoelig)."
    )
    verlooptVoor = django_filters.DateFilter(  # camelCase query parameter (NL API Design Rules)
        method="filter_verloopt_voor", help_text="Alleen overeenkomsten met een einddatum vóór deze datum."
    )

    def filter_partij(self, qs, name, value):
        return selectors.filter_overeenkomsten(qs, partij=value)

    def filter_verloopt_voor(self, qs, name, value):
        return selectors.filter_overeenkomsten(qs, verloopt_voor=value)


def _invoer(validated_data):
    """Serializer data -> keyword arguments of the services."""
    gegevens = dict(validated_data)
    invoer = {"reden": gegevens.pop("reden", "")}
    gegevens.pop("gemeente", None)
    if "partijen" in gegevens:
        invoer["partijen"] = [{"naam": naam} for naam in gegevens.pop("partijen")]
    for veld in ("subverwerkers", "verwerkingen"):
        if veld in gegevens:
            invoer[veld] = list(gegevens.pop(veld))
    invoer["gegevens"] = gegevens
    return invoer


IF_MATCH = OpenApiParameter(
    "If-Match",
    location=OpenApiParameter.HEADER,
    required=False,
    description="De ETag van de overeenkomst zoals u haar las. Is zij intussen gewijzigd, dan volgt 409.",
)
CONFLICT = OpenApiResponse(description="Intussen gewijzigd (If-Match is verouderd); de wijzigingen staan erbij.")


@extend_schema_view(
    list=extend_schema(summary="Overeenkomsten die u mag inzien"),
    retrieve=extend_schema(summary="Eén overeenkomst"),
    create=extend_schema(summary="Een overeenkomst registreren"),
    partial_update=extend_schema(
        summary="Een overeenkomst wijzigen",
        parameters=[IF_MATCH],
        responses={200: OvereenkomstSerializer, 409: CONFLICT},
    ),
)
class OvereenkomstViewSet(RegisterViewSet):
    """Verwerkersovereenkomsten, convenanten en andere overeenkomsten die u mag inzien.

    Eén overeenkomst heeft een ETag. Stuur die bij een wijziging mee als If-Match: is de overeenkomst
    intussen gewijzigd, dan volgt 409 met de wijzigingen sinds uw versie, en wordt er niets opgeslagen.
    """

    serializer_class = OvereenkomstSerializer
    filterset_class = OvereenkomstFilter

    def get_queryset(self):
        return (
            selectors.overeenkomsten_voor(self.request.user)
            .prefetch_related("verwerkingen", "subverwerkers")
            .order_by("onderwerp", "pk")
        )

    def get_serializer(self, *args, **kwargs):
        kwargs.setdefault("gemeenten", gemeenten_voor(self.request.user))
        return super().get_serializer(*args, **kwargs)

    def create(self, request, *args, **kwargs):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        gemeente = serializer.validated_data["gemeente"]
        invoer = _invoer(serializer.validated_data)
        invoer.setdefault("partijen", [])
        ovk = self.service(services.overeenkomst_aanmaken, door=request.user, gemeente=gemeente, **invoer)
        return self.antwoord(ovk, status.HTTP_201_CREATED)

    def partial_update(self, request, *args, **kwargs):
        ovk = self.get_object()
        vereis(request.user, "overeenkomsten.change_overeenkomst", ovk)
        serializer = self.get_serializer(ovk, data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        ovk = self.service(
            services.overeenkomst_wijzigen,
            overeenkomst=ovk,
            door=request.user,
            versie=self.versie(),
            **_invoer(serializer.validated_data),
        )
        return self.antwoord(ovk)

    @extend_schema(
        summary="De jaarlijkse review vastleggen",
        request=ReviewSerializer,
        parameters=[IF_MATCH],
        responses={200: OvereenkomstSerializer, 409: CONFLICT},
        filters=False,
    )
    @action(detail=True, methods=["post"], filterset_class=None)
    def review(self, request, uuid=None):
        ovk = self.get_object()
        vereis(request.user, "overeenkomsten.change_overeenkomst", ovk)
        serializer = ReviewSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        ovk = self.service(
            services.review_vastleggen,
            overeenkomst=ovk,
            door=request.user,
            versie=self.versie(),
            **serializer.validated_data,
        )
        return self.antwoord(ovk)

    @extend_schema(
        summary="Openbaar document vrijgeven (vier ogen)",
        request=None,
        parameters=[IF_MATCH],
        responses={200: OvereenkomstSerializer, 409: CONFLICT},
        filters=False,
    )
    @action(detail=True, methods=["post"], url_path="document-vrijgeven", filterset_class=None)
    def document_vrijgeven(self, request, uuid=None):
        ovk = self.get_object()
        ovk = self.service(services.document_vrijgeven, overeenkomst=ovk, door=request.user, versie=self.versie())
        return self.antwoord(ovk)

    def historie_regels(self, obj):
        """The agreement's history with that of its parties, sub-processors and reviews."""
        return selectors.historie_van(obj)
