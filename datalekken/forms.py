"""Forms of the datalek pages; services.py validates the rest and saves."""

from django import forms

from privacy_portal.core.forms import NLDesignMixin, VersieMixin
from registers.models import Verwerking

from .constants import (
    BijzondereCategorie,
    Gevolg,
    Oorzaak,
    Risico,
    Schade,
    SoortGegevens,
    SoortInbreuk,
    SoortMelding,
    Status,
    Uitzondering343,
)


class MomentVeld(forms.DateTimeField):
    """Date and time in the browser's datetime-local control, read as Europe/Amsterdam."""

    widget = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")
    input_formats = ["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%d-%m-%Y %H:%M"]


def _verwerkingen(gemeente):
    return Verwerking.objects.filter(gemeente=gemeente).exclude(status="gearchiveerd").order_by("naam")


class MeldForm(NLDesignMixin, forms.Form):
    titel = forms.CharField(
        label="Korte omschrijving", max_length=200, help_text="Bijvoorbeeld: USB-stick verloren in de trein."
    )
    omschrijving = forms.CharField(label="Wat is er gebeurd?", widget=forms.Textarea(attrs={"rows": 4}))
    ontdekt_op = MomentVeld(label="Wanneer ontdekt?", help_text="Datum en tijd.")
    begonnen_op = MomentVeld(label="Wanneer begonnen? (als u dat weet)", required=False)
    loopt_nog = forms.BooleanField(label="Het lek loopt nog", required=False)
    systemen = forms.CharField(
        label="Welke systemen of documenten?", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    via_verwerker = forms.BooleanField(label="Een leverancier (verwerker) meldde het lek", required=False)
    verwerker_naam = forms.CharField(label="Naam van de verwerker", required=False, max_length=200)
    kennisname_op = MomentVeld(
        label="Wanneer hoorde de gemeente het van de verwerker?",
        required=False,
        help_text="Alleen bij een melding door een verwerker. Anders geldt het moment van ontdekken.",
    )
    verwerkingen = forms.ModelMultipleChoiceField(
        label="Welke verwerkingen zijn geraakt? (als u dat weet)", queryset=Verwerking.objects.none(), required=False
    )

    def __init__(self, *args, gemeente, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["verwerkingen"].queryset = _verwerkingen(gemeente)


class BehandelForm(VersieMixin, NLDesignMixin, forms.Form):
    titel = forms.CharField(label="Korte omschrijving", max_length=200)
    omschrijving = forms.CharField(label="Wat is er gebeurd?", widget=forms.Textarea(attrs={"rows": 4}))
    begonnen_op = MomentVeld(label="Begonnen op", required=False)
    beeindigd_op = MomentVeld(label="Beëindigd op", required=False)
    ontdekt_op = MomentVeld(label="Ontdekt op")
    loopt_nog = forms.BooleanField(label="Het lek loopt nog", required=False)
    systemen = forms.CharField(label="Systemen of documenten", required=False, widget=forms.Textarea(attrs={"rows": 2}))
    via_verwerker = forms.BooleanField(label="Gemeld door een verwerker", required=False)
    verwerker_naam = forms.CharField(label="Naam van de verwerker", required=False, max_length=200)
    verwerkingen = forms.ModelMultipleChoiceField(
        label="Betrokken verwerkingen", queryset=Verwerking.objects.none(), required=False
    )
    oorzaak = forms.ChoiceField(label="Oorzaak", choices=[("", "Nog niet bekend")] + Oorzaak.choices, required=False)
    soort_inbreuk = forms.MultipleChoiceField(
        label="Wat is er met de gegevens gebeurd?",
        choices=SoortInbreuk.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    gevolgen_voor = forms.MultipleChoiceField(
        label="Welke aspecten zijn geraakt?",
        choices=Gevolg.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    soorten_gegevens = forms.MultipleChoiceField(
        label="Soorten persoonsgegevens",
        choices=SoortGegevens.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    bijzondere_categorieen = forms.MultipleChoiceField(
        label="Welke bijzondere persoonsgegevens? (art. 9 AVG)",
        choices=BijzondereCategorie.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text="Alleen als u hierboven 'bijzondere persoonsgegevens' koos. Verplicht voor de melding aan de AP.",
    )
    aantal_betrokkenen = forms.IntegerField(label="Aantal betrokkenen (ongeveer)", min_value=0, required=False)
    aantal_records = forms.IntegerField(label="Aantal records (ongeveer)", min_value=0, required=False)
    categorieen_betrokkenen = forms.CharField(
        label="Categorieën betrokkenen", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    versleuteld = forms.BooleanField(label="De gegevens waren versleuteld of onleesbaar", required=False)
    beschermende_maatregelen = forms.CharField(
        label="Beschermende maatregelen", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    mogelijke_gevolgen = forms.CharField(
        label="Waarschijnlijke gevolgen voor betrokkenen", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    soorten_schade = forms.MultipleChoiceField(
        label="Welke schade kunnen de betrokkenen lijden?",
        choices=Schade.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text="Er kunnen er meer gelden.",
    )
    genomen_maatregelen = forms.CharField(
        label="Genomen en voorgenomen maatregelen", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    internationaal = forms.BooleanField(label="Er zijn betrokkenen in andere EU-landen", required=False)
    andere_toezichthouders = forms.CharField(
        label="Gemeld bij andere toezichthouders",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Welke, bijvoorbeeld de toezichthouder in een ander EU-land bij een grensoverschrijdend lek.",
    )
    andere_toezichthouders_op = MomentVeld(label="Wanneer ingelicht?", required=False)
    contactpersoon = forms.CharField(label="Contactpunt voor de AP", required=False, max_length=200)
    melder_naam = forms.CharField(
        label="Naam van de melder",
        required=False,
        max_length=200,
        help_text="Wie het meldformulier van de AP invult. Verplicht voor de melding.",
    )
    melder_functie = forms.CharField(label="Functie van de melder", required=False, max_length=200)
    melder_telefoon = forms.CharField(
        label="Telefoon van de melder", required=False, max_length=50, help_text="Verplicht op het meldformulier."
    )
    melder_email = forms.EmailField(
        label="E-mailadres van de melder",
        required=False,
        max_length=254,
        error_messages={"invalid": "Vul een geldig e-mailadres in, zoals naam@gemeente.nl."},
    )
    risico = forms.ChoiceField(
        label="Risicobeoordeling", choices=[("", "Nog niet beoordeeld")] + Risico.choices, required=False
    )
    risico_motivering = forms.CharField(
        label="Motivering van de risicobeoordeling", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    reden = forms.CharField(label="Reden van de wijziging (voor de historie)", required=False, max_length=500)

    def __init__(self, *args, gemeente, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["verwerkingen"].queryset = _verwerkingen(gemeente)


class MeldingAPForm(VersieMixin, NLDesignMixin, forms.Form):
    soort = forms.ChoiceField(label="Soort", choices=SoortMelding.choices)
    gemeld_op = MomentVeld(label="Gemeld op")
    ap_referentie = forms.CharField(label="Meldnummer van de AP", required=False, max_length=100)
    reden_vertraging = forms.CharField(
        label="Reden van de vertraging",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Verplicht na de deadline.",
    )
    toelichting = forms.CharField(label="Toelichting", required=False, widget=forms.Textarea(attrs={"rows": 2}))


class KennisnameCorrectieForm(VersieMixin, NLDesignMixin, forms.Form):
    # Not required here: the service asks for each with its own message.
    kennisname_op = MomentVeld(
        label="Gecorrigeerd moment van kennisname",
        required=False,
        help_text="Het moment waarop de 72 uur beginnen. De deadline wordt opnieuw berekend.",
    )
    reden = forms.CharField(label="Reden van de correctie", required=False, widget=forms.Textarea(attrs={"rows": 2}))
    reden_vertraging = forms.CharField(
        label="Reden van de vertraging",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Alleen nodig als de vastgelegde melding aan de AP door de correctie na de deadline valt.",
    )


class InformerenForm(VersieMixin, NLDesignMixin, forms.Form):
    geinformeerd_op = MomentVeld(label="Geïnformeerd op", required=False)
    wijze = forms.CharField(label="Hoe? (brief, e-mail, telefoon)", required=False, max_length=200)
    aantal = forms.IntegerField(label="Aantal geïnformeerde betrokkenen", required=False, min_value=0)
    uitzondering = forms.ChoiceField(
        label="Of: uitzondering art. 34 lid 3",
        choices=[("", "Geen uitzondering")] + Uitzondering343.choices,
        required=False,
    )
    motivering = forms.CharField(
        label="Motivering van de uitzondering", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    mededeling_op = MomentVeld(
        label="Openbare mededeling gedaan op", required=False, help_text="Alleen bij uitzondering c."
    )
    mededeling_medium = forms.CharField(
        label="Waar is de openbare mededeling gedaan?",
        required=False,
        max_length=200,
        help_text="Alleen bij uitzondering c. Bijvoorbeeld de website van de gemeente of de huis-aan-huiskrant.",
    )
    mededeling_tekst = forms.CharField(
        label="Tekst van de openbare mededeling, of de link ernaar",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Alleen bij uitzondering c.",
    )


class AfsluitForm(VersieMixin, NLDesignMixin, forms.Form):
    motivering = forms.CharField(
        label="Motivering bij afsluiten (optioneel)", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class HeropenForm(VersieMixin, NLDesignMixin, forms.Form):
    # Not required here: the service asks for it with its own message.
    reden = forms.CharField(label="Reden", required=False, max_length=500)


class FilterForm(NLDesignMixin, forms.Form):
    zoek = forms.CharField(label="Zoeken", required=False, max_length=200)
    status = forms.ChoiceField(
        label="Status", required=False, choices=[("", "Alle open"), ("alle", "Alle")] + Status.choices
    )
    risico = forms.ChoiceField(
        label="Risico", required=False, choices=[("", "Alle"), ("onbeoordeeld", "Nog niet beoordeeld")] + Risico.choices
    )
    gemeente = forms.ChoiceField(label="Gemeente", required=False)
    melding = forms.ChoiceField(
        label="Melding aan de AP",
        required=False,
        choices=[
            ("", "Alle"),
            ("klok_loopt", "Nog niet gemeld, klok loopt"),
            ("krap", "Klok loopt, minder dan 24 uur over"),
            ("verlopen", "Klok loopt, deadline verstreken"),
            ("meldplichtig", "Meldplichtig (risico of hoog risico)"),
            ("gemeld", "Gemeld bij de AP"),
            ("op_tijd", "Op tijd gemeld"),
            ("te_laat", "Te laat gemeld"),
            ("meldplichtig_niet_gemeld", "Meldplichtig, niet gemeld"),
            ("kennisname_gecorrigeerd", "Kennisname gecorrigeerd"),
        ],
    )
    gemeld_van = forms.DateField(
        label="Gemeld vanaf", required=False, widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    gemeld_tot = forms.DateField(
        label="Gemeld tot en met", required=False, widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )

    def __init__(self, *args, gemeenten=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["gemeente"].choices = [("", "Alle")] + [(g.slug, g.naam) for g in gemeenten]
