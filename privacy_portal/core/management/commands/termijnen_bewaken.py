from django.core.management.base import BaseCommand

from privacy_portal.core import scanner


class Command(BaseCommand):
    help = "Voert de termijnscan één keer uit (dezelfde code als Celery beat)."

    def handle(self, *args, **options):
        run = scanner.termijnen_bewaken(herkomst="opdrachtregel")
        self.stdout.write(f"Termijnscan klaar: {run.resultaat}")
