"""Forms of the staff pages. They check input shape; services.py checks the rest and saves."""

from django import forms

from privacy_portal.core.forms import ActieForm, NLDesignMixin, VersieMixin
from privacy_portal.organisaties.models import Team, Verwerkingsverantwoordelijke
from privacy_portal.organisaties.selectors import teams_voor

from .constants import BijzondereCategorie, Grondslag, Status
from .models import Verwerking

FORMULIER_VELDEN = [
    "naam",
    "team",
    "verwerkingsverantwoordelijke",
    "gezamenlijke_verantwoordelijken",
    "doeleinden",
    "grondslagen",
    "grondslag_toelichting",
    "categorieen_betrokkenen",
    "categorieen_persoonsgegevens",
    "bijzondere_categorieen",
    "strafrechtelijke_gegevens",
    "gebruikt_bsn",
    "ontvangers",
    "verwerkers",
    "doorgifte_buiten_eer",
    "doorgifte_waarborgen",
    "bewaartermijn",
    "herkomst",
    "beveiligingsmaatregelen",
    "geautomatiseerde_besluitvorming",
    "algoritme_of_ai",
    "dpia_status",
    "interne_notitie",
]


class VerwerkingForm(VersieMixin, NLDesignMixin, forms.ModelForm):
    """A new verwerking, or a change with the version the user opened (a stale save is refused)."""

    grondslagen = forms.MultipleChoiceField(
        label="Grondslagen (AVG art. 6 lid 1)",
        choices=Grondslag.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    bijzondere_categorieen = forms.MultipleChoiceField(
        label="Bijzondere persoonsgegevens (AVG art. 9)",
        choices=BijzondereCategorie.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    reden = forms.CharField(
        label="Reden van de wijziging",
        required=False,
        max_length=500,
        help_text="Komt in de historie. Laat leeg om de gewijzigde velden te noemen.",
    )

    class Meta:
        model = Verwerking
        fields = FORMULIER_VELDEN
        widgets = {
            veld: forms.Textarea(attrs={"rows": 3})
            for veld in FORMULIER_VELDEN
            if veld
            not in {
                "naam",
                "team",
                "verwerkingsverantwoordelijke",
                "grondslagen",
                "bijzondere_categorieen",
                "strafrechtelijke_gegevens",
                "gebruikt_bsn",
                "doorgifte_buiten_eer",
                "geautomatiseerde_besluitvorming",
                "algoritme_of_ai",
                "dpia_status",
            }
        }

    def __init__(self, *args, user, gemeente, **kwargs):
        super().__init__(*args, **kwargs)
        perm = "registers.change_verwerking" if self.instance.pk else "registers.add_verwerking"
        team_ids = [team.pk for team in teams_voor(user, gemeente, perm)]
        if self.instance.pk:
            team_ids.append(self.instance.team_id)
        self.fields["team"].queryset = Team.objects.filter(pk__in=team_ids)
        self.fields["team"].empty_label = "Kies een team"
        vv = self.fields["verwerkingsverantwoordelijke"]
        vv.queryset = Verwerkingsverantwoordelijke.objects.filter(gemeente=gemeente)
        vv.empty_label = "Kies de verwerkingsverantwoordelijke"
        vv.label_from_instance = lambda verantwoordelijke: verantwoordelijke.naam
        self.fields["naam"].required = True
        if not self.instance.pk:
            del self.fields["reden"]
            del self.fields["versie"]

    GROEPEN = [
        ("Algemeen", ["naam", "team", "verwerkingsverantwoordelijke", "gezamenlijke_verantwoordelijken"]),
        ("Doel en grondslag", ["doeleinden", "grondslagen", "grondslag_toelichting"]),
        (
            "Betrokkenen en gegevens",
            [
                "categorieen_betrokkenen",
                "categorieen_persoonsgegevens",
                "bijzondere_categorieen",
                "strafrechtelijke_gegevens",
                "gebruikt_bsn",
                "herkomst",
            ],
        ),
        ("Ontvangers en doorgifte", ["ontvangers", "verwerkers", "doorgifte_buiten_eer", "doorgifte_waarborgen"]),
        ("Bewaren en beveiligen", ["bewaartermijn", "beveiligingsmaatregelen"]),
        (
            "Algoritmen en DPIA",
            ["geautomatiseerde_besluitvorming", "algoritme_of_ai", "dpia_status", "interne_notitie", "reden"],
        ),
    ]

    def groepen(self):
        """The fields in sections, for a long form that stays readable."""
        return [(titel, [self[veld] for veld in velden if veld in self.fields]) for titel, velden in self.GROEPEN]

    def inhoud(self):
        """The cleaned content fields, ready for the services."""
        return {veld: self.cleaned_data[veld] for veld in FORMULIER_VELDEN}


class AfwijzenForm(ActieForm):
    reden = forms.CharField(
        label="Reden van terugsturen",
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        error_messages={"required": "Geef aan waarom u de verwerking terugstuurt."},
    )


class ArchiverenForm(ActieForm):
    reden = forms.CharField(label="Reden van archiveren (optioneel)", required=False, max_length=500)


class DelegerenForm(VersieMixin, NLDesignMixin, forms.Form):
    medewerker = forms.ModelChoiceField(
        label="Medewerker",
        queryset=None,
        empty_label="Kies een medewerker",
        error_messages={"required": "Kies de medewerker die de verwerking mag bewerken."},
    )

    def __init__(self, *args, medewerkers, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["medewerker"].queryset = medewerkers
        self.fields["medewerker"].label_from_instance = lambda u: u.get_full_name() or u.username


class FilterForm(NLDesignMixin, forms.Form):
    SORTERING = [
        ("naam", "Naam (A-Z)"),
        ("-naam", "Naam (Z-A)"),
        ("status", "Status"),
        ("volledigheid", "Minst volledig eerst"),
        ("-gewijzigd_op", "Laatst gewijzigd"),
    ]
    JA_NEE = [("", "Alle"), ("ja", "Ja"), ("nee", "Nee")]

    zoek = forms.CharField(label="Zoeken", required=False, max_length=200)
    gemeente = forms.ChoiceField(label="Gemeente", required=False)
    team = forms.ChoiceField(label="Team", required=False)
    status = forms.ChoiceField(
        label="Status",
        required=False,
        choices=[("", "Alle"), ("actief", "Alle behalve gearchiveerd")] + Status.choices,
    )
    grondslag = forms.ChoiceField(label="Grondslag", required=False, choices=[("", "Alle")] + Grondslag.choices)
    bijzonder = forms.ChoiceField(label="Bijzondere persoonsgegevens", required=False, choices=JA_NEE)
    volledig = forms.ChoiceField(label="Volledig ingevuld", required=False, choices=JA_NEE)
    vastgesteld = forms.ChoiceField(label="Heeft een vastgestelde versie", required=False, choices=JA_NEE)
    dpia = forms.ChoiceField(
        label="DPIA", required=False, choices=[("", "Alle"), ("ontbreekt", "Nodig, maar niet uitgevoerd")]
    )
    overeenkomst = forms.ChoiceField(
        label="Verwerkersovereenkomst",
        required=False,
        choices=[("", "Alle"), ("ontbreekt", "Verwerker zonder lopende overeenkomst")],
    )
    sorteer = forms.ChoiceField(label="Sorteren op", required=False, choices=SORTERING)
    # From the dashboard's links, with periodeVan/periodeTot (privacy_portal.core.dashboard.LijstFilter).
    gebeurtenis = forms.ChoiceField(
        label="In de periode",
        required=False,
        choices=[
            ("", "Alle"),
            ("nieuw", "Nieuw geregistreerd"),
            ("vastgesteld", "Vastgesteld"),
            ("gewijzigd", "Gewijzigd"),
            ("gearchiveerd", "Gearchiveerd"),
        ],
        widget=forms.HiddenInput,
    )

    def __init__(self, *args, gemeenten, teams, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["gemeente"].choices = [("", "Alle")] + [(g.slug, g.naam) for g in gemeenten]
        self.fields["team"].choices = [("", "Alle")] + [(str(t.uuid), f"{t.naam} ({t.gemeente.naam})") for t in teams]

    def ja_nee(self, veld):
        return {"ja": True, "nee": False}.get(self.cleaned_data.get(veld) or "")


class ImportUploadForm(NLDesignMixin, forms.Form):
    gemeente = forms.ModelChoiceField(label="Gemeente", queryset=None, empty_label=None)
    bestand = forms.FileField(label="Spreadsheet (XLSX of CSV)", help_text="Eerste rij: kolomnamen.")

    def __init__(self, *args, gemeenten, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["gemeente"].queryset = gemeenten


class SelectieForm(NLDesignMixin, forms.Form):
    """One action for the verwerkingen ticked on the list, with one reason for all of them."""

    ACTIES = (
        ("indienen", "Indienen ter beoordeling"),
        ("goedkeuren", "Vaststellen en publiceren"),
        ("afwijzen", "Terugsturen naar de teammanager"),
        ("archiveren", "Archiveren"),
    )

    actie = forms.ChoiceField(label="Actie", choices=ACTIES)
    reden = forms.CharField(
        label="Reden (voor terugsturen verplicht, voor archiveren optioneel)",
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
        max_length=2000,
    )
