from django.core.management.base import BaseCommand

from privacy_portal.organisaties.rechtentabel import markdown


class Command(BaseCommand):
    help = "Schrijft de tabel met rollen en rechten (voor docs/rechten.md)."

    def handle(self, *args, **options):
        self.stdout.write(markdown(), ending="")
