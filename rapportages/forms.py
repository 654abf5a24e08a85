"""Forms of the dashboard, the report request and the FG's findings; services.py validates and saves."""

from django import forms

from privacy_portal.core.forms import NLDesignMixin

from .constants import Soort


class DatumVeld(forms.DateField):
    widget = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    input_formats = ["%Y-%m-%d", "%d-%m-%Y"]


class GemeenteKeuzeForm(forms.Form):
    """The dashboard's gemeente selector: one gemeente, or 'alle' together."""

    gemeente = forms.ChoiceField(label="Gemeente", required=False)

    def __init__(self, *args, gemeenten, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["gemeente"].choices = [("alle", "Alle gemeenten samen")] + [(g.slug, g.naam) for g in gemeenten]
        self.fields["gemeente"].widget.attrs["class"] = "utrecht-select utrecht-select--html-select"


class RapportageForm(NLDesignMixin, forms.Form):
    soort = forms.ChoiceField(label="Soort rapportage", choices=Soort.choices, widget=forms.RadioSelect)
    gemeente = forms.ChoiceField(label="Gemeente")
    periode_van = DatumVeld(
        label="Periode van",
        required=False,
        help_text="Eerste dag. Niet nodig voor het register: dat toont de stand van vandaag.",
    )
    periode_tot = DatumVeld(label="Periode tot en met", required=False, help_text="Laatste dag van de periode.")

    def __init__(self, *args, gemeenten, **kwargs):
        super().__init__(*args, **kwargs)
        self.gemeenten = {g.slug: g for g in gemeenten}
        self.fields["gemeente"].choices = [(g.slug, g.naam) for g in gemeenten]

    def clean_gemeente(self):
        return self.gemeenten[self.cleaned_data["gemeente"]]


class BevindingenForm(NLDesignMixin, forms.Form):
    bevindingen = forms.CharField(
        label="Bevindingen",
        required=False,
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text="Wat u dit jaar heeft gezien: wat goed ging en wat beter moet. Noem geen namen van inwoners.",
    )
    aanbevelingen = forms.CharField(
        label="Aanbevelingen",
        required=False,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text="Wat u het college aanbeveelt voor het komende jaar.",
    )
