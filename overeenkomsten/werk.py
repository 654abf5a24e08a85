"""The agreements register's part of the work list (`core.werklijst`, declared in apps.py).

An agreement waits for its owner, or, when it has no active owner, for the teammanagers of its
team (the same people the scan reminds, `selectors.eigenaren`), when:

- its yearly review is due or overdue (deadline: the review date), or
- it ends within the signal period (deadline: the end date): extend, renew or end it.

Agreements that have ended wait for no one. One query, however many items (plus the user's roles).
"""

from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from privacy_portal.core.werklijst import WerkItem
from privacy_portal.organisaties.rollen import Rol
from privacy_portal.organisaties.selectors import rol_toewijzingen

from .selectors import overeenkomsten_voor, signaal_q

REGISTER = "Overeenkomsten"


def werk_voor(user, nu):
    teams = [t.team_id for t in rol_toewijzingen(user) if t.rol == Rol.TEAMMANAGER and t.team_id]
    vandaag = timezone.localdate(nu)
    eigen = Q(eigenaar=user) | ((Q(eigenaar__isnull=True) | Q(eigenaar__is_active=False)) & Q(team_id__in=teams))
    review_nodig, verloopt = signaal_q("review_nodig", vandaag), signaal_q("verloopt", vandaag)
    overeenkomsten = (
        overeenkomsten_voor(user, "overeenkomsten.change_overeenkomst")
        .prefetch_related(None)
        .filter(eigen)
        .filter(review_nodig | verloopt)
        .order_by("pk")
    )
    items = []
    for ovk in overeenkomsten:
        link = reverse("overeenkomsten:detail", kwargs={"uuid": ovk.uuid})
        soort = ovk.get_soort_display()
        if ovk.volgende_review and ovk.volgende_review <= vandaag:
            items.append(
                WerkItem(
                    register=REGISTER,
                    titel=ovk.onderwerp,
                    actie="Leg de jaarlijkse review vast",
                    link=link,
                    deadline=ovk.volgende_review,
                    toelichting=f"{soort}, team {ovk.team.naam}",
                )
            )
        if ovk.einde_signaal_op and ovk.einde_signaal_op <= vandaag <= ovk.einddatum:
            items.append(
                WerkItem(
                    register=REGISTER,
                    titel=ovk.onderwerp,
                    actie="Besluit: verlengen, opnieuw afsluiten of beëindigen",
                    link=link,
                    deadline=ovk.einddatum,
                    toelichting=f"{soort} loopt af; team {ovk.team.naam}",
                )
            )
    return items
