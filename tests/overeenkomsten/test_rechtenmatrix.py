"""Every role against every action on agreements, on its own team, another team and another gemeente.

The expected outcomes are written out here by hand from the RASCI table (docs/rechten.md), not
derived from the code's table, so a wrong entry in the code fails this test.

Decision: uploading the signed document changes the agreement, so it needs the document right and
the right to change; the FG (who never owns records) may download but not upload.
"""

import pytest
from django.test import Client
from rest_framework.test import APIClient

from ..factories import alle_rollen
from ..wereld import bouw_wereld, ververs
from .hulp import START, maak_overeenkomst, pdf

PLEKKEN = ("eigen_team", "ander_team", "andere_gemeente")
ACTIES = ("inzien", "aanmaken", "wijzigen", "review", "uploaden", "downloaden", "vrijgeven")

BEHEREN = {"inzien", "aanmaken", "wijzigen", "review", "uploaden", "downloaden"}
ALLES = set(ACTIES)
INZIEN = {"inzien"}

# role -> {plek: allowed actions}
VERWACHT = {
    "college": {"eigen_team": INZIEN, "ander_team": INZIEN},
    "directeur": {"eigen_team": INZIEN, "ander_team": INZIEN},
    "afdelingsmanager": {"eigen_team": INZIEN},
    "teammanager": {"eigen_team": BEHEREN},
    "medewerker": {},
    "privacy_officer": {"eigen_team": ALLES, "ander_team": ALLES},
    "jurist": {"eigen_team": ALLES, "ander_team": ALLES},
    "fg": {"eigen_team": {"inzien", "downloaden"}, "ander_team": {"inzien", "downloaden"}},
    "ciso": {"eigen_team": INZIEN, "ander_team": INZIEN},
    "controller": {"eigen_team": INZIEN, "ander_team": INZIEN},
    "buitenstaander": {},
}


@pytest.fixture(scope="module")
def gedeeld(module_db):
    """The world and a user with every role (who sets up the records), built once for the module
    (tests/wereld.py); each case rolls back its changes."""

    def maak():
        wereld = bouw_wereld()
        return {"wereld": wereld, "beheerder": alle_rollen("beheerder-test", wereld.gemeente, wereld.andere_gemeente)}

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


def _voer_uit(actie, *, user, wereld, plek, beheerder):
    """Perform the action through the API or the page; return the status code."""
    team = _team(wereld, plek)
    api = APIClient()
    api.force_authenticate(user)
    if actie == "aanmaken":
        body = {
            "gemeente": team.gemeente.slug,
            "team": str(team.uuid),
            "soort": "verwerkersovereenkomst",
            "onderwerp": "Nieuwe overeenkomst",
            "partijen": ["Leverancier Y B.V."],
            "startdatum": START.isoformat(),
        }
        return api.post("/api/v1/overeenkomsten", body, format="json").status_code
    ovk = maak_overeenkomst(door=beheerder, team=team)
    url = f"/api/v1/overeenkomsten/{ovk.uuid}"
    if actie == "inzien":
        return api.get(url).status_code
    if actie == "wijzigen":
        return api.patch(url, {"onderwerp": "Gewijzigd"}, format="json").status_code
    if actie == "review":
        return api.post(f"{url}/review", {"datum": "2026-11-01"}, format="json").status_code
    pagina = Client()
    pagina.force_login(user)
    if actie == "uploaden":
        return pagina.post(f"/overeenkomsten/{ovk.uuid}/document/uploaden/", {"document": pdf()}).status_code
    if actie == "vrijgeven":
        # a public convenant document, made public by someone else (four eyes)
        convenant = maak_overeenkomst(door=beheerder, team=team, soort="convenant", openbaar=True)
        beheerder_pagina = Client()
        beheerder_pagina.force_login(beheerder)
        beheerder_pagina.post(f"/overeenkomsten/{convenant.uuid}/document/uploaden/", {"document": pdf()})
        api_beheerder = APIClient()
        api_beheerder.force_authenticate(beheerder)
        api_beheerder.patch(f"/api/v1/overeenkomsten/{convenant.uuid}", {"documentOpenbaar": True}, format="json")
        return api.post(f"/api/v1/overeenkomsten/{convenant.uuid}/document-vrijgeven").status_code
    if actie == "downloaden":
        beheerder_pagina = Client()
        beheerder_pagina.force_login(beheerder)
        assert (
            beheerder_pagina.post(f"/overeenkomsten/{ovk.uuid}/document/uploaden/", {"document": pdf()}).status_code
            == 302
        )
        return pagina.get(f"/overeenkomsten/{ovk.uuid}/document/").status_code
    raise AssertionError(actie)


def _mag_inzien(rol, plek):
    return "inzien" in VERWACHT[rol].get(plek, set())


@pytest.mark.django_db
@pytest.mark.parametrize("plek", PLEKKEN)
@pytest.mark.parametrize("actie", ACTIES)
@pytest.mark.parametrize("rol", list(VERWACHT))
def test_rol_mag_precies_wat_de_rasci_tabel_zegt(wereld, beheerder, rol, actie, plek):
    status = _voer_uit(actie, user=wereld[rol], wereld=wereld, plek=plek, beheerder=beheerder)
    toegestaan = actie in VERWACHT[rol].get(plek, set())
    if toegestaan:
        assert status in (200, 201, 302), f"{rol} moet '{actie}' mogen op {plek}, kreeg {status}"
    elif actie == "aanmaken":
        # A team outside the user's gemeenten does not exist for them (400); inside, it is forbidden (403).
        assert status in (400, 403), f"{rol} mag niet aanmaken op {plek}, kreeg {status}"
        if plek == "andere_gemeente" or rol in ("buitenstaander",):
            assert status == 400
    elif not _mag_inzien(rol, plek):
        assert status == 404, f"{rol} mag {plek} niet zien: verwacht 404, kreeg {status}"
    else:
        assert status == 403, f"{rol} ziet {plek} maar mag '{actie}' niet: verwacht 403, kreeg {status}"
