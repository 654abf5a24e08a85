"""API throttling: per user when logged in, per client address for open data; 429 as problem+json
with Retry-After. Each case uses its own addresses and users: the cache may be shared."""

import uuid

import pytest
from rest_framework.test import APIClient

from tests.factories import RolFactory, UserFactory

OPEN_DATA = "/api/v1/openbaar/verwerkingen?gemeente=voorbeeldstad"


def _adres():
    return f"2001:db8::{uuid.uuid4().hex[:4]}"


@pytest.mark.django_db
def test_open_data_per_adres_met_problem_json_en_retry_after(settings, wereld):
    settings.API_LIMIET_ANONIEM = "2/minute"
    adres = _adres()
    client = APIClient()
    codes = [client.get(OPEN_DATA, REMOTE_ADDR=adres).status_code for _ in range(2)]
    te_veel = client.get(OPEN_DATA, REMOTE_ADDR=adres)
    assert codes == [200, 200] and te_veel.status_code == 429
    assert te_veel["Content-Type"] == "application/problem+json"
    assert 0 < int(te_veel["Retry-After"]) <= 60 and te_veel["API-Version"]
    body = te_veel.json()
    assert body["status"] == 429 and body["title"] == "Te veel verzoeken" and "Probeer het over" in body["detail"]
    # another client is not affected
    assert client.get(OPEN_DATA, REMOTE_ADDR=_adres()).status_code == 200


@pytest.mark.django_db
def test_achter_de_vertrouwde_proxy_telt_de_echte_client(settings, wereld):
    settings.API_LIMIET_ANONIEM = "2/minute"
    settings.VERTROUWDE_PROXIES = ["10.0.0.0/24"]
    client = APIClient()
    eerste, tweede = _adres(), _adres()
    for _ in range(2):
        client.get(OPEN_DATA, REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR=eerste)
    assert client.get(OPEN_DATA, REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR=eerste).status_code == 429
    assert client.get(OPEN_DATA, REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR=tweede).status_code == 200


@pytest.mark.django_db
def test_ingelogd_per_gebruiker_over_adressen_heen(settings, wereld):
    settings.API_LIMIET_GEBRUIKER = "3/minute"
    gebruikers = []
    for _ in range(2):
        user = UserFactory(username=f"api-{uuid.uuid4().hex[:8]}")
        RolFactory(gebruiker=user, rol="privacy_officer", gemeente=wereld.gemeente)
        gebruikers.append(user)
    client = APIClient()
    client.force_authenticate(gebruikers[0])
    codes = [client.get("/api/v1/verwerkingen", REMOTE_ADDR=_adres()).status_code for _ in range(4)]
    assert codes == [200, 200, 200, 429]
    ander = APIClient()
    ander.force_authenticate(gebruikers[1])
    assert ander.get("/api/v1/verwerkingen").status_code == 200


@pytest.mark.django_db
def test_zonder_bereikbare_cache_blijft_de_api_werken(settings, wereld, caplog):
    settings.API_LIMIET_ANONIEM = "1/minute"
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": "redis://127.0.0.1:1/7"}
    }
    adres = _adres()
    with caplog.at_level("WARNING", logger="privacy_portal.core.api_limieten"):
        codes = [APIClient().get(OPEN_DATA, REMOTE_ADDR=adres).status_code for _ in range(2)]
    assert codes == [200, 200]
    assert any("cache" in r.getMessage() for r in caplog.records if r.name == "privacy_portal.core.api_limieten")
