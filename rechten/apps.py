from django.apps import AppConfig


class RechtenConfig(AppConfig):
    name = "rechten"
    verbose_name = "Betrokkenenverzoeken"

    def ready(self):
        from . import (
            dashboard,  # noqa: F401  registers the dashboard source
            scan,  # noqa: F401  registers the scan steps
            services,  # noqa: F401  registers the calendar hook (termijnen_herberekenen)
        )
