"""Load the demo portal: organisation, gemeenten, users and every register's demo records.

Safe to run again: it only adds what is missing. Each register adds its demo records here.
"""

import os

from django.core.management.base import BaseCommand
from django.db import transaction

from datalekken import demo as datalek_demo
from dpia import demo as dpia_demo
from overeenkomsten import demo as overeenkomst_demo
from privacy_portal.organisaties import demo as organisatie_demo
from rapportages import demo as rapportage_demo
from rechten import demo as verzoek_demo
from registers import demo as register_demo


class Command(BaseCommand):
    help = "Laadt de demogegevens (Voorbeeldstad en Randdorp, demogebruikers, verwerkingen)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--wachtwoord",
            default=None,
            help="Wachtwoord van nieuwe demogebruikers (standaard DEMO_PASSWORD of 'demo').",
        )

    @transaction.atomic
    def handle(self, *args, wachtwoord=None, **options):
        wachtwoord = wachtwoord or os.environ.get("DEMO_PASSWORD", "demo")
        gemeenten, gebruikers = organisatie_demo.laad(wachtwoord)
        aantal = register_demo.laad(
            gemeenten["voorbeeldstad"], privacy_officer=gebruikers["privacyofficer"], gebruikers=gebruikers
        )
        aantal += register_demo.laad(
            gemeenten["randdorp"],
            privacy_officer=gebruikers["privacyofficer-randdorp"],
            gebruikers=gebruikers,
            alleen_vastgesteld=True,
        )
        lekken = datalek_demo.laad(gemeenten["voorbeeldstad"], gebruikers=gebruikers)
        verzoek_demo.laad(gemeenten["voorbeeldstad"], gebruikers=gebruikers)
        dpia_demo.laad(gemeenten["voorbeeldstad"], gebruikers=gebruikers)
        overeenkomst_demo.laad(gemeenten["voorbeeldstad"], gebruikers=gebruikers)
        lekken += rapportage_demo.laad(gemeenten, gebruikers=gebruikers)
        self.stdout.write(
            self.style.SUCCESS(f"Demogegevens geladen ({aantal} nieuwe verwerkingen, {lekken} datalekken).")
        )
