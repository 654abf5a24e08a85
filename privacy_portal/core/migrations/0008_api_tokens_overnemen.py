"""The tokens of DRF's authtoken (stored in plain text) become API keys stored as a hash.

Each existing token keeps working as a read-and-write key until it expires 90 days after this
migration; its plain-text row is then deleted. The table stays (empty) for a possible return of the
app; rest_framework.authtoken is no longer installed.
"""

import hashlib
from datetime import timedelta

from django.db import migrations
from django.utils import timezone

GELDIG_NA_OVERNAME = timedelta(days=90)


def tokens_overnemen(apps, schema_editor):
    verbinding = schema_editor.connection
    if "authtoken_token" not in verbinding.introspection.table_names():
        return
    ApiSleutel = apps.get_model("core", "ApiSleutel")
    nu = timezone.now()
    with verbinding.cursor() as cursor:
        cursor.execute("SELECT key, user_id, created FROM authtoken_token")
        tokens = cursor.fetchall()
    for sleutel, gebruiker_id, aangemaakt in tokens:
        ApiSleutel.objects.create(
            gebruiker_id=gebruiker_id,
            naam="Overgenomen API-token",
            voorvoegsel=sleutel[:10],
            sleutel_hash=hashlib.sha256(sleutel.encode()).hexdigest(),
            bereik="lezen_en_schrijven",
            aangemaakt_op=aangemaakt or nu,
            verloopt_op=nu + GELDIG_NA_OVERNAME,
        )
    with verbinding.cursor() as cursor:
        cursor.execute("DELETE FROM authtoken_token")


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0007_api_sleutels"),
    ]

    operations = [
        migrations.RunPython(tokens_overnemen, migrations.RunPython.noop),
    ]
