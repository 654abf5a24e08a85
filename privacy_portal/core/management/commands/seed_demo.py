"""Load the demo portal: organisation, gemeenten, users and every register's demo records.

Safe to run again: it only adds what is missing. Each register adds its part through its
declaration (`Register.demo`, see privacy_portal/core/registers.py). Refuses in production
(DJANGO_ENV=production): demo users with a known password do not belong there.
"""

import os

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils.module_loading import import_string

from privacy_portal.core.registers import registers
from privacy_portal.inloggen import demo as inloggen_demo
from privacy_portal.organisaties import demo as organisatie_demo


class Command(BaseCommand):
    help = "Laadt de demogegevens (Voorbeeldstad en Randdorp, demogebruikers, en elk register)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--wachtwoord",
            default=None,
            help="Wachtwoord van nieuwe demogebruikers (standaard DEMO_PASSWORD of 'demo').",
        )

    @transaction.atomic
    def handle(self, *args, wachtwoord=None, **options):
        if settings.PRODUCTION:
            raise CommandError(
                "seed_demo draait niet in productie (DJANGO_ENV=production): de demo maakt gebruikers "
                "met een bekend wachtwoord, zoals 'beheerder'. Gebruik een test- of demo-omgeving."
            )
        wachtwoord = wachtwoord or os.environ.get("DEMO_PASSWORD", "demo")
        gemeenten, gebruikers = organisatie_demo.laad(wachtwoord)
        inloggen_demo.laad(gemeenten)
        # Registers build on each other (a DPIA needs verwerkingen): registers() keeps that order.
        verslag = [import_string(r.demo)(gemeenten, gebruikers) for r in registers() if r.demo]
        self.stdout.write(self.style.SUCCESS(f"Demogegevens geladen ({', '.join(v for v in verslag if v)})."))
