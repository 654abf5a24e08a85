"""Production settings pass Django's deploy check; docker-compose describes the production layout."""

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
import yaml
from django.conf import settings

from tests.celery_hulp import redis_voor_tests

BASE = Path(settings.BASE_DIR)


def test_productie_instellingen_doorstaan_check_deploy(tmp_path):
    # The browser tests set DJANGO_ALLOW_ASYNC_UNSAFE for this process; a deployment never has it.
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env |= {
        "DJANGO_ENV": "production",
        "SECRET_KEY": "k" * 64 + "-!Zq9#wLp2$vB7&nM4",
        "ALLOWED_HOSTS": "privacy.example.nl",
        "SITE_URL": "https://privacy.example.nl",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
    }
    resultaat = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=BASE,
        env=env,
        capture_output=True,
        text=True,
    )
    assert resultaat.returncode == 0, resultaat.stdout + resultaat.stderr


def test_productie_weigert_te_starten_zonder_secret_key(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "SECRET_KEY"}
    env.update({"DJANGO_ENV": "production", "ALLOWED_HOSTS": "x"})
    resultaat = subprocess.run(
        [sys.executable, "manage.py", "check"], cwd=BASE, env=env, capture_output=True, text=True
    )
    assert resultaat.returncode != 0 and "SECRET_KEY" in resultaat.stderr


def test_productie_weigert_te_starten_zonder_site_url(tmp_path):
    """Every link in an e-mail is built on SITE_URL: without it, links would not work."""
    env = {k: v for k, v in os.environ.items() if k != "SITE_URL"}
    env.update({"DJANGO_ENV": "production", "ALLOWED_HOSTS": "x", "SECRET_KEY": "k" * 64})
    resultaat = subprocess.run(
        [sys.executable, "manage.py", "check"], cwd=BASE, env=env, capture_output=True, text=True
    )
    assert resultaat.returncode != 0 and "SITE_URL" in resultaat.stderr


def test_docker_compose_heeft_web_worker_beat_postgres_en_redis_met_healthchecks():
    compose = yaml.safe_load((BASE / "docker-compose.yml").read_text())
    diensten = compose["services"]
    assert {"web", "worker", "beat", "db", "redis"} <= set(diensten)
    for naam in ("web", "worker", "db", "redis"):
        assert "healthcheck" in diensten[naam], naam
    assert diensten["worker"]["command"][:3] == ["celery", "-A", "privacy_portal"]
    assert "beat" in diensten["beat"]["command"]
    assert {"pgdata", "redisdata", "media"} <= set(compose["volumes"])
    assert (BASE / "Dockerfile").exists()
    assert "privacy_portal.wsgi:application" in (BASE / "Dockerfile").read_text()


def _vrije_poort():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_healthchecks_van_docker_compose_slagen_tegen_een_productie_opzet(tmp_path):
    """The compose file's own commands: migrate (with the first scan), gunicorn, then the probes.

    Production settings (only the portal's host name allowed, HTTPS redirect on) used to make the
    web probe fail with 400 or a redirect; here it must pass as written in docker-compose.yml.
    """
    compose = yaml.safe_load((BASE / "docker-compose.yml").read_text())
    diensten = compose["services"]
    env = {k: v for k, v in os.environ.items() if k not in {"DJANGO_ALLOW_ASYNC_UNSAFE", "DATABASE_URL"}}
    env |= {
        "DJANGO_ENV": "production",
        "SECRET_KEY": "k" * 64 + "-!Zq9#wLp2$vB7&nM4",
        "ALLOWED_HOSTS": "privacy.example.nl",
        "SITE_URL": "https://privacy.example.nl",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "REDIS_URL": redis_voor_tests(),
        "PROMETHEUS_MULTIPROC_DIR": str(tmp_path / "prometheus"),
        "LOG_LEVEL": "WARNING",
        # "python" in the compose commands is the image's Python: here, this virtualenv's
        "PATH": os.path.dirname(sys.executable) + os.pathsep + os.environ["PATH"],
    }

    def draai(opdracht):
        return subprocess.run(opdracht, cwd=BASE, env=env, capture_output=True, text=True, timeout=300)

    migreren = draai(diensten["migrate"]["command"])
    assert migreren.returncode == 0, migreren.stderr

    poort = _vrije_poort()
    gunicorn = [sys.executable, "-m", "gunicorn", "privacy_portal.wsgi:application", "--config", "gunicorn.conf.py"]
    web = subprocess.Popen([*gunicorn, "--bind", f"127.0.0.1:{poort}", "--workers", "2"], cwd=BASE, env=env)
    try:
        web_probe = diensten["web"]["healthcheck"]["test"][1:]
        probe = [deel.replace("127.0.0.1:8000", f"127.0.0.1:{poort}") for deel in web_probe]
        for _ in range(60):
            resultaat = draai(probe)
            if resultaat.returncode == 0:
                break
            time.sleep(0.5)
        assert resultaat.returncode == 0, resultaat.stderr

        beat = draai(diensten["beat"]["healthcheck"]["test"][1:])
        assert beat.returncode == 0, beat.stdout + beat.stderr

        metrics = urllib.request.urlopen(f"http://127.0.0.1:{poort}/metrics", timeout=5).read()
        assert b"django_http_requests_before_middlewares_total" in metrics  # gathered over both workers
    finally:
        web.terminate()
        web.wait(timeout=30)


def test_databaseverbindingen_blijven_open_met_gezondheidscontrole():
    env = {**os.environ, "CONN_MAX_AGE": "120"}
    code = (
        "from django.conf import settings as s; d = s.DATABASES['default']; "
        "print('conn', d['CONN_MAX_AGE'], d['CONN_HEALTH_CHECKS'])"
    )
    resultaat = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", code], cwd=BASE, env=env, capture_output=True, text=True
    )
    assert "conn 120 True" in resultaat.stdout, resultaat.stdout + resultaat.stderr
    assert settings.DATABASES["default"]["CONN_HEALTH_CHECKS"] is True


@pytest.mark.django_db
def test_postgresql_zonder_jit():
    from django.db import connection

    if connection.vendor != "postgresql":
        return  # SQLite has no JIT
    with connection.cursor() as cursor:
        cursor.execute("SHOW jit")
        assert cursor.fetchone()[0] == "off"
