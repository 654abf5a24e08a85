"""The deadline calendar: Atw holidays, month and week periods per Reg. 1182/71 art. 3, the 72-hour
datalek clock. Tables with a comment per row, then properties over 2000-2100."""

import calendar
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import holidays
import pytest
from dateutil.easter import easter
from hypothesis import given, settings
from hypothesis import strategies as st

from privacy_portal.core.kalender import (
    EERSTE_JAAR,
    Kalender,
    antwoord_deadline,
    feestdagen,
    meld_deadline,
    plus_jaren,
    plus_weken,
)

D = date
AMS = ZoneInfo("Europe/Amsterdam")
LEEG = Kalender()
# A later decree (Atw art. 3(3)) an administrator enters: the Friday after Hemelvaartsdag 2029.
MET_KB_DAG = Kalender({D(2029, 5, 11): "Vrijdag na Hemelvaartsdag"})


# Holidays


FEESTDAGEN = {
    2025: {
        D(2025, 1, 1): "Nieuwjaarsdag",  # Wednesday
        D(2025, 4, 18): "Goede Vrijdag",  # Easter Sunday is 20 April
        D(2025, 4, 21): "Tweede Paasdag",
        D(2025, 4, 26): "Koningsdag",  # 27 April 2025 is a Sunday: the Saturday before
        D(2025, 5, 5): "Bevrijdingsdag",  # lustrum year
        D(2025, 5, 29): "Hemelvaartsdag",  # Easter + 39
        D(2025, 6, 9): "Tweede Pinksterdag",  # Pinksteren 8 June
        D(2025, 12, 25): "Eerste Kerstdag",  # Thursday
        D(2025, 12, 26): "Tweede Kerstdag",
    },
    2026: {
        D(2026, 1, 1): "Nieuwjaarsdag",  # Thursday
        D(2026, 4, 3): "Goede Vrijdag",  # Easter Sunday is 5 April
        D(2026, 4, 6): "Tweede Paasdag",
        D(2026, 4, 27): "Koningsdag",  # Monday
        D(2026, 5, 5): "Bevrijdingsdag",  # not a lustrum year, still an Atw holiday
        D(2026, 5, 14): "Hemelvaartsdag",
        D(2026, 5, 25): "Tweede Pinksterdag",  # Pinksteren 24-25 May
        D(2026, 12, 25): "Eerste Kerstdag",  # Friday, then a weekend
        D(2026, 12, 26): "Tweede Kerstdag",  # Saturday
    },
    2027: {
        D(2027, 1, 1): "Nieuwjaarsdag",  # Friday
        D(2027, 3, 26): "Goede Vrijdag",  # Easter Sunday is 28 March
        D(2027, 3, 29): "Tweede Paasdag",
        D(2027, 4, 27): "Koningsdag",  # Tuesday
        D(2027, 5, 5): "Bevrijdingsdag",  # Wednesday, not a lustrum year
        D(2027, 5, 6): "Hemelvaartsdag",  # the day after 5 mei
        D(2027, 5, 17): "Tweede Pinksterdag",
        D(2027, 12, 25): "Eerste Kerstdag",  # Saturday
        D(2027, 12, 26): "Tweede Kerstdag",  # Sunday
    },
}


@pytest.mark.parametrize("jaar", sorted(FEESTDAGEN))
def test_feestdagen_van_de_algemene_termijnenwet(jaar):
    assert feestdagen(jaar) == FEESTDAGEN[jaar]
    assert list(feestdagen(jaar)) == sorted(FEESTDAGEN[jaar])


@pytest.mark.parametrize(
    "dag, naam",
    [
        (D(2014, 4, 26), "Koningsdag"),  # first Koningsdag: 27 April 2014 was a Sunday
        (D(2013, 4, 30), "Koninginnedag"),  # before 2014: 30 April
        (D(2006, 4, 29), "Koninginnedag"),  # 30 April 2006 was a Sunday: the Saturday before
        (D(2016, 5, 5), "Bevrijdingsdag en Hemelvaartsdag"),  # two holidays on one date keep both names
        (D(2038, 4, 27), "Koningsdag"),  # Tuesday right after Tweede Paasdag (26 April 2038)
    ],
)
def test_koningsdag_en_samenvallende_feestdagen(dag, naam):
    assert feestdagen(dag.year)[dag] == naam


