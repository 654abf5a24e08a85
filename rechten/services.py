"""Every write to the betrokkenenverzoeken goes through a function here.

Each function checks the permission on the server, locks the row and checks the version the user
saw (`privacy_portal.core.schrijven.vergrendel`), checks the transition (`workflow.WORKFLOW`),
validates (one ValidationError with every invalid field), saves with a history reason and the
acting user (`schrijven.opslaan`), recomputes the stored deadlines when their input changes, and
tells the next person through `stap_melden` (inbox and e-mail on commit, never the one who acted):

- registered by staff or confirmed by the inwoner -> the privacy officers and jurists (ACTIE);
- task given -> the teammanager(s) of that team, linking to the task page (ACTIE);
- task done -> whoever gave the task and the privacy officers (UITKOMST).

Extending and deciding tell no one on the staff: nobody else has to act on them.

Entry points for pages, the API and the public form (keyword arguments only; `nu` for tests):

- `verzoek_registreren(*, door, gemeente, gegevens, nu=None) -> Verzoek`: staff intake of a request
  received by letter, e-mail, phone or at the desk. The clock starts at `gegevens["ontvangen_op"]`.
- `verzoek_ontvangen_van_inwoner(*, gemeente, gegevens, nu=None) -> (Verzoek, token)`: the inwoner's
  own web request, recorded unconfirmed (it does not count as received yet); mail `token` in a link.
- `verzoek_bevestigen(*, token, gemeente=None, nu=None) -> Verzoek`: the inwoner clicked the link:
  received today, the clock starts. Idempotent for a second click.
- `ontvangst_corrigeren`: the privacy officer corrects the date of receipt, with a reason.
- `verzoek_wijzigen`, `identiteit_vastleggen`, `taken_toewijzen`, `taak_afronden`, `taak_intrekken`,
  `verzoek_verlengen`, `kennisgeving_vastleggen`, `geen_ontvangers_vastleggen`, `verzoek_afhandelen`.
- `rechtsmiddel_vastleggen`, `rechtsmiddel_afronden`: a bezwaar or beroep against the decision (blocks anonymisation).
- `besluitbrief_verzonden`: the day the decision letter went out (its date; the bezwaar term starts the day after).
- `inzage_informatie_opslaan`: the art. 15(1)-(3) information in the decision on an inzage request,
  prefilled from the approved versions of the linked verwerkingen and edited by the privacy officer
  (until the letter is sent). Linking or unlinking verwerkingen later keeps every edited text.
- Unconfirmed web requests, decided by the privacy officer: `onbevestigd_aannemen`,
  `onbevestigd_laten_vervallen` (never silently by the system).
- System (no user): `verzoek_anonimiseren`, `termijnen_herberekenen` (calendar hook).

Every service that edits a request or takes a decision on it accepts `versie` (the version the user
saw, `privacy_portal.core.schrijven.versie_van`); the task services take the task's version.

Errors: `django.core.exceptions.ValidationError` (field -> message; an API gives 400),
`privacy_portal.core.workflow.OvergangNietToegestaan` (wrong state; 409),
`privacy_portal.core.schrijven.VersieConflict` (changed since the user opened it; 409), `PermissionDenied` (403).

History reasons are generated here from field labels only, never from user text, so they never
hold personal data and need no anonymisation.
"""

import hashlib
import secrets
from datetime import date, datetime, timedelta

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from privacy_portal.core.correcties import corrigeren
from privacy_portal.core.kalender_db import bij_kalenderwijziging, huidige_kalender
from privacy_portal.core.permissions import vereis
from privacy_portal.core.schrijven import opslaan, vergrendel
from privacy_portal.core.workflow import OvergangNietToegestaan
from privacy_portal.notificaties.models import Soort as MeldingSoort
from privacy_portal.notificaties.services import stap_melden
from privacy_portal.organisaties.models import Team, Verwerkingsverantwoordelijke
from privacy_portal.organisaties.rollen import Rol
from privacy_portal.organisaties.selectors import gebruikers_met_rol
from registers.models import Verwerking
from registers.selectors import verwerkingen_voor

from .constants import (
    BEVESTIGEN_BINNEN_DAGEN,
    GEANONIMISEERD,
    KANALEN_ELEKTRONISCH,
    SOORTEN_ART_19,
    UITKOMSTEN_MET_BESLUIT,
    UITKOMSTEN_TOEGEWEZEN,
    Grond,
    IdentiteitWijze,
    Kanaal,
    KopieVorm,
    Soort,
    Status,
    TaakStatus,
    Uitkomst,
)
from .deadlines import deadlines, mag_verlengen, verstreken
from .inzage import (
    ALGEMENE_VELDEN,
    LOGICA_ONTBREEKT,
    ONDERDEEL_TEKSTVELDEN,
    VERPLICHT,
    algemeen_voorstel,
    geldt_voor,
    onderdeel_uit_versie,
)
from .inzage import weergave as inzage_weergave
from .models import PERSOONSGEGEVENS, InzageInformatie, InzageOnderdeel, Kennisgeving, Taak, Verzoek
from .selectors import teammanagers_van
from .workflow import WORKFLOW

AVG_VAN_KRACHT = date(2018, 5, 25)
TEKST_VELDEN = (
    "omschrijving",
    "verzoeker_naam",
    "verzoeker_email",
    "verzoeker_telefoon",
    "verzoeker_adres",
    "vertegenwoordiger_naam",
    "vertegenwoordiger_hoedanigheid",
)
INWONER_VELDEN = ("soorten", *TEKST_VELDEN)
GEGEVENS_VELDEN = (*INWONER_VELDEN, "kanaal", "ontvangen_op", "verwerkingsverantwoordelijke", "teams", "verwerkingen")
IDENTITEIT_VELDEN = (
    "identiteit_wijze",
    "identiteit_vastgesteld_op",
    "identiteit_toelichting",
    "info_gevraagd_op",
    "info_ontvangen_op",
)
MAX_LENGTE = {
    "verzoeker_naam": 200,
    "verzoeker_email": 254,
    "verzoeker_telefoon": 50,
    "vertegenwoordiger_naam": 200,
    "vertegenwoordiger_hoedanigheid": 200,
}
LABELS = {f.name: str(f.verbose_name) for f in Verzoek._meta.get_fields() if hasattr(f, "verbose_name")}


# --- helpers -------------------------------------------------------------------------------------


def _vergrendeld(verzoek, versie=None):
    return vergrendel(verzoek, versie=versie, related=("gemeente",))


def _vergrendelde_taak(taak, versie=None):
    return vergrendel(taak, versie=versie, related=("team", "verzoek__gemeente"))


def _link(verzoek):
    return reverse("rechten:detail", kwargs={"uuid": verzoek.uuid})


def _token_hash(token):
    return hashlib.sha256(str(token).encode()).hexdigest()


def _datum(waarde):
    return f"{waarde:%d-%m-%Y}"


def _is_datum(waarde):
    return isinstance(waarde, date) and not isinstance(waarde, datetime)


def _standaard_verantwoordelijke(gemeente):
    """The college van B&W of the gemeente: it decides on most requests."""
    return gemeente.verantwoordelijken.filter(soort=Verwerkingsverantwoordelijke.Soort.COLLEGE).first()


def _normaliseer(gegevens):
    schoon = dict(gegevens)
    for veld in TEKST_VELDEN:
        if veld in schoon:
            schoon[veld] = (schoon[veld] or "").strip()
    if "soorten" in schoon and isinstance(schoon["soorten"], list | tuple):
        gekozen = list(schoon["soorten"])
        # the order of the law, each right once; unknown codes stay so validation names them
        schoon["soorten"] = [s for s in Soort.values if s in gekozen] + [s for s in gekozen if s not in Soort.values]
    return schoon


