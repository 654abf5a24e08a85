"""Every filtered read of the betrokkenenverzoeken, with the permissions applied.

- `verzoeken_voor(user)`: requests with the requester's personal data, for roles with
  `rechten.view_verzoek` (privacy officer, jurist, FG) in their gemeenten.
- `taken_voor(user)`: tasks of the user's own team (`rechten.taak_uitvoeren_verzoek`, the
  teammanager), plus every task in gemeenten where the user may see requests. The request comes
  along without its personal data (`VERZOEK_VOOR_TAAK`): a teammanager sees only what the task needs.
- `cijfers(gemeenten, ...)`: numbers without personal data (`rechten.statistiek_verzoek`).
"""

import re
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.db.models import Case, Count, F, Q, When
from django.db.models.functions import Coalesce

from privacy_portal.organisaties.models import RolToewijzing
from privacy_portal.organisaties.rollen import Rol
from privacy_portal.organisaties.selectors import bereik_filter

from .constants import OPEN_STATUSSEN, UITKOMSTEN_ZONDER_ACTIE, Soort, Status, TaakStatus, Uitkomst
from .models import PERSOONSGEGEVENS, Taak, Verzoek

KENMERK = re.compile(r"^\s*(?:VZ-)?(?:\d{4}-)?0*(\d+)\s*$", re.IGNORECASE)


def _met_termijn(qs):
    return qs.annotate(
        geldende_termijn=Coalesce("verlengd_tot", "deadline"),
        open_taken=Count("taken", filter=Q(taken__status=TaakStatus.OPEN), distinct=True),
    )


def verzoeken_voor(user, perm="rechten.view_verzoek"):
    """Requests the user may see in full (with personal data): by role and gemeente."""
    qs = _met_termijn(Verzoek.objects.select_related("gemeente"))
    if user.is_anonymous:
        return qs.none()
    return qs.filter(bereik_filter(user, perm))


# Requests that were received (not unconfirmed or lapsed web requests): the ones the numbers count.
ONTVANGEN = Q(status__in=(Status.ONTVANGEN, Status.IN_BEHANDELING, Status.AFGEHANDELD))
DEZE_WEEK_DAGEN = 7


def _termijn():
    return Coalesce("verlengd_tot", "deadline")


def besluit_termijn(prefix=""):
    """The deadline of the decision taken (`Verzoek.besluit_termijn`): a refusal by the first month
    (art. 12(4) AVG), any other decision by the deadline that applies (extended or not)."""
    return Case(
        When(**{f"{prefix}uitkomst__in": UITKOMSTEN_ZONDER_ACTIE}, then=F(f"{prefix}deadline")),
        default=Coalesce(f"{prefix}verlengd_tot", f"{prefix}deadline"),
    )


def termijn_q(termijn, vandaag):
    """Open requests by their (extended) deadline on `vandaag`: deze_week (today or in the next
    DEZE_WEEK_DAGEN days), verstreken (passed), verlengd (extended). Needs the alias `_termijn`."""
    open_ = Q(status__in=OPEN_STATUSSEN)
    if termijn == "deze_week":
        return open_ & Q(_termijn__gte=vandaag, _termijn__lte=vandaag + timedelta(days=DEZE_WEEK_DAGEN))
    if termijn == "verstreken":
        return open_ & Q(_termijn__lt=vandaag)
    if termijn == "verlengd":
        return open_ & Q(verlengd_op__isnull=False)
    return open_


# Events that also count without a period (then: ever); the others need one.
GEBEURTENISSEN_ZONDER_PERIODE = ("ontvangst_gecorrigeerd",)


def gebeurtenis_q(gebeurtenis, periode):
    """Received requests by what happened to them in `periode` (dates, inclusive): ontvangen,
    afgehandeld (decided), op_tijd / te_laat (decided on or before / after the (extended) deadline),
    verlengd, ontvangst_gecorrigeerd (the date of receipt corrected, `services.ontvangst_corrigeren`;
    the last correction in `periode`, or ever when `periode` is None). Needs the alias `_termijn`."""
    gecorrigeerd = ONTVANGEN & Verzoek.klokstart.gecorrigeerd_q()
    if periode is None:
        return {"ontvangst_gecorrigeerd": gecorrigeerd}[gebeurtenis]
    van, tot = periode.van, periode.tot
    besloten = Q(status=Status.AFGEHANDELD, besloten_op__gte=van, besloten_op__lte=tot)
    return {
        "ontvangen": ONTVANGEN & Q(ontvangen_op__gte=van, ontvangen_op__lte=tot),
        "afgehandeld": besloten,
        "op_tijd": besloten & Q(besloten_op__lte=F("_besluit_termijn")),
        "te_laat": besloten & ~Q(besloten_op__lte=F("_besluit_termijn")),
        "verlengd": ONTVANGEN & Q(verlengd_op__gte=van, verlengd_op__lte=tot),
        "ontvangst_gecorrigeerd": gecorrigeerd
        & Q(ontvangst_gecorrigeerd_op__date__gte=van, ontvangst_gecorrigeerd_op__date__lte=tot),
    }[gebeurtenis]


def met_termijn_alias(qs):
    return qs.annotate(_termijn=_termijn(), _besluit_termijn=besluit_termijn())


