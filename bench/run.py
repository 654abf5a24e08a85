"""Benchmark: the register's pages and API on a large register. Prints numbers; asserts nothing.

Usage: python bench/run.py [aantal]   (default 2000 verwerkingen; uses its own temporary SQLite
database unless DATABASE_URL is set).
"""

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DATABASE_URL", f"sqlite:///{tempfile.mkdtemp()}/bench.sqlite3")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "privacy_portal.settings")
os.environ.setdefault("AXES_ENABLED", "false")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection, reset_queries  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import override_settings  # noqa: E402

from registers import services  # noqa: E402
from registers.demo_data import VERWERKINGEN  # noqa: E402


def vul(aantal):
    from privacy_portal.organisaties import demo
    from registers.demo import _inhoud

    gemeenten, gebruikers = demo.laad("bench")
    gemeente, po = gemeenten["voorbeeldstad"], gebruikers["privacyofficer"]
    voorbeelden = [v for v in VERWERKINGEN if v["status"] != "concept"]
    gemeente.vier_ogen_uitzondering = True  # one bench user writes and approves
    gemeente.save()
    start = time.perf_counter()
    for i in range(aantal):
        item = dict(voorbeelden[i % len(voorbeelden)], naam=f"Verwerking {i:05d}")
        verwerking = services.verwerking_aanmaken(door=po, gemeente=gemeente, gegevens=_inhoud(item, gemeente))
        if i % 2:
            services.verwerking_indienen(verwerking=verwerking, door=po)
            services.verwerking_goedkeuren(verwerking=verwerking, door=po)
    print(f"vullen: {aantal} verwerkingen in {time.perf_counter() - start:.1f} s")
    return po


@override_settings(DEBUG=True)
def meet(client, url, keer=5):
    tijden, queries = [], 0
    for _ in range(keer):
        reset_queries()
        start = time.perf_counter()
        antwoord = client.get(url)
        tijden.append(time.perf_counter() - start)
        queries = len(connection.queries)
        assert antwoord.status_code == 200, (url, antwoord.status_code)
    mediaan = statistics.median(tijden) * 1000
    print(f"{url:60} mediaan {mediaan:8.1f} ms  {queries:3d} queries  {len(antwoord.content) // 1024} KiB")


def main():
    aantal = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    call_command("migrate", verbosity=0)
    po = vul(aantal)
    client = Client()
    client.force_login(po)
    for url in [
        "/verwerkingen/",
        "/verwerkingen/?zoek=Verwerking+01&sorteer=volledigheid",
        "/",
        "/api/v1/verwerkingen?pageSize=100",
        "/register/voorbeeldstad/",
        "/register/voorbeeldstad/verwerkingen.json",
        "/verwerkingen/export.csv",
        "/verwerkingen/export.xlsx",
    ]:
        meet(client, url, keer=3 if "export" in url or ".json" in url else 5)


if __name__ == "__main__":
    main()
