"""The audit log: who read, exported, downloaded or changed access to what, when, from where.

- `audit(actor=..., actie=..., obj=...)` records one event (a detail read, a download, a login).
- `audit_lezen(actor=..., objecten=...)` records a list read or an export as ONE row per request
  naming every object shown (`object_ids`: uuids, never the personal data itself); a list that
  spans gemeenten gives one row per gemeente, written in one insert.
- `audit_export(actor=..., queryset=..., register=..., formaat=..., query=...)` records what an
  export contained: register, format, filter, count and ids.

Every row carries the client address of the request being served (`AuditContextMiddleware` keeps
the current request in a context variable, so no caller passes it) and is appended to a hash
chain (`AuditKeten`): one chain per gemeente, one for rows without a gemeente (logins). Appending
locks the chain's head, so concurrent requests give a linear chain. The database refuses UPDATE
and DELETE on the table (migration 0004); only the retention (`opschonen`) may remove a chain's
expired oldest rows, and the chain then starts from the recorded anchor. `manage.py audit_verify`
checks every chain (`verifieer`).
"""

import hashlib
import json
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import UTC, datetime, time

from django.conf import settings
from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from .clientadres import client_adres
from .models import AuditEvent, AuditKeten
from .parameters import schoon

_verzoek = ContextVar("audit_verzoek", default=None)
_opschonen = ContextVar("audit_opschonen", default=False)

ALGEMEEN = "algemeen"
# Free-text filters may hold a name: the audit row says a text search was used, not what.
VRIJE_TEKST = {"zoek", "q", "search"}
NIET_IN_FILTER = {"pagina", "page", "pageSize", "page_size", "csrfmiddlewaretoken"}


class AuditContextMiddleware:
    """Keeps the request being served at hand for the audit log (client address, web or API)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _verzoek.set(request)
        try:
            return self.get_response(request)
        finally:
            _verzoek.reset(token)


def huidig_verzoek():
    return _verzoek.get()


def _herkomst(request):
    if request is None:
        return "opdrachtregel"
    return "api" if request.path.startswith("/api/") else "web"


def _actor(actor):
    return actor if actor is not None and actor.is_authenticated else None


def object_sleutel(obj):
    """The stable identifier of an object in the log: its uuid, or its primary key."""
    return str(getattr(obj, "uuid", None) or obj.pk)


def filter_uit_query(query):
    """The filter of a list or export as recorded: every parameter, but free text only as '…'."""
    filter_ = {}
    for sleutel in sorted(query.keys()) if query else ():
        if sleutel in NIET_IN_FILTER:
            continue
        waarden = query.getlist(sleutel) if hasattr(query, "getlist") else [query[sleutel]]
        # no control characters: a NUL byte in a query string cannot be stored (nor read back) as JSON text
        waarden = ["…" if sleutel in VRIJE_TEKST and w else schoon(str(w), max_lengte=100) for w in waarden]
        filter_[schoon(sleutel, max_lengte=100)] = waarden[0] if len(waarden) == 1 else waarden
    return filter_


@dataclass
class _Regel:
    actor: object
    actie: str
    object_type: str
    object_id: str = ""
    object_ids: list = None
    details: dict = None
    resultaat: str = "gelukt"
    herkomst: str = ""
    gemeente_id: int | None = None


def audit(
    *,
    actor,
    actie,
    obj=None,
    object_type="",
    object_id="",
    object_ids=None,
    gemeente=None,
    resultaat="gelukt",
    herkomst=None,
    details=None,
    request=None,
):
    """Record one event. The gemeente is the object's unless given (a Gemeente or its id)."""
    gemeente_id = getattr(gemeente, "pk", gemeente)
    if obj is not None:
        object_type = object_type or obj._meta.label
        object_id = object_id or object_sleutel(obj)
        if gemeente_id is None:
            gemeente_id = getattr(obj, "gemeente_id", None)
    _schrijf(
        [
            _Regel(
                actor=_actor(actor),
                actie=actie,
                object_type=object_type,
                object_id=object_id,
                object_ids=list(object_ids or []),
                details=details or {},
                resultaat=resultaat,
                herkomst=herkomst,
                gemeente_id=gemeente_id,
            )
        ],
        request=request,
    )


def audit_lezen(
    *, actor, objecten, actie=AuditEvent.Actie.INZIEN, object_type="", herkomst=None, details=None, resultaat="gelukt"
):
    """One row for the objects shown by this request (a list, a page, an export), naming them all;
    one row per gemeente when they span several, in one insert."""
    per_gemeente = {}
    for obj in objecten:
        object_type = object_type or obj._meta.label
        per_gemeente.setdefault(getattr(obj, "gemeente_id", None), []).append(object_sleutel(obj))
    _schrijf_per_gemeente(
        actor=actor,
        actie=actie,
        object_type=object_type,
        per_gemeente=per_gemeente,
        herkomst=herkomst,
        details=details,
        resultaat=resultaat,
    )


