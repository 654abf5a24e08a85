"""Every write to the DPIA-register goes through a function here.

Each checks the permission on the server, locks the row and checks the version the user saw
(`privacy_portal.core.schrijven.vergrendel`: a stale edit or decision raises VersieConflict),
checks the transition against workflow.WORKFLOW, validates (one ValidationError with every invalid field), saves with a
history reason and the acting user, recomputes stored dates, and notifies through
`mijlpaal_bereiken` (once per object and milestone).

The verwerking's own `dpia_status` field is not written here: changing a verwerking goes through
registers.services.verwerking_wijzigen, which would turn an approved verwerking back into a draft.
The register shows the DPIA status through the template tag in dpia/templatetags/dpia.py instead.
"""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from privacy_portal.core.audit import audit
from privacy_portal.core.kalender_db import bij_kalenderwijziging, huidige_kalender
from privacy_portal.core.models import AuditEvent
from privacy_portal.core.permissions import vereis
from privacy_portal.core.schrijven import opslaan, vergrendel
from privacy_portal.notificaties.models import Soort
from privacy_portal.notificaties.services import stap_melden
from privacy_portal.organisaties.models import Team
from privacy_portal.organisaties.rollen import Rol
from privacy_portal.organisaties.selectors import gebruikers_met_rol, rollen_in
from registers.constants import BijzondereCategorie, Grondslag
from registers.models import Verwerking

from . import selectors
from .constants import (
    AP_NUMMERS,
    HERBEOORDELING_VELDEN,
    NIVEAU_VOLGORDE,
    OPEN_STATUSSEN,
    Criterium,
    Deel,
    FgOordeel,
    MaatregelStatus,
    Niveau,
    SoortMaatregel,
    Status,
    Uitkomst,
)
from .deadlines import hercontrole_datum, raadpleging_deadline
from .formulier import voorinvullen
from .models import Dpia, DpiaDelegatie, DpiaVerwerking, Maatregel, Risico, Vragenlijst
from .regels import criteria_uit_feiten, feiten_uit_register, hoogste, prescan_uitkomst, risiconiveau
from .uitwisseling import EXTENSIE, datum_uit
from .vragenlijst import URN_DPIA, definitie_van, is_portaal_taak, taken_index, urn_met_versie
from .workflow import WORKFLOW

BRON_REGISTER = "Privacy Portal (uit het register)"


# --- helpers -------------------------------------------------------------------------------------


def naam(user):
    return (user.get_full_name() or user.get_username()) if user else "Privacy Portal"


def _vergrendeld(dpia, versie):
    """Lock the DPIA for this transaction and check the version the user saw (VersieConflict)."""
    return vergrendel(dpia, versie=versie, related=("gemeente", "team"))


def _link(dpia):
    return reverse("dpia:detail", kwargs={"uuid": dpia.uuid})


def _verplicht(fouten, veld, waarde, tekst):
    if not (waarde or "").strip():
        fouten[veld] = tekst


def _vandaag(nu):
    return timezone.localdate(nu)


def _versie_erbij(dpia, nu, toelichting):
    dpia.versielog = [
        *dpia.versielog,
        {
            "versie": f"{dpia.versie}.{len(dpia.versielog)}",
            "datum": _vandaag(nu).isoformat(),
            "toelichting": toelichting,
        },
    ]


def register_kenmerken(verwerking) -> dict:
    """The content a herbeoordeling watches (purposes, data, recipients, technology), comparable as JSON."""
    kenmerken = {veld: getattr(verwerking, veld) for veld in HERBEOORDELING_VELDEN}
    kenmerken["bijzondere_categorieen"] = sorted(kenmerken["bijzondere_categorieen"] or [])
    return kenmerken


def _laatste_versie(verwerking):
    return verwerking.versies.order_by("-volgnummer").first()


def _basis_vastleggen(koppeling, door):
    """Record the register's current content and latest approved version as the DPIA's basis."""
    versie = _laatste_versie(koppeling.verwerking)
    koppeling.basis_versie = versie
    koppeling.basis_versie_uuid = versie.uuid if versie else None
    koppeling.basis_kenmerken = register_kenmerken(koppeling.verwerking)
    opslaan(koppeling, door=door, reden="Gebaseerd op het register")


def _basis_bijwerken(dpia, door):
    for koppeling in dpia.koppelingen.select_related("verwerking"):
        _basis_vastleggen(koppeling, door)


def _ja_nee(waarde):
    return "ja" if waarde else "nee"


def register_waarden(verwerkingen) -> dict:
    """Answers the register already holds, keyed by the Model DPIA's task ids (see vragenlijst.py)."""
    verwerkingen = list(verwerkingen)
    meer = len(verwerkingen) > 1

    def per(functie):
        delen = [(v.naam, functie(v)) for v in verwerkingen]
        delen = [(n, t) for n, t in delen if t]
        return "\n".join(f"{n}: {t}" if meer else t for n, t in delen)

    persoonsgegevens = []
    for v in verwerkingen:
        if v.categorieen_persoonsgegevens:
            persoonsgegevens.append(
                {
                    "2.1.1": v.categorieen_persoonsgegevens,
                    "2.1.2": v.categorieen_betrokkenen,
                    "2.1.3": "Gewone persoonsgegevens",
                    "2.1.4": "gewoon",
                }
            )
        for code in v.bijzondere_categorieen or []:
            if code in BijzondereCategorie.values:
                persoonsgegevens.append(
                    {
                        "2.1.1": BijzondereCategorie(code).label,
                        "2.1.2": v.categorieen_betrokkenen,
                        "2.1.3": "Bijzondere persoonsgegevens",
                        "2.1.4": "bijzonder",
                    }
                )
        if v.strafrechtelijke_gegevens:
            persoonsgegevens.append(
                {"2.1.1": "Strafrechtelijke gegevens", "2.1.2": v.categorieen_betrokkenen, "2.1.4": "strafrechtelijk"}
            )
        if v.gebruikt_bsn:
            persoonsgegevens.append(
                {
                    "2.1.1": "Burgerservicenummer (BSN)",
                    "2.1.2": v.categorieen_betrokkenen,
                    "2.1.4": "nationaal identificatienummer",
                }
            )
    return {
        "1.1": "Deze DPIA gaat over " + ", ".join(v.naam for v in verwerkingen) + ".\n" + per(lambda v: v.doeleinden),
        "2.1": persoonsgegevens,
        "2.3": per(lambda v: f"Herkomst: {v.herkomst}" if v.herkomst else ""),
        "3.1": [{"3.1.1": v.naam, "3.1.2": v.doeleinden} for v in verwerkingen],
        "4": per(
            lambda v: (
                f"Profilering of geautomatiseerde besluitvorming: {_ja_nee(v.geautomatiseerde_besluitvorming)}. "
                f"Algoritmen of AI: {_ja_nee(v.algoritme_of_ai)}."
                + (f" Verwerkers: {v.verwerkers}" if v.verwerkers else "")
            )
        ),
        "5.1": [{"5.1.1": v.doeleinden} for v in verwerkingen if v.doeleinden],
        "6.2": per(
            lambda v: "; ".join(
                t
                for t in (
                    f"Verwerkingsverantwoordelijke: {v.verwerkingsverantwoordelijke.naam}",
                    f"Gezamenlijke verantwoordelijken: {v.gezamenlijke_verantwoordelijken}"
                    if v.gezamenlijke_verantwoordelijken
                    else "",
                    f"Verwerkers: {v.verwerkers}" if v.verwerkers else "",
                    f"Ontvangers: {v.ontvangers}" if v.ontvangers else "",
                )
                if t
            )
        ),
        "8.2": per(
            lambda v: (
                f"Doorgifte buiten de EER: {_ja_nee(v.doorgifte_buiten_eer)}."
                + (f" {v.doorgifte_waarborgen}" if v.doorgifte_waarborgen else "")
            )
        ),
        "9.2": per(lambda v: v.grondslag_toelichting),
        "10.2": per(lambda v: v.bewaartermijn),
        "11.2": per(
            lambda v: (
                "; ".join(Grondslag(c).label for c in v.grondslagen if c in Grondslag.values)
                + (f". {v.grondslag_toelichting}" if v.grondslag_toelichting else "")
            )
        ),
        "12.1.1": "true" if any(v.bijzondere_categorieen for v in verwerkingen) else "false",
        "12.2.1": "true" if any(v.strafrechtelijke_gegevens for v in verwerkingen) else "false",
        "12.3.1": "true" if any(v.gebruikt_bsn for v in verwerkingen) else "false",
    }


