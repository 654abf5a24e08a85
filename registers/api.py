"""API of the register: /api/v1/verwerkingen, its actions and history, and the public open data."""

import django_filters
from django.core.exceptions import ValidationError as DjangoValidationError
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import mixins, serializers, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError
from rest_framework.permissions import AllowAny
from rest_framework.response import Response

from privacy_portal.core.api import Conflict
from privacy_portal.organisaties.models import Gemeente, Team
from privacy_portal.organisaties.selectors import gemeenten_voor

from . import selectors, services
from .constants import Grondslag, Status
from .historie import historie_van
from .openbaar import openbaar_dict
from .serializers import GemeenteSerializer, RedenSerializer, TeamSerializer, VerwerkingSerializer
from .workflow import OvergangNietToegestaan


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


def _service(functie, **kwargs):
    """Call a service and translate its domain errors into API errors."""
    try:
        return functie(**kwargs)
    except DjangoValidationError as fout:
        raise ValidationError(fout.message_dict) from fout
    except OvergangNietToegestaan as fout:
        raise Conflict(str(fout)) from fout


class VerwerkingViewSet(
    mixins.ListModelMixin, mixins.RetrieveModelMixin, mixins.CreateModelMixin, viewsets.GenericViewSet
):
    serializer_class = VerwerkingSerializer
    lookup_field = "uuid"
    filterset_class = VerwerkingFilter
    http_method_names = ["get", "post", "patch", "head", "options"]

    def get_queryset(self):
        return selectors.verwerkingen_voor(self.request.user).order_by("naam", "pk")

    def get_serializer(self, *args, **kwargs):
        kwargs.setdefault("gemeenten", gemeenten_voor(self.request.user))
        return super().get_serializer(*args, **kwargs)

    def perform_create(self, serializer):
        gegevens = dict(serializer.validated_data)
        gemeente = gegevens.pop("gemeente")
        gegevens.pop("reden", None)
        serializer.instance = _service(
            services.verwerking_aanmaken, door=self.request.user, gemeente=gemeente, gegevens=gegevens
        )

    def partial_update(self, request, uuid=None):
        verwerking = self.get_object()
        serializer = self.get_serializer(verwerking, data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        gegevens = dict(serializer.validated_data)
        reden = gegevens.pop("reden", "")
        verwerking = _service(
            services.verwerking_wijzigen, verwerking=verwerking, door=request.user, gegevens=gegevens, reden=reden
        )
        return Response(self.get_serializer(self.get_queryset().get(pk=verwerking.pk)).data)

    def _actie(self, request, functie, **kwargs):
        verwerking = self.get_object()
        _service(functie, verwerking=verwerking, door=request.user, **kwargs)
        return Response(self.get_serializer(self.get_queryset().get(pk=verwerking.pk)).data)

    @extend_schema(request=None)
    @action(detail=True, methods=["post"])
    def indienen(self, request, uuid=None):
        return self._actie(request, services.verwerking_indienen)

    @extend_schema(request=None)
    @action(detail=True, methods=["post"])
    def goedkeuren(self, request, uuid=None):
        return self._actie(request, services.verwerking_goedkeuren)

    @extend_schema(request=RedenSerializer)
    @action(detail=True, methods=["post"])
    def afwijzen(self, request, uuid=None):
        data = RedenSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        return self._actie(request, services.verwerking_afwijzen, reden=data.validated_data.get("reden", ""))

    @extend_schema(request=RedenSerializer)
    @action(detail=True, methods=["post"])
    def archiveren(self, request, uuid=None):
        data = RedenSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        return self._actie(request, services.verwerking_archiveren, reden=data.validated_data.get("reden", ""))

    @extend_schema(responses=OpenApiTypes.OBJECT)
    @action(detail=True, methods=["get"])
    def historie(self, request, uuid=None):
        verwerking = self.get_object()
        regels = [
            {
                "tijdstip": regel["tijdstip"].isoformat(),
                "door": regel["door"].username if regel["door"] else None,
                "soort": regel["soort"],
                "reden": regel["reden"],
                "wijzigingen": regel["wijzigingen"],
            }
            for regel in historie_van(verwerking)
        ]
        return Response(regels)


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


class OpenbareVerwerkingViewSet(viewsets.GenericViewSet):
    """Open data: the approved versions of a gemeente, public fields only. No login needed."""

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
        pagina = self.paginate_queryset(selectors.openbare_versies(gemeente))
        return self.get_paginated_response([openbaar_dict(v) for v in pagina])
