"""Benchmark: the dashboard and the four reports on a large register. Prints numbers; asserts nothing.

Usage: python bench/rapportages.py [verwerkingen] [datalekken]   (default 2000 and 1000).
Uses its own temporary SQLite database unless DATABASE_URL is set. Everything is made through the
real services (it takes a minute or two). Verzoeken are not made: the rechten app adds its own
dashboard source and then belongs in this benchmark too.
"""

import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DATABASE_URL", f"sqlite:///{tempfile.mkdtemp()}/bench.sqlite3")
os.environ.setdefault("PRIVATE_MEDIA_ROOT", tempfile.mkdtemp())  # the generated PDFs
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "privacy_portal.settings")
os.environ.setdefault("AXES_ENABLED", "false")
os.environ.setdefault("EMAIL_BACKEND", "django.core.mail.backends.dummy.EmailBackend")
os.environ.setdefault("LOG_LEVEL", "WARNING")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils import timezone  # noqa: E402

from datalekken import services as datalek_services  # noqa: E402
from rapportages import services as rapport_services  # noqa: E402
from rapportages.constants import Soort  # noqa: E402
from registers import services as register_services  # noqa: E402
from registers.demo_data import VERWERKINGEN  # noqa: E402


def vul_register(gemeente, po, aantal):
    from registers.demo import _inhoud

    voorbeelden = [v for v in VERWERKINGEN if v["status"] != "concept"]
    gemeente.vier_ogen_uitzondering = True  # one bench user writes and approves
    gemeente.save()
    start = time.perf_counter()
    for i in range(aantal):
        item = dict(voorbeelden[i % len(voorbeelden)], naam=f"Verwerking {i:05d}")
        verwerking = register_services.verwerking_aanmaken(door=po, gemeente=gemeente, gegevens=_inhoud(item, gemeente))
        if i % 3:
            register_services.verwerking_indienen(verwerking=verwerking, door=po)
            register_services.verwerking_goedkeuren(verwerking=verwerking, door=po)
        if i % 50 == 0:
            register_services.verwerking_archiveren(verwerking=verwerking, door=po, reden="Bench")
    print(f"vullen: {aantal} verwerkingen in {time.perf_counter() - start:.1f} s")


def vul_datalekken(gemeente, po, melder, aantal):
    """Datalekken spread over the last two years: assessed, most notified (some late), most closed."""
    kans = random.Random(7)
    nu = timezone.now().replace(microsecond=0)
    start = time.perf_counter()
    for i in range(aantal):
        gemeld = nu - timedelta(hours=kans.randint(2, 2 * 365 * 24))
        lek = datalek_services.datalek_melden(
            door=melder,
            gemeente=gemeente,
            nu=gemeld,
            gegevens={
                "titel": f"Datalek {i}",
                "omschrijving": "Bench.",
                "ontdekt_op": gemeld - timedelta(hours=1),
            },
        )
        if gemeld > nu - timedelta(hours=100) or i % 7 == 0:
            continue  # some stay open and unassessed: running clocks
        risico = ("geen", "risico", "hoog")[i % 3]
        datalek_services.datalek_behandelen(
            datalek=lek,
            door=po,
            nu=gemeld + timedelta(hours=2),
            gegevens={
                "risico": risico,
                "risico_motivering": "Bench.",
                "oorzaak": ("verkeerd_verstuurd", "verlies", "hack", "diefstal")[i % 4],
                "melder_naam": "Bench",
                "melder_functie": "Privacy officer",
                "melder_telefoon": "14 0123",
            },
        )
        if risico != "geen":
            te_laat = i % 5 == 0
            moment = gemeld + timedelta(hours=90 if te_laat else 20)
            datalek_services.melding_ap_vastleggen(
                datalek=lek,
                door=po,
                soort="melding",
                gemeld_op=moment,
                ap_referentie=f"M{i}",
                reden_vertraging="Bench." if te_laat else "",
                nu=moment,
            )
    print(f"vullen: {aantal} datalekken in {time.perf_counter() - start:.1f} s")


def meet_pagina(client, url, keer=3):
    tijden = []
    for _ in range(keer):
        connection.queries_log.clear()  # DEBUG keeps at most 9000; a full log would count nothing
        with CaptureQueriesContext(connection) as ctx:
            start = time.perf_counter()
            antwoord = client.get(url)
            tijden.append(time.perf_counter() - start)
        assert antwoord.status_code == 200, (url, antwoord.status_code)
    print(f"{url:45} mediaan {statistics.median(tijden) * 1000:8.1f} ms  {len(ctx.captured_queries):3d} queries")


def _paginas(inhoud):
    if not shutil.which("pdfinfo"):
        return "?"
    uitvoer = subprocess.run(["pdfinfo", "-"], input=inhoud, capture_output=True, check=False).stdout.decode()
    gevonden = re.search(r"Pages:\s+(\d+)", uitvoer)
    return gevonden.group(1) if gevonden else "?"


def meet_rapport(door, gemeente, soort, van=None, tot=None):
    connection.queries_log.clear()
    with CaptureQueriesContext(connection) as ctx:
        start = time.perf_counter()
        with transaction.atomic():  # the task runs in-process on commit (no Redis): the full render
            rapportage = rapport_services.rapportage_aanvragen(
                door=door, soort=soort, gemeente=gemeente, periode_van=van, periode_tot=tot
            )
        duur = time.perf_counter() - start
    rapportage.refresh_from_db()
    pagina_s = "?"
    if rapportage.pdf:
        with rapportage.pdf.open("rb") as bestand:
            inhoud = bestand.read()
        pagina_s = _paginas(inhoud)
        grootte = len(inhoud) // 1024
    else:
        grootte = 0
    print(
        f"{soort:20} {rapportage.status:8} {duur:7.1f} s  {len(ctx.captured_queries):4d} queries  "
        f"{grootte:6d} KiB  pagina's: {pagina_s}"
    )


def main():
    verwerkingen = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    datalekken = int(sys.argv[2]) if len(sys.argv) > 2 else 1000
    from privacy_portal.organisaties import demo

    call_command("migrate", verbosity=0)
    gemeenten, gebruikers = demo.laad("bench")
    gemeente = gemeenten["voorbeeldstad"]
    po, fg = gebruikers["privacyofficer"], gebruikers["fg"]
    vul_register(gemeente, po, verwerkingen)
    vul_datalekken(gemeente, po, gebruikers["medewerker"], datalekken)

    client = Client()
    client.force_login(fg)
    for url in ["/dashboard/", "/dashboard/?gemeente=voorbeeldstad", "/api/v1/dashboard", "/dashboard/rapportages/"]:
        meet_pagina(client, url)

    vandaag = timezone.localdate()
    jaar = vandaag.year
    k = (vandaag.month - 1) // 3 + 1
    kwartaal_van = date(jaar, 3 * (k - 1) + 1, 1)
    print(f"rapportages voor {verwerkingen} verwerkingen en {datalekken} datalekken:")
    meet_rapport(fg, gemeente, Soort.KWARTAALEVALUATIE, kwartaal_van, vandaag)
    meet_rapport(fg, gemeente, Soort.JAARVERSLAG, date(jaar, 1, 1), date(jaar, 12, 31))
    meet_rapport(fg, gemeente, Soort.REGISTER_OPENBAAR)
    meet_rapport(fg, gemeente, Soort.REGISTER)


if __name__ == "__main__":
    main()