def _voorinvullen(dpia, verwerkingen, nu):
    dpia.antwoorden, _ = voorinvullen(
        definitie_van(dpia), dpia.antwoorden, register_waarden(verwerkingen), nu=nu, bron=BRON_REGISTER
    )


def _herbereken_restrisico(dpia):
    dpia.restrisico = hoogste(dpia.risicos.values_list("restrisico", flat=True))


def _stap(dpia, stap, ontvangers, onderwerp, tekst, door, nu=None, soort=Soort.ACTIE):
    """Tell the next person(s) about a step taken on this DPIA (never the person who took it)."""
    return stap_melden(
        obj=dpia,
        stap=stap,
        ontvangers=ontvangers,
        onderwerp=onderwerp,
        tekst=tekst,
        link=_link(dpia),
        door=door,
        nu=nu,
        soort=soort,
    )


# --- starting and the pre-scan -------------------------------------------------------------------


@transaction.atomic
def dpia_starten(*, door, verwerkingen, titel="", team=None, vragenlijst=None, nu=None):
    """Start a pre-scan for one or more verwerkingen of one gemeente; answers come prefilled from the register."""
    nu = nu or timezone.now()
    verwerkingen = list(verwerkingen)
    fouten = {}
    if not verwerkingen:
        raise ValidationError({"verwerkingen": "Kies ten minste één verwerking."})
    gemeente = verwerkingen[0].gemeente
    if any(v.gemeente_id != gemeente.pk for v in verwerkingen):
        fouten["verwerkingen"] = "Kies verwerkingen van één gemeente."
    team = team or verwerkingen[0].team
    if not isinstance(team, Team) or team.gemeente_id != gemeente.pk:
        fouten["team"] = "Kies een team van deze gemeente."
    if vragenlijst is not None and vragenlijst.urn != URN_DPIA:
        fouten["vragenlijst"] = "Kies een DPIA-vragenlijst (urn:nl:dpia)."
    if fouten:
        raise ValidationError(fouten)
    vereis(door, "dpia.add_dpia", team)
    lopend = sorted(
        {
            v.naam
            for v in Verwerking.objects.filter(pk__in=[v.pk for v in verwerkingen], dpias__status__in=OPEN_STATUSSEN)
        }
    )
    if lopend:
        raise ValidationError(
            {"verwerkingen": f"Voor {', '.join(lopend)} loopt al een pre-scan of DPIA. Werk die bij."}
        )
    dpia = Dpia(
        gemeente=gemeente,
        team=team,
        titel=(titel or "").strip() or f"DPIA {verwerkingen[0].naam}" + (" e.a." if len(verwerkingen) > 1 else ""),
        status=Status.PRESCAN,
        vragenlijst=vragenlijst,
        aangemaakt_op=nu,
        aangemaakt_door=door,
    )
    _voorinvullen(dpia, verwerkingen, nu)
    opslaan(dpia, door=door, reden="Pre-scan gestart")
    for verwerking in verwerkingen:
        koppeling = DpiaVerwerking(dpia=dpia, verwerking=verwerking)
        _basis_vastleggen(koppeling, door)
    return dpia


@transaction.atomic
def prescan_vastleggen(
    *,
    dpia,
    door,
    criteria,
    ap_lijst,
    uitvoeren=None,
    motivering="",
    nieuwe_wetgeving=False,
    risicoscore=None,
    digitale_dienst_minderjarigen=False,
    hoog_risico_algoritme=False,
    nu=None,
    versie=None,
):
    """Record the pre-scan: the outcome follows from the criteria, the AP list and the register's facts.

    Also the MinBZK pre-scan's own triggers: new legislation in scope and a sum of risk scores above
    4 make a DPIA mandatory. Its answers on minors and algorithms are kept with the facts, so the
    result can show the other assessments it points to (`regels.andere_assessments`).

    The register's facts settle some criteria (they are added, not asked again). A mandatory or
    required DPIA cannot be skipped; not doing a recommended one needs a reason.
    """
    nu = nu or timezone.now()
    dpia = _vergrendeld(dpia, versie)
    vereis(door, "dpia.change_dpia", dpia)
    WORKFLOW.controleer("prescan", dpia.status)
    fouten = {}
    criteria = list(criteria or [])
    if not set(criteria) <= set(Criterium.values):
        fouten["criteria"] = f"Kies alleen uit: {', '.join(Criterium.values)}."
    try:
        ap_lijst = sorted({int(n) for n in (ap_lijst or [])})
    except (TypeError, ValueError):
        ap_lijst = None
    if ap_lijst is None or not set(ap_lijst) <= set(AP_NUMMERS):
        fouten["ap_lijst"] = "Kies nummers van 1 tot en met 17 van de lijst van de AP."
    if risicoscore is not None and (
        isinstance(risicoscore, bool) or not isinstance(risicoscore, int) or not 0 <= risicoscore <= 100
    ):
        fouten["risicoscore"] = (
            "Vul de som van de risicoscores in als geheel getal van 0 tot en met 100, of laat het leeg."
        )
    if fouten:
        raise ValidationError(fouten)
    verwerkingen = list(dpia.verwerkingen.select_related("verwerkingsverantwoordelijke"))
    feiten = feiten_uit_register(verwerkingen)
    feiten.update(
        nieuwe_wetgeving=bool(nieuwe_wetgeving),
        risicoscore=risicoscore,
        digitale_dienst_minderjarigen=bool(digitale_dienst_minderjarigen),
        hoog_risico_algoritme=bool(hoog_risico_algoritme),
    )
    vast = criteria_uit_feiten(feiten)
    alle_criteria = [c for c in Criterium.values if c in set(criteria) | set(vast)]
    uitkomst, redenen = prescan_uitkomst(
        alle_criteria,
        ap_lijst,
        ai=feiten["algoritme_of_ai"],
        nieuwe_wetgeving=feiten["nieuwe_wetgeving"],
        risicoscore=risicoscore,
    )
    motivering = (motivering or "").strip()
    if uitkomst in (Uitkomst.VERPLICHT, Uitkomst.VEREIST):
        if uitvoeren is False:
            fouten["uitvoeren"] = (
                f"De uitkomst is '{Uitkomst(uitkomst).label.lower()}': de DPIA kan niet worden overgeslagen."
            )
        uitvoeren = True
    elif uitkomst == Uitkomst.AANBEVOLEN:
        uitvoeren = True if uitvoeren is None else uitvoeren
        if not uitvoeren and not motivering:
            fouten["motivering"] = "Een DPIA is aanbevolen. Leg vast waarom u hem niet uitvoert."
    else:
        uitvoeren = bool(uitvoeren)
    if fouten:
        raise ValidationError(fouten)
    dpia.prescan_criteria = alle_criteria
    dpia.prescan_ap_lijst = ap_lijst
    dpia.prescan_feiten = feiten
    dpia.prescan_uitkomst = uitkomst
    dpia.prescan_redenen = redenen
    dpia.prescan_op = nu
    dpia.prescan_door = door
    dpia.uitvoeren = uitvoeren
    dpia.besluit_motivering = motivering
    dpia.status = Status.IN_UITVOERING if uitvoeren else Status.NIET_NODIG
    dpia.herbeoordeling_nodig = False
    dpia.herbeoordeling_reden = ""
    if uitvoeren:
        _voorinvullen(dpia, verwerkingen, nu)
    _basis_bijwerken(dpia, door)
    besluit = "DPIA wordt uitgevoerd" if uitvoeren else "geen DPIA"
    opslaan(dpia, door=door, reden=f"Pre-scan: {Uitkomst(uitkomst).label.lower()}; {besluit}")
    return dpia


