from django.apps import AppConfig


class DatalekkenConfig(AppConfig):
    name = "datalekken"
    verbose_name = "Datalekregister"
