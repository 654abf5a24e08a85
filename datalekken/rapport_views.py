"""PDF dossier per datalek and the quarterly overview (page and PDF).

The dossier holds everything the AP may ask for, the notifications and the full history; only
users who may see the datalek get it, and every download is audited. The quarterly overview is
numbers only for the college and directors (`statistiek_datalek`); the individual datalekken are
listed only for users who may also see the details (`view_datalek`), and then only the ones that
`selectors.datalekken_voor` lets them see.
"""

from datetime import date, timedelta

from django import forms
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.formats import date_format

from privacy_portal.core.audit import audit
from privacy_portal.core.historie import historie_regels
from privacy_portal.core.models import AuditEvent
from privacy_portal.core.paginas import object_of_404
from privacy_portal.core.pdf import pdf_response, render_pdf
from privacy_portal.organisaties.selectors import gemeenten_voor

from . import selectors
from .ap_tekst import ap_secties
from .constants import Risico, SoortMelding, Status

EERSTE_JAAR = 2018  # the AVG applies from 25 May 2018
KWARTALEN = {
    1: "1e kwartaal (januari–maart)",
    2: "2e kwartaal (april–juni)",
    3: "3e kwartaal (juli–september)",
    4: "4e kwartaal (oktober–december)",
}


def _naam(user):
    return user.get_full_name() or user.get_username()


def _duur(verschil: timedelta) -> str:
    """'1 dag en 4 uur', '20 uur en 5 minuten', '35 minuten' (the sign is ignored)."""
    minuten = int(abs(verschil.total_seconds())) // 60
    dagen, rest = divmod(minuten, 24 * 60)
    uren, minuten = divmod(rest, 60)
    delen = []
    if dagen:
        delen.append(f"{dagen} {'dag' if dagen == 1 else 'dagen'}")
    if uren:
        delen.append(f"{uren} uur")
    if minuten and not dagen:
        delen.append(f"{minuten} {'minuut' if minuten == 1 else 'minuten'}")
    return " en ".join(delen) or "minder dan een minuut"


def _moment(waarde):
    return date_format(timezone.localtime(waarde), "j F Y H:i")


# --- dossier -------------------------------------------------------------------------------------


def _meldstatus(datalek, meldingen, nu):
    """What the dossier says about the 72-hour notification: {'kop', 'klasse', 'tekst', 'reden'}."""
    eerste = next((m for m in meldingen if m.soort == SoortMelding.MELDING), None)
    intrekking = next((m for m in meldingen if m.soort == SoortMelding.INTREKKING), None)
    if eerste:
        verschil = eerste.gemeld_op - datalek.meld_deadline
        status = {
            "kop": "Te laat gemeld bij de AP" if eerste.te_laat else "Op tijd gemeld bij de AP",
            "klasse": "te-laat" if eerste.te_laat else "op-tijd",
            "tekst": f"Gemeld op {_moment(eerste.gemeld_op)} met meldnummer {eerste.ap_referentie or 'onbekend'}, "
            + (f"{_duur(verschil)} na de deadline." if eerste.te_laat else f"{_duur(verschil)} voor de deadline."),
            "reden": eerste.reden_vertraging if eerste.te_laat else "",
        }
        if intrekking:
            status["tekst"] += f" De melding is ingetrokken op {_moment(intrekking.gemeld_op)}."
        return status
    if datalek.risico == Risico.GEEN:
        return {
            "kop": "Niet gemeld: geen risico",
            "klasse": "",
            "tekst": "Beoordeeld als geen risico voor de betrokkenen; alleen geregistreerd (art. 33 lid 5 AVG).",
            "reden": "",
        }
    verstreken = nu > datalek.meld_deadline
    kop = "Nog niet gemeld bij de AP" if datalek.risico else "Risico nog niet beoordeeld, niet gemeld"
    if verstreken:
        tekst = f"De deadline is {_duur(nu - datalek.meld_deadline)} geleden verstreken."
    else:
        tekst = f"Er is nog {_duur(datalek.meld_deadline - nu)} tot de deadline."
    return {"kop": kop, "klasse": "te-laat" if verstreken else "", "tekst": tekst, "reden": ""}


