from django.apps import AppConfig


class OrganisatiesConfig(AppConfig):
    name = "privacy_portal.organisaties"
    label = "organisaties"
    verbose_name = "Organisaties en rollen"
