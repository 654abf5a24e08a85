"""Import of a register from a spreadsheet: upload, column mapping, preview, confirm.

The logic lives in importeren.py; these views only show the steps. Only users with the permission
`registers.importeren_verwerking` on the gemeente may import, and each user sees only their own
imports (another user's import is a 404).
"""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.text import capfirst

from privacy_portal.core.importeren import verslag_pagina, voorbeeld_pagina
from privacy_portal.core.permissions import vereis
from privacy_portal.core.schrijven import opslaan
from privacy_portal.core.spreadsheet import ImportFout, lees_bestand
from privacy_portal.organisaties.models import Gemeente
from privacy_portal.organisaties.selectors import gemeenten_voor, teams_voor

from . import importeren, services
from .forms import ImportUploadForm
from .models import RegisterImport

RECHT = "registers.importeren_verwerking"
NIET_IMPORTEREN = "— niet importeren —"

HULPTEKSTEN = {
    "naam": "Elke rij moet een naam hebben.",
    "team": "De naam van een team in het portaal. Is de cel leeg of onbekend? Dan krijgt de rij het standaardteam.",
    "verwerkingsverantwoordelijke": "Is de cel leeg of onbekend? Dan wordt het het college van B&W.",
    "grondslagen": "Letters a tot en met f, zoals 'c, e', of woorden zoals 'wettelijke verplichting'.",
    "bijzondere_categorieen": "Bijvoorbeeld 'gezondheid' of 'religie'. 'Nee' of leeg: geen.",
}
JA_NEE_HULP = "De cellen bevatten 'ja' of 'nee'."


class KoppelForm(forms.Form):
    """For every field of a verwerking: which column of the file holds it.

    Kept here rather than in forms.py because it only makes sense next to these views.
    """

    standaard_team = forms.ModelChoiceField(
        label="Standaardteam",
        queryset=None,
        required=False,
        empty_label="— geen standaardteam —",
        help_text="Voor rijen zonder team, of met een team dat niet in het portaal staat.",
    )

    def __init__(self, *args, imp, teams, **kwargs):
        super().__init__(*args, **kwargs)
        keuzes = [("", NIET_IMPORTEREN)] + [(kolom, kolom) for kolom in imp.kolommen]
        velden = {}
        for veld in importeren.DOELVELDEN:
            velden[veld] = forms.ChoiceField(
                label=capfirst(services.VELD_LABELS[veld]),
                choices=keuzes,
                required=veld == "naam",
                initial=imp.koppeling.get(veld, ""),
                help_text=HULPTEKSTEN.get(veld, JA_NEE_HULP if veld in importeren.JA_NEE_VELDEN else ""),
                error_messages={"required": "Kies de kolom met de naam van de verwerking. Zonder naam kan het niet."},
            )
        self.fields = {**velden, "standaard_team": self.fields["standaard_team"]}
        self.fields["standaard_team"].queryset = teams
        self.fields["standaard_team"].initial = imp.standaard_team_id

    def koppeling(self):
        return {veld: self.cleaned_data[veld] for veld in importeren.DOELVELDEN if self.cleaned_data[veld]}


def _import_gemeenten(user):
    """The gemeenten where the user may import; 403 when there are none."""
    gemeenten = [g for g in gemeenten_voor(user) if user.has_perm(RECHT, g)]
    if not gemeenten:
        raise PermissionDenied("U heeft geen toestemming om een register te importeren.")
    return Gemeente.objects.filter(pk__in=[g.pk for g in gemeenten])


def _eigen_import(request, uuid):
    """The user's own import (404 for anyone else's), if they may still import in its gemeente."""
    imp = get_object_or_404(
        RegisterImport.objects.select_related("gemeente", "standaard_team"), uuid=uuid, door=request.user
    )
    vereis(request.user, RECHT, imp.gemeente)
    return imp


def _al_klaar(request, imp):
    messages.info(request, f"{imp.bestandsnaam} is al geïmporteerd.")
    return redirect("registers:import-verslag", uuid=imp.uuid)


