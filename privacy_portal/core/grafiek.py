"""Accessible bar charts as server-side SVG, for web pages and WeasyPrint PDFs alike (no JavaScript).

`staafgrafiek(...)` returns a `Grafiek`: the SVG (role="img", with <title> and <desc> that state
the data in words) and the same data as a table, rendered next to each other by `{{ grafiek }}`
or separately (`grafiek.svg`, `grafiek.tabel()`). Only presentation attributes are used (no
inline style), so the page's Content-Security-Policy holds; colours have at least 3:1 contrast
against white and every value is also printed as text.
"""

import itertools
import math
from dataclasses import dataclass

from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe

# Dark enough for 3:1 (bars) and 4.5:1 (text) against white; told apart by the legend and the table.
PALET = ("#153b5c", "#b35900", "#2e7d32", "#6a1b9a", "#8a1538")
LETTER = "Noto Sans, DejaVu Sans, sans-serif"
_teller = itertools.count(1)


def _mooie_stap(maximum, doel_stappen=4):
    """A round step (1, 2, 5 x 10^n) that divides 0..maximum into about `doel_stappen` parts."""
    if maximum <= 0:
        return 1
    ruw = maximum / doel_stappen
    macht = 10 ** math.floor(math.log10(ruw))
    for factor in (1, 2, 5, 10):
        if factor * macht >= ruw:
            return max(1, factor * macht) if isinstance(maximum, int) else factor * macht
    return 10 * macht


def _getal(waarde):
    if waarde is None:
        return "–"
    if isinstance(waarde, float) and not waarde.is_integer():
        return f"{waarde:.1f}".replace(".", ",")
    return f"{int(waarde)}"


@dataclass
class Grafiek:
    titel: str
    beschrijving: str
    labels: list
    reeksen: list  # [(naam, [waarden], [links])]
    svg: SafeString
    id: str
    eenheid: str = ""
    tabel_klasse: str = ""

    def tabel(self, klasse=None) -> SafeString:
        """The data of the chart as a table (caption, th scope), with links where a list exists."""
        klasse = self.tabel_klasse if klasse is None else klasse
        kop = "".join(format_html('<th scope="col">{}</th>', naam) for naam, _, _ in self.reeksen)
        rijen = []
        for i, label in enumerate(self.labels):
            cellen = []
            for _, waarden, links in self.reeksen:
                tekst = _getal(waarden[i]) + (self.eenheid if waarden[i] is not None else "")
                link = links[i] if i < len(links) else ""
                inhoud = format_html('<a href="{}">{}</a>', link, tekst) if link else escape(tekst)
                cellen.append(format_html('<td class="getal">{}</td>', inhoud))
            rijen.append(format_html('<tr><th scope="row">{}</th>{}</tr>', label, mark_safe("".join(cellen))))  # noqa: S308
        return format_html(
            '<table class="grafiek__tabel {}" id="{}-tabel"><caption>{}</caption>'
            '<thead><tr><th scope="col">Kwartaal</th>{}</tr></thead><tbody>{}</tbody></table>',
            klasse,
            self.id,
            f"Gegevens bij de grafiek: {self.titel}",
            mark_safe(kop),  # noqa: S308 - built with format_html above
            mark_safe("".join(rijen)),  # noqa: S308
        )

    def __html__(self):
        return format_html(
            '<figure class="grafiek" aria-labelledby="{}-bijschrift">'
            '<figcaption class="grafiek__bijschrift" id="{}-bijschrift">{}</figcaption>'
            '<div class="grafiek__beeld">{}</div>{}</figure>',
            self.id,
            self.id,
            self.titel,
            self.svg,
            self.tabel(),
        )

    def __str__(self):
        return self.__html__()


def _tekst_beschrijving(labels, reeksen, eenheid):
    delen = []
    for i, label in enumerate(labels):
        waarden = ", ".join(f"{naam} {_getal(w[i])}{eenheid if w[i] is not None else ''}" for naam, w, _ in reeksen)
        delen.append(f"{label}: {waarden}")
    return "; ".join(delen) + "."


