"""Every write to the register van verwerkingen goes through a function here.

Each function locks the row and checks the version the user saw (`versie`, see
privacy_portal.core.schrijven), checks the permission on the server and the transition against
workflow.WORKFLOW, validates, and saves with a history reason and the acting user. A stale edit or
decision raises `VersieConflict`: nobody approves or returns a text that changed after they opened it.
"""

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from guardian.shortcuts import assign_perm, remove_perm

from privacy_portal.core.permissions import vereis
from privacy_portal.core.schrijven import opslaan, vergrendel
from privacy_portal.notificaties.models import Soort
from privacy_portal.notificaties.services import stap_melden
from privacy_portal.organisaties.models import RolToewijzing, Team, Verwerkingsverantwoordelijke
from privacy_portal.organisaties.rollen import DELEGATIE_RECHTEN, Rol
from privacy_portal.organisaties.selectors import gebruikers_met_rol

from .constants import BijzondereCategorie, Grondslag, Status
from .models import Verwerking, VerwerkingInhoud, VerwerkingVersie
from .openbaar import openbaar_register_gewijzigd
from .volledigheid import ontbrekende_velden, volledigheid_percentage
from .workflow import WORKFLOW

INHOUD_VELDEN = [f.name for f in VerwerkingInhoud._meta.fields if f.name != "id"]
VELD_LABELS = {f.name: str(f.verbose_name) for f in VerwerkingInhoud._meta.fields}


def valideer_inhoud(gemeente, gegevens):
    """Cross-object and pick-list checks; raises one ValidationError with every invalid field."""
    fouten = {}
    onbekend = set(gegevens) - set(INHOUD_VELDEN)
    for veld in sorted(onbekend):
        fouten[veld] = "Dit veld bestaat niet."
    team = gegevens.get("team")
    if "team" in gegevens and (not isinstance(team, Team) or team.gemeente_id != gemeente.pk):
        fouten["team"] = "Kies een team van deze gemeente."
    vv = gegevens.get("verwerkingsverantwoordelijke")
    if "verwerkingsverantwoordelijke" in gegevens and (
        not isinstance(vv, Verwerkingsverantwoordelijke) or vv.gemeente_id != gemeente.pk
    ):
        fouten["verwerkingsverantwoordelijke"] = "Kies een verwerkingsverantwoordelijke van deze gemeente."
    if "naam" in gegevens and not (gegevens["naam"] or "").strip():
        fouten["naam"] = "Geef de verwerking een naam."
    for veld, keuzes in (("grondslagen", Grondslag.values), ("bijzondere_categorieen", BijzondereCategorie.values)):
        waarde = gegevens.get(veld)
        if veld in gegevens and (not isinstance(waarde, list) or not set(waarde) <= set(keuzes)):
            fouten[veld] = f"Kies alleen uit: {', '.join(keuzes)}."
    if fouten:
        raise ValidationError(fouten)


def _vergrendeld(verwerking, versie):
    return vergrendel(verwerking, versie=versie, related=("team", "gemeente"))


# --- Who hears about a step -----------------------------------------------------------------------
# Subjects and texts name the verwerking (a title staff already see), never an inwoner or an address.

INGEDIEND = "Ter beoordeling ingediend"


def _link(verwerking):
    return reverse("registers:detail", kwargs={"uuid": verwerking.uuid})


def teammanagers_van(verwerking):
    """Active users holding the teammanager role of the verwerking's team."""
    ids = RolToewijzing.objects.filter(rol=Rol.TEAMMANAGER, team_id=verwerking.team_id).values("gebruiker_id")
    return list(get_user_model().objects.filter(pk__in=ids, is_active=True))


def indiener_van(verwerking):
    """The user who last submitted the verwerking for review (None when unknown)."""
    rij = (
        verwerking.history.filter(history_change_reason=INGEDIEND, history_user__isnull=False)
        .select_related("history_user")
        .order_by("-history_id")
        .first()
    )
    return rij.history_user if rij else None


def _team_en_indiener(verwerking):
    indiener = indiener_van(verwerking)
    return teammanagers_van(verwerking) + ([indiener] if indiener else [])


@transaction.atomic
def verwerking_aanmaken(*, door, gemeente, gegevens, reden="Aangemaakt"):
    for veld in ("naam", "team", "verwerkingsverantwoordelijke"):
        gegevens.setdefault(veld, None)
    valideer_inhoud(gemeente, gegevens)
    vereis(door, "registers.add_verwerking", gegevens["team"])
    verwerking = Verwerking(gemeente=gemeente, status=Status.CONCEPT)
    for veld, waarde in gegevens.items():
        setattr(verwerking, veld, waarde)
    verwerking.volledigheid = volledigheid_percentage(verwerking)
    return opslaan(verwerking, door=door, reden=reden)


