"""Every write to the register van verwerkingen goes through a function here.

Each function checks the permission on the server, locks the row, checks the transition against
workflow.OVERGANGEN, validates, saves with a history reason and the acting user.
"""

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from guardian.shortcuts import assign_perm, remove_perm

from privacy_portal.core.permissions import vereis
from privacy_portal.organisaties.models import RolToewijzing, Team, Verwerkingsverantwoordelijke
from privacy_portal.organisaties.rollen import DELEGATIE_RECHTEN, Rol

from .constants import BijzondereCategorie, Grondslag, Status
from .models import Verwerking, VerwerkingInhoud, VerwerkingVersie
from .volledigheid import ontbrekende_velden, volledigheid_percentage
from .workflow import controleer_overgang

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


def _opslaan(verwerking, door, reden):
    verwerking.volledigheid = volledigheid_percentage(verwerking)
    verwerking._change_reason = reden
    verwerking._history_user = door
    verwerking.save()


def _vergrendeld(verwerking):
    return Verwerking.objects.select_for_update(of=("self",)).select_related("team", "gemeente").get(pk=verwerking.pk)


@transaction.atomic
def verwerking_aanmaken(*, door, gemeente, gegevens, reden="Aangemaakt"):
    for veld in ("naam", "team", "verwerkingsverantwoordelijke"):
        gegevens.setdefault(veld, None)
    valideer_inhoud(gemeente, gegevens)
    vereis(door, "registers.add_verwerking", gegevens["team"])
    verwerking = Verwerking(gemeente=gemeente, status=Status.CONCEPT)
    for veld, waarde in gegevens.items():
        setattr(verwerking, veld, waarde)
    _opslaan(verwerking, door, reden)
    return verwerking


@transaction.atomic
def verwerking_wijzigen(*, verwerking, door, gegevens, reden=""):
    verwerking = _vergrendeld(verwerking)
    vereis(door, "registers.change_verwerking", verwerking)
    nieuwe_status = controleer_overgang("wijzigen", verwerking.status)
    valideer_inhoud(verwerking.gemeente, gegevens)
    if "team" in gegevens and gegevens["team"] != verwerking.team:
        vereis(door, "registers.change_verwerking", gegevens["team"])
    gewijzigd = [veld for veld, waarde in gegevens.items() if getattr(verwerking, veld) != waarde]
    if not gewijzigd:
        return verwerking
    for veld in gewijzigd:
        setattr(verwerking, veld, gegevens[veld])
    verwerking.status = nieuwe_status
    _opslaan(verwerking, door, reden or "Gewijzigd: " + ", ".join(VELD_LABELS[v] for v in gewijzigd))
    return verwerking


def _vereis_volledig(verwerking):
    ontbrekend = ontbrekende_velden(verwerking)
    if ontbrekend:
        raise ValidationError({veld: "Dit verplichte veld is nog leeg." for veld in ontbrekend})


@transaction.atomic
def verwerking_indienen(*, verwerking, door):
    verwerking = _vergrendeld(verwerking)
    vereis(door, "registers.indienen_verwerking", verwerking)
    verwerking.status = controleer_overgang("indienen", verwerking.status)
    _vereis_volledig(verwerking)
    _opslaan(verwerking, door, "Ter beoordeling ingediend")
    return verwerking


@transaction.atomic
def verwerking_goedkeuren(*, verwerking, door):
    verwerking = _vergrendeld(verwerking)
    vereis(door, "registers.beoordelen_verwerking", verwerking)
    verwerking.status = controleer_overgang("goedkeuren", verwerking.status)
    _vereis_volledig(verwerking)
    vorige = verwerking.versies.order_by("-volgnummer").values_list("volgnummer", flat=True).first() or 0
    versie = VerwerkingVersie(
        verwerking=verwerking,
        volgnummer=vorige + 1,
        vastgesteld_op=timezone.now(),
        vastgesteld_door=door,
        **{veld: getattr(verwerking, veld) for veld in INHOUD_VELDEN},
    )
    versie._history_user = door
    versie.save()
    verwerking.gepubliceerde_versie = versie
    verwerking.afwijsreden = ""
    _opslaan(verwerking, door, f"Vastgesteld als versie {versie.volgnummer}")
    return verwerking


@transaction.atomic
def verwerking_afwijzen(*, verwerking, door, reden):
    if not (reden or "").strip():
        raise ValidationError({"reden": "Geef aan waarom u de verwerking terugstuurt."})
    verwerking = _vergrendeld(verwerking)
    vereis(door, "registers.beoordelen_verwerking", verwerking)
    verwerking.status = controleer_overgang("afwijzen", verwerking.status)
    verwerking.afwijsreden = reden.strip()
    _opslaan(verwerking, door, f"Teruggestuurd: {reden.strip()}")
    return verwerking


@transaction.atomic
def verwerking_archiveren(*, verwerking, door, reden=""):
    verwerking = _vergrendeld(verwerking)
    vereis(door, "registers.archiveren_verwerking", verwerking)
    verwerking.status = controleer_overgang("archiveren", verwerking.status)
    _opslaan(verwerking, door, f"Gearchiveerd{': ' + reden.strip() if reden.strip() else ''}")
    return verwerking


def medewerkers_voor_delegatie(verwerking):
    """Users holding the medewerker role in the verwerking's team."""
    ids = RolToewijzing.objects.filter(rol=Rol.MEDEWERKER, team_id=verwerking.team_id).values("gebruiker_id")
    return get_user_model().objects.filter(pk__in=ids, is_active=True).order_by("username")


@transaction.atomic
def verwerking_delegeren(*, verwerking, door, medewerker):
    verwerking = _vergrendeld(verwerking)
    vereis(door, "registers.delegeren_verwerking", verwerking)
    if not medewerkers_voor_delegatie(verwerking).filter(pk=medewerker.pk).exists():
        raise ValidationError({"medewerker": "Alleen een medewerker van het team van deze verwerking kan het krijgen."})
    for recht in DELEGATIE_RECHTEN:
        assign_perm(recht, medewerker, verwerking)
    _opslaan(verwerking, door, f"Gedelegeerd aan {medewerker.get_full_name() or medewerker.username}")
    return verwerking


@transaction.atomic
def delegatie_intrekken(*, verwerking, door, medewerker):
    verwerking = _vergrendeld(verwerking)
    vereis(door, "registers.delegeren_verwerking", verwerking)
    for recht in DELEGATIE_RECHTEN:
        remove_perm(recht, medewerker, verwerking)
    _opslaan(verwerking, door, f"Delegatie aan {medewerker.get_full_name() or medewerker.username} ingetrokken")
    return verwerking
