"""Every filtered read of the dashboard and the reports archive, with the permissions applied."""

import base64
import re

from django.core.files.storage import default_storage

from privacy_portal.organisaties.selectors import bereik_filter, gemeenten_voor

from .constants import STANDAARD_KLEUR
from .models import FgBevindingen, GemeenteThema, Rapportage

KLEUR = re.compile(r"^#[0-9a-fA-F]{6}$")


def dashboard_gemeenten(user):
    """Gemeenten whose dashboard the user may see, by name."""
    return gemeenten_voor(user, "rapportages.view_dashboard").order_by("naam")


def rapportages_voor(user, perm="rapportages.view_rapportage"):
    """Reports in the archive the user may see and download: those of gemeenten where they hold perm."""
    qs = Rapportage.objects.select_related("gemeente", "aangevraagd_door")
    if user.is_anonymous:
        return qs.none()
    return qs.filter(bereik_filter(user, perm))


def aanvraag_gemeenten(user):
    """Gemeenten for which the user may have a report made."""
    return [
        g
        for g in gemeenten_voor(user, "rapportages.add_rapportage").order_by("naam")
        if user.has_perm("rapportages.add_rapportage", g)
    ]


def bevindingen_van(gemeente, jaar):
    return FgBevindingen.objects.filter(gemeente=gemeente, jaar=jaar).select_related("gewijzigd_door").first()


def _logo_data_uri(thema):
    """The logo as a data: URI, so WeasyPrint needs no file access outside the static folders."""
    if not thema.logo:
        return ""
    naam = thema.logo.name.lower()
    mime = "image/jpeg" if naam.endswith((".jpg", ".jpeg")) else "image/png"
    try:
        with default_storage.open(thema.logo.name, "rb") as bestand:
            inhoud = bestand.read()
    except OSError:
        return ""
    return f"data:{mime};base64,{base64.b64encode(inhoud).decode('ascii')}"


def thema_voor(gemeente):
    """{'naam', 'kleur', 'logo'} of the gemeente's reports; the portal's style when it has no theme."""
    thema = GemeenteThema.objects.filter(gemeente=gemeente).first()
    if thema is None:
        return {"naam": f"Gemeente {gemeente.naam}", "kleur": STANDAARD_KLEUR, "logo": ""}
    kleur = thema.primaire_kleur if KLEUR.match(thema.primaire_kleur or "") else STANDAARD_KLEUR
    return {"naam": thema.naam or f"Gemeente {gemeente.naam}", "kleur": kleur, "logo": _logo_data_uri(thema)}