@transaction.atomic
def verwerking_wijzigen(*, verwerking, door, gegevens, reden="", versie=None):
    verwerking = _vergrendeld(verwerking, versie)
    vereis(door, "registers.change_verwerking", verwerking)
    nieuwe_status = WORKFLOW.controleer("wijzigen", verwerking.status)
    valideer_inhoud(verwerking.gemeente, gegevens)
    if "team" in gegevens and gegevens["team"] != verwerking.team:
        vereis(door, "registers.change_verwerking", gegevens["team"])
    gewijzigd = [veld for veld, waarde in gegevens.items() if getattr(verwerking, veld) != waarde]
    if not gewijzigd:
        return verwerking
    for veld in gewijzigd:
        setattr(verwerking, veld, gegevens[veld])
    verwerking.status = nieuwe_status
    verwerking.volledigheid = volledigheid_percentage(verwerking)
    return opslaan(verwerking, door=door, reden=reden or "Gewijzigd: " + ", ".join(VELD_LABELS[v] for v in gewijzigd))


def _vereis_volledig(verwerking):
    ontbrekend = ontbrekende_velden(verwerking)
    if ontbrekend:
        raise ValidationError({veld: "Dit verplichte veld is nog leeg." for veld in ontbrekend})


@transaction.atomic
def verwerking_indienen(*, verwerking, door, versie=None):
    verwerking = _vergrendeld(verwerking, versie)
    vereis(door, "registers.indienen_verwerking", verwerking)
    verwerking.status = WORKFLOW.controleer("indienen", verwerking.status)
    _vereis_volledig(verwerking)
    opslaan(verwerking, door=door, reden=INGEDIEND)
    stap_melden(
        obj=verwerking,
        stap="indienen",
        ontvangers=gebruikers_met_rol(verwerking.gemeente, Rol.PRIVACY_OFFICER),
        onderwerp=f"Verwerking ter beoordeling: {verwerking.naam}",
        tekst=f"De verwerking '{verwerking.naam}' (team {verwerking.team.naam}) is ingediend. "
        "Beoordeel haar en stel haar vast, of stuur haar terug.",
        link=_link(verwerking),
        door=door,
        soort=Soort.ACTIE,
    )
    return verwerking


VASTGESTELD = "Vastgesteld als versie"
ZONDER_VIER_OGEN = " (zonder vier ogen: zelf opgesteld of ingediend; uitzondering van de gemeente voor één persoon)"


def auteurs_van(verwerking):
    """The users who wrote the text about to be approved: who created the verwerking or changed its
    content since the last approved version, and who submitted it."""
    velden = [VerwerkingInhoud._meta.get_field(v).attname for v in INHOUD_VELDEN]
    auteurs, vorige = set(), None
    for rij in verwerking.history.order_by("history_id"):
        reden = rij.history_change_reason or ""
        if reden.startswith(VASTGESTELD):
            auteurs = set()
        elif (
            rij.history_type == "+"
            or reden == INGEDIEND
            or (vorige is not None and any(getattr(rij, v) != getattr(vorige, v) for v in velden))
        ):
            auteurs.add(rij.history_user_id)
        vorige = rij
    auteurs.discard(None)
    return auteurs


def _vier_ogen(verwerking, door):
    """The history's note when the approver wrote or submitted the text (only with the gemeente's
    exception); otherwise a ValidationError."""
    if door.pk not in auteurs_van(verwerking):
        return ""
    if verwerking.gemeente.vier_ogen_uitzondering:
        return ZONDER_VIER_OGEN
    raise ValidationError(
        "Vier ogen: u heeft deze verwerking zelf opgesteld, gewijzigd of ingediend. "
        "Een andere privacy officer stelt haar vast of stuurt haar terug."
    )


def volgend_volgnummer(verwerking):
    """The number the next approved version of this verwerking gets."""
    vorige = verwerking.versies.order_by("-volgnummer").values_list("volgnummer", flat=True).first() or 0
    return vorige + 1


@transaction.atomic
def verwerking_goedkeuren(*, verwerking, door, versie=None):
    """Approve and publish the text the privacy officer saw (`versie`); refused when it changed since,
    and refused to whoever wrote or submitted that text (four eyes; see `_vier_ogen`)."""
    verwerking = _vergrendeld(verwerking, versie)
    vereis(door, "registers.beoordelen_verwerking", verwerking)
    verwerking.status = WORKFLOW.controleer("goedkeuren", verwerking.status)
    _vereis_volledig(verwerking)
    opmerking = _vier_ogen(verwerking, door)
    vastgesteld = VerwerkingVersie(
        verwerking=verwerking,
        volgnummer=volgend_volgnummer(verwerking),
        vastgesteld_op=timezone.now(),
        vastgesteld_door=door,
        **{veld: getattr(verwerking, veld) for veld in INHOUD_VELDEN},
    )
    reden = f"{VASTGESTELD} {vastgesteld.volgnummer}{opmerking}"
    opslaan(vastgesteld, door=door, reden=reden)
    verwerking.gepubliceerde_versie = vastgesteld
    verwerking.afwijsreden = ""
    opslaan(verwerking, door=door, reden=reden)
    openbaar_register_gewijzigd(verwerking.gemeente_id)
    stap_melden(
        obj=verwerking,
        stap="goedkeuren",
        ontvangers=_team_en_indiener(verwerking),
        onderwerp=f"Verwerking vastgesteld: {verwerking.naam}",
        tekst=f"De verwerking '{verwerking.naam}' is vastgesteld als versie {vastgesteld.volgnummer} "
        "en staat nu op de openbare pagina.",
        link=_link(verwerking),
        door=door,
        soort=Soort.UITKOMST,
    )
    return verwerking


