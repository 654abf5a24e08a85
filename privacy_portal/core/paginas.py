"""Shared helpers of every register's staff pages: find the object, save a form, run an action.

They give every register the same behaviour on bad input: the user's input stays in the form,
each invalid field is named, a forbidden transition says why, and a stale save or approval (the
object changed since the user opened it) is refused with the changes made in between.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404

from .permissions import vereis
from .schrijven import VersieConflict, lees_versie, versie_van
from .workflow import OvergangNietToegestaan


def object_of_404(request, queryset, *, uuid, recht=None):
    """The object if it is in the user's scope (404 otherwise, so nothing is revealed); with
    `recht`, also the permission for the action (403 when it is visible but not allowed)."""
    obj = get_object_or_404(queryset, uuid=uuid)
    if recht:
        vereis(request.user, recht, obj)
    return obj


def versie_uit(request):
    """The version the user saw, as posted by an action form (hidden field `versie`)."""
    return lees_versie(request.POST.get("versie"))


def _veldnaam(form, veld, labels):
    if form is not None and veld in form.fields:
        return str(form.fields[veld].label or veld)
    return str((labels or {}).get(veld, veld.replace("_", " ")))


def fouttekst(fout, *, form=None, labels=None):
    """One Dutch sentence per invalid field, naming the field: 'Reden: dit veld is verplicht.'"""
    if not hasattr(fout, "error_dict"):
        return " ".join(fout.messages)
    return " ".join(
        f"{_veldnaam(form, veld, labels)}: {' '.join(teksten)}" if veld != "__all__" else " ".join(teksten)
        for veld, teksten in fout.message_dict.items()
    )


def formulier_opslaan(request, form, opslaan, *, gelukt=""):
    """Call `opslaan()` (a service call) for a valid form; map its errors onto the form.

    Returns what `opslaan` returned, or None when the form stays on screen with its errors. On a
    version conflict the form keeps the user's input, shows the other changes
    (`form.versieconflict`) and takes the new version, so saving again is a deliberate choice.
    """
    if not form.is_valid():
        messages.error(request, "Niet opgeslagen: verbeter de velden die hieronder zijn gemarkeerd.")
        return None
    try:
        resultaat = opslaan()
    except ValidationError as fout:
        if hasattr(fout, "error_dict"):
            for veld, teksten in fout.message_dict.items():
                form.add_error(veld if veld in form.fields else None, teksten)
        else:
            form.add_error(None, fout.messages)
    except OvergangNietToegestaan as fout:
        form.add_error(None, str(fout))
    except VersieConflict as fout:
        form.versieconflict = fout
        data = form.data.copy()
        data[form.add_prefix("versie")] = versie_van(fout.obj)
        form.data = data
        messages.error(request, f"Niet opgeslagen. {fout}")
        return None
    else:
        if gelukt:
            messages.success(request, gelukt)
        return resultaat
    messages.error(request, "Niet opgeslagen: verbeter de velden die hieronder zijn gemarkeerd.")
    return None


def actie_uitvoeren(request, functie, *, gelukt, labels=None, form=None, **kwargs):
    """Run an action's service and put the outcome in a message. True when it succeeded.

    Errors name the fields (`labels`: field -> label, or the form's labels); a version conflict
    names who changed what since the user opened the page.
    """
    try:
        functie(**kwargs)
    except ValidationError as fout:
        messages.error(request, "Niet gelukt. " + fouttekst(fout, form=form, labels=labels))
    except OvergangNietToegestaan as fout:
        messages.error(request, str(fout))
    except VersieConflict as fout:
        velden = sorted({w["veld"] for regel in fout.wijzigingen for w in regel["wijzigingen"]})
        extra = f" Gewijzigd: {', '.join(velden)}." if velden else ""
        messages.error(request, f"Niet gelukt. {fout}{extra}")
    else:
        messages.success(request, gelukt)
        return True
    return False
