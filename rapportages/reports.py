"""PDF context of each kind of report, and the data state (`gegevensstand`) it is made from.

`maak_context(rapportage, nu, voortgang=...)` returns (template, context, gegevensstand). The
kwartaalevaluatie and the jaarverslag show what the dashboard sources (privacy_portal.core.dashboard)
deliver for the period, always without personal data: the college reads these reports. A register
without a source yet gets a "nog niet beschikbaar" block, and appears by itself once it adds one.
"""

from django.utils import timezone

from privacy_portal.core.dashboard import BEKENDE_SECTIES, Periode, stand_van_historie, verzamel
from registers.constants import Status as VerwerkingStatus
from registers.forms import FORMULIER_VELDEN
from registers.models import Verwerking, VerwerkingVersie
from registers.openbaar import OPENBARE_KOLOMMEN
from registers.selectors import openbare_versies
from registers.services import VELD_LABELS
from registers.volledigheid import ontbrekende_velden

from .constants import Soort
from .selectors import bevindingen_van, thema_voor

KWARTAAL_VOLGORDE = ("datalekken", "verzoeken", "dpia", "registers")
JAAR_VOLGORDE = ("registers", "datalekken", "verzoeken", "dpia", "overeenkomsten")
GEGEVENSSTAND_VERSIE = 1


def _naam(user):
    return user.get_full_name() or user.get_username()


def _basis(rapportage, nu, titel):
    return {
        "titel": titel,
        "gemeente": rapportage.gemeente,
        "thema": thema_voor(rapportage.gemeente),
        "rapportage": rapportage,
        "periode": Periode(rapportage.periode_van, rapportage.periode_tot),
        "gegenereerd_op": nu,
        "gegenereerd_door": _naam(rapportage.aangevraagd_door),
    }


def _stand(rapportage, nu, *, bronnen, cijfers):
    return {
        "versie": GEGEVENSSTAND_VERSIE,
        "gemaakt_op": nu.isoformat(),
        "soort": rapportage.soort,
        "gemeente": rapportage.gemeente.slug,
        "periode": {"van": rapportage.periode_van.isoformat(), "tot": rapportage.periode_tot.isoformat()},
        "bronnen": bronnen,
        "cijfers": cijfers,
    }


def _blokken(secties, volgorde):
    """The sections in the report's order; an expected register without a source becomes a placeholder."""
    per_sleutel = {}
    for sectie in secties:
        per_sleutel.setdefault(sectie.sleutel, []).append(sectie)
    blokken = []
    for sleutel in volgorde:
        if sleutel in per_sleutel:
            blokken.extend({"sectie": s, "beschikbaar": True} for s in per_sleutel.pop(sleutel))
        else:
            blokken.append({"sleutel": sleutel, "titel": BEKENDE_SECTIES[sleutel], "beschikbaar": False})
    for rest in per_sleutel.values():  # sources the report does not know by name still appear
        blokken.extend({"sectie": s, "beschikbaar": True} for s in rest)
    return blokken


def _uit_secties(rapportage, nu, secties):
    bronnen = {f"{s.sleutel}.{naam}": stand for s in secties for naam, stand in s.stand.items()}
    cijfers = {s.sleutel: {c.sleutel or c.label: c.waarde for c in s.cijfers} for s in secties}
    return _stand(rapportage, nu, bronnen=bronnen, cijfers=cijfers)


def kwartaalevaluatie(rapportage, nu, voortgang):
    periode = Periode(rapportage.periode_van, rapportage.periode_tot)
    secties = verzamel([rapportage.gemeente], nu, periode=periode)
    voortgang(30)
    context = _basis(rapportage, nu, f"Kwartaalevaluatie privacy {rapportage.gemeente.naam}, {periode.label}")
    context["blokken"] = _blokken(secties, KWARTAAL_VOLGORDE)
    stand = _uit_secties(rapportage, nu, secties)
    context["stand"] = stand
    return "reports/rapportages/kwartaalevaluatie.html", context, stand


def _cijfer(secties, sleutel, cijfer):
    for sectie in secties:
        if sectie.sleutel == sleutel:
            for c in sectie.cijfers:
                if c.sleutel == cijfer:
                    return c
    return None


def jaarverslag(rapportage, nu, voortgang):
    periode = Periode(rapportage.periode_van, rapportage.periode_tot)
    secties = verzamel([rapportage.gemeente], nu, periode=periode)
    voortgang(30)
    jaar = rapportage.periode_tot.year
    context = _basis(
        rapportage, nu, f"Jaarverslag van de FG aan het college, {rapportage.gemeente.naam} {periode.label}"
    )
    context.update(
        {
            "jaar": jaar,
            "blokken": _blokken(secties, JAAR_VOLGORDE),
            "bevindingen": bevindingen_van(rapportage.gemeente, jaar),
            "kern": [
                c
                for c in (
                    _cijfer(secties, "registers", "volledigheid"),
                    _cijfer(secties, "registers", "zonder_vastgestelde_versie"),
                    _cijfer(secties, "registers", "dpia_ontbreekt"),
                    _cijfer(secties, "datalekken", "periode_gemeld"),
                    _cijfer(secties, "datalekken", "periode_gemeld_ap"),
                    _cijfer(secties, "datalekken", "periode_op_tijd"),
                    _cijfer(secties, "datalekken", "periode_te_laat"),
                )
                if c is not None
            ],
        }
    )
    stand = _uit_secties(rapportage, nu, secties)
    context["stand"] = stand
    return "reports/rapportages/jaarverslag.html", context, stand


def _hoofdletter(tekst):
    return tekst[:1].upper() + tekst[1:]


def _ja_nee(waarde):
    return "ja" if waarde else "nee"