def test_eerste_paas_en_pinksterdag_staan_er_niet_in_want_het_zijn_zondagen():
    pasen = easter(2026)
    assert pasen not in feestdagen(2026)
    assert pasen + timedelta(days=49) not in feestdagen(2026)
    assert not LEEG.is_werkdag(pasen)  # still not a working day: it is a Sunday


def test_feestdagen_geeft_een_nieuwe_dict_die_de_cache_niet_raakt():
    dagen = feestdagen(2026)
    dagen.clear()
    assert len(feestdagen(2026)) == 9


def test_jaren_voor_1982_worden_geweigerd():
    with pytest.raises(ValueError):
        feestdagen(EERSTE_JAAR - 1)
    with pytest.raises(TypeError):
        feestdagen("2026")


def test_feestdagen_gelijk_aan_holidays_pakket_met_bevrijdingsdag_en_zonder_zondagen():
    # The `holidays` package as an independent oracle: its public + optional categories are the
    # Atw list plus Eerste Paas- and Pinksterdag (Sundays, left out here on purpose).
    for jaar in range(EERSTE_JAAR, 2101):
        pakket = holidays.Netherlands(years=jaar, categories=(holidays.PUBLIC, holidays.OPTIONAL))
        verwacht = set(pakket) - {easter(jaar), easter(jaar) + timedelta(days=49)}
        assert set(feestdagen(jaar)) == verwacht, jaar


# Working days


@pytest.mark.parametrize(
    "dag, werkdag, reden",
    [
        (D(2026, 3, 6), True, None),  # an ordinary Friday
        (D(2026, 3, 7), False, "zaterdag"),
        (D(2026, 3, 8), False, "zondag"),
        (D(2026, 4, 3), False, "Goede Vrijdag"),
        (D(2026, 5, 5), False, "Bevrijdingsdag"),  # 5 mei in a non-lustrum year
        (D(2027, 5, 5), False, "Bevrijdingsdag"),  # idem
        (D(2029, 5, 11), True, None),  # Friday after Hemelvaartsdag 2029: a working day until a decree says otherwise
    ],
)
def test_is_werkdag_en_reden(dag, werkdag, reden):
    assert LEEG.is_werkdag(dag) is werkdag
    assert LEEG.reden_geen_werkdag(dag) == reden


def test_extra_dag_van_de_beheerder_is_geen_werkdag_en_draagt_zijn_omschrijving():
    assert not MET_KB_DAG.is_werkdag(D(2029, 5, 11))
    assert MET_KB_DAG.is_feestdag(D(2029, 5, 11))
    assert MET_KB_DAG.reden_geen_werkdag(D(2029, 5, 11)) == "Vrijdag na Hemelvaartsdag"
    assert Kalender([D(2029, 5, 11)]).reden_geen_werkdag(D(2029, 5, 11)) == "Extra vrije dag"


@pytest.mark.parametrize(
    "dag, vanaf, volgende",
    [
        (D(2026, 3, 6), D(2026, 3, 6), D(2026, 3, 9)),  # Friday: itself / the Monday after
        (D(2026, 3, 7), D(2026, 3, 9), D(2026, 3, 9)),  # Saturday: Monday either way
        (D(2026, 4, 3), D(2026, 4, 7), D(2026, 4, 7)),  # Goede Vrijdag, weekend, Tweede Paasdag
        (D(2026, 12, 24), D(2026, 12, 24), D(2026, 12, 28)),  # Thursday before Christmas + weekend
        (D(2026, 12, 31), D(2026, 12, 31), D(2027, 1, 4)),  # Nieuwjaarsdag Friday, then a weekend
    ],
)
def test_eerstvolgende_werkdag_vanaf_en_volgende_werkdag(dag, vanaf, volgende):
    assert LEEG.eerstvolgende_werkdag_vanaf(dag) == vanaf
    assert LEEG.volgende_werkdag(dag) == volgende


