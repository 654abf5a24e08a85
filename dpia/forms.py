"""Forms of the DPIA pages. They check the shape of the input; services.py checks the rest and saves.

Edit forms carry the version the user opened (VersieMixin), so a stale save is refused; the action
forms of the detail page post it as a hidden `versie` next to their own fields.
"""

from django import forms

from privacy_portal.core.forms import NLDesignMixin, VersieMixin

from . import selectors
from .constants import (
    AP_LIJST,
    AP_LIJST_BRON,
    Criterium,
    Deel,
    FgOordeel,
    MaatregelStatus,
    Niveau,
    SoortMaatregel,
    Status,
    Uitkomst,
)
from .formulier import Vragenformulier
from .models import Vragenlijst
from .vragenlijst import INGEBOUWD, URN_DPIA


class Formulier(NLDesignMixin, forms.Form):
    """The services check what is required; no browser validation, which marks empty fields red on load."""

    use_required_attribute = False


class DatumVeld(forms.DateField):
    widget = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    input_formats = ["%Y-%m-%d", "%d-%m-%Y"]


def _tekst(label, *, rijen=3, verplicht=False, help_text=""):
    return forms.CharField(
        label=label, required=verplicht, widget=forms.Textarea(attrs={"rows": rijen}), help_text=help_text
    )


class StartForm(Formulier):
    verwerkingen = forms.ModelMultipleChoiceField(
        label="Voor welke verwerking(en)?",
        queryset=None,
        widget=forms.SelectMultiple(attrs={"size": 8}),
        help_text="Meestal één. Kies er meer als één DPIA over samenhangende verwerkingen gaat (houd Ctrl ingedrukt).",
    )
    titel = forms.CharField(
        label="Titel", required=False, max_length=250, help_text="Laat leeg voor 'DPIA' en de naam van de verwerking."
    )
    vragenlijst = forms.ChoiceField(label="Vragenlijst", required=False)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["verwerkingen"].queryset = selectors.verwerkingen_voor_dpia(user)
        self.fields["verwerkingen"].label_from_instance = lambda v: f"{v.naam} ({v.gemeente.naam}, {v.team.naam})"
        keuzes = [("", f"{INGEBOUWD['name']} (ingebouwd)")]
        keuzes += [
            (str(v.uuid), f"{v.naam} (geïmporteerd, versie {v.versie})")
            for v in Vragenlijst.objects.filter(urn=URN_DPIA).order_by("-geimporteerd_op")
        ]
        self.fields["vragenlijst"].choices = keuzes

    def clean_vragenlijst(self):
        waarde = self.cleaned_data["vragenlijst"]
        return Vragenlijst.objects.filter(uuid=waarde).first() if waarde else None


