"""The likelihood x impact matrix as server-side SVG, for the page and the PDF (WeasyPrint runs no JavaScript).

The picture has a title and a description (the text alternative); every page that shows it also
shows the same risks as a data table. Colour is never the only carrier: each cell names its level.
"""

from django.utils.html import escape
from django.utils.safestring import mark_safe

from .constants import Niveau
from .regels import MATRIX

KLEUREN = {Niveau.LAAG: "#cfe8d4", Niveau.MIDDEN: "#fde3a0", Niveau.HOOG: "#f3b6b6"}
VOLGORDE = [Niveau.LAAG, Niveau.MIDDEN, Niveau.HOOG]

CEL_B, CEL_H = 118, 74
LINKS, BOVEN = 118, 16


def omschrijving(risicos) -> str:
    """The text alternative: every risk with its likelihood, impact and level."""
    risicos = list(risicos)
    if not risicos:
        return "Er zijn nog geen risico's beschreven."
    delen = [
        f"{r.code}: kans {Niveau(r.kans).label.lower()}, impact {Niveau(r.impact).label.lower()}, "
        f"risico {Niveau(r.niveau).label.lower()}"
        for r in risicos
    ]
    return f"{len(risicos)} {'risico' if len(risicos) == 1 else 'risico’s'}. " + "; ".join(delen) + "."


def risicomatrix_svg(risicos, *, id_="risicomatrix") -> str:
    """An SVG (safe HTML) of the 3 x 3 matrix with the risk codes in their cells."""
    risicos = list(risicos)
    per_cel = {}
    for r in risicos:
        per_cel.setdefault((r.kans, r.impact), []).append(r.code)
    breedte = LINKS + 3 * CEL_B + 8
    hoogte = BOVEN + 3 * CEL_H + 56
    delen = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="risicomatrix" role="img" width="{breedte}" height="{hoogte}" '
        f'viewBox="0 0 {breedte} {hoogte}" aria-labelledby="{id_}-titel {id_}-omschrijving">',
        f'<title id="{id_}-titel">Risicomatrix: kans maal impact</title>',
        f'<desc id="{id_}-omschrijving">{escape(omschrijving(risicos))}</desc>',
        '<g font-family="Noto Sans, DejaVu Sans, sans-serif" fill="#1a1a1a">',
    ]
    for rij, kans in enumerate(reversed(VOLGORDE)):  # high likelihood on top
        y = BOVEN + rij * CEL_H
        delen.append(
            f'<text x="{LINKS - 8}" y="{y + CEL_H / 2 + 5}" font-size="13" text-anchor="end">'
            f"{Niveau(kans).label}</text>"
        )
        for kolom, impact in enumerate(VOLGORDE):
            x = LINKS + kolom * CEL_B
            niveau = MATRIX[kans][impact]
            codes = per_cel.get((kans, impact), [])
            delen.append(
                f'<rect x="{x}" y="{y}" width="{CEL_B}" height="{CEL_H}" fill="{KLEUREN[niveau]}" '
                f'stroke="#ffffff" stroke-width="2"/>'
            )
            delen.append(
                f'<text x="{x + 8}" y="{y + 17}" font-size="11" fill="#333333">{Niveau(niveau).label.lower()}</text>'
            )
            if codes:
                regels = [", ".join(codes[i : i + 3]) for i in range(0, len(codes), 3)]
                for n, regel in enumerate(regels[:3]):
                    delen.append(
                        f'<text x="{x + CEL_B / 2}" y="{y + 40 + n * 16}" font-size="14" font-weight="700" '
                        f'text-anchor="middle">{escape(regel)}</text>'
                    )
    onder = BOVEN + 3 * CEL_H
    for kolom, impact in enumerate(VOLGORDE):
        delen.append(
            f'<text x="{LINKS + kolom * CEL_B + CEL_B / 2}" y="{onder + 18}" font-size="13" '
            f'text-anchor="middle">{Niveau(impact).label}</text>'
        )
    delen.append(
        f'<text x="{LINKS + 1.5 * CEL_B}" y="{onder + 42}" font-size="13" font-weight="700" '
        f'text-anchor="middle">Impact →</text>'
    )
    delen.append(
        f'<text x="18" y="{BOVEN + 1.5 * CEL_H}" font-size="13" font-weight="700" text-anchor="middle" '
        f'transform="rotate(-90 18 {BOVEN + 1.5 * CEL_H})">Kans →</text>'
    )
    delen.append("</g></svg>")
    return mark_safe("".join(delen))  # noqa: S308  every text in it is escaped above