# --- filling in ----------------------------------------------------------------------------------


def _vereis_deel(door, dpia, deel):
    if not selectors.mag_deel_invullen(door, dpia, deel):
        vereis(door, "dpia.change_dpia", dpia)


def _valideer_antwoorden(definitie, antwoorden):
    """Keys must be tasks of the definition (and not ones the portal fills); values answer objects or groups."""
    index = taken_index(definitie)
    fouten = []
    for sleutel, waarde in antwoorden.items():
        taak_id = sleutel.split("[", 1)[0]
        if taak_id not in index:
            fouten.append(f"{sleutel}: deze vraag bestaat niet in de vragenlijst.")
        elif is_portaal_taak(taak_id):
            fouten.append(
                f"{sleutel}: dit onderdeel vult het portaal zelf (risico's, maatregelen, advies, vaststelling)."
            )
        elif waarde is None:
            continue
        elif isinstance(waarde, list):
            if not all(isinstance(e, dict) for e in waarde):
                fouten.append(f"{sleutel}: een herhaalde groep is een lijst van objecten.")
        elif not isinstance(waarde, dict) or "value" not in waarde:
            fouten.append(f"{sleutel}: een antwoord is een object met 'value'.")
        elif not (waarde["value"] is None or isinstance(waarde["value"], str | list)):
            fouten.append(f"{sleutel}: de waarde is tekst, een lijst van teksten of leeg.")
    if fouten:
        raise ValidationError({"antwoorden": fouten})


@transaction.atomic
def antwoorden_opslaan(*, dpia, door, antwoorden, deel=None, samenvoegen=False, nu=None, versie=None):
    """Save answers of the questionnaire.

    deel: the part the answers belong to (A, B, C, D, S), for delegated medewerkers; None needs
    change_dpia. samenvoegen: merge (API PATCH; null removes an answer) instead of replacing.
    """
    nu = nu or timezone.now()
    dpia = _vergrendeld(dpia, versie)
    if deel is None:
        vereis(door, "dpia.change_dpia", dpia)
    else:
        _vereis_deel(door, dpia, deel)
    WORKFLOW.controleer("invullen", dpia.status)
    if not isinstance(antwoorden, dict):
        raise ValidationError({"antwoorden": "Geef de antwoorden als object, per vraagnummer."})
    _valideer_antwoorden(definitie_van(dpia), antwoorden)
    if samenvoegen:
        nieuw = dict(dpia.antwoorden)
        for sleutel, waarde in antwoorden.items():
            if waarde is None:
                nieuw.pop(sleutel, None)
            elif isinstance(waarde, dict):
                nieuw[sleutel] = {
                    "value": waarde["value"],
                    "lastEditedAt": nu.isoformat(),
                    "lastEditedBy": naam(door),
                }
            else:
                nieuw[sleutel] = waarde
        antwoorden = nieuw
    gewijzigd = sorted(k for k in set(antwoorden) | set(dpia.antwoorden) if antwoorden.get(k) != dpia.antwoorden.get(k))
    if not gewijzigd:
        return dpia
    dpia.antwoorden = antwoorden
    opslaan(
        dpia,
        door=door,
        reden="Vragenlijst ingevuld: " + ", ".join(gewijzigd[:12]) + (" …" if len(gewijzigd) > 12 else ""),
    )
    return dpia


@transaction.atomic
def titel_wijzigen(*, dpia, door, titel, versie=None):
    dpia = _vergrendeld(dpia, versie)
    vereis(door, "dpia.change_dpia", dpia)
    if not (titel or "").strip():
        raise ValidationError({"titel": "Geef de DPIA een titel."})
    if dpia.titel != titel.strip():
        dpia.titel = titel.strip()
        opslaan(dpia, door=door, reden="Titel gewijzigd")
    return dpia


RISICO_VELDEN = (
    "beschrijving",
    "oorsprong",
    "kans",
    "kans_motivering",
    "impact",
    "impact_motivering",
    "restrisico",
    "restrisico_motivering",
)


def _valideer_risico(gegevens):
    fouten = {}
    _verplicht(fouten, "beschrijving", gegevens.get("beschrijving"), "Beschrijf het risico.")
    for veld, tekst in (("kans", "Kies de kans."), ("impact", "Kies de impact.")):
        if gegevens.get(veld) not in Niveau.values:
            fouten[veld] = tekst
    restrisico = gegevens.get("restrisico") or ""
    if restrisico and restrisico not in Niveau.values:
        fouten["restrisico"] = "Kies laag, gemiddeld of hoog."
    elif restrisico and not fouten:
        niveau = risiconiveau(gegevens["kans"], gegevens["impact"])
        if NIVEAU_VOLGORDE[Niveau(restrisico)] > NIVEAU_VOLGORDE[Niveau(niveau)]:
            fouten["restrisico"] = (
                f"Het restrisico kan niet hoger zijn dan het risico zelf ({Niveau(niveau).label.lower()})."
            )
    if restrisico and not (gegevens.get("restrisico_motivering") or "").strip():
        fouten["restrisico_motivering"] = "Motiveer het restrisico: welke maatregelen verkleinen het risico?"
    if fouten:
        raise ValidationError(fouten)


@transaction.atomic
def risico_opslaan(*, dpia, door, gegevens, risico=None, versie=None):
    """Add a risk (risico=None) or change one; the level follows from the matrix, the DPIA's residual risk too.

    versie: the version of the risk the user changes (of the DPIA when adding one).
    """
    dpia = _vergrendeld(dpia, None if risico is not None else versie)
    _vereis_deel(door, dpia, Deel.C)
    WORKFLOW.controleer("invullen", dpia.status)
    onbekend = set(gegevens) - set(RISICO_VELDEN)
    if onbekend:
        raise ValidationError({veld: "Dit veld bestaat niet." for veld in onbekend})
    if risico is not None and risico.dpia_id != dpia.pk:
        raise ValidationError({"risico": "Dit risico hoort niet bij deze DPIA."})
    if risico is not None:
        risico = vergrendel(risico, versie=versie)
    samen = {veld: getattr(risico, veld) for veld in RISICO_VELDEN} if risico else {}
    samen.update({k: (v.strip() if isinstance(v, str) else v) for k, v in gegevens.items()})
    _valideer_risico(samen)
    if risico is None:
        laatste = dpia.risicos.order_by("-nummer").values_list("nummer", flat=True).first() or 0
        risico = Risico(dpia=dpia, nummer=laatste + 1)
        reden = f"Risico R{laatste + 1} toegevoegd"
    else:
        reden = f"Risico {risico.code} gewijzigd"
    for veld in RISICO_VELDEN:
        setattr(risico, veld, samen.get(veld) or "")
    risico.niveau = risiconiveau(risico.kans, risico.impact)
    opslaan(risico, door=door, reden=reden)
    _herbereken_restrisico(dpia)
    opslaan(dpia, door=door, reden=reden)
    return risico


