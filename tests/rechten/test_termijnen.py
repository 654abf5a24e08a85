"""Deadlines on real dates, through the services: registration, extension and calendar changes.

The calendar itself is tested in tests/core/test_kalender.py; here we check that the register
stores what the calendar says, on the cases that break naive date arithmetic.
"""

from datetime import date, datetime, time, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from privacy_portal.core.models import ExtraVrijeDag
from rechten import services
from rechten.constants import Status

from .factories import moment, registreer


def _precies(dag, uur, minuut, seconde=0):
    return timezone.make_aware(datetime.combine(dag, time(uur, minuut, seconde)))


DEADLINES = [
    # (received on, deadline, extended deadline) -- why this row
    (date(2025, 9, 3), date(2025, 10, 3), date(2025, 12, 3)),  # ICO example: 3 Sep -> 3 Oct (a Friday)
    (date(2025, 3, 31), date(2025, 4, 30), date(2025, 6, 30)),  # ICO: 31 Mar -> 30 Apr, April has no 31st
    (date(2025, 1, 31), date(2025, 2, 28), date(2025, 4, 30)),  # ICO: 31 Jan -> 28 Feb; +3: 30 April
    (date(2024, 1, 31), date(2024, 2, 29), date(2024, 4, 30)),  # leap year: 31 Jan -> 29 Feb
    (date(2028, 1, 31), date(2028, 2, 29), date(2028, 5, 1)),  # leap year; +3 = Sun 30 Apr -> Mon 1 May
    (date(2023, 1, 31), date(2023, 2, 28), date(2023, 5, 1)),  # not a leap year; 30 Apr 2023 is a Sunday
    (date(2024, 2, 29), date(2024, 4, 2), date(2024, 5, 29)),  # 29 Mar 2024 Goede Vrijdag, 1 Apr Tweede Paasdag
    (date(2026, 1, 31), date(2026, 3, 2), date(2026, 4, 30)),  # 28 Feb 2026 is a Saturday -> Monday 2 March
    (date(2025, 12, 31), date(2026, 2, 2), date(2026, 3, 31)),  # year change; 31 Jan 2026 is a Saturday
    (date(2026, 3, 3), date(2026, 4, 7), date(2026, 6, 3)),  # Goede Vrijdag 3 Apr, weekend, Tweede Paasdag 6 Apr
    (date(2025, 3, 18), date(2025, 4, 22), date(2025, 6, 18)),  # Goede Vrijdag 18 Apr 2025 ... Tweede Paasdag 21
    (date(2026, 3, 27), date(2026, 4, 28), date(2026, 6, 29)),  # Koningsdag Mon 27 Apr; +3: Sat 27 Jun -> Mon 29
    (date(2027, 3, 27), date(2027, 4, 28), date(2027, 6, 28)),  # Koningsdag Tue 27 Apr 2027; +3: Sun 27 Jun
    (date(2026, 4, 5), date(2026, 5, 6), date(2026, 7, 6)),  # 5 mei 2026 (no lustrum year) is a holiday
    (date(2027, 4, 5), date(2027, 5, 10), date(2027, 7, 5)),  # 5 mei 2027, Hemelvaart 6, decreed Fri 7 -> Mon 10
    (date(2026, 11, 25), date(2026, 12, 28), date(2027, 2, 25)),  # Eerste Kerstdag Fri 25 Dec, then weekend
    (date(2028, 11, 25), date(2028, 12, 27), date(2029, 2, 26)),  # Kerst Mon 25 and Tue 26 Dec 2028
    (date(2026, 12, 1), date(2027, 1, 4), date(2027, 3, 1)),  # Nieuwjaarsdag Fri 1 Jan 2027, then weekend
    (date(2026, 10, 31), date(2026, 11, 30), date(2027, 2, 1)),  # received on a Saturday: still counted from then
]


