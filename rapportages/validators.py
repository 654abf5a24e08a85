"""Checks of a gemeente's house style: a readable colour and a real PNG or JPEG logo."""

from django.core.exceptions import ValidationError

MAX_LOGO_BYTES = 1024 * 1024
MIN_CONTRAST = 4.5


def _luminantie(hex_kleur: str) -> float:
    """Relative luminance (WCAG 2.1)."""
    kanalen = []
    for i in (1, 3, 5):
        c = int(hex_kleur[i : i + 2], 16) / 255
        kanalen.append(c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4)
    r, g, b = kanalen
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_met_wit(hex_kleur: str) -> float:
    return 1.05 / (_luminantie(hex_kleur) + 0.05)


def valideer_contrast(waarde):
    if not isinstance(waarde, str) or len(waarde) != 7 or not waarde.startswith("#"):
        return  # the format validator reports this
    try:
        contrast = contrast_met_wit(waarde)
    except ValueError:
        return
    if contrast < MIN_CONTRAST:
        tekst = f"{contrast:.1f}".replace(".", ",")
        raise ValidationError(
            f"Deze kleur is te licht voor tekst op wit (contrast {tekst}:1, minimaal 4,5:1). "
            "Kies een donkerdere kleur.",
            code="contrast",
        )


def valideer_logo(bestand):
    if bestand.size > MAX_LOGO_BYTES:
        raise ValidationError("Het logo is groter dan 1 MB.", code="te_groot")
    from PIL import Image, UnidentifiedImageError

    positie = bestand.tell() if hasattr(bestand, "tell") else 0
    try:
        bestand.seek(0)
        with Image.open(bestand) as beeld:
            formaat = beeld.format
            beeld.verify()
    except (UnidentifiedImageError, OSError, SyntaxError) as fout:
        raise ValidationError("Dit is geen afbeelding. Kies een PNG- of JPEG-bestand.", code="geen_beeld") from fout
    finally:
        bestand.seek(positie)
    if formaat not in ("PNG", "JPEG"):
        raise ValidationError("Kies een PNG- of JPEG-bestand.", code="formaat")
