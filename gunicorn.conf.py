"""gunicorn settings for the web container (Dockerfile CMD)."""

import os
import shutil

from prometheus_client import multiprocess

bind = "0.0.0.0:8000"
workers = int(os.environ.get("WEB_CONCURRENCY", "3"))
accesslog = "-"


def on_starting(server):
    """Start with an empty metrics store: values of a previous run would be counted again."""
    map_ = os.environ.get("PROMETHEUS_MULTIPROC_DIR")
    if map_:
        shutil.rmtree(map_, ignore_errors=True)
        os.makedirs(map_, exist_ok=True)


def child_exit(server, worker):
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        multiprocess.mark_process_dead(worker.pid)