def _veld_tekst(verwerking, veld):
    waarde = getattr(verwerking, veld)
    if veld == "team":
        afdeling = waarde.afdeling.naam if waarde.afdeling_id else ""
        return f"{waarde.naam} ({afdeling})" if afdeling else waarde.naam
    if veld == "verwerkingsverantwoordelijke":
        delen = [waarde.naam, waarde.adres, waarde.email, waarde.telefoon]
        return ", ".join(d for d in delen if d)
    if veld == "grondslagen":
        return "; ".join(verwerking.grondslagen_labels) or "—"
    if veld == "bijzondere_categorieen":
        return "; ".join(verwerking.bijzondere_labels) or "geen"
    if veld == "dpia_status":
        return verwerking.get_dpia_status_display()
    if isinstance(waarde, bool):
        return _ja_nee(waarde)
    return waarde if waarde not in (None, "") else "—"


JA_NEE_VELDEN = (
    "strafrechtelijke_gegevens",
    "gebruikt_bsn",
    "doorgifte_buiten_eer",
    "geautomatiseerde_besluitvorming",
    "algoritme_of_ai",
)


def _register_rij(v):
    """One verwerking of the full register: a status line, the yes/no answers in one line, every other field."""
    if v.gepubliceerde_versie_id:
        versie = v.gepubliceerde_versie
        vastgesteld = f"versie {versie.volgnummer}, vastgesteld {timezone.localtime(versie.vastgesteld_op):%d-%m-%Y}"
    else:
        vastgesteld = "nog niet vastgesteld"
    status = (
        f"{v.get_status_display()} · {v.volledigheid}% volledig · {vastgesteld} · "
        f"gewijzigd {timezone.localtime(v.gewijzigd_op):%d-%m-%Y}"
    )
    ja_nee = " · ".join(f"{VELD_LABELS[veld]}: {_ja_nee(getattr(v, veld))}" for veld in JA_NEE_VELDEN)
    velden = [
        (_hoofdletter(str(VELD_LABELS[veld])), _veld_tekst(v, veld))
        for veld in FORMULIER_VELDEN
        if veld not in JA_NEE_VELDEN
    ]
    ontbrekend = [str(VELD_LABELS.get(veld, veld)) for veld in ontbrekende_velden(v)]
    velden.append(("Ontbrekende verplichte velden", ", ".join(ontbrekend) or "geen"))
    return {"naam": v.naam, "uuid": str(v.uuid), "status": status, "ja_nee": ja_nee, "velden": velden}


def register(rapportage, nu, voortgang):
    """Art. 30(4): the full register, every field including the internal ones, of every active verwerking."""
    gemeente = rapportage.gemeente
    alle = Verwerking.objects.filter(gemeente=gemeente)
    verwerkingen = list(
        alle.exclude(status=VerwerkingStatus.GEARCHIVEERD)
        .select_related("team__afdeling", "verwerkingsverantwoordelijke", "gepubliceerde_versie")
        .order_by("naam", "pk")
    )
    voortgang(10)
    rijen = []
    stap = max(1, len(verwerkingen) // 10)
    for i, v in enumerate(verwerkingen, 1):
        rijen.append(_register_rij(v))
        if i % stap == 0:
            voortgang(10 + 25 * i // len(verwerkingen))
    gearchiveerd = alle.filter(status=VerwerkingStatus.GEARCHIVEERD).count()
    context = _basis(rapportage, nu, f"Register van verwerkingen {gemeente.naam}")
    context.update(
        {
            "verwerkingen": rijen,
            "gearchiveerd": gearchiveerd,
            "verantwoordelijken": gemeente.verantwoordelijken.order_by("naam"),
        }
    )
    stand = _stand(
        rapportage,
        nu,
        bronnen={
            "registers.verwerkingen": stand_van_historie(Verwerking, [gemeente]),
            "registers.vastgestelde_versies": stand_van_historie(
                VerwerkingVersie, [gemeente], veld="verwerking__gemeente__in"
            ),
        },
        cijfers={"registers": {"verwerkingen_in_rapport": len(rijen), "gearchiveerd_niet_opgenomen": gearchiveerd}},
    )
    context["stand"] = stand
    return "reports/rapportages/register.html", context, stand


def register_openbaar(rapportage, nu, voortgang):
    """The public register: only the whitelisted public fields of the current approved versions."""
    gemeente = rapportage.gemeente
    versies = list(openbare_versies(gemeente))
    voortgang(15)
    rijen = [
        {"naam": v.naam, "velden": [(label, waarde(v) or "—") for label, waarde in OPENBARE_KOLOMMEN]} for v in versies
    ]
    verantwoordelijken = {v.verwerkingsverantwoordelijke_id: v.verwerkingsverantwoordelijke for v in versies}
    context = _basis(rapportage, nu, f"Openbaar register van verwerkingen {gemeente.naam}")
    context.update(
        {
            "verwerkingen": rijen,
            "verantwoordelijken": sorted(verantwoordelijken.values(), key=lambda vv: vv.naam),
        }
    )
    stand = _stand(
        rapportage,
        nu,
        bronnen={
            "registers.vastgestelde_versies": stand_van_historie(
                VerwerkingVersie, [gemeente], veld="verwerking__gemeente__in"
            )
        },
        cijfers={"registers": {"openbare_verwerkingen": len(rijen)}},
    )
    context["stand"] = stand
    return "reports/rapportages/register_openbaar.html", context, stand


MAKERS = {
    Soort.KWARTAALEVALUATIE: kwartaalevaluatie,
    Soort.JAARVERSLAG: jaarverslag,
    Soort.REGISTER: register,
    Soort.REGISTER_OPENBAAR: register_openbaar,
}


def maak_context(rapportage, nu, *, voortgang=lambda procent: None):
    return MAKERS[rapportage.soort](rapportage, nu, voortgang)
