from pathlib import Path

from django.conf import settings

from privacy_portal.organisaties.rechtentabel import markdown


def test_docs_rechten_is_gelijk_aan_de_rollentabel_in_de_code():
    docs = (Path(settings.BASE_DIR) / "docs" / "rechten.md").read_text(encoding="utf-8")
    assert docs == markdown(), "Draai: python manage.py rechtentabel > docs/rechten.md"