def _valideer(gegevens, *, gemeente, vandaag, velden, door=None):
    """Check `gegevens` (the complete set of fields of the request); raise one ValidationError."""
    fouten = {}
    for veld in sorted(set(gegevens) - set(velden)):
        fouten[veld] = "Dit veld bestaat niet."
    soorten = gegevens.get("soorten")
    if not isinstance(soorten, list) or not soorten:
        fouten["soorten"] = "Kies minstens één recht."
    elif not set(soorten) <= set(Soort.values):
        onbekend = ", ".join(str(s) for s in soorten if s not in Soort.values)
        fouten["soorten"] = f"Onbekend recht: {onbekend}. Kies uit: {', '.join(Soort.values)}."
    if "kanaal" in velden and gegevens.get("kanaal") not in Kanaal.values:
        fouten["kanaal"] = f"Kies uit: {', '.join(Kanaal.values)}."
    if not gegevens.get("verzoeker_naam"):
        fouten["verzoeker_naam"] = "Vul de naam van de verzoeker in."
    for veld, lengte in MAX_LENGTE.items():
        if len(gegevens.get(veld) or "") > lengte:
            fouten[veld] = f"Gebruik hoogstens {lengte} tekens."
    email = gegevens.get("verzoeker_email")
    if email and "verzoeker_email" not in fouten:
        try:
            validate_email(email)
        except ValidationError:
            fouten["verzoeker_email"] = "Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl."
    if not email and not gegevens.get("verzoeker_adres"):
        fouten["verzoeker_email"] = "Vul een e-mailadres of een postadres in: daar gaat het antwoord heen."
    if "ontvangen_op" in velden:
        ontvangen_op = gegevens.get("ontvangen_op")
        if not _is_datum(ontvangen_op):
            fouten["ontvangen_op"] = "Vul de datum van ontvangst in."
        elif ontvangen_op > vandaag:
            fouten["ontvangen_op"] = "De datum van ontvangst ligt in de toekomst."
        elif ontvangen_op < AVG_VAN_KRACHT:
            fouten["ontvangen_op"] = "De datum van ontvangst ligt vóór 25 mei 2018, toen de AVG begon."
    vv = gegevens.get("verwerkingsverantwoordelijke")
    if vv is not None and (not isinstance(vv, Verwerkingsverantwoordelijke) or vv.gemeente_id != gemeente.pk):
        fouten["verwerkingsverantwoordelijke"] = "Kies een verwerkingsverantwoordelijke van deze gemeente."
    for veld, model, tekst in (
        ("teams", Team, "Kies alleen teams van deze gemeente."),
        ("verwerkingen", Verwerking, "Kies alleen verwerkingen van deze gemeente."),
    ):
        waarde = gegevens.get(veld) or []
        if any(not isinstance(o, model) or o.gemeente_id != gemeente.pk for o in waarde):
            fouten[veld] = tekst
    if door is not None and "verwerkingen" not in fouten and gegevens.get("verwerkingen"):
        gekozen = {o.pk for o in gegevens["verwerkingen"]}
        zichtbaar = set(verwerkingen_voor(door).filter(pk__in=gekozen).values_list("pk", flat=True))
        if gekozen - zichtbaar:
            fouten["verwerkingen"] = "Kies alleen verwerkingen die u in het register mag zien."
    if fouten:
        raise ValidationError(fouten)


def _zet_deadlines(verzoek, kalender):
    """Store the deadline (and the extended one when extended); True when something changed."""
    deadline, verlengd = deadlines(verzoek.ontvangen_op, kalender)
    oud = (verzoek.deadline, verzoek.verlengd_tot)
    verzoek.deadline = deadline
    if verzoek.verlengd_op:
        verzoek.verlengd_tot = verlengd
    return oud != (verzoek.deadline, verzoek.verlengd_tot)


def _koppelingen_tekst(verzoek):
    teams = ", ".join(sorted(verzoek.teams.values_list("naam", flat=True))) or "geen"
    verwerkingen = ", ".join(sorted(verzoek.verwerkingen.values_list("naam", flat=True))) or "geen"
    return f"betrokken teams: {teams}; betrokken verwerkingen: {verwerkingen}"


def _privacy_officers(gemeente):
    return gebruikers_met_rol(gemeente, Rol.PRIVACY_OFFICER)


def _behandelaars(gemeente):
    """Who handles requests: the privacy officers and jurists of the gemeente."""
    return gebruikers_met_rol(gemeente, Rol.PRIVACY_OFFICER, Rol.JURIST)


def _soorten_tekst(verzoek):
    return ", ".join(label.split(" (")[0].lower() for label in verzoek.soort_labels())


def _nieuw_verzoek_melden(verzoek, *, stap, door, tekst, nu):
    """A new request waits for the people who handle requests (by kenmerk, never the requester's name)."""
    stap_melden(
        obj=verzoek,
        stap=stap,
        ontvangers=_behandelaars(verzoek.gemeente),
        onderwerp=f"Nieuw verzoek {verzoek.kenmerk}",
        tekst=f"{tekst} Het gaat om: {_soorten_tekst(verzoek)}. De deadline is {_datum(verzoek.deadline)}. "
        "Stel de identiteit vast en zet taken uit bij de betrokken teams.",
        link=_link(verzoek),
        door=door,
        nu=nu,
        soort=MeldingSoort.ACTIE,
    )


# --- intake --------------------------------------------------------------------------------------


@transaction.atomic
def verzoek_registreren(*, door, gemeente, gegevens, nu=None):
    """Staff register a request received by letter, e-mail, phone, at the desk (or a web form elsewhere).

    `gegevens`: soorten (list of codes), kanaal, ontvangen_op (date), verzoeker_naam and
    verzoeker_email and/or verzoeker_adres, optional verzoeker_telefoon, vertegenwoordiger_naam,
    vertegenwoordiger_hoedanigheid, omschrijving, verwerkingsverantwoordelijke, teams, verwerkingen.
    The deadline is ontvangen_op + 1 month on the calendar of the portal.
    """
    nu = nu or timezone.now()
    vereis(door, "rechten.add_verzoek", gemeente)
    gegevens = _normaliseer(gegevens)
    _valideer(gegevens, gemeente=gemeente, vandaag=timezone.localdate(nu), velden=GEGEVENS_VELDEN, door=door)
    teams = list(gegevens.pop("teams", None) or [])
    verwerkingen = list(gegevens.pop("verwerkingen", None) or [])
    if not gegevens.get("verwerkingsverantwoordelijke"):
        gegevens["verwerkingsverantwoordelijke"] = _standaard_verantwoordelijke(gemeente)
    verzoek = Verzoek(gemeente=gemeente, status=Status.ONTVANGEN, geregistreerd_door=door, aangemaakt_op=nu, **gegevens)
    _zet_deadlines(verzoek, huidige_kalender())
    opslaan(verzoek, door=door, reden=f"Geregistreerd; deadline {_datum(verzoek.deadline)}")
    if teams or verwerkingen:
        verzoek.teams.set(teams)
        verzoek.verwerkingen.set(verwerkingen)
        opslaan(verzoek, door=door, reden="Gekoppeld: " + _koppelingen_tekst(verzoek))
    _nieuw_verzoek_melden(
        verzoek, stap="geregistreerd", door=door, tekst="Er is een betrokkenenverzoek geregistreerd.", nu=nu
    )
    return verzoek


@transaction.atomic
def verzoek_ontvangen_van_inwoner(*, gemeente, gegevens, nu=None):
    """Record an inwoner's own web request, unconfirmed; returns (verzoek, token).

    `gegevens`: soorten, verzoeker_naam, verzoeker_email (required: the confirmation link goes
    there), optional verzoeker_telefoon, verzoeker_adres, vertegenwoordiger_naam,
    vertegenwoordiger_hoedanigheid, omschrijving. Nothing counts as received and no deadline runs
    until `verzoek_bevestigen(token=...)` (then received on the day of submission). Only a hash of the
    token is stored; mail the token in a link. After BEVESTIGEN_BINNEN_DAGEN days the link expires and
    the request waits for the privacy officer (`onbevestigd_aannemen`, `onbevestigd_laten_vervallen`).
    Rate limiting is the caller's job.
    """
    nu = nu or timezone.now()
    gegevens = _normaliseer(gegevens)
    _valideer(gegevens, gemeente=gemeente, vandaag=timezone.localdate(nu), velden=INWONER_VELDEN)
    if not gegevens.get("verzoeker_email"):
        raise ValidationError({"verzoeker_email": "Vul uw e-mailadres in. U krijgt daar een link om te bevestigen."})
    token = secrets.token_urlsafe(32)
    verzoek = Verzoek(
        gemeente=gemeente,
        status=Status.ONBEVESTIGD,
        kanaal=Kanaal.WEBFORMULIER,
        aangemaakt_op=nu,
        verwerkingsverantwoordelijke=_standaard_verantwoordelijke(gemeente),
        bevestig_token_hash=_token_hash(token),
        **gegevens,
    )
    opslaan(verzoek, door=None, reden="Ingediend via het webformulier; wacht op bevestiging")
    return verzoek, token


