"""Demo agreements, taken through the real services: a verwerkersovereenkomst missing a clause (with an
overdue review), a complete one with its signed document, a public convenant, and one that ends within
three months. Linked to the demo verwerkingen of the gemeente by name, where they exist."""

from datetime import timedelta

from django.core.files.base import ContentFile
from django.utils import timezone

from privacy_portal.organisaties.models import Team
from registers.models import Verwerking

from . import checklist, services
from .constants import Soort
from .models import Overeenkomst


def demo_pdf(titel):
    """A small valid one-page PDF with a title, so the demo has a document to download."""
    tekst = titel.encode("latin-1", "replace").replace(b"(", b"[").replace(b")", b"]")
    inhoud = b"BT /F1 16 Tf 72 760 Td (" + tekst + b") Tj 0 -24 Td /F1 11 Tf (Demodocument - ondertekend) Tj ET"
    objecten = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length " + str(len(inhoud)).encode() + b" >>\nstream\n" + inhoud + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    pdf = bytearray(b"%PDF-1.4\n")
    posities = []
    for nummer, obj in enumerate(objecten, start=1):
        posities.append(len(pdf))
        pdf += f"{nummer} 0 obj\n".encode() + obj + b"\nendobj\n"
    xref = len(pdf)
    pdf += f"xref\n0 {len(objecten) + 1}\n0000000000 65535 f \n".encode()
    for positie in posities:
        pdf += f"{positie:010d} 00000 n \n".encode()
    pdf += f"trailer\n<< /Size {len(objecten) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(pdf)


def _alle(soort, behalve=()):
    return [code for code, _ in checklist.clausules_voor(soort) if code not in behalve]


