"""One kernel mechanism corrects the start of a legal clock (core/correcties.py): the 72 hours of
art. 33(1) AVG (kennisname of a datalek) and the month of art. 12(3) AVG (receipt of a request)."""

from datetime import UTC, date, datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from datalekken.models import Datalek
from privacy_portal.core.correcties import Klokstart, corrigeren, mijlpaal_sleutel
from privacy_portal.core.workflow import OvergangNietToegestaan
from rechten.models import Verzoek


@pytest.mark.parametrize("model", [Datalek, Verzoek])
def test_art33_1_en_art12_3_beide_klokken_verklaren_hun_correctie_aan_de_kern(model):
    klok = model.klokstart
    assert isinstance(klok, Klokstart)
    for veld in (klok.moment, klok.oorspronkelijk, klok.gecorrigeerd_op, klok.gecorrigeerd_door, klok.reden):
        model._meta.get_field(veld)  # every declared field exists
    app, codenaam = klok.recht.split(".")
    assert app == model._meta.app_label and codenaam in {code for code, _ in model._meta.permissions}


@pytest.mark.parametrize(
    ("reden", "minimum", "fout"),
    [
        ("", 1, True),  # no reason at all
        ("   ", 1, True),  # spaces are no reason
        ("x", 1, False),
        ("Log gelezen", 10, False),  # 11 characters
        ("Log", 10, True),  # a datalek asks a real sentence
    ],
)
def test_art33_1_en_art12_3_een_correctie_vraagt_een_reden(reden, minimum, fout):
    klok = Klokstart(
        moment="m",
        oorspronkelijk="o",
        gecorrigeerd_op="g",
        gecorrigeerd_door="d",
        reden="r",
        recht="app.x",
        reden_tekst="Geef de reden.",
        reden_minimum=minimum,
    )
    assert (klok.reden_fout(reden) == "Geef de reden.") is fout


@pytest.mark.parametrize(
    ("termijn", "gecorrigeerd", "sleutel"),
    [
        # never corrected: the plain name, so milestones recorded before corrections existed stay valid
        (datetime(2026, 12, 1, 10, 0, tzinfo=UTC), False, "herinnering_24u"),
        # a corrected 72-hour deadline: its moment in UTC, to the minute
        (datetime(2026, 12, 1, 10, 0, tzinfo=UTC), True, "herinnering_24u@20261201T1000Z"),
        # a corrected month deadline: its day
        (date(2026, 4, 10), True, "herinnering_24u_20260410"),
    ],
)
def test_art33_1_en_art12_3_herinneringen_van_de_gecorrigeerde_termijn_zijn_nieuwe_mijlpalen(
    termijn, gecorrigeerd, sleutel
):
    assert mijlpaal_sleutel("herinnering_24u", termijn, gecorrigeerd=gecorrigeerd) == sleutel


@pytest.mark.django_db
def test_art12_3_kern_controleert_recht_en_overgang_en_bundelt_de_fouten(wereld):
    from rechten.constants import Status
    from rechten.workflow import WORKFLOW

    from ..rechten.factories import registreer

    verzoek = registreer(door=wereld["privacy_officer"], gemeente=wereld.gemeente, ontvangen_op=date(2026, 3, 2))
    oud = verzoek.ontvangen_op

    def nooit(*_):
        raise AssertionError("herbereken hoort niet te lopen")

    def roep(door, **kwargs):
        return corrigeren(
            verzoek,
            workflow=WORKFLOW,
            nieuw=date(2026, 3, 1),
            door=door,
            nu=datetime(2026, 3, 10, tzinfo=UTC),
            **{"reden": "", "fouten": lambda _: {"ontvangen_op": "Fout moment."}, "herbereken": nooit, **kwargs},
        )

    with pytest.raises(PermissionDenied):
        roep(wereld["teammanager"])
    with pytest.raises(ValidationError) as fout:
        roep(wereld["privacy_officer"], fouten=lambda _: {"ander": "Nog iets.", "ontvangen_op": "Fout moment."})
    assert list(fout.value.message_dict) == ["ontvangen_op", "reden", "ander"]  # the moment first, all at once
    verzoek.status = Status.AFGEHANDELD
    with pytest.raises(OvergangNietToegestaan):
        roep(wereld["privacy_officer"], reden="Postkamer", fouten=lambda _: {})
    verzoek.refresh_from_db()
    assert verzoek.ontvangen_op == oud and verzoek.ontvangen_op_oorspronkelijk is None


def test_api_fout_voor_het_geheel_heet_non_field_errors_niet_all():
    """A service's error about the whole (Django's "__all__") reaches the API as nonFieldErrors."""
    from django.core.exceptions import NON_FIELD_ERRORS
    from rest_framework.exceptions import ValidationError as ApiFout

    from privacy_portal.core.api_register import service_aanroepen

    def dienst():
        raise ValidationError({"melder_naam": "Nog niet ingevuld.", NON_FIELD_ERRORS: "Vul eerst in."})

    with pytest.raises(ApiFout) as fout:
        service_aanroepen(dienst)
    assert set(fout.value.detail) == {"melder_naam", "non_field_errors"}
