"""Every role against every DPIA action, on its own team, another team and another gemeente.

Written out by hand from the RASCI reading in DOMAIN.md and docs/rechten.md, not derived from the
code's table: the teammanager carries out the DPIA and accepts a residual risk that is not high;
the privacy officer supports, may fill in everything and imports a filled-in DPIA from a file; the
CISO gives security advice; only the FG records advice; the college or the directeur decide on a
high residual risk (and the prior consultation of the AP); everyone else with a role reads within their reach.
"""

import json

import pytest
from rest_framework.test import APIClient

from dpia.uitwisseling import exporteer

from ..wereld import bouw_wereld, ververs
from .factories import breid_uit, maak_dpia, verwerking_voor

PLEKKEN = ("eigen_team", "ander_team", "andere_gemeente")
ACTIES = (
    "inzien",
    "export",
    "starten",
    "prescan",
    "invullen",
    "advies_vragen",
    "beveiligingsadvies",
    "fg_advies",
    "accepteren",
    "accepteren_hoog",
    "importeren",
)

LEZEN = {"inzien", "export"}
UITVOEREN = LEZEN | {"starten", "prescan", "invullen", "advies_vragen"}

# role -> {plek: allowed actions}; a missing plek allows nothing there
VERWACHT = {
    "college": {"eigen_team": LEZEN | {"accepteren_hoog"}, "ander_team": LEZEN | {"accepteren_hoog"}},
    "directeur": {"eigen_team": LEZEN | {"accepteren_hoog"}, "ander_team": LEZEN | {"accepteren_hoog"}},
    "afdelingsmanager": {"eigen_team": LEZEN},
    "teammanager": {"eigen_team": UITVOEREN | {"accepteren"}},
    "medewerker": {"eigen_team": LEZEN},
    "privacy_officer": {"eigen_team": UITVOEREN | {"importeren"}, "ander_team": UITVOEREN | {"importeren"}},
    "jurist": {"eigen_team": LEZEN, "ander_team": LEZEN},
    "fg": {"eigen_team": LEZEN | {"fg_advies"}, "ander_team": LEZEN | {"fg_advies"}},
    "ciso": {"eigen_team": LEZEN | {"beveiligingsadvies"}, "ander_team": LEZEN | {"beveiligingsadvies"}},
    "controller": {"eigen_team": LEZEN, "ander_team": LEZEN},
    "buitenstaander": {},
}

# the stage a DPIA must be in for the action, and its residual risk
STAP = {
    "inzien": ("in_uitvoering", "midden"),
    "export": ("afgerond", "midden"),
    "prescan": ("prescan", "midden"),
    "invullen": ("in_uitvoering", "midden"),
    "advies_vragen": ("ingevuld", "midden"),
    "beveiligingsadvies": ("advies", "midden"),
    "fg_advies": ("advies", "midden"),
    "accepteren": ("besluit", "midden"),
    "accepteren_hoog": ("besluit", "hoog"),
    "importeren": ("in_uitvoering", "midden"),
}


@pytest.fixture(scope="module")
def gedeeld(module_db):
    """Built once for the module (tests/wereld.py), each case rolls back its changes: the DPIA world,
    a DPIA at every stage the actions need on every plek, and a verwerking without DPIA per plek."""

    def maak():
        wereld = breid_uit(bouw_wereld())
        return {
            "wereld": wereld,
            "dpias": {
                (stap, restrisico, plek): maak_dpia(wereld, stap=stap, plek=plek, restrisico=restrisico)
                for stap, restrisico in sorted(set(STAP.values()))
                for plek in PLEKKEN
            },
            "verwerkingen": {plek: verwerking_voor(wereld, plek) for plek in PLEKKEN},
        }

    return module_db.bouw(maak)


@pytest.fixture
def vers(gedeeld, db):
    return ververs(gedeeld)


@pytest.fixture
def wereld(vers):
    return vers["wereld"]


@pytest.fixture
def klaar(vers):
    """The DPIAs and verwerkingen made for the actions, as this case's own instances."""
    return vers


