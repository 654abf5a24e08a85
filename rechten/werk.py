"""The betrokkenenverzoeken's part of the work list (`core.werklijst`, declared in apps.py).

- privacy officer and jurist (`rechten.change_verzoek`): every open request in their gemeenten,
  with the deadline that applies (the extended one after an extension), linking to the request;
- teammanager (`rechten.taak_uitvoeren_verzoek`): the open tasks of their own team, with the
  request's deadline, linking to the task page.

An unconfirmed web request waits for the inwoner while the link is valid
(BEVESTIGEN_BINNEN_DAGEN); after that it is the privacy officer's
(`rechten.ontvangst_corrigeren_verzoek`): reach the inwoner another way or record why it lapses.
Two queries at most, however many items (plus the user's roles, loaded once).
"""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from privacy_portal.core.werklijst import WerkItem
from privacy_portal.organisaties.rollen import ROL_RECHTEN
from privacy_portal.organisaties.selectors import rol_toewijzingen

from .constants import BEVESTIGEN_BINNEN_DAGEN, OPEN_STATUSSEN, IdentiteitWijze, Status, TaakStatus
from .selectors import eigen_taken, verzoeken_voor

REGISTER = "Betrokkenenverzoeken"


def _actie(verzoek):
    if not verzoek.identiteit_wijze or verzoek.identiteit_wijze == IdentiteitWijze.NIET_VASTGESTELD:
        return "Stel de identiteit vast en zet taken uit"
    if verzoek.open_taken:
        return "Volg de open taken op"
    return "Leg het besluit vast en verstuur de brief"


def _toelichting(verzoek):
    delen = [", ".join(label.split(" (")[0] for label in verzoek.soort_labels())]
    if verzoek.open_taken:
        delen.append(f"{verzoek.open_taken} {'taak' if verzoek.open_taken == 1 else 'taken'} open")
    if verzoek.verlengd_tot:
        delen.append("verlengd")
    return "; ".join(delen)


def _rol_geeft(user, perm):
    """Whether one of the user's roles grants perm (a superuser without a role handles nothing)."""
    return any(perm in ROL_RECHTEN[t.rol] for t in rol_toewijzingen(user))


def werk_voor(user, nu):
    items = []
    if _rol_geeft(user, "rechten.change_verzoek"):
        verzoeken = (
            verzoeken_voor(user, "rechten.change_verzoek")
            .filter(status__in=OPEN_STATUSSEN)
            .only("uuid", "gemeente", "aangemaakt_op", "soorten", "identiteit_wijze", "deadline", "verlengd_tot")
        )
        items += [
            WerkItem(
                register=REGISTER,
                titel=f"Verzoek {verzoek.kenmerk}",
                actie=_actie(verzoek),
                link=reverse("rechten:detail", kwargs={"uuid": verzoek.uuid}),
                deadline=verzoek.termijn,
                toelichting=_toelichting(verzoek),
            )
            for verzoek in verzoeken
        ]
    if _rol_geeft(user, "rechten.ontvangst_corrigeren_verzoek"):
        onbevestigd = (
            verzoeken_voor(user, "rechten.ontvangst_corrigeren_verzoek")
            .filter(status=Status.ONBEVESTIGD, aangemaakt_op__lte=nu - timedelta(days=BEVESTIGEN_BINNEN_DAGEN))
            .only("uuid", "gemeente", "aangemaakt_op", "soorten")
        )
        items += [
            WerkItem(
                register=REGISTER,
                titel=f"Onbevestigd webverzoek {verzoek.kenmerk}",
                actie="Neem langs een andere weg contact op, of leg vast waarom het vervalt",
                link=reverse("rechten:detail", kwargs={"uuid": verzoek.uuid}),
                toelichting=f"Ingediend op {timezone.localtime(verzoek.aangemaakt_op):%d-%m-%Y}, niet bevestigd",
            )
            for verzoek in onbevestigd
        ]
    if _rol_geeft(user, "rechten.taak_uitvoeren_verzoek"):
        items += [
            WerkItem(
                register=REGISTER,
                titel=f"Taak bij verzoek {taak.verzoek.kenmerk}",
                actie="Voer de taak uit en leg het resultaat vast",
                link=reverse("rechten:taak", kwargs={"uuid": taak.uuid}),
                deadline=taak.geldende_termijn,
                toelichting=f"Team {taak.team.naam}",
            )
            for taak in eigen_taken(user).filter(status=TaakStatus.OPEN)
        ]
    return items