def audit_export(*, actor, queryset, register, formaat, query=None, herkomst=None):
    """Record an export: which register, format and filter, how many objects and which (one query)."""
    model = queryset.model
    sleutel = "uuid" if any(f.name == "uuid" for f in model._meta.fields) else "pk"
    heeft_gemeente = any(f.name == "gemeente" for f in model._meta.fields)
    per_gemeente = {}
    for waarde, gemeente_id in queryset.values_list(sleutel, "gemeente_id" if heeft_gemeente else sleutel):
        per_gemeente.setdefault(gemeente_id if heeft_gemeente else None, []).append(str(waarde))
    _schrijf_per_gemeente(
        actor=actor,
        actie=AuditEvent.Actie.EXPORTEREN,
        object_type=model._meta.label,
        per_gemeente=per_gemeente,
        herkomst=herkomst,
        details={"register": register, "formaat": formaat, "filter": filter_uit_query(query)},
    )


def _schrijf_per_gemeente(*, actor, actie, object_type, per_gemeente, herkomst, details, resultaat="gelukt"):
    per_gemeente = per_gemeente or {None: []}
    _schrijf(
        [
            _Regel(
                actor=_actor(actor),
                actie=actie,
                object_type=object_type,
                object_ids=ids,
                details={**(details or {}), "aantal": len(ids)},
                resultaat=resultaat,
                herkomst=herkomst,
                gemeente_id=gemeente_id,
            )
            for gemeente_id, ids in per_gemeente.items()
        ]
    )


# --- the hash chain ------------------------------------------------------------------------------


def _iso(tijdstip):
    return tijdstip.astimezone(UTC).isoformat(timespec="microseconds")


