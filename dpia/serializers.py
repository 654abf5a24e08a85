"""API shapes of the DPIA-register (camelCase through the camel-case renderer and parser).

The questionnaire answers (`antwoorden`) keep their keys as they are (task ids and the output
format's `value`, `lastEditedAt`, `_index`): the renderer and parser of this API skip that field.
Serializers check types and closed lists; the services check the rules and save.
"""

from django.contrib.auth import get_user_model
from django.urls import reverse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from privacy_portal.organisaties.models import Team
from registers.models import Verwerking

from . import services
from .constants import AP_NUMMERS, Criterium, FgOordeel, MaatregelStatus, Niveau, SoortMaatregel
from .models import Dpia, Maatregel, Risico, Vragenlijst
from .regels import andere_assessments
from .vragenlijst import INGEBOUWD, urn_met_versie


def niveau_veld(naam, *, leeg=False, **kwargs):
    """A level field (laag, midden, hoog) with its own enum name in the schema, one per property.

    Likelihood, impact, risk and residual risk share one choice list; without a name of their own
    the schema generator warns that the same list has several names.
    """
    schema = {"type": "string", "enum": ([""] if leeg else []) + Niveau.values, "x-spec-enum-id": f"dpia-{naam}"}
    klasse = extend_schema_field(schema)(type(f"{naam.capitalize()}Veld", (serializers.ChoiceField,), {}))
    return klasse(Niveau.choices, allow_blank=leeg, **kwargs)


def _naam(user):
    return (user.get_full_name() or user.get_username()) if user else None


def _absoluut(serializer, pad):
    request = serializer.context.get("request")
    return request.build_absolute_uri(pad) if request is not None else pad


class RisicoSerializer(serializers.ModelSerializer):
    code = serializers.CharField(read_only=True, help_text="R1, R2, ...")
    kans = niveau_veld("kans")
    impact = niveau_veld("impact")
    restrisico = niveau_veld("restrisico", leeg=True, required=False)
    niveau = niveau_veld("niveau", read_only=True)

    class Meta:
        model = Risico
        fields = ["uuid", "code", *services.RISICO_VELDEN, "niveau"]
        read_only_fields = ["uuid", "code", "niveau"]
        extra_kwargs = {
            "oorsprong": {"required": False, "allow_blank": True},
            "kans_motivering": {"required": False, "allow_blank": True},
            "impact_motivering": {"required": False, "allow_blank": True},
            "restrisico_motivering": {"required": False, "allow_blank": True},
        }


class MaatregelSerializer(serializers.ModelSerializer):
    code = serializers.CharField(read_only=True, help_text="M1, M2, ...")
    soort = serializers.ChoiceField(SoortMaatregel.choices)
    status = serializers.ChoiceField(MaatregelStatus.choices, required=False)
    risico = serializers.SlugRelatedField(
        slug_field="uuid",
        queryset=Risico.objects.none(),
        required=False,
        allow_null=True,
        help_text="uuid van het risico.",
    )
    eigenaar = serializers.SlugRelatedField(
        slug_field="username",
        queryset=get_user_model().objects.none(),
        help_text="Gebruikersnaam van de eigenaar (iemand met een rol in de gemeente).",
    )

    class Meta:
        model = Maatregel
        fields = [
            "uuid",
            "code",
            "beschrijving",
            "soort",
            "risico",
            "eigenaar",
            "deadline",
            "status",
            "gereed_op",
            "toelichting",
        ]
        read_only_fields = ["uuid", "code", "gereed_op"]
        extra_kwargs = {"toelichting": {"required": False, "allow_blank": True}}

    def __init__(self, *args, dpia=None, **kwargs):
        super().__init__(*args, **kwargs)
        if dpia is not None:
            self.fields["risico"].queryset = dpia.risicos.all()
            self.fields["eigenaar"].queryset = (
                get_user_model().objects.filter(rollen__gemeente=dpia.gemeente_id).distinct()
            )


