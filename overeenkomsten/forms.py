"""Forms of the agreement pages. They check the shape of the input; services.py checks the rest and saves."""

from django import forms
from django.contrib.auth import get_user_model

from privacy_portal.core.forms import NLDesignMixin, VersieMixin
from privacy_portal.organisaties.models import RolToewijzing, Team
from privacy_portal.organisaties.rollen import Rol
from registers.models import Verwerking

from . import checklist
from .constants import LAND_KEUZES, Doorgiftemechanisme, Soort
from .models import Overeenkomst

DATUM = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
DATUM_FORMATEN = ["%Y-%m-%d", "%d-%m-%Y"]

FORMULIER_VELDEN = [
    "onderwerp",
    "soort",
    "team",
    "eigenaar",
    "omschrijving",
    "startdatum",
    "einddatum",
    "laatste_review",
    "verwerkingen",
    "opslag_land",
    "doorgiftemechanisme",
    "doorgifte_toelichting",
    "openbaar",
    "document_openbaar",
    "samenvatting_openbaar",
    "interne_notitie",
]


class EigenaarKeuze(forms.ModelChoiceField):
    def label_from_instance(self, user):
        teams = ", ".join(sorted({t.team.naam for t in user.rollen.all() if t.team_id}))
        return f"{user.get_full_name() or user.username} ({teams})"


