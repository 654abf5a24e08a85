"""Template helpers of the DPIA-register: the DPIA status shown on a verwerking's page.

The register's own `dpia_status` field is not changed by the DPIA-register (see dpia/services.py);
`dpia_van_verwerking` derives the status from the pre-scan and DPIA records the user may see.
"""

from django import template

from dpia import selectors
from dpia.constants import Status, Uitkomst
from registers.constants import DpiaStatus

register = template.Library()


@register.simple_tag(takes_context=True)
def dpia_van_verwerking(context, verwerking):
    """{'dpia', 'status' (registers DpiaStatus label), 'uitleg', 'kan_starten'} for one verwerking."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    dpia = selectors.dpia_van_verwerking(verwerking, user)
    afgeleid = selectors.afgeleide_dpia_status(dpia)
    uitleg = ""
    if dpia is not None:
        if dpia.status == Status.PRESCAN:
            uitleg = "De pre-scan is gestart maar nog niet afgerond."
        elif dpia.status == Status.NIET_NODIG:
            uitleg = f"Uitkomst pre-scan: {Uitkomst(dpia.prescan_uitkomst).label.lower()}."
            if dpia.prescan_uitkomst == Uitkomst.AANBEVOLEN:
                uitleg += f" Besloten geen DPIA te doen: {dpia.besluit_motivering}"
        elif dpia.status == Status.AFGEROND:
            uitleg = f"Afgerond op {dpia.afgerond_op:%d-%m-%Y}."
        else:
            uitleg = f"Stap: {Status(dpia.status).label.lower()}."
    return {
        "dpia": dpia,
        "status": DpiaStatus(afgeleid).label if afgeleid else None,
        "uitleg": uitleg,
        "kan_starten": (dpia is None or dpia.status not in selectors.OPEN_STATUSSEN)
        and user.has_perm("dpia.add_dpia", verwerking.team),
    }
