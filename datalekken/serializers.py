"""API shapes of the datalekregister (JSON in camelCase through the camel-case renderer and parser).

Serializers check types and closed lists; the services check everything else (future moments,
the 72-hour rule, closing conditions) and save. Moments are ISO 8601 with an offset.
"""

from django.db import models
from django.urls import reverse
from django.utils.dateparse import parse_datetime
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from privacy_portal.organisaties.models import Gemeente, Team
from registers.models import Verwerking

from . import services
from .constants import (
    BijzondereCategorie,
    Gevolg,
    Risico,
    Schade,
    SoortGegevens,
    SoortInbreuk,
    SoortMelding,
    Uitzondering343,
)
from .models import Datalek, MeldingAP

# Fields a reporter may fill in; the rest of BEHANDEL_VELDEN is the assessment (PATCH only).
BEOORDELING_VELDEN = tuple(veld for veld in services.BEHANDEL_VELDEN if veld not in services.MELD_VELDEN)


class MomentField(serializers.DateTimeField):
    """An ISO 8601 moment with a UTC offset; a moment without one is ambiguous and refused."""

    default_error_messages = {
        "naive": "Geef het tijdstip met tijdzone, bijvoorbeeld 2026-03-28T10:00:00+01:00.",
    }

    def to_internal_value(self, value):
        if isinstance(value, str):
            moment = parse_datetime(value.strip()) if value.strip() else None
            if moment is not None and moment.tzinfo is None:
                self.fail("naive")
        return super().to_internal_value(value)


def _keuzes(keuzes, help_text):
    return serializers.ListField(
        child=serializers.ChoiceField(keuzes.choices), required=False, allow_empty=True, help_text=help_text
    )


class DatalekMeldingApSerializer(serializers.ModelSerializer):
    te_laat = serializers.BooleanField(read_only=True, help_text="Gemeld na de melddeadline.")

    class Meta:
        model = MeldingAP
        fields = ["soort", "gemeld_op", "ap_referentie", "reden_vertraging", "te_laat"]
        read_only_fields = fields


