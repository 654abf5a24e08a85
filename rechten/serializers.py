"""API shapes of the betrokkenenverzoeken (JSON in camelCase through the camel-case renderer and parser).

Serializers check types; the services check everything else (a date of receipt in the future, an
unknown right, a late extension) and save, so every invalid field comes back together as a 400.
The requester (`verzoeker`) is one object in the API and the flat `verzoeker_*` fields in the model.
"""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from privacy_portal.organisaties.models import Gemeente, Team
from registers.models import Verwerking

from .constants import Grond, Kanaal, Soort, Uitkomst
from .models import Verzoek


@extend_schema_field(
    {
        "type": "array",
        "items": {"type": "string", "enum": Soort.values},
        "description": "Een of meer rechten: " + ", ".join(Soort.values) + ".",
    }
)
class SoortenVeld(serializers.ListField):
    """A list of rights; the service names unknown codes (together with the other invalid fields)."""

    child = serializers.CharField(max_length=50)


class VerzoekerSerializer(serializers.Serializer):
    """The requester: personal data, only for roles with rechten.view_verzoek."""

    naam = serializers.CharField(source="verzoeker_naam", max_length=200, required=False, allow_blank=True)
    email = serializers.CharField(source="verzoeker_email", max_length=254, required=False, allow_blank=True)
    telefoon = serializers.CharField(source="verzoeker_telefoon", max_length=50, required=False, allow_blank=True)
    adres = serializers.CharField(
        source="verzoeker_adres", required=False, allow_blank=True, help_text="Postadres (meer regels mogelijk)."
    )


class VerzoekSerializer(serializers.ModelSerializer):
    """A request as read, registered (POST) and corrected (PATCH)."""

    kenmerk = serializers.SerializerMethodField(help_text="Kort kenmerk zonder persoonsgegevens, zoals VZ-2026-00012.")
    gemeente = serializers.SlugRelatedField(slug_field="slug", queryset=Gemeente.objects.none())
    soorten = SoortenVeld()
    kanaal = serializers.ChoiceField(Kanaal.choices, help_text="Hoe het verzoek binnenkwam.")
    verzoeker = VerzoekerSerializer(
        source="*",
        allow_null=True,
        help_text="De verzoeker (naam, email, telefoon, adres); leeg voor wie de persoonsgegevens niet mag zien.",
    )
    teams = serializers.SlugRelatedField(
        slug_field="uuid",
        queryset=Team.objects.none(),
        many=True,
        required=False,
        help_text="Betrokken teams (uuid's) van dezelfde gemeente.",
    )
    verwerkingen = serializers.SlugRelatedField(
        slug_field="uuid",
        queryset=Verwerking.objects.none(),
        many=True,
        required=False,
        help_text="Betrokken verwerkingen (uuid's) van dezelfde gemeente.",
    )
    ontvangen_op = serializers.DateField(
        help_text="De dag van ontvangst; die dag telt niet mee. Niet in de toekomst. "
        "Daarna alleen te veranderen met POST .../ontvangst-corrigeren."
    )
    verlengd_tot = serializers.DateField(
        read_only=True, allow_null=True, help_text="Leeg tot de termijn is verlengd; daarna ontvangst + 3 maanden."
    )

    class Meta:
        model = Verzoek
        fields = [
            "uuid",
            "kenmerk",
            "gemeente",
            "status",
            "kanaal",
            "soorten",
            "omschrijving",
            "verzoeker",
            "teams",
            "verwerkingen",
            "ontvangen_op",
            "ontvangen_op_oorspronkelijk",
            "deadline",
            "verlengd_tot",
            "uitkomst",
            "grond",
            "besloten_op",
            "verzonden_op",
        ]
        read_only_fields = [
            "uuid",
            "status",
            "ontvangen_op_oorspronkelijk",
            "deadline",
            "uitkomst",
            "grond",
            "besloten_op",
        ]
        extra_kwargs = {"omschrijving": {"required": False, "help_text": "Wat vraagt de verzoeker?"}}

    def __init__(self, *args, gemeenten=None, **kwargs):
        super().__init__(*args, **kwargs)
        if gemeenten is not None:
            self.fields["gemeente"].queryset = gemeenten
            self.fields["teams"].child_relation.queryset = Team.objects.filter(gemeente__in=gemeenten)
            self.fields["verwerkingen"].child_relation.queryset = Verwerking.objects.filter(gemeente__in=gemeenten)
        if self.instance is not None:
            self.fields["gemeente"].read_only = True

    def get_kenmerk(self, obj) -> str:
        return obj.kenmerk

    def to_internal_value(self, data):
        if isinstance(data, dict) and "verzoeker" in data and data["verzoeker"] is None:
            raise serializers.ValidationError({"verzoeker": "Geef de gegevens van de verzoeker als object."})
        return super().to_internal_value(data)

    def to_representation(self, instance):
        data = super().to_representation(instance)
        request = self.context.get("request")
        user = getattr(request, "user", None)
        if user is None or not user.has_perm("rechten.view_verzoek", instance):
            data["verzoeker"] = None
            data["omschrijving"] = None
        return data


class VerzoekVerlengenSerializer(serializers.Serializer):
    reden = serializers.CharField(
        allow_blank=True, help_text="Waarom meer tijd nodig is; dit staat in de brief aan de verzoeker."
    )


class VerzoekOntvangstCorrigerenSerializer(serializers.Serializer):
    ontvangen_op = serializers.DateField(help_text="De juiste dag van ontvangst; niet in de toekomst.")
    reden = serializers.CharField(allow_blank=True, help_text="Waarom de datum van ontvangst wordt gecorrigeerd.")


class VerzoekVerzondenSerializer(serializers.Serializer):
    verzonden_op = serializers.DateField(
        help_text="De dag waarop de besluitbrief is verzonden (de datum van de brief)."
    )


class VerzoekAfhandelenSerializer(serializers.Serializer):
    uitkomst = serializers.ChoiceField(Uitkomst.choices)
    toelichting = serializers.CharField(allow_blank=True, help_text="Wat is besloten en waarom (komt in de brief).")
    grond = serializers.ChoiceField(
        Grond.choices,
        required=False,
        allow_blank=True,
        default="",
        help_text="Verplicht bij (deels) afwijzen; leeg bij toewijzen of intrekken.",
    )
