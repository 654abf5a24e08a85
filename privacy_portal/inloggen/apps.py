from django.apps import AppConfig


class InloggenConfig(AppConfig):
    name = "privacy_portal.inloggen"
    verbose_name = "Inloggen (SSO en tweede factor)"
