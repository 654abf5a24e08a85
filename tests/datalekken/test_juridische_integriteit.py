"""Records that hold up before the AP and the court: references, closing and exceptions, dates."""

from datetime import UTC, datetime

import pytest

from ..factories import meld_datalek


@pytest.mark.django_db
def test_kenmerk_jaar_in_nederlandse_tijd(wereld):
    # 1 January 2027 00:30 in the Netherlands is still 31 December 2026 23:30 UTC.
    nu = datetime(2026, 12, 31, 23, 30, tzinfo=UTC)
    datalek = meld_datalek(door=wereld["medewerker"], gemeente=wereld.gemeente, nu=nu)
    assert datalek.kenmerk == f"DL-2027-{datalek.pk:05d}"