class PrescanForm(VersieMixin, Formulier):
    BESLUITEN = [
        ("", "Volg de uitkomst: voer de DPIA uit als die verplicht, vereist of aanbevolen is"),
        ("niet_uitvoeren", "Geen DPIA uitvoeren (alleen mogelijk als die aanbevolen of niet nodig is)"),
        ("uitvoeren", "Toch een DPIA uitvoeren, ook als die niet nodig is"),
    ]

    criteria = forms.MultipleChoiceField(
        label="Welke criteria van de EDPB gelden nog meer?",
        choices=Criterium.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    ap_lijst = forms.TypedMultipleChoiceField(
        label="Staat de verwerking op de lijst van de AP?",
        choices=[(n, f"{n}. {kort} – {uitleg}") for n, (kort, uitleg) in AP_LIJST.items()],
        coerce=int,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=(
            "Bij een soort van deze lijst is een DPIA altijd verplicht (AVG art. 35 lid 4). Bron: "
            f"{AP_LIJST_BRON['naam']} ({AP_LIJST_BRON['vindplaats']}); de uitleg per soort is in onze woorden."
        ),
    )
    nieuwe_wetgeving = forms.BooleanField(
        label="Betreft de scope nieuwe wet- of regelgeving?",
        required=False,
        help_text="Dan is een DPIA verplicht (pre-scan DPIA Rijksdienst).",
    )
    risicoscore = forms.IntegerField(
        label="Som van de risicoscores uit de pre-scan DPIA Rijksdienst",
        required=False,
        min_value=0,
        max_value=100,
        help_text="Boven de 4 is een DPIA verplicht. Laat leeg als u de scores niet hebt bepaald.",
    )
    digitale_dienst_minderjarigen = forms.BooleanField(
        label="Is het een digitale dienst die vooral bedoeld is voor personen jonger dan 18 jaar?",
        required=False,
        help_text="Dan is ook een Kinderrechten Impact Assessment (KIA) aanbevolen.",
    )
    hoog_risico_algoritme = forms.BooleanField(
        label="Gaat het om een hoog-risico-AI-systeem of een impactvol algoritme?",
        required=False,
        help_text="Dan is ook een Impact Assessment Mensenrechten en Algoritmes (IAMA) aanbevolen.",
    )
    besluit = forms.ChoiceField(label="Besluit", choices=BESLUITEN, required=False)
    motivering = _tekst(
        "Motivering van het besluit",
        help_text="Verplicht als u een aanbevolen DPIA niet uitvoert.",
    )

    def __init__(self, *args, vaste_criteria=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["criteria"].choices = [(c, label) for c, label in Criterium.choices if c not in vaste_criteria]

    def uitvoeren(self):
        return {"": None, "uitvoeren": True, "niet_uitvoeren": False}[self.cleaned_data.get("besluit") or ""]


class RisicoForm(VersieMixin, Formulier):
    beschrijving = _tekst(
        "Beschrijving van het risico", verplicht=True, help_text="Welk nadelig gevolg kan het hebben voor betrokkenen?"
    )
    oorsprong = _tekst("Oorsprong", rijen=2, help_text="Waardoor kan het gebeuren?")
    kans = forms.ChoiceField(label="Kans", choices=[("", "—"), *Niveau.choices])
    kans_motivering = _tekst("Motivering van de kans", rijen=2)
    impact = forms.ChoiceField(label="Impact", choices=[("", "—"), *Niveau.choices])
    impact_motivering = _tekst("Motivering van de impact", rijen=2)
    restrisico = forms.ChoiceField(
        label="Restrisico na maatregelen",
        choices=[("", "Nog niet bepaald"), *Niveau.choices],
        required=False,
        help_text="Vul in als de maatregelen bekend zijn (deel D).",
    )
    restrisico_motivering = _tekst("Motivering van het restrisico", rijen=2)


class MaatregelForm(VersieMixin, Formulier):
    beschrijving = _tekst("Beschrijving van de maatregel", verplicht=True)
    soort = forms.ChoiceField(label="Soort", choices=[("", "—"), *SoortMaatregel.choices])
    risico = forms.ModelChoiceField(label="Tegen welk risico?", queryset=None, required=False, empty_label="—")
    eigenaar = forms.ModelChoiceField(
        label="Eigenaar", queryset=None, empty_label="—", help_text="Wie zorgt dat het gebeurt."
    )
    deadline = DatumVeld(label="Uiterlijk gereed op")
    status = forms.ChoiceField(label="Status", choices=MaatregelStatus.choices)
    toelichting = _tekst("Toelichting", rijen=2)

    def __init__(self, *args, dpia, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["risico"].queryset = dpia.risicos.all()
        self.fields["risico"].label_from_instance = lambda r: f"{r.code}. {r.beschrijving[:80]}"
        self.fields["eigenaar"].queryset = selectors.mogelijke_eigenaren(dpia.gemeente)
        self.fields["eigenaar"].label_from_instance = lambda u: u.get_full_name() or u.username


class OpvolgForm(VersieMixin, Formulier):
    status = forms.ChoiceField(label="Status", choices=MaatregelStatus.choices)
    deadline = DatumVeld(label="Uiterlijk gereed op")
    toelichting = _tekst("Toelichting", rijen=2)


class FgAdviesForm(Formulier):
    oordeel = forms.ChoiceField(label="Oordeel", choices=[("", "—"), *FgOordeel.choices])
    advies = _tekst("Advies", rijen=6, verplicht=True)


class BeveiligingsadviesForm(Formulier):
    advies = _tekst("Beveiligingsadvies", rijen=5, verplicht=True)


class AccepterenForm(Formulier):
    motivering = _tekst(
        "Onderbouwing acceptatie restrisico",
        rijen=4,
        verplicht=True,
        help_text="Waarom is het resterende risico aanvaardbaar (Model DPIA § 17)?",
    )


class RaadplegingForm(Formulier):
    ingediend_op = DatumVeld(label="Ingediend bij de AP op")
    kenmerk = forms.CharField(label="Kenmerk van de AP", required=False, max_length=100)
    toelichting = _tekst("Toelichting", rijen=2)


class RaadplegingBijwerkenForm(Formulier):
    verlengd = forms.BooleanField(label="De AP heeft de termijn met zes weken verlengd", required=False)
    antwoord_op = DatumVeld(label="Antwoord van de AP ontvangen op", required=False)
    antwoord = _tekst("Samenvatting van het advies van de AP", rijen=3)


class ImportForm(VersieMixin, Formulier):
    bestand = forms.FileField(
        label="Bestand (JSON)",
        help_text=(
            "Een export van een DPIA uit dit portaal of uit de DPIA-tool van de rijksoverheid "
            "(assessment-output v2), hoogstens 5 MB."
        ),
    )


class RedenForm(Formulier):
    reden = _tekst("Reden", rijen=2, verplicht=True)


class HercontroleForm(Formulier):
    bevinding = _tekst(
        "Uitkomst van de hercontrole",
        rijen=3,
        verplicht=True,
        help_text="Bijvoorbeeld: doel, gegevens, ontvangers en techniek zijn niet gewijzigd; de maatregelen werken.",
    )


class DelegerenForm(Formulier):
    medewerker = forms.ModelChoiceField(label="Medewerker", queryset=None, empty_label="—")
    delen = forms.MultipleChoiceField(label="Welke delen?", choices=Deel.choices, widget=forms.CheckboxSelectMultiple)

    def __init__(self, *args, dpia, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["medewerker"].queryset = selectors.medewerkers_van(dpia.team)
        self.fields["medewerker"].label_from_instance = lambda u: u.get_full_name() or u.username


class VragenForm(VersieMixin, Vragenformulier):
    """The questions of one part on its page, with the version of the DPIA the user opened."""


class FilterForm(Formulier):
    zoek = forms.CharField(label="Zoeken", required=False, max_length=200)
    status = forms.ChoiceField(
        label="Status", required=False, choices=[("", "Alle"), ("open", "Alle lopende"), *Status.choices]
    )
    uitkomst = forms.ChoiceField(label="Uitkomst pre-scan", required=False, choices=[("", "Alle"), *Uitkomst.choices])
    aandacht = forms.ChoiceField(
        label="Aandacht nodig",
        required=False,
        choices=[
            ("", "Alle"),
            ("prescan_open", "Pre-scan nog niet afgerond"),
            ("maatregelen_verlopen", "Maatregelen over de deadline"),
            ("hercontrole", "Hercontrole nodig"),
            ("herbeoordeling", "Herbeoordeling nodig"),
        ],
    )
    gemeente = forms.SlugField(required=False, widget=forms.HiddenInput)