def dossier_context(datalek, user, *, nu=None):
    nu = nu or timezone.now()
    meldingen = list(datalek.meldingen.select_related("vastgelegd_door"))
    kenmerk = datalek.kenmerk
    return {
        "titel": f"Dossier datalek {kenmerk}",
        "kenmerk": kenmerk,
        "datalek": datalek,
        "gemeente": datalek.gemeente,
        "meldstatus": _meldstatus(datalek, meldingen, nu),
        "meldingen": meldingen,
        "ap_secties": ap_secties(datalek),
        "verwerkingen": list(datalek.verwerkingen.all()),
        "historie": historie_regels(datalek),
        "gegenereerd_op": nu,
        "gegenereerd_door": _naam(user),
    }


@login_required
def dossier(request, uuid):
    datalek = object_of_404(request, selectors.datalekken_voor(request.user), uuid=uuid)
    context = dossier_context(datalek, request.user)
    pdf, _html = render_pdf("reports/datalekken/dossier.html", context)
    audit(actor=request.user, actie=AuditEvent.Actie.DOWNLOADEN, obj=datalek)
    return pdf_response(pdf, f"dossier-{context['kenmerk']}.pdf")


# --- quarterly overview --------------------------------------------------------------------------

# (label, key in kwartaal_cijfers, indented as part of the row above)
KERNCIJFERS = [
    ("Gemelde datalekken", "aantal", False),
    ("Meldplichtig (risico of hoog risico)", "meldplichtig", False),
    ("Niet meldplichtig (geen risico)", "niet_meldplichtig", False),
    ("Risico nog niet beoordeeld", "onbeoordeeld", False),
    ("Gemeld bij de AP", "gemeld_ap", False),
    ("waarvan op tijd (binnen 72 uur)", "op_tijd", True),
    ("waarvan te laat", "te_laat", True),
    ("waarvan later ingetrokken", "ingetrokken", True),
    ("Meldplichtig maar nog niet gemeld", "meldplichtig_niet_gemeld", False),
    ("Hoog risico", "hoog_risico", False),
    ("Betrokkenen geïnformeerd", "betrokkenen_geinformeerd", False),
    ("Uitzondering art. 34 lid 3 toegepast", "uitzondering_34_3", False),
    ("Gemeld door een verwerker", "via_verwerker", False),
    ("Kennisname gecorrigeerd", "kennisname_gecorrigeerd", False),
    ("Nog open", "open", False),
    ("Afgesloten", "afgesloten", False),
]


def kwartaal_van(moment: date) -> tuple[int, int]:
    return moment.year, (moment.month - 1) // 3 + 1


def kwartaal_periode(jaar: int, kwartaal: int) -> tuple[date, date]:
    """(first day, first day of the next quarter)."""
    van = date(jaar, 3 * (kwartaal - 1) + 1, 1)
    tot = date(jaar + 1, 1, 1) if kwartaal == 4 else date(jaar, 3 * kwartaal + 1, 1)
    return van, tot


class KwartaalForm(forms.Form):
    jaar = forms.IntegerField(
        label="Jaar",
        error_messages={"required": "Vul een jaar in.", "invalid": "Vul een jaar in cijfers in, bijvoorbeeld 2026."},
    )
    kwartaal = forms.TypedChoiceField(
        label="Kwartaal",
        choices=list(KWARTALEN.items()),
        coerce=int,
        error_messages={"required": "Kies een kwartaal.", "invalid_choice": "Kies kwartaal 1, 2, 3 of 4."},
    )

    def __init__(self, *args, vandaag, **kwargs):
        super().__init__(*args, **kwargs)
        self.vandaag = vandaag
        self.fields["jaar"].widget = forms.TextInput(
            attrs={
                "class": "utrecht-textbox utrecht-textbox--html-input",
                "inputmode": "numeric",
                "autocomplete": "off",
            }
        )
        self.fields["kwartaal"].widget.attrs["class"] = "utrecht-select utrecht-select--html-select"

    def markeer_fouten(self):
        """Link each invalid input to its error message (includes/veld.html gives it id '<id>_fout')."""
        for naam in self.errors:
            if naam in self.fields:
                veld = self[naam]
                veld.field.widget.attrs.update({"aria-invalid": "true", "aria-describedby": f"{veld.auto_id}_fout"})

    def clean_jaar(self):
        jaar = self.cleaned_data["jaar"]
        if not EERSTE_JAAR <= jaar <= self.vandaag.year:
            raise forms.ValidationError(f"Kies een jaar van {EERSTE_JAAR} tot en met {self.vandaag.year}.")
        return jaar

    def clean(self):
        data = super().clean()
        if data.get("jaar") and data.get("kwartaal") and (data["jaar"], data["kwartaal"]) > kwartaal_van(self.vandaag):
            self.add_error("kwartaal", "Dit kwartaal is nog niet begonnen.")
        return data