@transaction.atomic
def risico_verwijderen(*, dpia, door, risico, versie=None):
    """Delete a risk; versie: the version of the risk the user saw."""
    dpia = _vergrendeld(dpia, None)
    _vereis_deel(door, dpia, Deel.C)
    WORKFLOW.controleer("invullen", dpia.status)
    if risico.dpia_id != dpia.pk:
        raise ValidationError({"risico": "Dit risico hoort niet bij deze DPIA."})
    risico = vergrendel(risico, versie=versie)
    code = risico.code
    for maatregel in risico.maatregelen.all():
        maatregel.risico = None
        opslaan(maatregel, door=door, reden=f"Risico {code} verwijderd")
    risico._history_user = door
    risico.delete()
    _herbereken_restrisico(dpia)
    opslaan(dpia, door=door, reden=f"Risico {code} verwijderd")


MAATREGEL_VELDEN = ("beschrijving", "soort", "risico", "eigenaar", "deadline", "status", "toelichting")
# After the DPIA is submitted, a measure's follow-up can still be recorded.
OPVOLG_VELDEN = ("deadline", "status", "toelichting")


@transaction.atomic
def maatregel_opslaan(*, dpia, door, gegevens, maatregel=None, nu=None, versie=None):
    """Add a measure (while filling in) or change one; after submission only due date, status and note change.

    The owner of a measure may record its progress; everything else needs the right to fill in part D.
    versie: the version of the measure the user changes (of the DPIA when adding one).
    """
    nu = nu or timezone.now()
    dpia = _vergrendeld(dpia, None if maatregel is not None else versie)
    onbekend = set(gegevens) - set(MAATREGEL_VELDEN)
    if onbekend:
        raise ValidationError({veld: "Dit veld bestaat niet." for veld in onbekend})
    if maatregel is not None and maatregel.dpia_id != dpia.pk:
        raise ValidationError({"maatregel": "Deze maatregel hoort niet bij deze DPIA."})
    if maatregel is not None:
        maatregel = vergrendel(maatregel, versie=versie, related=("eigenaar",))
    alleen_opvolging = set(gegevens) <= set(OPVOLG_VELDEN)
    if maatregel is not None and alleen_opvolging and maatregel.eigenaar_id == door.pk:
        vereis(door, "dpia.view_dpia", dpia)
    else:
        _vereis_deel(door, dpia, Deel.D)
    if maatregel is None or not alleen_opvolging:
        WORKFLOW.controleer("invullen", dpia.status)
    else:
        WORKFLOW.controleer("maatregel", dpia.status)
    samen = {veld: getattr(maatregel, veld) for veld in MAATREGEL_VELDEN} if maatregel else {}
    samen.update(gegevens)
    samen.setdefault("status", MaatregelStatus.GEPLAND)
    fouten = {}
    _verplicht(fouten, "beschrijving", samen.get("beschrijving"), "Beschrijf de maatregel.")
    if samen.get("soort") not in SoortMaatregel.values:
        fouten["soort"] = "Kies technisch, organisatorisch of juridisch."
    if samen.get("status") not in MaatregelStatus.values:
        fouten["status"] = "Kies een status."
    risico = samen.get("risico")
    if risico is not None and (not isinstance(risico, Risico) or risico.dpia_id != dpia.pk):
        fouten["risico"] = "Kies een risico van deze DPIA."
    eigenaar = samen.get("eigenaar")
    if eigenaar is None or not selectors.mogelijke_eigenaren(dpia.gemeente).filter(pk=eigenaar.pk).exists():
        fouten["eigenaar"] = "Kies als eigenaar iemand met een rol in deze gemeente."
    if not isinstance(samen.get("deadline"), date):
        fouten["deadline"] = "Vul in wanneer de maatregel uiterlijk gereed is."
    if fouten:
        raise ValidationError(fouten)
    if maatregel is None:
        laatste = dpia.maatregelen.order_by("-nummer").values_list("nummer", flat=True).first() or 0
        maatregel = Maatregel(dpia=dpia, nummer=laatste + 1)
        reden = f"Maatregel M{laatste + 1} toegevoegd"
    else:
        reden = f"Maatregel {maatregel.code} bijgewerkt"
    oude_status = maatregel.status if maatregel.pk else None
    for veld in MAATREGEL_VELDEN:
        waarde = samen.get(veld)
        setattr(maatregel, veld, waarde if waarde is not None or veld in ("risico",) else "")
    if maatregel.status == MaatregelStatus.GEREED and oude_status != MaatregelStatus.GEREED:
        maatregel.gereed_op = _vandaag(nu)
    elif maatregel.status != MaatregelStatus.GEREED:
        maatregel.gereed_op = None
    opslaan(maatregel, door=door, reden=reden)
    opslaan(dpia, door=door, reden=reden)
    return maatregel


@transaction.atomic
def maatregel_verwijderen(*, dpia, door, maatregel, versie=None):
    """Delete a measure; versie: the version of the measure the user saw."""
    dpia = _vergrendeld(dpia, None)
    _vereis_deel(door, dpia, Deel.D)
    WORKFLOW.controleer("invullen", dpia.status)
    if maatregel.dpia_id != dpia.pk:
        raise ValidationError({"maatregel": "Deze maatregel hoort niet bij deze DPIA."})
    maatregel = vergrendel(maatregel, versie=versie)
    code = maatregel.code
    maatregel._history_user = door
    maatregel.delete()
    opslaan(dpia, door=door, reden=f"Maatregel {code} verwijderd")


# --- advice and acceptance -----------------------------------------------------------------------


def indien_bezwaren(dpia):
    """What is missing before the DPIA can go to the FG; empty when it can."""
    bezwaren = {}
    index = taken_index(definitie_van(dpia))
    antwoorden = dpia.antwoorden or {}

    def leeg(taak_id):
        return taak_id in index and not (antwoorden.get(taak_id) or {}).get("value")

    if leeg("1.1"):
        bezwaren["1.1"] = "Beschrijf het voorstel (§ 1)."
    if leeg("14.1") or leeg("14.2"):
        bezwaren["14"] = "Beoordeel de noodzaak en evenredigheid (§ 14)."
    if leeg("18"):
        bezwaren["18"] = "Schrijf de managementsamenvatting."
    risicos = list(dpia.risicos.all())  # prefetch risicos__maatregelen to keep lists flat
    if not risicos:
        bezwaren["risicos"] = "Beschrijf ten minste één risico voor betrokkenen (§ 16)."
    zonder_rest = [r.code for r in risicos if not r.restrisico]
    if zonder_rest:
        bezwaren["restrisico"] = f"Geef het restrisico na maatregelen bij {', '.join(zonder_rest)} (§ 17)."
    zonder_maatregel = [r.code for r in risicos if r.niveau != Niveau.LAAG and not r.maatregelen.all()]
    if zonder_maatregel:
        bezwaren["maatregelen"] = f"Leg maatregelen vast tegen {', '.join(zonder_maatregel)} (§ 17)."
    return bezwaren


