from django.apps import AppConfig


class DpiaConfig(AppConfig):
    name = "dpia"
    verbose_name = "DPIA-register"

    def ready(self):
        from . import (
            dashboard,  # noqa: F401  registers the dashboard source
            scan,  # noqa: F401  registers the scan steps
            services,  # noqa: F401  registers the calendar callback
        )