class PrescanSerializer(serializers.Serializer):
    """The pre-scan as answered (POST /prescan) and as stored."""

    criteria = serializers.ListField(
        child=serializers.ChoiceField(Criterium.choices),
        allow_empty=True,
        help_text="Criteria van de EDPB die gelden. Wat het register al weet, vult het portaal zelf aan.",
    )
    ap_lijst = serializers.ListField(
        child=serializers.ChoiceField([(n, str(n)) for n in AP_NUMMERS]),
        allow_empty=True,
        required=False,
        default=list,
        help_text="Nummers (1-17) van de soorten verwerkingen op de lijst van de AP.",
    )
    uitvoeren = serializers.BooleanField(
        required=False,
        allow_null=True,
        default=None,
        help_text="false: geen DPIA (alleen bij 'aanbevolen', met motivering, of 'niet_nodig'); "
        "leeg: volg de uitkomst.",
    )
    motivering = serializers.CharField(required=False, allow_blank=True, default="")
    nieuwe_wetgeving = serializers.BooleanField(
        required=False,
        default=False,
        help_text="Betreft de scope nieuwe wet- of regelgeving? Dan is een DPIA verplicht.",
    )
    risicoscore = serializers.IntegerField(
        required=False,
        allow_null=True,
        default=None,
        min_value=0,
        max_value=100,
        help_text="Som van de risicoscores uit de pre-scan DPIA Rijksdienst; boven de 4 is een DPIA verplicht.",
    )
    digitale_dienst_minderjarigen = serializers.BooleanField(
        required=False, default=False, help_text="Digitale dienst primair voor personen jonger dan 18 jaar (KIA)."
    )
    hoog_risico_algoritme = serializers.BooleanField(
        required=False, default=False, help_text="Hoog-risico-AI-systeem of impactvol algoritme (IAMA)."
    )


class AndereAssessmentSerializer(serializers.Serializer):
    code = serializers.CharField(help_text="DTIA, KIA of IAMA.")
    naam = serializers.CharField()
    niveau = serializers.CharField(help_text="verplicht of aanbevolen.")
    reden = serializers.CharField()


class PrescanUitkomstSerializer(serializers.Serializer):
    uitkomst = serializers.CharField(help_text="verplicht, vereist, aanbevolen of niet_nodig.")
    redenen = serializers.ListField(child=serializers.CharField())
    criteria = serializers.ListField(child=serializers.CharField())
    ap_lijst = serializers.ListField(child=serializers.IntegerField())
    feiten = serializers.DictField(help_text="Wat het register wist (bijzondere gegevens, AI, ...).")
    uitvoeren = serializers.BooleanField(allow_null=True)
    motivering = serializers.CharField()
    gedaan_op = serializers.DateTimeField(allow_null=True)
    status = serializers.CharField(help_text="De status van de DPIA na de pre-scan.")
    andere_assessments = AndereAssessmentSerializer(
        many=True, help_text="Andere assessments waarnaar de pre-scan verwijst (DTIA, KIA, IAMA)."
    )


def prescan_data(dpia):
    return {
        "uitkomst": dpia.prescan_uitkomst,
        "redenen": dpia.prescan_redenen,
        "criteria": dpia.prescan_criteria,
        "ap_lijst": dpia.prescan_ap_lijst,
        "feiten": dpia.prescan_feiten,
        "uitvoeren": dpia.uitvoeren,
        "motivering": dpia.besluit_motivering,
        "gedaan_op": dpia.prescan_op,
        "status": dpia.status,
        "andere_assessments": andere_assessments(dpia.prescan_feiten or {}) if dpia.prescan_op else [],
    }


class AdviesSerializer(serializers.Serializer):
    oordeel = serializers.ChoiceField(FgOordeel.choices)
    advies = serializers.CharField()


class BeveiligingsadviesSerializer(serializers.Serializer):
    advies = serializers.CharField()


class AccepterenSerializer(serializers.Serializer):
    motivering = serializers.CharField(help_text="Onderbouwing van de acceptatie van het restrisico.")


