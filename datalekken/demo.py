"""Demo datalekken in several states, one close to its deadline, taken through the real services."""

from datetime import timedelta

from django.utils import timezone

from registers.models import Verwerking

from . import services
from .models import Datalek

# The privacy officer who fills in the AP's form in the demo (the AP asks name, function, phone, e-mail).
MELDER = {
    "melder_naam": "Priya Officier",
    "melder_functie": "Privacy officer",
    "melder_telefoon": "14 0123",
    "melder_email": "privacy@voorbeeldstad.example",
}


def laad(gemeente, *, gebruikers):
    """Add the demo datalekken once (safe to run again)."""
    if Datalek.objects.filter(gemeente=gemeente).exists():
        return 0
    nu = timezone.now().replace(second=0, microsecond=0)
    po, mw, tm = gebruikers["privacyofficer"], gebruikers["medewerker"], gebruikers["teammanager-sociaal"]

    # Reported yesterday, not assessed yet: the clock runs (about 14 hours left).
    services.datalek_melden(
        door=mw,
        gemeente=gemeente,
        nu=nu - timedelta(hours=58),
        gegevens={
            "titel": "USB-stick met aanvraagformulieren verloren",
            "omschrijving": "Een onversleutelde USB-stick met gescande aanvragen voor een parkeervergunning is "
            "onderweg naar huis verloren.",
            "ontdekt_op": nu - timedelta(hours=58),
            "systemen": "USB-stick, scans uit het zaaksysteem",
        },
    )

    # High risk, notified to the AP on time, betrokkenen informed, closed.
    hoog = services.datalek_melden(
        door=tm,
        gemeente=gemeente,
        nu=nu - timedelta(days=20),
        gegevens={
            "titel": "E-mail met Wmo-indicaties naar verkeerde zorgaanbieder",
            "omschrijving": "Een overzicht met indicaties van 35 cliënten is naar een verkeerde zorgaanbieder gemaild.",
            "ontdekt_op": nu - timedelta(days=20),
        },
    )
    services.datalek_behandelen(
        datalek=hoog,
        door=po,
        nu=nu - timedelta(days=20) + timedelta(hours=5),
        gegevens={
            "oorzaak": "verkeerd_verstuurd",
            "soort_inbreuk": ["gelezen"],
            "gevolgen_voor": ["vertrouwelijkheid"],
            "soorten_gegevens": ["naw", "bsn", "bijzonder"],
            "bijzondere_categorieen": ["gezondheid"],
            "aantal_betrokkenen": 35,
            "aantal_records": 35,
            "categorieen_betrokkenen": "Cliënten Wmo",
            "mogelijke_gevolgen": "Stigmatisering; gezondheidsgegevens bij een onbevoegde partij.",
            "soorten_schade": ["immaterieel"],
            "genomen_maatregelen": "Ontvanger heeft de e-mail verwijderd en dat schriftelijk bevestigd.",
            "contactpersoon": "Privacy officer, 14 0123",
            **MELDER,
            "risico": "hoog",
            "risico_motivering": "Gezondheidsgegevens en BSN van 35 mensen bij een derde.",
        },
    )
    services.melding_ap_vastleggen(
        datalek=hoog,
        door=po,
        soort="melding",
        gemeld_op=nu - timedelta(days=19),
        ap_referentie="M-2026-004512",
        nu=nu - timedelta(days=19),
    )
    services.betrokkenen_informeren(
        datalek=hoog,
        door=po,
        geinformeerd_op=nu - timedelta(days=18),
        wijze="Brief",
        aantal=35,
        nu=nu - timedelta(days=18),
    )
    services.datalek_afsluiten(datalek=hoog, door=po, motivering="Afgehandeld", nu=nu - timedelta(days=10))

    # No risk: a letter returned unopened.
    geen = services.datalek_melden(
        door=mw,
        gemeente=gemeente,
        nu=nu - timedelta(days=5),
        gegevens={
            "titel": "Brief verkeerd bezorgd, ongeopend terug",
            "omschrijving": "Een beschikking is bij de buren bezorgd; zij brachten hem ongeopend terug.",
            "ontdekt_op": nu - timedelta(days=5),
        },
    )
    services.datalek_behandelen(
        datalek=geen,
        door=po,
        nu=nu - timedelta(days=5) + timedelta(hours=2),
        gegevens={
            "oorzaak": "verkeerd_verstuurd",
            "risico": "geen",
            "risico_motivering": "De brief is ongeopend teruggekomen.",
        },
    )

    # Assessed as a risk, notification overdue: the escalation shows.
    services.datalek_melden(
        door=po,
        gemeente=gemeente,
        nu=nu - timedelta(hours=80),
        gegevens={
            "titel": "Phishingmail: inloggegevens van een medewerker buitgemaakt",
            "omschrijving": "Een medewerker vulde zijn wachtwoord in op een valse inlogpagina.",
            "ontdekt_op": nu - timedelta(hours=80),
        },
    )

    # Camera surveillance: the burgemeester is the controller, so the AP text names the burgemeester.
    # Assessed, the melder known: ready to notify.
    camera = Verwerking.objects.filter(gemeente=gemeente, naam="Cameratoezicht openbare ruimte").first()
    beelden = services.datalek_melden(
        door=po,
        gemeente=gemeente,
        nu=nu - timedelta(hours=10),
        gegevens={
            "titel": "Camerabeelden van het marktplein in een appgroep gedeeld",
            "omschrijving": "Een medewerker van de meldkamer heeft een fragment met herkenbare bezoekers van de "
            "markt in een besloten appgroep gedeeld.",
            "ontdekt_op": nu - timedelta(hours=10),
            "systemen": "Camerasysteem meldkamer",
        },
        verwerkingen=[camera] if camera else [],
    )
    services.datalek_behandelen(
        datalek=beelden,
        door=po,
        nu=nu - timedelta(hours=9),
        gegevens={
            "oorzaak": "onbevoegde_toegang",
            "soort_inbreuk": ["gekopieerd"],
            "gevolgen_voor": ["vertrouwelijkheid"],
            "soorten_gegevens": ["anders"],
            "aantal_betrokkenen": 30,
            "categorieen_betrokkenen": "Bezoekers van de markt",
            "mogelijke_gevolgen": "Bezoekers zijn herkenbaar in beelden die buiten de meldkamer zijn gedeeld.",
            "soorten_schade": ["immaterieel"],
            "genomen_maatregelen": "De appgroep heeft het fragment verwijderd; de medewerker is aangesproken.",
            **MELDER,
            "risico": "risico",
            "risico_motivering": "Herkenbare personen in beelden buiten de meldkamer; beperkte verspreiding.",
        },
    )
    return 5


def laad_demo(gemeenten, gebruikers):
    """This register's part of `seed_demo` (Voorbeeldstad)."""
    return f"{laad(gemeenten['voorbeeldstad'], gebruikers=gebruikers)} nieuwe datalekken"
