"""Shared fixtures: a small world of two gemeenten with two teams each and a user per role."""

from dataclasses import dataclass, field

import pytest

from privacy_portal.organisaties.rollen import ROL_BEREIK, Bereik, Rol

from .celery_hulp import redis_voor_tests, zet_broker
from .factories import GemeenteFactory, RolFactory, TeamFactory, UserFactory, VerantwoordelijkeFactory


@dataclass
class Wereld:
    gemeente: object
    andere_gemeente: object
    team: object
    ander_team: object
    team_elders: object
    vv: object
    vv_elders: object
    gebruikers: dict = field(default_factory=dict)

    def __getitem__(self, rol):
        return self.gebruikers[rol]


@pytest.fixture(autouse=True)
def snelle_wachtwoorden(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


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
    gemeente = GemeenteFactory(naam="Voorbeeldstad", slug="voorbeeldstad")
    andere = GemeenteFactory(naam="Randdorp", slug="randdorp")
    team = TeamFactory(gemeente=gemeente, naam="Burgerzaken")
    ander_team = TeamFactory(gemeente=gemeente, naam="Sociaal Domein")
    team_elders = TeamFactory(gemeente=andere, naam="Burgerzaken")
    w = Wereld(
        gemeente=gemeente,
        andere_gemeente=andere,
        team=team,
        ander_team=ander_team,
        team_elders=team_elders,
        vv=VerantwoordelijkeFactory(gemeente=gemeente),
        vv_elders=VerantwoordelijkeFactory(gemeente=andere),
    )
    for rol in Rol:
        user = UserFactory(username=rol.value)
        bereik = ROL_BEREIK[rol]
        RolFactory(
            gebruiker=user,
            rol=rol,
            gemeente=gemeente,
            team=team if bereik == Bereik.TEAM else None,
            afdeling=team.afdeling if bereik == Bereik.AFDELING else None,
        )
        w.gebruikers[rol] = user
    w.gebruikers["buitenstaander"] = UserFactory(username="buitenstaander")
    return w
