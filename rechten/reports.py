"""The letters to the requester, as PDF context: the extension letter and the answer letter (an Awb-besluit).

`verlengingsbrief_context(verzoek, ...)` and `besluitbrief_context(verzoek, ...)` return the
context for templates/reports/rechten/*.html; `brief_pdf(soort, verzoek, ...)` renders it with
core.pdf and returns (pdf_bytes, html). Letters are in B1 Dutch. The extension letter is dated on
the day of the extension. The answer letter is dated on the day it is sent (`verzonden_op`,
recorded with `services.besluitbrief_verzonden`); until then on the day it is printed to be sent.

The bezwaar clause (Awb art. 6:7, 6:8 and 6:5) names the six-week term, which starts the day after
the letter is sent, its last day (`bezwaar_termijn_tot`), and where to send the objection: the
address of the verwerkingsverantwoordelijke that decided (the college by default).
The answer letter also names the right to complain to the Autoriteit Persoonsgegevens (AVG art. 12(4), 77).
On a (partly) granted inzage request it carries the art. 15(1)-(3) information stored on the decision
(rechten/inzage.py, templates/reports/rechten/_inzage.html; the same include is the page preview).
"""

from django.utils import timezone

from privacy_portal.core.kalender import plus_weken
from privacy_portal.core.kalender_db import huidige_kalender
from privacy_portal.core.pdf import render_pdf
from privacy_portal.organisaties.models import Verwerkingsverantwoordelijke

from . import inzage
from .constants import GROND_B1, SOORT_B1, Soort, Uitkomst

AP_WEBSITE = "www.autoriteitpersoonsgegevens.nl"
BEZWAAR_WEKEN = 6  # Awb 6:7


def bezwaar_termijn_tot(verzonden_op, kalender=None):
    """The last day to object: six weeks from the day after sending (Awb 6:8); a last day on a
    weekend or holiday moves to the next working day (Algemene termijnenwet art. 1)."""
    return plus_weken(verzonden_op, BEZWAAR_WEKEN, kalender or huidige_kalender())


BESLUIT_B1 = {
    Uitkomst.TOEGEWEZEN: "Wij wijzen uw verzoek toe. U krijgt wat u vroeg.",
    Uitkomst.DEELS_TOEGEWEZEN: "Wij wijzen uw verzoek voor een deel toe. Hieronder leest u wat u wel en wat u "
    "niet krijgt, en waarom.",
    Uitkomst.AFGEWEZEN: "Wij wijzen uw verzoek af. Hieronder leest u waarom.",
}

TEMPLATES = {
    "verlenging": "reports/rechten/verlengingsbrief.html",
    "besluit": "reports/rechten/besluitbrief.html",
}


def _opsomming(delen):
    """'a', 'a en b', 'a, b en c'."""
    delen = list(delen)
    if len(delen) <= 1:
        return "".join(delen)
    return ", ".join(delen[:-1]) + " en " + delen[-1]


def verantwoordelijke(verzoek):
    """Who decides, and where the objection goes: the chosen one, else the college, else any of the gemeente."""
    if verzoek.verwerkingsverantwoordelijke_id:
        return verzoek.verwerkingsverantwoordelijke
    vv = verzoek.gemeente.verantwoordelijken.all()
    return vv.filter(soort=Verwerkingsverantwoordelijke.Soort.COLLEGE).first() or vv.first()


def _basis(verzoek, *, titel, datum, gegenereerd_door, nu):
    vv = verantwoordelijke(verzoek)
    return {
        "titel": titel,
        "kenmerk": verzoek.kenmerk,
        "verzoek": verzoek,
        "gemeente": verzoek.gemeente,
        "vv": vv,
        "vv_adres": [regel.strip() for regel in (vv.adres if vv else "").split(",") if regel.strip()],
        "adres_regels": [regel.strip() for regel in verzoek.verzoeker_adres.splitlines() if regel.strip()],
        "datum": datum,
        "soorten_b1": _opsomming(SOORT_B1.get(Soort(code), code) for code in verzoek.soorten if code in Soort.values),
        "ap_website": AP_WEBSITE,
        "gegenereerd_op": nu,
        "gegenereerd_door": gegenereerd_door,
    }


def verlengingsbrief_context(verzoek, *, gegenereerd_door="", nu=None):
    nu = nu or timezone.now()
    return _basis(
        verzoek,
        titel=f"Wij hebben meer tijd nodig voor uw verzoek ({verzoek.kenmerk})",
        datum=verzoek.verlengd_op,
        gegenereerd_door=gegenereerd_door,
        nu=nu,
    )


def besluitbrief_context(verzoek, *, gegenereerd_door="", nu=None):
    nu = nu or timezone.now()
    datum = verzoek.verzonden_op or timezone.localdate(nu)
    context = _basis(
        verzoek,
        titel=f"Besluit op uw verzoek over uw persoonsgegevens ({verzoek.kenmerk})",
        datum=datum,
        gegenereerd_door=gegenereerd_door,
        nu=nu,
    )
    context["bezwaar_tot"] = bezwaar_termijn_tot(datum)
    context["besluit_b1"] = BESLUIT_B1.get(verzoek.uitkomst, "")
    context["grond_b1"] = GROND_B1.get(verzoek.grond, "") if verzoek.grond else ""
    context["toelichting_alineas"] = [a.strip() for a in verzoek.besluit_toelichting.split("\n\n") if a.strip()]
    # art. 15(1)-(3): the information about the verwerkingen, the copy and the rights (granted inzage)
    context["inzage"] = inzage.weergave(verzoek) if verzoek.uitkomst else None
    return context


def brief_pdf(soort, verzoek, *, gegenereerd_door="", nu=None):
    """(pdf_bytes, html) of the 'verlenging' or 'besluit' letter."""
    maak = verlengingsbrief_context if soort == "verlenging" else besluitbrief_context
    return render_pdf(TEMPLATES[soort], maak(verzoek, gegenereerd_door=gegenereerd_door, nu=nu))
