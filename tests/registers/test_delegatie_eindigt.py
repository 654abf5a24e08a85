"""A delegation ends with the delegate's role and is checked at every use (selector, permission
backend, page, API and service)."""

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from rest_framework.test import APIClient

from privacy_portal.organisaties.models import RolToewijzing
from privacy_portal.organisaties.rollen import Rol
from registers import selectors, services

from ..factories import RolFactory, maak_verwerking


@pytest.fixture
def gedelegeerd(wereld):
    tm, medewerker = wereld[Rol.TEAMMANAGER], wereld[Rol.MEDEWERKER]
    verwerking = maak_verwerking(team=wereld.team, vv=wereld.vv, door=tm)
    services.verwerking_delegeren(verwerking=verwerking, door=tm, medewerker=medewerker)
    return verwerking


def _vers(user):
    return get_user_model().objects.get(pk=user.pk)  # no cached roles or permissions


def _kan_nog(user, verwerking, client):
    """What the delegate can still do with the record, through every way in."""
    user = _vers(user)
    client.force_login(user)
    api = APIClient()
    api.force_authenticate(user)
    return {
        "lezen": user.has_perm("registers.view_verwerking", verwerking),
        "wijzigen": user.has_perm("registers.change_verwerking", verwerking),
        "lijst": selectors.verwerkingen_voor(user).filter(pk=verwerking.pk).exists(),
        "werklijst": selectors.gedelegeerd_aan(user).filter(pk=verwerking.pk).exists(),
        "pagina": client.get(f"/verwerkingen/{verwerking.uuid}/").status_code,
        "api": api.get(f"/api/v1/verwerkingen/{verwerking.uuid}").status_code,
    }


@pytest.mark.django_db
def test_met_de_rol_werkt_de_delegatie(wereld, gedelegeerd, client):
    assert _kan_nog(wereld[Rol.MEDEWERKER], gedelegeerd, client) == {
        "lezen": True,
        "wijzigen": True,
        "lijst": True,
        "werklijst": True,
        "pagina": 200,
        "api": 200,
    }


NIETS = {"lezen": False, "wijzigen": False, "lijst": False, "werklijst": False, "pagina": 404, "api": 404}


@pytest.mark.django_db
def test_zonder_rollen_in_de_gemeente_eindigt_de_delegatie(wereld, gedelegeerd, client):
    medewerker = wereld[Rol.MEDEWERKER]
    RolToewijzing.objects.filter(gebruiker=medewerker).delete()
    assert _kan_nog(medewerker, gedelegeerd, client) == NIETS
    with pytest.raises(PermissionDenied):
        services.verwerking_wijzigen(verwerking=gedelegeerd, door=_vers(medewerker), gegevens={"doeleinden": "Nee"})


@pytest.mark.django_db
def test_naar_een_andere_gemeente_verhuisd_eindigt_de_delegatie(wereld, gedelegeerd, client):
    medewerker = wereld[Rol.MEDEWERKER]
    RolToewijzing.objects.filter(gebruiker=medewerker).delete()
    RolFactory(gebruiker=medewerker, rol=Rol.MEDEWERKER, gemeente=wereld.andere_gemeente, team=wereld.team_elders)
    assert _kan_nog(medewerker, gedelegeerd, client) == NIETS
    api = APIClient()
    api.force_authenticate(_vers(medewerker))
    wijzigen = api.patch(f"/api/v1/verwerkingen/{gedelegeerd.uuid}", {"doeleinden": "Nee"}, format="json")
    assert wijzigen.status_code == 404
    gedelegeerd.refresh_from_db()
    assert gedelegeerd.doeleinden != "Nee"


@pytest.mark.django_db
def test_ook_een_dpia_delegatie_eindigt_met_de_rol(wereld, client):
    from ..dpia.factories import breid_uit, maak_dpia

    breid_uit(wereld)
    dpia = maak_dpia(wereld, stap="in_uitvoering")
    medewerker = wereld[Rol.MEDEWERKER]
    from dpia import selectors as dpia_selectors
    from dpia import services as dpia_services

    dpia_services.delegeren(dpia=dpia, door=wereld[Rol.TEAMMANAGER], medewerker=medewerker, delen=["A"])
    client.force_login(medewerker)
    assert client.get(f"/dpia/{dpia.uuid}/vragen/A/").status_code == 200
    RolToewijzing.objects.filter(gebruiker=medewerker).delete()
    RolFactory(gebruiker=medewerker, rol=Rol.MEDEWERKER, gemeente=wereld.andere_gemeente, team=wereld.team_elders)
    vers = _vers(medewerker)
    assert not dpia_selectors.dpias_voor(vers).filter(pk=dpia.pk).exists()
    assert not dpia_selectors.mag_deel_invullen(vers, dpia, "A")
    assert client.get(f"/dpia/{dpia.uuid}/vragen/A/").status_code in (403, 404)
