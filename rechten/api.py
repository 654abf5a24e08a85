"""API of the betrokkenenverzoeken: /api/v1/verzoeken, /verlengen, /afhandelen and /inzage-informatie.

The viewset is a `privacy_portal.core.api_register.RegisterViewSet`. Reads go through
selectors.verzoeken_voor (rechten.view_verzoek; 404 outside the user's scope) and are audited (the
requester's personal data); writes through the services: a ValidationError becomes a 400
problem+json with every invalid field, a forbidden transition a 409, a stale `If-Match` a 409 with
the changes in between, a missing permission a 403. A detail carries its version as `ETag`;
`/historie` includes the history of the request's tasks and art. 19 records. Unconfirmed and
lapsed web requests are not received requests and are left out.
"""

import django_filters
from django.db.models import Prefetch
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import status
from rest_framework.decorators import action

from privacy_portal.core.api_register import HistorieRegelSerializer, RegisterViewSet
from privacy_portal.core.historie import historie_samengevoegd
from privacy_portal.core.permissions import vereis
from privacy_portal.organisaties.selectors import gemeenten_voor
from registers.models import Verwerking

from . import inzage, selectors, services
from .constants import Soort, Status
from .serializers import (
    InzageInformatieInvoerSerializer,
    VerzoekAfhandelenSerializer,
    VerzoekOntvangstCorrigerenSerializer,
    VerzoekSerializer,
    VerzoekVerlengenSerializer,
    VerzoekVerzondenSerializer,
)

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


IF_MATCH = OpenApiParameter(
    "If-Match",
    OpenApiTypes.STR,
    location=OpenApiParameter.HEADER,
    required=False,
    description="De ETag van het verzoek zoals u het las. Is het intussen gewijzigd, dan volgt 409 met de wijzigingen.",
)
CONFLICT = OpenApiResponse(
    description="Niet mogelijk in deze status, of intussen gewijzigd (If-Match verouderd): problem+json met "
    "`wijzigingen`."
)


