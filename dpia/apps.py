from django.apps import AppConfig


class DpiaConfig(AppConfig):
    name = "dpia"
    verbose_name = "DPIA-register"
