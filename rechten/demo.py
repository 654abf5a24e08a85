"""Demo verzoeken in every state, one due this week and one extended, taken through the real services."""

from datetime import datetime, time, timedelta

from django.utils import timezone

from privacy_portal.core.kalender import antwoord_deadline
from privacy_portal.core.kalender_db import huidige_kalender
from privacy_portal.organisaties.selectors import team_van
from registers.models import Verwerking

from . import services
from .models import Verzoek


def _moment(dag, uur=10):
    """An aware moment on a local date."""
    return timezone.make_aware(datetime.combine(dag, time(uur)))


def _ontvangen_voor_deadline_over(vandaag, dagen_over, kalender):
    """A receipt date whose deadline falls `dagen_over` days from today (or the nearest after it)."""
    for terug in range(20, 40):
        ontvangen = vandaag - timedelta(days=terug)
        if 1 <= (antwoord_deadline(ontvangen, kalender) - vandaag).days <= dagen_over:
            return ontvangen
    return vandaag - timedelta(days=27)


def laad(gemeente, *, gebruikers):
    """Add the demo verzoeken once (safe to run again)."""
    if Verzoek.objects.filter(gemeente=gemeente).exists():
        return 0
    vandaag = timezone.localdate()
    kalender = huidige_kalender()
    po = gebruikers["privacyofficer"]
    tm_sociaal, tm_burgerzaken = gebruikers["teammanager-sociaal"], gebruikers["teammanager-burgerzaken"]
    sociaal, burgerzaken = team_van(tm_sociaal, gemeente), team_van(tm_burgerzaken, gemeente)

    def registreer(ontvangen_op, **gegevens):
        basis = {
            "kanaal": "brief",
            "ontvangen_op": ontvangen_op,
            "soorten": ["inzage"],
            "verzoeker_naam": "Jan de Vries",
            "verzoeker_adres": f"Dorpsstraat 1\n1234 AB {gemeente.naam}",
        }
        basis.update(gegevens)
        return services.verzoek_registreren(door=po, gemeente=gemeente, gegevens=basis, nu=_moment(ontvangen_op, 9))

    def verwerkingen(*namen):
        """The demo register's verwerkingen by name (none when the register has no demo data)."""
        return list(Verwerking.objects.filter(gemeente=gemeente, naam__in=namen))

    def identiteit(verzoek, dag, wijze="balie"):
        services.identiteit_vastleggen(
            verzoek=verzoek, door=po, gegevens={"identiteit_wijze": wijze}, nu=_moment(dag, 11)
        )

    def taken(verzoek, dag, *teams, omschrijving):
        return services.taken_toewijzen(
            verzoek=verzoek, door=po, teams=[t for t in teams if t], omschrijving=omschrijving, nu=_moment(dag, 12)
        )

    def afronden(taak, dag, door, resultaat="Gegevens verzameld en klaargezet in de beveiligde map."):
        services.taak_afronden(taak=taak, door=door, resultaat=resultaat, nu=_moment(dag, 14))

    # 1. Just received, nothing done yet.
    registreer(
        vandaag - timedelta(days=1),
        kanaal="email",
        verzoeker_naam="Fatima el Amrani",
        verzoeker_email="f.elamrani@example.org",
        verzoeker_adres="",
        omschrijving="Ik wil weten welke gegevens de gemeente over mij heeft in verband met mijn bijstandsuitkering.",
        verwerkingen=verwerkingen("Bijstand (Participatiewet)", "Risicoanalyse bijstandsfraude"),
    )

    # 2. Due this week: identity checked, one task done, one still open.
    ontvangen = _ontvangen_voor_deadline_over(vandaag, 6, kalender)
    krap = registreer(
        ontvangen,
        kanaal="balie",
        soorten=["inzage", "rectificatie"],
        verzoeker_naam="Pieter Bakker",
        verzoeker_telefoon="06 12345678",
        omschrijving="Inzage in mijn Wmo-dossier; mijn adres in de brieven klopt niet.",
        teams=[t for t in (sociaal, burgerzaken) if t],
        verwerkingen=verwerkingen("Wmo maatwerkvoorzieningen", "Basisregistratie Personen (BRP)"),
    )
    identiteit(krap, ontvangen)
    opdracht = (
        "Zoek alle gegevens van Pieter Bakker, geboren 12-03-1975, Dorpsstraat 1. Zet een kopie van het Wmo-dossier "
        "in de beveiligde map en controleer het adres in de brieven."
    )
    for taak in taken(krap, ontvangen + timedelta(days=2), sociaal, burgerzaken, omschrijving=opdracht):
        if taak.team == burgerzaken:  # the Sociaal Domein task stays open
            afronden(taak, ontvangen + timedelta(days=6), tm_burgerzaken, "Adres in de BRP gecontroleerd: klopt.")

    # 3. Extended: many records in several systems.
    ontvangen = vandaag - timedelta(days=45)
    verlengd = registreer(
        ontvangen,
        soorten=["inzage", "overdraagbaarheid"],
        verzoeker_naam="Anna Jansen",
        verzoeker_email="anna.jansen@example.org",
        vertegenwoordiger_naam="mr. K. Smit",
        vertegenwoordiger_hoedanigheid="advocaat",
        teams=[t for t in (sociaal,) if t],
    )
    identiteit(verlengd, ontvangen + timedelta(days=1), "vertegenwoordiger")
    taken(
        verlengd,
        ontvangen + timedelta(days=2),
        sociaal,
        omschrijving="Zoek alle gegevens van Anna Jansen, geboren 02-07-1988, in de systemen voor jeugdhulp en "
        "schuldhulp sinds 2015. Lever ze als overzicht en als CSV-bestand (overdraagbaarheid).",
    )
    services.verzoek_verlengen(
        verzoek=verlengd,
        door=po,
        reden="Uw verzoek gaat over gegevens uit tien jaar, in vier verschillende systemen. "
        "Wij hebben meer tijd nodig om alles zorgvuldig te verzamelen.",
        nu=_moment(ontvangen + timedelta(days=20)),
    )

    # 4. Granted.
    ontvangen = vandaag - timedelta(days=70)
    toegewezen = registreer(
        ontvangen,
        verzoeker_naam="Kees Visser",
        teams=[t for t in (burgerzaken,) if t],
        verwerkingen=verwerkingen("Basisregistratie Personen (BRP)"),
    )
    identiteit(toegewezen, ontvangen + timedelta(days=1), "digid")
    opdracht = "Maak een overzicht van de gegevens van Kees Visser, geboren 30-11-1960, in de BRP."
    for taak in taken(toegewezen, ontvangen + timedelta(days=2), burgerzaken, omschrijving=opdracht):
        afronden(taak, ontvangen + timedelta(days=10), tm_burgerzaken)
    services.verzoek_afhandelen(
        verzoek=toegewezen,
        door=po,
        uitkomst="toegewezen",
        toelichting="U krijgt bij deze brief een overzicht van alle gegevens die wij over u hebben in de "
        "Basisregistratie Personen, met de doelen, de ontvangers en hoe lang wij ze bewaren.",
        nu=_moment(ontvangen + timedelta(days=20)),
    )

    # 5. Partly granted erasure; the recipients were told (art. 19).
    ontvangen = vandaag - timedelta(days=100)
    deels = registreer(
        ontvangen,
        kanaal="email",
        soorten=["wissing"],
        verzoeker_naam="Sanne de Boer",
        verzoeker_email="sanne.deboer@example.org",
        teams=[t for t in (sociaal,) if t],
    )
    identiteit(deels, ontvangen + timedelta(days=2), "bekende_gegevens")
    opdracht = "Verwijder sanne.deboer@example.org uit de nieuwsbrief en zoek wat er nog meer over haar is vastgelegd."
    for taak in taken(deels, ontvangen + timedelta(days=3), sociaal, omschrijving=opdracht):
        afronden(taak, ontvangen + timedelta(days=12), tm_sociaal, "Aanmelding nieuwsbrief verwijderd.")
    services.kennisgeving_vastleggen(
        verzoek=deels,
        door=po,
        ontvanger="Verzendhuis Nieuwsbrieven B.V. (verwerker)",
        geinformeerd_op=ontvangen + timedelta(days=13),
        nu=_moment(ontvangen + timedelta(days=13)),
    )
    services.verzoek_afhandelen(
        verzoek=deels,
        door=po,
        uitkomst="deels_toegewezen",
        grond="art_17_3",
        toelichting="Wij hebben uw e-mailadres voor de nieuwsbrief verwijderd.\n\n"
        "Uw gegevens in het dossier over uw bijstandsuitkering verwijderen wij niet. Die moeten wij volgens "
        "de Participatiewet bewaren.",
        nu=_moment(ontvangen + timedelta(days=14)),
    )

    # 6. Refused: the same request for the fourth time this year.
    ontvangen = vandaag - timedelta(days=50)
    afgewezen = registreer(ontvangen, soorten=["inzage"], verzoeker_naam="Henk Mulder")
    services.verzoek_afhandelen(
        verzoek=afgewezen,
        door=po,
        uitkomst="afgewezen",
        grond="buitensporig",
        toelichting="U vroeg dit jaar al drie keer om inzage in dezelfde gegevens. Sinds ons laatste antwoord "
        "van twee weken geleden is er niets veranderd.",
        nu=_moment(ontvangen + timedelta(days=10)),
    )

    # 7. Withdrawn by the requester.
    ontvangen = vandaag - timedelta(days=30)
    ingetrokken = registreer(ontvangen, kanaal="telefoon", soorten=["bezwaar"], verzoeker_naam="Lisa Smit")
    services.verzoek_afhandelen(
        verzoek=ingetrokken,
        door=po,
        uitkomst="ingetrokken",
        toelichting="De verzoeker belde dat het verzoek niet meer nodig is.",
        nu=_moment(ontvangen + timedelta(days=5)),
    )

    # 8. Overdue: received six weeks ago, not extended, no decision.
    registreer(
        vandaag - timedelta(days=42),
        soorten=["beperking"],
        verzoeker_naam="Mohamed Yilmaz",
        verzoeker_adres=f"Kerkplein 7\n1234 CD {gemeente.naam}",
    )

    # 9. Filed on the public form, not yet confirmed (the clock does not run).
    services.verzoek_ontvangen_van_inwoner(
        gemeente=gemeente,
        gegevens={"soorten": ["inzage"], "verzoeker_naam": "Eva Peeters", "verzoeker_email": "eva@example.org"},
    )

    # 10. Filed on the public form ten days ago and never confirmed: the privacy officer let it lapse.
    oud, _token = services.verzoek_ontvangen_van_inwoner(
        gemeente=gemeente,
        gegevens={"soorten": ["wissing"], "verzoeker_naam": "Onbekend", "verzoeker_email": "x@example.org"},
        nu=timezone.now() - timedelta(days=10),
    )
    services.onbevestigd_laten_vervallen(
        verzoek=oud, door=po, toelichting="Geen bevestiging; geen ander adres of telefoonnummer bekend."
    )
    return Verzoek.objects.filter(gemeente=gemeente).count()


def laad_demo(gemeenten, gebruikers):
    """This register's part of `seed_demo` (Voorbeeldstad)."""
    laad(gemeenten["voorbeeldstad"], gebruikers=gebruikers)
    return ""
