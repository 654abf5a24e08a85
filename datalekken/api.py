"""API of the datalekregister: /api/v1/datalekken, its actions and history.

Reads go through selectors.datalekken_voor (404 outside the user's scope), writes through the
services; their ValidationError becomes 400 problem+json, a forbidden transition 409.
"""

from datetime import datetime

import django_filters
from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils import timezone
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response

from privacy_portal.core.api import Conflict
from privacy_portal.core.audit import audit
from privacy_portal.core.historie import historie_regels
from privacy_portal.core.models import AuditEvent
from privacy_portal.core.permissions import vereis
from privacy_portal.organisaties.models import Team
from privacy_portal.organisaties.selectors import gemeenten_voor
from registers.models import Verwerking

from . import selectors, services
from .constants import Gevolg, Oorzaak, Risico, SoortGegevens, SoortInbreuk, Status, Uitzondering343
from .serializers import (
    DatalekAfsluitenSerializer,
    DatalekHistorieRegelSerializer,
    DatalekInformerenSerializer,
    DatalekMeldenApSerializer,
    DatalekMeldenSerializer,
    DatalekSerializer,
)
from .workflow import OvergangNietToegestaan

ONBEOORDEELD = "onbeoordeeld"


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


KEUZES = {
    "status": dict(Status.choices),
    "risico": dict(Risico.choices),
    "oorzaak": dict(Oorzaak.choices),
    "uitzondering_34_3": dict(Uitzondering343.choices),
    "soort_inbreuk": dict(SoortInbreuk.choices),
    "gevolgen_voor": dict(Gevolg.choices),
    "soorten_gegevens": dict(SoortGegevens.choices),
}


def _historie(datalek):
    """The history as readable lines: choice labels, team and verwerking names, moments in ISO 8601."""
    teams = dict(Team.objects.filter(gemeente=datalek.gemeente_id).values_list("pk", "naam"))
    verwerkingen = dict(Verwerking.objects.filter(gemeente=datalek.gemeente_id).values_list("pk", "naam"))

    def tekst(veld, waarde):
        if waarde in (None, "", []):
            return "—"
        if veld == "team":
            return teams.get(waarde, "—")
        if veld == "verwerkingen":
            namen = (verwerkingen.get(w.get("verwerking"), "—") if isinstance(w, dict) else str(w) for w in waarde)
            return ", ".join(sorted(namen))
        if isinstance(waarde, bool):
            return "ja" if waarde else "nee"
        if isinstance(waarde, datetime):
            return timezone.localtime(waarde).isoformat()
        if isinstance(waarde, list):
            return ", ".join(str(KEUZES.get(veld, {}).get(w, w)) for w in waarde)
        return str(KEUZES.get(veld, {}).get(waarde, waarde))

    return historie_regels(datalek, labels=services.LABELS, tekst=tekst)


