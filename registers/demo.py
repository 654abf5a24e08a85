"""Demo register: the verwerkingen of demo_data.py, taken through the real services to their state."""

from privacy_portal.organisaties.models import Team, Verwerkingsverantwoordelijke

from . import selectors, services
from .constants import Status
from .demo_data import VERWERKINGEN
from .models import Verwerking

TEAMMANAGERS = {
    "Burgerzaken": "teammanager-burgerzaken",
    "Sociaal Domein": "teammanager-sociaal",
    "Belastingen": "teammanager-belastingen",
}
SOORT_NAAM = {
    "college": "College van burgemeester en wethouders",
    "burgemeester": "Burgemeester",
    "raad": "Gemeenteraad",
    "heffingsambtenaar": "Heffingsambtenaar",
}


def _inhoud(item, gemeente):
    gegevens = {k: v for k, v in item.items() if k not in ("team", "verantwoordelijke", "status")}
    gegevens["team"] = Team.objects.get(gemeente=gemeente, naam=item["team"])
    gegevens["verwerkingsverantwoordelijke"] = Verwerkingsverantwoordelijke.objects.get(
        gemeente=gemeente, naam=SOORT_NAAM[item["verantwoordelijke"]]
    )
    return gegevens


def laad(gemeente, *, privacy_officer, gebruikers, alleen_vastgesteld=False):
    """Create the demo verwerkingen that do not exist yet in this gemeente (safe to run again)."""
    bestaand = set(Verwerking.objects.filter(gemeente=gemeente).values_list("naam", flat=True))
    aangemaakt = 0
    for item in VERWERKINGEN:
        if item["naam"] in bestaand or (alleen_vastgesteld and item["status"] != Status.VASTGESTELD):
            continue
        eigenaar = gebruikers.get(TEAMMANAGERS[item["team"]]) if not alleen_vastgesteld else None
        eigenaar = eigenaar or privacy_officer
        verwerking = services.verwerking_aanmaken(door=eigenaar, gemeente=gemeente, gegevens=_inhoud(item, gemeente))
        if item["status"] != Status.CONCEPT:
            services.verwerking_indienen(verwerking=verwerking, door=eigenaar)
        if item["status"] in (Status.VASTGESTELD, Status.GEARCHIVEERD, "gewijzigd"):
            services.verwerking_goedkeuren(verwerking=verwerking, door=privacy_officer)
        if item["status"] == "gewijzigd":
            services.verwerking_wijzigen(
                verwerking=verwerking,
                door=eigenaar,
                gegevens={"bewaartermijn": item["bewaartermijn"] + " Wordt herzien bij de nieuwe selectielijst."},
                reden="Jaarlijkse actualisatie",
            )
        if item["status"] == Status.GEARCHIVEERD:
            services.verwerking_archiveren(verwerking=verwerking, door=privacy_officer, reden="Taak is beëindigd")
        aangemaakt += 1
    return aangemaakt


# The handover in the demo: something waits for each of these people (their work list).
TERUGGESTUURD = "Bodycams handhavers (boa's)"
TERUGSTUUR_REDEN = "Noem de bewaartermijn van beelden die niet als bewijs nodig zijn, en wie ze mag inzien."
GEDELEGEERD = "Wet Bibob-onderzoeken"


def overdracht(gemeente, *, privacy_officer, gebruikers):
    """One returned concept for teammanager-burgerzaken and one delegation to medewerker (once)."""
    teammanager, medewerker = gebruikers.get("teammanager-burgerzaken"), gebruikers.get("medewerker")
    if teammanager is None or medewerker is None:
        return
    terug = Verwerking.objects.filter(gemeente=gemeente, naam=TERUGGESTUURD, status=Status.TER_BEOORDELING).first()
    if terug is not None and not terug.versies.exists() and not terug.afwijsreden:
        services.verwerking_afwijzen(verwerking=terug, door=privacy_officer, reden=TERUGSTUUR_REDEN)
    bibob = Verwerking.objects.filter(gemeente=gemeente, naam=GEDELEGEERD, status=Status.CONCEPT).first()
    if bibob is not None and not selectors.delegaties_van(bibob).filter(user=medewerker).exists():
        services.verwerking_delegeren(verwerking=bibob, door=teammanager, medewerker=medewerker)


def laad_demo(gemeenten, gebruikers):
    """The register's part of `seed_demo`: Voorbeeldstad in every status, Randdorp only approved."""
    aantal = laad(gemeenten["voorbeeldstad"], privacy_officer=gebruikers["privacyofficer"], gebruikers=gebruikers)
    overdracht(gemeenten["voorbeeldstad"], privacy_officer=gebruikers["privacyofficer"], gebruikers=gebruikers)
    aantal += laad(
        gemeenten["randdorp"],
        privacy_officer=gebruikers["privacyofficer-randdorp"],
        gebruikers=gebruikers,
        alleen_vastgesteld=True,
    )
    return f"{aantal} nieuwe verwerkingen"