def laad(gemeente, *, gebruikers):
    """Add the demo agreements once (safe to run again)."""
    if Overeenkomst.objects.filter(gemeente=gemeente).exists():
        return 0
    po = gebruikers["privacyofficer"]
    tm_bz, tm_sd = gebruikers["teammanager-burgerzaken"], gebruikers["teammanager-sociaal"]
    burgerzaken = Team.objects.get(gemeente=gemeente, naam="Burgerzaken")
    sociaal = Team.objects.get(gemeente=gemeente, naam="Sociaal Domein")
    vandaag = timezone.localdate()

    def verwerkingen(*namen):
        return list(Verwerking.objects.filter(gemeente=gemeente, naam__in=namen))

    vo = Soort.VERWERKERSOVEREENKOMST
    # 1. Missing a clause (audits), and the yearly review is more than 30 days overdue.
    services.overeenkomst_aanmaken(
        door=tm_bz,
        gemeente=gemeente,
        gegevens={
            "soort": vo,
            "team": burgerzaken,
            "onderwerp": "Zaaksysteem: hosting, beheer en onderhoud",
            "omschrijving": "De leverancier host en beheert het zaaksysteem waarin vergunningen, klachten, "
            "Woo-verzoeken en bezwaren worden behandeld.",
            "startdatum": vandaag - timedelta(days=3 * 365),
            "laatste_review": vandaag - timedelta(days=400),
            "opslag_land": "NL",
            "clausules": _alle(vo, behalve=("audits",)),
            "interne_notitie": "Bij de volgende verlenging een auditrecht opnemen.",
        },
        partijen=[
            {
                "naam": "Leverancier Zaaksysteem B.V.",
                "contactpersoon": "Accountmanager gemeenten",
                "email": "gemeenten@zaaksysteem.example",
                "telefoon": "030 123 45 67",
            }
        ],
        subverwerkers=[
            {"naam": "Cloudhosting Nederland B.V.", "dienst": "Datacenter", "land": "NL", "toestemming": True}
        ],
        verwerkingen=verwerkingen(
            "APV-vergunningen en evenementen", "Klachtenafhandeling", "Woo-verzoeken", "Bezwaar en beroep"
        ),
    )

    # 2. Complete, with its signed document.
    compleet = services.overeenkomst_aanmaken(
        door=po,
        gemeente=gemeente,
        gegevens={
            "soort": vo,
            "team": sociaal,
            "eigenaar": tm_sd,
            "onderwerp": "Regiesysteem sociaal domein (Wmo, Jeugd, Participatiewet)",
            "omschrijving": "De leverancier levert en host het systeem waarin consulenten aanvragen en "
            "voorzieningen in het sociaal domein vastleggen.",
            "startdatum": vandaag - timedelta(days=500),
            "einddatum": vandaag + timedelta(days=4 * 365),
            "laatste_review": vandaag - timedelta(days=120),
            "opslag_land": "NL",
            "clausules": _alle(vo),
        },
        partijen=[
            {
                "naam": "Leverancier Sociaal Domein Software B.V.",
                "contactpersoon": "Functionaris gegevensbescherming",
                "email": "privacy@sociaaldomeinsoftware.example",
            }
        ],
        subverwerkers=[
            {
                "naam": "Veilige Opslag B.V.",
                "dienst": "Back-ups",
                "land": "DE",
                "toestemming": True,
                "toestemming_op": vandaag - timedelta(days=480),
            }
        ],
        verwerkingen=verwerkingen(
            "Wmo maatwerkvoorzieningen",
            "Jeugdhulp (Jeugdwet)",
            "Bijstand (Participatiewet)",
            "Inburgering",
            "Energietoeslag 2022",
        ),
    )
    services.document_uploaden(
        overeenkomst=compleet,
        door=po,
        bestand=ContentFile(demo_pdf("Verwerkersovereenkomst regiesysteem"), name="verwerkersovereenkomst.pdf"),
    )

    # 3. A public convenant (Woo), with its document public too.
    convenant = services.overeenkomst_aanmaken(
        door=po,
        gemeente=gemeente,
        gegevens={
            "soort": Soort.CONVENANT,
            "team": sociaal,
            "eigenaar": tm_sd,
            "onderwerp": "Convenant Zorg- en Veiligheidshuis Voorbeeldregio",
            "omschrijving": "Afspraken over het delen van gegevens in de casusoverleggen van het Zorg- en "
            "Veiligheidshuis.",
            "samenvatting_openbaar": "Soms heeft iemand hulp nodig van de gemeente, de politie en de zorg tegelijk. "
            "In het Zorg- en Veiligheidshuis werken deze organisaties dan samen. In dit convenant staat welke "
            "gegevens zij met elkaar mogen delen, en hoe zij die beschermen.",
            "startdatum": vandaag - timedelta(days=200),
            "einddatum": vandaag + timedelta(days=3 * 365),
            "opslag_land": "NL",
            "clausules": _alle(Soort.CONVENANT),
            "openbaar": True,
            "document_openbaar": True,
            "interne_notitie": "Evaluatie met de ketenpartners in het najaar.",
        },
        partijen=[
            {"naam": "Politie Eenheid Voorbeeldregio"},
            {"naam": "Openbaar Ministerie"},
            {"naam": "GGD Voorbeeldregio"},
            {"naam": "Veilig Thuis Voorbeeldregio", "email": "convenant@veiligthuis.example"},
        ],
        verwerkingen=verwerkingen("Jeugdhulp (Jeugdwet)", "Wmo maatwerkvoorzieningen"),
    )
    services.document_uploaden(
        overeenkomst=convenant,
        door=tm_sd,
        bestand=ContentFile(demo_pdf("Convenant Zorg- en Veiligheidshuis"), name="convenant-zvh.pdf"),
    )
    services.document_vrijgeven(overeenkomst=convenant, door=po)  # four eyes: someone else releases

    # 4. Ends within three months; a sub-processor in the United States without recorded consent.
    services.overeenkomst_aanmaken(
        door=tm_bz,
        gemeente=gemeente,
        gegevens={
            "soort": vo,
            "team": burgerzaken,
            "onderwerp": "Webstatistieken gemeentelijke website",
            "omschrijving": "De leverancier meet het bezoek aan de website, met ingekorte IP-adressen.",
            "startdatum": vandaag - timedelta(days=3 * 365 - 60),
            "einddatum": vandaag + timedelta(days=60),
            "laatste_review": vandaag - timedelta(days=90),
            "opslag_land": "NL",
            "doorgiftemechanisme": "data_privacy_framework",
            "clausules": _alle(vo),
        },
        partijen=[{"naam": "Webanalyse Nederland B.V.", "email": "support@webanalyse.example"}],
        subverwerkers=[{"naam": "Cloud Analytics Inc.", "dienst": "Rekenkracht", "land": "US", "toestemming": False}],
        verwerkingen=verwerkingen("Webstatistieken gemeentelijke website"),
    )
    return 4


def laad_demo(gemeenten, gebruikers):
    """This register's part of `seed_demo` (Voorbeeldstad)."""
    laad(gemeenten["voorbeeldstad"], gebruikers=gebruikers)
    return ""