@transaction.atomic
def advies_vragen(*, dpia, door, nu=None, versie=None):
    """Submit the DPIA to the FG (and the CISO) for advice."""
    nu = nu or timezone.now()
    dpia = _vergrendeld(dpia, versie)
    vereis(door, "dpia.change_dpia", dpia)
    dpia.status = WORKFLOW.controleer("advies_vragen", dpia.status)
    bezwaren = indien_bezwaren(dpia)
    if bezwaren:
        raise ValidationError(bezwaren)
    dpia.adviesronde += 1
    _versie_erbij(dpia, nu, "Ter advies aan de FG")
    opslaan(dpia, door=door, reden="Ter advies aan de FG")
    _stap(
        dpia,
        "ter_advies",
        gebruikers_met_rol(dpia.gemeente, Rol.FG, Rol.CISO),
        f"{dpia.kenmerk}: DPIA ter advies",
        "Een DPIA is klaar voor advies. De FG legt het advies vast; de CISO kan beveiligingsadvies geven.",
        door,
        nu,
    )
    return dpia


@transaction.atomic
def beveiligingsadvies_geven(*, dpia, door, advies, nu=None, versie=None):
    nu = nu or timezone.now()
    dpia = _vergrendeld(dpia, versie)
    vereis(door, "dpia.beveiligingsadvies_dpia", dpia)
    WORKFLOW.controleer("beveiligingsadvies", dpia.status)
    if not (advies or "").strip():
        raise ValidationError({"advies": "Schrijf het beveiligingsadvies."})
    dpia.beveiligingsadvies = advies.strip()
    dpia.beveiligingsadvies_op = nu
    dpia.beveiligingsadvies_door = door
    opslaan(dpia, door=door, reden="Beveiligingsadvies vastgelegd")
    return dpia


@transaction.atomic
def fg_advies_geven(*, dpia, door, oordeel, advies, nu=None, versie=None):
    """The FG records the advice (only the FG can); the decision about the residual risk follows."""
    nu = nu or timezone.now()
    dpia = _vergrendeld(dpia, versie)
    vereis(door, "dpia.advies_dpia", dpia)
    dpia.status = WORKFLOW.controleer("fg_advies", dpia.status)
    fouten = {}
    if oordeel not in FgOordeel.values:
        fouten["oordeel"] = "Kies positief, positief met aanbevelingen of negatief."
    _verplicht(fouten, "advies", advies, "Schrijf het advies.")
    if fouten:
        raise ValidationError(fouten)
    dpia.fg_oordeel = oordeel
    dpia.fg_advies = advies.strip()
    dpia.fg_advies_op = nu
    dpia.fg_advies_door = door
    _versie_erbij(dpia, nu, f"Advies FG: {FgOordeel(oordeel).label.lower()}")
    opslaan(dpia, door=door, reden=f"Advies FG: {FgOordeel(oordeel).label.lower()}")
    teammanagers = selectors.teammanagers(dpia.team)
    privacy_officers = gebruikers_met_rol(dpia.gemeente, Rol.PRIVACY_OFFICER)
    if dpia.restrisico == Niveau.HOOG:
        besluiters = gebruikers_met_rol(dpia.gemeente, Rol.COLLEGE, Rol.DIRECTEUR)
        tekst = (
            "De FG heeft advies gegeven. Het restrisico is hoog: het college of de directeur besluit, "
            "en blijft het hoog, dan volgt een voorafgaande raadpleging van de AP."
        )
        op_de_hoogte = teammanagers + privacy_officers
    else:
        besluiters = teammanagers
        tekst = "De FG heeft advies gegeven. De teammanager besluit over het restrisico."
        op_de_hoogte = privacy_officers
    besluiter_ids = {b.pk for b in besluiters}
    onderwerp = f"{dpia.kenmerk}: advies van de FG"
    _stap(dpia, "fg_advies", besluiters, f"{onderwerp}, besluit over het restrisico", tekst, door, nu)
    _stap(
        dpia,
        "fg_advies_uitkomst",
        [o for o in op_de_hoogte if o.pk not in besluiter_ids],
        onderwerp,
        tekst,
        door,
        nu,
        soort=Soort.UITKOMST,
    )
    return dpia


@transaction.atomic
def terugzetten(*, dpia, door, reden, versie=None):
    """Back to filling in (after advice, or to lower a high residual risk with more measures)."""
    dpia = _vergrendeld(dpia, versie)
    if not (
        door.has_perm("dpia.change_dpia", dpia)
        or (dpia.status == Status.BESLUIT and door.has_perm("dpia.accepteren_hoog_dpia", dpia))
    ):
        vereis(door, "dpia.change_dpia", dpia)
    dpia.status = WORKFLOW.controleer("terug", dpia.status)
    if not (reden or "").strip():
        raise ValidationError({"reden": "Geef aan wat er nog moet gebeuren."})
    opslaan(dpia, door=door, reden=f"Teruggezet naar invullen: {reden.strip()}")
    _stap(
        dpia,
        "terug",
        selectors.eigenaren(dpia),
        f"{dpia.kenmerk}: DPIA teruggezet, vul hem verder in",
        "De DPIA is teruggezet naar invullen. In de historie staat wat er nog moet gebeuren.",
        door,
    )
    return dpia


def _rol_label(door, dpia, hoog):
    rollen = rollen_in(door, dpia.gemeente)
    voorkeur = (Rol.COLLEGE, Rol.DIRECTEUR) if hoog else (Rol.TEAMMANAGER,)
    rol = next((r for r in voorkeur if r in rollen), None)
    return rol.label if rol else ""


@transaction.atomic
def accepteren(*, dpia, door, motivering, nu=None, versie=None):
    """Accept the residual risk: the teammanager when it is not high; when high, the college or directeur,
    and only after the prior consultation of the AP has an answer (or its term has passed)."""
    nu = nu or timezone.now()
    dpia = _vergrendeld(dpia, versie)
    hoog = dpia.restrisico == Niveau.HOOG
    vereis(door, "dpia.accepteren_hoog_dpia" if hoog else "dpia.accepteren_dpia", dpia)
    dpia.status = WORKFLOW.controleer("accepteren", dpia.status)
    fouten = {}
    _verplicht(fouten, "motivering", motivering, "Onderbouw waarom het restrisico aanvaardbaar is.")
    if not dpia.fg_advies_op:
        fouten["fg_advies"] = "Eerst moet de FG advies geven."
    if hoog and dpia.raadpleging_ingediend_op is None:
        fouten["raadpleging"] = (
            "Het restrisico is hoog. Verklein het met extra maatregelen, of leg eerst de voorafgaande "
            "raadpleging van de AP vast (art. 36 AVG)."
        )
    elif hoog and not dpia.raadpleging_antwoord_op and _vandaag(nu) <= dpia.raadpleging_deadline:
        fouten["raadpleging"] = (
            f"De AP heeft nog niet geantwoord; de termijn loopt tot en met {dpia.raadpleging_deadline:%d-%m-%Y}."
        )
    if fouten:
        raise ValidationError(fouten)
    dpia.acceptatie_motivering = motivering.strip()
    dpia.geaccepteerd_op = nu
    dpia.geaccepteerd_door = door
    dpia.geaccepteerd_als = _rol_label(door, dpia, hoog)
    dpia.afgerond_op = nu
    dpia.hercontrole_op = hercontrole_datum(_vandaag(nu))
    _versie_erbij(dpia, nu, "Vastgesteld: restrisico geaccepteerd")
    opslaan(dpia, door=door, reden=f"Restrisico ({Niveau(dpia.restrisico).label.lower()}) geaccepteerd; DPIA afgerond")
    _stap(
        dpia,
        "afgerond",
        selectors.eigenaren(dpia),
        f"{dpia.kenmerk}: restrisico geaccepteerd, DPIA afgerond",
        f"Het restrisico is geaccepteerd en de DPIA is afgerond. De hercontrole is uiterlijk "
        f"{dpia.hercontrole_op:%d-%m-%Y}. Voer de open maatregelen uit.",
        door,
        nu,
        soort=Soort.UITKOMST,
    )
    return dpia