class DatalekSerializer(serializers.ModelSerializer):
    """A datalek as read and as changed with PATCH (the assessment by the privacy officer)."""

    serializer_field_mapping = {
        **serializers.ModelSerializer.serializer_field_mapping,
        models.DateTimeField: MomentField,
    }

    kenmerk = serializers.SerializerMethodField(help_text="Kort kenmerk zonder persoonsgegevens, zoals DL-2026-00012.")
    gemeente = serializers.SlugRelatedField(slug_field="slug", queryset=Gemeente.objects.none())
    team = serializers.SlugRelatedField(
        slug_field="uuid", queryset=Team.objects.none(), required=False, allow_null=True
    )
    verwerkingen = serializers.SlugRelatedField(
        slug_field="uuid",
        queryset=Verwerking.objects.none(),
        many=True,
        required=False,
        help_text="Betrokken verwerkingen (uuid's) van dezelfde gemeente.",
    )
    soort_inbreuk = _keuzes(SoortInbreuk, "Wat is er met de gegevens gebeurd?")
    gevolgen_voor = _keuzes(Gevolg, "Getroffen aspecten.")
    soorten_gegevens = _keuzes(SoortGegevens, "Soorten persoonsgegevens.")
    bijzondere_categorieen = _keuzes(
        BijzondereCategorie,
        "Welke bijzondere persoonsgegevens (art. 9 AVG); verplicht voor de melding aan de AP als soortenGegevens "
        "'bijzonder' bevat.",
    )
    soorten_schade = _keuzes(Schade, "Soorten schade voor de betrokkenen (er kunnen er meer gelden).")
    risico = serializers.ChoiceField(
        Risico.choices, required=False, allow_blank=True, help_text="Leeg: nog niet beoordeeld."
    )
    uitzondering = serializers.CharField(
        source="uitzondering_34_3",
        read_only=True,
        help_text="Uitzondering van art. 34 lid 3 (zie informeren-betrokkenen).",
    )
    gemeld_ap = serializers.SerializerMethodField(help_text="De melding aan de AP is vastgelegd.")
    meldingen = DatalekMeldingApSerializer(many=True, read_only=True)
    afsluit_bezwaren = serializers.SerializerMethodField(help_text="Waarom het datalek nog niet kan worden afgesloten.")
    dossier_pdf = serializers.SerializerMethodField(help_text="Het dossier als PDF.")
    reden = serializers.CharField(
        write_only=True, required=False, allow_blank=True, max_length=500, help_text="Reden voor de historie."
    )
    kennisname_gecorrigeerd_door = serializers.SerializerMethodField(
        help_text="Wie kennisname het laatst corrigeerde (leeg: niet gecorrigeerd)."
    )

    class Meta:
        model = Datalek
        fields = [
            "uuid",
            "kenmerk",
            "gemeente",
            "status",
            "gemeld_op",
            *services.MELD_VELDEN,
            "meld_deadline",
            "kennisname_oorspronkelijk_op",
            "kennisname_gecorrigeerd_op",
            "kennisname_gecorrigeerd_door",
            "kennisname_correctie_reden",
            "verwerkingen",
            *BEOORDELING_VELDEN,
            "beoordeeld_op",
            "gemeld_ap",
            "meldingen",
            "betrokkenen_geinformeerd_op",
            "betrokkenen_wijze",
            "betrokkenen_aantal_geinformeerd",
            "uitzondering",
            "uitzondering_motivering",
            "openbare_mededeling_op",
            "openbare_mededeling_medium",
            "openbare_mededeling_tekst",
            "afsluit_bezwaren",
            "afgesloten_op",
            "afsluit_motivering",
            "dossier_pdf",
            "reden",
        ]
        read_only_fields = [
            "uuid",
            "status",
            "gemeld_op",
            "meld_deadline",
            "kennisname_oorspronkelijk_op",
            "kennisname_gecorrigeerd_op",
            "kennisname_correctie_reden",
            "beoordeeld_op",
            "betrokkenen_geinformeerd_op",
            "betrokkenen_wijze",
            "betrokkenen_aantal_geinformeerd",
            "uitzondering_motivering",
            "openbare_mededeling_op",
            "openbare_mededeling_medium",
            "openbare_mededeling_tekst",
            "afgesloten_op",
            "afsluit_motivering",
        ]

    def __init__(self, *args, gemeenten=None, **kwargs):
        super().__init__(*args, **kwargs)
        if gemeenten is not None:
            self.fields["gemeente"].queryset = gemeenten
            self.fields["team"].queryset = Team.objects.filter(gemeente__in=gemeenten)
            self.fields["verwerkingen"].child_relation.queryset = Verwerking.objects.filter(gemeente__in=gemeenten)
        if self.instance is not None:
            self.fields["gemeente"].read_only = True

    def get_kenmerk(self, obj) -> str:
        return obj.kenmerk

    def get_kennisname_gecorrigeerd_door(self, obj) -> str:
        door = obj.kennisname_gecorrigeerd_door
        return (door.get_full_name() or door.username) if door else ""

    def get_gemeld_ap(self, obj) -> bool:
        if hasattr(obj, "is_gemeld_ap"):
            return obj.is_gemeld_ap
        return any(m.soort == SoortMelding.MELDING for m in obj.meldingen.all())

    def get_afsluit_bezwaren(self, obj) -> list[str]:
        return [str(bezwaar) for bezwaar in services.afsluit_bezwaren(obj).values()]

    @extend_schema_field(OpenApiTypes.URI)
    def get_dossier_pdf(self, obj) -> str:
        pad = reverse("datalekken:dossier", kwargs={"uuid": obj.uuid})
        request = self.context.get("request")
        return request.build_absolute_uri(pad) if request is not None else pad

    def validate(self, attrs):
        gemeente = attrs.get("gemeente") or getattr(self.instance, "gemeente", None)
        fouten = {}
        if self.instance is not None and "kennisname_op" in self.initial_data:
            fouten["kennisname_op"] = (
                "Kennisname wijzigt u niet met PATCH: gebruik de actie kennisname-corrigeren, met een reden."
            )
        team = attrs.get("team")
        if team is not None and gemeente is not None and team.gemeente_id != gemeente.pk:
            fouten["team"] = "Kies een team van deze gemeente."
        vreemd = [v for v in attrs.get("verwerkingen", []) if gemeente is not None and v.gemeente_id != gemeente.pk]
        if vreemd:
            fouten["verwerkingen"] = "Kies alleen verwerkingen van deze gemeente."
        if fouten:
            raise serializers.ValidationError(fouten)
        return attrs


