"""API of the register: /api/v1/verwerkingen, its actions and history, and the public open data."""

import django_filters
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError
from rest_framework.permissions import AllowAny
from rest_framework.response import Response

from privacy_portal.core.api_register import RegisterViewSet
from privacy_portal.organisaties.models import Gemeente, Team
from privacy_portal.organisaties.selectors import gemeenten_voor

from . import selectors, services
from .constants import Grondslag, Status
from .openbaar import OPENBAAR_CACHE, openbaar_dict
from .serializers import GemeenteSerializer, RedenSerializer, TeamSerializer, VerwerkingSerializer


class VerwerkingFilter(django_filters.FilterSet):
    gemeente = django_filters.CharFilter(field_name="gemeente__slug")
    team = django_filters.UUIDFilter(field_name="team__uuid")
    status = django_filters.ChoiceFilter(choices=Status.choices)
    grondslag = django_filters.ChoiceFilter(choices=Grondslag.choices, method="filter_grondslag")
    bijzondereGegevens = django_filters.BooleanFilter(method="filter_bijzonder")
    volledig = django_filters.BooleanFilter(method="filter_volledig")
    zoek = django_filters.CharFilter(method="filter_zoek")

    def filter_grondslag(self, qs, name, value):
        return selectors.filter_verwerkingen(qs, grondslag=value)

    def filter_bijzonder(self, qs, name, value):
        return selectors.filter_verwerkingen(qs, bijzonder=value)

    def filter_volledig(self, qs, name, value):
        return selectors.filter_verwerkingen(qs, volledig=value)

    def filter_zoek(self, qs, name, value):
        return selectors.filter_verwerkingen(qs, zoek=value)


IF_MATCH = OpenApiParameter(
    "If-Match",
    OpenApiTypes.STR,
    location=OpenApiParameter.HEADER,
    required=False,
    description="De ETag van de verwerking zoals u die las. Is de verwerking sindsdien gewijzigd, dan volgt 409.",
)
FOUTEN = {
    400: OpenApiResponse(description="Ongeldige invoer (problem+json met invalidParams); niets opgeslagen"),
    403: OpenApiResponse(description="Geen recht op deze actie"),
    409: OpenApiResponse(
        description="Niet mogelijk in deze status, of intussen gewijzigd (If-Match verouderd): problem+json met "
        "huidigeVersie en de wijzigingen sindsdien"
    ),
}


def _schrijven(**kwargs):
    """The schema of a write: If-Match, the verwerking with its new ETag, and the errors."""
    return extend_schema(parameters=[IF_MATCH], responses={200: VerwerkingSerializer, **FOUTEN}, **kwargs)