@pytest.mark.parametrize(
    "kalender, dag, n, verwacht",
    [
        (LEEG, D(2026, 3, 9), 2, D(2026, 3, 5)),  # Monday - 2: Friday (1), Thursday (2), over the weekend
        (LEEG, D(2026, 3, 11), 2, D(2026, 3, 9)),  # Wednesday - 2: Monday
        (LEEG, D(2026, 3, 8), 1, D(2026, 3, 6)),  # from a Sunday: the Friday
        (LEEG, D(2026, 3, 9), 0, D(2026, 3, 9)),  # zero: the day itself
        (LEEG, D(2026, 4, 7), 2, D(2026, 4, 1)),  # over Tweede Paasdag, weekend, Goede Vrijdag
        (LEEG, D(2026, 4, 28), 2, D(2026, 4, 23)),  # over Koningsdag (Monday) and the weekend
        (MET_KB_DAG, D(2029, 5, 14), 1, D(2029, 5, 9)),  # over the decreed Friday and Hemelvaartsdag
        (LEEG, D(2027, 1, 4), 1, D(2026, 12, 31)),  # over Nieuwjaarsdag into the old year
    ],
)
def test_werkdagen_terug(kalender, dag, n, verwacht):
    assert kalender.werkdagen_terug(dag, n) == verwacht


def test_werkdagen_terug_weigert_negatief():
    with pytest.raises(ValueError):
        LEEG.werkdagen_terug(D(2026, 3, 9), -1)


# Rights requests: one month (AVG art. 12(3)), Reg. 1182/71 art. 3