def filter_verzoeken(
    qs, *, zoek="", status="", soort="", gemeente="", termijn="", gebeurtenis="", periode=None, vandaag=None
):
    """`status`: '' for open requests, 'alle', or a Status code. `termijn` (on `vandaag`) and
    `gebeurtenis` (in `periode`; ontvangst_gecorrigeerd also without one): the dashboard's figures,
    see termijn_q and gebeurtenis_q.
    Works on the history as well (`privacy_portal.core.dashboard.gefilterd_op_peildatum`)."""
    qs = met_termijn_alias(qs)
    if termijn and vandaag is not None:
        qs = qs.filter(termijn_q(termijn, vandaag))
    if gebeurtenis and (periode is not None or gebeurtenis in GEBEURTENISSEN_ZONDER_PERIODE):
        qs = qs.filter(gebeurtenis_q(gebeurtenis, periode))
    if zoek:
        treffer = KENMERK.match(zoek)
        qs = qs.filter(pk=int(treffer.group(1))) if treffer else qs.none()
    if status == "":
        qs = qs.filter(status__in=OPEN_STATUSSEN)
    elif status != "alle":
        qs = qs.filter(status=status)
    if soort:
        # JSON containment is not on SQLite: match the quoted code in the JSON text instead.
        qs = qs.filter(soorten__icontains=f'"{soort}"')
    if gemeente:
        qs = qs.filter(gemeente__slug=gemeente)
    return qs


def op_termijn(qs):
    """Open requests first, the shortest time left first; then closed ones, newest first."""
    return qs.order_by(F("afgesloten_op").desc(nulls_first=True), F("geldende_termijn").asc(nulls_last=True), "pk")


# The request fields a teammanager sees with a task: no personal data of the requester.
VERZOEK_VOOR_TAAK = ("uuid", "gemeente", "status", "soorten", "aangemaakt_op", "deadline", "verlengd_tot")


def taken_voor(user):
    """Tasks the user may see: of their own team, or all in gemeenten where they may see requests."""
    qs = (
        Taak.objects.select_related("team", "gemeente", "verzoek")
        .defer(*(f"verzoek__{veld}" for veld in PERSOONSGEGEVENS))
        .annotate(geldende_termijn=Coalesce("verzoek__verlengd_tot", "verzoek__deadline"))
    )
    if user.is_anonymous:
        return qs.none()
    return qs.filter(
        bereik_filter(user, "rechten.taak_uitvoeren_verzoek") | bereik_filter(user, "rechten.view_verzoek")
    )


def eigen_taken(user):
    """Tasks of the user's own teams only (the teammanager's task list), open first by deadline."""
    if user.is_anonymous:
        return Taak.objects.none()
    return (
        taken_voor(user)
        .filter(bereik_filter(user, "rechten.taak_uitvoeren_verzoek"))
        .order_by(
            F("afgerond_op").desc(nulls_first=True),
            F("geldende_termijn").asc(nulls_last=True),
            "pk",
        )
    )


def teammanagers_van(gemeente, team_ids):
    """Active teammanagers of these teams (for notifications about tasks)."""
    ids = RolToewijzing.objects.filter(gemeente=gemeente, rol=Rol.TEAMMANAGER, team_id__in=list(team_ids)).values(
        "gebruiker_id"
    )
    return list(get_user_model().objects.filter(pk__in=ids, is_active=True))


def cijfers(gemeenten, *, vandaag):
    """Numbers per gemeente, without personal data; they stay after anonymisation.

    Returns [{gemeente, open, te_laat_open, verlengd, afgehandeld, op_tijd, te_laat, per_uitkomst,
    per_soort}] for received requests (not unconfirmed or lapsed web requests).
    """
    ontvangen = Q(verzoeken__status__in=(Status.ONTVANGEN, Status.IN_BEHANDELING, Status.AFGEHANDELD))
    termijn = besluit_termijn("verzoeken__")
    rijen = gemeenten.annotate(
        v_open=Count("verzoeken", filter=Q(verzoeken__status__in=OPEN_STATUSSEN)),
        v_te_laat_open=Count(
            "verzoeken",
            filter=Q(verzoeken__status__in=OPEN_STATUSSEN)
            & Q(verzoeken__deadline__lt=vandaag)
            & (Q(verzoeken__verlengd_tot__isnull=True) | Q(verzoeken__verlengd_tot__lt=vandaag)),
        ),
        v_verlengd=Count("verzoeken", filter=ontvangen & Q(verzoeken__verlengd_op__isnull=False)),
        v_afgehandeld=Count("verzoeken", filter=Q(verzoeken__status=Status.AFGEHANDELD)),
        v_op_tijd=Count(
            "verzoeken", filter=Q(verzoeken__status=Status.AFGEHANDELD) & Q(verzoeken__besloten_op__lte=termijn)
        ),
        **{
            f"u_{code}": Count("verzoeken", filter=Q(verzoeken__status=Status.AFGEHANDELD, verzoeken__uitkomst=code))
            for code in Uitkomst.values
        },
        **{
            f"s_{code}": Count("verzoeken", filter=ontvangen & Q(verzoeken__soorten__icontains=f'"{code}"'))
            for code in Soort.values
        },
    )
    resultaat = []
    for g in rijen:
        resultaat.append(
            {
                "gemeente": g,
                "open": g.v_open,
                "te_laat_open": g.v_te_laat_open,
                "verlengd": g.v_verlengd,
                "afgehandeld": g.v_afgehandeld,
                "op_tijd": g.v_op_tijd,
                "te_laat": g.v_afgehandeld - g.v_op_tijd,
                "per_uitkomst": [(label, getattr(g, f"u_{code}")) for code, label in Uitkomst.choices],
                "per_soort": [(label, getattr(g, f"s_{code}")) for code, label in Soort.choices],
            }
        )
    return resultaat
