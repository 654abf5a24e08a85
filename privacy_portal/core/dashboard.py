"""The dashboard registry: every register contributes its own figures to the dashboard and the reports.

The FG dashboard, its API (`/api/v1/dashboard`) and the reports (kwartaalevaluatie, jaarverslag)
know no register. Each register adds a *bron* (source) with `@dashboard_bron`, like a scan step
with `@scan_stap` (core/scanner.py), and the pages show whatever the sources return. A register
that has no source yet appears as "nog niet beschikbaar" (see `BEKENDE_SECTIES`).

How a register adds its figures (for example rechten/)
------------------------------------------------------
1. Write `rechten/dashboard.py`::

       from privacy_portal.core.dashboard import Cijfer, Reeks, Sectie, Tabel, Trend, dashboard_bron, kwartalen

       @dashboard_bron(detail_recht="rechten.view_verzoek", volgorde=30, sleutel="verzoeken")
       def verzoeken(gemeenten, nu, *, met_details, periode=None):
           qs = Verzoek.objects.filter(gemeente__in=gemeenten)
           cijfers = qs.aggregate(open=Count("pk", filter=...), te_laat=Count("pk", filter=...))
           enkel = gemeenten[0].slug if len(gemeenten) == 1 else ""
           return [
               Sectie(
                   sleutel="verzoeken",
                   titel="Betrokkenenverzoeken",
                   cijfers=[
                       Cijfer("Open verzoeken", cijfers["open"], link=lijst_link("/verzoeken/", gemeente=enkel)),
                       Cijfer("Termijn verstreken", cijfers["te_laat"], signaal=Cijfer.LET_OP, link=...),
                   ],
                   trends=[Trend("Verzoeken per kwartaal", kwartalen=[...], reeksen=[Reeks("Ontvangen", [...])])],
                   stand=stand_van_historie(Verzoek, gemeenten),
               )
           ]

2. Import it in `RechtenConfig.ready()`: `from . import dashboard  # noqa: F401`.

The contract
------------
`func(gemeenten, nu, *, met_details)`, optionally with a keyword `periode=None`, returns a list of
`Sectie` (usually one).

- `gemeenten`: a non-empty list of `Gemeente`. Figures are totals over all of them. Filter with
  `gemeente__in=gemeenten`; never one query per gemeente: the dashboard's query count must not
  grow with the number of gemeenten or records (use `aggregate` with `Count(filter=...)`).
- `nu`: an aware datetime. "This quarter", "due this week", "overdue" are relative to `nu`;
  never call `timezone.now()` in a source (tests use fixed moments).
- `met_details`: when False the section must hold no personal data: no titles, names,
  descriptions or free text of records, only counts and short references such as a kenmerk.
  It is True only for a user who holds the source's `detail_recht` in every gemeente shown;
  reports are always made with `met_details=False` (the college reads them).
- `periode` (optional keyword): None on the dashboard. Reports pass a `Periode` (dates, both
  inclusive); figures then cover that period ("gemeld in de periode") instead of this quarter and
  this year, and the trend shows the quarters of the period. A source without this keyword is
  called without it and shows the state at `nu`.
- Every figure links to the list that shows exactly that many items (`Cijfer.link`, a URL path
  with query string, for users with `met_details`); use "" when the user cannot open such a list.
- `Sectie.stand` records the data state the figures came from (counts, the latest history id
  and moment), so a report is reproducible. `stand_van_historie()` makes it for a tracked model.
"""

import inspect
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import date, datetime, time, timedelta
from urllib.parse import urlencode

import structlog
from django.db.models import Count, Max
from django.utils import timezone

log = structlog.get_logger(__name__)

# Sections the reports and the dashboard expect, in this order; a missing one says "nog niet beschikbaar".
BEKENDE_SECTIES = {
    "registers": "Register van verwerkingen",
    "datalekken": "Datalekken",
    "verzoeken": "Betrokkenenverzoeken",
    "dpia": "DPIA's",
    "overeenkomsten": "Verwerkersovereenkomsten en convenanten",
}

KWARTAAL_NAMEN = {1: "1e kwartaal", 2: "2e kwartaal", 3: "3e kwartaal", 4: "4e kwartaal"}
MAANDEN = ("januari februari maart april mei juni juli augustus september oktober november december").split()


# --- shapes ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Cijfer:
    """One number with the list behind it."""

    GOED = "goed"
    LET_OP = "let_op"

    label: str
    waarde: int | float | None
    link: str = ""
    eenheid: str = ""
    toelichting: str = ""
    signaal: str = ""  # "", Cijfer.GOED or Cijfer.LET_OP (when the number asks for action and is not 0)
    sleutel: str = ""  # stable machine name for the API, e.g. "zonder_vastgestelde_versie"
    groep: str = ""  # e.g. "Dit kwartaal (3e kwartaal 2026)": figures with a groep are shown as a table


