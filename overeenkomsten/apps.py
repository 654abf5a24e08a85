from django.apps import AppConfig


class OvereenkomstenConfig(AppConfig):
    name = "overeenkomsten"
    verbose_name = "Verwerkersovereenkomsten en convenanten"

    def ready(self):
        from . import (
            dashboard,  # noqa: F401  registers the dashboard source
            scan,  # noqa: F401  registers the scan step
        )