@transaction.atomic
def verzoek_bij_bevestiglink(*, token, gemeente=None, nu=None, vergrendelen=False):
    """The request a confirmation link belongs to, unchanged (the page the link opens reads it).

    An unknown token, a token of another gemeente, or an unconfirmed request older than
    BEVESTIGEN_BINNEN_DAGEN days raises ValidationError({"token": ...}).
    """
    nu = nu or timezone.now()
    qs = Verzoek.objects.select_related("gemeente")
    if vergrendelen:
        qs = qs.select_for_update(of=("self",))
    verzoek = qs.filter(bevestig_token_hash=_token_hash(token)).first() if token else None
    if verzoek is None or (gemeente is not None and verzoek.gemeente_id != gemeente.pk):
        raise ValidationError({"token": "Deze link is niet (meer) geldig."})
    if verzoek.status not in (Status.ONBEVESTIGD, Status.VERVALLEN):
        return verzoek
    if verzoek.status == Status.VERVALLEN or nu - verzoek.aangemaakt_op > timedelta(days=BEVESTIGEN_BINNEN_DAGEN):
        tekst = f"Deze link is verlopen: bevestig binnen {BEVESTIGEN_BINNEN_DAGEN} dagen. Dien uw verzoek opnieuw in."
        raise ValidationError({"token": tekst})
    return verzoek


def verzoek_bevestigen(*, token, gemeente=None, nu=None):
    """The inwoner confirmed by the link: the request counts as received on the day it was submitted.

    A second click returns the same request unchanged. An unknown token, a token of another
    gemeente, or one older than BEVESTIGEN_BINNEN_DAGEN days raises ValidationError({"token": ...}).
    """
    nu = nu or timezone.now()
    verzoek = verzoek_bij_bevestiglink(token=token, gemeente=gemeente, nu=nu, vergrendelen=True)
    if verzoek.status != Status.ONBEVESTIGD:
        return verzoek
    verzoek.status = WORKFLOW.controleer("bevestigen", verzoek.status)
    # received when submitted (art. 12(3) AVG, Awb 4:13), not when the link was clicked
    verzoek.ontvangen_op = timezone.localdate(verzoek.aangemaakt_op)
    _zet_deadlines(verzoek, huidige_kalender())
    opslaan(verzoek, door=None, reden=f"Bevestigd door de inwoner: ontvangen; deadline {_datum(verzoek.deadline)}")
    _nieuw_verzoek_melden(
        verzoek,
        stap="bevestigd",
        door=None,
        tekst="Een inwoner heeft een verzoek via het webformulier ingediend en bevestigd.",
        nu=nu,
    )
    return verzoek


@transaction.atomic
def onbevestigd_aannemen(*, verzoek, door, toelichting, versie=None, nu=None):
    """The privacy officer reached the inwoner another way: the web request counts as received on the
    day it was submitted (art. 12(3) AVG, Awb 4:13), and its deadline runs from that day."""
    nu = nu or timezone.now()
    verzoek = _vergrendeld(verzoek, versie)
    vereis(door, "rechten.ontvangst_corrigeren_verzoek", verzoek)
    verzoek.status = WORKFLOW.controleer("aannemen", verzoek.status)
    toelichting = (toelichting or "").strip()
    if not toelichting:
        raise ValidationError({"toelichting": "Schrijf op hoe de inwoner langs een andere weg is bereikt."})
    verzoek.onbevestigd_toelichting = toelichting
    verzoek.ontvangen_op = timezone.localdate(verzoek.aangemaakt_op)
    verzoek.bevestig_token_hash = ""
    _zet_deadlines(verzoek, huidige_kalender())
    opslaan(
        verzoek,
        door=door,
        reden=f"Aangenomen na contact langs een andere weg: ontvangen op {_datum(verzoek.ontvangen_op)} "
        f"(ingediend); deadline {_datum(verzoek.deadline)}",
    )
    return verzoek


@transaction.atomic
def onbevestigd_laten_vervallen(*, verzoek, door, toelichting, versie=None, nu=None):
    """The privacy officer records why an unconfirmed web request lapses. Its personal data go after
    the retention period, like those of a closed request (`verzoeken_opschonen`)."""
    nu = nu or timezone.now()
    verzoek = _vergrendeld(verzoek, versie)
    vereis(door, "rechten.ontvangst_corrigeren_verzoek", verzoek)
    verzoek.status = WORKFLOW.controleer("vervallen", verzoek.status)
    toelichting = (toelichting or "").strip()
    if not toelichting:
        raise ValidationError({"toelichting": "Schrijf op waarom het webverzoek vervalt."})
    verzoek.onbevestigd_toelichting = toelichting
    verzoek.bevestig_token_hash = ""
    verzoek.afgesloten_op = nu
    opslaan(verzoek, door=door, reden="Vervallen: niet bevestigd; de reden is vastgelegd")
    return verzoek


# --- handling ------------------------------------------------------------------------------------


@transaction.atomic
def verzoek_wijzigen(*, verzoek, door, gegevens, versie=None, nu=None):
    """Correct the intake data. The receipt date is not intake data to edit: see `ontvangst_corrigeren`."""
    nu = nu or timezone.now()
    verzoek = _vergrendeld(verzoek, versie)
    vereis(door, "rechten.change_verzoek", verzoek)
    WORKFLOW.controleer("wijzigen", verzoek.status)
    gegevens = _normaliseer(gegevens)
    samen = {veld: getattr(verzoek, veld) for veld in GEGEVENS_VELDEN if veld not in ("teams", "verwerkingen")}
    samen.update(gegevens)
    _valideer(samen, gemeente=verzoek.gemeente, vandaag=timezone.localdate(nu), velden=GEGEVENS_VELDEN, door=door)
    if "ontvangen_op" in gegevens and gegevens["ontvangen_op"] != verzoek.ontvangen_op:
        raise ValidationError(
            {
                "ontvangen_op": "De datum van ontvangst verandert alleen met een correctie door de privacy officer, "
                "met een reden (Ontvangst corrigeren)."
            }
        )
    gewijzigd = []
    for veld, waarde in gegevens.items():
        if veld in ("teams", "verwerkingen"):
            nieuw = {o.pk for o in waarde or []}
            if nieuw != set(getattr(verzoek, veld).values_list("pk", flat=True)):
                getattr(verzoek, veld).set(nieuw)
                gewijzigd.append(veld)
        elif getattr(verzoek, veld) != waarde:
            setattr(verzoek, veld, waarde)
            gewijzigd.append(veld)
    if not gewijzigd:
        return verzoek
    reden = "Gewijzigd: " + ", ".join(LABELS.get(v, v) for v in gewijzigd)
    if {"teams", "verwerkingen"} & set(gewijzigd):
        reden += " (" + _koppelingen_tekst(verzoek) + ")"
    opslaan(verzoek, door=door, reden=reden)
    if "verwerkingen" in gewijzigd:
        inzage = InzageInformatie.objects.filter(verzoek=verzoek).first()
        if inzage is not None:
            _inzage_koppelingen_bijwerken(inzage, verzoek, door=door)
    return verzoek


def _ontvangst_fout(verzoek, ontvangen_op, vandaag):
    """What is wrong with a corrected date of receipt: {"ontvangen_op": message} or {}."""
    if not _is_datum(ontvangen_op):
        return {"ontvangen_op": "Vul de juiste datum van ontvangst in."}
    if ontvangen_op > vandaag:
        return {"ontvangen_op": "De datum van ontvangst ligt in de toekomst."}
    if ontvangen_op < AVG_VAN_KRACHT:
        return {"ontvangen_op": "De datum van ontvangst ligt vóór 25 mei 2018, toen de AVG begon."}
    if ontvangen_op == verzoek.ontvangen_op:
        return {"ontvangen_op": f"De datum van ontvangst is al {_datum(ontvangen_op)}: er is niets te corrigeren."}
    if verzoek.verlengd_op:
        return {"ontvangen_op": "De termijn is al verlengd: de datum van ontvangst kan niet meer veranderen."}
    return {}