@extend_schema_view(
    list=extend_schema(summary="Datalekken die u mag inzien, op melddeadline"),
    retrieve=extend_schema(summary="Eén datalek"),
)
class DatalekViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    serializer_class = DatalekSerializer
    lookup_field = "uuid"
    filterset_class = DatalekFilter
    http_method_names = ["get", "post", "patch", "head", "options"]

    def get_queryset(self):
        return (
            selectors.datalekken_voor(self.request.user)
            .prefetch_related("meldingen", "verwerkingen")
            .order_by("meld_deadline", "pk")
        )

    def get_serializer(self, *args, **kwargs):
        kwargs.setdefault("gemeenten", gemeenten_voor(self.request.user))
        return super().get_serializer(*args, **kwargs)

    def _antwoord(self, datalek, status_code=status.HTTP_200_OK):
        """The datalek as the user now sees it (fresh from the selector, with its annotations)."""
        return Response(self.get_serializer(self.get_queryset().get(pk=datalek.pk)).data, status=status_code)

    def retrieve(self, request, *args, **kwargs):
        datalek = self.get_object()
        audit(actor=request.user, actie=AuditEvent.Actie.INZIEN, obj=datalek, herkomst="api")
        return Response(self.get_serializer(datalek).data)

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
        datalek = _service(
            services.datalek_melden, door=request.user, gemeente=gemeente, gegevens=gegevens, verwerkingen=verwerkingen
        )
        return self._antwoord(datalek, status.HTTP_201_CREATED)

    @extend_schema(summary="Het datalek beoordelen en bijwerken (privacy officer, CISO)")
    def partial_update(self, request, *args, **kwargs):
        datalek = self.get_object()
        vereis(request.user, "datalekken.behandelen_datalek", datalek)
        serializer = self.get_serializer(datalek, data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        gegevens = dict(serializer.validated_data)
        reden = gegevens.pop("reden", "")
        verwerkingen = gegevens.pop("verwerkingen", None)
        datalek = _service(
            services.datalek_behandelen,
            datalek=datalek,
            door=request.user,
            gegevens=gegevens,
            verwerkingen=verwerkingen,
            reden=reden,
        )
        return self._antwoord(datalek)

    def _actie(self, request, perm, invoer, functie, **extra):
        datalek = self.get_object()
        vereis(request.user, perm, datalek)
        kwargs = dict(extra)
        if invoer is not None:
            serializer = invoer(data=request.data)
            serializer.is_valid(raise_exception=True)
            kwargs.update(serializer.validated_data)
        _service(functie, datalek=datalek, door=request.user, **kwargs)
        return self._antwoord(datalek)

    @extend_schema(
        summary="De melding aan de AP vastleggen (ook een aanvulling of intrekking)",
        request=DatalekMeldenApSerializer,
        responses={200: DatalekSerializer},
    )
    @action(detail=True, methods=["post"], url_path="melden-ap", url_name="melden-ap")
    def melden_ap(self, request, uuid=None):
        return self._actie(
            request, "datalekken.melden_ap_datalek", DatalekMeldenApSerializer, services.melding_ap_vastleggen
        )

    @extend_schema(
        summary="Vastleggen dat de betrokkenen zijn geïnformeerd, of welke uitzondering van art. 34 lid 3 geldt",
        request=DatalekInformerenSerializer,
        responses={200: DatalekSerializer},
    )
    @action(detail=True, methods=["post"], url_path="informeren-betrokkenen", url_name="informeren-betrokkenen")
    def informeren_betrokkenen(self, request, uuid=None):
        return self._actie(
            request, "datalekken.behandelen_datalek", DatalekInformerenSerializer, services.betrokkenen_informeren
        )

    @extend_schema(
        summary="Het datalek afsluiten",
        request=DatalekAfsluitenSerializer,
        responses={200: DatalekSerializer},
    )
    @action(detail=True, methods=["post"])
    def afsluiten(self, request, uuid=None):
        return self._actie(
            request, "datalekken.afsluiten_datalek", DatalekAfsluitenSerializer, services.datalek_afsluiten
        )

    @extend_schema(
        summary="De historie van het datalek, nieuwste eerst",
        responses={200: OpenApiResponse(DatalekHistorieRegelSerializer(many=True))},
        filters=False,
    )
    @action(detail=True, methods=["get"], pagination_class=None, filterset_class=None)
    def historie(self, request, uuid=None):
        datalek = self.get_object()
        audit(actor=request.user, actie=AuditEvent.Actie.INZIEN, obj=datalek, herkomst="api")
        regels = [
            {
                "tijdstip": regel["tijdstip"],
                "door": regel["door"].username if regel["door"] else None,
                "soort": regel["soort"],
                "reden": regel["reden"],
                "wijzigingen": regel["wijzigingen"],
            }
            for regel in _historie(datalek)
        ]
        return Response(DatalekHistorieRegelSerializer(regels, many=True).data)