class RaadplegingSerializer(serializers.Serializer):
    stap = serializers.ChoiceField(
        [("indienen", "Raadpleging ingediend"), ("verlenging", "AP verlengt met 6 weken"), ("antwoord", "Antwoord AP")]
    )
    ingediend_op = serializers.DateField(required=False, allow_null=True, default=None)
    kenmerk = serializers.CharField(required=False, allow_blank=True, default="")
    toelichting = serializers.CharField(required=False, allow_blank=True, default="")
    antwoord_op = serializers.DateField(required=False, allow_null=True, default=None)
    antwoord = serializers.CharField(required=False, allow_blank=True, default="")


class DpiaSerializer(serializers.ModelSerializer):
    """A pre-scan/DPIA as read; PATCH changes the title and merges answers (null removes one)."""

    kenmerk = serializers.CharField(read_only=True)
    gemeente = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    team = serializers.SlugRelatedField(slug_field="uuid", read_only=True)
    verwerkingen = serializers.SerializerMethodField(help_text="uuid's van de verwerkingen waar de DPIA over gaat.")
    vragenlijst = serializers.SerializerMethodField(
        help_text="URN en versie van de vragenlijst, zoals urn:nl:dpia:3.0."
    )
    prescan = serializers.SerializerMethodField()
    antwoorden = serializers.JSONField(
        required=False,
        help_text="Antwoorden per vraagnummer van de vragenlijst, als in het assessment-output v2-formaat "
        "({'1.1': {'value': '...'}}). Bij PATCH worden ze samengevoegd; null verwijdert een antwoord.",
    )
    risicos = RisicoSerializer(many=True, read_only=True)
    maatregelen = serializers.SerializerMethodField()
    restrisico = niveau_veld("restrisico", leeg=True, read_only=True, help_text="Het hoogste restrisico.")
    fg_advies = serializers.SerializerMethodField()
    beveiligingsadvies = serializers.SerializerMethodField()
    acceptatie = serializers.SerializerMethodField()
    raadpleging_ap = serializers.SerializerMethodField()
    indien_bezwaren = serializers.SerializerMethodField(help_text="Wat ontbreekt voordat de FG advies kan geven.")
    rapport_pdf = serializers.SerializerMethodField()
    export = serializers.SerializerMethodField()
    overgenomen = serializers.JSONField(
        read_only=True,
        help_text=(
            "Wat een import meebracht uit het bestand: bron, advies (FG, CISO), vaststelling, raadpleging, "
            "versies en antwoorden bij onderdelen die het portaal zelf bijhoudt. Leeg zonder import."
        ),
    )

    class Meta:
        model = Dpia
        fields = [
            "uuid",
            "kenmerk",
            "titel",
            "gemeente",
            "team",
            "status",
            "versie",
            "verwerkingen",
            "vragenlijst",
            "prescan",
            "antwoorden",
            "risicos",
            "maatregelen",
            "restrisico",
            "beveiligingsadvies",
            "fg_advies",
            "acceptatie",
            "raadpleging_ap",
            "afgerond_op",
            "hercontrole_op",
            "herbeoordeling_nodig",
            "herbeoordeling_reden",
            "indien_bezwaren",
            "rapport_pdf",
            "export",
            "overgenomen",
        ]
        read_only_fields = [
            "uuid",
            "status",
            "versie",
            "restrisico",
            "afgerond_op",
            "hercontrole_op",
            "herbeoordeling_nodig",
            "herbeoordeling_reden",
        ]
        extra_kwargs = {"titel": {"required": False}}

    def get_verwerkingen(self, obj) -> list[str]:
        return [str(k.verwerking.uuid) for k in obj.koppelingen.all()]

    def get_vragenlijst(self, obj) -> str:
        return urn_met_versie(obj.vragenlijst.definitie if obj.vragenlijst_id else INGEBOUWD)

    @extend_schema_field(PrescanUitkomstSerializer)
    def get_prescan(self, obj):
        return prescan_data(obj)

    @extend_schema_field(MaatregelSerializer(many=True))
    def get_maatregelen(self, obj):
        return [
            {
                "uuid": str(m.uuid),
                "code": m.code,
                "beschrijving": m.beschrijving,
                "soort": m.soort,
                "risico": str(m.risico.uuid) if m.risico_id else None,
                "eigenaar": m.eigenaar.username,
                "deadline": m.deadline.isoformat(),
                "status": m.status,
                "gereed_op": m.gereed_op.isoformat() if m.gereed_op else None,
                "toelichting": m.toelichting,
            }
            for m in obj.maatregelen.all()
        ]

    @extend_schema_field(OpenApiTypes.OBJECT)
    def get_fg_advies(self, obj):
        if not obj.fg_advies_op:
            return None
        return {
            "oordeel": obj.fg_oordeel,
            "advies": obj.fg_advies,
            "gegeven_op": obj.fg_advies_op.isoformat(),
            "door": _naam(obj.fg_advies_door),
        }

    @extend_schema_field(OpenApiTypes.OBJECT)
    def get_beveiligingsadvies(self, obj):
        if not obj.beveiligingsadvies_op:
            return None
        return {
            "advies": obj.beveiligingsadvies,
            "gegeven_op": obj.beveiligingsadvies_op.isoformat(),
            "door": _naam(obj.beveiligingsadvies_door),
        }

    @extend_schema_field(OpenApiTypes.OBJECT)
    def get_acceptatie(self, obj):
        if not obj.geaccepteerd_op:
            return None
        return {
            "motivering": obj.acceptatie_motivering,
            "geaccepteerd_op": obj.geaccepteerd_op.isoformat(),
            "door": _naam(obj.geaccepteerd_door),
            "rol": obj.geaccepteerd_als,
        }

    @extend_schema_field(OpenApiTypes.OBJECT)
    def get_raadpleging_ap(self, obj):
        if not obj.raadpleging_ingediend_op:
            return None
        return {
            "ingediend_op": obj.raadpleging_ingediend_op.isoformat(),
            "kenmerk": obj.raadpleging_kenmerk,
            "verlengd": obj.raadpleging_verlengd,
            "uiterste_antwoorddatum": obj.raadpleging_deadline.isoformat(),
            "antwoord_op": obj.raadpleging_antwoord_op.isoformat() if obj.raadpleging_antwoord_op else None,
            "antwoord": obj.raadpleging_antwoord,
        }

    def get_indien_bezwaren(self, obj) -> list[str]:
        if obj.status != "in_uitvoering":
            return []
        return [str(b) for b in services.indien_bezwaren(obj).values()]

    @extend_schema_field(OpenApiTypes.URI)
    def get_rapport_pdf(self, obj):
        return _absoluut(self, reverse("dpia:rapport", kwargs={"uuid": obj.uuid}))

    @extend_schema_field(OpenApiTypes.URI)
    def get_export(self, obj):
        return _absoluut(self, reverse("dpia-export", kwargs={"uuid": obj.uuid}))