ANTWOORD = [
    # (received, kalender, months, deadline)
    (D(2025, 9, 3), LEEG, 1, D(2025, 10, 3)),  # DOMAIN example: 3 Sep -> 3 Oct (Friday)
    (D(2025, 3, 31), LEEG, 1, D(2025, 4, 30)),  # DOMAIN example: 31 Mar -> 30 Apr (no 31 April)
    (D(2025, 1, 31), LEEG, 1, D(2025, 2, 28)),  # DOMAIN example: 31 Jan -> 28 Feb
    (D(2024, 1, 31), LEEG, 1, D(2024, 2, 29)),  # leap year 2024: 29 Feb (Thursday)
    (D(2028, 1, 31), LEEG, 1, D(2028, 2, 29)),  # leap year 2028: 29 Feb (Tuesday)
    (D(2100, 1, 31), LEEG, 1, D(2100, 3, 1)),  # 2100 is no leap year: 28 Feb is a Sunday -> Monday 1 Mar
    (D(2025, 1, 30), LEEG, 1, D(2025, 2, 28)),  # 30 Jan: no 30 Feb -> last day of February
    (D(2025, 2, 28), LEEG, 1, D(2025, 3, 28)),  # end of February -> same date, not the month end
    (D(2025, 5, 31), LEEG, 1, D(2025, 6, 30)),  # 31 May -> 30 June (Monday)
    (D(2025, 8, 31), LEEG, 1, D(2025, 9, 30)),  # 31 Aug -> 30 Sep (Tuesday)
    (D(2025, 10, 4), LEEG, 1, D(2025, 11, 4)),  # received on a Saturday: the receipt day is not counted anyway
    (D(2026, 1, 10), LEEG, 1, D(2026, 2, 10)),  # weekends inside the period count
    (D(2026, 3, 3), LEEG, 1, D(2026, 4, 7)),  # Goede Vrijdag 3 Apr, weekend, Tweede Paasdag -> Tuesday
    (D(2025, 3, 18), LEEG, 1, D(2025, 4, 22)),  # Goede Vrijdag 18 Apr 2025 -> Tuesday 22 Apr
    (D(2024, 2, 29), LEEG, 1, D(2024, 4, 2)),  # 29 Mar 2024 is Goede Vrijdag -> Tuesday 2 Apr
    (D(2025, 3, 27), LEEG, 1, D(2025, 4, 28)),  # 27 Apr 2025 is a Sunday (Koningsdag the 26th) -> Monday
    (D(2026, 3, 27), LEEG, 1, D(2026, 4, 28)),  # Koningsdag Monday 27 Apr 2026 -> Tuesday
    (D(2027, 3, 27), LEEG, 1, D(2027, 4, 28)),  # Koningsdag Tuesday 27 Apr 2027 -> Wednesday
    (D(2026, 4, 5), LEEG, 1, D(2026, 5, 6)),  # 5 mei 2026 (Tuesday, non-lustrum) -> Wednesday
    (D(2027, 4, 5), LEEG, 1, D(2027, 5, 10)),  # 5 mei 2027 (Wednesday), Hemelvaartsdag, decreed Friday -> Monday
    (D(2026, 4, 14), LEEG, 1, D(2026, 5, 18)),  # Hemelvaartsdag 14 May 2026, decreed Friday 15 -> Monday 18
    (D(2026, 4, 24), LEEG, 1, D(2026, 5, 26)),  # Eerste Pinksterdag (Sunday), Tweede (Monday) -> Tuesday
    (D(2026, 4, 25), LEEG, 1, D(2026, 5, 26)),  # Tweede Pinksterdag 25 May -> Tuesday
    (D(2026, 11, 25), LEEG, 1, D(2026, 12, 28)),  # Christmas Friday + Saturday, then Sunday -> Monday 28 Dec
    (D(2025, 11, 25), LEEG, 1, D(2025, 12, 29)),  # Christmas Thursday + Friday, weekend -> Monday 29 Dec
    (D(2027, 11, 25), LEEG, 1, D(2027, 12, 27)),  # Christmas on Saturday and Sunday -> Monday 27 Dec
    (D(2025, 11, 30), LEEG, 1, D(2025, 12, 30)),  # 30 Nov -> 30 Dec (Tuesday)
    (D(2025, 12, 1), LEEG, 1, D(2026, 1, 5)),  # Nieuwjaarsdag, decreed Friday 2 Jan 2026, weekend -> Monday 5
    (D(2025, 12, 31), LEEG, 1, D(2026, 2, 2)),  # 31 Dec -> 31 Jan 2026 is a Saturday -> Monday 2 Feb
    (D(2026, 12, 1), LEEG, 1, D(2027, 1, 4)),  # 1 Jan 2027 Nieuwjaarsdag (Friday), weekend -> Monday 4 Jan
    (D(2026, 12, 31), LEEG, 1, D(2027, 2, 1)),  # 31 Jan 2027 is a Sunday -> Monday 1 Feb
    (D(2038, 3, 23), LEEG, 1, D(2038, 4, 28)),  # longest run: Goede Vrijdag 23 Apr .. Koningsdag 27 Apr 2038
    (D(2029, 4, 11), LEEG, 1, D(2029, 5, 11)),  # no decree for 2029 yet: the Friday after Hemelvaart is a working day
    (D(2029, 4, 11), MET_KB_DAG, 1, D(2029, 5, 14)),  # extra day of the administrator -> Monday 14 May
    (D(2029, 4, 10), MET_KB_DAG, 1, D(2029, 5, 14)),  # Hemelvaartsdag, decreed Friday, weekend -> Monday
    # Extended deadline: receipt + 3 months (DOMAIN Decision)
    (D(2025, 9, 3), LEEG, 3, D(2025, 12, 3)),  # 3 Sep -> 3 Dec (Wednesday)
    (D(2025, 11, 30), LEEG, 3, D(2026, 3, 2)),  # no 30 Feb -> 28 Feb 2026 (Saturday) -> Monday 2 Mar
    (D(2027, 11, 30), LEEG, 3, D(2028, 2, 29)),  # leap year 2028: 29 Feb (Tuesday)
    (D(2025, 12, 31), LEEG, 3, D(2026, 3, 31)),  # over the year change -> 31 Mar (Tuesday)
    (D(2026, 1, 3), LEEG, 3, D(2026, 4, 7)),  # 3 Apr 2026 is Goede Vrijdag -> Tuesday 7 Apr
    (D(2026, 9, 25), LEEG, 3, D(2026, 12, 28)),  # Christmas followed by a weekend -> Monday 28 Dec
]


