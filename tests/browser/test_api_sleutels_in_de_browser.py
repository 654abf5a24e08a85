"""A privacy officer makes an API key on the page, sees it once, uses it and revokes it; axe-core on the page."""

import re

import pytest
from rest_framework.test import APIClient

from .conftest import axe_bevindingen, inloggen, schermafdruk

pytestmark = pytest.mark.browser


def test_sleutel_maken_gebruiken_en_intrekken(demo, nieuwe_pagina):
    po = nieuwe_pagina()
    inloggen(po, "privacyofficer")
    po.get_by_role("link", name="API-sleutels").click()
    po.wait_for_url("**/api-sleutels/")
    assert axe_bevindingen(po) == []
    po.get_by_label("Naam").fill("Koppeling zaaksysteem")
    po.get_by_label("Alleen lezen").check()
    po.get_by_label("Geldig").select_option(label="30 dagen")
    po.get_by_role("button", name="Sleutel maken").click()
    sleutel = po.get_by_label("Sleutel").input_value()
    assert re.fullmatch(r"pp_[\w-]{40,}", sleutel)
    schermafdruk(po, "api-sleutels-nieuw")
    assert axe_bevindingen(po) == []

    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {sleutel}")
    assert api.get("/api/v1/verwerkingen").status_code == 200
    assert api.post("/api/v1/verwerkingen", {}, format="json").status_code == 403

    po.goto("/api-sleutels/")
    assert sleutel not in po.content()
    po.get_by_role("button", name=re.compile(r"Intrekken.*Koppeling zaaksysteem")).click()
    assert "is ingetrokken" in po.content()
    schermafdruk(po, "api-sleutels-ingetrokken")
    assert api.get("/api/v1/verwerkingen").status_code == 401