@transaction.atomic
def ontvangst_corrigeren(*, verzoek, door, ontvangen_op, reden, versie=None, nu=None):
    """Correct the date of receipt (art. 12(3) AVG): the privacy officer only, with a reason, through
    the kernel's clock-start correction (`privacy_portal.core.correcties`).

    The first recorded date stays on the record (`ontvangen_op_oorspronkelijk`) next to the
    corrected one, and the history names both and the recomputed deadline. A request whose
    deadline has already passed gets no new month from a later receipt date: the correction is
    recorded, the deadline stays, and extending stays the extension procedure's (before the
    deadline, with a letter). After an extension the receipt date is fixed.
    """
    nu = nu or timezone.now()
    vandaag = timezone.localdate(nu)
    verzoek = _vergrendeld(verzoek, versie)

    def herbereken(verzoek, oud_ontvangen):
        # the history names dates only, never the reason (it may hold personal data)
        oude_deadline = verzoek.deadline
        nieuwe_deadline, _ = deadlines(verzoek.ontvangen_op, huidige_kalender())
        tekst = f"Ontvangst gecorrigeerd: {_datum(oud_ontvangen)} wordt {_datum(verzoek.ontvangen_op)}"
        if verstreken(oude_deadline, vandaag) and nieuwe_deadline > oude_deadline:
            # no new month for a request that is already late: the deadline stays
            return tekst + (
                f"; de deadline van {_datum(oude_deadline)} was al verstreken en blijft staan "
                "(verlengen gaat alleen via de verlenging)"
            )
        verzoek.deadline = nieuwe_deadline
        return tekst + f"; deadline {_datum(oude_deadline)} wordt {_datum(nieuwe_deadline)}"

    return corrigeren(
        verzoek,
        workflow=WORKFLOW,
        nieuw=ontvangen_op,
        reden=reden,
        door=door,
        nu=nu,
        fouten=lambda verzoek: _ontvangst_fout(verzoek, ontvangen_op, vandaag),
        herbereken=herbereken,
    )


@transaction.atomic
def identiteit_vastleggen(*, verzoek, door, gegevens, versie=None, nu=None):
    """Record how the identity was verified and, under art. 12(6), when more information was asked and received.

    `gegevens`: identiteit_wijze, identiteit_vastgesteld_op, identiteit_toelichting,
    info_gevraagd_op, info_ontvangen_op (dates). Asking for more information does NOT suspend the
    deadline: DOMAIN.md provides no suspension, so the one-month period keeps running.
    """
    nu = nu or timezone.now()
    vandaag = timezone.localdate(nu)
    verzoek = _vergrendeld(verzoek, versie)
    vereis(door, "rechten.change_verzoek", verzoek)
    nieuwe_status = WORKFLOW.controleer("identiteit", verzoek.status)
    fouten = {veld: "Dit veld bestaat niet." for veld in sorted(set(gegevens) - set(IDENTITEIT_VELDEN))}
    samen = {veld: getattr(verzoek, veld) for veld in IDENTITEIT_VELDEN}
    samen.update({k: v for k, v in gegevens.items() if k in IDENTITEIT_VELDEN})
    samen["identiteit_wijze"] = samen["identiteit_wijze"] or ""
    samen["identiteit_toelichting"] = (samen["identiteit_toelichting"] or "").strip()
    if samen["identiteit_wijze"] not in ("", *IdentiteitWijze.values):
        fouten["identiteit_wijze"] = "Kies hoe de identiteit is vastgesteld."
    for veld in ("identiteit_vastgesteld_op", "info_gevraagd_op", "info_ontvangen_op"):
        waarde = samen[veld]
        if waarde is None:
            continue
        if not _is_datum(waarde):
            fouten[veld] = "Vul een datum in."
        elif waarde > vandaag:
            fouten[veld] = "Deze datum ligt in de toekomst."
        elif waarde < verzoek.ontvangen_op:
            fouten[veld] = "Deze datum ligt vóór de ontvangst van het verzoek."
    if samen["info_ontvangen_op"] and not samen["info_gevraagd_op"]:
        fouten["info_gevraagd_op"] = "Vul eerst in wanneer de aanvullende informatie is gevraagd."
    elif (
        "info_ontvangen_op" not in fouten
        and "info_gevraagd_op" not in fouten
        and samen["info_ontvangen_op"]
        and samen["info_ontvangen_op"] < samen["info_gevraagd_op"]
    ):
        fouten["info_ontvangen_op"] = "De informatie kan niet ontvangen zijn vóór de dag dat erom is gevraagd."
    if samen["identiteit_wijze"] == IdentiteitWijze.AANVULLENDE_INFORMATIE and not samen["info_ontvangen_op"]:
        fouten["info_ontvangen_op"] = "Vul in wanneer de aanvullende informatie is ontvangen."
    if samen["identiteit_wijze"] == IdentiteitWijze.NIET_VASTGESTELD and not samen["identiteit_toelichting"]:
        fouten["identiteit_toelichting"] = "Leg uit waarom de identiteit niet is vastgesteld."
    if fouten:
        raise ValidationError(fouten)
    if samen["identiteit_wijze"] and samen["identiteit_wijze"] != IdentiteitWijze.NIET_VASTGESTELD:
        samen["identiteit_vastgesteld_op"] = samen["identiteit_vastgesteld_op"] or vandaag
    gewijzigd = [veld for veld in IDENTITEIT_VELDEN if getattr(verzoek, veld) != samen[veld]]
    if not gewijzigd:
        return verzoek
    for veld in gewijzigd:
        setattr(verzoek, veld, samen[veld])
    verzoek.status = nieuwe_status
    delen = []
    if "identiteit_wijze" in gewijzigd and verzoek.identiteit_wijze:
        delen.append(f"Identiteit: {verzoek.get_identiteit_wijze_display().lower()}")
    if "info_gevraagd_op" in gewijzigd and verzoek.info_gevraagd_op:
        delen.append(f"aanvullende informatie gevraagd op {_datum(verzoek.info_gevraagd_op)} (de termijn loopt door)")
    if "info_ontvangen_op" in gewijzigd and verzoek.info_ontvangen_op:
        delen.append(f"aanvullende informatie ontvangen op {_datum(verzoek.info_ontvangen_op)}")
    reden = "; ".join(delen) or "Gewijzigd: " + ", ".join(LABELS[v] for v in gewijzigd)
    opslaan(verzoek, door=door, reden=reden[:1].upper() + reden[1:])
    return verzoek


@transaction.atomic
def taken_toewijzen(*, verzoek, door, teams, omschrijving, versie=None, nu=None):
    """Give each team concerned a task; its teammanager hears of it. Returns the new tasks."""
    nu = nu or timezone.now()
    verzoek = _vergrendeld(verzoek, versie)
    vereis(door, "rechten.change_verzoek", verzoek)
    nieuwe_status = WORKFLOW.controleer("taken_toewijzen", verzoek.status)
    teams = list(teams or [])
    omschrijving = (omschrijving or "").strip()
    fouten = {}
    if not teams:
        fouten["teams"] = "Kies minstens één team."
    elif any(not isinstance(t, Team) or t.gemeente_id != verzoek.gemeente_id for t in teams):
        fouten["teams"] = "Kies alleen teams van deze gemeente."
    else:
        bezet = set(verzoek.taken.filter(status=TaakStatus.OPEN, team__in=teams).values_list("team__naam", flat=True))
        if bezet:
            fouten["teams"] = f"Dit team heeft al een open taak bij dit verzoek: {', '.join(sorted(bezet))}."
    if not omschrijving:
        fouten["omschrijving"] = "Schrijf op wat het team moet doen."
    if fouten:
        raise ValidationError(fouten)
    taken = []
    for team in sorted({t.pk: t for t in teams}.values(), key=lambda t: t.naam):
        taak = Taak(
            verzoek=verzoek,
            gemeente_id=verzoek.gemeente_id,
            team=team,
            omschrijving=omschrijving,
            toegewezen_op=nu,
            toegewezen_door=door,
        )
        opslaan(taak, door=door, reden=f"Taak van {team.naam} toegewezen")
        taken.append(taak)
    verzoek.teams.add(*[t.team for t in taken])
    verzoek.status = nieuwe_status
    opslaan(verzoek, door=door, reden="Taak toegewezen aan: " + ", ".join(t.team.naam for t in taken))
    for taak in taken:
        stap_melden(
            obj=taak,
            stap="toegewezen",
            ontvangers=teammanagers_van(verzoek.gemeente, [taak.team_id]),
            onderwerp=f"Nieuwe taak bij verzoek {verzoek.kenmerk}",
            tekst=f"Team {taak.team.naam} heeft een taak bij een betrokkenenverzoek. Het antwoord moet uiterlijk "
            f"{_datum(verzoek.termijn)} bij de verzoeker zijn; rond de taak ruim daarvoor af.",
            link=reverse("rechten:taak", kwargs={"uuid": taak.uuid}),
            door=door,
            nu=nu,
            soort=MeldingSoort.ACTIE,
        )
    return taken


