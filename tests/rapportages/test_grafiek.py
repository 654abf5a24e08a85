"""The server-side SVG bar chart: accessible (role, title, desc with the data), with the data as a
table next to it, well-formed for WeasyPrint, escaped, without inline style (CSP)."""

import xml.etree.ElementTree as ET

from privacy_portal.core.grafiek import staafgrafiek

SVG = "{http://www.w3.org/2000/svg}"


def _grafiek(**kwargs):
    standaard = {
        "titel": "Datalekken per kwartaal",
        "labels": ["2026 K1", "2026 K2", "2026 K3"],
        "reeksen": [("Gemeld", [3, 0, 7]), ("Te laat", [1, 0, 2])],
        "beschrijving": "Aantal per kwartaal.",
        "id": "g1",
    }
    return staafgrafiek(**(standaard | kwargs))


def test_svg_heeft_rol_titel_en_beschrijving_met_de_gegevens():
    grafiek = _grafiek()
    svg = ET.fromstring(str(grafiek.svg))
    assert svg.get("role") == "img" and svg.get("aria-labelledby") == "g1-titel g1-desc"
    assert svg.find(f"{SVG}title").text == "Datalekken per kwartaal"
    assert svg.find(f"{SVG}title").get("id") == "g1-titel"
    desc = svg.find(f"{SVG}desc").text
    assert desc.startswith("Aantal per kwartaal.")
    assert "2026 K3: Gemeld 7, Te laat 2" in desc
    assert svg.get("viewBox") == "0 0 640 240"
    # one bar per non-zero value, every value also printed as text
    assert len([r for r in svg.iter(f"{SVG}rect") if r.get("height")]) - 2 == 4  # minus the legend squares
    teksten = [t.text for t in svg.iter(f"{SVG}text")]
    assert {"2026 K1", "2026 K2", "2026 K3", "Gemeld", "Te laat", "7"} <= set(teksten)
    assert "style=" not in str(grafiek.svg)


def test_gegevens_als_tabel_naast_de_grafiek():
    grafiek = _grafiek(reeksen=[("Gemeld", [3, 0, 7], ["/l1", "", "/l3"])], tabel_klasse="utrecht-table")
    html = str(grafiek)
    assert html.startswith('<figure class="grafiek"') and "<figcaption" in html
    assert html.index("<svg") < html.index("<table")
    tabel = ET.fromstring(html[html.index("<table") : html.index("</table>") + 8])
    assert tabel.get("class") == "grafiek__tabel utrecht-table"
    assert tabel.find("caption").text == "Gegevens bij de grafiek: Datalekken per kwartaal"
    assert [th.get("scope") for th in tabel.iter("th")] == ["col", "col", "row", "row", "row"]
    cellen = [td for td in tabel.iter("td")]
    assert cellen[0].find("a").get("href") == "/l1" and cellen[1].text == "0" and cellen[1].find("a") is None


def test_tekst_wordt_ontsnapt():
    grafiek = _grafiek(titel="<script>alert(1)</script>", labels=["<b>", "x", "y"])
    html = str(grafiek)
    assert "<script>" not in html and "&lt;script&gt;" in html and "<b>" not in html
    ET.fromstring(str(grafiek.svg))  # still well-formed


def test_alleen_nullen_en_grote_getallen():
    leeg = ET.fromstring(str(_grafiek(reeksen=[("Gemeld", [0, 0, 0])]).svg))
    assert [r for r in leeg.iter(f"{SVG}rect")][1:] == []  # only the legend square
    groot = _grafiek(reeksen=[("Gemeld", [1234, 5, 999])])
    teksten = [t.text for t in ET.fromstring(str(groot.svg)).iter(f"{SVG}text")]
    assert "1234" in teksten and "1500" in teksten  # a round top of the axis above the highest bar


def test_unieke_ids_zonder_opgegeven_id():
    a = staafgrafiek(titel="a", labels=["x"], reeksen=[("r", [1])])
    b = staafgrafiek(titel="b", labels=["x"], reeksen=[("r", [1])])
    assert a.id != b.id


def test_grafiek_in_een_pdf():
    from weasyprint import HTML

    inhoud = HTML(string=f"<html lang='nl'><body>{_grafiek()}</body></html>").write_pdf(pdf_variant="pdf/ua-1")
    assert inhoud.startswith(b"%PDF")
