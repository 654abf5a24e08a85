"""Helpers for tests that use Redis or point Celery at another broker."""

import os
from urllib.parse import urlsplit, urlunsplit

from kombu import pools

# Tests never use Redis database 0: other processes on the same server keep their data there.
TEST_REDIS_DB = 11


def redis_voor_tests(url=None):
    """`url` (default: REDIS_URL, else the local server) with a database number that is not 0.

    A URL without a database or with database 0 gets TEST_REDIS_DB; another number is kept, so a
    run can still choose its own (REDIS_URL=redis://127.0.0.1:6379/12).
    """
    url = url if url is not None else os.environ.get("REDIS_URL") or "redis://127.0.0.1:6379"
    delen = urlsplit(url)
    db = delen.path.strip("/")
    if db.isdigit() and int(db) != 0:
        return url
    return urlunsplit(delen._replace(path=f"/{TEST_REDIS_DB}"))


def zet_broker(app, url):
    """Point the app at another broker, dropping the connection pools bound to the old one."""
    app.conf.broker_url = url
    pools.reset()
    app._pool = None
    app.amqp._producer_pool = None