@transaction.atomic
def taak_afronden(*, taak, door, resultaat, versie=None, nu=None):
    """The teammanager of the task's team records what the team found or did."""
    nu = nu or timezone.now()
    taak = _vergrendelde_taak(taak, versie)
    vereis(door, "rechten.taak_uitvoeren_verzoek", taak)
    verzoek = taak.verzoek
    WORKFLOW.controleer("taak_afronden", verzoek.status)
    if taak.status != TaakStatus.OPEN:
        raise OvergangNietToegestaan(f"Deze taak is al {taak.get_status_display().lower()}.")
    resultaat = (resultaat or "").strip()
    if not resultaat:
        raise ValidationError({"resultaat": "Schrijf op wat het team heeft gevonden of gedaan."})
    taak.status = TaakStatus.AFGEROND
    taak.resultaat = resultaat
    taak.afgerond_op = nu
    taak.afgerond_door = door
    opslaan(taak, door=door, reden=f"Taak van {taak.team.naam} afgerond")
    nog_open = verzoek.taken.filter(status=TaakStatus.OPEN).count()
    stap_melden(
        obj=taak,
        stap="afgerond",
        ontvangers=[taak.toegewezen_door, *_privacy_officers(verzoek.gemeente)],
        onderwerp=f"Taak afgerond bij verzoek {verzoek.kenmerk}",
        tekst=f"Team {taak.team.naam} heeft zijn taak afgerond. "
        + (f"Er staan nog {nog_open} taken open." if nog_open else "Alle taken zijn afgerond."),
        link=_link(verzoek),
        door=door,
        nu=nu,
        soort=MeldingSoort.UITKOMST,
    )
    return taak


@transaction.atomic
def taak_intrekken(*, taak, door, reden, versie=None, nu=None):
    """The privacy officer withdraws an open task (wrong team, no longer needed)."""
    nu = nu or timezone.now()
    taak = _vergrendelde_taak(taak, versie)
    vereis(door, "rechten.change_verzoek", taak.verzoek)
    WORKFLOW.controleer("taak_intrekken", taak.verzoek.status)
    if taak.status != TaakStatus.OPEN:
        raise OvergangNietToegestaan(f"Deze taak is al {taak.get_status_display().lower()}.")
    reden = (reden or "").strip()
    if not reden:
        raise ValidationError({"reden": "Geef aan waarom de taak vervalt."})
    taak.status = TaakStatus.VERVALLEN
    taak.resultaat = f"Ingetrokken: {reden}"
    taak.afgerond_op = nu
    taak.afgerond_door = door
    opslaan(taak, door=door, reden=f"Taak van {taak.team.naam} ingetrokken")
    return taak


@transaction.atomic
def verzoek_verlengen(*, verzoek, door, reden, versie=None, nu=None):
    """Extend by two months: up to and including the original deadline (the last day of the first
    month, art. 12(3) AVG), once, with a reason.

    The extended deadline is receipt + 3 months (DOMAIN Decision). The requester must be told,
    with the reason, within the first month: the extension letter (`views.verlengingsbrief`).
    A late or second extension is a ValidationError (an API answers 400).
    """
    nu = nu or timezone.now()
    vandaag = timezone.localdate(nu)
    verzoek = _vergrendeld(verzoek, versie)
    vereis(door, "rechten.verlengen_verzoek", verzoek)
    WORKFLOW.controleer("verlengen", verzoek.status)
    fouten = {}
    reden = (reden or "").strip()
    if verzoek.verlengd_op:
        fouten["deadline"] = f"De termijn is al verlengd tot {_datum(verzoek.verlengd_tot)}. Dat kan maar één keer."
    elif not mag_verlengen(verzoek.deadline, vandaag):
        fouten["deadline"] = (
            f"Verlengen kan tot en met de laatste dag van de eerste maand, {_datum(verzoek.deadline)}. "
            "Die is verstreken."
        )
    if not reden:
        fouten["reden"] = "Geef de reden van de verlenging: die staat in de brief aan de verzoeker."
    if fouten:
        raise ValidationError(fouten)
    verzoek.verlengd_op = vandaag
    verzoek.verlenging_reden = reden
    _zet_deadlines(verzoek, huidige_kalender())
    opslaan(verzoek, door=door, reden=f"Termijn verlengd tot {_datum(verzoek.verlengd_tot)}")
    return verzoek


def _controleer_art_19(verzoek):
    if not SOORTEN_ART_19 & set(verzoek.soorten or []):
        raise ValidationError(
            {"soorten": "Ontvangers informeren (art. 19) hoort bij rectificatie, wissing of beperking."}
        )


@transaction.atomic
def kennisgeving_vastleggen(*, verzoek, door, ontvanger, geinformeerd_op, toelichting="", versie=None, nu=None):
    """Record that a recipient was told of the rectification, erasure or restriction (art. 19)."""
    nu = nu or timezone.now()
    verzoek = _vergrendeld(verzoek, versie)
    vereis(door, "rechten.change_verzoek", verzoek)
    WORKFLOW.controleer("kennisgeving", verzoek.status)
    _controleer_art_19(verzoek)
    fouten = {}
    ontvanger = (ontvanger or "").strip()
    if not ontvanger:
        fouten["ontvanger"] = "Vul in welke ontvanger is geïnformeerd."
    elif len(ontvanger) > 200:
        fouten["ontvanger"] = "Gebruik hoogstens 200 tekens."
    if not _is_datum(geinformeerd_op):
        fouten["geinformeerd_op"] = "Vul de datum in."
    elif geinformeerd_op > timezone.localdate(nu):
        fouten["geinformeerd_op"] = "Deze datum ligt in de toekomst."
    elif geinformeerd_op < verzoek.ontvangen_op:
        fouten["geinformeerd_op"] = "Deze datum ligt vóór de ontvangst van het verzoek."
    if fouten:
        raise ValidationError(fouten)
    kennisgeving = Kennisgeving(
        verzoek=verzoek,
        ontvanger=ontvanger,
        geinformeerd_op=geinformeerd_op,
        toelichting=(toelichting or "").strip(),
        vastgelegd_door=door,
    )
    opslaan(kennisgeving, door=door, reden="Kennisgeving aan een ontvanger vastgelegd (art. 19)")
    opslaan(verzoek, door=door, reden="Ontvanger geïnformeerd (art. 19)")
    return kennisgeving


@transaction.atomic
def geen_ontvangers_vastleggen(*, verzoek, door, toelichting, versie=None, nu=None):
    """Record why no recipient was told (none, impossible, disproportionate effort; art. 19)."""
    verzoek = _vergrendeld(verzoek, versie)
    vereis(door, "rechten.change_verzoek", verzoek)
    WORKFLOW.controleer("kennisgeving", verzoek.status)
    _controleer_art_19(verzoek)
    toelichting = (toelichting or "").strip()
    if not toelichting:
        raise ValidationError({"ontvangers_toelichting": "Leg uit waarom er geen ontvangers zijn geïnformeerd."})
    verzoek.ontvangers_toelichting = toelichting
    opslaan(verzoek, door=door, reden="Vastgelegd waarom geen ontvangers zijn geïnformeerd (art. 19)")
    return verzoek


