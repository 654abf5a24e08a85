"""The dashboard registry: every register contributes its own figures to the dashboard and the reports.

The FG dashboard, its API (`/api/v1/dashboard`) and the reports (kwartaalevaluatie, jaarverslag)
know no register. Each register adds a *bron* (source) with `@dashboard_bron`, like a scan step
with `@scan_stap` (core/scanner.py), and the pages show whatever the sources return. A register
that has no source yet appears as "nog niet beschikbaar" (see `BEKENDE_SECTIES`).

How a register adds its figures (for example rechten/)
------------------------------------------------------
1. Write `rechten/dashboard.py`::

       from privacy_portal.core.dashboard import Lijst, Sectie, dashboard_bron, stand_op, stand_van_historie

       # The staff list the figures open, and its named filters: name -> the list's query parameters.
       LIJST = Lijst("rechten:lijst", {"open": {}, "verstreken": {"termijn": "verstreken"},
                                        "ontvangen": {"status": "alle", "gebeurtenis": "ontvangen"}})

       @dashboard_bron(detail_recht="rechten.view_verzoek", volgorde=30, sleutel="verzoeken")
       def verzoeken(gemeenten, nu, *, met_details, periode=None):
           figuren = LIJST.figuren(gemeenten, met_details=met_details, peildatum=periode.tot if periode else None)
           stand = stand_op(Verzoek, periode.einde) if periode else Verzoek.objects.all()
           c = stand.filter(gemeente__in=gemeenten).aggregate(open=Count("pk", filter=...), ...)
           return [
               Sectie(
                   sleutel="verzoeken",
                   titel="Betrokkenenverzoeken",
                   cijfers=[
                       figuren.cijfer("Open verzoeken", c["open"], "open"),
                       figuren.cijfer("Ontvangen", ontvangen, "ontvangen", periode=venster, groep=...),
                   ],
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
- Every figure opens the register's staff list filtered to exactly its items. A figure is made
  only with `Lijst.figuren(...).cijfer(label, waarde, "filternaam", ...)`: the source names one of
  the list's filters, and the kernel builds `Cijfer.link` from the list's URL name, the filter's
  query parameters, the gemeente (when one is shown) and `periodeVan`/`periodeTot` (a figure about
  events in a period) or `peildatum` (a state at the end of a report's period). Without
  `met_details` the link is "" (or `zonder_details`, an overview of numbers). `verzamel` refuses a
  figure made another way (`FiguurZonderFilter`), and an unknown filter name is a KeyError.
- The list reads those parameters with `LijstFilter.uit_query(request.GET)` and filters with
  `gefilterd_op_peildatum(qs, peildatum, filteren)`: its own filters on today's rows, or on the rows
  as they were at the end of the peildatum (the history). Define each condition once in the
  register's selectors and use it in both the source's `Count(filter=...)` and the list, so they
  count alike. No personal data in these parameters.
- With `periode`: figures about a state (open, overdue, incomplete) are the state at the end of the
  period, from the history (`stand_op(Model, periode.einde)`: historical rows with the model's field
  names, so the same `Q` works; use `OuterRef("id")` in subqueries) or from stored dates; figures
  about events count the events inside the period. Each source's docstring says which.
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
from django.urls import reverse
from django.utils import timezone

from . import parameters

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
    filter: str = ""  # the named filter of the list behind the number, "lijst:naam" (see Lijst); set by Lijst only


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


# --- figures declared with a named filter of a list ------------------------------------------------

# Query parameters every register list reads (with `LijstFilter.uit_query`) besides its own filters.
PERIODE_VAN = "periodeVan"  # events from this date (inclusive)
PERIODE_TOT = "periodeTot"  # events up to and including this date
PEILDATUM = "peildatum"  # the state at the end of this day (from the history), instead of the state now


class FiguurZonderFilter(ValueError):
    """A source returned a figure that was not made by a `Lijst`: it has no list behind it."""


@dataclass(frozen=True)
class LijstFilter:
    """The dashboard's part of a list's query string: a period of events and/or a peildatum.

    Each list reads it the same way (`LijstFilter.uit_query(request.GET)`): the named filter says
    which event the period is about (received, decided, reported, ...); a peildatum makes the
    list's state filters look at the data as it was at the end of that day (`gefilterd_op_peildatum`).
    Invalid dates are ignored.
    """

    periode: "Periode | None" = None
    peildatum: date | None = None

    @classmethod
    def uit_query(cls, query) -> "LijstFilter":
        van, tot, peil = (parameters.datum(query, naam) for naam in (PERIODE_VAN, PERIODE_TOT, PEILDATUM))
        periode = Periode(van, tot) if van and tot else None
        return cls(periode=periode, peildatum=peil)

    @property
    def peilmoment(self) -> datetime | None:
        """The first moment after the peildatum: the state is the one just before it."""
        return Periode(self.peildatum, self.peildatum).einde if self.peildatum else None


def stand_op(model, moment):
    """The rows of a tracked model as they were just before `moment`, from its history.

    A queryset of historical rows (the latest record of each object before `moment`, deleted ones
    left out) with the model's own field names, so the same `Q` works on it as on the model; the
    object's id is `id` (use `OuterRef("id")` in subqueries that must work on both).
    """
    return model.history.filter(history_date__lt=moment).latest_of_each().exclude(history_type="-")


def gefilterd_op_peildatum(qs, peildatum: date | None, filteren: Callable):
    """A list's rows through its filters: now (`filteren(qs)`), or, with a peildatum, the rows of qs
    whose state at the end of that day passed the same filters (so a figure 'per 31 december' and
    its list agree). qs keeps the permissions and the current data to show."""
    if peildatum is None:
        return filteren(qs)
    stand = filteren(stand_op(qs.model, LijstFilter(peildatum=peildatum).peilmoment))
    return qs.filter(pk__in=stand.order_by().values("id"))


@dataclass(frozen=True)
class Lijst:
    """A register's staff list and the named filters it understands, declared once per source.

    `filters`: name -> the list's query parameters for it. A source makes its figures only with
    `Lijst.figuren(...).cijfer(label, waarde, "naam", ...)`: the link is built here from the list's
    URL name, the filter's parameters, the gemeente and the period or peildatum, so no figure can
    point at an unfiltered list, and `verzamel` refuses a figure made another way.
    `gemeente_param`: the list's query parameter for one gemeente's slug.
    """

    url_naam: str
    filters: dict
    gemeente_param: str = "gemeente"

    def link(self, filter: str, *, gemeente="", periode=None, peildatum=None) -> str:
        parameters = {self.gemeente_param: gemeente} if gemeente and self.gemeente_param else {}
        parameters |= self.filters[filter]  # KeyError: the list does not know this filter
        if periode is not None:
            parameters[PERIODE_VAN] = periode.van.isoformat()
            parameters[PERIODE_TOT] = periode.tot.isoformat()
        if peildatum is not None:
            parameters[PEILDATUM] = peildatum.isoformat()
        return lijst_link(reverse(self.url_naam), **parameters)

    def figuren(self, gemeenten, *, met_details, peildatum=None) -> "Figuren":
        """A figure maker for one call of a source; `peildatum`: state figures are as of the end of that day."""
        gemeenten = list(gemeenten)
        return Figuren(
            self,
            gemeente=gemeenten[0].slug if len(gemeenten) == 1 else "",
            met_details=met_details,
            peildatum=peildatum,
        )


@dataclass(frozen=True)
class Figuren:
    lijst: Lijst
    gemeente: str
    met_details: bool
    peildatum: date | None = None

    def link(self, filter, *, periode=None) -> str:
        """The list behind a figure: events in `periode`, or else the state at the peildatum (or now)."""
        if not self.met_details:
            self.lijst.filters[filter]  # noqa: B018 - a wrong name fails for every user
            return ""
        peildatum = None if periode is not None else self.peildatum
        return self.lijst.link(filter, gemeente=self.gemeente, periode=periode, peildatum=peildatum)

    def cijfer(self, label, waarde, filter, *, periode=None, zonder_details="", **velden) -> Cijfer:
        """A figure with its list. `periode`: the figure counts events in it (the list gets periodeVan/
        periodeTot); without it the figure is a state (now, or at the peildatum). `zonder_details`: a
        link for users without the details (an overview of numbers only)."""
        link = self.link(filter, periode=periode) or ("" if self.met_details else zonder_details)
        return Cijfer(label, waarde, link=link, filter=f"{self.lijst.url_naam}:{filter}", **velden)

    def links(self, filter, perioden) -> list:
        """The links of a trend series, one per period."""
        return [self.link(filter, periode=p) for p in perioden] if self.met_details else []


def controleer_figuren(secties, bron_naam=""):
    """Every figure must come from a `Lijst` (a named filter); raise FiguurZonderFilter otherwise."""
    for sectie in secties:
        for cijfer in sectie.cijfers:
            if not cijfer.filter:
                raise FiguurZonderFilter(f"{bron_naam}: het cijfer '{cijfer.label}' heeft geen lijstfilter")


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
            nieuw = bron.func(gemeenten, nu, **kwargs)
            controleer_figuren(nieuw, bron.naam)
            secties.extend(nieuw)
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


MAX_RIJEN = 100  # rows of a table in a report; the rest is counted ("en nog 12")


def afgekapt(rijen):
    """The first MAX_RIJEN rows and how many more there are."""
    return rijen[:MAX_RIJEN], max(0, len(rijen) - MAX_RIJEN)


def enkele_slug(gemeenten):
    """The slug for list links when one gemeente is shown; with several the list shows them all."""
    return gemeenten[0].slug if len(gemeenten) == 1 else ""


def per_kwartaal(qs, veld, **aggregaten):
    """{(jaar, kwartaal): {naam: aantal}} grouped on the quarter of `veld` (local time)."""
    from django.db.models.functions import TruncQuarter

    rijen = qs.order_by().annotate(_kwartaal=TruncQuarter(veld)).values("_kwartaal").annotate(**aggregaten)
    uitkomst = {}
    for rij in rijen:
        moment = rij.pop("_kwartaal")
        dag = timezone.localtime(moment).date() if timezone.is_aware(moment) else moment.date()
        uitkomst[kwartaal_van(dag)] = rij
    return uitkomst


def periode_label(p: Periode) -> str:
    return kwartaal_label(*kwartaal_van(p.van))