def staafgrafiek(
    *,
    titel,
    labels,
    reeksen,
    beschrijving="",
    eenheid="",
    breedte=640,
    hoogte=240,
    id=None,
    tabel_klasse="",
) -> Grafiek:
    """A (grouped) bar chart. `reeksen`: [(naam, waarden)] or [(naam, waarden, links)], one value per label."""
    reeksen = [(r[0], list(r[1]), list(r[2]) if len(r) > 2 else []) for r in reeksen]
    grafiek_id = id or f"grafiek-{next(_teller)}"
    links_marge, rechts_marge, boven, onder = 44, 12, 40, 34
    plot_b = breedte - links_marge - rechts_marge
    plot_h = hoogte - boven - onder
    waarden = [w for _, ws, _ in reeksen for w in ws if w is not None]
    maximum = max(waarden, default=0)
    stap = _mooie_stap(maximum)
    top = max(stap, math.ceil(maximum / stap) * stap) if maximum > 0 else stap * 4
    schaal = plot_h / top

    def y(waarde):
        return boven + plot_h - waarde * schaal

    delen = []
    # grid lines and y-axis labels
    tick = 0
    while tick <= top + 1e-9:
        delen.append(
            format_html(
                '<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="#d0d7de" stroke-width="1"/>'
                '<text x="{}" y="{}" text-anchor="end" font-size="11" fill="#4a4a4a">{}</text>',
                links_marge,
                f"{y(tick):.1f}",
                breedte - rechts_marge,
                f"{y(tick):.1f}",
                links_marge - 6,
                f"{y(tick) + 4:.1f}",
                _getal(tick),
            )
        )
        tick += stap
    # bars
    n = max(len(labels), 1)
    groep = plot_b / n
    m = max(len(reeksen), 1)
    balk = min(groep * 0.72 / m, 48)
    toon_waarden = n * m <= 48
    for i, label in enumerate(labels):
        start = links_marge + i * groep + (groep - balk * m) / 2
        for j, (_, ws, _) in enumerate(reeksen):
            waarde = ws[i] if i < len(ws) else None
            x = start + j * balk
            if waarde:
                delen.append(
                    format_html(
                        '<rect x="{}" y="{}" width="{}" height="{}" fill="{}"/>',
                        f"{x:.1f}",
                        f"{y(waarde):.1f}",
                        f"{max(balk - 2, 1):.1f}",
                        f"{waarde * schaal:.1f}",
                        PALET[j % len(PALET)],
                    )
                )
            if toon_waarden and waarde is not None:
                delen.append(
                    format_html(
                        '<text x="{}" y="{}" text-anchor="middle" font-size="10" fill="#1a1a1a">{}</text>',
                        f"{x + (balk - 2) / 2:.1f}",
                        f"{y(waarde or 0) - 3:.1f}",
                        _getal(waarde),
                    )
                )
        delen.append(
            format_html(
                '<text x="{}" y="{}" text-anchor="middle" font-size="11" fill="#1a1a1a">{}</text>',
                f"{links_marge + i * groep + groep / 2:.1f}",
                hoogte - onder + 16,
                label,
            )
        )
    # x axis
    delen.append(
        format_html(
            '<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="#4a4a4a" stroke-width="1"/>',
            links_marge,
            f"{y(0):.1f}",
            breedte - rechts_marge,
            f"{y(0):.1f}",
        )
    )
    # legend
    x = links_marge
    for j, (naam, _, _) in enumerate(reeksen):
        delen.append(
            format_html(
                '<rect x="{}" y="8" width="12" height="12" fill="{}"/>'
                '<text x="{}" y="18" font-size="11" fill="#1a1a1a">{}</text>',
                x,
                PALET[j % len(PALET)],
                x + 16,
                naam,
            )
        )
        x += 16 + 7 * len(naam) + 18

    tekst = _tekst_beschrijving(labels, reeksen, eenheid)
    volledige_beschrijving = f"{beschrijving} {tekst}".strip() if beschrijving else tekst
    svg = format_html(
        '<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="{id}-titel {id}-desc" '
        'viewBox="0 0 {b} {h}" width="{b}" height="{h}" font-family="{font}" class="grafiek__svg">'
        '<title id="{id}-titel">{titel}</title><desc id="{id}-desc">{desc}</desc>{inhoud}</svg>',
        id=grafiek_id,
        b=breedte,
        h=hoogte,
        font=LETTER,
        titel=titel,
        desc=volledige_beschrijving,
        inhoud=mark_safe("".join(delen)),  # noqa: S308 - every part is built with format_html
    )
    return Grafiek(
        titel=titel,
        beschrijving=volledige_beschrijving,
        labels=list(labels),
        reeksen=reeksen,
        svg=svg,
        id=grafiek_id,
        eenheid=eenheid,
        tabel_klasse=tabel_klasse,
    )
