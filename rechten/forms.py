"""Forms of the verzoek pages; services.py validates the rest and saves."""

from django import forms
from django.utils import timezone

from privacy_portal.core.forms import NLDesignMixin, VersieMixin
from privacy_portal.organisaties.models import Team, Verwerkingsverantwoordelijke
from registers.models import Verwerking

from .constants import Grond, IdentiteitWijze, Kanaal, KopieVorm, Soort, Status, Uitkomst
from .inzage import VERPLICHT


class DatumVeld(forms.DateField):
    """A date in the browser's date control."""

    widget = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    input_formats = ["%Y-%m-%d", "%d-%m-%Y"]


class Formulier(NLDesignMixin, forms.Form):
    """NL Design System classes; required fields carry aria-required and "(verplicht)" in the label.

    No HTML `required` attribute: the Utrecht CSS colours an empty required textarea as invalid
    (`:invalid`) before anything was typed; the server validates and links each error to its field.
    """

    use_required_attribute = False

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if str(field.error_messages["required"]) == str(forms.Field.default_error_messages["required"]):
                field.error_messages["required"] = "Vul dit veld in."
            if field.required and not isinstance(field.widget, forms.CheckboxSelectMultiple):
                field.widget.attrs["aria-required"] = "true"


def _teams(gemeente):
    return Team.objects.filter(gemeente=gemeente).order_by("naam")


def _verwerkingen(gemeente, user=None):
    """The verwerkingen of the gemeente to choose from: only those the user may see in the register."""
    from registers.selectors import verwerkingen_voor

    qs = verwerkingen_voor(user) if user is not None else Verwerking.objects.none()
    return qs.filter(gemeente=gemeente).exclude(status="gearchiveerd").order_by("naam")


