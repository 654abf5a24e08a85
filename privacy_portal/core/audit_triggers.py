"""The database refuses changes to the audit log: triggers on PostgreSQL and SQLite.

PostgreSQL: UPDATE and DELETE of an audit row raise, except a DELETE by the retention
(`audit.opschonen_toegestaan()` sets `privacy_portal.audit_opschonen` for its transaction) of a row
older than its gemeente's retention. A chain's head is never deleted, its counter never goes
back, and its anchor moves only forward and only in the retention's transaction.

SQLite: UPDATE raises; DELETE raises unless the SQL function `pp_audit_opschonen()` (registered on
each connection, `registreer_sqlite_functie`) says the retention (or `manage.py flush`) is running.
SQLite drops a table's triggers when a migration rebuilds the table, so they are (re)installed
after every migrate as well (`CREATE TRIGGER IF NOT EXISTS`).
"""

POSTGRESQL = """
CREATE OR REPLACE FUNCTION core_auditevent_alleen_toevoegen() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    termijn integer;
BEGIN
    IF TG_OP = 'DELETE' AND current_setting('privacy_portal.audit_opschonen', true) = 'aan' THEN
        SELECT audit_bewaartermijn_maanden INTO termijn FROM organisaties_gemeente WHERE id = OLD.gemeente_id;
        IF OLD.tijdstip < now() - make_interval(months => COALESCE(termijn, 60)) THEN
            RETURN OLD;
        END IF;
        RAISE EXCEPTION 'Deze auditregel valt nog binnen de bewaartermijn en blijft bewaard.';
    END IF;
    RAISE EXCEPTION 'Het auditlog is alleen aan te vullen: % is niet toegestaan.', TG_OP;
END
$$;
DROP TRIGGER IF EXISTS core_auditevent_alleen_toevoegen ON core_auditevent;
CREATE TRIGGER core_auditevent_alleen_toevoegen BEFORE UPDATE OR DELETE ON core_auditevent
    FOR EACH ROW EXECUTE FUNCTION core_auditevent_alleen_toevoegen();

CREATE OR REPLACE FUNCTION core_auditketen_alleen_verder() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'Een auditketen wordt nooit verwijderd.';
    END IF;
    IF NEW.sleutel <> OLD.sleutel OR NEW.gemeente_id IS DISTINCT FROM OLD.gemeente_id
            OR NEW.laatste_volgnummer < OLD.laatste_volgnummer THEN
        RAISE EXCEPTION 'Een auditketen gaat alleen verder.';
    END IF;
    IF (NEW.anker_volgnummer, NEW.anker_hash) IS DISTINCT FROM (OLD.anker_volgnummer, OLD.anker_hash)
            AND (current_setting('privacy_portal.audit_opschonen', true) IS DISTINCT FROM 'aan'
                 OR NEW.anker_volgnummer < OLD.anker_volgnummer) THEN
        RAISE EXCEPTION 'Het anker van een auditketen verschuift alleen bij het opschonen.';
    END IF;
    RETURN NEW;
END
$$;
DROP TRIGGER IF EXISTS core_auditketen_alleen_verder ON core_auditketen;
CREATE TRIGGER core_auditketen_alleen_verder BEFORE UPDATE OR DELETE ON core_auditketen
    FOR EACH ROW EXECUTE FUNCTION core_auditketen_alleen_verder();
"""

POSTGRESQL_WEG = """
DROP TRIGGER IF EXISTS core_auditevent_alleen_toevoegen ON core_auditevent;
DROP FUNCTION IF EXISTS core_auditevent_alleen_toevoegen();
DROP TRIGGER IF EXISTS core_auditketen_alleen_verder ON core_auditketen;
DROP FUNCTION IF EXISTS core_auditketen_alleen_verder();
"""

SQLITE = (
    """CREATE TRIGGER IF NOT EXISTS core_auditevent_geen_update BEFORE UPDATE ON core_auditevent
    BEGIN SELECT RAISE(ABORT, 'Het auditlog is alleen aan te vullen: UPDATE is niet toegestaan.'); END""",
    """CREATE TRIGGER IF NOT EXISTS core_auditevent_geen_delete BEFORE DELETE ON core_auditevent
    WHEN pp_audit_opschonen() = 0
    BEGIN SELECT RAISE(ABORT, 'Het auditlog is alleen aan te vullen: DELETE is niet toegestaan.'); END""",
)

SQLITE_WEG = (
    "DROP TRIGGER IF EXISTS core_auditevent_geen_update",
    "DROP TRIGGER IF EXISTS core_auditevent_geen_delete",
)


def installeer(connection):
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(POSTGRESQL)
        elif connection.vendor == "sqlite":
            for sql in SQLITE:
                cursor.execute(sql)


def verwijder(connection):
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(POSTGRESQL_WEG)
        elif connection.vendor == "sqlite":
            for sql in SQLITE_WEG:
                cursor.execute(sql)


def registreer_sqlite_functie(sender, connection, **kwargs):
    """connection_created: the SQL function the SQLite DELETE trigger asks."""
    if connection.vendor == "sqlite":
        from .audit import opschonen_is_toegestaan

        connection.connection.create_function("pp_audit_opschonen", 0, opschonen_is_toegestaan)


def na_migratie(sender, using="default", **kwargs):
    """post_migrate: SQLite loses the triggers when a migration rebuilds the table."""
    from django.db import connections

    connection = connections[using]
    if connection.vendor == "sqlite" and "core_auditevent" in connection.introspection.table_names():
        installeer(connection)