def _voer_uit(actie, *, user, plek, klaar):
    """Perform the action through the API on what `klaar` holds for it; return the status code."""
    api = APIClient()
    api.force_authenticate(user)
    if actie == "starten":
        verwerking = klaar["verwerkingen"][plek]
        return api.post("/api/v1/dpias", {"verwerkingen": [str(verwerking.uuid)]}, format="json").status_code
    stap, restrisico = STAP[actie]
    dpia = klaar["dpias"][(stap, restrisico, plek)]
    url = f"/api/v1/dpias/{dpia.uuid}"
    if actie == "inzien":
        return api.get(url).status_code
    if actie == "export":
        return api.get(f"{url}/export").status_code
    if actie == "prescan":
        return api.post(f"{url}/prescan", {"criteria": ["grootschalig"], "apLijst": []}, format="json").status_code
    if actie == "invullen":
        return api.patch(url, {"antwoorden": {"1.1": {"value": "Voorstel"}}}, format="json").status_code
    if actie == "advies_vragen":
        return api.post(f"{url}/advies-vragen").status_code
    if actie == "beveiligingsadvies":
        return api.post(f"{url}/beveiligingsadvies", {"advies": "Versleutel."}, format="json").status_code
    if actie == "fg_advies":
        return api.post(f"{url}/advies", {"oordeel": "positief", "advies": "Akkoord."}, format="json").status_code
    if actie == "accepteren":
        return api.post(f"{url}/accepteren", {"motivering": "Aanvaardbaar."}, format="json").status_code
    if actie == "accepteren_hoog":
        body = {"stap": "indienen", "ingediendOp": "2026-03-05", "kenmerk": "z1"}
        return api.post(f"{url}/raadpleging-ap", body, format="json").status_code
    if actie == "importeren":  # the export of a finished DPIA, into one being filled in (it has no risks yet)
        document = json.dumps(exporteer(klaar["dpias"][("afgerond", "midden", plek)])).encode()
        return api.post(f"{url}/import", document, content_type="application/json").status_code
    raise AssertionError(actie)


def _mag_inzien(rol, plek):
    return "inzien" in VERWACHT[rol].get(plek, set())


@pytest.mark.django_db
@pytest.mark.parametrize("plek", PLEKKEN)
@pytest.mark.parametrize("actie", ACTIES)
@pytest.mark.parametrize("rol", list(VERWACHT))
def test_rol_mag_precies_wat_de_rasci_tabel_zegt(wereld, klaar, rol, actie, plek):
    user = wereld[rol]
    status = _voer_uit(actie, user=user, plek=plek, klaar=klaar)
    if actie in VERWACHT[rol].get(plek, set()):
        assert status in (200, 201), f"{rol} moet '{actie}' mogen op {plek}, kreeg {status}"
    elif actie == "starten":
        # a verwerking outside the user's gemeenten does not exist for them (400); inside it is forbidden (403)
        verwacht = 400 if plek == "andere_gemeente" or rol == "buitenstaander" else 403
        assert status == verwacht, f"{rol} mag niet starten op {plek}: verwacht {verwacht}, kreeg {status}"
    elif not _mag_inzien(rol, plek):
        assert status == 404, f"{rol} mag {plek} niet zien: verwacht 404, kreeg {status}"
    else:
        assert status == 403, f"{rol} ziet {plek} maar mag '{actie}' niet: verwacht 403, kreeg {status}"


@pytest.mark.django_db
def test_teammanager_mag_hoog_restrisico_niet_accepteren_en_college_niet_gemiddeld(wereld):
    hoog = maak_dpia(wereld, stap="besluit", restrisico="hoog")
    gemiddeld = maak_dpia(wereld, stap="besluit", restrisico="midden", plek="ander_team")
    tm, college = APIClient(), APIClient()
    tm.force_authenticate(wereld["teammanager"])
    college.force_authenticate(wereld["college"])
    body = {"motivering": "Aanvaardbaar."}
    assert tm.post(f"/api/v1/dpias/{hoog.uuid}/accepteren", body, format="json").status_code == 403
    assert college.post(f"/api/v1/dpias/{gemiddeld.uuid}/accepteren", body, format="json").status_code == 403
    antwoord = college.post(f"/api/v1/dpias/{hoog.uuid}/accepteren", body, format="json")
    assert antwoord.status_code == 400  # high: the prior consultation of the AP first
    assert antwoord.json()["invalidParams"][0]["name"] == "raadpleging"
