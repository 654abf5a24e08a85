"""Benchmark at the size of a large installation: the public register and its open data behind
gunicorn, and the deadline scan. Prints ratios measured in one run; asserts nothing.

    python bench/schaal.py [--gemeenten 10] [--verwerkingen 1000] [--open 10000] [--seconden 4]

- Pages: throughput (requests per second, 4 clients) of each page against a 404 page of the same
  server in the same run (measured before and after the others), because absolute numbers on a
  shared machine mean little. gunicorn with two sync workers, DEBUG off.
- Scan: the time of one deadline scan against a SQL count of the due rows (the least work any
  scan must do), with the number of queries: once with nothing new due (steady state: the scan
  runs every five minutes) and once a day later (some 1,000 reminders newly due).

Needs PostgreSQL and Redis: it creates a throwaway database on the server of DATABASE_URL
(default postgres://postgres@127.0.0.1:5432) and drops it afterwards, and uses Redis database 3 of
the server of REDIS_URL (default 127.0.0.1:6379; flushed at the start and the end). The data is
made quickly: one verwerking and one verzoek per gemeente through the real services, the rest
copied from them in bulk (no history rows; the pages do not read them).
"""

import argparse
import http.client
import os
import random
import statistics
import subprocess
import sys
import threading
import time
import uuid
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlparse

BASIS = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASIS))

DB_NAAM = f"pp_bench_{os.getpid()}"
_server = urlparse(os.environ.get("DATABASE_URL") or "postgres://postgres@127.0.0.1:5432/postgres")
if _server.scheme not in ("postgres", "postgresql", "pgsql"):
    sys.exit("bench/schaal.py meet op PostgreSQL: zet DATABASE_URL op een PostgreSQL-server.")
PG = {
    "host": _server.hostname or "127.0.0.1",
    "port": str(_server.port or 5432),
    "user": _server.username or "postgres",
}
_redis = urlparse(os.environ.get("REDIS_URL") or "redis://127.0.0.1:6379/1")

OMGEVING = {
    "DATABASE_URL": f"postgres://{PG['user']}@{PG['host']}:{PG['port']}/{DB_NAAM}",
    "REDIS_URL": f"redis://{_redis.hostname}:{_redis.port or 6379}/3",
    "DJANGO_SETTINGS_MODULE": "privacy_portal.settings",
    "DEBUG": "false",
    "AXES_ENABLED": "false",
    "LOG_LEVEL": "WARNING",
    "EMAIL_BACKEND": "django.core.mail.backends.dummy.EmailBackend",
    "ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
}
os.environ.update(OMGEVING)


def _psql(*args):
    subprocess.run(["dropdb" if args[0] == "drop" else "createdb", "-h", PG["host"], "-p", PG["port"], "-U", PG["user"],
                    *(["--if-exists"] if args[0] == "drop" else []), DB_NAAM], check=True)  # fmt: skip


def _redis_leeg():
    import redis

    redis.Redis.from_url(OMGEVING["REDIS_URL"]).flushdb()


# --- data -------------------------------------------------------------------------------------


def _kopieer(obj, **anders):
    """An unsaved copy of obj with other values for some fields (no id, a new uuid)."""
    velden = {f.attname: getattr(obj, f.attname) for f in obj._meta.concrete_fields if not f.primary_key}
    if "uuid" in velden:
        velden["uuid"] = uuid.uuid4()
    velden.update(anders)
    return type(obj)(**velden)


def _bulk(model, objecten):
    from django.db.models import QuerySet

    return QuerySet(model=model).bulk_create(objecten, batch_size=1000)  # the bench only: no history rows


