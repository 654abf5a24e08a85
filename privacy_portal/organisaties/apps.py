from django.apps import AppConfig


class OrganisatiesConfig(AppConfig):
    name = "privacy_portal.organisaties"
    label = "organisaties"
    verbose_name = "Organisaties en rollen"

    def ready(self):
        from .beheerder import zonder_superuser_kortsluiting

        zonder_superuser_kortsluiting()