class VerzoekForm(Formulier):
    """Intake by staff, and correcting it afterwards."""

    soorten = forms.MultipleChoiceField(
        label="Welke rechten?",
        choices=Soort.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text="Eén verzoek kan over meer rechten gaan.",
        error_messages={"required": "Kies minstens één recht."},
    )
    kanaal = forms.ChoiceField(label="Hoe is het verzoek binnengekomen?", choices=Kanaal.choices)
    ontvangen_op = DatumVeld(
        label="Datum van ontvangst",
        help_text="De dag waarop de gemeente het verzoek kreeg. Die dag telt niet mee; de termijn van een maand "
        "begint de dag erna.",
    )
    verzoeker_naam = forms.CharField(
        label="Naam verzoeker", max_length=200, error_messages={"required": "Vul de naam van de verzoeker in."}
    )
    verzoeker_email = forms.EmailField(label="E-mailadres", required=False)
    verzoeker_telefoon = forms.CharField(label="Telefoonnummer", required=False, max_length=50)
    verzoeker_adres = forms.CharField(
        label="Postadres",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Vul een e-mailadres of een postadres in: daar gaat het antwoord heen.",
    )
    vertegenwoordiger_naam = forms.CharField(
        label="Naam vertegenwoordiger (als iemand namens de betrokkene verzoekt)", required=False, max_length=200
    )
    vertegenwoordiger_hoedanigheid = forms.CharField(
        label="Hoedanigheid vertegenwoordiger",
        required=False,
        max_length=200,
        help_text="Bijvoorbeeld ouder, voogd, curator, bewindvoerder of advocaat.",
    )
    omschrijving = forms.CharField(
        label="Wat vraagt de verzoeker?", required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    verwerkingsverantwoordelijke = forms.ModelChoiceField(
        label="Wie besluit?",
        queryset=Verwerkingsverantwoordelijke.objects.none(),
        required=False,
        empty_label="College van burgemeester en wethouders (standaard)",
        help_text="Het bezwaar tegen het besluit gaat naar het adres van deze verwerkingsverantwoordelijke.",
    )
    teams = forms.ModelMultipleChoiceField(
        label="Betrokken teams", queryset=Team.objects.none(), required=False, widget=forms.CheckboxSelectMultiple
    )
    verwerkingen = forms.ModelMultipleChoiceField(
        label="Betrokken verwerkingen (als u dat weet)", queryset=Verwerking.objects.none(), required=False
    )

    def __init__(self, *args, gemeente, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["verwerkingsverantwoordelijke"].queryset = gemeente.verantwoordelijken.order_by("naam")
        self.fields["teams"].queryset = _teams(gemeente)
        self.fields["verwerkingen"].queryset = _verwerkingen(gemeente, user)

    def clean_ontvangen_op(self):
        # also checked by the service; here too, so this error shows together with the form's own
        ontvangen_op = self.cleaned_data["ontvangen_op"]
        if ontvangen_op and ontvangen_op > timezone.localdate():
            raise forms.ValidationError("De datum van ontvangst ligt in de toekomst.")
        return ontvangen_op

    def clean(self):
        data = super().clean()
        if "verzoeker_email" not in self.errors and not data.get("verzoeker_email") and not data.get("verzoeker_adres"):
            self.add_error("verzoeker_email", "Vul een e-mailadres of een postadres in: daar gaat het antwoord heen.")
        return data


class VerzoekWijzigenForm(VersieMixin, VerzoekForm):
    """Correcting the intake: with the version the user opened, so a stale save is refused.

    The receipt date is shown but not editable here: it changes only by `OntvangstCorrigerenForm`.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["ontvangen_op"].disabled = True
        self.fields["ontvangen_op"].help_text = (
            "Verkeerd vastgelegd? De privacy officer corrigeert de datum van ontvangst op de pagina van het "
            "verzoek, met een reden."
        )


class OntvangstCorrigerenForm(Formulier):
    ontvangen_op = DatumVeld(
        label="Juiste datum van ontvangst",
        help_text="De dag waarop de gemeente het verzoek echt kreeg. Die dag telt niet mee.",
        error_messages={"required": "Vul de juiste datum van ontvangst in.", "invalid": "Vul een geldige datum in."},
    )
    ontvangst_correctie_reden = forms.CharField(
        label="Reden van de correctie",
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Bijvoorbeeld: de brief lag al eerder in de postkamer.",
        error_messages={"required": "Geef de reden van de correctie."},
    )


class OnbevestigdForm(Formulier):
    besluit = forms.ChoiceField(
        label="Wat doet u met dit webverzoek?",
        choices=[
            (
                "aannemen",
                "Ik heb de inwoner langs een andere weg bereikt: het verzoek is ontvangen op de dag van indienen",
            ),
            ("vervallen", "Het verzoek vervalt"),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": "Kies wat er met het webverzoek gebeurt."},
    )
    onbevestigd_toelichting = forms.CharField(
        label="Toelichting",
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Hoe u de inwoner heeft bereikt, of waarom het verzoek vervalt.",
        error_messages={"required": "Schrijf op hoe u de inwoner heeft bereikt of waarom het verzoek vervalt."},
    )


class IdentiteitForm(Formulier):
    identiteit_wijze = forms.ChoiceField(
        label="Hoe is de identiteit vastgesteld?",
        choices=[("", "Nog niet vastgesteld")] + IdentiteitWijze.choices,
        required=False,
    )
    identiteit_vastgesteld_op = DatumVeld(label="Vastgesteld op", required=False, help_text="Leeg: vandaag.")
    info_gevraagd_op = DatumVeld(
        label="Aanvullende informatie gevraagd op (art. 12 lid 6)",
        required=False,
        help_text="Alleen bij twijfel over de identiteit. De termijn loopt gewoon door.",
    )
    info_ontvangen_op = DatumVeld(label="Aanvullende informatie ontvangen op", required=False)
    identiteit_toelichting = forms.CharField(
        label="Toelichting",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Schrijf geen BSN of nummer van een identiteitsbewijs op.",
    )


class TakenForm(Formulier):
    teams = forms.ModelMultipleChoiceField(
        label="Welke teams?", queryset=Team.objects.none(), widget=forms.CheckboxSelectMultiple
    )
    omschrijving = forms.CharField(
        label="Wat moet het team doen?",
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="De teammanager ziet alleen deze tekst, niet de gegevens van de verzoeker. Schrijf op wat het "
        "team nodig heeft om de gegevens te vinden, en niet meer.",
    )

    def __init__(self, *args, gemeente, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["teams"].queryset = _teams(gemeente)


class TaakAfrondenForm(VersieMixin, Formulier):
    resultaat = forms.CharField(
        label="Wat heeft het team gevonden of gedaan?",
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Bijvoorbeeld: welke gegevens zijn gevonden en waar ze klaarstaan, of wat is aangepast.",
    )


class VerlengForm(Formulier):
    verlenging_reden = forms.CharField(
        label="Reden van de verlenging",
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Deze reden staat in de brief aan de verzoeker. Bijvoorbeeld: het verzoek gaat over veel "
        "gegevens in verschillende systemen.",
    )


class KennisgevingForm(Formulier):
    ontvanger = forms.CharField(label="Welke ontvanger is geïnformeerd?", max_length=200)
    geinformeerd_op = DatumVeld(label="Geïnformeerd op")
    kennisgeving_toelichting = forms.CharField(
        label="Toelichting bij de kennisgeving", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class GeenOntvangersForm(Formulier):
    ontvangers_toelichting = forms.CharField(
        label="Waarom zijn er geen ontvangers geïnformeerd?",
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Bijvoorbeeld: de gegevens zijn aan niemand verstrekt.",
    )


class AfhandelForm(Formulier):
    uitkomst = forms.ChoiceField(label="Besluit", choices=Uitkomst.choices)
    grond = forms.ChoiceField(
        label="Grond voor (gedeeltelijke) afwijzing",
        choices=[("", "Niet van toepassing")] + Grond.choices,
        required=False,
    )
    besluit_toelichting = forms.CharField(
        label="Wat is besloten en waarom?",
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text="Deze tekst staat in de besluitbrief. Schrijf in eenvoudige taal (B1).",
    )


class VerzondenForm(Formulier):
    verzonden_op = DatumVeld(
        label="Besluitbrief verzonden op",
        help_text="De brief krijgt deze datum. De bezwaartermijn van zes weken begint de dag erna.",
        error_messages={"required": "Vul de datum van verzending in.", "invalid": "Vul een geldige datum in."},
    )


class RechtsmiddelForm(Formulier):
    soort = forms.ChoiceField(
        label="Wat is ingediend?",
        choices=[("bezwaar", "Bezwaar"), ("beroep", "Beroep bij de rechtbank")],
        widget=forms.RadioSelect,
        error_messages={"required": "Kies bezwaar of beroep."},
    )
    ingediend_op = DatumVeld(
        label="Ingediend op",
        help_text="Zolang het loopt, worden de gegevens van dit verzoek niet geanonimiseerd.",
        error_messages={"required": "Vul de datum in waarop het is ingediend.", "invalid": "Vul een geldige datum in."},
    )


class RechtsmiddelAfrondenForm(Formulier):
    afgerond_op = DatumVeld(
        label="Afgerond op",
        help_text="Bijvoorbeeld de datum van de beslissing op bezwaar of de uitspraak. Daarna loopt de "
        "bewaartermijn opnieuw.",
        error_messages={"required": "Vul de datum in waarop het is afgerond.", "invalid": "Vul een geldige datum in."},
    )


class FilterForm(Formulier):
    zoek = forms.CharField(label="Kenmerk (zoals VZ-2026-00012)", required=False)
    status = forms.ChoiceField(
        label="Status",
        required=False,
        choices=[("", "Open verzoeken"), ("alle", "Alle verzoeken")] + Status.choices,
    )
    soort = forms.ChoiceField(label="Recht", required=False, choices=[("", "Alle rechten")] + Soort.choices)
    termijn = forms.ChoiceField(
        label="Termijn",
        required=False,
        choices=[
            ("", "Alle"),
            ("deze_week", "Open, termijn verloopt binnen 7 dagen"),
            ("verstreken", "Open, termijn verstreken"),
            ("verlengd", "Open en verlengd"),
        ],
    )
    # From the dashboard's links, with periodeVan/periodeTot (privacy_portal.core.dashboard.LijstFilter).
    gebeurtenis = forms.ChoiceField(
        label="In de periode",
        required=False,
        choices=[
            ("", "Alle"),
            ("ontvangen", "Ontvangen"),
            ("afgehandeld", "Afgehandeld"),
            ("op_tijd", "Binnen de termijn beantwoord"),
            ("te_laat", "Te laat beantwoord"),
            ("verlengd", "Termijn verlengd"),
            ("ontvangst_gecorrigeerd", "Ontvangstdatum gecorrigeerd"),
        ],
        widget=forms.HiddenInput,
    )
    gemeente = forms.SlugField(required=False, widget=forms.HiddenInput)


# --- the art. 15 information in the decision on an inzage request ----------------------------------

ONDERDEEL_LABELS = {
    "naam": ("Naam in de brief", "Een naam die de verzoeker begrijpt."),
    "doeleinden": ("Waarvoor gebruiken wij de gegevens? (art. 15 lid 1 onder a)", ""),
    "persoonsgegevens": ("Om welke gegevens gaat het? (onder b)", ""),
    "ontvangers": (
        "Wie krijgen de gegevens? (onder c)",
        "Ontvangers of soorten ontvangers, ook bedrijven die in opdracht van de gemeente werken.",
    ),
    "doorgifte": ("Gaan de gegevens naar een land buiten de EER, en met welke waarborgen? (onder c en lid 2)", ""),
    "bewaartermijn": ("Hoe lang bewaren wij de gegevens? (onder d)", "De termijn, of hoe die bepaald wordt."),
    "herkomst": (
        "Waar komen de gegevens vandaan? (onder g)",
        "Leeg: in de brief staat dat de verzoeker de gegevens zelf gaf.",
    ),
    "geautomatiseerd": ("Profilering, of besluiten door een computer zonder medewerker (onder h)", ""),
    "logica": (
        "Uitleg over de computer: hoe beslist hij, waarom, en wat zijn de gevolgen? (onder h)",
        "Alleen nodig als er profilering of een besluit door een computer is. Schrijf in eenvoudige taal (B1).",
    ),
}


def _regels(tekst, *, breedte=80, minimaal=3):
    """Rows for a textarea that shows the whole prefilled text."""
    regels = sum(max(1, -(-len(alinea) // breedte)) for alinea in (tekst or "").split("\n"))
    return max(minimaal, min(regels + 1, 15))


class InzageForm(VersieMixin, Formulier):
    """The art. 15 information: one group of fields per verwerking, then the general parts.

    Field names of a part are `onderdelen.<verwerking uuid>.<veld>`, the names the service uses in
    its errors, so each error lands at its field.
    """

    kopie_vorm = forms.ChoiceField(
        label="Hoe krijgt de verzoeker de kopie? (art. 15 lid 3)",
        choices=KopieVorm.choices,
        help_text="Kwam het verzoek per e-mail of via het webformulier, dan gaat de kopie elektronisch, tenzij de "
        "verzoeker zelf om iets anders vroeg.",
    )
    kopie_toelichting = forms.CharField(label="Tekst over de kopie", widget=forms.Textarea(attrs={"rows": 3}))
    kopie_reden = forms.CharField(
        label="Waarom niet elektronisch?",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Alleen als het verzoek elektronisch binnenkwam en de verzoeker zelf om papier of de balie vroeg.",
    )
    rechten_tekst = forms.CharField(
        label="Tekst over de rechten: verbeteren, verwijderen, beperken, bezwaar (art. 15 lid 1 onder e)",
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    klacht_tekst = forms.CharField(
        label="Tekst over de klacht bij de Autoriteit Persoonsgegevens (art. 15 lid 1 onder f)",
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def __init__(self, *args, weergave, **kwargs):
        initial = {veld: weergave[veld] for veld in ("kopie_vorm", "kopie_toelichting", "kopie_reden")}
        initial.update({veld: weergave[veld] for veld in ("rechten_tekst", "klacht_tekst")})
        self.sleutels = []
        for onderdeel in weergave["onderdelen"]:
            sleutel = str(onderdeel["verwerking"].uuid)
            self.sleutels.append((sleutel, onderdeel))
            for veld in ONDERDEEL_LABELS:
                initial[f"onderdelen.{sleutel}.{veld}"] = onderdeel[veld]
        kwargs["initial"] = initial
        super().__init__(*args, **kwargs)
        for sleutel, onderdeel in self.sleutels:
            for veld, (label, hulp) in ONDERDEEL_LABELS.items():
                naam = f"onderdelen.{sleutel}.{veld}"
                if veld == "geautomatiseerd":
                    field = forms.BooleanField(label=label, required=False, help_text=hulp)
                elif veld == "naam":
                    field = forms.CharField(label=label, max_length=250, help_text=hulp)
                else:
                    # required where the letter cannot do without (art. 15(1)(a)-(d)), with the service's message
                    verplicht = VERPLICHT.get(veld)
                    field = forms.CharField(
                        label=label,
                        help_text=hulp,
                        required=bool(verplicht),
                        error_messages={"required": verplicht} if verplicht else None,
                        widget=forms.Textarea(attrs={"rows": _regels(onderdeel[veld])}),
                    )
                self.fields[naam] = field
        # the Utrecht classes and the Dutch messages (NLDesignMixin, Formulier) for the fields added here
        for naam, field in self.fields.items():
            if naam.startswith("onderdelen."):
                widget = field.widget
                if isinstance(widget, forms.Textarea):
                    widget.attrs["class"] = "utrecht-textarea utrecht-textarea--html-textarea"
                elif isinstance(widget, forms.CheckboxInput):
                    widget.attrs["class"] = "utrecht-checkbox utrecht-checkbox--html-input"
                else:
                    widget.attrs["class"] = "utrecht-textbox utrecht-textbox--html-input"
                if field.help_text:
                    widget.attrs["aria-describedby"] = f"id_{naam}_hulp"
                if field.required:
                    if str(field.error_messages["required"]) == str(forms.Field.default_error_messages["required"]):
                        field.error_messages["required"] = "Vul dit veld in."
                    widget.attrs["aria-required"] = "true"

    def groepen(self):
        """[(part, [bound fields])] per verwerking, in the order of the letter."""
        return [
            (onderdeel, [self[f"onderdelen.{sleutel}.{veld}"] for veld in ONDERDEEL_LABELS])
            for sleutel, onderdeel in self.sleutels
        ]

    def algemene_velden(self):
        return [
            self[veld] for veld in ("kopie_vorm", "kopie_toelichting", "kopie_reden", "rechten_tekst", "klacht_tekst")
        ]

    def gegevens(self):
        """The cleaned data in the shape of services.inzage_informatie_opslaan."""
        data = self.cleaned_data
        gegevens = {veld: data[veld] for veld in ("kopie_vorm", "kopie_toelichting", "kopie_reden")}
        gegevens.update({veld: data[veld] for veld in ("rechten_tekst", "klacht_tekst")})
        gegevens["onderdelen"] = {
            sleutel: {veld: data[f"onderdelen.{sleutel}.{veld}"] for veld in ONDERDEEL_LABELS}
            for sleutel, _onderdeel in self.sleutels
        }
        return gegevens
