"""Django's flush, able to empty the audit log on SQLite too.

Emptying the whole database is the one other thing allowed to remove audit rows (the test suite
does it between transactional tests). On PostgreSQL flush uses TRUNCATE, which the row triggers do
not see; on SQLite it deletes, and the DELETE trigger asks `pp_audit_opschonen()`.
"""

from django.core.management.commands.flush import Command as DjangoFlush

from privacy_portal.core.audit import leegmaken_toegestaan


class Command(DjangoFlush):
    def handle(self, **options):
        with leegmaken_toegestaan():
            return super().handle(**options)
