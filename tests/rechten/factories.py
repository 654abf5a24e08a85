"""Helpers that take verzoeken through the real services (one factory module for this app)."""

from datetime import date, datetime, time

from django.utils import timezone

from rechten import services


def moment(dag: date, uur=10, minuut=0):
    """An aware moment in Europe/Amsterdam on `dag`."""
    return timezone.make_aware(datetime.combine(dag, time(uur, minuut)))


def gegevens(**extra):
    basis = {
        "soorten": ["inzage"],
        "kanaal": "brief",
        "ontvangen_op": date(2026, 3, 3),
        "verzoeker_naam": "Jantje Geheimnaam",
        "verzoeker_email": "jantje.geheim@example.org",
        "verzoeker_telefoon": "06 99887766",
        "verzoeker_adres": "Geheimstraat 12\n9999 ZZ Nergenshuizen",
        "omschrijving": "Ik wil mijn dossier bij de afdeling Geheimzaken zien.",
    }
    basis.update(extra)
    return basis


def registreer(*, door, gemeente, nu=None, **extra):
    """A request registered by staff; `nu` defaults to the day after receipt, 10:00."""
    inhoud = gegevens(**extra)
    nu = nu or moment(inhoud["ontvangen_op"].fromordinal(inhoud["ontvangen_op"].toordinal() + 1))
    return services.verzoek_registreren(door=door, gemeente=gemeente, gegevens=inhoud, nu=nu)


def in_behandeling(verzoek, *, door, teams, nu, omschrijving="Zoek de gegevens van J. Geheimnaam."):
    """Identity checked at the desk and a task for each team."""
    services.identiteit_vastleggen(verzoek=verzoek, door=door, gegevens={"identiteit_wijze": "balie"}, nu=nu)
    return services.taken_toewijzen(verzoek=verzoek, door=door, teams=teams, omschrijving=omschrijving, nu=nu)
