"""What a gemeente checks before adopting the software: licence, publiccode.yml, security policy.

publiccode.yml is checked against the mandatory keys and value lists of the standard
(https://yml.publiccode.tools, version 0.4); the official validator is a Go program that this
machine cannot install, so these are the standard's rules written out.
"""

import datetime
import re
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
SOFTWARE_TYPES = {
    "standalone/mobile",
    "standalone/iot",
    "standalone/desktop",
    "standalone/web",
    "standalone/backend",
    "standalone/other",
    "addon",
    "library",
    "configurationFiles",
}
DEVELOPMENT_STATUSES = {"concept", "development", "beta", "stable", "obsolete"}
MAINTENANCE_TYPES = {"internal", "contract", "community", "none"}


@pytest.fixture(scope="module")
def publiccode():
    return yaml.safe_load((ROOT / "publiccode.yml").read_text(encoding="utf-8"))


def test_licentie_is_de_eupl_1_2_die_de_readme_en_publiccode_noemen(publiccode):
    licentie = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert licentie.startswith("EUROPEAN UNION PUBLIC LICENCE v. 1.2")
    assert "Licentie: EUPL-1.2" in (ROOT / "README.md").read_text(encoding="utf-8")
    assert publiccode["legal"]["license"] == "EUPL-1.2"


def test_publiccode_heeft_de_verplichte_sleutels_van_de_standaard(publiccode):
    for sleutel in ("publiccodeYmlVersion", "name", "url", "platforms", "developmentStatus", "softwareType"):
        assert publiccode.get(sleutel), sleutel
    assert publiccode["publiccodeYmlVersion"] == "0.4"
    assert re.match(r"^https?://", publiccode["url"])
    assert publiccode["softwareType"] in SOFTWARE_TYPES
    assert publiccode["developmentStatus"] in DEVELOPMENT_STATUSES
    datetime.date.fromisoformat(publiccode["releaseDate"])


def test_publiccode_beschrijving_per_taal_binnen_de_grenzen_van_de_standaard(publiccode):
    assert set(publiccode["description"]) >= {"nl", "en"}
    for taal, tekst in publiccode["description"].items():
        assert 0 < len(tekst["shortDescription"].strip()) <= 150, taal
        assert 150 <= len(tekst["longDescription"].strip()) <= 10000, taal
        assert tekst["features"] and all(len(f) <= 100 for f in tekst["features"]), taal


def test_publiccode_onderhoud_en_taal(publiccode):
    onderhoud = publiccode["maintenance"]
    assert onderhoud["type"] in MAINTENANCE_TYPES
    if onderhoud["type"] in {"internal", "community"}:
        assert onderhoud["contacts"] and all(c.get("name") for c in onderhoud["contacts"])
    localisatie = publiccode["localisation"]
    assert isinstance(localisatie["localisationReady"], bool)
    assert localisatie["availableLanguages"] and "nl" in localisatie["availableLanguages"]


def test_security_md_zegt_waar_en_hoe_een_kwetsbaarheid_te_melden():
    tekst = (ROOT / "SECURITY.md").read_text(encoding="utf-8")
    assert re.search(r"[\w.-]+@[\w.-]+", tekst)
    assert "Coordinated Vulnerability Disclosure" in tekst