def afhandel_bezwaren(verzoek, uitkomst):
    """Why the request cannot be closed with this outcome yet; empty when it can."""
    bezwaren = {}
    if uitkomst not in UITKOMSTEN_TOEGEWEZEN:
        return bezwaren
    if not verzoek.identiteit_wijze or verzoek.identiteit_wijze == IdentiteitWijze.NIET_VASTGESTELD:
        bezwaren["identiteit_wijze"] = "Leg eerst vast hoe de identiteit van de verzoeker is vastgesteld."
    open_ = [t.team.naam for t in verzoek.taken.all() if t.status == TaakStatus.OPEN]
    if open_:
        bezwaren["taken"] = f"Nog open taken: {', '.join(sorted(open_))}."
    if (
        SOORTEN_ART_19 & set(verzoek.soorten or [])
        and not verzoek.ontvangers_toelichting
        and not verzoek.kennisgevingen.exists()
    ):
        bezwaren["kennisgevingen"] = (
            "Leg vast welke ontvangers zijn geïnformeerd over de rectificatie, wissing of beperking, "
            "of waarom dat niet nodig is (art. 19)."
        )
    return bezwaren


@transaction.atomic
def verzoek_afhandelen(*, verzoek, door, uitkomst, toelichting, grond="", versie=None, nu=None):
    """Record the decision (an Awb-besluit, except a withdrawal) and close the request.

    `uitkomst`: toegewezen, deels_toegewezen, afgewezen or ingetrokken; `toelichting`: what was
    decided and why (it goes into the answer letter); `grond` required for (partly) refused.
    Refusing or withdrawing closes open tasks as vervallen; granting needs them done first.
    """
    nu = nu or timezone.now()
    verzoek = _vergrendeld(verzoek, versie)
    vereis(door, "rechten.afhandelen_verzoek", verzoek)
    nieuwe_status = WORKFLOW.controleer("afhandelen", verzoek.status)
    fouten = {}
    toelichting = (toelichting or "").strip()
    grond = grond or ""
    if uitkomst not in Uitkomst.values:
        fouten["uitkomst"] = f"Kies uit: {', '.join(Uitkomst.values)}."
    if not toelichting:
        fouten["toelichting"] = "Schrijf op wat er is besloten en waarom: dat staat in de brief."
    if uitkomst in (Uitkomst.AFGEWEZEN, Uitkomst.DEELS_TOEGEWEZEN):
        if grond not in Grond.values:
            fouten["grond"] = "Kies de grond voor de (gedeeltelijke) afwijzing."
        elif grond == Grond.IDENTITEIT and not verzoek.info_gevraagd_op:
            # art. 12(6) and 11(2): first ask for what is needed to establish the identity
            fouten["grond"] = (
                "Afwijzen omdat de identiteit niet vaststaat kan pas nadat de verzoeker om aanvullende "
                "informatie is gevraagd (art. 12 lid 6 AVG). Leg eerst vast wanneer dat is gevraagd."
            )
        elif grond == Grond.ART_17_3 and Soort.WISSING not in (verzoek.soorten or []):
            fouten["grond"] = (
                "Art. 17 lid 3 AVG is een grond om wissen te weigeren; dit verzoek gaat niet over wissing. "
                "Kies een grond die bij de gevraagde rechten past."
            )
    elif grond:
        fouten["grond"] = "Een grond hoort alleen bij een (gedeeltelijke) afwijzing."
    if fouten:
        raise ValidationError(fouten)
    bezwaren = afhandel_bezwaren(verzoek, uitkomst)
    if bezwaren:
        raise ValidationError(bezwaren)
    for taak in verzoek.taken.select_for_update(of=("self",)).select_related("team").filter(status=TaakStatus.OPEN):
        taak.status = TaakStatus.VERVALLEN
        taak.afgerond_op = nu
        taak.afgerond_door = door
        opslaan(taak, door=door, reden=f"Taak van {taak.team.naam} vervallen: het verzoek is afgehandeld")
    verzoek.status = nieuwe_status
    verzoek.uitkomst = uitkomst
    verzoek.grond = grond
    verzoek.besluit_toelichting = toelichting
    verzoek.besloten_op = timezone.localdate(nu)
    verzoek.besloten_door = door
    verzoek.afgesloten_op = nu
    opslaan(verzoek, door=door, reden=f"Afgehandeld: {Uitkomst(uitkomst).label.lower()}")
    if geldt_voor(verzoek) and not InzageInformatie.objects.filter(verzoek=verzoek).exists():
        # the decision carries the art. 15 information as it reads today, so a later version of a
        # verwerking does not change a letter already decided
        _inzage_aanmaken(verzoek, door=door)
    return verzoek


@transaction.atomic
def besluitbrief_verzonden(*, verzoek, door, verzonden_op, versie=None, nu=None):
    """Record the day the decision letter was sent: the letter carries that date and the bezwaar
    term of six weeks starts the day after (Awb 6:7, 6:8; `reports.bezwaar_termijn_tot`). Once."""
    nu = nu or timezone.now()
    verzoek = _vergrendeld(verzoek, versie)
    vereis(door, "rechten.afhandelen_verzoek", verzoek)
    if verzoek.status != Status.AFGEHANDELD or verzoek.uitkomst not in UITKOMSTEN_MET_BESLUIT:
        raise OvergangNietToegestaan("Er is (nog) geen besluit met een besluitbrief.")
    if verzoek.verzonden_op:
        raise ValidationError({"verzonden_op": f"De besluitbrief is al verzonden op {_datum(verzoek.verzonden_op)}."})
    if not _is_datum(verzonden_op):
        raise ValidationError({"verzonden_op": "Vul de datum van verzending in."})
    if verzonden_op > timezone.localdate(nu):
        raise ValidationError({"verzonden_op": "De datum van verzending ligt in de toekomst."})
    if verzonden_op < verzoek.besloten_op:
        raise ValidationError(
            {"verzonden_op": f"De datum van verzending ligt vóór het besluit van {_datum(verzoek.besloten_op)}."}
        )
    _art15_compleet(verzoek)
    verzoek.verzonden_op = verzonden_op
    opslaan(verzoek, door=door, reden=f"Besluitbrief verzonden op {_datum(verzonden_op)}")
    return verzoek


def _art15_compleet(verzoek):
    """A letter that grants inzage goes out only with the art. 15(1)-(3) information in it."""
    if not geldt_voor(verzoek):
        return
    informatie = inzage_weergave(verzoek)
    if not informatie["onderdelen"]:
        raise ValidationError(
            "De brief geeft inzage maar noemt geen verwerking (art. 15 lid 1 AVG). "
            "Koppel de verwerkingen waarover het verzoek gaat en vul de informatie aan."
        )
    if informatie["ontbreekt"]:
        raise ValidationError(
            "De informatie over doelen, gegevens, ontvangers of bewaartermijn (art. 15 lid 1 AVG) is "
            "niet compleet. Vul die eerst aan bij 'Inzage-informatie voor de brief (art. 15)'."
        )


RECHTSMIDDELEN = {"bezwaar": "bezwaar_ingediend_op", "beroep": "beroep_ingesteld_op"}


@transaction.atomic
def rechtsmiddel_vastleggen(*, verzoek, door, soort, ingediend_op, versie=None, nu=None):
    """Record a bezwaar (Awb 6:4) or beroep against the decision. While it is pending the request is
    not anonymised (`verzoek_anonimiseren`); a new one reopens the wait after an earlier one ended."""
    nu = nu or timezone.now()
    verzoek = _vergrendeld(verzoek, versie)
    vereis(door, "rechten.afhandelen_verzoek", verzoek)
    if verzoek.status != Status.AFGEHANDELD or verzoek.uitkomst not in UITKOMSTEN_MET_BESLUIT:
        raise OvergangNietToegestaan("Bezwaar of beroep kan alleen tegen een besluit op het verzoek.")
    if verzoek.geanonimiseerd_op:
        raise OvergangNietToegestaan("Dit verzoek is al geanonimiseerd.")
    fouten = {}
    if soort not in RECHTSMIDDELEN:
        fouten["soort"] = "Kies bezwaar of beroep."
    if not _is_datum(ingediend_op):
        fouten["ingediend_op"] = "Vul de datum in waarop het is ingediend."
    elif ingediend_op > timezone.localdate(nu):
        fouten["ingediend_op"] = "Deze datum ligt in de toekomst."
    elif ingediend_op < verzoek.besloten_op:
        fouten["ingediend_op"] = f"Deze datum ligt vóór het besluit van {_datum(verzoek.besloten_op)}."
    if fouten:
        raise ValidationError(fouten)
    setattr(verzoek, RECHTSMIDDELEN[soort], ingediend_op)
    verzoek.rechtsmiddel_afgerond_op = None
    opslaan(verzoek, door=door, reden=f"{soort.capitalize()} ingediend op {_datum(ingediend_op)}; niet anonimiseren")
    return verzoek