class DatalekMeldenSerializer(DatalekSerializer):
    """The report of a possible datalek (POST); the assessment follows with PATCH."""

    class Meta(DatalekSerializer.Meta):
        fields = ["gemeente", *services.MELD_VELDEN, "verwerkingen"]
        read_only_fields = []
        extra_kwargs = {
            "kennisname_op": {
                "required": False,
                "help_text": "Alleen bij een melding door een verwerker; anders geldt het moment van ontdekken.",
            }
        }

    def validate(self, attrs):
        te_vroeg = [veld for veld in BEOORDELING_VELDEN if veld in self.initial_data]
        if te_vroeg:
            raise serializers.ValidationError(
                {veld: "Dit veld hoort bij de beoordeling; vul het in met PATCH na het melden." for veld in te_vroeg}
            )
        return super().validate(attrs)


class DatalekMeldenApSerializer(serializers.Serializer):
    """A melding, supplement or withdrawal recorded after it was made in the AP's online form. A first
    melding needs what that form requires on the datalek (set with PATCH): melderNaam, melderFunctie and
    melderTelefoon, and bijzondereCategorieen when soortenGegevens holds 'bijzonder'; otherwise 400
    naming each missing field."""

    soort = serializers.ChoiceField(SoortMelding.choices, default=SoortMelding.MELDING)
    gemeld_op = MomentField(help_text="Wanneer de melding bij de AP is gedaan.")
    ap_referentie = serializers.CharField(
        required=False,
        allow_blank=True,
        max_length=100,
        default="",
        help_text="Meldnummer van de AP (verplicht bij een melding).",
    )
    reden_vertraging = serializers.CharField(
        required=False, allow_blank=True, default="", help_text="Verplicht als de melding na de deadline is gedaan."
    )
    toelichting = serializers.CharField(required=False, allow_blank=True, default="")


class DatalekKennisnameCorrigerenSerializer(serializers.Serializer):
    """A correction of the moment of kennisname, with its reason (privacy officer only)."""

    kennisname_op = MomentField(help_text="Het gecorrigeerde moment van kennisname.")
    reden = serializers.CharField(
        allow_blank=True,
        help_text=f"Waarom het moment wordt gecorrigeerd (ten minste {services.CORRECTIE_REDEN_MINIMUM} tekens).",
    )
    reden_vertraging = serializers.CharField(
        required=False,
        allow_blank=True,
        default="",
        help_text="Verplicht als de vastgelegde melding aan de AP door de correctie na de deadline valt.",
    )


class DatalekInformerenSerializer(serializers.Serializer):
    """Either how the betrokkenen were informed, or which exception of art. 34(3) applies and why."""

    geinformeerd_op = MomentField(required=False, allow_null=True, default=None)
    wijze = serializers.CharField(
        required=False, allow_blank=True, max_length=200, default="", help_text="Brief, e-mail, telefoon."
    )
    aantal = serializers.IntegerField(required=False, allow_null=True, min_value=0, default=None)
    uitzondering = serializers.ChoiceField(Uitzondering343.choices, required=False, allow_blank=True, default="")
    motivering = serializers.CharField(
        required=False, allow_blank=True, default="", help_text="Verplicht bij een uitzondering."
    )
    mededeling_op = MomentField(
        required=False,
        allow_null=True,
        default=None,
        help_text="Wanneer de openbare mededeling is gedaan (verplicht bij uitzondering onevenredig, art. 34 lid 3 c).",
    )
    mededeling_medium = serializers.CharField(
        required=False,
        allow_blank=True,
        max_length=200,
        default="",
        help_text="Waar de openbare mededeling is gedaan (verplicht bij uitzondering onevenredig).",
    )
    mededeling_tekst = serializers.CharField(
        required=False,
        allow_blank=True,
        default="",
        help_text="Tekst van de openbare mededeling of de link ernaar (verplicht bij uitzondering onevenredig).",
    )


class DatalekAfsluitenSerializer(serializers.Serializer):
    motivering = serializers.CharField(required=False, allow_blank=True, default="")
