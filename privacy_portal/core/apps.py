from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "privacy_portal.core"
    label = "core"
    verbose_name = "Gedeelde kern"
