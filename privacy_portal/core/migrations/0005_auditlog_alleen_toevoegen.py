# The audit log becomes append-only: every row in a chain, and triggers that refuse UPDATE and DELETE.

import django.db.models.deletion
from django.db import migrations, models

from privacy_portal.core import audit_triggers


def triggers(apps, schema_editor):
    audit_triggers.installeer(schema_editor.connection)


def triggers_weg(apps, schema_editor):
    audit_triggers.verwijder(schema_editor.connection)


class Migration(migrations.Migration):

    dependencies = [
        ('core', '0004_auditlog_keten'),
    ]

    operations = [
        migrations.AlterField(
            model_name='auditevent',
            name='hash',
            field=models.CharField(max_length=64, verbose_name='hash'),
        ),
        migrations.AlterField(
            model_name='auditevent',
            name='keten',
            field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='regels', to='core.auditketen', verbose_name='keten'),
        ),
        migrations.AlterField(
            model_name='auditevent',
            name='volgnummer',
            field=models.PositiveBigIntegerField(verbose_name='volgnummer'),
        ),
        migrations.RunPython(triggers, triggers_weg),
    ]
