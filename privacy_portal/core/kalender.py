"""The one calendar of the portal: every date-based deadline is computed here.

Pure functions: no database and no clock inside. The caller passes the dates and a `Kalender`;
`kalender_db.huidige_kalender()` builds the Kalender from the administrator's extra days.

What this module offers:

- `feestdagen(jaar)`: the public holidays of the Algemene termijnenwet (Atw) for one year.
- `Kalender`: holidays plus extra days an administrator entered; answers `is_werkdag`,
  `eerstvolgende_werkdag_vanaf`, `volgende_werkdag`, `werkdagen_terug` and `plus_maanden`.
- `antwoord_deadline(ontvangen_op, kalender, maanden=1)`: the answer deadline of a rights request
  (AVG art. 12(3)); `maanden=3` gives the extended deadline (DOMAIN Decision: receipt + 3 months).
- `plus_weken(d, weken, kalender)`: the same end-of-period rule for periods in weeks (AP prior
  consultation, AVG art. 36(2): 8 weeks, extended 8 + 6 = 14 weeks from receipt).
- `plus_jaren(d, jaren)`: plain date arithmetic (29 February becomes 28 February), no working-day
  shift; for the three-yearly DPIA re-check and other review dates.
- `meld_deadline(kennisname)`: the 72-hour deadline of a datalek (AVG art. 33), on UTC instants.

How a period is counted (EU Regulation 1182/71 art. 3, DOMAIN "Betrokkenenverzoeken"):

1. the day of the event (receipt) is not counted (art. 3(1));
2. a period in weeks ends on the same weekday, a period in months on the same date, `n` weeks or
   months later; when that month has no such date, on its last day (art. 3(2)(c));
3. when that day is a Saturday, Sunday or holiday, the period ends on the next working day (art. 3(4));
4. a period of two days or more contains at least two working days (art. 3(5)); with the Atw
   holidays this never changes a period of a week or more, but it does once an administrator
   enters a long run of extra days.

Holidays (DOMAIN Decision): those of the Algemene termijnenwet (Atw) art. 3(1) and Goede Vrijdag
(art. 3(2)), computed by rule here, not read from the `holidays` package at run time, so a change
of that package's categories (it lists 5 mei as "optional" outside lustrum years) cannot move a
legal deadline; the tests compare this list with `holidays.Netherlands` for every supported year.
Eerste Paasdag and Eerste Pinksterdag are left out: they are always Sundays and the Atw names only
the second days. Koningsdag is 27 April, 26 April when the 27th is a Sunday (since 2014); before
2014 Koninginnedag was 30 April, 29 April when the 30th was a Sunday (rule since 1980). 5 mei is
an Atw holiday every year since 1982. Years before `EERSTE_JAAR` (1982) raise ValueError.
Days equal to a holiday by royal decree (art. 3(3), decreed about every three years, e.g. the
Friday after Hemelvaartsdag) ship as data with their decree as source (`gelijkgestelde_dagen.py`,
2023-2028) and every `Kalender` counts them; later decrees are entered by an administrator
(`ExtraVrijeDag`) and reach this module as `Kalender(extra_dagen=...)`.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable, Mapping
from datetime import UTC, date, datetime, timedelta
from functools import lru_cache
from types import MappingProxyType

from dateutil.easter import easter

from .gelijkgestelde_dagen import GELIJKGESTELDE_DAGEN

EERSTE_JAAR = 1982
"""The first year whose holidays this module knows (5 mei is an Atw holiday every year since 1982)."""

MELDTERMIJN = timedelta(hours=72)
"""AVG art. 33(1): notify the AP within 72 hours after becoming aware of the breach."""

ZATERDAG, ZONDAG = 5, 6


def _controleer_datum(d) -> date:
    """Accept a date, refuse a datetime (a deadline is a whole day) and anything else."""
    if isinstance(d, datetime) or not isinstance(d, date):
        raise TypeError(f"Verwacht een datum (datetime.date), niet {type(d).__name__}.")
    return d


def _controleer_aantal(aantal, naam: str, *, minimum: int = 1) -> int:
    if isinstance(aantal, bool) or not isinstance(aantal, int):
        raise TypeError(f"{naam} moet een geheel getal zijn, niet {type(aantal).__name__}.")
    if aantal < minimum:
        raise ValueError(f"{naam} moet minstens {minimum} zijn, niet {aantal}.")
    return aantal


@lru_cache(maxsize=256)
def _feestdagen(jaar: int) -> MappingProxyType:
    if isinstance(jaar, bool) or not isinstance(jaar, int):
        raise TypeError(f"jaar moet een geheel getal zijn, niet {type(jaar).__name__}.")
    if jaar < EERSTE_JAAR:
        raise ValueError(f"De feestdagen zijn alleen bekend vanaf {EERSTE_JAAR}, niet voor {jaar}.")
    pasen = easter(jaar)  # Gregorian (Western) Easter Sunday
    if jaar >= 2014:
        koningsdag = date(jaar, 4, 27)
        naam_koningsdag = "Koningsdag"
    else:
        koningsdag = date(jaar, 4, 30)
        naam_koningsdag = "Koninginnedag"
    if koningsdag.weekday() == ZONDAG:
        koningsdag -= timedelta(days=1)  # celebrated on the Saturday before
    dagen = [
        (date(jaar, 1, 1), "Nieuwjaarsdag"),
        (pasen - timedelta(days=2), "Goede Vrijdag"),
        (pasen + timedelta(days=1), "Tweede Paasdag"),
        (koningsdag, naam_koningsdag),
        (date(jaar, 5, 5), "Bevrijdingsdag"),
        (pasen + timedelta(days=39), "Hemelvaartsdag"),
        (pasen + timedelta(days=50), "Tweede Pinksterdag"),
        (date(jaar, 12, 25), "Eerste Kerstdag"),
        (date(jaar, 12, 26), "Tweede Kerstdag"),
    ]
    # Two holidays can share a date (Hemelvaartsdag on 5 mei, as in 2005 and 2016): keep both names.
    samen: dict[date, list[str]] = {}
    for dag, naam in dagen:
        samen.setdefault(dag, []).append(naam)
    return MappingProxyType({dag: " en ".join(samen[dag]) for dag in sorted(samen)})


def feestdagen(jaar: int) -> dict[date, str]:
    """The public holidays of the Algemene termijnenwet in `jaar`, by date, with their Dutch names.

    Nieuwjaarsdag, Goede Vrijdag, Tweede Paasdag, Koningsdag (Koninginnedag before 2014),
    Bevrijdingsdag (5 mei, every year), Hemelvaartsdag, Tweede Pinksterdag, Eerste en Tweede
    Kerstdag; sorted by date. Sundays that are feast days (Eerste Paas- and Pinksterdag) are not
    listed. When two holidays share a date the names are joined with " en ". Returns a new dict.
    """
    return dict(_feestdagen(jaar))


class Kalender:
    """Working days: Monday to Friday, except Atw holidays, decreed days and extra days.

    The days of the decrees under Atw art. 3(3) that ship with the portal (`GELIJKGESTELDE_DAGEN`)
    are always counted; `extra_dagen` adds the days of later decrees an administrator entered.

    `extra_dagen` is an iterable of dates, or a mapping date -> omschrijving (the reason shown to
    users). A Kalender is immutable and equals another with the same extra dates (the descriptions
    are labels only: they do not change a single deadline).
    """

    __slots__ = ("_extra", "_vrij_per_jaar")

    def __init__(self, extra_dagen: Iterable[date] | Mapping[date, str] = ()):
        if isinstance(extra_dagen, Mapping):
            extra = {_controleer_datum(d): str(omschrijving) for d, omschrijving in extra_dagen.items()}
        else:
            extra = {_controleer_datum(d): "Extra vrije dag" for d in extra_dagen}
        self._extra = MappingProxyType(extra)
        self._vrij_per_jaar: dict[int, frozenset[date]] = {}

    @property
    def extra_dagen(self) -> frozenset[date]:
        """The extra non-working days entered by an administrator."""
        return frozenset(self._extra)

    def __eq__(self, other):
        if not isinstance(other, Kalender):
            return NotImplemented
        return self._extra.keys() == other._extra.keys()

    def __hash__(self):
        return hash(frozenset(self._extra))

    def __repr__(self):
        return f"Kalender(extra_dagen={sorted(self._extra)!r})"

    # Working days

    def _vrije_dagen(self, jaar: int) -> frozenset[date]:
        vrij = self._vrij_per_jaar.get(jaar)
        if vrij is None:
            vrij = (
                frozenset(_feestdagen(jaar))
                | {d for d in GELIJKGESTELDE_DAGEN if d.year == jaar}
                | {d for d in self._extra if d.year == jaar}
            )
            self._vrij_per_jaar[jaar] = vrij
        return vrij

    def is_feestdag(self, d: date) -> bool:
        """True on an Atw holiday, a decreed day or an extra day, whatever the weekday."""
        d = _controleer_datum(d)
        return d in self._vrije_dagen(d.year)

    def is_werkdag(self, d: date) -> bool:
        """True on Monday to Friday when the day is neither an Atw holiday nor a decreed or extra day."""
        d = _controleer_datum(d)
        return d.weekday() < ZATERDAG and d not in self._vrije_dagen(d.year)

    def reden_geen_werkdag(self, d: date) -> str | None:
        """Why `d` is not a working day ("zaterdag", "Goede Vrijdag", an extra day's omschrijving), or None."""
        d = _controleer_datum(d)
        if d in self._extra:
            return self._extra[d]
        naam = _feestdagen(d.year).get(d) or GELIJKGESTELDE_DAGEN.get(d)
        if naam:
            return naam
        if d.weekday() == ZATERDAG:
            return "zaterdag"
        if d.weekday() == ZONDAG:
            return "zondag"
        return None

    def eerstvolgende_werkdag_vanaf(self, d: date) -> date:
        """`d` itself when it is a working day, else the first working day after it."""
        d = _controleer_datum(d)
        while not self.is_werkdag(d):
            d += timedelta(days=1)
        return d

    def volgende_werkdag(self, d: date) -> date:
        """The first working day strictly after `d` (whether or not `d` is a working day)."""
        return self.eerstvolgende_werkdag_vanaf(_controleer_datum(d) + timedelta(days=1))

    def werkdagen_terug(self, d: date, n: int) -> date:
        """The date `n` working days before `d`; `d` itself is not counted.

        For reminders such as "two working days before the deadline": with a deadline on Monday
        and n=2 the answer is the Thursday before (Friday is one working day back). n=0 gives `d`.
        """
        d = _controleer_datum(d)
        n = _controleer_aantal(n, "n", minimum=0)
        while n:
            d -= timedelta(days=1)
            if self.is_werkdag(d):
                n -= 1
        return d

    def werkdagen_tussen(self, begin: date, einde: date) -> int:
        """The number of working days after `begin` up to and including `einde` (0 when einde <= begin)."""
        begin, einde = _controleer_datum(begin), _controleer_datum(einde)
        aantal, d = 0, begin
        while d < einde:
            d += timedelta(days=1)
            aantal += self.is_werkdag(d)
        return aantal

    # Periods (Reg. 1182/71 art. 3)

    def einde_termijn(self, begin: date, laatste_dag: date) -> date:
        """Close a period that started on `begin` (not counted) with nominal last day `laatste_dag`.

        Art. 3(4): a last day on a Saturday, Sunday or holiday moves to the next working day.
        Art. 3(5): the period then still needs at least two working days after `begin`.
        """
        einde = self.eerstvolgende_werkdag_vanaf(laatste_dag)
        while self.werkdagen_tussen(begin, einde) < 2:
            einde = self.volgende_werkdag(einde)
        return einde

    def plus_maanden(self, ontvangen_op: date, maanden: int) -> date:
        """The last day of a period of `maanden` months that starts with the receipt on `ontvangen_op`.

        The day of receipt is not counted; the period ends on the same date `maanden` months later,
        or on the last day of that month when it has no such date (31 January + 1 -> 28 or 29
        February); on a Saturday, Sunday or holiday it ends on the next working day.
        """
        ontvangen_op = _controleer_datum(ontvangen_op)
        return self.einde_termijn(ontvangen_op, _zelfde_dag_maanden_later(ontvangen_op, maanden))


def _zelfde_dag_maanden_later(d: date, maanden: int) -> date:
    """The same date `maanden` months after `d`, or that month's last day when it has no such date."""
    maanden = _controleer_aantal(maanden, "maanden")
    jaar, maand0 = divmod(d.year * 12 + (d.month - 1) + maanden, 12)
    maand = maand0 + 1
    return date(jaar, maand, min(d.day, calendar.monthrange(jaar, maand)[1]))


def antwoord_deadline(ontvangen_op: date, kalender: Kalender, maanden: int = 1) -> date:
    """The last day to answer a rights request received on `ontvangen_op` (AVG art. 12(3)).

    One month by default; `maanden=3` gives the extended deadline, counted from the receipt
    (DOMAIN Decision, the earliest reading of "extended by two further months").
    Counted per Reg. 1182/71 art. 3, see `Kalender.plus_maanden`.
    """
    return kalender.plus_maanden(ontvangen_op, maanden)


def plus_weken(d: date, weken: int, kalender: Kalender) -> date:
    """The last day of a period of `weken` weeks that starts on `d` (not counted).

    Ends on the same weekday `weken` weeks later; on a Saturday, Sunday or holiday on the next
    working day (Reg. 1182/71 art. 3(2)(b) and (4)). AP prior consultation (AVG art. 36(2)):
    `plus_weken(ontvangen, 8, kalender)`, extended `plus_weken(ontvangen, 14, kalender)`.
    """
    d = _controleer_datum(d)
    weken = _controleer_aantal(weken, "weken")
    return kalender.einde_termijn(d, d + timedelta(weeks=weken))


def plus_jaren(d: date, jaren: int) -> date:
    """The same date `jaren` years later (or earlier when negative); 29 February becomes 28 February.

    Plain arithmetic without a working-day shift: for review dates such as the three-yearly
    DPIA re-check, not for legal periods.
    """
    d = _controleer_datum(d)
    if isinstance(jaren, bool) or not isinstance(jaren, int):
        raise TypeError(f"jaren moet een geheel getal zijn, niet {type(jaren).__name__}.")
    jaar = d.year + jaren
    return date(jaar, d.month, min(d.day, calendar.monthrange(jaar, d.month)[1]))


def maanden_terug(d: date, maanden: int) -> date:
    """The same date `maanden` months before `d`, or that month's last day when it has no such date.

    Plain arithmetic without a working-day shift: for retention (the audit log), not for legal periods.
    """
    d = _controleer_datum(d)
    maanden = _controleer_aantal(maanden, "maanden", minimum=0)
    jaar, maand0 = divmod(d.year * 12 + (d.month - 1) - maanden, 12)
    maand = maand0 + 1
    return date(jaar, maand, min(d.day, calendar.monthrange(jaar, maand)[1]))


def meld_deadline(kennisname: datetime) -> datetime:
    """The moment the AP must have been notified of a datalek: `kennisname` + 72 elapsed hours.

    Computed on UTC instants, so a daylight-saving change in between neither adds nor removes an
    hour (the wall-clock time of the result then differs by an hour). No weekend or holiday
    extension (DOMAIN Decision). The result is in the time zone of `kennisname`. A naive datetime
    raises ValueError: its instant is unknown.
    """
    if not isinstance(kennisname, datetime):
        raise TypeError(f"Verwacht een datetime, niet {type(kennisname).__name__}.")
    if kennisname.tzinfo is None or kennisname.utcoffset() is None:
        raise ValueError("meld_deadline heeft een tijdstip met tijdzone nodig (aware datetime), geen naive datetime.")
    return (kennisname.astimezone(UTC) + MELDTERMIJN).astimezone(kennisname.tzinfo)
