"""Form helpers: NL Design System (Utrecht) classes on every widget."""

from django import forms
from django.contrib.auth.forms import AuthenticationForm

from .schrijven import lees_versie

KLASSEN = {
    forms.Textarea: "utrecht-textarea utrecht-textarea--html-textarea",
    forms.Select: "utrecht-select utrecht-select--html-select",
    forms.CheckboxInput: "utrecht-checkbox utrecht-checkbox--html-input",
    forms.CheckboxSelectMultiple: "utrecht-checkbox utrecht-checkbox--html-input",
    forms.FileInput: "utrecht-textbox",
    forms.widgets.Input: "utrecht-textbox utrecht-textbox--html-input",
}


class NLDesignMixin:
    """Adds the Utrecht component classes to each widget, and aria-invalid on fields with errors."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for naam, field in self.fields.items():
            klasse = next((k for soort, k in KLASSEN.items() if isinstance(field.widget, soort)), "")
            field.widget.attrs["class"] = f"{field.widget.attrs.get('class', '')} {klasse}".strip()
            if field.help_text and not isinstance(field.widget, forms.CheckboxSelectMultiple):
                field.widget.attrs["aria-describedby"] = f"id_{naam}_hulp"

    def full_clean(self):
        super().full_clean()
        for naam in self.errors:
            if naam in self.fields:
                attrs = self.fields[naam].widget.attrs
                attrs["aria-invalid"] = "true"
                attrs["aria-describedby"] = f"{attrs.get('aria-describedby', '')} id_{naam}_fout".strip()


class InlogForm(NLDesignMixin, AuthenticationForm):
    pass


class VersieMixin(forms.Form):
    """A hidden field with the version of the object the user opened (see core/schrijven.py).

    Pass `versie=versie_van(obj)` when the form is first shown; on POST the submitted value is
    read back with `form.versie()` and given to the service, which refuses a stale save.
    """

    versie = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, versie=None, **kwargs):
        super().__init__(*args, **kwargs)
        if versie is not None:
            self.fields["versie"].initial = versie

    def gelezen_versie(self):
        return lees_versie(self.data.get(self.add_prefix("versie"))) if self.is_bound else None


class ActieForm(VersieMixin, NLDesignMixin, forms.Form):
    """An action button's form: only the version the user saw (approve, submit, close, ...)."""


class AuditFilterForm(NLDesignMixin, forms.Form):
    """Search the audit trail of one gemeente: by person, action, object and period."""

    gemeente = forms.ChoiceField(label="Gemeente", required=False)
    persoon = forms.ChoiceField(label="Persoon", required=False, help_text="Wie het deed, of over wie het gaat.")
    actie = forms.ChoiceField(label="Actie", required=False)
    object = forms.CharField(
        label="Object", required=False, max_length=100, help_text="Kenmerk (uuid) of soort, zoals rechten.Verzoek."
    )
    van = forms.DateField(label="Vanaf", required=False, widget=forms.DateInput(attrs={"type": "date"}))
    tot = forms.DateField(label="Tot en met", required=False, widget=forms.DateInput(attrs={"type": "date"}))

    def __init__(self, *args, gemeenten, personen, acties, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["gemeente"].choices = [(g.slug, g.naam) for g in gemeenten]
        if len(gemeenten) < 2:
            self.fields["gemeente"].widget = forms.HiddenInput()
        self.fields["persoon"].choices = [
            ("", "Iedereen"),
            *((str(p.pk), p.get_full_name() or p.username) for p in personen),
        ]
        self.fields["actie"].choices = [("", "Alle acties"), *acties]

    def clean_object(self):
        return self.cleaned_data["object"].replace("\x00", "").strip()

    def clean(self):
        data = super().clean()
        if data.get("van") and data.get("tot") and data["van"] > data["tot"]:
            self.add_error("tot", "De einddatum ligt voor de begindatum.")
        return data


class ApiSleutelForm(NLDesignMixin, forms.Form):
    naam = forms.CharField(
        label="Naam", max_length=100, help_text="Waarvoor u de sleutel gebruikt, bijvoorbeeld 'Koppeling zaaksysteem'."
    )
    bereik = forms.ChoiceField(
        label="Wat mag de sleutel?",
        choices=[
            ("lezen", "Alleen lezen"),
            ("lezen_en_schrijven", "Lezen en schrijven"),
        ],
        initial="lezen",
        widget=forms.RadioSelect,
        help_text="Kies 'alleen lezen' als de koppeling niets hoeft te wijzigen.",
    )
    geldig_dagen = forms.TypedChoiceField(
        label="Geldig",
        coerce=int,
        choices=[(30, "30 dagen"), (90, "90 dagen"), (180, "180 dagen"), (365, "1 jaar")],
        initial=90,
    )
