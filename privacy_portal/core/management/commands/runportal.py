"""Serve the portal for development with the deadline scan running in-process (no Redis, no beat)."""

import threading

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import close_old_connections

from privacy_portal.core import scanner


def _scan_loop(stop: threading.Event):
    while not stop.is_set():
        close_old_connections()
        try:
            scanner.termijnen_bewaken(herkomst="in-proces")
        except Exception:  # keep the loop alive; the failure is logged and the next pass retries
            scanner.log.exception("termijnscan mislukt")
        stop.wait(settings.SCAN_INTERVAL_SECONDS)


class Command(BaseCommand):
    help = "Start de portal (ontwikkelserver) met de termijnscan in hetzelfde proces."

    def add_arguments(self, parser):
        parser.add_argument("addrport", nargs="?", default="127.0.0.1:8000")

    def handle(self, *args, addrport, **options):
        stop = threading.Event()
        threading.Thread(target=_scan_loop, args=(stop,), daemon=True, name="termijnscan").start()
        self.stdout.write(f"Termijnscan draait elke {settings.SCAN_INTERVAL_SECONDS} s in dit proces.")
        try:
            call_command("runserver", addrport, use_reloader=False)
        finally:
            stop.set()