@login_required
def upload(request):
    """Step 1: choose the gemeente and the file. The file is read and stored; nothing is created yet."""
    form = ImportUploadForm(request.POST or None, request.FILES or None, gemeenten=_import_gemeenten(request.user))
    if request.method == "POST" and form.is_valid():
        gemeente = form.cleaned_data["gemeente"]
        vereis(request.user, RECHT, gemeente)
        bestand = form.cleaned_data["bestand"]
        try:
            kolommen, rijen = lees_bestand(bestand, bestand.name)
        except ImportFout as fout:
            form.add_error("bestand", str(fout))
        else:
            imp = RegisterImport(
                gemeente=gemeente,
                door=request.user,
                bestandsnaam=bestand.name[-255:],
                kolommen=kolommen,
                rijen=rijen,
                koppeling=importeren.raad_koppeling(kolommen),
                stap=RegisterImport.Stap.KOPPELEN,
            )
            opslaan(imp, door=request.user, reden="Bestand ingelezen")
            return redirect("registers:import-koppelen", uuid=imp.uuid)
    return render(request, "registers/import_upload.html", {"form": form})


@login_required
def koppelen(request, uuid):
    """Step 2: which column holds which field. Preselected with the guess from the column names."""
    imp = _eigen_import(request, uuid)
    if imp.stap == RegisterImport.Stap.GEIMPORTEERD:
        return _al_klaar(request, imp)
    teams = teams_voor(request.user, imp.gemeente, "registers.add_verwerking")
    form = KoppelForm(request.POST or None, imp=imp, teams=teams)
    if request.method == "POST" and form.is_valid():
        imp.koppeling = form.koppeling()
        imp.standaard_team = form.cleaned_data["standaard_team"]
        imp.stap = RegisterImport.Stap.VOORBEELD
        opslaan(imp, door=request.user, reden="Kolommen gekoppeld")
        return redirect("registers:import-voorbeeld", uuid=imp.uuid)
    eerste_rij = imp.rijen[0] if imp.rijen else {}
    context = {
        "imp": imp,
        "form": form,
        "voorbeelden": [(kolom, eerste_rij.get(kolom, "")) for kolom in imp.kolommen],
    }
    return render(request, "registers/import_koppelen.html", context)


def _urls(imp):
    return {
        "terug": reverse("registers:import-koppelen", kwargs={"uuid": imp.uuid}),
        "terug_tekst": "Terug naar het koppelen van de kolommen",
        "koppelen": reverse("registers:import-koppelen", kwargs={"uuid": imp.uuid}),
        "opnieuw": reverse("registers:import"),
        "lijst": reverse("registers:lijst"),
        "verslag": reverse("registers:import-verslag", kwargs={"uuid": imp.uuid}),
        "resultaat": f"{reverse('registers:lijst')}?import={imp.uuid}",
    }


@login_required
def voorbeeld(request, uuid):
    """Step 3: the rows that will be imported (with warnings) and those that will not (with reasons).
    Confirming creates the good rows as concept and reports the others."""
    imp = _eigen_import(request, uuid)
    if imp.stap == RegisterImport.Stap.GEIMPORTEERD:
        return redirect("registers:import-verslag", uuid=imp.uuid)
    if imp.stap == RegisterImport.Stap.KOPPELEN:
        return redirect("registers:import-koppelen", uuid=imp.uuid)
    return voorbeeld_pagina(
        request,
        imp=imp,
        soort=importeren.SOORT,
        preview=lambda: importeren.preview(imp),
        importeer=lambda: importeren.importeer(imp, door=request.user),
        urls=_urls(imp),
        stap="Stap 3 van 3",
    )


@login_required
def verslag(request, uuid):
    """After the import: what was created (to submit in bulk from the list) and what was skipped, why."""
    imp = _eigen_import(request, uuid)
    if imp.stap != RegisterImport.Stap.GEIMPORTEERD:
        return redirect("registers:import-voorbeeld", uuid=imp.uuid)
    return verslag_pagina(
        request,
        imp=imp,
        soort=importeren.SOORT,
        urls=_urls(imp),
        resultaat_tekst="Bekijk de geïmporteerde verwerkingen en dien ze in",
    )
