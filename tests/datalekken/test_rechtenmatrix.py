"""Every role against every datalek action, on its own team, another team and another gemeente.

Written out by hand from the RASCI reading in docs/rechten.md: everyone reports; the privacy
officer handles, notifies and closes; the CISO records the assessment; FG, jurist and controller
read; a teammanager reads the team's datalekken; the college and directeur see numbers only.
"""

from datetime import UTC, datetime, timedelta

import pytest
from rest_framework.test import APIClient

from datalekken import services

from ..factories import AP_MELDER, meld_datalek
from ..wereld import bouw_wereld, ververs

NU = datetime(2026, 9, 1, 9, 0, tzinfo=UTC)
PLEKKEN = ("eigen_team", "ander_team", "andere_gemeente")
ACTIES = ("melden", "inzien", "behandelen", "melden_ap", "afsluiten", "kwartaal")

ALLEEN_MELDEN = {"melden"}
CIJFERS = {"melden", "kwartaal"}
LEZEN = {"melden", "inzien", "kwartaal"}
ALLES = set(ACTIES)

VERWACHT = {
    "college": {"eigen_team": CIJFERS, "ander_team": CIJFERS},
    "directeur": {"eigen_team": CIJFERS, "ander_team": CIJFERS},
    "afdelingsmanager": {"eigen_team": CIJFERS, "ander_team": CIJFERS},
    "teammanager": {"eigen_team": LEZEN, "ander_team": CIJFERS},
    "medewerker": {"eigen_team": ALLEEN_MELDEN, "ander_team": ALLEEN_MELDEN},
    "privacy_officer": {"eigen_team": ALLES, "ander_team": ALLES},
    "jurist": {"eigen_team": LEZEN, "ander_team": LEZEN},
    "fg": {"eigen_team": LEZEN, "ander_team": LEZEN},
    "ciso": {"eigen_team": LEZEN | {"behandelen"}, "ander_team": LEZEN | {"behandelen"}},
    "controller": {"eigen_team": LEZEN, "ander_team": LEZEN},
    "buitenstaander": {},
}


def _maak_po_elders(wereld):
    from privacy_portal.organisaties.rollen import Rol

    from ..factories import RolFactory, UserFactory

    user = UserFactory(username="po-elders")
    RolFactory(gebruiker=user, rol=Rol.PRIVACY_OFFICER, gemeente=wereld.andere_gemeente)
    return user


@pytest.fixture(scope="module")
def gedeeld(module_db):
    """The world and a privacy officer of the other gemeente, built once for the module (tests/wereld.py)."""

    def maak():
        wereld = bouw_wereld()
        return {"wereld": wereld, "po_elders": _maak_po_elders(wereld)}

    return module_db.bouw(maak)


@pytest.fixture
def vers(gedeeld, db):
    return ververs(gedeeld)


@pytest.fixture
def wereld(vers):
    return vers["wereld"]


@pytest.fixture
def po_elders(vers):
    return vers["po_elders"]


def _datalek(wereld, plek, po_elders):
    """A reported datalek with the melder the AP's form asks for, so only the permission decides."""
    if plek == "andere_gemeente":
        datalek, po = meld_datalek(door=po_elders, gemeente=wereld.andere_gemeente, nu=NU), po_elders
    else:
        team = wereld.team if plek == "eigen_team" else wereld.ander_team
        po = wereld["privacy_officer"]
        datalek = meld_datalek(door=po, gemeente=wereld.gemeente, nu=NU, team=team)
    return services.datalek_behandelen(datalek=datalek, door=po, gegevens=AP_MELDER, nu=NU)


def _voer_uit(actie, user, wereld, plek, po_elders, client):
    api = APIClient()
    api.force_authenticate(user)
    gemeente = wereld.andere_gemeente if plek == "andere_gemeente" else wereld.gemeente
    if actie == "melden":
        body = {
            "gemeente": gemeente.slug,
            "titel": "Laptop gestolen",
            "omschrijving": "Uit de auto.",
            "ontdektOp": (NU + timedelta(days=1)).isoformat(),
        }
        return api.post("/api/v1/datalekken", body, format="json").status_code
    if actie == "kwartaal":
        client.force_login(user)
        return client.get(f"/datalekken/kwartaal/{gemeente.slug}/?jaar=2026&kwartaal=3").status_code
    datalek = _datalek(wereld, plek, po_elders)
    url = f"/api/v1/datalekken/{datalek.uuid}"
    if actie == "inzien":
        return api.get(url).status_code
    if actie == "behandelen":
        return api.patch(url, {"risico": "risico", "risicoMotivering": "NAW"}, format="json").status_code
    if actie == "melden_ap":
        body = {"gemeldOp": (NU + timedelta(hours=5)).isoformat(), "apReferentie": "M-1"}
        return api.post(f"{url}/melden-ap", body, format="json").status_code
    if actie == "afsluiten":
        return api.post(f"{url}/afsluiten", {}, format="json").status_code
    raise AssertionError(actie)


@pytest.mark.django_db
@pytest.mark.parametrize("plek", PLEKKEN)
@pytest.mark.parametrize("actie", ACTIES)
@pytest.mark.parametrize("rol", list(VERWACHT))
def test_rol_mag_precies_wat_de_tabel_zegt(wereld, po_elders, client, rol, actie, plek):
    user = wereld[rol] if rol != "buitenstaander" else wereld["buitenstaander"]
    status = _voer_uit(actie, user, wereld, plek, po_elders, client)
    mag = VERWACHT[rol].get(plek, set())
    if actie in mag:
        # closing a fresh, unassessed datalek is refused on its state (409), not on rights
        verwacht = (409,) if actie == "afsluiten" else (200, 201)
        assert status in verwacht, f"{rol} moet '{actie}' mogen op {plek}, kreeg {status}"
    elif actie == "melden":
        assert status == 400, f"{rol} kan niet melden in een gemeente zonder rol: verwacht 400, kreeg {status}"
    elif actie == "kwartaal" or "inzien" not in mag:
        assert status == 404, f"{rol} mag {plek} niet zien: verwacht 404, kreeg {status}"
    else:
        assert status == 403, f"{rol} ziet {plek} maar mag '{actie}' niet: verwacht 403, kreeg {status}"


@pytest.mark.django_db
def test_melder_ziet_de_eigen_melding_maar_niet_die_van_anderen(wereld):
    eigen = meld_datalek(door=wereld["medewerker"], gemeente=wereld.gemeente, nu=NU)
    ander = meld_datalek(door=wereld["privacy_officer"], gemeente=wereld.gemeente, nu=NU, team=wereld.team)
    api = APIClient()
    api.force_authenticate(wereld["medewerker"])
    assert api.get(f"/api/v1/datalekken/{eigen.uuid}").status_code == 200
    assert api.get(f"/api/v1/datalekken/{ander.uuid}").status_code == 404
    assert [d["uuid"] for d in api.get("/api/v1/datalekken").json()["results"]] == [str(eigen.uuid)]