@pytest.mark.django_db
@pytest.mark.parametrize("ontvangen_op, deadline, verlengd_tot", DEADLINES)
def test_deadline_en_verlengde_deadline_op_echte_data(wereld, ontvangen_op, deadline, verlengd_tot):
    po = wereld["privacy_officer"]
    verzoek = registreer(door=po, gemeente=wereld.gemeente, ontvangen_op=ontvangen_op)
    assert verzoek.deadline == deadline
    assert deadline.weekday() < 5
    verzoek = services.verzoek_verlengen(
        verzoek=verzoek, door=po, reden="Complex", nu=moment(ontvangen_op + timedelta(days=1), 12)
    )
    assert (verzoek.deadline, verzoek.verlengd_tot, verzoek.termijn) == (deadline, verlengd_tot, verlengd_tot)
    verzoek.refresh_from_db()
    assert verzoek.verlengd_tot == verlengd_tot


@pytest.mark.django_db
def test_art_12_3_verlengen_mag_tot_en_met_de_laatste_dag_van_de_eerste_maand(wereld):
    # replaces test_verlengen_mag_tot_en_met_de_dag_voor_de_deadline (issue 12): the deadline day counts
    po = wereld["privacy_officer"]
    verzoek = registreer(door=po, gemeente=wereld.gemeente, ontvangen_op=date(2026, 3, 27))
    assert verzoek.deadline == date(2026, 4, 28)
    verzoek = services.verzoek_verlengen(
        verzoek=verzoek, door=po, reden="Veel systemen", nu=_precies(date(2026, 4, 28), 23, 59, 59)
    )
    assert verzoek.verlengd_tot == date(2026, 6, 29) and verzoek.verlengd_op == date(2026, 4, 28)
    assert verzoek.history.first().history_change_reason == "Termijn verlengd tot 29-06-2026"


@pytest.mark.django_db
@pytest.mark.parametrize(
    "moment_",
    [
        _precies(date(2026, 4, 29), 0, 0),  # the day after the deadline, at midnight: too late
        _precies(date(2026, 4, 29), 9, 0),
        _precies(date(2026, 6, 1), 9, 0),
    ],
)
def test_verlengen_na_de_deadline_wordt_geweigerd_en_verandert_niets(wereld, moment_):
    po = wereld["privacy_officer"]
    verzoek = registreer(door=po, gemeente=wereld.gemeente, ontvangen_op=date(2026, 3, 27))
    aantal = verzoek.history.count()
    with pytest.raises(ValidationError) as fout:
        services.verzoek_verlengen(verzoek=verzoek, door=po, reden="Te laat bedacht", nu=moment_)
    assert "tot en met de laatste dag van de eerste maand, 28-04-2026" in fout.value.message_dict["deadline"][0]
    verzoek.refresh_from_db()
    assert verzoek.verlengd_tot is None and verzoek.verlengd_op is None and verzoek.history.count() == aantal


@pytest.mark.django_db
def test_de_grens_geldt_in_nederlandse_tijd_niet_in_utc(wereld):
    """22:30 UTC on 28 April is already 29 April in Amsterdam (summer time): too late."""
    po = wereld["privacy_officer"]
    verzoek = registreer(door=po, gemeente=wereld.gemeente, ontvangen_op=date(2026, 3, 27))
    te_laat = datetime(2026, 4, 28, 22, 30, tzinfo=timezone.get_fixed_timezone(0))
    with pytest.raises(ValidationError):
        services.verzoek_verlengen(verzoek=verzoek, door=po, reden="Complex", nu=te_laat)
    services.verzoek_verlengen(verzoek=verzoek, door=po, reden="Complex", nu=te_laat - timedelta(minutes=31))


@pytest.mark.django_db
def test_verlengen_kan_een_keer_en_alleen_met_reden(wereld):
    po = wereld["privacy_officer"]
    verzoek = registreer(door=po, gemeente=wereld.gemeente, ontvangen_op=date(2026, 3, 27))
    with pytest.raises(ValidationError) as fout:
        services.verzoek_verlengen(verzoek=verzoek, door=po, reden="  ", nu=moment(date(2026, 4, 1)))
    assert set(fout.value.message_dict) == {"reden"}
    services.verzoek_verlengen(verzoek=verzoek, door=po, reden="Complex", nu=moment(date(2026, 4, 1)))
    with pytest.raises(ValidationError) as fout:
        services.verzoek_verlengen(verzoek=verzoek, door=po, reden="Nog langer", nu=moment(date(2026, 4, 2)))
    assert "maar één keer" in fout.value.message_dict["deadline"][0]