@extend_schema_view(
    list=extend_schema(summary="Verzoeken die u mag inzien, op deadline"),
    retrieve=extend_schema(summary="Eén verzoek, met de gegevens van de verzoeker"),
    historie=extend_schema(
        summary="De historie van het verzoek, de taken en de kennisgevingen, nieuwste eerst, in woorden",
        responses={200: HistorieRegelSerializer(many=True)},
    ),
)
class VerzoekViewSet(RegisterViewSet):
    """Betrokkenenverzoeken (AVG art. 12-22) van de gemeenten waar u verzoeken mag inzien.

    Een verzoek heeft zijn versie in de `ETag`; stuur die mee als `If-Match` bij een wijziging of
    actie. Is het verzoek intussen gewijzigd, dan volgt 409 met de wijzigingen sindsdien.
    """

    serializer_class = VerzoekSerializer
    filterset_class = VerzoekFilter

    def get_queryset(self):
        return (
            selectors.verzoeken_voor(self.request.user)
            .exclude(status__in=NIET_ONTVANGEN)
            .prefetch_related(
                "teams",
                Prefetch("verwerkingen", queryset=Verwerking.objects.select_related("gepubliceerde_versie")),
                *inzage.PREFETCH,
            )
            .order_by("geldende_termijn", "pk")
        )

    def get_serializer(self, *args, **kwargs):
        kwargs.setdefault("gemeenten", gemeenten_voor(self.request.user))
        return super().get_serializer(*args, **kwargs)

    def historie_regels(self, obj):
        """The request's history includes that of its tasks and art. 19 records."""
        return historie_samengevoegd(*obj.historie_delen())

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
        verzoek = self.service(services.verzoek_registreren, door=request.user, gemeente=gemeente, gegevens=gegevens)
        return self.antwoord(verzoek, status.HTTP_201_CREATED)

    @extend_schema(
        summary="De intakegegevens van een verzoek verbeteren (privacy officer, jurist)",
        parameters=[IF_MATCH],
        responses={200: VerzoekSerializer, 409: CONFLICT},
    )
    def partial_update(self, request, *args, **kwargs):
        verzoek = self.get_object()
        vereis(request.user, "rechten.change_verzoek", verzoek)
        serializer = self.get_serializer(verzoek, data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        verzoek = self.service(
            services.verzoek_wijzigen,
            verzoek=verzoek,
            door=request.user,
            gegevens=dict(serializer.validated_data),
            versie=self.versie(),
        )
        return self.antwoord(verzoek)

    def _actie(self, request, perm, invoer, functie, **namen):
        verzoek = self.get_object()
        vereis(request.user, perm, verzoek)
        serializer = invoer(data=request.data)
        serializer.is_valid(raise_exception=True)
        kwargs = {namen.get(k, k): v for k, v in serializer.validated_data.items()}
        verzoek = self.service(functie, verzoek=verzoek, door=request.user, versie=self.versie(), **kwargs)
        return self.antwoord(verzoek)

    @extend_schema(
        summary="De termijn met twee maanden verlengen (alleen vóór de deadline, één keer, met reden)",
        request=VerzoekVerlengenSerializer,
        parameters=[IF_MATCH],
        responses={200: VerzoekSerializer, 409: CONFLICT},
    )
    @action(detail=True, methods=["post"])
    def verlengen(self, request, uuid=None):
        return self._actie(request, "rechten.verlengen_verzoek", VerzoekVerlengenSerializer, services.verzoek_verlengen)

    @extend_schema(
        summary="De datum van ontvangst corrigeren (alleen de privacy officer, met reden)",
        request=VerzoekOntvangstCorrigerenSerializer,
        parameters=[IF_MATCH],
        responses={200: VerzoekSerializer, 409: CONFLICT},
    )
    @action(detail=True, methods=["post"], url_path="ontvangst-corrigeren")
    def ontvangst_corrigeren(self, request, uuid=None):
        return self._actie(
            request,
            "rechten.ontvangst_corrigeren_verzoek",
            VerzoekOntvangstCorrigerenSerializer,
            services.ontvangst_corrigeren,
        )

    @extend_schema(
        summary="Het besluit vastleggen: toegewezen, deels toegewezen, afgewezen (met grond) of ingetrokken",
        request=VerzoekAfhandelenSerializer,
        parameters=[IF_MATCH],
        responses={200: VerzoekSerializer, 409: CONFLICT},
    )
    @action(detail=True, methods=["post"])
    def afhandelen(self, request, uuid=None):
        return self._actie(
            request, "rechten.afhandelen_verzoek", VerzoekAfhandelenSerializer, services.verzoek_afhandelen
        )

    @extend_schema(
        summary="Vastleggen wanneer de besluitbrief is verzonden (de datum van de brief; Awb 6:8)",
        request=VerzoekVerzondenSerializer,
        parameters=[IF_MATCH],
        responses={200: VerzoekSerializer, 409: CONFLICT},
    )
    @action(detail=True, methods=["post"], url_path="besluitbrief-verzonden")
    def besluitbrief_verzonden(self, request, uuid=None):
        return self._actie(
            request, "rechten.afhandelen_verzoek", VerzoekVerzondenSerializer, services.besluitbrief_verzonden
        )

    @extend_schema(
        summary="De inzage-informatie (art. 15 AVG) in het besluit aanpassen, tot de besluitbrief is verzonden",
        description="Alleen bij inzage dat (nog) kan worden toegewezen. Is er nog niets opgeslagen, dan wordt eerst "
        "de tekst uit het register vastgelegd. Fouten van een onderdeel heten `onderdelen.<uuid>.<veld>`.",
        request=InzageInformatieInvoerSerializer,
        responses={200: VerzoekSerializer, 409: CONFLICT},
    )
    @action(detail=True, methods=["post"], url_path="inzage-informatie")
    def inzage_informatie(self, request, uuid=None):
        verzoek = self.get_object()
        vereis(request.user, "rechten.afhandelen_verzoek", verzoek)
        serializer = InzageInformatieInvoerSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        gegevens = dict(serializer.validated_data)
        if "onderdelen" in gegevens:
            gegevens["onderdelen"] = {str(k): dict(v) for k, v in gegevens["onderdelen"].items()}
        self.service(services.inzage_informatie_opslaan, verzoek=verzoek, door=request.user, gegevens=gegevens)
        verzoek.refresh_from_db()
        return self.antwoord(verzoek)
