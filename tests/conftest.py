"""Shared fixtures: the world of tests/wereld.py per test (`wereld`) or per module (`module_db`),
fast password hashing, Celery in-process, and Redis never on database 0."""

import pytest

from .celery_hulp import redis_voor_tests, zet_broker
from .wereld import SNELLE_HASHERS, ModuleDb, bouw_wereld


@pytest.fixture(autouse=True)
def snelle_wachtwoorden(settings):
    settings.PASSWORD_HASHERS = SNELLE_HASHERS


@pytest.fixture(autouse=True)
def api_limieten_ruim(settings):
    """The API limits count in the shared cache; a whole test run from one address must not reach
    them. Tests of the limits set their own (tests/core/test_api_limieten.py)."""
    settings.API_LIMIET_GEBRUIKER = "1000000/second"
    settings.API_LIMIET_ANONIEM = "1000000/second"


@pytest.fixture(scope="session", autouse=True)
def redis_nooit_database_0():
    """With REDIS_URL set, the cache and Celery's broker use a Redis database of their own, never 0
    (other processes on the server keep their data there); see `celery_hulp.redis_voor_tests`."""
    from django.conf import settings
    from django.test import override_settings

    from privacy_portal.celery import app

    if not settings.REDIS_URL:
        yield
        return
    url = redis_voor_tests(settings.REDIS_URL)
    caches = {
        naam: {**cache, "LOCATION": url} if cache["BACKEND"].endswith("RedisCache") else cache
        for naam, cache in settings.CACHES.items()
    }
    oud = app.conf.broker_url
    with override_settings(REDIS_URL=url, CELERY_BROKER_URL=url, CACHES=caches):
        zet_broker(app, url)
        yield url
        zet_broker(app, oud)


@pytest.fixture(autouse=True)
def eigen_cache(monkeypatch):
    """Each test its own cache entries (the cache outlives a test's rolled-back data)."""
    import uuid

    from privacy_portal.core import cache

    monkeypatch.setattr(cache, "NAAMRUIMTE", f"test-{uuid.uuid4().hex}:")


@pytest.fixture(autouse=True)
def celery_in_proces(request):
    """Tasks run in-process unless a test starts a real worker (marker celery_worker)."""
    from privacy_portal.celery import app

    # A test worker's setup may leave another app current; shared tasks must resolve to ours.
    app.set_current()
    app.set_default()
    if request.node.get_closest_marker("celery_worker"):
        yield app
        return
    oud = {k: app.conf[k] for k in ("task_always_eager", "task_eager_propagates")}
    app.conf.update(task_always_eager=True, task_eager_propagates=True)
    yield app
    app.conf.update(oud)


@pytest.fixture
def wereld(db):
    return bouw_wereld()


@pytest.fixture(scope="module")
def module_db(django_db_setup, django_db_blocker):
    """A transaction around a whole module, rolled back at its end; build in it with `module_db.bouw`.

    Only for modules whose tests use pytest-django's ordinary `db` (a transactional test would
    flush the tables inside this transaction); `ververs` refuses to run in such a test.
    """
    from django.db import connections, transaction

    with django_db_blocker.unblock():
        atomics = {}
        for alias in connections:
            atomic = transaction.atomic(using=alias)
            atomic._from_testcase = True  # like TestCase's own: durable blocks may run inside it
            atomic.__enter__()
            atomics[alias] = atomic
    try:
        yield ModuleDb(django_db_blocker)
    finally:
        with django_db_blocker.unblock():
            for alias, atomic in reversed(atomics.items()):
                transaction.set_rollback(True, using=alias)
                atomic.__exit__(None, None, None)
