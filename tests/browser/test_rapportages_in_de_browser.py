"""The dashboard and the reports as the FG and the college use them, in headless Chromium: follow a
number to its list, have the annual report made, watch the progress (htmx, and without JavaScript
the Vernieuwen link); axe-core on every page."""

import re

import pytest

from rapportages import services, tasks
from rapportages.constants import Soort
from rapportages.models import Rapportage
from registers.models import Verwerking
from registers.selectors import dpia_ontbreekt_q

from .conftest import axe_bevindingen, inloggen, schermafdruk

pytestmark = pytest.mark.browser


@pytest.fixture(autouse=True)
def prive_opslag_in_tmp(settings, tmp_path):
    """Generated PDFs and logos go to a temporary folder, not to var/media."""
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {**settings.STORAGES["default"], "OPTIONS": {"location": str(tmp_path / "media")}},
    }


def test_fg_volgt_een_getal_en_laat_het_jaarverslag_maken(demo, nieuwe_pagina):
    bevindingen = {}
    fg = nieuwe_pagina()
    inloggen(fg, "fg")
    fg.get_by_role("link", name="Dashboard", exact=True).click()
    assert "Dashboard: alle gemeenten" in fg.content()
    fg.get_by_label("Gemeente", exact=True).select_option(label="Voorbeeldstad")
    fg.get_by_role("button", name="Toon cijfers").click()
    fg.wait_for_url("**/dashboard/?gemeente=voorbeeldstad")
    bevindingen["dashboard"] = axe_bevindingen(fg)
    assert fg.locator("svg[role=img] title", has_text="Datalekken per kwartaal").count() == 1
    schermafdruk(fg, "rapportages-fg-dashboard")

    # follow a number to its list: the list shows that many verwerkingen
    kaart = fg.locator(".dashboard-cijfer", has_text="DPIA nodig, niet uitgevoerd")
    aantal = int(kaart.locator(".dashboard-cijfer__waarde").inner_text())
    assert (
        aantal
        == Verwerking.objects.filter(gemeente__slug="voorbeeldstad")
        .exclude(status="gearchiveerd")
        .filter(dpia_ontbreekt_q())
        .count()
    )
    kaart.get_by_role("link").click()
    fg.wait_for_url("**/verwerkingen/?*dpia=ontbreekt*")
    assert re.search(rf"\b{aantal} verwerking(en)? gevonden", fg.content())
    fg.go_back()

    fg.get_by_role("link", name="Rapportage maken").click()
    bevindingen["nieuw"] = axe_bevindingen(fg)
    fg.get_by_label("FG-jaarverslag aan het college").check()
    fg.get_by_label("Periode van").fill("2026-01-01")
    fg.get_by_label("Periode tot en met").fill("2026-12-31")
    fg.get_by_role("button", name="Rapportage maken").click()
    # without Redis the task runs in-process: the report is ready when the page shows
    fg.get_by_role("link", name="PDF downloaden").wait_for()
    bevindingen["detail"] = axe_bevindingen(fg)
    rapportage = Rapportage.objects.get(soort=Soort.JAARVERSLAG)
    assert rapportage.status == "klaar" and rapportage.aangevraagd_door.username == "fg"
    antwoord = fg.request.get(f"/dashboard/rapportages/{rapportage.uuid}/pdf")  # with the page's session
    assert antwoord.ok and antwoord.body()[:4] == b"%PDF"
    schermafdruk(fg, "rapportages-fg-klaar")

    fg.get_by_role("link", name="Terug naar het archief").click()
    bevindingen["archief"] = axe_bevindingen(fg)
    assert "Femke Gegevens" in fg.content()
    schermafdruk(fg, "rapportages-archief")

    fg.goto("/dashboard/bevindingen/voorbeeldstad/2026/")
    bevindingen["bevindingen"] = axe_bevindingen(fg)
    assert bevindingen == {k: [] for k in bevindingen}, bevindingen


def test_voortgang_ververst_met_htmx_en_zonder_javascript_met_een_link(demo, nieuwe_pagina, monkeypatch):
    from django.contrib.auth import get_user_model
    from django.db import transaction

    from privacy_portal.organisaties.models import Gemeente

    # stays in the queue until we say so
    monkeypatch.setattr(tasks.rapportage_maken, "apply_async", lambda *args, **kwargs: None)
    fg = get_user_model().objects.get(username="fg")
    with transaction.atomic():
        rapportage = services.rapportage_aanvragen(
            door=fg, soort=Soort.REGISTER_OPENBAAR, gemeente=Gemeente.objects.get(slug="voorbeeldstad")
        )

    zonder_js = nieuwe_pagina(javascript=False)
    inloggen(zonder_js, "fg")
    zonder_js.goto(f"/dashboard/rapportages/{rapportage.uuid}/")
    assert "In de wachtrij" in zonder_js.content()

    met_js = nieuwe_pagina()
    inloggen(met_js, "college")
    met_js.goto(f"/dashboard/rapportages/{rapportage.uuid}/")
    with met_js.expect_request(re.compile(r".*/voortgang/$")):
        pass  # htmx polls the fragment
    assert axe_bevindingen(met_js) == []
    schermafdruk(met_js, "rapportages-voortgang")
    services.rapportage_maken(rapportage_id=rapportage.pk)
    met_js.get_by_role("link", name="PDF downloaden").wait_for(timeout=10000)  # swapped in by the next poll

    zonder_js.get_by_role("link", name="Vernieuwen").click()
    assert zonder_js.get_by_role("link", name="PDF downloaden").is_visible()


def test_college_ziet_cijfers_zonder_persoonsgegevens(demo, nieuwe_pagina):
    from datalekken.models import Datalek

    college = nieuwe_pagina()
    inloggen(college, "college")
    college.get_by_role("link", name="Dashboard", exact=True).click()
    html = college.content()
    assert "Open datalekken" in html
    for titel in Datalek.objects.values_list("titel", flat=True):
        assert titel not in html
    assert axe_bevindingen(college) == []
    schermafdruk(college, "rapportages-college-dashboard")