def regel_hash(regel, *, keten_sleutel):
    """SHA-256 over the row's content and the previous row's hash (canonical JSON)."""
    inhoud = {
        "keten": keten_sleutel,
        "volgnummer": regel.volgnummer,
        "tijdstip": _iso(regel.tijdstip),
        "actor": regel.actor_id,
        "actie": regel.actie,
        "object_type": regel.object_type,
        "object_id": regel.object_id,
        "object_ids": regel.object_ids,
        "details": regel.details,
        "resultaat": regel.resultaat,
        "herkomst": regel.herkomst,
        "client_adres": regel.client_adres,
        "gemeente": regel.gemeente_id,
        "vorige_hash": regel.vorige_hash,
    }
    tekst = json.dumps(inhoud, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(tekst.encode()).hexdigest()


def keten_sleutel(gemeente_id):
    return ALGEMEEN if gemeente_id is None else f"gemeente-{gemeente_id}"


def _vergrendelde_keten(gemeente_id):
    """The chain's head, locked until the transaction ends (created on first use)."""
    sleutel = keten_sleutel(gemeente_id)
    keten = AuditKeten.objects.select_for_update().filter(sleutel=sleutel).first()
    if keten is None:
        try:
            with transaction.atomic():
                AuditKeten.objects.create(sleutel=sleutel, gemeente_id=gemeente_id)
        except IntegrityError:
            pass  # created by a concurrent request meanwhile
        keten = AuditKeten.objects.select_for_update().get(sleutel=sleutel)
    return keten


def _json(waarde):
    """As the database gives it back, so the hash computed now is the hash verified later."""
    return json.loads(json.dumps(waarde, default=str))


def _schrijf(regels, *, request=None, tijdstip=None):
    request = request or _verzoek.get()
    adres = client_adres(request) if request is not None else ""
    tijdstip = tijdstip or timezone.now()
    per_keten = {}
    for regel in regels:
        per_keten.setdefault(regel.gemeente_id, []).append(regel)
    with transaction.atomic():
        # Chains locked in one order, so two requests never wait for each other's chain crosswise.
        for gemeente_id in sorted(per_keten, key=lambda g: (g is not None, g or 0)):
            keten = _vergrendelde_keten(gemeente_id)
            rijen = []
            for regel in per_keten[gemeente_id]:
                rij = AuditEvent(
                    tijdstip=tijdstip,
                    actor=regel.actor,
                    actie=regel.actie,
                    object_type=regel.object_type,
                    object_id=regel.object_id,
                    object_ids=_json(regel.object_ids or []),
                    details=_json(regel.details or {}),
                    resultaat=str(regel.resultaat)[:100],
                    herkomst=regel.herkomst or _herkomst(request),
                    client_adres=adres,
                    gemeente_id=gemeente_id,
                    keten=keten,
                    volgnummer=keten.laatste_volgnummer + 1,
                    vorige_hash=keten.laatste_hash,
                )
                rij.hash = regel_hash(rij, keten_sleutel=keten.sleutel)
                keten.laatste_volgnummer, keten.laatste_hash = rij.volgnummer, rij.hash
                rijen.append(rij)
            AuditEvent.objects.bulk_create(rijen)
            keten.save(update_fields=["laatste_volgnummer", "laatste_hash"])


# --- verification --------------------------------------------------------------------------------


@dataclass
class Breuk:
    keten: str
    volgnummer: int
    regel_id: int | None
    reden: str

    def __str__(self):
        waar = f"regel {self.volgnummer}" + (f" (id {self.regel_id})" if self.regel_id else "")
        return f"Keten {self.keten}, {waar}: {self.reden}"


def verifieer_keten(keten):
    """(number of rows checked, the first break or None)."""
    vorige_hash, verwacht = keten.anker_hash, keten.anker_volgnummer + 1
    aantal = 0
    for regel in keten.regels.order_by("volgnummer").iterator(chunk_size=2000):
        if regel.volgnummer != verwacht:
            reden = f"regel {verwacht} ontbreekt (verwijderd)" if regel.volgnummer > verwacht else "dubbel volgnummer"
            return aantal, Breuk(keten.sleutel, regel.volgnummer, regel.pk, reden)
        if regel.vorige_hash != vorige_hash:
            return aantal, Breuk(keten.sleutel, regel.volgnummer, regel.pk, "de hash van de vorige regel klopt niet")
        if regel_hash(regel, keten_sleutel=keten.sleutel) != regel.hash:
            return aantal, Breuk(keten.sleutel, regel.volgnummer, regel.pk, "de inhoud is gewijzigd (hash klopt niet)")
        vorige_hash, verwacht, aantal = regel.hash, verwacht + 1, aantal + 1
    if verwacht - 1 != keten.laatste_volgnummer or vorige_hash != keten.laatste_hash:
        return aantal, Breuk(
            keten.sleutel, verwacht, None, f"de laatste regels ontbreken (tot en met {keten.laatste_volgnummer})"
        )
    return aantal, None


def verifieer():
    """Every chain checked: [(chain key, rows checked, first break or None)]."""
    return [(keten.sleutel, *verifieer_keten(keten)) for keten in AuditKeten.objects.order_by("sleutel")]


# --- retention -----------------------------------------------------------------------------------


@contextmanager
def opschonen_toegestaan():
    """Lets this transaction remove expired audit rows (the trigger's one exception).

    PostgreSQL: a transaction-local setting the trigger reads (and the trigger still refuses rows
    younger than the gemeente's retention). SQLite: a flag the trigger's SQL function reads.
    """
    token = _opschonen.set(True)
    try:
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SELECT set_config('privacy_portal.audit_opschonen', 'aan', true)")
        yield
    finally:
        if connection.vendor == "postgresql" and connection.in_atomic_block:
            with connection.cursor() as cursor:
                cursor.execute("SELECT set_config('privacy_portal.audit_opschonen', '', true)")
        _opschonen.reset(token)


@contextmanager
def leegmaken_toegestaan():
    """Only for `manage.py flush` (emptying the whole database): SQLite's DELETE trigger lets it pass."""
    token = _opschonen.set(True)
    try:
        yield
    finally:
        _opschonen.reset(token)


def opschonen_is_toegestaan():
    return 1 if _opschonen.get() else 0


def bewaartermijn_maanden(keten):
    if keten.gemeente_id is None:
        return settings.AUDIT_BEWAARTERMIJN_MAANDEN
    return keten.gemeente.audit_bewaartermijn_maanden


def opschonen(*, nu=None):
    """Remove each chain's rows older than its retention (a prefix of the chain), recording the
    anchor it then starts from. Never on a clock ahead of the real one. -> rows removed."""
    from .kalender import maanden_terug

    nu = min(nu or timezone.now(), timezone.now())
    verwijderd = 0
    for keten_id in AuditKeten.objects.order_by("sleutel").values_list("pk", flat=True):
        with transaction.atomic():
            keten = AuditKeten.objects.select_for_update(of=("self",)).select_related("gemeente").get(pk=keten_id)
            grens_dag = maanden_terug(timezone.localdate(nu), bewaartermijn_maanden(keten))
            grens = timezone.make_aware(datetime.combine(grens_dag, time.min))
            eerste_bewaard = (
                keten.regels.filter(tijdstip__gte=grens).order_by("volgnummer").values_list("volgnummer", flat=True)
            ).first()
            tot = keten.laatste_volgnummer if eerste_bewaard is None else eerste_bewaard - 1
            if tot <= keten.anker_volgnummer:
                continue
            laatste = keten.regels.get(volgnummer=tot)
            with opschonen_toegestaan():
                aantal, _ = keten.regels.filter(volgnummer__lte=tot).delete()
                keten.anker_volgnummer, keten.anker_hash, keten.opgeschoond_op = tot, laatste.hash, nu
                keten.save(update_fields=["anker_volgnummer", "anker_hash", "opgeschoond_op"])
            verwijderd += aantal
    return verwijderd