@transaction.atomic
def raadpleging_indienen(*, dpia, door, ingediend_op, kenmerk="", toelichting="", nu=None, versie=None):
    """The college or directeur decides to consult the AP about a high residual risk (art. 36); the clock starts."""
    nu = nu or timezone.now()
    dpia = _vergrendeld(dpia, versie)
    vereis(door, "dpia.accepteren_hoog_dpia", dpia)
    dpia.status = WORKFLOW.controleer("raadpleging_indienen", dpia.status)
    fouten = {}
    if dpia.restrisico != Niveau.HOOG:
        fouten["restrisico"] = "Een voorafgaande raadpleging is alleen nodig bij een hoog restrisico."
    if not isinstance(ingediend_op, date):
        fouten["ingediend_op"] = "Vul in wanneer de raadpleging bij de AP is ingediend."
    elif ingediend_op > _vandaag(nu):
        fouten["ingediend_op"] = "Deze datum ligt in de toekomst."
    if fouten:
        raise ValidationError(fouten)
    dpia.raadpleging_ingediend_op = ingediend_op
    dpia.raadpleging_kenmerk = (kenmerk or "").strip()
    dpia.raadpleging_verlengd = False
    dpia.raadpleging_deadline = raadpleging_deadline(ingediend_op, huidige_kalender())
    dpia.raadpleging_antwoord_op = None
    dpia.raadpleging_antwoord = ""
    reden = "Voorafgaande raadpleging AP ingediend" + (
        f": {toelichting.strip()}" if (toelichting or "").strip() else ""
    )
    opslaan(dpia, door=door, reden=reden)
    _stap(
        dpia,
        "raadpleging_ap",
        selectors.eigenaren(dpia),
        f"{dpia.kenmerk}: voorafgaande raadpleging van de AP ingediend",
        f"Het restrisico blijft hoog; de DPIA is voorgelegd aan de AP. De AP antwoordt uiterlijk "
        f"{dpia.raadpleging_deadline:%d-%m-%Y}. Leg het antwoord of een verlenging vast.",
        door,
        nu,
        soort=Soort.UITKOMST,
    )
    return dpia


@transaction.atomic
def raadpleging_bijwerken(*, dpia, door, verlengd=False, antwoord_op=None, antwoord="", nu=None, versie=None):
    """Record that the AP extended its term by six weeks, or its answer."""
    nu = nu or timezone.now()
    dpia = _vergrendeld(dpia, versie)
    vereis(door, "dpia.change_dpia", dpia)
    WORKFLOW.controleer("raadpleging_bijwerken", dpia.status)
    fouten = {}
    if not verlengd and antwoord_op is None:
        fouten["antwoord_op"] = "Leg de verlenging of het antwoord van de AP vast."
    if antwoord_op is not None:
        if not isinstance(antwoord_op, date):
            fouten["antwoord_op"] = "Vul een datum in."
        elif antwoord_op < dpia.raadpleging_ingediend_op or antwoord_op > _vandaag(nu):
            fouten["antwoord_op"] = "Kies een datum tussen het indienen en vandaag."
        _verplicht(fouten, "antwoord", antwoord, "Vat het advies van de AP samen.")
    if fouten:
        raise ValidationError(fouten)
    redenen = []
    if verlengd and not dpia.raadpleging_verlengd:
        dpia.raadpleging_verlengd = True
        dpia.raadpleging_deadline = raadpleging_deadline(
            dpia.raadpleging_ingediend_op, huidige_kalender(), verlengd=True
        )
        redenen.append("AP heeft de termijn met zes weken verlengd")
    if antwoord_op is not None:
        dpia.raadpleging_antwoord_op = antwoord_op
        dpia.raadpleging_antwoord = antwoord.strip()
        redenen.append("Antwoord van de AP vastgelegd")
    if redenen:
        opslaan(dpia, door=door, reden="; ".join(redenen))
    return dpia


@bij_kalenderwijziging
def raadplegingen_herberekenen(kalender):
    """Recompute the AP answer dates of running consultations after the extra vrije dagen changed."""
    for dpia in Dpia.objects.filter(status=Status.RAADPLEGING_AP, raadpleging_ingediend_op__isnull=False):
        nieuw = raadpleging_deadline(dpia.raadpleging_ingediend_op, kalender, verlengd=dpia.raadpleging_verlengd)
        if nieuw != dpia.raadpleging_deadline:
            dpia.raadpleging_deadline = nieuw
            opslaan(dpia, door=None, reden="Antwoordtermijn AP herberekend na wijziging van de vrije dagen")


# --- follow-up -----------------------------------------------------------------------------------


@transaction.atomic
def hercontrole_vastleggen(*, dpia, door, bevinding, nu=None, versie=None):
    """The short re-check found the DPIA still fits: the next one is due three years from today."""
    nu = nu or timezone.now()
    dpia = _vergrendeld(dpia, versie)
    vereis(door, "dpia.change_dpia", dpia)
    WORKFLOW.controleer("hercontrole", dpia.status)
    if not (bevinding or "").strip():
        raise ValidationError({"bevinding": "Leg vast wat de hercontrole opleverde."})
    dpia.hercontrole_op = hercontrole_datum(_vandaag(nu))
    dpia.herbeoordeling_nodig = False
    dpia.herbeoordeling_reden = ""
    _basis_bijwerken(dpia, door)
    _versie_erbij(dpia, nu, f"Hercontrole: {bevinding.strip()}")
    opslaan(dpia, door=door, reden=f"Hercontrole vastgelegd: {bevinding.strip()}")
    return dpia


@transaction.atomic
def heropenen(*, dpia, door, reden, nu=None, versie=None):
    """Start a new version of a finished DPIA (the verwerking changed, or the re-check asks for it)."""
    nu = nu or timezone.now()
    dpia = _vergrendeld(dpia, versie)
    vereis(door, "dpia.change_dpia", dpia)
    dpia.status = WORKFLOW.controleer("heropenen", dpia.status)
    if not (reden or "").strip():
        raise ValidationError({"reden": "Geef aan waarom de DPIA opnieuw wordt uitgevoerd."})
    dpia.versie += 1
    for veld in (
        "fg_oordeel",
        "fg_advies",
        "acceptatie_motivering",
        "geaccepteerd_als",
        "raadpleging_kenmerk",
        "raadpleging_antwoord",
        "herbeoordeling_reden",
    ):
        setattr(dpia, veld, "")
    for veld in (
        "fg_advies_op",
        "fg_advies_door",
        "geaccepteerd_op",
        "geaccepteerd_door",
        "afgerond_op",
        "raadpleging_ingediend_op",
        "raadpleging_deadline",
        "raadpleging_antwoord_op",
    ):
        setattr(dpia, veld, None)
    dpia.raadpleging_verlengd = False
    dpia.herbeoordeling_nodig = False
    _voorinvullen(dpia, dpia.verwerkingen.select_related("verwerkingsverantwoordelijke"), nu)
    _basis_bijwerken(dpia, door)
    _versie_erbij(dpia, nu, f"Versie {dpia.versie} gestart: {reden.strip()}")
    opslaan(dpia, door=door, reden=f"Heropend als versie {dpia.versie}: {reden.strip()}")
    return dpia


