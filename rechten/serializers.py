"""API shapes of the betrokkenenverzoeken (JSON in camelCase through the camel-case renderer and parser).

Serializers check types; the services check everything else (a date of receipt in the future, an
unknown right, a late extension) and save, so every invalid field comes back together as a 400.
The requester (`verzoeker`) is one object in the API and the flat `verzoeker_*` fields in the model.
"""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from privacy_portal.organisaties.models import Gemeente, Team
from registers.models import Verwerking

from . import inzage
from .constants import Grond, Kanaal, KopieVorm, Soort, Uitkomst
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


class InzageOnderdeelSerializer(serializers.Serializer):
    """The art. 15 information about one verwerking, as it reads in the decision letter."""

    verwerking = serializers.UUIDField(source="verwerking.uuid", help_text="De verwerking (uuid).")
    versie = serializers.UUIDField(
        source="versie.uuid", allow_null=True, help_text="De vastgestelde versie waaruit de tekst is ingevuld."
    )
    versie_volgnummer = serializers.IntegerField(source="versie.volgnummer", allow_null=True)
    bewerkt = serializers.BooleanField(help_text="De privacy officer heeft de tekst aangepast.")
    naam = serializers.CharField()
    doeleinden = serializers.CharField(help_text="Art. 15 lid 1 onder a AVG.")
    persoonsgegevens = serializers.CharField(help_text="Onder b.")
    ontvangers = serializers.CharField(help_text="Onder c.")
    doorgifte = serializers.CharField(help_text="Landen buiten de EER en waarborgen (onder c, lid 2).")
    bewaartermijn = serializers.CharField(help_text="Onder d.")
    herkomst = serializers.CharField(help_text="Onder g; leeg: van de verzoeker zelf.")
    geautomatiseerd = serializers.BooleanField(help_text="Profilering of geautomatiseerde besluitvorming (onder h).")
    logica = serializers.CharField(help_text="Uitleg over de logica, het belang en de gevolgen (onder h).")
    ontbreekt = serializers.ListField(
        child=serializers.CharField(), help_text="Velden die nog leeg zijn maar in de brief horen."
    )


class InzageInformatieSerializer(serializers.Serializer):
    """The art. 15(1)-(3) information in the decision on an inzage request."""

    opgeslagen = serializers.BooleanField(
        help_text="false: nog niet vastgelegd; dit is de tekst uit het register van vandaag."
    )
    kopie_vorm = serializers.ChoiceField(KopieVorm.choices, help_text="Hoe de verzoeker de kopie krijgt (lid 3).")
    kopie_toelichting = serializers.CharField()
    kopie_reden = serializers.CharField(help_text="Waarom niet elektronisch, bij een elektronisch verzoek.")
    rechten_tekst = serializers.CharField(help_text="Art. 15 lid 1 onder e.")
    klacht_tekst = serializers.CharField(help_text="Art. 15 lid 1 onder f.")
    onderdelen = InzageOnderdeelSerializer(many=True, help_text="Per betrokken verwerking, zoals in de brief.")
    losgekoppeld = InzageOnderdeelSerializer(
        many=True, help_text="Aangepaste tekst van verwerkingen die niet meer bij het verzoek horen (niet in de brief)."
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
    inzage_informatie = serializers.SerializerMethodField(
        help_text="Bij inzage (art. 15 AVG) dat (nog) kan worden toegewezen: de informatie in de besluitbrief. "
        "Anders leeg."
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
            "inzage_informatie",
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

    @extend_schema_field(InzageInformatieSerializer(allow_null=True))
    def get_inzage_informatie(self, obj):
        weergave = inzage.weergave(obj)
        return InzageInformatieSerializer(weergave).data if weergave else None

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
            data["inzage_informatie"] = None
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


class InzageOnderdeelInvoerSerializer(serializers.Serializer):
    """Changes to the art. 15 text about one verwerking; each field optional."""

    naam = serializers.CharField(required=False, allow_blank=True, max_length=250)
    doeleinden = serializers.CharField(required=False, allow_blank=True)
    persoonsgegevens = serializers.CharField(required=False, allow_blank=True)
    ontvangers = serializers.CharField(required=False, allow_blank=True)
    doorgifte = serializers.CharField(required=False, allow_blank=True)
    bewaartermijn = serializers.CharField(required=False, allow_blank=True)
    herkomst = serializers.CharField(required=False, allow_blank=True)
    geautomatiseerd = serializers.BooleanField(required=False)
    logica = serializers.CharField(required=False, allow_blank=True)


class InzageInformatieInvoerSerializer(serializers.Serializer):
    """Changes to the art. 15 information in the decision; each field optional."""

    kopie_vorm = serializers.ChoiceField(KopieVorm.choices, required=False)
    kopie_toelichting = serializers.CharField(required=False, allow_blank=True)
    kopie_reden = serializers.CharField(required=False, allow_blank=True)
    rechten_tekst = serializers.CharField(required=False, allow_blank=True)
    klacht_tekst = serializers.CharField(required=False, allow_blank=True)
    onderdelen = serializers.DictField(
        child=InzageOnderdeelInvoerSerializer(),
        required=False,
        help_text="Per verwerking: de uuid van de verwerking als sleutel.",
    )
