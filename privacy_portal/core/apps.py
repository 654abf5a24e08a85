from django.apps import AppConfig

from .registers import Navigatie, Register


class CoreConfig(AppConfig):
    name = "privacy_portal.core"
    label = "core"
    verbose_name = "Gedeelde kern"
    # The kernel's own pages plug in through the same contract as a register's.
    register = Register(
        naam="Auditlog",
        volgorde=90,
        pad="auditlog/",
        urls="privacy_portal.core.urls",
        navigatie=(Navigatie("Auditlog", "auditlog:lijst", ("core.view_auditevent",), volgorde=90),),
    )

    def ready(self):
        from django.db.backends.signals import connection_created
        from django.db.models.signals import post_migrate

        from . import audit_scan, audit_signalen, audit_triggers, blokkade, kalender_db, registers  # noqa: F401

        kalender_db.verbind_signalen()
        registers.laad_modules()
        audit_signalen.verbind()
        connection_created.connect(audit_triggers.registreer_sqlite_functie, dispatch_uid="audit_sqlite_functie")
        post_migrate.connect(audit_triggers.na_migratie, sender=self, dispatch_uid="audit_triggers")
