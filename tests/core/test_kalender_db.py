"""Extra vrije dagen in the database change the calendar, and registers hear of it after commit."""

from datetime import date

import pytest
from django.contrib import admin

from privacy_portal.core import kalender_db
from privacy_portal.core.historie import HistoryBypassError
from privacy_portal.core.kalender import Kalender, antwoord_deadline
from privacy_portal.core.kalender_db import bij_kalenderwijziging, huidige_kalender
from privacy_portal.core.models import ExtraVrijeDag

pytestmark = pytest.mark.django_db

VRIJDAG_NA_HEMELVAART = date(2029, 5, 11)  # a day of a later decree (Atw art. 3(3)) the administrator enters


@pytest.fixture
def terugroepen(monkeypatch):
    """An empty callback registry for this test, so registers' own callbacks do not run."""
    monkeypatch.setattr(kalender_db, "_TERUGROEPEN", [])
    ontvangen = []
    bij_kalenderwijziging(ontvangen.append)
    return ontvangen


def test_extra_vrije_dag_verschuift_de_deadline(django_assert_num_queries):
    ontvangen_op = date(2029, 4, 11)
    assert antwoord_deadline(ontvangen_op, huidige_kalender()) == date(2029, 5, 11)

    ExtraVrijeDag.objects.create(datum=VRIJDAG_NA_HEMELVAART, omschrijving="Vrijdag na Hemelvaartsdag")
    with django_assert_num_queries(1):
        kalender = huidige_kalender()

    assert kalender == Kalender([VRIJDAG_NA_HEMELVAART])
    assert not kalender.is_werkdag(VRIJDAG_NA_HEMELVAART)
    assert kalender.reden_geen_werkdag(VRIJDAG_NA_HEMELVAART) == "Vrijdag na Hemelvaartsdag"
    assert antwoord_deadline(ontvangen_op, kalender) == date(2029, 5, 14)


def test_terugroep_pas_na_commit_met_de_nieuwe_kalender(terugroepen, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as op_commit:
        ExtraVrijeDag.objects.create(datum=VRIJDAG_NA_HEMELVAART, omschrijving="Vrijdag na Hemelvaartsdag")
    assert terugroepen == []  # nothing before the commit

    for terugroep in op_commit:
        terugroep()
    assert terugroepen == [Kalender([VRIJDAG_NA_HEMELVAART])]


def test_wijzigen_en_verwijderen_roepen_ook_terug(terugroepen, django_capture_on_commit_callbacks):
    dag = ExtraVrijeDag.objects.create(datum=VRIJDAG_NA_HEMELVAART, omschrijving="Vrijdag na Hemelvaartsdag")

    with django_capture_on_commit_callbacks(execute=True):
        dag.datum = date(2027, 5, 7)
        dag.save()
    assert terugroepen[-1] == Kalender([date(2027, 5, 7)])

    with django_capture_on_commit_callbacks(execute=True):
        dag.delete()
    assert terugroepen[-1] == Kalender()
    assert len(terugroepen) == 2


def test_falende_terugroep_houdt_de_andere_niet_tegen(terugroepen, django_capture_on_commit_callbacks):
    @bij_kalenderwijziging
    def kapot(kalender):
        raise RuntimeError("register onbereikbaar")

    na_kapot = []
    bij_kalenderwijziging(na_kapot.append)

    with django_capture_on_commit_callbacks(execute=True):
        ExtraVrijeDag.objects.create(datum=VRIJDAG_NA_HEMELVAART, omschrijving="Vrijdag na Hemelvaartsdag")

    assert len(terugroepen) == 1
    assert len(na_kapot) == 1


def test_bij_kalenderwijziging_registreert_eenmaal_en_geeft_de_functie_terug(terugroepen):
    def herbereken(kalender):
        pass

    assert bij_kalenderwijziging(herbereken) is herbereken
    bij_kalenderwijziging(herbereken)
    assert kalender_db._TERUGROEPEN.count(herbereken) == 1


def test_geschiedenis_wordt_bijgehouden_en_bulk_geweigerd():
    dag = ExtraVrijeDag.objects.create(datum=VRIJDAG_NA_HEMELVAART, omschrijving="Vrijdag na Hemelvaartsdag")
    assert dag.history.count() == 1
    assert str(dag) == "11-05-2029 Vrijdag na Hemelvaartsdag"
    with pytest.raises(HistoryBypassError):
        ExtraVrijeDag.objects.update(omschrijving="stil gewijzigd")


def test_extra_vrije_dag_staat_in_de_admin():
    assert admin.site.is_registered(ExtraVrijeDag)
    assert admin.site._registry[ExtraVrijeDag].list_display == ["datum", "omschrijving"]
