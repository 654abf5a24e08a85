"""The client address behind trusted proxies (privacy_portal.core.clientadres)."""

import pytest
from django.test import RequestFactory

from privacy_portal.core.clientadres import client_adres

rf = RequestFactory()


def _adres(remote, doorgestuurd=None):
    extra = {"HTTP_X_FORWARDED_FOR": doorgestuurd} if doorgestuurd is not None else {}
    return client_adres(rf.get("/", REMOTE_ADDR=remote, **extra))


def test_zonder_vertrouwde_proxy_telt_de_verbinding_en_niet_de_kop(settings):
    settings.VERTROUWDE_PROXIES = []
    assert _adres("198.51.100.7", "203.0.113.9") == "198.51.100.7"


@pytest.mark.parametrize(
    ("remote", "doorgestuurd", "client"),
    [
        ("10.0.0.2", "203.0.113.9", "203.0.113.9"),
        # a client cannot pretend to be someone else by sending the header itself
        ("10.0.0.2", "192.0.2.1, 203.0.113.9", "203.0.113.9"),
        # two trusted proxies in a row
        ("10.0.0.2", "203.0.113.9, 10.0.0.3", "203.0.113.9"),
        # a request that does not come through the proxy: the header is ignored
        ("198.51.100.7", "203.0.113.9", "198.51.100.7"),
        # nonsense in the header stops the walk at the last good hop
        ("10.0.0.2", "203.0.113.9, onzin", "10.0.0.2"),
    ],
)
def test_achter_de_proxy_is_de_client_het_eerste_onvertrouwde_adres(settings, remote, doorgestuurd, client):
    settings.VERTROUWDE_PROXIES = ["10.0.0.0/24"]
    assert _adres(remote, doorgestuurd) == client