@dataclass(frozen=True)
class Reeks:
    """One series of a trend: a value per quarter, and optionally the list behind each value."""

    naam: str
    waarden: list
    links: list = field(default_factory=list)


@dataclass(frozen=True)
class Trend:
    """Values per quarter, drawn as a bar chart with the data as a table (core/grafiek.py)."""

    titel: str
    kwartalen: list  # labels such as "2026 K3"
    reeksen: list  # of Reeks
    beschrijving: str = ""


@dataclass(frozen=True)
class Tabel:
    """A small table of rows (text only). `links`: per row a URL for the first cell, or "".

    `detail`: a list of individual records (for the quarterly evaluation and the dashboard); the
    jaarverslag, a summary for the college and the raad, leaves such tables out.
    """

    titel: str
    kolommen: list
    rijen: list
    links: list = field(default_factory=list)
    meer: int = 0  # rows left out to keep the table short
    detail: bool = False


@dataclass(frozen=True)
class Sectie:
    sleutel: str
    titel: str
    cijfers: list = field(default_factory=list)
    trends: list = field(default_factory=list)
    tabellen: list = field(default_factory=list)
    toelichting: str = ""
    stand: dict = field(default_factory=dict)
    fout: str = ""


@dataclass(frozen=True)
class Periode:
    """A period of whole days, both ends inclusive."""

    van: date
    tot: date

    @property
    def begin(self) -> datetime:
        """The first moment of the period (local midnight)."""
        return timezone.make_aware(datetime.combine(self.van, time.min))

    @property
    def einde(self) -> datetime:
        """The first moment after the period (local midnight of the next day)."""
        return timezone.make_aware(datetime.combine(self.tot + timedelta(days=1), time.min))

    @property
    def is_kwartaal(self):
        jaar, k = kwartaal_van(self.van)
        return self == kwartaal_periode(jaar, k)

    @property
    def is_jaar(self):
        return self.van == date(self.van.year, 1, 1) and self.tot == date(self.van.year, 12, 31)

    @property
    def label(self) -> str:
        if self.is_jaar:
            return str(self.van.year)
        if self.is_kwartaal:
            jaar, k = kwartaal_van(self.van)
            return f"{KWARTAAL_NAMEN[k]} {jaar}"
        return f"{datum_tekst(self.van)} tot en met {datum_tekst(self.tot)}"


def datum_tekst(d: date) -> str:
    return f"{d.day} {MAANDEN[d.month - 1]} {d.year}"


def kwartaal_van(d: date) -> tuple[int, int]:
    return d.year, (d.month - 1) // 3 + 1


def kwartaal_periode(jaar: int, kwartaal: int) -> Periode:
    van = date(jaar, 3 * (kwartaal - 1) + 1, 1)
    volgende = date(jaar + 1, 1, 1) if kwartaal == 4 else date(jaar, 3 * kwartaal + 1, 1)
    return Periode(van, volgende - timedelta(days=1))


def jaar_periode(jaar: int) -> Periode:
    return Periode(date(jaar, 1, 1), date(jaar, 12, 31))


def kwartaal_label(jaar: int, kwartaal: int) -> str:
    return f"{jaar} K{kwartaal}"


def kwartalen(*, tot: date, aantal: int = 8, van: date | None = None) -> list[Periode]:
    """The quarters up to and including the one of `tot`: at least `aantal`, back to `van` if earlier."""
    jaar, k = kwartaal_van(tot)
    uitkomst = []
    while len(uitkomst) < aantal or (van is not None and uitkomst[-1].van > van):
        uitkomst.append(kwartaal_periode(jaar, k))
        jaar, k = (jaar - 1, 4) if k == 1 else (jaar, k - 1)
    return list(reversed(uitkomst))


def trend_kwartalen(nu: datetime, periode: Periode | None) -> list[Periode]:
    """Quarters for a trend: the last eight on the dashboard, the quarters of a report's period (at least four)."""
    if periode is None:
        return kwartalen(tot=timezone.localdate(nu), aantal=8)
    return kwartalen(tot=periode.tot, aantal=4, van=periode.van)


def lijst_link(pad: str, **filters) -> str:
    """A list URL with its filters; empty filter values are left out."""
    query = urlencode({k: v for k, v in filters.items() if v not in (None, "")})
    return f"{pad}?{query}" if query else pad


