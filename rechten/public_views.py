"""The inwoner's own request form, under /register/<slug>/verzoek/ (B1 Dutch, works without JavaScript).

1. `formulier`: the inwoner chooses the rights and fills in name and e-mail address; the request is
   saved unconfirmed (`services.verzoek_ontvangen_van_inwoner`) and a link with the token is mailed.
   No CAPTCHA: rate limiting per client address within the gemeente and per e-mail address
   (`_te_vaak`), counted in Django's cache under a keyed hash (HMAC with SECRET_KEY), never the raw
   address. The client is `core.clientadres.client_sleutel`: behind a trusted proxy the real client,
   behind an unknown proxy never the proxy's address alone, so one busy proxy does not close the
   form for every inwoner. When the cache (Redis) cannot be reached the form still works: the limit
   is then not applied and a warning without personal data is logged.
2. `verstuurd`: "check your mail" (after a redirect; no personal data in any URL).
3. `bevestigen`: the link from the e-mail. Opening it (GET) changes nothing: it shows a page with a
   button, because mail scanners follow links. The button (POST) confirms
   (`services.verzoek_bevestigen`), shows the receipt with kenmerk, date of receipt and deadline, and
   mails the receipt once. Once confirmed, the link shows the same receipt and changes nothing.
"""

import hashlib
import hmac
import logging

from django import forms
from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from privacy_portal.core.clientadres import client_adres, client_sleutel
from privacy_portal.core.forms import NLDesignMixin
from privacy_portal.organisaties.models import Gemeente

from . import services
from .constants import BEVESTIGEN_BINNEN_DAGEN, Soort, Status
from .models import Verzoek

logger = logging.getLogger(__name__)

# Rate limits per hour (no CAPTCHA): submissions per client address (per gemeente) and per e-mail address.
PER_ADRES = 5
PER_EMAIL = 3
# Per sending address, whatever it forwards: behind an untrusted proxy the forwarded header tells
# clients apart (so one proxy does not close the form for everyone), but anyone can make that header
# up; this higher ceiling keeps a made-up header from giving unlimited submissions.
PER_AFZENDER = 100
VENSTER = 60 * 60

# Each right in plain words (B1): a short label and one sentence of explanation.
SOORT_UITLEG = {
    Soort.INZAGE: (
        "Mijn gegevens inzien",
        "U wilt weten welke gegevens de gemeente over u heeft en wat zij ermee doet.",
    ),
    Soort.RECTIFICATIE: ("Mijn gegevens verbeteren", "Een gegeven over u klopt niet of is niet compleet."),
    Soort.WISSING: ("Mijn gegevens laten verwijderen", "U wilt dat de gemeente gegevens over u wist."),
    Soort.BEPERKING: (
        "Het gebruik van mijn gegevens tijdelijk stoppen",
        "Bijvoorbeeld zolang de gemeente nakijkt of uw gegevens kloppen.",
    ),
    Soort.OVERDRAAGBAARHEID: (
        "Mijn gegevens meenemen",
        "U krijgt uw gegevens in een bestand, of de gemeente stuurt ze naar een andere organisatie.",
    ),
    Soort.BEZWAAR: ("Bezwaar maken", "U wilt dat de gemeente stopt met het gebruik van uw gegevens."),
    Soort.GEAUTOMATISEERDE_BESLUITVORMING: (
        "Een mens laten kijken naar een besluit",
        "Een computer besliste alleen over u. U wilt dat een medewerker het besluit bekijkt.",
    ),
}


