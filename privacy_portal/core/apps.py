from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "privacy_portal.core"
    label = "core"
    verbose_name = "Gedeelde kern"

    def ready(self):
        from . import blokkade, kalender_db, registers  # noqa: F401 (blokkade: its signal receiver)

        kalender_db.verbind_signalen()
        registers.laad_modules()
