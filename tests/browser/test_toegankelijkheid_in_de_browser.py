"""The accessibility statement itself passes axe."""

import pytest

from .conftest import axe_bevindingen, schermafdruk

pytestmark = pytest.mark.django_db(transaction=True)


def test_toegankelijkheidsverklaring_zonder_ernstige_axe_bevindingen(nieuwe_pagina):
    pagina = nieuwe_pagina()
    pagina.goto("/register/")
    pagina.get_by_role("link", name="Toegankelijkheid").click()
    pagina.wait_for_url("**/toegankelijkheid/")
    assert axe_bevindingen(pagina) == []
    schermafdruk(pagina, "toegankelijkheidsverklaring")