def bouw(aantal_gemeenten, per_gemeente, open_items):
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.utils import timezone

    from privacy_portal.organisaties import demo
    from privacy_portal.organisaties.models import RolToewijzing, Team
    from privacy_portal.organisaties.rollen import Rol
    from rechten import services as rechten_services
    from rechten.models import Taak, Verzoek
    from registers import services as register_services
    from registers.demo import _inhoud
    from registers.demo_data import VERWERKINGEN
    from registers.models import Verwerking, VerwerkingVersie

    start = time.perf_counter()
    gemeenten, gebruikers = demo.laad("bench")
    basis = gemeenten["voorbeeldstad"]
    User = get_user_model()
    for i in range(len(gemeenten), aantal_gemeenten):
        slug = f"gemeente-{i:02d}"
        demo.GEMEENTEN[slug] = f"Gemeente {i:02d}"
    gemeenten, _ = demo.laad("bench")
    lijst = sorted(gemeenten.values(), key=lambda g: g.pk)[:aantal_gemeenten]
    for gemeente in lijst:  # a privacy officer, an FG and a teammanager per team in every gemeente
        if gemeente == basis:
            continue
        for rol in (Rol.PRIVACY_OFFICER, Rol.FG):
            user = User.objects.create(username=f"{rol}-{gemeente.slug}", email=f"{rol}@{gemeente.slug}.example")
            RolToewijzing.objects.create(gebruiker=user, rol=rol, gemeente=gemeente)
        for team in Team.objects.filter(gemeente=gemeente):
            user = User.objects.create(username=f"tm-{team.pk}", email=f"tm-{team.pk}@{gemeente.slug}.example")
            RolToewijzing.objects.create(gebruiker=user, rol=Rol.TEAMMANAGER, gemeente=gemeente, team=team)
    voorbeeld = next(v for v in VERWERKINGEN if v["status"] == "vastgesteld")
    nu = timezone.now()
    vandaag = timezone.localdate(nu)
    kans = random.Random(14)
    for g_index, gemeente in enumerate(lijst):
        po = User.objects.filter(rollen__gemeente=gemeente, rollen__rol=Rol.PRIVACY_OFFICER).first()
        # the register: one verwerking through the services, the others copied from it
        verwerking = register_services.verwerking_aanmaken(
            door=po, gemeente=gemeente, gegevens=_inhoud(dict(voorbeeld, naam="Verwerking 0000"), gemeente)
        )
        register_services.verwerking_indienen(verwerking=verwerking, door=po)
        register_services.verwerking_goedkeuren(verwerking=verwerking, door=po)
        verwerking.refresh_from_db()
        versie = verwerking.gepubliceerde_versie
        teams = list(Team.objects.filter(gemeente=gemeente))
        nieuw = _bulk(
            Verwerking,
            [
                _kopieer(
                    verwerking,
                    naam=f"Verwerking {i:04d}",
                    team_id=teams[i % len(teams)].pk,
                    gepubliceerde_versie_id=None,
                )  # fmt: skip
                for i in range(1, per_gemeente)
            ],
        )
        _bulk(
            VerwerkingVersie,
            [_kopieer(versie, verwerking_id=v.pk, naam=v.naam, team_id=v.team_id, volgnummer=1) for v in nieuw],
        )
        # open verzoeken: deadlines from three days ago to 30 days ahead; one in four with an open task
        verzoek = rechten_services.verzoek_registreren(
            door=po,
            gemeente=gemeente,
            gegevens={
                "soorten": ["inzage"],
                "kanaal": "brief",
                "ontvangen_op": vandaag,
                "verzoeker_naam": "Bench",
                "verzoeker_adres": "Postbus 1",
            },  # fmt: skip
        )
        aantal = open_items // len(lijst) + (1 if g_index < open_items % len(lijst) else 0)
        verzoeken = _bulk(
            Verzoek,
            [
                _kopieer(verzoek, deadline=vandaag + timedelta(days=kans.randint(-3, 30)), aangemaakt_op=nu)
                for _ in range(aantal - 1)
            ],
        )
        _bulk(
            Taak,
            [
                Taak(
                    verzoek=v,
                    gemeente=gemeente,
                    team=teams[j % len(teams)],
                    omschrijving="Zoeken",
                    toegewezen_op=nu,
                    toegewezen_door=po,
                )  # fmt: skip
                for j, v in enumerate(verzoeken)
                if j % 4 == 0
            ],
        )
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE registers_verwerking v SET gepubliceerde_versie_id = vv.id FROM registers_verwerkingversie vv "
            "WHERE vv.verwerking_id = v.id AND v.gepubliceerde_versie_id IS NULL"
        )
        cursor.execute("ANALYZE")
    print(
        f"data: {len(lijst)} gemeenten × {Verwerking.objects.filter(gemeente=lijst[-1]).count()} vastgestelde "
        f"verwerkingen, {Verzoek.objects.count()} open verzoeken ({Taak.objects.count()} open taken) "
        f"in {time.perf_counter() - start:.0f} s"
    )
    return lijst