@transaction.atomic
def verwerking_afwijzen(*, verwerking, door, reden, versie=None):
    if not (reden or "").strip():
        raise ValidationError({"reden": "Geef aan waarom u de verwerking terugstuurt."})
    verwerking = _vergrendeld(verwerking, versie)
    vereis(door, "registers.beoordelen_verwerking", verwerking)
    verwerking.status = WORKFLOW.controleer("afwijzen", verwerking.status)
    verwerking.afwijsreden = reden.strip()
    opslaan(verwerking, door=door, reden=f"Teruggestuurd: {reden.strip()}")
    stap_melden(
        obj=verwerking,
        stap="afwijzen",
        ontvangers=_team_en_indiener(verwerking),
        onderwerp=f"Verwerking teruggestuurd: {verwerking.naam}",
        tekst=f"De privacy officer heeft de verwerking '{verwerking.naam}' teruggestuurd. "
        f"Reden: {verwerking.afwijsreden}",
        link=_link(verwerking),
        door=door,
        soort=Soort.UITKOMST,
    )
    return verwerking


@transaction.atomic
def verwerking_archiveren(*, verwerking, door, reden="", versie=None):
    verwerking = _vergrendeld(verwerking, versie)
    vereis(door, "registers.archiveren_verwerking", verwerking)
    verwerking.status = WORKFLOW.controleer("archiveren", verwerking.status)
    openbaar_register_gewijzigd(verwerking.gemeente_id)
    return opslaan(verwerking, door=door, reden=f"Gearchiveerd{': ' + reden.strip() if reden.strip() else ''}")


def medewerkers_voor_delegatie(verwerking):
    """Users holding the medewerker role in the verwerking's team."""
    ids = RolToewijzing.objects.filter(rol=Rol.MEDEWERKER, team_id=verwerking.team_id).values("gebruiker_id")
    return get_user_model().objects.filter(pk__in=ids, is_active=True).order_by("username")


@transaction.atomic
def verwerking_delegeren(*, verwerking, door, medewerker, versie=None):
    verwerking = _vergrendeld(verwerking, versie)
    vereis(door, "registers.delegeren_verwerking", verwerking)
    if not medewerkers_voor_delegatie(verwerking).filter(pk=medewerker.pk).exists():
        raise ValidationError({"medewerker": "Alleen een medewerker van het team van deze verwerking kan het krijgen."})
    for recht in DELEGATIE_RECHTEN:
        assign_perm(recht, medewerker, verwerking)
    opslaan(verwerking, door=door, reden=f"Gedelegeerd aan {medewerker.get_full_name() or medewerker.username}")
    stap_melden(
        obj=verwerking,
        stap="delegeren",
        ontvangers=[medewerker],
        onderwerp=f"Verwerking aan u gedelegeerd: {verwerking.naam}",
        tekst=f"U kunt de verwerking '{verwerking.naam}' nu bewerken. Vul aan wat nog ontbreekt.",
        link=_link(verwerking),
        door=door,
        soort=Soort.ACTIE,
    )
    return verwerking


@transaction.atomic
def delegatie_intrekken(*, verwerking, door, medewerker, versie=None):
    verwerking = _vergrendeld(verwerking, versie)
    vereis(door, "registers.delegeren_verwerking", verwerking)
    for recht in DELEGATIE_RECHTEN:
        remove_perm(recht, medewerker, verwerking)
    naam = medewerker.get_full_name() or medewerker.username
    opslaan(verwerking, door=door, reden=f"Delegatie aan {naam} ingetrokken")
    stap_melden(
        obj=verwerking,
        stap="intrekken",
        ontvangers=[medewerker],
        onderwerp=f"Delegatie ingetrokken: {verwerking.naam}",
        tekst=f"U kunt de verwerking '{verwerking.naam}' niet meer bewerken: de delegatie is ingetrokken.",
        link=_link(verwerking),
        door=door,
        soort=Soort.UITKOMST,
    )
    return verwerking
