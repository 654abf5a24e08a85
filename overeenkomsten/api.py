"""API of the agreements register: /api/v1/overeenkomsten (list, create, read, PATCH) and the review action.

Reads go through selectors.overeenkomsten_voor (404 outside the user's reach), writes through the
services; their ValidationError becomes 400 problem+json with invalidParams, PermissionDenied 403.
"""

import django_filters
from django.core.exceptions import ValidationError as DjangoValidationError
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response

from privacy_portal.core.audit import audit
from privacy_portal.core.models import AuditEvent
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


def _service(functie, **kwargs):
    """Call a service and translate its validation errors into a 400 with every invalid field."""
    try:
        return functie(**kwargs)
    except DjangoValidationError as fout:
        if hasattr(fout, "error_dict"):
            raise ValidationError(fout.message_dict) from fout
        raise ValidationError({"non_field_errors": fout.messages}) from fout


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


@extend_schema_view(
    list=extend_schema(summary="Overeenkomsten die u mag inzien"),
    retrieve=extend_schema(summary="Eén overeenkomst"),
    create=extend_schema(summary="Een overeenkomst registreren"),
    partial_update=extend_schema(summary="Een overeenkomst wijzigen"),
)
class OvereenkomstViewSet(
    mixins.ListModelMixin, mixins.RetrieveModelMixin, mixins.CreateModelMixin, viewsets.GenericViewSet
):
    serializer_class = OvereenkomstSerializer
    lookup_field = "uuid"
    filterset_class = OvereenkomstFilter
    http_method_names = ["get", "post", "patch", "head", "options"]

    def get_queryset(self):
        return (
            selectors.overeenkomsten_voor(self.request.user)
            .prefetch_related("verwerkingen", "subverwerkers")
            .order_by("onderwerp", "pk")
        )

    def get_serializer(self, *args, **kwargs):
        kwargs.setdefault("gemeenten", gemeenten_voor(self.request.user))
        return super().get_serializer(*args, **kwargs)

    def _antwoord(self, ovk, status_code=status.HTTP_200_OK):
        return Response(self.get_serializer(self.get_queryset().get(pk=ovk.pk)).data, status=status_code)

    def retrieve(self, request, *args, **kwargs):
        ovk = self.get_object()
        audit(actor=request.user, actie=AuditEvent.Actie.INZIEN, obj=ovk, herkomst="api")
        return Response(self.get_serializer(ovk).data)

    def create(self, request, *args, **kwargs):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        gemeente = serializer.validated_data["gemeente"]
        invoer = _invoer(serializer.validated_data)
        invoer.setdefault("partijen", [])
        ovk = _service(services.overeenkomst_aanmaken, door=request.user, gemeente=gemeente, **invoer)
        return self._antwoord(ovk, status.HTTP_201_CREATED)

    def partial_update(self, request, *args, **kwargs):
        ovk = self.get_object()
        vereis(request.user, "overeenkomsten.change_overeenkomst", ovk)
        serializer = self.get_serializer(ovk, data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        ovk = _service(
            services.overeenkomst_wijzigen, overeenkomst=ovk, door=request.user, **_invoer(serializer.validated_data)
        )
        return self._antwoord(ovk)

    @extend_schema(
        summary="De jaarlijkse review vastleggen",
        request=ReviewSerializer,
        responses={200: OvereenkomstSerializer},
        filters=False,
    )
    @action(detail=True, methods=["post"], filterset_class=None)
    def review(self, request, uuid=None):
        ovk = self.get_object()
        vereis(request.user, "overeenkomsten.change_overeenkomst", ovk)
        serializer = ReviewSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        _service(services.review_vastleggen, overeenkomst=ovk, door=request.user, **serializer.validated_data)
        return self._antwoord(ovk)
