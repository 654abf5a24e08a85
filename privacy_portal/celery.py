"""The Celery app. Beat runs one periodic deadline scan (see privacy_portal.core.scanner)."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "privacy_portal.settings")

app = Celery("privacy_portal")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
