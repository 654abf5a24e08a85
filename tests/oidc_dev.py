"""The local OpenID Connect provider of tools/oidc-dev (panva/oidc-provider under node) as a test process.

`oidc_provider(redirect_uris, gebruikers)` starts it on a free port, waits until it answers and
yields an `OidcDev` with its issuer and the settings that point the portal at it; at the end the
process is stopped. Nothing of mozilla-django-oidc is mocked: the portal talks HTTP to it.
"""

import json
import shutil
import socket
import subprocess
import tempfile
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings

SERVER = Path(settings.BASE_DIR) / "tools" / "oidc-dev" / "server.mjs"
CLIENT_ID = "privacy-portal-test"
CLIENT_SECRET = "test-geheim-van-de-portal"


@dataclass
class OidcDev:
    issuer: str

    def instellingen(self):
        return {
            "OIDC_RP_CLIENT_ID": CLIENT_ID,
            "OIDC_RP_CLIENT_SECRET": CLIENT_SECRET,
            "OIDC_OP_ISSUER": self.issuer,
            "OIDC_OP_AUTHORIZATION_ENDPOINT": f"{self.issuer}/auth",
            "OIDC_OP_TOKEN_ENDPOINT": f"{self.issuer}/token",
            "OIDC_OP_USER_ENDPOINT": f"{self.issuer}/me",
            "OIDC_OP_JWKS_ENDPOINT": f"{self.issuer}/jwks",
        }


def gebruiker(sub, login, *, groepen, wachtwoord="geheim-bij-idp", email=None, voornaam="Sanne", achternaam="Sso"):
    return {
        sub: {
            "login": login,
            "wachtwoord": wachtwoord,
            "claims": {
                "email": email or f"{login}@idp.example",
                "email_verified": True,
                "given_name": voornaam,
                "family_name": achternaam,
                "name": f"{voornaam} {achternaam}",
                "preferred_username": login,
                "groups": groepen,
            },
        }
    }


def _vrije_poort():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def oidc_provider(*, redirect_uris, gebruikers):
    node = shutil.which("node")
    assert node, "node is nodig voor de test-identiteitsprovider (tools/oidc-dev)"
    poort = _vrije_poort()
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
        json.dump(gebruikers, f)
    env = {
        "PATH": str(Path(node).parent),
        "OIDC_DEV_POORT": str(poort),
        "OIDC_DEV_CLIENT_ID": CLIENT_ID,
        "OIDC_DEV_CLIENT_SECRET": CLIENT_SECRET,
        "OIDC_DEV_REDIRECT_URIS": ",".join(redirect_uris),
        "OIDC_DEV_GEBRUIKERS": f.name,
    }
    proces = subprocess.Popen([node, str(SERVER)], env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        regels = []
        einde = time.monotonic() + 30
        while time.monotonic() < einde:
            regel = proces.stdout.readline()
            if not regel and proces.poll() is not None:
                break
            regels.append(regel)
            if "oidc-dev klaar" in regel:
                break
        else:
            raise AssertionError("de test-identiteitsprovider startte niet op tijd")
        if proces.poll() is not None:
            raise AssertionError("de test-identiteitsprovider stopte: " + "".join(regels))
        yield OidcDev(issuer=f"http://127.0.0.1:{poort}")
    finally:
        proces.terminate()
        try:
            proces.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proces.kill()
        proces.stdout.close()
        Path(f.name).unlink(missing_ok=True)