class DpiaStartenSerializer(serializers.Serializer):
    """POST /dpias: start a pre-scan for one or more verwerkingen of one gemeente."""

    verwerkingen = serializers.SlugRelatedField(
        slug_field="uuid", queryset=Verwerking.objects.none(), many=True, help_text="uuid's van de verwerkingen."
    )
    titel = serializers.CharField(required=False, allow_blank=True, max_length=250, default="")
    team = serializers.SlugRelatedField(
        slug_field="uuid",
        queryset=Team.objects.none(),
        required=False,
        allow_null=True,
        default=None,
        help_text="Het team van de proceseigenaar; standaard dat van de eerste verwerking.",
    )
    vragenlijst = serializers.SlugRelatedField(
        slug_field="uuid",
        queryset=Vragenlijst.objects.all(),
        required=False,
        allow_null=True,
        default=None,
        help_text="uuid van een geïmporteerde vragenlijst; leeg: de ingebouwde.",
    )

    def __init__(self, *args, gemeenten=None, **kwargs):
        super().__init__(*args, **kwargs)
        if gemeenten is not None:
            self.fields["verwerkingen"].child_relation.queryset = Verwerking.objects.filter(gemeente__in=gemeenten)
            self.fields["team"].queryset = Team.objects.filter(gemeente__in=gemeenten)