def stand_van_historie(model, gemeenten, *, veld="gemeente__in") -> dict:
    """The data state of a tracked model for these gemeenten: rows, latest history id and moment."""
    cijfers = model.history.filter(**{veld: gemeenten}).aggregate(
        historie=Count("pk"), laatste_id=Max("history_id"), laatste_op=Max("history_date")
    )
    aantal = model._default_manager.filter(**{veld: gemeenten}).count()
    return {
        "aantal": aantal,
        "historieregels": cijfers["historie"],
        "laatste_historie_id": cijfers["laatste_id"],
        "laatste_wijziging": cijfers["laatste_op"].isoformat() if cijfers["laatste_op"] else None,
    }


# --- the registry ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Bron:
    func: Callable
    detail_recht: str | None
    volgorde: int
    met_periode: bool
    sleutel: str

    @property
    def naam(self):
        return f"{self.func.__module__}.{self.func.__name__}"


_BRONNEN: list[Bron] = []


def dashboard_bron(func=None, *, detail_recht=None, volgorde=100, sleutel=None):
    """Register a source: `@dashboard_bron`, or with options `@dashboard_bron(detail_recht="app.perm", ...)`.

    `detail_recht`: the permission that entitles a user to the details (met_details=True) in every
    gemeente shown; without it the source is always called with met_details=False.
    `volgorde`: position on the dashboard (registers 10, datalekken 20; take 30 and up).
    `sleutel`: the section the source fills (a key of BEKENDE_SECTIES), named when the source fails;
    by default the name of its app.
    """

    def registreer(f):
        parameters = inspect.signature(f).parameters
        met_periode = "periode" in parameters or any(p.kind == p.VAR_KEYWORD for p in parameters.values())
        bron = Bron(
            func=f,
            detail_recht=detail_recht,
            volgorde=volgorde,
            met_periode=met_periode,
            sleutel=sleutel or f.__module__.split(".")[0],
        )
        _BRONNEN[:] = [b for b in _BRONNEN if b.naam != bron.naam] + [bron]  # a reload replaces, never doubles
        _BRONNEN.sort(key=lambda b: (b.volgorde, b.naam))
        return f

    return registreer(func) if func is not None else registreer


def bronnen() -> list[Bron]:
    return list(_BRONNEN)


def mag_details(user, bron: Bron, gemeenten) -> bool:
    if user is None or bron.detail_recht is None:
        return False
    return all(user.has_perm(bron.detail_recht, g) for g in gemeenten)


def verzamel(gemeenten, nu, *, user=None, periode=None, fouten_opvangen=False) -> list[Sectie]:
    """Every source's sections for these gemeenten, in registry order.

    `user` None (reports) means no details anywhere. With `fouten_opvangen` (the dashboard) a
    failing source becomes a section with an error text instead of breaking the page.
    """
    gemeenten = list(gemeenten)
    secties = []
    for bron in _BRONNEN:
        kwargs = {"met_details": mag_details(user, bron, gemeenten)}
        if bron.met_periode:
            kwargs["periode"] = periode
        try:
            secties.extend(bron.func(gemeenten, nu, **kwargs))
        except Exception:
            if not fouten_opvangen:
                raise
            log.exception("dashboardbron mislukt", bron=bron.naam)
            secties.append(
                Sectie(
                    sleutel=bron.sleutel,
                    titel=BEKENDE_SECTIES.get(bron.sleutel, bron.sleutel),
                    fout="Deze cijfers konden nu niet worden berekend. Probeer het later opnieuw.",
                )
            )
    return secties


def groepeer(cijfers) -> dict:
    """Figures without a groep stay single ('los'); grouped ones become a table: a row per label
    ('rijen': [(label, [Cijfer or None per groep])]) and a column per groep ('groepen')."""
    los = [c for c in cijfers if not c.groep]
    groepen = list(dict.fromkeys(c.groep for c in cijfers if c.groep))
    per_label = {}
    for c in cijfers:
        if c.groep:
            per_label.setdefault(c.label, {})[c.groep] = c
    rijen = [(label, [cellen.get(g) for g in groepen]) for label, cellen in per_label.items()]
    return {"los": los, "groepen": groepen, "rijen": rijen}


def ontbrekende_secties(secties) -> list[tuple[str, str]]:
    """(sleutel, titel) of the expected sections no source delivered: shown as "nog niet beschikbaar"."""
    aanwezig = {s.sleutel for s in secties}
    return [(sleutel, titel) for sleutel, titel in BEKENDE_SECTIES.items() if sleutel not in aanwezig]


def als_dict(sectie: Sectie) -> dict:
    """A section as plain data (for the API and the stored gegevensstand)."""
    return asdict(sectie)
