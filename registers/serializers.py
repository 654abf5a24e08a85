"""API shapes of the register (JSON in camelCase through the camel-case renderer and parser)."""

from django.core.exceptions import ValidationError as DjangoValidationError
from rest_framework import serializers

from privacy_portal.organisaties.models import Gemeente, Team, Verwerkingsverantwoordelijke

from . import services
from .constants import BijzondereCategorie, Grondslag
from .forms import FORMULIER_VELDEN
from .models import Verwerking
from .volledigheid import ontbrekende_velden, waarschuwingen


class VerwerkingSerializer(serializers.ModelSerializer):
    gemeente = serializers.SlugRelatedField(slug_field="slug", queryset=Gemeente.objects.none())
    team = serializers.SlugRelatedField(slug_field="uuid", queryset=Team.objects.none())
    verwerkingsverantwoordelijke = serializers.SlugRelatedField(
        slug_field="uuid", queryset=Verwerkingsverantwoordelijke.objects.none()
    )
    grondslagen = serializers.ListField(child=serializers.ChoiceField(Grondslag.choices), required=False)
    bijzondere_categorieen = serializers.ListField(
        child=serializers.ChoiceField(BijzondereCategorie.choices), required=False
    )
    versie = serializers.SerializerMethodField(help_text="Identificatie van de laatst vastgestelde versie.")
    ontbrekende_velden = serializers.SerializerMethodField()
    waarschuwingen = serializers.SerializerMethodField()
    reden = serializers.CharField(
        write_only=True, required=False, allow_blank=True, help_text="Reden voor de historie."
    )

    class Meta:
        model = Verwerking
        # The content fields are the form's, in the same order; the workflow fields come first.
        fields = [
            "uuid",
            "gemeente",
            "status",
            "versie",
            "volledigheid",
            "ontbrekende_velden",
            "waarschuwingen",
            "afwijsreden",
            *FORMULIER_VELDEN,
            "reden",
        ]
        read_only_fields = ["uuid", "status", "volledigheid", "afwijsreden"]

    def __init__(self, *args, gemeenten=None, **kwargs):
        super().__init__(*args, **kwargs)
        if gemeenten is not None:
            self.fields["gemeente"].queryset = gemeenten
            self.fields["team"].queryset = Team.objects.filter(gemeente__in=gemeenten)
            self.fields["verwerkingsverantwoordelijke"].queryset = Verwerkingsverantwoordelijke.objects.filter(
                gemeente__in=gemeenten
            )
        if self.instance is not None and not isinstance(self.instance, list):
            self.fields["gemeente"].read_only = True

    def get_versie(self, obj) -> str | None:
        return str(obj.gepubliceerde_versie.uuid) if obj.gepubliceerde_versie_id else None

    def get_ontbrekende_velden(self, obj) -> list[str]:
        return ontbrekende_velden(obj)

    def get_waarschuwingen(self, obj) -> list[str]:
        return waarschuwingen(obj)

    def validate(self, attrs):
        gemeente = attrs.get("gemeente") or getattr(self.instance, "gemeente", None)
        inhoud = {k: v for k, v in attrs.items() if k not in ("gemeente", "reden")}
        try:
            services.valideer_inhoud(gemeente, inhoud)
        except DjangoValidationError as fout:
            raise serializers.ValidationError(fout.message_dict) from fout
        return attrs


class GemeenteSerializer(serializers.ModelSerializer):
    verwerkingsverantwoordelijken = serializers.SerializerMethodField()

    class Meta:
        model = Gemeente
        fields = ["uuid", "naam", "slug", "fg_naam", "fg_email", "fg_telefoon", "verwerkingsverantwoordelijken"]

    def get_verwerkingsverantwoordelijken(self, obj) -> list[dict]:
        return [
            {"uuid": str(vv.uuid), "naam": vv.naam, "soort": vv.soort, "adres": vv.adres, "email": vv.email}
            for vv in obj.verantwoordelijken.all()
        ]


class TeamSerializer(serializers.ModelSerializer):
    gemeente = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    afdeling = serializers.StringRelatedField()

    class Meta:
        model = Team
        fields = ["uuid", "naam", "gemeente", "afdeling"]


class RedenSerializer(serializers.Serializer):
    reden = serializers.CharField(required=False, allow_blank=True, max_length=2000)
