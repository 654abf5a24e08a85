"""The audit trail of a gemeente, for the FG and the privacy officer (`core.view_auditevent`).

Rows of the gemeente's chain, plus the logins, logouts and account changes of the people who hold
a role in it. Searching the trail is itself recorded: one row naming the rows shown.
"""

from datetime import datetime, time, timedelta

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Q
from django.shortcuts import render
from django.utils import timezone

from privacy_portal.organisaties.models import RolToewijzing
from privacy_portal.organisaties.rollen import Rol
from privacy_portal.organisaties.selectors import gemeenten_voor

from .audit import audit, filter_uit_query
from .forms import AuditFilterForm
from .models import AuditEvent

RECHT = "core.view_auditevent"
PAGINA_GROOTTE = 50
ROLLEN = dict(Rol.choices)


def _soort(label):
    try:
        return apps.get_model(label)._meta.verbose_name
    except (LookupError, ValueError):
        return label


def _dag(d, *, einde=False):
    moment = timezone.make_aware(datetime.combine(d, time.min))
    return moment + timedelta(days=1) if einde else moment


def regels_van(gemeente, personen):
    """The gemeente's rows, and the account rows (logins, flags) of its people."""
    ids = [str(p.pk) for p in personen]
    return AuditEvent.objects.filter(
        Q(gemeente=gemeente)
        | Q(gemeente__isnull=True, actor__in=personen)
        | Q(gemeente__isnull=True, object_type="auth.User", object_id__in=ids)
    )


@login_required
def auditlog(request):
    user = request.user
    gemeenten = [g for g in gemeenten_voor(user, RECHT) if user.has_perm(RECHT, g)]
    if not gemeenten:
        raise PermissionDenied
    slug = request.GET.get("gemeente")
    gemeente = next((g for g in gemeenten if g.slug == slug), gemeenten[0])
    personen = list(
        get_user_model()
        .objects.filter(pk__in=RolToewijzing.objects.filter(gemeente=gemeente).values("gebruiker_id"))
        .order_by("last_name", "first_name", "username")
    )
    form = AuditFilterForm(request.GET or None, gemeenten=gemeenten, personen=personen, acties=AuditEvent.Actie.choices)
    qs = regels_van(gemeente, personen)
    if form.is_valid():
        data = form.cleaned_data
        if data["persoon"]:
            qs = qs.filter(Q(actor_id=data["persoon"]) | Q(object_type="auth.User", object_id=data["persoon"]))
        if data["actie"]:
            qs = qs.filter(actie=data["actie"])
        if data["object"]:
            tekst = data["object"]
            qs = qs.filter(Q(object_id=tekst) | Q(object_ids__icontains=f'"{tekst}"') | Q(object_type__iexact=tekst))
        if data["van"]:
            qs = qs.filter(tijdstip__gte=_dag(data["van"]))
        if data["tot"]:
            qs = qs.filter(tijdstip__lt=_dag(data["tot"], einde=True))
    elif form.is_bound:
        qs = qs.none()
    pagina = Paginator(qs.select_related("actor").order_by("-tijdstip", "-pk"), PAGINA_GROOTTE).get_page(
        request.GET.get("pagina")
    )
    regels = list(pagina)
    namen = {p.pk: p.get_full_name() or p.username for p in personen}
    for regel in regels:
        regel.soort_tekst = _soort(regel.object_type)
        # The staff member a row is about (a login, a role, a delegation), by name for the reader.
        over = regel.details.get("gebruiker") if isinstance(regel.details, dict) else None
        if regel.object_type == "auth.User" and regel.object_id.isdigit():
            over = int(regel.object_id)
        regel.over = namen.get(over, "")
        regel.rol_tekst = ROLLEN.get(regel.details.get("rol"), "") if isinstance(regel.details, dict) else ""
    audit(
        actor=user,
        actie=AuditEvent.Actie.INZIEN,
        object_type=AuditEvent._meta.label,
        gemeente=gemeente,
        object_ids=[str(r.pk) for r in regels],
        details={"lijst": "auditlog", "filter": filter_uit_query(request.GET), "pagina": pagina.number},
    )
    query = request.GET.copy()
    query.pop("pagina", None)
    return render(
        request,
        "core/auditlog.html",
        {"form": form, "gemeente": gemeente, "pagina": pagina, "regels": regels, "query": query.urlencode()},
    )