@pytest.mark.parametrize("ontvangen_op, kalender, maanden, deadline", ANTWOORD)
def test_antwoord_deadline(ontvangen_op, kalender, maanden, deadline):
    assert antwoord_deadline(ontvangen_op, kalender, maanden=maanden) == deadline
    assert kalender.plus_maanden(ontvangen_op, maanden) == deadline


@pytest.mark.parametrize(
    "ontvangen_op, maanden, fout",
    [
        (D(2026, 1, 1), 0, ValueError),  # a period needs at least one month
        (D(2026, 1, 1), -1, ValueError),
        (D(2026, 1, 1), 1.0, TypeError),
        (datetime(2026, 1, 1, 12, tzinfo=UTC), 1, TypeError),  # a deadline is a day: pass .date() yourself
        ("2026-01-01", 1, TypeError),
    ],
)
def test_antwoord_deadline_weigert_onzin(ontvangen_op, maanden, fout):
    with pytest.raises(fout):
        antwoord_deadline(ontvangen_op, LEEG, maanden=maanden)


# Periods in weeks and years


@pytest.mark.parametrize(
    "begin, weken, kalender, verwacht",
    [
        (D(2026, 3, 4), 8, LEEG, D(2026, 4, 29)),  # AP prior consultation: 8 weeks, same weekday (Wednesday)
        (D(2026, 3, 4), 14, LEEG, D(2026, 6, 10)),  # extended by 6 weeks, counted from receipt
        (D(2026, 3, 2), 8, LEEG, D(2026, 4, 28)),  # lands on Koningsdag (Monday) -> Tuesday
        (D(2026, 3, 20), 2, LEEG, D(2026, 4, 7)),  # lands on Goede Vrijdag -> Tuesday after Tweede Paasdag
        (D(2026, 11, 7), 7, LEEG, D(2026, 12, 28)),  # Saturday after Christmas -> Monday
        (D(2026, 3, 25), 1, LEEG, D(2026, 4, 1)),  # one week, all working days
        # Art. 3(5): at least two working days. Extra days Mon 9 .. Fri 13 March: a week from Friday
        # 6 March ends on Friday 13 (extra) -> Monday 16, the only working day -> Tuesday 17.
        (D(2026, 3, 6), 1, Kalender([D(2026, 3, 9) + timedelta(days=i) for i in range(5)]), D(2026, 3, 17)),
    ],
)
def test_plus_weken(begin, weken, kalender, verwacht):
    assert plus_weken(begin, weken, kalender) == verwacht


@pytest.mark.parametrize(
    "begin, jaren, verwacht",
    [
        (D(2026, 3, 15), 3, D(2029, 3, 15)),  # three-yearly re-check
        (D(2026, 3, 7), 3, D(2029, 3, 7)),  # no working-day shift (2029-03-07 is a Wednesday, 2026-03-07 a Saturday)
        (D(2026, 12, 25), 3, D(2029, 12, 25)),  # not even on Christmas
        (D(2024, 2, 29), 3, D(2027, 2, 28)),  # 29 Feb -> 28 Feb
        (D(2024, 2, 29), 4, D(2028, 2, 29)),  # leap year to leap year keeps 29 Feb
        (D(2096, 2, 29), 4, D(2100, 2, 28)),  # 2100 is no leap year
        (D(2029, 3, 15), -3, D(2026, 3, 15)),  # backwards works too
    ],
)
def test_plus_jaren(begin, jaren, verwacht):
    assert plus_jaren(begin, jaren) == verwacht


# Datalekken: 72 elapsed hours (AVG art. 33, DOMAIN Decision)


