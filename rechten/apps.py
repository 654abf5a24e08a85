from django.apps import AppConfig


class RechtenConfig(AppConfig):
    name = "rechten"
    verbose_name = "Betrokkenenverzoeken"