@transaction.atomic
def rechtsmiddel_afronden(*, verzoek, door, afgerond_op, versie=None, nu=None):
    """The bezwaar or beroep has ended (decision on bezwaar, judgment, withdrawal); the retention
    period runs again from that day."""
    nu = nu or timezone.now()
    verzoek = _vergrendeld(verzoek, versie)
    vereis(door, "rechten.afhandelen_verzoek", verzoek)
    if not verzoek.rechtsmiddel_lopend:
        raise OvergangNietToegestaan("Er loopt geen bezwaar of beroep.")
    if not _is_datum(afgerond_op):
        raise ValidationError({"afgerond_op": "Vul de datum in waarop het is afgerond."})
    if afgerond_op > timezone.localdate(nu):
        raise ValidationError({"afgerond_op": "Deze datum ligt in de toekomst."})
    begin = max(d for d in (verzoek.bezwaar_ingediend_op, verzoek.beroep_ingesteld_op) if d)
    if afgerond_op < begin:
        raise ValidationError({"afgerond_op": f"Deze datum ligt vóór het indienen op {_datum(begin)}."})
    verzoek.rechtsmiddel_afgerond_op = afgerond_op
    opslaan(verzoek, door=door, reden=f"Bezwaar of beroep afgerond op {_datum(afgerond_op)}")
    return verzoek


# --- the art. 15 information in the decision on an inzage request ---------------------------------


def _versie_tekst(versie):
    return f"versie {versie.volgnummer}" if versie else "geen vastgestelde versie"


def _nieuw_onderdeel(inzage, verwerking, *, door):
    versie = verwerking.gepubliceerde_versie
    onderdeel = InzageOnderdeel(
        inzage=inzage, verwerking=verwerking, versie=versie, **onderdeel_uit_versie(versie, naam=verwerking.naam)
    )
    opslaan(onderdeel, door=door, reden=f"Ingevuld uit het register ({_versie_tekst(versie)})")
    return onderdeel


def _gekoppelde_verwerkingen(verzoek):
    return list(verzoek.verwerkingen.select_related("gepubliceerde_versie").order_by("naam", "pk"))


def _inzage_aanmaken(verzoek, *, door):
    """Store the prefilled art. 15 information: the general parts and one part per linked verwerking,
    from its approved version (rechten/inzage.py)."""
    inzage = InzageInformatie(verzoek=verzoek, **algemeen_voorstel(verzoek))
    verwerkingen = _gekoppelde_verwerkingen(verzoek)
    namen = ", ".join(f"{v.naam} ({_versie_tekst(v.gepubliceerde_versie)})" for v in verwerkingen) or "geen"
    opslaan(inzage, door=door, reden=f"Inzage-informatie (art. 15) ingevuld uit het register: {namen}")
    for verwerking in verwerkingen:
        _nieuw_onderdeel(inzage, verwerking, door=door)
    return inzage


def _inzage_koppelingen_bijwerken(inzage, verzoek, *, door):
    """Follow the linked verwerkingen without losing an edited text: a newly linked verwerking gets
    a prefilled part, an unlinked one keeps its part (out of the letter) and gets it back when linked
    again. Returns the names of the edited parts that are now out of the letter."""
    gekoppeld = {v.pk: v for v in _gekoppelde_verwerkingen(verzoek)}
    onderdelen = {o.verwerking_id: o for o in inzage.onderdelen.select_for_update(of=("self",))}
    delen = []
    for pk, verwerking in gekoppeld.items():
        onderdeel = onderdelen.get(pk)
        if onderdeel is None:
            _nieuw_onderdeel(inzage, verwerking, door=door)
            delen.append(f"{verwerking.naam} toegevoegd")
        elif not onderdeel.gekoppeld:
            onderdeel.gekoppeld = True
            opslaan(onderdeel, door=door, reden="Verwerking weer gekoppeld: weer in de brief")
            delen.append(f"{onderdeel.naam} weer in de brief")
    bewaard = []
    for pk, onderdeel in onderdelen.items():
        if pk not in gekoppeld and onderdeel.gekoppeld:
            onderdeel.gekoppeld = False
            tekst = "aangepaste tekst bewaard" if onderdeel.bewerkt else "niet meer in de brief"
            opslaan(onderdeel, door=door, reden=f"Verwerking losgekoppeld: {tekst}")
            delen.append(f"{onderdeel.naam}: {tekst}")
            if onderdeel.bewerkt:
                bewaard.append(onderdeel.naam)
    if delen:
        opslaan(inzage, door=door, reden="Inzage-informatie volgt de betrokken verwerkingen: " + "; ".join(delen))
    return bewaard


def inzage_bewerkbaar(verzoek):
    """Why the art. 15 information cannot be edited now ('' when it can)."""
    if not geldt_voor(verzoek):
        return "Alleen een verzoek om inzage dat (deels) wordt toegewezen, heeft inzage-informatie (art. 15)."
    if verzoek.status not in (Status.ONTVANGEN, Status.IN_BEHANDELING, Status.AFGEHANDELD):
        return "Dit verzoek is niet (meer) in behandeling."
    if verzoek.verzonden_op:
        return f"De besluitbrief is al verzonden op {_datum(verzoek.verzonden_op)}: de tekst ligt vast."
    return ""


def _tekst(waarde):
    return waarde.strip() if isinstance(waarde, str) else waarde


@transaction.atomic
def inzage_informatie_opslaan(*, verzoek, door, gegevens, versie=None, nu=None):
    """Save the privacy officer's edits of the art. 15(1)-(3) information (creating the prefilled
    structure first when there is none yet). Until the decision letter is sent.

    `gegevens` (each key optional): kopie_vorm, kopie_toelichting, kopie_reden, rechten_tekst,
    klacht_tekst, and `onderdelen`: {verwerking uuid (str): {naam, doeleinden, persoonsgegevens,
    ontvangers, doorgifte, bewaartermijn, herkomst, geautomatiseerd, logica}}. `versie` is the version
    of the stored information the user saw (0: none stored yet). Errors name the field; those of a part
    as `onderdelen.<verwerking uuid>.<veld>`. A changed part is marked as edited, so linking
    verwerkingen later never replaces it.
    """
    verzoek = _vergrendeld(verzoek)
    vereis(door, "rechten.afhandelen_verzoek", verzoek)
    waarom_niet = inzage_bewerkbaar(verzoek)
    if waarom_niet:
        raise OvergangNietToegestaan(waarom_niet)
    inzage = InzageInformatie.objects.select_for_update(of=("self",)).filter(verzoek=verzoek).first()
    if inzage is not None and versie is not None:
        inzage = vergrendel(inzage, versie=versie)
    gegevens = dict(gegevens or {})
    invoer_onderdelen = gegevens.pop("onderdelen", None) or {}
    fouten = {veld: "Dit veld bestaat niet." for veld in sorted(set(gegevens) - set(ALGEMENE_VELDEN))}
    if inzage is None:
        inzage = _inzage_aanmaken(verzoek, door=door)
    algemeen = {veld: getattr(inzage, veld) for veld in ALGEMENE_VELDEN}
    algemeen.update({k: _tekst(v) for k, v in gegevens.items() if k in ALGEMENE_VELDEN})
    if algemeen["kopie_vorm"] not in KopieVorm.values:
        fouten["kopie_vorm"] = "Kies hoe de verzoeker de kopie krijgt."
    elif (
        verzoek.kanaal in KANALEN_ELEKTRONISCH
        and algemeen["kopie_vorm"] != KopieVorm.ELEKTRONISCH
        and not algemeen["kopie_reden"]
    ):
        fouten["kopie_reden"] = (
            "Het verzoek kwam elektronisch binnen: de kopie gaat dan elektronisch, tenzij de verzoeker zelf om iets "
            "anders vroeg (art. 15 lid 3 AVG). Schrijf op wat de verzoeker vroeg."
        )
    for veld, tekst in (
        ("kopie_toelichting", "Schrijf op hoe de verzoeker de kopie krijgt (art. 15 lid 3 AVG)."),
        (
            "rechten_tekst",
            "Noem de rechten op verbetering, verwijdering, beperking en bezwaar (art. 15 lid 1 onder e).",
        ),
        ("klacht_tekst", "Noem het recht op een klacht bij de Autoriteit Persoonsgegevens (art. 15 lid 1 onder f)."),
    ):
        if not algemeen[veld]:
            fouten[veld] = tekst

    onderdelen = {str(o.verwerking.uuid): o for o in inzage.onderdelen.select_related("verwerking")}
    nieuw = {}
    for sleutel, velden in invoer_onderdelen.items():
        onderdeel = onderdelen.get(str(sleutel))
        if onderdeel is None or not onderdeel.gekoppeld:
            fouten[f"onderdelen.{sleutel}"] = "Deze verwerking hoort niet bij het verzoek."
            continue
        velden = dict(velden or {})
        for veld in sorted(set(velden) - {*ONDERDEEL_TEKSTVELDEN, "geautomatiseerd"}):
            fouten[f"onderdelen.{sleutel}.{veld}"] = "Dit veld bestaat niet."
        samen = {veld: getattr(onderdeel, veld) for veld in (*ONDERDEEL_TEKSTVELDEN, "geautomatiseerd")}
        samen.update({k: _tekst(v) for k, v in velden.items() if k in samen})
        samen["geautomatiseerd"] = bool(samen["geautomatiseerd"])
        for veld, tekst in VERPLICHT.items():
            if not samen[veld]:
                fouten[f"onderdelen.{sleutel}.{veld}"] = tekst
        if len(samen["naam"]) > 250:
            fouten[f"onderdelen.{sleutel}.naam"] = "Gebruik hoogstens 250 tekens."
        if samen["geautomatiseerd"] and not samen["logica"]:
            fouten[f"onderdelen.{sleutel}.logica"] = LOGICA_ONTBREEKT
        nieuw[sleutel] = samen
    if fouten:
        raise ValidationError(fouten)

    delen = []
    for sleutel, samen in nieuw.items():
        onderdeel = onderdelen[sleutel]
        gewijzigd = [veld for veld, waarde in samen.items() if getattr(onderdeel, veld) != waarde]
        if not gewijzigd:
            continue
        for veld in gewijzigd:
            setattr(onderdeel, veld, samen[veld])
        onderdeel.bewerkt = True
        labels = ", ".join(str(InzageOnderdeel._meta.get_field(v).verbose_name).split(" (")[0] for v in gewijzigd)
        opslaan(onderdeel, door=door, reden=f"Aangepast door de privacy officer: {labels}")
        delen.append(onderdeel.naam)
    gewijzigd = [veld for veld in ALGEMENE_VELDEN if getattr(inzage, veld) != algemeen[veld]]
    for veld in gewijzigd:
        setattr(inzage, veld, algemeen[veld])
    if gewijzigd:
        delen.append(", ".join(str(InzageInformatie._meta.get_field(v).verbose_name) for v in gewijzigd))
    if delen:
        opslaan(inzage, door=door, reden="Inzage-informatie (art. 15) aangepast: " + "; ".join(delen))
    return inzage


