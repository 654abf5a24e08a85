"""API of the betrokkenenverzoeken: /api/v1/verzoeken, /verlengen and /afhandelen.

Reads go through selectors.verzoeken_voor (rechten.view_verzoek; 404 outside the user's scope),
writes through the services; their ValidationError becomes a 400 problem+json with every invalid
field, a forbidden transition a 409, a missing permission a 403. Reading one request (with the
requester's personal data) is audited. Unconfirmed and lapsed web requests are not received
requests and are left out.
"""

import django_filters
from django.core.exceptions import ValidationError as DjangoValidationError
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response

from privacy_portal.core.api import Conflict
from privacy_portal.core.audit import audit
from privacy_portal.core.models import AuditEvent
from privacy_portal.core.permissions import vereis
from privacy_portal.organisaties.selectors import gemeenten_voor

from . import selectors, services
from .constants import Soort, Status
from .serializers import VerzoekAfhandelenSerializer, VerzoekSerializer, VerzoekVerlengenSerializer
from .workflow import OvergangNietToegestaan

NIET_ONTVANGEN = (Status.ONBEVESTIGD, Status.VERVALLEN)


class VerzoekFilter(django_filters.FilterSet):
    gemeente = django_filters.CharFilter(field_name="gemeente__slug", help_text="Slug van de gemeente.")
    status = django_filters.ChoiceFilter(choices=[c for c in Status.choices if c[0] not in NIET_ONTVANGEN])
    soort = django_filters.ChoiceFilter(choices=Soort.choices, method="filter_soort", help_text="Eén recht.")
    open = django_filters.BooleanFilter(method="filter_open", help_text="true: nog open; false: afgehandeld.")

    def filter_soort(self, qs, name, value):
        return selectors.filter_verzoeken(qs, soort=value, status="alle")

    def filter_open(self, qs, name, value):
        if value is None:
            return qs
        return selectors.filter_verzoeken(qs, status="") if value else qs.filter(status=Status.AFGEHANDELD)


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


@extend_schema_view(
    list=extend_schema(summary="Verzoeken die u mag inzien, op deadline"),
    retrieve=extend_schema(summary="Eén verzoek, met de gegevens van de verzoeker"),
)
class VerzoekViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    serializer_class = VerzoekSerializer
    lookup_field = "uuid"
    filterset_class = VerzoekFilter
    http_method_names = ["get", "post", "patch", "head", "options"]

    def get_queryset(self):
        return (
            selectors.verzoeken_voor(self.request.user)
            .exclude(status__in=NIET_ONTVANGEN)
            .prefetch_related("teams", "verwerkingen")
            .order_by("geldende_termijn", "pk")
        )

    def get_serializer(self, *args, **kwargs):
        kwargs.setdefault("gemeenten", gemeenten_voor(self.request.user))
        return super().get_serializer(*args, **kwargs)

    def _antwoord(self, verzoek, status_code=status.HTTP_200_OK):
        return Response(self.get_serializer(self.get_queryset().get(pk=verzoek.pk)).data, status=status_code)

    def retrieve(self, request, *args, **kwargs):
        verzoek = self.get_object()
        audit(actor=request.user, actie=AuditEvent.Actie.INZIEN, obj=verzoek, herkomst="api")
        return Response(self.get_serializer(verzoek).data)

    @extend_schema(
        summary="Een verzoek registreren dat per brief, e-mail, telefoon of aan de balie binnenkwam",
        request=VerzoekSerializer,
        responses={201: VerzoekSerializer},
    )
    def create(self, request, *args, **kwargs):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        gegevens = dict(serializer.validated_data)
        gemeente = gegevens.pop("gemeente")
        verzoek = _service(services.verzoek_registreren, door=request.user, gemeente=gemeente, gegevens=gegevens)
        return self._antwoord(verzoek, status.HTTP_201_CREATED)

    @extend_schema(summary="De intakegegevens van een verzoek verbeteren (privacy officer, jurist)")
    def partial_update(self, request, *args, **kwargs):
        verzoek = self.get_object()
        vereis(request.user, "rechten.change_verzoek", verzoek)
        serializer = self.get_serializer(verzoek, data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        verzoek = _service(
            services.verzoek_wijzigen, verzoek=verzoek, door=request.user, gegevens=dict(serializer.validated_data)
        )
        return self._antwoord(verzoek)

    def _actie(self, request, perm, invoer, functie, **namen):
        verzoek = self.get_object()
        vereis(request.user, perm, verzoek)
        serializer = invoer(data=request.data)
        serializer.is_valid(raise_exception=True)
        kwargs = {namen.get(k, k): v for k, v in serializer.validated_data.items()}
        _service(functie, verzoek=verzoek, door=request.user, **kwargs)
        return self._antwoord(verzoek)

    @extend_schema(
        summary="De termijn met twee maanden verlengen (alleen vóór de deadline, één keer, met reden)",
        request=VerzoekVerlengenSerializer,
        responses={200: VerzoekSerializer},
    )
    @action(detail=True, methods=["post"])
    def verlengen(self, request, uuid=None):
        return self._actie(request, "rechten.verlengen_verzoek", VerzoekVerlengenSerializer, services.verzoek_verlengen)

    @extend_schema(
        summary="Het besluit vastleggen: toegewezen, deels toegewezen, afgewezen (met grond) of ingetrokken",
        request=VerzoekAfhandelenSerializer,
        responses={200: VerzoekSerializer},
    )
    @action(detail=True, methods=["post"])
    def afhandelen(self, request, uuid=None):
        return self._actie(
            request, "rechten.afhandelen_verzoek", VerzoekAfhandelenSerializer, services.verzoek_afhandelen
        )
