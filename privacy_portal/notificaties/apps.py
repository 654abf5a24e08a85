from django.apps import AppConfig


class NotificatiesConfig(AppConfig):
    name = "privacy_portal.notificaties"
    label = "notificaties"
    verbose_name = "Notificaties"

    def ready(self):
        from . import scan  # noqa: F401  registers the scan step