# --- system: retention and calendar ----------------------------------------------------------------


def _leeg(veld):
    return GEANONIMISEERD if veld == "verzoeker_naam" else ""


@transaction.atomic
def verzoek_anonimiseren(*, verzoek, nu=None):
    """Remove the requester's personal data from the request, its tasks, art. 19 records AND their history.

    Kept: gemeente, rights, channel, dates, deadlines, outcome, ground, teams and tasks (counts).
    Every free text is emptied too, since staff may have written personal data in it.

    History: the historical rows are updated in place with QuerySet.update on the *historical*
    models. GeschiedenisManager blocks bulk writes on the tracked models so that no change escapes
    the history; here the history itself must change, which is the one intended exception. The
    rows stay (who did what when remains accountable, BIO 8.15), only the personal data go. The
    anonymisation itself is a new history row with a reason. History reasons never hold personal
    data (they are generated from field labels), so they stay as they are.
    """
    nu = nu or timezone.now()
    verzoek = _vergrendeld(verzoek)
    WORKFLOW.controleer("anonimiseren", verzoek.status)
    if verzoek.geanonimiseerd_op or verzoek.rechtsmiddel_lopend:
        # a pending bezwaar or beroep needs the complete file
        return verzoek
    leeg = {veld: _leeg(veld) for veld in PERSOONSGEGEVENS}
    for veld, waarde in leeg.items():
        setattr(verzoek, veld, waarde)
    verzoek.bevestig_token_hash = ""
    verzoek.geanonimiseerd_op = nu
    opslaan(verzoek, door=None, reden="Persoonsgegevens geanonimiseerd na de bewaartermijn")
    Verzoek.history.model.objects.filter(id=verzoek.pk).update(**leeg)

    taak_leeg = {"omschrijving": GEANONIMISEERD, "resultaat": ""}
    for taak in verzoek.taken.select_for_update(of=("self",)):
        for veld, waarde in taak_leeg.items():
            setattr(taak, veld, waarde)
        opslaan(taak, door=None, reden="Persoonsgegevens geanonimiseerd na de bewaartermijn")
    Taak.history.model.objects.filter(verzoek_id=verzoek.pk).update(**taak_leeg)

    for kennisgeving in verzoek.kennisgevingen.select_for_update(of=("self",)):
        kennisgeving.toelichting = ""
        opslaan(kennisgeving, door=None, reden="Persoonsgegevens geanonimiseerd na de bewaartermijn")
    Kennisgeving.history.model.objects.filter(verzoek_id=verzoek.pk).update(toelichting="")

    # the art. 15 information: the privacy officer may have written personal data in any text
    inzage = InzageInformatie.objects.select_for_update(of=("self",)).filter(verzoek=verzoek).first()
    if inzage is not None:
        inzage_leeg = {"kopie_toelichting": "", "kopie_reden": "", "rechten_tekst": "", "klacht_tekst": ""}
        onderdeel_leeg = {veld: "" for veld in ONDERDEEL_TEKSTVELDEN} | {"naam": GEANONIMISEERD}
        for veld, waarde in inzage_leeg.items():
            setattr(inzage, veld, waarde)
        opslaan(inzage, door=None, reden="Persoonsgegevens geanonimiseerd na de bewaartermijn")
        InzageInformatie.history.model.objects.filter(id=inzage.pk).update(**inzage_leeg)
        for onderdeel in inzage.onderdelen.select_for_update(of=("self",)):
            for veld, waarde in onderdeel_leeg.items():
                setattr(onderdeel, veld, waarde)
            opslaan(onderdeel, door=None, reden="Persoonsgegevens geanonimiseerd na de bewaartermijn")
        InzageOnderdeel.history.model.objects.filter(inzage_id=inzage.pk).update(**onderdeel_leeg)
    return verzoek


@bij_kalenderwijziging
def termijnen_herberekenen(kalender):
    """After a change of the extra vrije dagen: recompute the deadlines of every open request.

    Each changed request is saved on its own (with history), so the list, the scan and the
    extension rule use the new dates at once. Returns the number of requests changed.
    """
    aantal = 0
    ids = list(
        Verzoek.objects.filter(status__in=(Status.ONTVANGEN, Status.IN_BEHANDELING)).values_list("pk", flat=True)
    )
    for pk in ids:
        with transaction.atomic():
            verzoek = vergrendel(Verzoek(pk=pk))
            if not verzoek.is_open or not verzoek.ontvangen_op:
                continue
            deadline, verlengd_tot = verzoek.deadline, verzoek.verlengd_tot
            gewijzigd = _zet_deadlines(verzoek, kalender)
            if (
                Verzoek.klokstart.gecorrigeerd(verzoek)
                and verstreken(deadline, timezone.localdate())
                and verzoek.deadline > deadline
            ):
                # a late request whose receipt date was corrected keeps its passed deadline
                # (ontvangst_corrigeren): a calendar change gives it no new month either
                verzoek.deadline = deadline
                gewijzigd = verlengd_tot != verzoek.verlengd_tot
            if gewijzigd:
                delen = []
                if deadline != verzoek.deadline:
                    delen.append(f"deadline {_datum(deadline)} wordt {_datum(verzoek.deadline)}")
                if verlengd_tot != verzoek.verlengd_tot:
                    delen.append(f"verlengd tot {_datum(verlengd_tot)} wordt {_datum(verzoek.verlengd_tot)}")
                reden = "Termijn herberekend na een wijziging van de kalender: " + "; ".join(delen)
                opslaan(verzoek, door=None, reden=reden)
                aantal += 1
    return aantal