@pytest.mark.django_db
def test_een_extra_vrije_dag_verschuift_open_termijnen_en_laat_afgehandelde_staan(
    wereld, django_capture_on_commit_callbacks
):
    po = wereld["privacy_officer"]
    open_ = registreer(door=po, gemeente=wereld.gemeente, ontvangen_op=date(2026, 4, 20))  # deadline Wed 20 May
    verlengd = registreer(door=po, gemeente=wereld.gemeente, ontvangen_op=date(2026, 2, 20))
    verlengd = services.verzoek_verlengen(verzoek=verlengd, door=po, reden="Complex", nu=moment(date(2026, 3, 1)))
    dicht = registreer(door=po, gemeente=wereld.gemeente, ontvangen_op=date(2026, 4, 20))
    services.verzoek_afhandelen(
        verzoek=dicht, door=po, uitkomst="ingetrokken", toelichting="Ingetrokken", nu=moment(date(2026, 4, 21))
    )
    assert open_.deadline == date(2026, 5, 20)
    assert verlengd.verlengd_tot == date(2026, 5, 20)  # 20 Feb + 3 months

    with django_capture_on_commit_callbacks(execute=True):
        ExtraVrijeDag.objects.create(datum=date(2026, 5, 20), omschrijving="Extra vrije dag")
    for verzoek in (open_, verlengd, dicht):
        verzoek.refresh_from_db()
    assert open_.deadline == date(2026, 5, 21)
    assert open_.history.first().history_change_reason == (
        "Termijn herberekend na een wijziging van de kalender: deadline 20-05-2026 wordt 21-05-2026"
    )
    assert verlengd.verlengd_tot == date(2026, 5, 21) and verlengd.deadline == date(2026, 3, 20)
    assert verlengd.history.first().history_change_reason.endswith("verlengd tot 20-05-2026 wordt 21-05-2026")
    assert dicht.deadline == date(2026, 5, 20) and dicht.status == Status.AFGEHANDELD

    aantal = open_.history.count()
    with django_capture_on_commit_callbacks(execute=True):
        ExtraVrijeDag.objects.create(datum=date(2026, 7, 1), omschrijving="Geen invloed")
    assert open_.history.count() == aantal  # nothing changed, nothing saved

    with django_capture_on_commit_callbacks(execute=True):
        ExtraVrijeDag.objects.get(datum=date(2026, 5, 20)).delete()
    open_.refresh_from_db()
    assert open_.deadline == date(2026, 5, 20)


@pytest.mark.django_db
def test_atw_art_3_3_later_besluit_in_beheer_herberekent_open_termijnen(
    wereld, client, django_user_model, django_capture_on_commit_callbacks
):
    """An administrator enters a day of a later decree in the admin: open deadlines move with it."""
    po = wereld["privacy_officer"]
    open_ = registreer(door=po, gemeente=wereld.gemeente, ontvangen_op=date(2026, 4, 20))
    assert open_.deadline == date(2026, 5, 20)
    beheerder = django_user_model.objects.create_superuser(
        username="beheer-kalender", email="beheer@example.org", password="x"
    )
    client.force_login(beheerder)

    with django_capture_on_commit_callbacks(execute=True):
        antwoord = client.post(
            reverse("admin:core_extravrijedag_add"),
            {"datum": "20-05-2026", "omschrijving": "Besluit gelijkstelling (voorbeeld)"},
        )
    assert antwoord.status_code == 302, antwoord.content.decode()[:2000]
    open_.refresh_from_db()
    assert open_.deadline == date(2026, 5, 21)
    assert ExtraVrijeDag.objects.get(datum=date(2026, 5, 20)).history.count() == 1
