"""The DPIA-register's part of the work list, through the register's selectors (so scope applies):

- FG: DPIAs waiting for advice (the model keeps no advice term, so no deadline);
- CISO: DPIAs at the FG without a security advice yet;
- who decides on the residual risk (teammanager when it is not high, college or directeur when it
  is): DPIAs waiting for that decision; the privacy officer (change rights on the whole gemeente)
  follows those decisions up;
- teammanager of the team (and a medewerker a DPIA was delegated to): their pre-scans and DPIAs in
  progress, AP answers to record, re-checks due or marked, and measures past or near their due date;
- the owner of a measure: that measure when it is past or near its due date.

Three queries: the user's roles (cached), the DPIAs, the measures.
"""

from datetime import timedelta

from django.db.models import Exists, OuterRef, Q
from django.urls import reverse
from django.utils import timezone

from privacy_portal.core.werklijst import WerkItem
from privacy_portal.organisaties.rollen import ROL_RECHTEN
from privacy_portal.organisaties.selectors import bereik_van, rol_toewijzingen

from .constants import OPEN_MAATREGEL, Niveau, Status
from .models import DpiaDelegatie, Maatregel
from .selectors import dpias_voor

REGISTER = "DPIA's"
MAATREGEL_VOORUIT_DAGEN = 14  # a measure shows this many days before its due date
HERCONTROLE_VOORUIT_DAGEN = 30


def _link(dpia, naam="dpia:detail", **extra):
    return reverse(naam, kwargs={"uuid": dpia.uuid, **extra})


def _titel(dpia):
    return f"{dpia.kenmerk} {dpia.titel}"


def _eigen_teams(user):
    """Teams on which the user holds a team role that may fill in DPIAs (their own team)."""
    return {t.team_id for t in rol_toewijzingen(user) if t.team_id and "dpia.change_dpia" in ROL_RECHTEN[t.rol]}


def _heel_de_gemeente(user):
    """Gemeenten where the user may fill in every DPIA (the privacy officer): they follow decisions up."""
    return {
        t.gemeente_id
        for t in rol_toewijzingen(user)
        if not t.team_id and not t.afdeling_id and "dpia.change_dpia" in ROL_RECHTEN[t.rol]
    }


def _mag(user, perm, dpia):
    """user.has_perm(perm, dpia) by the role table alone, without a query per DPIA (the DPIA's own
    rights come from roles; delegation only grants filling in parts)."""
    waar = bereik_van(dpia)
    return any(perm in ROL_RECHTEN[t.rol] and t.dekt(*waar) for t in rol_toewijzingen(user))


def _eigen_item(dpia, vandaag):
    """What waits for the team that owns the DPIA, or None."""
    if dpia.status == Status.PRESCAN:
        return WerkItem(REGISTER, _titel(dpia), "Doe de pre-scan", _link(dpia, "dpia:prescan"))
    if dpia.status == Status.IN_UITVOERING:
        return WerkItem(REGISTER, _titel(dpia), "Vul de DPIA in en vraag advies aan de FG", _link(dpia))
    if dpia.status == Status.RAADPLEGING_AP:
        return WerkItem(
            REGISTER,
            _titel(dpia),
            "Leg het antwoord van de AP vast",
            _link(dpia),
            deadline=dpia.raadpleging_deadline,
            toelichting="Antwoordtermijn van de AP",
        )
    if dpia.herbeoordeling_nodig:
        return WerkItem(REGISTER, _titel(dpia), "Beoordeel of de DPIA nog klopt", _link(dpia))
    if (
        dpia.status == Status.AFGEROND
        and dpia.hercontrole_op
        and dpia.hercontrole_op <= vandaag + timedelta(days=HERCONTROLE_VOORUIT_DAGEN)
    ):
        return WerkItem(REGISTER, _titel(dpia), "Doe de hercontrole", _link(dpia), deadline=dpia.hercontrole_op)
    return None


def werk_voor(user, nu):
    if user.is_anonymous:
        return []
    vandaag = timezone.localdate(nu)
    teams = _eigen_teams(user)
    gemeenten = _heel_de_gemeente(user)
    gedelegeerd = Exists(DpiaDelegatie.objects.filter(dpia=OuterRef("pk"), gebruiker=user))
    dpias = list(
        dpias_voor(user)
        .annotate(gedelegeerd=gedelegeerd)
        .filter(
            Q(status__in=[Status.ADVIES, Status.BESLUIT])
            | ((Q(team_id__in=teams) | Q(gedelegeerd=True)) & ~Q(status=Status.NIET_NODIG))
        )
        .order_by("pk")
    )
    items = []
    for dpia in dpias:
        hoog = dpia.restrisico == Niveau.HOOG
        if dpia.status == Status.ADVIES:
            if _mag(user, "dpia.advies_dpia", dpia):
                items.append(WerkItem(REGISTER, _titel(dpia), "Geef advies als FG", _link(dpia)))
            elif _mag(user, "dpia.beveiligingsadvies_dpia", dpia) and not dpia.beveiligingsadvies_op:
                items.append(WerkItem(REGISTER, _titel(dpia), "Geef beveiligingsadvies", _link(dpia)))
        elif dpia.status == Status.BESLUIT:
            if _mag(user, "dpia.accepteren_hoog_dpia" if hoog else "dpia.accepteren_dpia", dpia):
                items.append(WerkItem(REGISTER, _titel(dpia), "Besluit over het restrisico", _link(dpia)))
            elif dpia.gemeente_id in gemeenten:
                items.append(WerkItem(REGISTER, _titel(dpia), "Volg het besluit over het restrisico op", _link(dpia)))
        elif dpia.team_id in teams or dpia.gedelegeerd:
            item = _eigen_item(dpia, vandaag)
            if item:
                items.append(item)
    maatregelen = (
        Maatregel.objects.filter(
            dpia__in=dpias_voor(user).values("pk"),
            status__in=OPEN_MAATREGEL,
            deadline__lte=vandaag + timedelta(days=MAATREGEL_VOORUIT_DAGEN),
        )
        .filter(Q(eigenaar=user) | Q(dpia__team_id__in=teams))
        .select_related("dpia")
        .order_by("deadline", "pk")
    )
    for maatregel in maatregelen:
        dpia = maatregel.dpia
        items.append(
            WerkItem(
                REGISTER,
                f"{_titel(dpia)}, maatregel {maatregel.code}",
                "Voer de maatregel uit"
                if maatregel.eigenaar_id == user.pk
                else "Zorg dat de maatregel wordt uitgevoerd",
                _link(dpia, "dpia:maatregel", maatregel_uuid=maatregel.uuid),
                deadline=maatregel.deadline,
                toelichting="Uiterlijk gereed op",
            )
        )
    return items
