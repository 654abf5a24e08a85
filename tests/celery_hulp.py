"""Helpers for tests that point Celery at another broker."""

from kombu import pools


def zet_broker(app, url):
    """Point the app at another broker, dropping the connection pools bound to the old one."""
    app.conf.broker_url = url
    pools.reset()
    app._pool = None
    app.amqp._producer_pool = None
