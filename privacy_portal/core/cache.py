"""A cache that never breaks a page, with one version per part so a change clears that part at once.

`Versiecache("openbaar")` keeps entries per part (a gemeente): `sleutel(deel, ...)` names an entry
within the part's current version, `vernieuwen(deel)` gives the part a new version after the
transaction commits, so every entry of the old version is left unused (and expires). Entries live
at most `bewaren` seconds as a safety net for changes that do not renew the version.

When the cache is unreachable (Redis stopped), every read is a miss and every write is skipped:
the page is made without cache, never a 500.
"""

import hashlib
import uuid

import structlog
from django.core.cache import cache
from django.db import transaction

log = structlog.get_logger(__name__)
NAAMRUIMTE = ""  # tests give each test its own, so no test reads another's entries


def _veilig(actie, standaard=None):
    try:
        return actie()
    except Exception:  # the cache is a help, not a dependency: Redis down means no cache
        log.warning("cache onbereikbaar; verder zonder cache", exc_info=True)
        return standaard


class Versiecache:
    def __init__(self, naam, *, bewaren=60 * 60):
        self.naam = naam
        self.bewaren = bewaren

    def _versie_sleutel(self, deel):
        return f"{NAAMRUIMTE}{self.naam}:versie:{deel}"

    def sleutel(self, deel, *kenmerken):
        """The key of one entry of `deel` in its current version; None when the cache is unreachable."""
        versie = _veilig(lambda: cache.get_or_set(self._versie_sleutel(deel), lambda: uuid.uuid4().hex, None))
        if versie is None:
            return None
        kenmerk = hashlib.sha256("\x1f".join(map(str, kenmerken)).encode()).hexdigest()[:32]
        return f"{NAAMRUIMTE}{self.naam}:{deel}:{versie}:{kenmerk}"

    def lees(self, sleutel):
        return None if sleutel is None else _veilig(lambda: cache.get(sleutel))

    def bewaar(self, sleutel, waarde):
        if sleutel is not None:
            _veilig(lambda: cache.set(sleutel, waarde, self.bewaren))

    def vernieuwen(self, deel):
        """Give `deel` a new version now and again when the current transaction commits: a page made
        in between from the data before the commit is then left unused too."""

        def nieuwe_versie():
            _veilig(lambda: cache.set(self._versie_sleutel(deel), uuid.uuid4().hex, None))

        nieuwe_versie()
        transaction.on_commit(nieuwe_versie)
