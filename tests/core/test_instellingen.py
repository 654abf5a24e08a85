"""Production settings pass Django's deploy check; docker-compose describes the production layout."""

import os
import subprocess
import sys
from pathlib import Path

import yaml
from django.conf import settings

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