class OvereenkomstForm(VersieMixin, NLDesignMixin, forms.ModelForm):
    """Register or edit an agreement. When editing, the hidden `versie` holds the version the user opened."""

    soort = forms.ChoiceField(label="Soort overeenkomst", choices=Soort.choices)
    team = forms.ModelChoiceField(
        label="Team", queryset=Team.objects.none(), help_text="Het team van de teammanager die eigenaar is."
    )
    eigenaar = EigenaarKeuze(
        label="Eigenaar (teammanager)",
        queryset=get_user_model().objects.none(),
        required=False,
        help_text="Krijgt de herinneringen. Leeg: alle teammanagers van het team.",
    )
    startdatum = forms.DateField(label="Ingangsdatum", widget=DATUM, input_formats=DATUM_FORMATEN)
    einddatum = forms.DateField(
        label="Einddatum",
        widget=DATUM,
        input_formats=DATUM_FORMATEN,
        required=False,
        help_text="Leeg: onbepaalde tijd.",
    )
    laatste_review = forms.DateField(
        label="Laatste review",
        widget=DATUM,
        input_formats=DATUM_FORMATEN,
        required=False,
        help_text="Alleen bij het registreren van een bestaande overeenkomst. Daarna via 'Review vastleggen'.",
    )
    verwerkingen = forms.ModelMultipleChoiceField(
        label="Verwerkingen waarvoor de overeenkomst geldt",
        queryset=Verwerking.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    opslag_land = forms.ChoiceField(label="Land waar de gegevens zijn opgeslagen", choices=LAND_KEUZES, required=False)
    doorgiftemechanisme = forms.ChoiceField(
        label="Doorgiftemechanisme",
        choices=[("", "Niet van toepassing")] + Doorgiftemechanisme.choices,
        required=False,
        help_text="Verplicht als de gegevens buiten de EER worden opgeslagen.",
    )
    reden = forms.CharField(
        label="Reden van de wijziging",
        required=False,
        max_length=500,
        help_text="Komt in de historie. Laat leeg om de gewijzigde velden te noemen.",
    )

    class Meta:
        model = Overeenkomst
        fields = FORMULIER_VELDEN
        widgets = {
            "omschrijving": forms.Textarea(attrs={"rows": 3}),
            "samenvatting_openbaar": forms.Textarea(attrs={"rows": 3}),
            "doorgifte_toelichting": forms.Textarea(attrs={"rows": 2}),
            "interne_notitie": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, gemeente, teams, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["team"].queryset = teams
        managers = RolToewijzing.objects.filter(gemeente=gemeente, rol=Rol.TEAMMANAGER).values("gebruiker_id")
        self.fields["eigenaar"].queryset = (
            get_user_model()
            .objects.filter(pk__in=managers, is_active=True)
            .prefetch_related("rollen__team")
            .order_by("first_name", "last_name", "username")
        )
        self.fields["verwerkingen"].queryset = (
            Verwerking.objects.filter(gemeente=gemeente).exclude(status="gearchiveerd").order_by("naam")
        )
        if self.instance.pk is None:
            self.fields.pop("reden")
            self.fields.pop("versie")
        else:
            self.fields.pop("laatste_review")

    def groepen(self):
        """The fields in titled groups, for the page."""
        indeling = [
            ("Over de overeenkomst", ["onderwerp", "soort", "team", "eigenaar", "omschrijving"]),
            ("Looptijd en review", ["startdatum", "einddatum", "laatste_review"]),
            ("Verwerkingen uit het register", ["verwerkingen"]),
            ("Waar staan de gegevens?", ["opslag_land", "doorgiftemechanisme", "doorgifte_toelichting"]),
            ("Openbaar maken (alleen convenanten)", ["openbaar", "document_openbaar", "samenvatting_openbaar"]),
            ("Intern", ["interne_notitie", "reden"]),
        ]
        return [(titel, [self[naam] for naam in namen if naam in self.fields]) for titel, namen in indeling]

    def inhoud(self):
        """The field values for the service (without verwerkingen and the reason)."""
        return {
            veld: self.cleaned_data[veld]
            for veld in FORMULIER_VELDEN
            if veld in self.cleaned_data and veld != "verwerkingen"
        }


class RijMixin(NLDesignMixin):
    """NLDesignMixin for forms in a formset: the aria ids carry the formset prefix."""

    def _prefix_ids(self):
        for naam, field in self.fields.items():
            attrs = field.widget.attrs
            if "aria-describedby" in attrs:
                attrs["aria-describedby"] = attrs["aria-describedby"].replace(
                    f"id_{naam}_", f"{self.auto_id % self.add_prefix(naam)}_"
                )

    def full_clean(self):
        super().full_clean()
        self._prefix_ids()


class PartijForm(RijMixin, forms.Form):
    naam = forms.CharField(label="Naam organisatie", max_length=200, required=False)
    contactpersoon = forms.CharField(label="Contactpersoon of functie", max_length=200, required=False)
    email = forms.EmailField(label="E-mailadres", required=False)
    telefoon = forms.CharField(label="Telefoon", max_length=50, required=False)

    def clean(self):
        data = super().clean()
        if not data.get("naam") and any(data.get(veld) for veld in ("contactpersoon", "email", "telefoon")):
            self.add_error("naam", "Vul de naam van de organisatie in.")
        return data


class SubverwerkerForm(RijMixin, forms.Form):
    naam = forms.CharField(label="Naam subverwerker", max_length=200, required=False)
    dienst = forms.CharField(label="Wat doet deze subverwerker?", max_length=250, required=False)
    land = forms.ChoiceField(label="Land", choices=LAND_KEUZES, required=False)
    toestemming = forms.BooleanField(label="Schriftelijke toestemming gegeven", required=False)
    toestemming_op = forms.DateField(
        label="Toestemming gegeven op", widget=DATUM, input_formats=DATUM_FORMATEN, required=False
    )

    def clean(self):
        data = super().clean()
        if not data.get("naam") and any(data.get(veld) for veld in ("dienst", "land", "toestemming")):
            self.add_error("naam", "Vul de naam van de subverwerker in.")
        return data


PartijFormSet = forms.formset_factory(PartijForm, extra=2)
SubverwerkerFormSet = forms.formset_factory(SubverwerkerForm, extra=2)


def ingevulde_rijen(formset):
    """The filled-in rows of a valid formset, as dicts for the service."""
    return [form.cleaned_data for form in formset.forms if form.cleaned_data.get("naam")]


class ChecklistForm(NLDesignMixin, forms.Form):
    clausules = forms.MultipleChoiceField(
        label="Wat staat er in de overeenkomst?", widget=forms.CheckboxSelectMultiple, required=False
    )

    def __init__(self, *args, soort, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["clausules"].choices = checklist.clausules_voor(soort)


class ReviewForm(NLDesignMixin, forms.Form):
    datum = forms.DateField(label="Datum van de review", widget=DATUM, input_formats=DATUM_FORMATEN)
    toelichting = forms.CharField(
        label="Bevindingen", required=False, widget=forms.Textarea(attrs={"rows": 3}), max_length=5000
    )


class DocumentForm(NLDesignMixin, forms.Form):
    document = forms.FileField(
        label="Ondertekend document",
        help_text="PDF, DOCX of ODT, hoogstens 20 MB. Het document is alleen te zien voor wie daar recht op heeft.",
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.docx,.odt"}),
    )


class FilterForm(NLDesignMixin, forms.Form):
    zoek = forms.CharField(label="Zoeken (onderwerp of partij)", required=False, max_length=200)
    soort = forms.ChoiceField(label="Soort", required=False, choices=[("", "Alle soorten")] + Soort.choices)
    signaal = forms.ChoiceField(
        label="Aandacht nodig",
        required=False,
        choices=[
            ("", "Alle overeenkomsten"),
            ("onvolledig", "Verplichte onderdelen ontbreken"),
            ("review_nodig", "Review nodig (vandaag of eerder)"),
            ("review_te_laat", "Review te laat"),
            ("review_escalatie", "Review meer dan 30 dagen te laat"),
            ("verloopt", "Loopt binnen drie maanden af"),
            ("verlopen", "Verlopen"),
        ],
    )
    gemeente = forms.SlugField(required=False, widget=forms.HiddenInput)


class ImportUploadForm(NLDesignMixin, forms.Form):
    gemeente = forms.ModelChoiceField(label="Gemeente", queryset=None, empty_label=None)
    standaard_team = forms.ModelChoiceField(
        label="Standaardteam",
        queryset=Team.objects.none(),
        required=False,
        empty_label="— geen standaardteam —",
        help_text="Voor rijen zonder team, of met een team dat niet in het portaal staat.",
    )
    bestand = forms.FileField(
        label="Bestand",
        help_text="Excel (.xlsx) of CSV, met de kolomnamen van de export in de eerste rij.",
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx,.csv"}),
    )

    def __init__(self, *args, gemeenten, teams, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["gemeente"].queryset = gemeenten
        self.fields["standaard_team"].queryset = teams

    def clean(self):
        data = super().clean()
        team = data.get("standaard_team")
        if team and data.get("gemeente") and team.gemeente_id != data["gemeente"].pk:
            self.add_error("standaard_team", "Kies een team van de gekozen gemeente.")
        return data