def herbeoordeling_markeren(*, dpia, reden, nu=None):
    """Mark a DPIA 'herbeoordeling nodig' (the scan, inside its transaction; no acting user)."""
    dpia.herbeoordeling_nodig = True
    regel = f"{_vandaag(nu or timezone.now()):%d-%m-%Y}: {reden}"
    dpia.herbeoordeling_reden = "\n".join(r for r in (dpia.herbeoordeling_reden, regel) if r)
    opslaan(dpia, door=None, reden=f"Herbeoordeling nodig: {reden}")
    return dpia


# --- questionnaire definitions ------------------------------------------------------------------


@transaction.atomic
def vragenlijst_importeren(*, definitie, bestandsnaam="", vervang=False, nu=None):
    """Store a checked assessment-definition v2 document (see uitwisseling.lees_definitie).

    The same urn and version twice is refused unless vervang: then the stored definition is replaced.
    """
    nu = nu or timezone.now()
    urn, versie = definitie["urn"], str(definitie.get("version") or "1.0")
    bestaand = Vragenlijst.objects.filter(urn=urn, versie=versie).first()
    if bestaand and not vervang:
        raise ValidationError({"definitie": f"Vragenlijst {urn} versie {versie} is al geïmporteerd."})
    vragenlijst = bestaand or Vragenlijst(urn=urn, versie=versie)
    vragenlijst.naam = definitie["name"][:250]
    vragenlijst.beschrijving = definitie.get("description") or ""
    vragenlijst.definitie = definitie
    vragenlijst.bestandsnaam = bestandsnaam[:255]
    vragenlijst.geimporteerd_op = nu
    opslaan(vragenlijst, door=None, reden="Vervangen" if bestaand else "Geïmporteerd")
    return vragenlijst


# --- import of a filled-in DPIA (assessment-output v2) ---------------------------------------------

ADVIES_SLEUTELS = ("beveiligingsadvies", "fgAdvies", "acceptatie", "raadpleging")


def _met_afbeelding(waarde):
    """An answer (or a repeated group) that holds an uploaded image: the questionnaire pages cannot show it."""
    if isinstance(waarde, list):
        return any(_met_afbeelding(v) for e in waarde for k, v in e.items() if k != "_index")
    return isinstance(waarde, dict) and isinstance(waarde.get("value"), dict)


def _risicos_uit_antwoorden(antwoorden, meldingen):
    """Risks from answer 16.1 of a file without the portal's records (the DPIA tool's own export)."""
    risicos = []
    for i, element in enumerate(antwoorden.get("16.1") or [], start=1):

        def waarde(sleutel, element=element):
            v = (element.get(sleutel) or {}).get("value") if isinstance(element.get(sleutel), dict) else None
            return v.strip() if isinstance(v, str) else ""

        kans, impact = waarde("16.1.3").lower(), waarde("16.1.5").lower()
        if not waarde("16.1.1") or kans not in Niveau.values or impact not in Niveau.values:
            meldingen.append(
                f"Risico {i} uit vraag 16.1 is niet als risico overgenomen: beschrijving, kans of impact ontbreekt "
                "of is niet laag, midden of hoog. Het antwoord staat bij de overgenomen gegevens."
            )
            continue
        risicos.append(
            {
                "nummer": len(risicos) + 1,
                "beschrijving": waarde("16.1.1"),
                "oorsprong": waarde("16.1.2"),
                "kans": kans,
                "kansMotivering": waarde("16.1.4"),
                "impact": impact,
                "impactMotivering": waarde("16.1.6"),
            }
        )
    if antwoorden.get("17.1"):
        meldingen.append(
            "De maatregelen uit vraag 17.1 hebben in het bestand geen eigenaar, soort en termijn. Ze staan bij de "
            "overgenomen gegevens; leg ze vast als maatregelen."
        )
    return risicos