# The register van verwerkingen. Reads carry an ETag; writes take If-Match (409 when stale).
class VerwerkingViewSet(mixins.CreateModelMixin, RegisterViewSet):
    serializer_class = VerwerkingSerializer
    filterset_class = VerwerkingFilter

    def get_queryset(self):
        return selectors.verwerkingen_voor(self.request.user).order_by("naam", "pk")

    def get_serializer(self, *args, **kwargs):
        kwargs.setdefault("gemeenten", gemeenten_voor(self.request.user))
        return super().get_serializer(*args, **kwargs)

    def create(self, request, *args, **kwargs):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        gegevens = dict(serializer.validated_data)
        gemeente = gegevens.pop("gemeente")
        gegevens.pop("reden", None)
        verwerking = self.service(services.verwerking_aanmaken, door=request.user, gemeente=gemeente, gegevens=gegevens)
        return self.antwoord(verwerking, status.HTTP_201_CREATED)

    @_schrijven()
    def partial_update(self, request, uuid=None):
        verwerking = self.get_object()
        serializer = self.get_serializer(verwerking, data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        gegevens = dict(serializer.validated_data)
        reden = gegevens.pop("reden", "")
        verwerking = self.service(
            services.verwerking_wijzigen,
            verwerking=verwerking,
            door=request.user,
            gegevens=gegevens,
            reden=reden,
            versie=self.versie(),
        )
        return self.antwoord(verwerking)

    def _actie(self, request, functie, **kwargs):
        verwerking = self.get_object()
        verwerking = self.service(functie, verwerking=verwerking, door=request.user, versie=self.versie(), **kwargs)
        return self.antwoord(verwerking)

    @_schrijven(request=None)
    @action(detail=True, methods=["post"])
    def indienen(self, request, uuid=None):
        return self._actie(request, services.verwerking_indienen)

    @_schrijven(
        request=None,
        description="Vaststellen en publiceren. Met If-Match wordt alleen de versie vastgesteld die u las.",
    )
    @action(detail=True, methods=["post"])
    def goedkeuren(self, request, uuid=None):
        return self._actie(request, services.verwerking_goedkeuren)

    @_schrijven(request=RedenSerializer)
    @action(detail=True, methods=["post"])
    def afwijzen(self, request, uuid=None):
        data = RedenSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        return self._actie(request, services.verwerking_afwijzen, reden=data.validated_data.get("reden", ""))

    @_schrijven(request=RedenSerializer)
    @action(detail=True, methods=["post"])
    def archiveren(self, request, uuid=None):
        data = RedenSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        return self._actie(request, services.verwerking_archiveren, reden=data.validated_data.get("reden", ""))


class GemeenteViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = GemeenteSerializer
    lookup_field = "slug"

    def get_queryset(self):
        return gemeenten_voor(self.request.user).prefetch_related("verantwoordelijken").order_by("naam")


class TeamFilter(django_filters.FilterSet):
    gemeente = django_filters.CharFilter(field_name="gemeente__slug")


class TeamViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = TeamSerializer
    lookup_field = "uuid"
    filterset_class = TeamFilter

    def get_queryset(self):
        return (
            Team.objects.filter(gemeente__in=gemeenten_voor(self.request.user))
            .select_related("gemeente", "afdeling")
            .order_by("gemeente__naam", "naam")
        )


class OpenbaarFilterSerializer(serializers.Serializer):
    gemeente = serializers.SlugField(help_text="Slug van de gemeente.")


OPENBARE_PARAMETERS = {"gemeente", "page", "pageSize"}


class OpenbareVerwerkingViewSet(viewsets.GenericViewSet):
    """Open data: the approved versions of a gemeente, public fields only. No login needed.

    A page is cached per gemeente until a verwerking is approved or archived (`OPENBAAR_CACHE`),
    when the request has no other parameters than these (and page numbers as digits).
    """

    permission_classes = [AllowAny]
    authentication_classes = []
    filter_backends = []

    @extend_schema(parameters=[OpenApiParameter("gemeente", str, required=True)], responses=OpenApiTypes.OBJECT)
    def list(self, request):
        params = OpenbaarFilterSerializer(data=request.query_params)
        params.is_valid(raise_exception=True)
        gemeente = Gemeente.objects.filter(slug=params.validated_data["gemeente"]).first()
        if gemeente is None:
            raise ValidationError({"gemeente": "Onbekende gemeente."})
        sleutel = self._cache_sleutel(request, gemeente)
        data = OPENBAAR_CACHE.lees(sleutel)
        if data is None:
            pagina = self.paginate_queryset(selectors.openbare_versies(gemeente))
            data = self.get_paginated_response([openbaar_dict(v) for v in pagina]).data
            OPENBAAR_CACHE.bewaar(sleutel, data)
        return Response(data)

    @staticmethod
    def _cache_sleutel(request, gemeente):
        parameters = request.query_params
        if set(parameters) - OPENBARE_PARAMETERS:
            return None
        nummers = [parameters.get(naam, "") for naam in ("page", "pageSize")]
        if any(n and not (n.isdigit() and len(n) <= 5) for n in nummers):
            return None
        # the next/previous links carry the host and the path
        return OPENBAAR_CACHE.sleutel(gemeente.pk, "api", request.get_host(), request.get_full_path())