class InwonerVerzoekForm(NLDesignMixin, forms.Form):
    use_required_attribute = False

    soorten = forms.MultipleChoiceField(
        label="Wat wilt u?",
        choices=[(code, SOORT_UITLEG[code][0]) for code in Soort.values],
        widget=forms.CheckboxSelectMultiple,
        help_text="Kies één of meer dingen.",
        error_messages={"required": "Kies minstens één ding dat u wilt."},
    )
    verzoeker_naam = forms.CharField(
        label="Uw naam", max_length=200, error_messages={"required": "Vul uw naam in."}, help_text=""
    )
    verzoeker_email = forms.EmailField(
        label="Uw e-mailadres",
        max_length=254,
        help_text="U krijgt hier een e-mail met een link. Pas als u op die link klikt, is uw verzoek ingediend.",
        error_messages={
            "required": "Vul uw e-mailadres in.",
            "invalid": "Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl.",
        },
    )
    verzoeker_telefoon = forms.CharField(
        label="Uw telefoonnummer (niet verplicht)",
        max_length=50,
        required=False,
        help_text="Dan kunnen wij u bellen als wij een vraag hebben.",
    )
    verzoeker_adres = forms.CharField(
        label="Uw adres (niet verplicht)",
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Straat, huisnummer, postcode en plaats. Dan kunnen wij u ook een brief sturen.",
    )
    omschrijving = forms.CharField(
        label="Wilt u nog iets uitleggen? (niet verplicht)",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Bijvoorbeeld over welk onderwerp of welke afdeling het gaat. Hoogstens 2000 tekens.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for naam, field in self.fields.items():
            if field.required and naam != "soorten":
                field.widget.attrs["aria-required"] = "true"
        self.fields["verzoeker_naam"].widget.attrs["autocomplete"] = "name"
        self.fields["verzoeker_email"].widget.attrs["autocomplete"] = "email"
        self.fields["verzoeker_telefoon"].widget.attrs["autocomplete"] = "tel"
        self.fields["verzoeker_adres"].widget.attrs["autocomplete"] = "street-address"

    def keuzes(self):
        """Each right with its checkbox, label and explanation, for the template."""
        gekozen = set(self["soorten"].value() or [])
        return [
            {"code": code, "label": label, "uitleg": uitleg, "gekozen": code in gekozen}
            for code, (label, uitleg) in SOORT_UITLEG.items()
        ]


# --- rate limiting -------------------------------------------------------------------------------


def _sleutel(soort, waarde):
    """A cache key from a keyed hash: the raw address or e-mail address is never stored."""
    digest = hmac.new(settings.SECRET_KEY.encode(), f"{soort}:{waarde}".encode(), hashlib.sha256).hexdigest()
    return f"verzoek-openbaar:{soort}:{digest}"


def _adres_waarde(request, gemeente):
    return f"{gemeente.pk}:{client_sleutel(request)}"


def _cache_onbereikbaar():
    logger.warning("Limiet van het verzoekformulier niet toegepast: de cache is niet bereikbaar")


def _te_vaak(soort, waarde, maximum):
    """Whether the limit is reached; False (allow) when the cache cannot be reached."""
    sleutel = _sleutel(soort, waarde)
    try:
        return (cache.get(sleutel) or 0) >= maximum
    except Exception:
        _cache_onbereikbaar()
        return False


def _tel(soort, waarde):
    sleutel = _sleutel(soort, waarde)
    try:
        if not cache.add(sleutel, 1, VENSTER):
            try:
                cache.incr(sleutel)
            except ValueError:  # expired in between
                cache.add(sleutel, 1, VENSTER)
    except Exception:
        _cache_onbereikbaar()


def _te_veel(request, gemeente):
    return render(request, "rechten_openbaar/te_veel.html", {"gemeente": gemeente}, status=429)


# --- mail ------------------------------------------------------------------------------------------


def _mail_na_commit(onderwerp, sjabloon, context, aan):
    tekst = render_to_string(sjabloon, context)

    def verstuur():
        try:
            send_mail(onderwerp, tekst, None, [aan])
        except Exception:  # the request is saved; log without personal data
            logger.exception("E-mail aan inwoner niet verstuurd", extra={"sjabloon": sjabloon})

    transaction.on_commit(verstuur)


# --- views -----------------------------------------------------------------------------------------


@never_cache
def formulier(request, slug):
    gemeente = get_object_or_404(Gemeente, slug=slug)
    if request.method != "POST":
        return render(request, "rechten_openbaar/formulier.html", {"gemeente": gemeente, "form": InwonerVerzoekForm()})
    adres = _adres_waarde(request, gemeente)
    afzender = f"{gemeente.pk}:{client_adres(request)}"
    if _te_vaak("adres", adres, PER_ADRES) or _te_vaak("afzender", afzender, PER_AFZENDER):
        return _te_veel(request, gemeente)
    form = InwonerVerzoekForm(request.POST)
    if form.is_valid():
        email = form.cleaned_data["verzoeker_email"].strip().lower()
        if _te_vaak("email", email, PER_EMAIL):
            return _te_veel(request, gemeente)
        try:
            verzoek, token = services.verzoek_ontvangen_van_inwoner(gemeente=gemeente, gegevens=form.cleaned_data)
        except ValidationError as fout:
            for veld, meldingen in fout.message_dict.items():
                form.add_error(veld if veld in form.fields else None, meldingen)
        else:
            _tel("adres", adres)
            _tel("afzender", afzender)
            _tel("email", email)
            link = request.build_absolute_uri(
                reverse("verzoek_openbaar:bevestigen", kwargs={"slug": gemeente.slug, "token": token})
            )
            context = {"gemeente": gemeente, "link": link, "dagen": BEVESTIGEN_BINNEN_DAGEN}
            _mail_na_commit(
                f"Bevestig uw verzoek aan gemeente {gemeente.naam}",
                "rechten_openbaar/mail_bevestigen.txt",
                context,
                verzoek.verzoeker_email,
            )
            return redirect("verzoek_openbaar:verstuurd", slug=gemeente.slug)
    return render(request, "rechten_openbaar/formulier.html", {"gemeente": gemeente, "form": form})


def verstuurd(request, slug):
    gemeente = get_object_or_404(Gemeente, slug=slug)
    return render(request, "rechten_openbaar/verstuurd.html", {"gemeente": gemeente, "dagen": BEVESTIGEN_BINNEN_DAGEN})


def _ongeldige_link(request, gemeente, fout):
    melding = " ".join(fout.message_dict.get("token", fout.messages))
    return render(
        request, "rechten_openbaar/ongeldige_link.html", {"gemeente": gemeente, "melding": melding}, status=400
    )


def _ontvangen_context(gemeente, verzoek):
    return {"gemeente": gemeente, "verzoek": verzoek, "soorten": [SOORT_UITLEG[s][0] for s in verzoek.soorten]}


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def bevestigen(request, slug, token):
    gemeente = get_object_or_404(Gemeente, slug=slug)
    if request.method != "POST":  # opening the link (a person or a mail scanner) changes nothing
        try:
            verzoek = services.verzoek_bij_bevestiglink(token=token, gemeente=gemeente)
        except ValidationError as fout:
            return _ongeldige_link(request, gemeente, fout)
        if verzoek.status != Status.ONBEVESTIGD:
            return render(request, "rechten_openbaar/ontvangen.html", _ontvangen_context(gemeente, verzoek))
        return render(request, "rechten_openbaar/bevestigen.html", {"gemeente": gemeente})
    with transaction.atomic():
        # Lock first: only the click that really confirms mails the receipt.
        nieuw = (
            Verzoek.objects.select_for_update()
            .filter(bevestig_token_hash=services._token_hash(token), gemeente=gemeente, status=Status.ONBEVESTIGD)
            .exists()
        )
        try:
            verzoek = services.verzoek_bevestigen(token=token, gemeente=gemeente)
        except ValidationError as fout:
            return _ongeldige_link(request, gemeente, fout)
    context = _ontvangen_context(gemeente, verzoek)
    if nieuw and verzoek.verzoeker_email:
        _mail_na_commit(
            f"Ontvangstbevestiging van uw verzoek {verzoek.kenmerk}",
            "rechten_openbaar/mail_ontvangst.txt",
            context,
            verzoek.verzoeker_email,
        )
    return render(request, "rechten_openbaar/ontvangen.html", context)