def _ap_status(d):
    """The AP notification of one row of kwartaal_cijfers, in a few words."""
    if d.gemeld_ap:
        tekst = f"{'op tijd' if d.op_tijd else 'te laat'} gemeld op {_moment(d.eerste_melding_op)}"
        tekst += f" (meldnummer {d.meldnummer})" if d.meldnummer else ""
        return tekst + ("; later ingetrokken" if d.ingetrokken else "")
    if d.risico == Risico.GEEN:
        return "niet meldplichtig (geen risico)"
    if not d.risico:
        return "risico nog niet beoordeeld"
    return "nog niet gemeld"


def _kwartaal_gemeente(user, slug):
    gemeente = get_object_or_404(gemeenten_voor(user, "datalekken.statistiek_datalek"), slug=slug)
    if not user.has_perm("datalekken.statistiek_datalek", gemeente):
        raise Http404
    return gemeente


@login_required
def kwartaal(request, slug):
    user = request.user
    gemeente = _kwartaal_gemeente(user, slug)
    nu = timezone.now()
    vandaag = timezone.localdate(nu)
    if "jaar" in request.GET or "kwartaal" in request.GET:
        form = KwartaalForm(request.GET, vandaag=vandaag)
    else:
        jaar, k = kwartaal_van(vandaag)
        form = KwartaalForm({"jaar": jaar, "kwartaal": k}, vandaag=vandaag)
    if not form.is_valid():
        form.markeer_fouten()
        context = {"gemeente": gemeente, "form": form, "fout": True}
        return render(request, "datalekken/kwartaal.html", context)

    jaar, k = form.cleaned_data["jaar"], form.cleaned_data["kwartaal"]
    van, tot = kwartaal_periode(jaar, k)
    cijfers = selectors.kwartaal_cijfers(gemeente, van, tot)
    rijen = cijfers.pop("datalekken")
    toon_details = user.has_perm("datalekken.view_datalek", gemeente)
    datalekken = None
    if toon_details:
        zichtbaar = set(
            selectors.datalekken_voor(user).filter(pk__in=[d.pk for d in rijen]).values_list("pk", flat=True)
        )
        datalekken = [d for d in rijen if d.pk in zichtbaar]
        for d in datalekken:
            d.ap_status = _ap_status(d)
    titel = f"Kwartaaloverzicht datalekken {gemeente.naam}, {k}e kwartaal {jaar}"
    context = {
        "titel": titel,
        "gemeente": gemeente,
        "form": form,
        "jaar": jaar,
        "kwartaal": k,
        "kwartaal_naam": KWARTALEN[k],
        "van": van,
        "tot_en_met": tot - timedelta(days=1),
        "cijfers": cijfers,
        "kerncijfers": [(label, cijfers[sleutel], sub) for label, sleutel, sub in KERNCIJFERS],
        "verdelingen": [
            ("Datalekken per risico", "Risico", cijfers["per_risico"]),
            ("Datalekken per oorzaak", "Oorzaak", cijfers["per_oorzaak"]),
            ("Datalekken per soort inbreuk", "Wat is er met de gegevens gebeurd", cijfers["per_soort_inbreuk"]),
            ("Datalekken per soort persoonsgegevens", "Soort persoonsgegevens", cijfers["per_soort_gegevens"]),
        ],
        "toon_details": toon_details,
        "datalekken": datalekken,
        "open_datalekken": [d for d in datalekken if d.status != Status.AFGESLOTEN] if toon_details else None,
        "niet_alle_zichtbaar": toon_details and len(datalekken) < len(rijen),
        "gegenereerd_op": nu,
        "gegenereerd_door": _naam(user),
    }
    object_id = f"{gemeente.uuid}/{jaar}-K{k}"
    if request.GET.get("formaat") == "pdf":
        pdf, _html = render_pdf("reports/datalekken/kwartaal.html", context)
        audit(
            actor=user,
            actie=AuditEvent.Actie.DOWNLOADEN,
            object_type="datalekken.kwartaaloverzicht",
            object_id=object_id,
        )
        return pdf_response(pdf, f"datalekken-{gemeente.slug}-{jaar}-K{k}.pdf")
    if toon_details:
        audit(
            actor=user, actie=AuditEvent.Actie.INZIEN, object_type="datalekken.kwartaaloverzicht", object_id=object_id
        )
    return render(request, "datalekken/kwartaal.html", context)
