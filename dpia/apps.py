from django.apps import AppConfig


class DpiaConfig(AppConfig):
    name = "dpia"
    verbose_name = "DPIA-register"

    def ready(self):
        from . import scan, services  # noqa: F401  registers the scan steps and the calendar callback
