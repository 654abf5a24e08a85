"""Demo for the dashboard and the reports: a house style, the FG's findings of last year, and closed
datalekken in earlier quarters so the trend charts have something to show. Through the real services."""

import io
from datetime import datetime, time, timedelta

from django.core.files.base import ContentFile
from django.utils import timezone

from datalekken import services as datalek_services
from datalekken.demo import MELDER as DEMO_MELDER
from datalekken.models import Datalek
from privacy_portal.core.dashboard import kwartaal_periode, kwartaal_van

from . import services
from .models import FgBevindingen, GemeenteThema

# (quarters back, day in the quarter, title, cause, risk, AP notification: None, "op_tijd" or "te_laat")
EERDERE_DATALEKKEN = [
    (5, 20, "Brief met beschikking naar oud adres gestuurd", "verkeerd_verstuurd", "risico", "op_tijd"),
    (4, 10, "Laptop gestolen uit auto", "diefstal", "geen", None),
    (4, 40, "Wachtwoord van een medewerker via phishing buitgemaakt", "hack", "risico", "te_laat"),
    (3, 15, "Dossier in verkeerd zaakdossier opgeslagen", "anders", "geen", None),
    (3, 50, "Bijlage met BSN's naar externe partij gemaild", "verkeerd_verstuurd", "hoog", "op_tijd"),
    (2, 30, "Printer met scans toegankelijk voor bezoekers", "onbevoegde_toegang", "risico", "op_tijd"),
    (1, 12, "Verwerker meldt onbevoegde toegang tot klantportaal", "fout_verwerker", "risico", "op_tijd"),
    (1, 55, "USB-stick met notulen verloren", "verlies", "geen", None),
]

BEVINDINGEN = (
    "Het register van verwerkingen is bijna volledig; een paar verwerkingen van het sociaal domein missen nog "
    "een bewaartermijn.\n"
    "Datalekken worden snel gemeld. Eén melding aan de AP was te laat, omdat de risicobeoordeling in het "
    "weekend bleef liggen.\n"
    "Voor twee verwerkingen met bijzondere persoonsgegevens is de DPIA nog niet uitgevoerd."
)
AANBEVELINGEN = (
    "Maak een weekendregeling voor het beoordelen van datalekken.\n"
    "Rond de DPIA's voor het sociaal domein af vóór de zomer.\n"
    "Controleer jaarlijks de verwerkersovereenkomsten van de grootste leveranciers."
)


def _logo_png(kleur):
    """A simple emblem (a coloured shield with a white band), so the demo PDF header shows a logo."""
    from PIL import Image, ImageDraw

    beeld = Image.new("RGB", (120, 120), "white")
    teken = ImageDraw.Draw(beeld)
    teken.polygon([(10, 8), (110, 8), (110, 70), (60, 114), (10, 70)], fill=kleur)
    teken.rectangle([(10, 40), (110, 56)], fill="white")
    uitvoer = io.BytesIO()
    beeld.save(uitvoer, format="PNG")
    return uitvoer.getvalue()


def _eerdere_datalekken(gemeente, gebruikers):
    nu = timezone.now().replace(second=0, microsecond=0)
    if Datalek.objects.filter(gemeente=gemeente, gemeld_op__lt=nu - timedelta(days=80)).exists():
        return 0
    po, mw = gebruikers["privacyofficer"], gebruikers["medewerker"]
    jaar, k = kwartaal_van(timezone.localdate(nu))
    aantal = 0
    for terug, dag, titel, oorzaak, risico, melding in EERDERE_DATALEKKEN:
        j, q = jaar, k
        for _ in range(terug):
            j, q = (j - 1, 4) if q == 1 else (j, q - 1)
        moment = timezone.make_aware(datetime.combine(kwartaal_periode(j, q).van + timedelta(days=dag), time(10)))
        if moment > nu - timedelta(days=7):
            continue
        datalek = datalek_services.datalek_melden(
            door=mw,
            gemeente=gemeente,
            nu=moment,
            gegevens={
                "titel": titel,
                "omschrijving": f"{titel}: vastgelegd voor de kwartaalevaluatie.",
                "ontdekt_op": moment - timedelta(hours=1),
            },
        )
        datalek_services.datalek_behandelen(
            datalek=datalek,
            door=po,
            nu=moment + timedelta(hours=6),
            gegevens={
                "oorzaak": oorzaak,
                "soort_inbreuk": ["gelezen"],
                "soorten_gegevens": ["naw"],
                "risico": risico,
                "risico_motivering": "Beoordeeld door de privacy officer.",
                "genomen_maatregelen": "Maatregelen genomen en medewerkers geïnstrueerd.",
                "mogelijke_gevolgen": "Beperkte gevolgen: de gegevens zijn bij één ontvanger terechtgekomen.",
                **DEMO_MELDER,
            },
        )
        if melding:
            gemeld_op = moment + (timedelta(hours=30) if melding == "op_tijd" else timedelta(hours=90))
            datalek_services.melding_ap_vastleggen(
                datalek=datalek,
                door=po,
                soort="melding",
                gemeld_op=gemeld_op,
                ap_referentie=f"M{moment:%Y%m%d}",
                reden_vertraging="" if melding == "op_tijd" else "De beoordeling bleef in het weekend liggen.",
                nu=gemeld_op,
            )
        if risico == "hoog":
            datalek_services.betrokkenen_informeren(
                datalek=datalek,
                door=po,
                geinformeerd_op=moment + timedelta(days=2),
                wijze="brief",
                aantal=12,
                nu=moment + timedelta(days=2),
            )
        datalek_services.datalek_afsluiten(datalek=datalek, door=po, nu=moment + timedelta(days=14))
        aantal += 1
    return aantal


def laad(gemeenten, *, gebruikers):
    """Add the demo once (safe to run again). Returns the number of datalekken added."""
    voorbeeldstad = gemeenten["voorbeeldstad"]
    if not GemeenteThema.objects.filter(gemeente=voorbeeldstad).exists():
        services.thema_opslaan(
            door=None,
            gemeente=voorbeeldstad,
            naam="Gemeente Voorbeeldstad",
            primaire_kleur="#00557f",
            logo=ContentFile(_logo_png("#00557f"), name="logo.png"),
        )
    vorig_jaar = timezone.localdate().year - 1
    if not FgBevindingen.objects.filter(gemeente=voorbeeldstad, jaar=vorig_jaar).exists():
        services.bevindingen_opslaan(
            door=gebruikers["fg"],
            gemeente=voorbeeldstad,
            jaar=vorig_jaar,
            bevindingen=BEVINDINGEN,
            aanbevelingen=AANBEVELINGEN,
        )
    return _eerdere_datalekken(voorbeeldstad, gebruikers)


def laad_demo(gemeenten, gebruikers):
    """The reports' part of `seed_demo`: house style, the FG's findings, last year's datalekken."""
    return f"{laad(gemeenten, gebruikers=gebruikers)} datalekken van vorig jaar"
