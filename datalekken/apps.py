from django.apps import AppConfig


class DatalekkenConfig(AppConfig):
    name = "datalekken"
    verbose_name = "Datalekregister"

    def ready(self):
        from . import scan  # noqa: F401  registers the scan step
