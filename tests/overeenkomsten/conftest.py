"""Fixtures of the agreements tests: private storage in a temporary folder per test."""

import pytest


@pytest.fixture(autouse=True)
def prive_opslag(settings, tmp_path):
    """Uploaded documents go to a temporary folder, never to var/media."""
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path / "prive"), "base_url": "/niet-openbaar/"},
        },
    }
    return tmp_path / "prive"
