"""API shapes of the agreements register (JSON in camelCase through the camel-case renderer and parser).

Serializers check types and closed lists; services.py checks everything else and saves.
`partijen` is a list of names here; contacts are kept on the pages. `ontbrekendeClausules`,
`volgendeReview`, `volledigheid` and `buitenEer` are computed and read only.
"""

from django.urls import reverse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from privacy_portal.organisaties.models import Gemeente, Team
from registers.models import Verwerking

from . import checklist
from .constants import LANDEN, Doorgiftemechanisme, Soort
from .models import Overeenkomst


class SubverwerkerApiSerializer(serializers.Serializer):
    naam = serializers.CharField(max_length=200)
    dienst = serializers.CharField(max_length=250, required=False, allow_blank=True, default="")
    opslag_land = serializers.ChoiceField(
        source="land",
        choices=list(LANDEN),
        required=False,
        allow_blank=True,
        default="",
        help_text="Land waar de subverwerker de gegevens verwerkt (ISO-landcode).",
    )
    toestemming = serializers.BooleanField(required=False, default=False, help_text="Schriftelijke toestemming.")
    toestemming_op = serializers.DateField(required=False, allow_null=True, default=None)


class PartijNamenField(serializers.ListField):
    """The parties as a list of names (read from the related rows, written as names)."""

    child = serializers.CharField(max_length=200)

    def to_representation(self, data):
        if hasattr(data, "all"):
            return [partij.naam for partij in data.all()]
        return super().to_representation(data)


class OvereenkomstSerializer(serializers.ModelSerializer):
    gemeente = serializers.SlugRelatedField(slug_field="slug", queryset=Gemeente.objects.none())
    team = serializers.SlugRelatedField(
        slug_field="uuid", queryset=Team.objects.none(), help_text="Het team van de eigenaar (uuid)."
    )
    eigenaar = serializers.SlugRelatedField(
        slug_field="username", read_only=True, help_text="Gebruikersnaam van de teammanager die eigenaar is."
    )
    soort = serializers.ChoiceField(choices=Soort.choices)
    partijen = PartijNamenField(
        allow_empty=False,
        help_text="Namen van de partijen (de verwerker of de partners).",
    )
    verwerkingen = serializers.SlugRelatedField(
        slug_field="uuid",
        queryset=Verwerking.objects.none(),
        many=True,
        required=False,
        help_text="De verwerkingen (uuid's) van dezelfde gemeente waarvoor de overeenkomst geldt.",
    )
    subverwerkers = SubverwerkerApiSerializer(many=True, required=False)
    opslag_land = serializers.ChoiceField(
        choices=list(LANDEN), required=False, allow_blank=True, help_text="ISO-landcode; XX: ander land buiten de EER."
    )
    doorgiftemechanisme = serializers.ChoiceField(choices=Doorgiftemechanisme.choices, required=False, allow_blank=True)
    clausules = serializers.ListField(
        child=serializers.CharField(max_length=60),
        required=False,
        help_text="Codes van de verplichte onderdelen die in de overeenkomst staan (checklist van de soort).",
    )
    ontbrekende_clausules = serializers.SerializerMethodField(
        help_text="Codes van de verplichte onderdelen die nog ontbreken."
    )
    document_aanwezig = serializers.SerializerMethodField(help_text="Het ondertekende document is geüpload.")
    document = serializers.SerializerMethodField(help_text="Download van het document (alleen met dat recht).")
    reden = serializers.CharField(
        write_only=True, required=False, allow_blank=True, max_length=500, help_text="Reden voor de historie."
    )

    class Meta:
        model = Overeenkomst
        fields = [
            "uuid",
            "gemeente",
            "team",
            "eigenaar",
            "soort",
            "onderwerp",
            "omschrijving",
            "partijen",
            "startdatum",
            "einddatum",
            "verwerkingen",
            "subverwerkers",
            "opslag_land",
            "buiten_eer",
            "doorgiftemechanisme",
            "doorgifte_toelichting",
            "clausules",
            "ontbrekende_clausules",
            "volledigheid",
            "openbaar",
            "document_openbaar",
            "samenvatting_openbaar",
            "document_aanwezig",
            "document",
            "laatste_review",
            "volgende_review",
            "reden",
        ]
        read_only_fields = ["uuid", "buiten_eer", "volledigheid", "laatste_review", "volgende_review"]
        extra_kwargs = {
            "volgende_review": {"help_text": "Berekend: een jaar na de laatste review (of na de ingangsdatum)."},
            "openbaar": {"help_text": "Alleen voor convenanten: publiceren op de openbare pagina (Woo)."},
        }

    def __init__(self, *args, gemeenten=None, **kwargs):
        super().__init__(*args, **kwargs)
        if gemeenten is not None:
            self.fields["gemeente"].queryset = gemeenten
            self.fields["team"].queryset = Team.objects.filter(gemeente__in=gemeenten)
            self.fields["verwerkingen"].child_relation.queryset = Verwerking.objects.filter(gemeente__in=gemeenten)
        if self.instance is not None and not isinstance(self.instance, list | tuple):
            self.fields["gemeente"].read_only = True

    def get_ontbrekende_clausules(self, obj) -> list[str]:
        return checklist.ontbrekende_clausules(obj.soort, obj.clausules)

    def get_document_aanwezig(self, obj) -> bool:
        return bool(obj.document)

    @extend_schema_field(OpenApiTypes.URI)
    def get_document(self, obj) -> str | None:
        request = self.context.get("request")
        if not obj.document or request is None:
            return None
        # One permission check per team, not per row, so a list costs the same number of queries.
        rechten = self.context.setdefault("_document_recht", {})
        sleutel = (obj.gemeente_id, obj.team_id)
        if sleutel not in rechten:
            rechten[sleutel] = request.user.has_perm("overeenkomsten.document_overeenkomst", obj)
        if not rechten[sleutel]:
            return None
        return request.build_absolute_uri(reverse("overeenkomsten:document", kwargs={"uuid": obj.uuid}))

    def validate(self, attrs):
        gemeente = attrs.get("gemeente") or getattr(self.instance, "gemeente", None)
        fouten = {}
        team = attrs.get("team")
        if team is not None and gemeente is not None and team.gemeente_id != gemeente.pk:
            fouten["team"] = "Kies een team van deze gemeente."
        if gemeente is not None and any(v.gemeente_id != gemeente.pk for v in attrs.get("verwerkingen", [])):
            fouten["verwerkingen"] = "Kies alleen verwerkingen van deze gemeente."
        if fouten:
            raise serializers.ValidationError(fouten)
        return attrs


class ReviewSerializer(serializers.Serializer):
    datum = serializers.DateField(help_text="Datum van de review; de volgende is een jaar later.")
    toelichting = serializers.CharField(required=False, allow_blank=True, default="", max_length=5000)
