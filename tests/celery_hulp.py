"""Helpers for tests that use Redis or point Celery at another broker."""

import os
from urllib.parse import urlsplit, urlunsplit

from kombu import pools

# Tests never use Redis database 0: other processes on the same server keep their data there.
TEST_REDIS_DB = 11


def redis_voor_tests(url=None):
    """`url` (default: REDIS_URL, else the local server) with a database number that is not 0.

    A URL without a database or with database 0 gets TEST_REDIS_DB; another number is kept, so a
    run can still choose its own (REDIS_URL=redis://127.0.0.1:6379/12). With pytest-xdist each
    worker adds its number, so two workers never share queues.
    """
    url = url if url is not None else os.environ.get("REDIS_URL") or "redis://127.0.0.1:6379"
    delen = urlsplit(url)
    db = delen.path.strip("/")
    basis = int(db) if db.isdigit() and int(db) != 0 else TEST_REDIS_DB
    # Parallel test processes (pytest-xdist) each get their own database: gw0 the base, gw1 the next.
    werker = os.environ.get("PYTEST_XDIST_WORKER", "gw0")
    return urlunsplit(delen._replace(path=f"/{basis + int(werker.removeprefix('gw') or 0)}"))


def zet_broker(app, url):
    """Point the app at another broker, dropping the connection pools bound to the old one."""
    app.conf.broker_url = url
    pools.reset()
    app._pool = None
    app.amqp._producer_pool = None
