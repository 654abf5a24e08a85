"""Every role against every action, on its own team, another team and another gemeente.

The expected outcomes are written out here by hand from the RASCI table in docs/rechten.md,
not derived from the code's table, so a wrong entry in the code fails this test.
"""

import pytest
from rest_framework.test import APIClient

from registers.constants import Status

from ..factories import alle_rollen, maak_verwerking, volledige_inhoud
from ..wereld import bouw_wereld, ververs

PLEKKEN = ("eigen_team", "ander_team", "andere_gemeente")
ACTIES = ("inzien", "aanmaken", "wijzigen", "indienen", "goedkeuren", "afwijzen", "archiveren", "delegeren")

ALLES = set(ACTIES)
INZIEN = {"inzien"}
BEHEREN = {"inzien", "aanmaken", "wijzigen", "indienen"}

# role -> {plek: allowed actions}
VERWACHT = {
    "college": {"eigen_team": INZIEN, "ander_team": INZIEN},
    "directeur": {"eigen_team": INZIEN, "ander_team": INZIEN},
    "afdelingsmanager": {"eigen_team": INZIEN},
    "teammanager": {"eigen_team": BEHEREN | {"delegeren"}},
    "medewerker": {"eigen_team": INZIEN},
    "privacy_officer": {"eigen_team": ALLES, "ander_team": ALLES},
    "jurist": {"eigen_team": BEHEREN, "ander_team": BEHEREN},
    "fg": {"eigen_team": INZIEN, "ander_team": INZIEN},
    "ciso": {"eigen_team": INZIEN, "ander_team": INZIEN},
    "controller": {"eigen_team": INZIEN, "ander_team": INZIEN},
    "buitenstaander": {},
}

BEGINSTATUS = {
    "indienen": Status.CONCEPT,
    "goedkeuren": Status.TER_BEOORDELING,
    "afwijzen": Status.TER_BEOORDELING,
}


@pytest.fixture(scope="module")
def gedeeld(module_db):
    """The world, a superuser and the verwerkingen the actions work on, built once for the module
    (tests/wereld.py); each case rolls back its changes."""

    def maak():
        wereld = bouw_wereld()
        beheerder = alle_rollen("beheerder-test", wereld.gemeente, wereld.andere_gemeente)
        # a verwerking on every plek in each state an action starts from
        wereld.verwerkingen = {
            (status, plek): maak_verwerking(
                team=_team(wereld, plek), vv=_vv(wereld, plek), door=beheerder, goedkeurder=beheerder, status=status
            )
            for status in sorted({Status.CONCEPT, *BEGINSTATUS.values()})
            for plek in PLEKKEN
        }
        return {"wereld": wereld, "beheerder": beheerder}

    return module_db.bouw(maak)


@pytest.fixture
def vers(gedeeld, db):
    return ververs(gedeeld)


@pytest.fixture
def wereld(vers):
    return vers["wereld"]


@pytest.fixture
def beheerder(vers):
    return vers["beheerder"]


def _team(wereld, plek):
    return {"eigen_team": wereld.team, "ander_team": wereld.ander_team, "andere_gemeente": wereld.team_elders}[plek]


def _vv(wereld, plek):
    return wereld.vv_elders if plek == "andere_gemeente" else wereld.vv


def _api(user):
    client = APIClient()
    client.force_authenticate(user)
    return client


