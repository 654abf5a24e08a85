"""Check the audit log's hash chains: every row unchanged, none missing, none added in between.

Exit code 0 when every chain is whole; otherwise the first broken row of each broken chain is
reported and the exit code is 1. Meant for the CISO and for monitoring (docs/beveiliging.md).
"""

from django.core.management.base import BaseCommand, CommandError

from privacy_portal.core.audit import verifieer


class Command(BaseCommand):
    help = "Controleert de hashketens van het auditlog en meldt de eerste gebroken regel (exitcode 1)."

    def handle(self, *args, **options):
        breuken = []
        uitkomsten = verifieer()
        for sleutel, aantal, breuk in uitkomsten:
            if breuk is None:
                self.stdout.write(f"Keten {sleutel}: {aantal} regels, in orde.")
            else:
                breuken.append(breuk)
                self.stdout.write(f"Keten {sleutel}: GEBROKEN na {aantal} goede regels. {breuk}")
        if breuken:
            raise CommandError(f"Het auditlog is niet intact: {len(breuken)} gebroken keten(s). Eerste: {breuken[0]}")
        self.stdout.write(self.style.SUCCESS(f"Het auditlog is intact ({len(uitkomsten)} keten(s))."))