# --- the scan ---------------------------------------------------------------------------------


def _sql_telling(vandaag):
    """A SQL count of the due rows: open verzoeken whose deadline is at most a week away or past."""
    from django.db.models import Q

    from rechten.constants import OPEN_STATUSSEN
    from rechten.models import Verzoek

    week = vandaag + timedelta(days=7)
    termijn = Q(verlengd_tot__lte=week) | Q(verlengd_tot__isnull=True, deadline__lte=week)
    return Verzoek.objects.filter(termijn, status__in=OPEN_STATUSSEN).count()


def _meet_scan(nu):
    from django.db import connection, transaction

    from privacy_portal.core.scanner import termijnen_bewaken
    from privacy_portal.notificaties.models import Notificatie

    voor = Notificatie.objects.count()
    queries = [0]

    def tel(execute, sql, params, many, context):
        queries[0] += 1
        return execute(sql, params, many, context)

    with connection.execute_wrapper(tel):
        start = time.perf_counter()
        with transaction.atomic():  # as the task runs it: the e-mails are queued when it commits
            termijnen_bewaken(herkomst="bench", nu=nu)
        duur = time.perf_counter() - start
    # the worker sends the e-mails: without it every next scan would queue them again
    Notificatie.objects.filter(email_verzonden_op__isnull=True).update(email_verzonden_op=nu)
    return duur, queries[0], Notificatie.objects.count() - voor


def scan():
    from django.utils import timezone

    vandaag_nu = timezone.now()
    vandaag = timezone.localdate(vandaag_nu)
    tellingen = []
    for _ in range(5):
        start = time.perf_counter()
        due = _sql_telling(vandaag)
        tellingen.append(time.perf_counter() - start)
    telling = statistics.median(tellingen)
    eerste = _meet_scan(vandaag_nu)
    rust = [_meet_scan(vandaag_nu + timedelta(minutes=5 * i)) for i in range(1, 3)]
    rust_duur = min(r[0] for r in rust)
    later = _meet_scan(vandaag_nu + timedelta(days=1))
    print(f"\nscan: SQL-telling van de {due} rijen met een termijn binnen een week: {telling * 1000:.1f} ms")
    rijen = [
        ("eerste scan (alles inhalen)", eerste[0], eerste[1], eerste[2]),
        ("niets nieuw (elke 5 minuten)", rust_duur, rust[0][1], rust[0][2]),
        ("een dag later (nieuw aan de beurt)", later[0], later[1], later[2]),
    ]
    print(f"| {'scan':36} | tijd | × SQL-telling | queries | nieuwe meldingen |")
    print(f"|{'-' * 38}|------|---------------|---------|------------------|")
    for naam, duur, queries, nieuw in rijen:
        print(f"| {naam:36} | {duur:.2f} s | {duur / telling:.0f}× | {queries} | {nieuw} |")


# --- pages ------------------------------------------------------------------------------------


def _vrije_poort():
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _doorvoer(poort, pad, seconden, klanten=4):
    """Requests per second with `klanten` clients, each request on a new connection."""
    stop = time.perf_counter() + seconden
    tellers = [0] * klanten
    fouten = []

    def klant(i):
        while time.perf_counter() < stop:
            verbinding = http.client.HTTPConnection("127.0.0.1", poort, timeout=60)
            verbinding.request("GET", pad)
            antwoord = verbinding.getresponse()
            antwoord.read()
            verbinding.close()
            if antwoord.status not in (200, 404):
                fouten.append(antwoord.status)
            tellers[i] += 1

    start = time.perf_counter()
    draden = [threading.Thread(target=klant, args=(i,)) for i in range(klanten)]
    for draad in draden:
        draad.start()
    for draad in draden:
        draad.join()
    if fouten:
        print(f"  {pad}: fouten {sorted(set(fouten))}")
    return sum(tellers) / (time.perf_counter() - start)


