"""Template helpers of the dashboard and the reports: a trend as an accessible SVG chart with its table."""

from django import template

from privacy_portal.core.grafiek import staafgrafiek

register = template.Library()


@register.simple_tag
def trend_grafiek(trend, sleutel, nummer, tabel_klasse="", breedte=640, hoogte=240):
    """The Trend of a dashboard section as a bar chart (SVG with title and desc) plus its data table."""
    return staafgrafiek(
        titel=trend.titel,
        labels=trend.kwartalen,
        reeksen=[(r.naam, r.waarden, r.links) for r in trend.reeksen],
        beschrijving=trend.beschrijving,
        id=f"grafiek-{sleutel}-{nummer}",
        tabel_klasse=tabel_klasse,
        breedte=breedte,
        hoogte=hoogte,
    )


@register.filter
def met_links(tabel):
    """[(rij, link)] of a Tabel; link is "" where the row has none."""
    links = list(tabel.links) + [""] * (len(tabel.rijen) - len(tabel.links))
    return list(zip(tabel.rijen, links, strict=False))


@register.filter
def iso_moment(waarde):
    """An ISO 8601 moment from the stored gegevensstand as local 'dd-mm-jjjj hh:mm'."""
    from django.utils import timezone
    from django.utils.dateparse import parse_datetime

    moment = parse_datetime(waarde) if isinstance(waarde, str) else None
    if moment is None:
        return waarde or "—"
    return f"{timezone.localtime(moment):%d-%m-%Y %H:%M}"


@register.filter
def is_getal(waarde):
    """True for a cell that holds just a number (right-aligned in tables)."""
    return isinstance(waarde, int | float) or (isinstance(waarde, str) and waarde.strip().lstrip("-").isdigit())


@register.filter
def cijfer_matrix(cijfers):
    """Single figures and the grouped ones as a table (privacy_portal.core.dashboard.groepeer)."""
    from privacy_portal.core.dashboard import groepeer

    return groepeer(cijfers)