@transaction.atomic
def dpia_importeren(*, dpia, door, document, bestandsnaam="", nu=None, versie=None):
    """Fill a DPIA that is being filled in from a checked assessment-output v2 document (uitwisseling.lees_uitvoer).

    The answers, risks and measures become this DPIA's. The advice (FG, CISO), the acceptance, the AP
    consultation and the versions of the DPIA in the file are kept as they were in `overgenomen`, not
    as this gemeente's own: its own FG advises and it decides itself (AVG art. 35(2), 24). Answers to
    parts the portal keeps itself are kept there too, so a new export gives them back. All or nothing:
    any problem raises one ValidationError and nothing is saved. Returns (dpia, messages for the user).
    """
    nu = nu or timezone.now()
    dpia = _vergrendeld(dpia, versie)
    vereis(door, "dpia.importeren_dpia", dpia)
    WORKFLOW.controleer("invullen", dpia.status)
    definitie = definitie_van(dpia)
    index = taken_index(definitie)
    metadata, gegeven = document["metadata"], document["answers"]
    fouten = []
    if metadata["urn"] != urn_met_versie(definitie):
        fouten.append(
            f"Dit bestand hoort bij vragenlijst {metadata['urn']}; deze DPIA gebruikt {urn_met_versie(definitie)}. "
            "Start een DPIA met dezelfde vragenlijst."
        )
    if dpia.risicos.exists() or dpia.maatregelen.exists():
        fouten.append("Deze DPIA heeft al risico's of maatregelen. Importeer in een nieuwe DPIA.")
    onbekend = sorted(k for k in gegeven if k.split("[", 1)[0] not in index)
    if onbekend:
        fouten.append(
            "Deze vragen bestaan niet in de vragenlijst: "
            + ", ".join(onbekend[:20])
            + (" …" if len(onbekend) > 20 else "")
        )
    if fouten:
        raise ValidationError({"bestand": fouten})

    ext = metadata.get(EXTENSIE)
    meldingen = []
    antwoorden, apart = dict(dpia.antwoorden), {}
    for sleutel, waarde in gegeven.items():
        if is_portaal_taak(sleutel.split("[", 1)[0]):
            apart[sleutel] = waarde
        elif _met_afbeelding(waarde):
            apart[sleutel] = waarde
            meldingen.append(f"Vraag {sleutel} bevat een afbeelding. Die staat bij de overgenomen gegevens.")
        else:
            antwoorden[sleutel] = waarde
    risico_gegevens = ext["risicos"] if ext else _risicos_uit_antwoorden(gegeven, meldingen)
    maatregel_gegevens = ext["maatregelen"] if ext else []

    reden = f"Geïmporteerd uit {bestandsnaam or 'een bestand'}"
    risicos = {}
    for r in risico_gegevens:
        gegevens = {
            "beschrijving": r["beschrijving"].strip(),
            "oorsprong": (r.get("oorsprong") or "").strip(),
            "kans": r["kans"],
            "kans_motivering": (r.get("kansMotivering") or "").strip(),
            "impact": r["impact"],
            "impact_motivering": (r.get("impactMotivering") or "").strip(),
            "restrisico": r.get("restrisico") or "",
            "restrisico_motivering": (r.get("restrisicoMotivering") or "").strip(),
        }
        try:
            _valideer_risico(gegevens)
        except ValidationError as fout:
            fouten += [f"Risico R{r['nummer']}: {tekst}" for teksten in fout.message_dict.values() for tekst in teksten]
            continue
        risico = Risico(dpia=dpia, nummer=r["nummer"], niveau=risiconiveau(gegevens["kans"], gegevens["impact"]))
        for veld, waarde in gegevens.items():
            setattr(risico, veld, waarde)
        risicos[r["nummer"]] = risico

    mogelijk = {u.pk: u for u in selectors.mogelijke_eigenaren(dpia.gemeente)}
    op_email = {u.email.lower(): u for u in mogelijk.values() if u.email}
    niet_gevonden, maatregelen = [], []
    for m in maatregel_gegevens:
        persoon = m.get("eigenaar") or {}
        eigenaar = op_email.get((persoon.get("email") or "").lower())
        if eigenaar is None:
            if door.pk not in mogelijk:
                fouten.append(
                    f"Maatregel M{m['nummer']}: de eigenaar heeft geen rol in gemeente {dpia.gemeente.naam}, en u "
                    "ook niet. Laat de privacy officer van deze gemeente importeren."
                )
                continue
            eigenaar = door
            niet_gevonden.append({"maatregel": f"M{m['nummer']}", **persoon})
        maatregelen.append(
            (
                m.get("risico"),
                Maatregel(
                    dpia=dpia,
                    nummer=m["nummer"],
                    beschrijving=m["beschrijving"].strip(),
                    soort=m["soort"],
                    status=m["status"],
                    deadline=datum_uit(m["deadline"]),
                    gereed_op=datum_uit(m.get("gereedOp")) if m["status"] == MaatregelStatus.GEREED else None,
                    toelichting=(m.get("toelichting") or "").strip(),
                    eigenaar=eigenaar,
                ),
            )
        )
    if fouten:
        raise ValidationError({"bestand": fouten})

    for risico in risicos.values():
        opslaan(risico, door=door, reden=reden)
    for risico_nummer, maatregel in maatregelen:
        maatregel.risico = risicos.get(risico_nummer)
        opslaan(maatregel, door=door, reden=reden)
    for regel in niet_gevonden:
        meldingen.append(
            f"Maatregel {regel['maatregel']}: de eigenaar ({regel.get('naam') or 'onbekend'}) heeft geen rol in "
            f"gemeente {dpia.gemeente.naam}. U bent nu de eigenaar; wijs zo nodig een ander aan."
        )

    bron_ext = ext or {}
    eerder = bron_ext.get("overgenomen") or {}
    over = bron_ext.get("dpia") or {}
    status_bron = over.get("status") or (
        (gegeven.get("19.2") or {}).get("value") if isinstance(gegeven.get("19.2"), dict) else ""
    )
    dpia.overgenomen = {
        "bron": {
            "bestandsnaam": bestandsnaam,
            "urn": metadata["urn"],
            "gemaaktOp": metadata["createdAt"],
            "gemaaktDoor": (metadata.get("createdBy") or {}).get("name", ""),
            "gemeente": over.get("gemeente", ""),
            "titel": over.get("titel", ""),
            "kenmerk": over.get("kenmerk", ""),
            "status": status_bron or "",
            "versie": over.get("versie"),
            "metPortaalgegevens": ext is not None,
            "geimporteerdOp": nu.isoformat(),
            "geimporteerdDoor": naam(door),
        },
        **{sleutel: bron_ext.get(sleutel) or eerder.get(sleutel) for sleutel in ADVIES_SLEUTELS},
        "prescan": bron_ext.get("prescan"),
        "versielog": over.get("versielog") or [],
        "eerder": eerder.get("bron"),
        "eigenaren": niet_gevonden,
        "antwoorden": apart,
    }
    dpia.antwoorden = antwoorden
    _herbereken_restrisico(dpia)
    _versie_erbij(dpia, nu, reden)
    opslaan(
        dpia,
        door=door,
        reden=f"{reden}: {len(gegeven)} antwoorden, {len(risicos)} risico's, {len(maatregelen)} maatregelen",
    )
    return dpia, meldingen


# --- delegation ----------------------------------------------------------------------------------


@transaction.atomic
def delegeren(*, dpia, door, medewerker, delen, nu=None, versie=None):
    """Let one medewerker of the team fill in parts of this DPIA (A, B, C, D, S)."""
    nu = nu or timezone.now()
    dpia = _vergrendeld(dpia, versie)
    vereis(door, "dpia.change_dpia", dpia)
    WORKFLOW.controleer("delegeren", dpia.status)
    fouten = {}
    if not selectors.medewerkers_van(dpia.team).filter(pk=medewerker.pk).exists():
        fouten["medewerker"] = "Alleen een medewerker van het team van deze DPIA kan delen invullen."
    delen = sorted(set(delen or []))
    if not delen or not set(delen) <= set(Deel.values):
        fouten["delen"] = "Kies een of meer delen: A, B, C, D of S."
    if fouten:
        raise ValidationError(fouten)
    delegatie, _ = DpiaDelegatie.objects.get_or_create(
        dpia=dpia, gebruiker=medewerker, defaults={"delen": delen, "door": door, "op": nu}
    )
    delegatie.delen, delegatie.door, delegatie.op = delen, door, nu
    opslaan(delegatie, door=door, reden=f"Delen {', '.join(delen)} gedelegeerd")
    audit(
        actor=door,
        actie=AuditEvent.Actie.RECHT_TOEGEKEND,
        obj=dpia,
        resultaat="delen gedelegeerd",
        details={"gebruiker": medewerker.pk, "delen": delen},
    )
    opslaan(dpia, door=door, reden=f"Delen {', '.join(delen)} gedelegeerd aan {naam(medewerker)}")
    return delegatie


@transaction.atomic
def delegatie_intrekken(*, dpia, door, medewerker, versie=None):
    dpia = _vergrendeld(dpia, versie)
    vereis(door, "dpia.change_dpia", dpia)
    for delegatie in DpiaDelegatie.objects.filter(dpia=dpia, gebruiker=medewerker):
        delegatie._history_user = door
        delegatie.delete()
        audit(
            actor=door,
            actie=AuditEvent.Actie.RECHT_INGETROKKEN,
            obj=dpia,
            resultaat="delegatie ingetrokken",
            details={"gebruiker": medewerker.pk, "delen": delegatie.delen},
        )
    opslaan(dpia, door=door, reden=f"Delegatie aan {naam(medewerker)} ingetrokken")


def _privacy_officers(gemeente, rolhouders):
    if rolhouders is not None:
        return rolhouders.met_rol(gemeente, Rol.PRIVACY_OFFICER)
    return gebruikers_met_rol(gemeente, Rol.PRIVACY_OFFICER)


def ontvangers_opvolging(dpia, rolhouders=None):
    """Teammanager(s) of the DPIA's team and the privacy officers of the gemeente (from `rolhouders`,
    an organisaties.selectors.Rolhouders, when given: the scan)."""
    return selectors.teammanagers(dpia.team_id, rolhouders) + _privacy_officers(dpia.gemeente_id, rolhouders)


def eigenaar_en_privacy_officers(maatregel, rolhouders=None):
    return [maatregel.eigenaar, *_privacy_officers(maatregel.dpia.gemeente_id, rolhouders)]
