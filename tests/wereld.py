"""The shared test world, and how a module builds it once for all its cases.

`bouw_wereld()` makes two gemeenten with teams, a verwerkingsverantwoordelijke each and a user
for every role (the `wereld` fixture in conftest.py calls it for one test).

Modules with many cases that only need an existing world (the permission matrices) build it once:
a module-scoped fixture asks `module_db` (conftest.py) and makes its data with
`module_db.bouw(...)` inside a transaction that stays open for the whole module. Every case runs
in pytest-django's own transaction, a savepoint inside it, which rolls back whatever the case
changed; the case gets fresh instances of the shared objects from `ververs(...)`, so no cached
roles or permissions travel from one case to the next. At the end of the module the module's
transaction is rolled back too. This works the same on SQLite and PostgreSQL.
"""

import copy
import dataclasses
from collections import defaultdict
from dataclasses import dataclass, field
from types import SimpleNamespace

from django.db import models

from privacy_portal.organisaties.rollen import ROL_BEREIK, Bereik, Rol

from .factories import GemeenteFactory, RolFactory, TeamFactory, UserFactory, VerantwoordelijkeFactory

SNELLE_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


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


def bouw_wereld():
    """Two gemeenten, three teams, a user with a role for every role and a `buitenstaander` without one."""
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


class ModuleDb:
    """The open transaction of one test module (see the module docstring)."""

    def __init__(self, blocker):
        self.blocker = blocker

    def bouw(self, maak):
        """Run `maak()` as a test would: with database access, fast password hashing and Celery tasks
        in-process (conftest's per-test fixtures do not run yet); return what it returns."""
        from django.test import override_settings

        from privacy_portal.celery import app

        oud = {k: app.conf[k] for k in ("task_always_eager", "task_eager_propagates")}
        app.conf.update(task_always_eager=True, task_eager_propagates=True)
        try:
            with self.blocker.unblock(), override_settings(PASSWORD_HASHERS=SNELLE_HASHERS):
                return maak()
        finally:
            app.conf.update(oud)


def _is_houder(v):
    return (dataclasses.is_dataclass(v) and not isinstance(v, type)) or isinstance(v, SimpleNamespace)


def ververs(waarde):
    """A copy of `waarde` in which every model instance is loaded anew from the database.

    Walks dicts, lists, tuples, sets, dataclasses such as `Wereld` and SimpleNamespaces; one query
    per model. A case that changes an object, or fills its caches (roles, permissions), does so on
    its own copy, and its database changes are rolled back, so the next case starts from the same
    world. Refuses to run outside a case's own transaction inside the module's (a transactional
    test, or one without the database, would change the shared data for good or not at all).
    """
    from django.db import connection

    testtransacties = [a for a in connection.atomic_blocks if getattr(a, "_from_testcase", False)]
    assert len(testtransacties) >= 2, (
        "a case on the module-wide world needs the module's transaction (module_db) and its own (db, not transactional)"
    )
    gevonden = defaultdict(set)

    def zoek(v):
        if isinstance(v, models.Model):
            gevonden[type(v)].add(v.pk)
        elif isinstance(v, dict):
            for x in v.values():
                zoek(x)
        elif isinstance(v, list | tuple | set):
            for x in v:
                zoek(x)
        elif _is_houder(v):
            zoek(vars(v))

    zoek(waarde)
    geladen = {model: model._base_manager.in_bulk(pks) for model, pks in gevonden.items()}

    def vervang(v):
        if isinstance(v, models.Model):
            return geladen[type(v)][v.pk]
        if isinstance(v, dict):
            return {k: vervang(x) for k, x in v.items()}
        if isinstance(v, list | tuple | set):
            return type(v)(vervang(x) for x in v)
        if _is_houder(v):
            kopie = copy.copy(v)
            kopie.__dict__.update({k: vervang(x) for k, x in vars(v).items()})
            return kopie
        return v

    return vervang(waarde)