@pytest.mark.parametrize(
    "kennisname, verwacht",
    [
        # No DST change: same wall-clock time three days later.
        (datetime(2026, 6, 1, 14, 30, tzinfo=AMS), datetime(2026, 6, 4, 14, 30, tzinfo=AMS)),
        # Spring 2026: 29 March 02:00 CET -> 03:00 CEST. 10:00 CET + 72 h = 11:00 CEST.
        (datetime(2026, 3, 27, 10, 0, tzinfo=AMS), datetime(2026, 3, 30, 11, 0, tzinfo=AMS)),
        # Autumn 2026: 25 October 03:00 CEST -> 02:00 CET. 10:00 CEST + 72 h = 09:00 CET.
        (datetime(2026, 10, 23, 10, 0, tzinfo=AMS), datetime(2026, 10, 26, 9, 0, tzinfo=AMS)),
        # Inside the repeated hour: 02:30 CEST (fold=0) = 00:30 UTC -> 28 October 01:30 CET.
        (datetime(2026, 10, 25, 2, 30, tzinfo=AMS), datetime(2026, 10, 28, 1, 30, tzinfo=AMS)),
        # The second 02:30, CET (fold=1) = 01:30 UTC -> 28 October 02:30 CET.
        (datetime(2026, 10, 25, 2, 30, fold=1, tzinfo=AMS), datetime(2026, 10, 28, 2, 30, tzinfo=AMS)),
        # Weekend and holidays do not extend: Friday before Easter -> Monday (Tweede Paasdag).
        (datetime(2026, 4, 3, 9, 0, tzinfo=AMS), datetime(2026, 4, 6, 9, 0, tzinfo=AMS)),
        # A UTC moment stays in UTC.
        (datetime(2026, 3, 28, 23, 0, tzinfo=UTC), datetime(2026, 3, 31, 23, 0, tzinfo=UTC)),
    ],
)
def test_meld_deadline(kennisname, verwacht):
    deadline = meld_deadline(kennisname)
    assert deadline.astimezone(UTC) == verwacht.astimezone(UTC)
    assert deadline.astimezone(UTC) - kennisname.astimezone(UTC) == timedelta(hours=72)
    assert deadline.isoformat() == verwacht.isoformat()  # wall-clock time and UTC offset
    assert deadline.tzinfo is kennisname.tzinfo


def test_meld_deadline_weigert_naive_tijdstip():
    with pytest.raises(ValueError):
        meld_deadline(datetime(2026, 3, 27, 10, 0))
    with pytest.raises(TypeError):
        meld_deadline(date(2026, 3, 27))


# Kalender itself


def test_kalender_is_onveranderlijk_en_vergelijkbaar():
    assert Kalender([D(2029, 5, 11)]) == Kalender((D(2029, 5, 11),))
    assert Kalender() != MET_KB_DAG
    assert len({Kalender(), Kalender()}) == 1
    assert MET_KB_DAG.extra_dagen == frozenset({D(2029, 5, 11)})
    with pytest.raises(AttributeError):
        MET_KB_DAG.iets = 1
    with pytest.raises(TypeError):
        Kalender([datetime(2029, 5, 11, tzinfo=UTC)])


# Properties over 2000-2100

datums = st.dates(min_value=D(2000, 1, 1), max_value=D(2100, 12, 31))


def zelfde_dag_volgende_maand(d):
    jaar, maand = (d.year + 1, 1) if d.month == 12 else (d.year, d.month + 1)
    return D(jaar, maand, min(d.day, calendar.monthrange(jaar, maand)[1]))


# The longest run of non-working days in the Atw calendar is five: Goede Vrijdag, Saturday,
# Eerste and Tweede Paasdag and Koningsdag on Tuesday 27 April, when Easter falls on 25 April
# (2038 in this range). Christmas with a weekend gives at most four (Thursday to Sunday), and
# Hemelvaartsdag on 4 May with 5 mei the same. So a deadline lies at most 5 days after its
# nominal last day. Royal-decree days (not in this calendar) can stretch that.
MAXIMALE_VERSCHUIVING = timedelta(days=5)


@settings(max_examples=500, deadline=None)
@given(datums)
def test_deadline_is_een_werkdag_kort_na_dezelfde_dag_volgende_maand(ontvangen_op):
    nominaal = zelfde_dag_volgende_maand(ontvangen_op)
    deadline = antwoord_deadline(ontvangen_op, LEEG)
    assert nominaal <= deadline <= nominaal + MAXIMALE_VERSCHUIVING
    assert deadline.weekday() < 5
    assert deadline not in feestdagen(deadline.year)
    # every day between the nominal day and the deadline is a non-working day
    assert all(not LEEG.is_werkdag(nominaal + timedelta(days=i)) for i in range((deadline - nominaal).days))


