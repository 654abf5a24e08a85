"""Tests never use Redis database 0, which other processes on the same server use."""

from urllib.parse import urlsplit

import pytest

from ..celery_hulp import TEST_REDIS_DB, redis_voor_tests


@pytest.mark.parametrize(
    ("url", "verwacht"),
    [
        ("redis://127.0.0.1:6379/0", f"redis://127.0.0.1:6379/{TEST_REDIS_DB}"),  # 0 is never used
        ("redis://127.0.0.1:6379", f"redis://127.0.0.1:6379/{TEST_REDIS_DB}"),  # no number means 0
        ("redis://127.0.0.1:6379/", f"redis://127.0.0.1:6379/{TEST_REDIS_DB}"),
        ("redis://:geheim@redis:6380/0", f"redis://:geheim@redis:6380/{TEST_REDIS_DB}"),  # the rest stays
        ("redis://127.0.0.1:6379/12", "redis://127.0.0.1:6379/12"),  # a run's own number is kept
        ("redis://127.0.0.1:6379/11", "redis://127.0.0.1:6379/11"),
    ],
)
def test_redis_voor_tests_nooit_database_0(url, verwacht, monkeypatch):
    monkeypatch.setenv("PYTEST_XDIST_WORKER", "gw0")
    assert redis_voor_tests(url) == verwacht


def test_parallelle_testprocessen_delen_geen_database(monkeypatch):
    monkeypatch.setenv("PYTEST_XDIST_WORKER", "gw1")
    assert redis_voor_tests("redis://127.0.0.1:6379/0") == f"redis://127.0.0.1:6379/{TEST_REDIS_DB + 1}"
    assert redis_voor_tests("redis://127.0.0.1:6379/11") == "redis://127.0.0.1:6379/12"


def test_zonder_redis_url_de_lokale_server_op_de_testdatabase(monkeypatch):
    monkeypatch.setenv("PYTEST_XDIST_WORKER", "gw0")
    monkeypatch.delenv("REDIS_URL", raising=False)
    assert redis_voor_tests() == f"redis://127.0.0.1:6379/{TEST_REDIS_DB}"
    monkeypatch.setenv("REDIS_URL", "redis://127.0.0.1:6379/0")
    assert redis_voor_tests() == f"redis://127.0.0.1:6379/{TEST_REDIS_DB}"


def test_cache_en_broker_van_de_tests_staan_niet_op_database_0():
    from django.conf import settings

    from privacy_portal.celery import app

    locaties = [c["LOCATION"] for c in settings.CACHES.values() if c["BACKEND"].endswith("RedisCache")]
    brokers = [url for url in (settings.CELERY_BROKER_URL, app.conf.broker_url) if url.startswith("redis")]
    if settings.REDIS_URL:
        assert locaties and brokers  # with REDIS_URL the tests do use Redis ...
    for url in [*locaties, *brokers, settings.REDIS_URL or "redis://-/1"]:
        assert urlsplit(url).path.strip("/") not in ("", "0"), f"{url} is database 0"  # ... but never 0
