from django.apps import AppConfig


class RapportagesConfig(AppConfig):
    name = "rapportages"
    verbose_name = "Dashboard en rapportages"

    def ready(self):
        from . import (
            bronnen,  # noqa: F401  registers the dashboard sources of registers and datalekken
            scan,  # noqa: F401  registers the scan step that re-queues lost report tasks
        )
