"""The shared world plus what DPIA tests need: a superuser to set things up, a CISO and privacy officer elsewhere."""

import pytest

from .factories import breid_uit


@pytest.fixture
def wereld(wereld):
    return breid_uit(wereld)
