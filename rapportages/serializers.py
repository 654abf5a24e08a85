"""API shapes of the reports archive and the dashboard (camelCase through the renderer and parser)."""

from django.urls import reverse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from privacy_portal.organisaties.models import Gemeente

from .constants import Soort
from .models import Rapportage


class RapportageSerializer(serializers.ModelSerializer):
    """A report as read, and as requested with POST (soort, gemeente, periodeVan, periodeTot)."""

    soort = serializers.ChoiceField(Soort.choices, help_text="Welke rapportage.")
    gemeente = serializers.SlugRelatedField(
        slug_field="slug", queryset=Gemeente.objects.none(), help_text="Slug van de gemeente."
    )
    periode_van = serializers.DateField(
        required=False,
        allow_null=True,
        help_text="Eerste dag van de periode. Verplicht voor kwartaalevaluatie en jaarverslag; "
        "bij register en register_openbaar niet nodig (die tonen de stand op de dag van maken).",
    )
    periode_tot = serializers.DateField(
        required=False, allow_null=True, help_text="Laatste dag van de periode (tot en met)."
    )
    aangevraagd_door = serializers.SerializerMethodField(help_text="Wie de rapportage liet maken.")
    pdf = serializers.SerializerMethodField(help_text="Adres van de PDF, zodra de status 'klaar' is.")

    class Meta:
        model = Rapportage
        fields = [
            "uuid",
            "soort",
            "gemeente",
            "periode_van",
            "periode_tot",
            "status",
            "voortgang",
            "aangevraagd_door",
            "aangevraagd_op",
            "klaar_op",
            "pdf",
            "gegevensstand",
            "foutmelding",
        ]
        read_only_fields = [
            "uuid",
            "status",
            "voortgang",
            "aangevraagd_op",
            "klaar_op",
            "gegevensstand",
            "foutmelding",
        ]

    def __init__(self, *args, gemeenten=None, **kwargs):
        super().__init__(*args, **kwargs)
        if gemeenten is not None:
            self.fields["gemeente"].queryset = gemeenten

    def get_aangevraagd_door(self, obj) -> str:
        return obj.aangevraagd_door.get_full_name() or obj.aangevraagd_door.get_username()

    @extend_schema_field(OpenApiTypes.URI)
    def get_pdf(self, obj):
        if not obj.is_klaar:
            return None
        pad = reverse("rapportage-pdf", kwargs={"uuid": obj.uuid})
        request = self.context.get("request")
        return request.build_absolute_uri(pad) if request else pad


@extend_schema_field(OpenApiTypes.NUMBER)
class GetalField(serializers.Field):
    """A count or a percentage, as it is (no float conversion of whole numbers)."""

    def to_representation(self, value):
        return value


class CijferSerializer(serializers.Serializer):
    sleutel = serializers.CharField(help_text="Vaste naam van het cijfer.")
    label = serializers.CharField()
    waarde = GetalField(allow_null=True)
    eenheid = serializers.CharField(help_text="Leeg, of '%'.")
    link = serializers.CharField(help_text="De lijst achter het getal (pad met filters), of leeg.")
    toelichting = serializers.CharField()
    signaal = serializers.CharField(help_text="Leeg, 'goed' of 'let_op'.")


class ReeksSerializer(serializers.Serializer):
    naam = serializers.CharField()
    waarden = serializers.ListField(child=GetalField())
    links = serializers.ListField(child=serializers.CharField())


class TrendSerializer(serializers.Serializer):
    titel = serializers.CharField()
    beschrijving = serializers.CharField()
    kwartalen = serializers.ListField(child=serializers.CharField(), help_text="Bijvoorbeeld '2026 K3'.")
    reeksen = ReeksSerializer(many=True)


class TabelSerializer(serializers.Serializer):
    titel = serializers.CharField()
    kolommen = serializers.ListField(child=serializers.CharField())
    rijen = serializers.ListField(child=serializers.ListField(child=serializers.CharField()))
    links = serializers.ListField(child=serializers.CharField())
    meer = serializers.IntegerField(help_text="Rijen die zijn weggelaten.")


class SectieSerializer(serializers.Serializer):
    sleutel = serializers.CharField(help_text="registers, datalekken, verzoeken, dpia, overeenkomsten, ...")
    titel = serializers.CharField()
    beschikbaar = serializers.BooleanField(help_text="False: dit register levert nog geen cijfers.")
    toelichting = serializers.CharField()
    fout = serializers.CharField(help_text="Gevuld als de cijfers nu niet konden worden berekend.")
    cijfers = CijferSerializer(many=True)
    trends = TrendSerializer(many=True)
    tabellen = TabelSerializer(many=True)


class TermijnscanSerializer(serializers.Serializer):
    laatste_run = serializers.DateTimeField(allow_null=True, help_text="Wanneer de termijnscan het laatst klaar was.")
    verouderd = serializers.BooleanField(help_text="Langer dan 15 minuten geleden (of nooit).")


class DashboardSerializer(serializers.Serializer):
    gemeenten = serializers.ListField(child=serializers.CharField(), help_text="Slugs van de getoonde gemeenten.")
    stand_op = serializers.DateTimeField()
    termijnscan = TermijnscanSerializer()
    secties = SectieSerializer(many=True)
