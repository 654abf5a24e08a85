"""The API base of every register: one viewset base, one mapping of domain errors to problem+json.

See `RegisterViewSet`. The conventions themselves (problem+json, paging, API-Version) are in api.py.
"""

from django.core.exceptions import NON_FIELD_ERRORS
from django.core.exceptions import ValidationError as DjangoValidationError
from drf_spectacular.utils import extend_schema, extend_schema_serializer
from rest_framework import serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response

from .api import Conflict
from .audit import audit, audit_lezen, filter_uit_query
from .historie import historie_als_data, historie_regels
from .models import AuditEvent
from .schrijven import VersieConflict, lees_versie, versie_van
from .workflow import OvergangNietToegestaan


class HistorieWijzigingSerializer(serializers.Serializer):
    veld = serializers.CharField()
    oud = serializers.CharField()
    nieuw = serializers.CharField()


@extend_schema_serializer(component_name="HistorieRegel")
class HistorieRegelSerializer(serializers.Serializer):
    tijdstip = serializers.DateTimeField()
    door = serializers.CharField(allow_null=True)
    soort = serializers.CharField()
    reden = serializers.CharField(allow_blank=True)
    wijzigingen = HistorieWijzigingSerializer(many=True)


def service_aanroepen(functie, **kwargs):
    """Call a service and turn its domain errors into API errors: ValidationError -> 400 with every
    field (non-field messages too), a forbidden transition or a stale version -> 409, no
    permission -> 403 (DRF's own handling of Django's PermissionDenied)."""
    try:
        return functie(**kwargs)
    except DjangoValidationError as fout:
        if hasattr(fout, "error_dict"):
            # Django's "__all__" is the API's nonFieldErrors (not a field called "_All__")
            fouten = {
                "non_field_errors" if veld == NON_FIELD_ERRORS else veld: teksten
                for veld, teksten in fout.message_dict.items()
            }
            raise ValidationError(fouten) from fout
        raise ValidationError({"non_field_errors": fout.messages}) from fout
    except OvergangNietToegestaan as fout:
        raise Conflict(str(fout)) from fout
    except VersieConflict as fout:
        raise VersieConflictApi(fout) from fout


class VersieConflictApi(Conflict):
    default_code = "versieconflict"

    def __init__(self, fout):
        super().__init__(str(fout))
        self.wijzigingen = historie_als_data(fout.wijzigingen)
        self.versie = versie_van(fout.obj)


class RegisterViewSet(viewsets.GenericViewSet):
    # (Comments, not a docstring: the OpenAPI document would show a docstring to API users.)
    # The API base of every register.
    #
    # - `get_queryset` comes from the register's selector, so the user's scope applies (404 outside it);
    # - reads of lists and details are audited: one row per request naming every object shown
    # (`object_ids`) and, for a list, its filter;
    # - a detail carries its version in the `ETag` header; writes accept `If-Match` with it and answer
    # 409 with the changes in between when the object changed since (`self.versie()`);
    # - `self.service(functie, ...)` maps domain errors to problem+json (400, 403, 409);
    # - `GET .../historie` returns the object's history in words.

    lookup_field = "uuid"
    http_method_names = ["get", "post", "patch", "head", "options"]

    def versie(self):
        return lees_versie(self.request.headers.get("If-Match"))

    def service(self, functie, **kwargs):
        return service_aanroepen(functie, **kwargs)

    def list(self, request, *args, **kwargs):
        queryset = self.filter_queryset(self.get_queryset())
        page = self.paginate_queryset(queryset)
        objecten = page if page is not None else list(queryset)
        audit_lezen(
            actor=request.user,
            objecten=objecten,
            object_type=queryset.model._meta.label,
            herkomst="api",
            details={"lijst": self.basename, "filter": filter_uit_query(request.query_params)},
        )
        data = self.get_serializer(objecten, many=True).data
        return self.get_paginated_response(data) if page is not None else Response(data)

    def retrieve(self, request, *args, **kwargs):
        obj = self.get_object()
        audit(actor=self.request.user, actie=AuditEvent.Actie.INZIEN, obj=obj, herkomst="api")
        return Response(self.get_serializer(obj).data, headers={"ETag": f'"{versie_van(obj)}"'})

    def antwoord(self, obj, status_code=status.HTTP_200_OK):
        """The object as the user now sees it, fresh from the selector, with its new version."""
        obj = self.get_queryset().get(pk=obj.pk)
        return Response(self.get_serializer(obj).data, status=status_code, headers={"ETag": f'"{versie_van(obj)}"'})

    @extend_schema(
        summary="De historie, nieuwste eerst, in woorden",
        request=None,
        responses={200: HistorieRegelSerializer(many=True)},
        filters=False,
    )
    @action(detail=True, methods=["get"], pagination_class=None, filterset_class=None)
    def historie(self, request, uuid=None):
        obj = self.get_object()
        gelezen = {"gelezen": "historie"}
        audit(actor=self.request.user, actie=AuditEvent.Actie.INZIEN, obj=obj, herkomst="api", details=gelezen)
        return Response(HistorieRegelSerializer(historie_als_data(self.historie_regels(obj)), many=True).data)

    def historie_regels(self, obj):
        """The lines shown under /historie; a register whose records have parts merges them here."""
        return historie_regels(obj)