def _voer_uit(actie, *, user, wereld, plek, beheerder):
    """Perform the action through the API (and the page for delegation); return the status code."""
    team, vv = _team(wereld, plek), _vv(wereld, plek)
    client = _api(user)
    if actie == "aanmaken":
        inhoud = volledige_inhoud(team, vv)
        body = {
            "gemeente": team.gemeente.slug,
            "team": str(team.uuid),
            "verwerkingsverantwoordelijke": str(vv.uuid),
            "naam": "Nieuwe verwerking",
            "doeleinden": inhoud["doeleinden"],
        }
        return client.post("/api/v1/verwerkingen", body, format="json").status_code
    verwerking = wereld.verwerkingen[(BEGINSTATUS.get(actie, Status.CONCEPT), plek)]
    url = f"/api/v1/verwerkingen/{verwerking.uuid}"
    if actie == "inzien":
        return client.get(url).status_code
    if actie == "wijzigen":
        return client.patch(url, {"doeleinden": "Gewijzigd doel"}, format="json").status_code
    if actie in ("indienen", "goedkeuren"):
        return client.post(f"{url}/{actie}").status_code
    if actie in ("afwijzen", "archiveren"):
        return client.post(f"{url}/{actie}", {"reden": "Test"}, format="json").status_code
    if actie == "delegeren":
        from django.test import Client

        from privacy_portal.organisaties.rollen import Rol

        from ..factories import RolFactory, UserFactory

        medewerker = UserFactory(username=f"mw-{plek}")
        RolFactory(gebruiker=medewerker, rol=Rol.MEDEWERKER, gemeente=team.gemeente, team=team)
        page = Client()
        page.force_login(user)
        return page.post(f"/verwerkingen/{verwerking.uuid}/delegeren/", {"medewerker": medewerker.pk}).status_code
    raise AssertionError(actie)


def _mag_inzien(rol, plek):
    return "inzien" in VERWACHT[rol].get(plek, set())


@pytest.mark.django_db
@pytest.mark.parametrize("plek", PLEKKEN)
@pytest.mark.parametrize("actie", ACTIES)
@pytest.mark.parametrize("rol", list(VERWACHT))
def test_rol_mag_precies_wat_de_rasci_tabel_zegt(wereld, beheerder, rol, actie, plek):
    user = wereld[rol] if rol != "buitenstaander" else wereld["buitenstaander"]
    status = _voer_uit(actie, user=user, wereld=wereld, plek=plek, beheerder=beheerder)
    toegestaan = actie in VERWACHT[rol].get(plek, set())
    if toegestaan:
        assert status in (200, 201, 302), f"{rol} moet '{actie}' mogen op {plek}, kreeg {status}"
    elif actie == "aanmaken":
        # A team outside the user's gemeenten does not exist for them (400); inside, it is forbidden (403).
        assert status in (400, 403), f"{rol} mag niet aanmaken op {plek}, kreeg {status}"
        if not any(p for p in VERWACHT[rol] if (p == "andere_gemeente") == (plek == "andere_gemeente")):
            assert status == 400
    elif not _mag_inzien(rol, plek):
        assert status == 404, f"{rol} mag {plek} niet zien: verwacht 404, kreeg {status}"
    else:
        assert status == 403, f"{rol} ziet {plek} maar mag '{actie}' niet: verwacht 403, kreeg {status}"


@pytest.mark.django_db
def test_gedelegeerde_medewerker_mag_alleen_die_ene_verwerking_wijzigen(wereld, beheerder):
    from registers import services

    medewerker = wereld["medewerker"]
    eerste = maak_verwerking(team=wereld.team, vv=wereld.vv, door=beheerder)
    tweede = maak_verwerking(team=wereld.team, vv=wereld.vv, door=beheerder, naam="Tweede")
    client = _api(medewerker)
    assert client.patch(f"/api/v1/verwerkingen/{eerste.uuid}", {"doeleinden": "x"}, format="json").status_code == 403

    services.verwerking_delegeren(verwerking=eerste, door=wereld["teammanager"], medewerker=medewerker)
    assert client.patch(f"/api/v1/verwerkingen/{eerste.uuid}", {"doeleinden": "x"}, format="json").status_code == 200
    assert client.patch(f"/api/v1/verwerkingen/{tweede.uuid}", {"doeleinden": "x"}, format="json").status_code == 403
    assert client.post(f"/api/v1/verwerkingen/{eerste.uuid}/indienen").status_code == 403

    services.delegatie_intrekken(verwerking=eerste, door=wereld["teammanager"], medewerker=medewerker)
    del medewerker._rol_toewijzingen
    assert client.patch(f"/api/v1/verwerkingen/{eerste.uuid}", {"doeleinden": "y"}, format="json").status_code == 403
