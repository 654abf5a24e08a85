"""The datalekregister's part of the work list: datalekken whose risk waits for an assessment
(privacy officer, CISO) and notifiable ones whose AP notification is not recorded yet (privacy
officer), each with the 72-hour clock. Two queries, through the register's selectors."""

from django.db.models import Q
from django.urls import reverse

from privacy_portal.core.werklijst import WerkItem

from .constants import Risico, Status
from .selectors import datalekken_voor, gemeld_ap_q

REGISTER = "Datalekken"


def _item(datalek, actie, link):
    return WerkItem(
        register=REGISTER,
        titel=f"{datalek.kenmerk} {datalek.titel}",
        actie=actie,
        link=link,
        deadline=datalek.meld_deadline,
        toelichting="Melddeadline AP (72 uur na kennisname)",
    )


def werk_voor(user, nu):
    if user.is_anonymous:
        return []
    open_ = ~Q(status=Status.AFGESLOTEN)
    te_beoordelen = datalekken_voor(user, "datalekken.behandelen_datalek").filter(open_, risico="")
    te_melden = datalekken_voor(user, "datalekken.melden_ap_datalek").filter(
        open_ & Q(risico__in=[Risico.RISICO, Risico.HOOG]) & ~gemeld_ap_q()
    )
    items = [
        _item(d, "Beoordeel het risico", reverse("datalekken:behandelen", kwargs={"uuid": d.uuid}))
        for d in te_beoordelen
    ]
    items += [
        _item(d, "Meld het datalek bij de AP", reverse("datalekken:detail", kwargs={"uuid": d.uuid})) for d in te_melden
    ]
    return items