def _queries(pad):
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client()
    client.get(pad)  # warm (a cached page costs nothing the second time: count the cold one below)
    from django.core.cache import cache

    cache.clear()
    with CaptureQueriesContext(connection) as ctx:
        antwoord = client.get(pad)
        if hasattr(antwoord, "streaming_content"):
            b"".join(antwoord.streaming_content)
    return len(ctx.captured_queries), antwoord.status_code


def paginas(gemeenten, seconden):
    from registers.models import Verwerking

    laatste = gemeenten[-1]
    verwerking = Verwerking.objects.filter(gemeente=laatste).order_by("pk").last()
    paden = [
        ("openbare registerpagina (10e gemeente)", f"/register/{laatste.slug}/"),
        ("openbare registerpagina, pagina 20", f"/register/{laatste.slug}/?pagina=20"),
        ("openbare registerpagina (1e gemeente)", f"/register/{gemeenten[0].slug}/"),
        ("openbare verwerking", f"/register/{laatste.slug}/{verwerking.uuid}/"),
        ("open data API", f"/api/v1/openbaar/verwerkingen?gemeente={laatste.slug}"),
        ("open data CSV-download", f"/register/{laatste.slug}/verwerkingen.csv"),
        ("open data JSON-download", f"/register/{laatste.slug}/verwerkingen.json"),
    ]
    queries = {pad: _queries(pad) for _, pad in paden}
    poort = _vrije_poort()
    server = subprocess.Popen(
        [
            str(BASIS / ".venv/bin/gunicorn"),
            "privacy_portal.wsgi",
            "-w",
            "2",
            "-b",
            f"127.0.0.1:{poort}",
            "--log-level",
            "warning",
            "--timeout",
            "120",
        ],  # fmt: skip
        cwd=BASIS,
        env={**os.environ},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,  # the 404 page logs a warning per request
    )
    try:
        for _ in range(100):
            try:
                verbinding = http.client.HTTPConnection("127.0.0.1", poort, timeout=2)
                verbinding.request("GET", "/bestaat-niet/")
                verbinding.getresponse().read()
                break
            except OSError:
                time.sleep(0.2)
        for _, pad in paden:  # warm both workers (imports, templates, cache)
            _doorvoer(poort, pad, 0.5)
        niets = [_doorvoer(poort, "/bestaat-niet/", seconden)]
        gemeten = [(naam, pad, _doorvoer(poort, pad, seconden)) for naam, pad in paden]
        niets.append(_doorvoer(poort, "/bestaat-niet/", seconden))
    finally:
        server.terminate()
        server.wait(timeout=30)
    basis = statistics.mean(niets)
    print(
        f"\npagina's: gunicorn, 2 workers; 404-pagina {basis:.0f} verzoeken/s (voor {niets[0]:.0f}, na {niets[1]:.0f})"
    )
    print(f"| {'pagina':40} | verzoeken/s | deel van de 404-pagina | queries |")
    print(f"|{'-' * 42}|-------------|------------------------|---------|")
    for naam, pad, doorvoer in gemeten:
        aantal, status = queries[pad]
        print(f"| {naam:40} | {doorvoer:11.1f} | {doorvoer / basis:22.3f} | {aantal if status == 200 else status:7} |")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gemeenten", type=int, default=10)
    parser.add_argument("--verwerkingen", type=int, default=1000, help="vastgestelde verwerkingen per gemeente")
    parser.add_argument("--open", type=int, default=10000, help="open verzoeken voor de scan")
    parser.add_argument("--seconden", type=float, default=4, help="meetduur per pagina")
    args = parser.parse_args()
    _psql("drop")
    _psql("create")
    _redis_leeg()
    try:
        import django

        django.setup()
        import logging

        logging.disable(logging.WARNING)  # a log line per reminder would be measured too
        from django.core.management import call_command
        from django.db import connection

        call_command("migrate", verbosity=0)
        gemeenten = bouw(args.gemeenten, args.verwerkingen, args.open)
        scan()
        paginas(gemeenten, args.seconden)
        connection.close()
    finally:
        _redis_leeg()
        _psql("drop")


if __name__ == "__main__":
    main()
