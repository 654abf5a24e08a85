"""The staff menu shows each role only what it may open, and everything it shows opens (200)."""

import pytest
from django.urls import reverse

from privacy_portal.core.context_processors import navigatie
from privacy_portal.organisaties.rollen import Rol

from ..wereld import bouw_wereld, ververs


@pytest.fixture(scope="module")
def gedeeld(module_db):
    """The world, built once for this module (tests/wereld.py); each case rolls back."""
    return module_db.bouw(bouw_wereld)


@pytest.fixture
def module_wereld(gedeeld, db):
    return ververs(gedeeld)


def _menu(client, user):
    client.force_login(user)
    antwoord = client.get(reverse("home"))
    assert antwoord.status_code == 200
    return antwoord.context["navigatie"]


@pytest.mark.parametrize("rol", list(Rol))
def test_elk_menu_item_opent_voor_wie_het_ziet(client, module_wereld, rol):
    user = module_wereld[rol]
    menu = _menu(client, user)
    assert menu, rol
    for item in menu:
        assert client.get(item["url"]).status_code == 200, f"{rol}: {item['label']}"


@pytest.mark.parametrize("rol", [Rol.TEAMMANAGER, Rol.MEDEWERKER])
def test_geen_dashboard_in_het_menu_van_wie_het_niet_mag_openen(client, module_wereld, rol):
    labels = [item["label"] for item in _menu(client, module_wereld[rol])]
    assert "Dashboard" not in labels
    assert client.get(reverse("rapportages:dashboard")).status_code == 403


def test_buitenstaander_zonder_rol_ziet_geen_registers(client, module_wereld):
    assert _menu(client, module_wereld["buitenstaander"]) == []


def test_zonder_inloggen_geen_menu(rf):
    from django.contrib.auth.models import AnonymousUser

    verzoek = rf.get("/")
    verzoek.user = AnonymousUser()
    assert navigatie(verzoek) == {}