@settings(max_examples=500, deadline=None)
@given(datums, datums, st.sampled_from([1, 3]))
def test_deadline_is_monotoon(a, b, maanden):
    eerder, later = sorted((a, b))
    assert antwoord_deadline(eerder, LEEG, maanden=maanden) <= antwoord_deadline(later, LEEG, maanden=maanden)


@settings(max_examples=300, deadline=None)
@given(datums, st.integers(min_value=0, max_value=15))
def test_werkdagen_terug_telt_precies_n_werkdagen(dag, n):
    terug = LEEG.werkdagen_terug(dag, n)
    tussen = [terug + timedelta(days=i) for i in range((dag - terug).days)]
    assert sum(LEEG.is_werkdag(d) for d in tussen) == n
    assert n == 0 or LEEG.is_werkdag(terug)


@settings(max_examples=300, deadline=None)
@given(st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2100, 12, 31), timezones=st.just(AMS)))
def test_meld_deadline_is_altijd_72_echte_uren(kennisname):
    deadline = meld_deadline(kennisname)
    assert deadline.astimezone(UTC) - kennisname.astimezone(UTC) == timedelta(hours=72)


# Days put on a par with a holiday by Royal Decree (Atw art. 3(3)), shipped as data


BESLUIT_2026 = (
    "Besluit gelijkstelling van 2 januari 2026, 15 mei 2026, 7 mei 2027, 28 april 2028 en 26 mei 2028 "
    "met een algemeen erkende feestdag"
)


@pytest.mark.parametrize(
    "ontvangen_op, deadline",
    [
        (D(2025, 12, 2), D(2026, 1, 5)),  # 2 Jan 2026 (Friday) decreed -> Monday 5 Jan
        (D(2026, 4, 15), D(2026, 5, 18)),  # 15 May 2026 (Friday after Hemelvaart) decreed -> Monday 18 May
        (D(2027, 4, 7), D(2027, 5, 10)),  # 7 May 2027 decreed -> Monday 10 May
        (D(2028, 3, 28), D(2028, 5, 1)),  # 28 Apr 2028 decreed, weekend -> Monday 1 May
        (D(2028, 4, 26), D(2028, 5, 29)),  # 26 May 2028 decreed, weekend -> Monday 29 May
        (D(2023, 3, 28), D(2023, 5, 1)),  # 28 Apr 2023 (earlier decree), weekend -> Monday 1 May
        (D(2024, 11, 27), D(2024, 12, 30)),  # 27 Dec 2024 decreed, weekend -> Monday 30 Dec
    ],
)
def test_atw_art_3_3_gelijkgestelde_dag_verschuift_de_maandtermijn_een_werkdag(ontvangen_op, deadline):
    assert antwoord_deadline(ontvangen_op, Kalender()) == deadline


def test_atw_art_3_3_dagen_van_beide_besluiten_met_hun_bron():
    from privacy_portal.core.gelijkgestelde_dagen import GELIJKGESTELDE_DAGEN, bron

    verwacht = {
        D(2023, 4, 28), D(2023, 5, 19), D(2024, 5, 10), D(2024, 12, 27), D(2025, 5, 30),
        D(2026, 1, 2), D(2026, 5, 15), D(2027, 5, 7), D(2028, 4, 28), D(2028, 5, 26),
    }  # fmt: skip
    assert set(GELIJKGESTELDE_DAGEN) == verwacht
    for dag in verwacht:
        assert dag.weekday() == 4  # every decreed day is a Friday (a bridge day)
        assert not LEEG.is_werkdag(dag) and LEEG.is_feestdag(dag)
    assert bron(D(2026, 1, 2)) == BESLUIT_2026
    assert bron(D(2024, 12, 27)).startswith("Besluit gelijkstelling van 28 april 2023, 19 mei 2023")
    assert bron(D(2029, 5, 11)) is None
    reden = LEEG.reden_geen_werkdag(D(2026, 5, 15))
    assert reden.startswith("Vrijdag na Hemelvaartsdag") and BESLUIT_2026 in reden
    # The Atw holidays themselves stay as they were: the decreed days are not added to feestdagen().
    assert D(2026, 5, 15) not in feestdagen(2026)
