"""Demo pre-scans and DPIAs in several states, taken through the real services.

Cameratoezicht: finished three years ago, its re-check is due. Wmo: finished last month, with a
measure past its due date. Risicoanalyse bijstandsfraude (an AI pilot): high residual risk, the AP
is being consulted. Jeugdhulp: pre-scan started. Schuldhulpverlening: filled in, waiting for the FG's advice.
Webstatistieken: recommended, not done (with the reason). Hondenbelasting: not needed.
"""

from datetime import timedelta

from django.utils import timezone

from registers.models import Verwerking

from . import services
from .models import Dpia

NAMEN = {
    "camera": "Cameratoezicht openbare ruimte",
    "wmo": "Wmo maatwerkvoorzieningen",
    "ai": "Risicoanalyse bijstandsfraude",
    "jeugd": "Jeugdhulp (Jeugdwet)",
    "schuld": "Schuldhulpverlening",
    "web": "Webstatistieken gemeentelijke website",
    "honden": "Hondenbelasting",
}


def _antwoord(tekst, nu, door):
    return {"value": tekst, "lastEditedAt": nu.isoformat(), "lastEditedBy": services.naam(door)}


def _invullen(dpia, door, nu, teksten):
    antwoorden = dict(dpia.antwoorden)
    antwoorden.update({sleutel: _antwoord(tekst, nu, door) for sleutel, tekst in teksten.items()})
    return services.antwoorden_opslaan(dpia=dpia, door=door, antwoorden=antwoorden, nu=nu)


def _risico(dpia, door, beschrijving, oorsprong, kans, impact, rest, motivering):
    return services.risico_opslaan(
        dpia=dpia,
        door=door,
        gegevens={
            "beschrijving": beschrijving,
            "oorsprong": oorsprong,
            "kans": kans,
            "impact": impact,
            "restrisico": rest,
            "restrisico_motivering": motivering,
        },
    )


def _maatregel(dpia, door, risico, beschrijving, soort, eigenaar, deadline, status="gepland", nu=None):
    return services.maatregel_opslaan(
        dpia=dpia,
        door=door,
        nu=nu,
        gegevens={
            "beschrijving": beschrijving,
            "soort": soort,
            "risico": risico,
            "eigenaar": eigenaar,
            "deadline": deadline,
            "status": status,
        },
    )


def _camera(v, nu, po, tm, fg, ciso):
    start = nu - timedelta(days=3 * 365 + 60)
    dpia = services.dpia_starten(door=tm, verwerkingen=[v], nu=start)
    dpia = services.prescan_vastleggen(
        dpia=dpia, door=tm, criteria=["monitoring", "grootschalig"], ap_lijst=[9], nu=start
    )
    _invullen(
        dpia,
        tm,
        start,
        {
            "14.1": "Surveillance door handhavers alleen is op deze plekken onvoldoende gebleken; camera's zijn "
            "alleen aangewezen op plekken met aantoonbare overlast.",
            "14.2": "Beperkt tot het aangewezen gebied en 28 dagen bewaren; de inbreuk weegt op tegen de "
            "openbare orde en veiligheid.",
            "18": "Cameratoezicht in het centrum en bij het station. Twee risico's; na maatregelen is het "
            "restrisico laag.",
        },
    )
    r1 = _risico(
        dpia,
        tm,
        "Mensen voelen zich bekeken en gedragen zich anders in de openbare ruimte.",
        "Zichtbare camera's op drukke plekken.",
        "midden",
        "midden",
        "laag",
        "Borden en een beperkt gebied maken het voorspelbaar.",
    )
    r2 = _risico(
        dpia,
        tm,
        "Beelden komen bij onbevoegden terecht of worden voor een ander doel gebruikt.",
        "Toegang tot de opslag bij de leverancier.",
        "laag",
        "hoog",
        "laag",
        "Versleutelde opslag, logging en korte bewaartermijn.",
    )
    m1 = _maatregel(dpia, tm, r2, "Beelden na 28 dagen automatisch verwijderen.", "technisch", ciso, start.date())
    m2 = _maatregel(
        dpia, tm, r1, "Borden bij elke camera en informatie op de website.", "organisatorisch", tm, start.date()
    )
    services.advies_vragen(dpia=dpia, door=tm, nu=start + timedelta(days=14))
    services.beveiligingsadvies_geven(
        dpia=dpia, door=ciso, advies="Logging van elke inzage; jaarlijkse controle.", nu=start + timedelta(days=16)
    )
    services.fg_advies_geven(
        dpia=dpia,
        door=fg,
        oordeel="positief",
        advies="De DPIA is volledig; evalueer het aanwijzingsbesluit jaarlijks met de politie.",
        nu=start + timedelta(days=20),
    )
    services.accepteren(
        dpia=dpia,
        door=tm,
        motivering="Restrisico laag; de maatregelen zijn uitgevoerd.",
        nu=start + timedelta(days=25),
    )
    for m in (m1, m2):
        services.maatregel_opslaan(dpia=dpia, door=tm, maatregel=m, gegevens={"status": "gereed"}, nu=start)


def _wmo(v, nu, po, tm, fg, ciso):
    start = nu - timedelta(days=150)
    dpia = services.dpia_starten(door=tm, verwerkingen=[v], nu=start)
    dpia = services.prescan_vastleggen(
        dpia=dpia, door=tm, criteria=["kwetsbare_betrokkenen", "grootschalig"], ap_lijst=[7], nu=start
    )
    _invullen(
        dpia,
        tm,
        start,
        {
            "14.1": "Zonder gegevens over gezondheid en beperkingen kan de gemeente geen passende voorziening "
            "bepalen; er is geen minder ingrijpende manier.",
            "14.2": "Alleen de gegevens die nodig zijn voor het onderzoek worden gevraagd; consulenten zien alleen "
            "dossiers van hun eigen cliënten.",
            "18": "Wmo-maatwerkvoorzieningen: gezondheidsgegevens van kwetsbare inwoners. Het grootste risico is "
            "onbevoegde inzage; na maatregelen is het restrisico gemiddeld.",
        },
    )
    r1 = _risico(
        dpia,
        tm,
        "Medewerkers zonder behandelrelatie zien gezondheidsgegevens van cliënten.",
        "Brede autorisaties in het systeem voor het sociaal domein.",
        "midden",
        "hoog",
        "midden",
        "Autorisaties per rol en controle op logging verkleinen de kans.",
    )
    r2 = _risico(
        dpia,
        tm,
        "Een onjuiste of onvolledige indicatie door een onvolledig dossier.",
        "Gegevens van zorgaanbieders komen laat binnen.",
        "laag",
        "midden",
        "laag",
        "Werkinstructie en controle door een tweede consulent.",
    )
    _maatregel(
        dpia,
        tm,
        r1,
        "Autorisaties per rol herzien en elk kwartaal de logging controleren.",
        "technisch",
        ciso,
        nu.date() - timedelta(days=21),
        status="in_uitvoering",
    )
    _maatregel(
        dpia,
        tm,
        r2,
        "Werkinstructie dossiervorming vaststellen.",
        "organisatorisch",
        tm,
        nu.date() + timedelta(days=60),
    )
    services.advies_vragen(dpia=dpia, door=tm, nu=start + timedelta(days=90))
    services.fg_advies_geven(
        dpia=dpia,
        door=fg,
        oordeel="voorwaarden",
        advies="Positief, op voorwaarde dat de autorisaties binnen drie maanden zijn herzien.",
        nu=start + timedelta(days=100),
    )
    services.accepteren(
        dpia=dpia,
        door=tm,
        motivering="Restrisico gemiddeld; aanvaardbaar met de afgesproken maatregelen.",
        nu=nu - timedelta(days=30),
    )


def _ai(v, nu, po, tm, fg, ciso, bestuur):
    start = nu - timedelta(days=70)
    dpia = services.dpia_starten(door=tm, verwerkingen=[v], titel="DPIA pilot risicomodel bijstand", nu=start)
    dpia = services.prescan_vastleggen(
        dpia=dpia, door=tm, criteria=["koppeling", "blokkering"], ap_lijst=[3, 15], nu=start
    )
    _invullen(
        dpia,
        tm,
        start,
        {
            "14.1": "Steekproeven zonder model zijn onderzocht als alternatief; die vinden minder onjuiste aanvragen.",
            "14.2": "Het model bepaalt alleen wie extra wordt gecontroleerd; het besluit blijft bij een medewerker.",
            "18": "Pilot met een risicomodel voor bijstandsaanvragen. Het risico op discriminatie blijft hoog; "
            "de gemeente legt de verwerking voor aan de AP.",
        },
    )
    r1 = _risico(
        dpia,
        tm,
        "Het model selecteert bepaalde groepen vaker (indirecte discriminatie, bijvoorbeeld via woonwijk).",
        "Variabelen die samenhangen met afkomst of woonplaats.",
        "hoog",
        "hoog",
        "hoog",
        "Een bias-toets verkleint het risico, maar het blijft hoog zolang de variabelen niet zijn getoetst.",
    )
    r2 = _risico(
        dpia,
        tm,
        "Mensen worden onterecht gecontroleerd en voelen zich gestigmatiseerd.",
        "Fout-positieve selecties door het model.",
        "midden",
        "hoog",
        "midden",
        "Een medewerker beoordeelt elke selectie voor er contact wordt opgenomen.",
    )
    _maatregel(
        dpia,
        tm,
        r1,
        "Jaarlijkse bias-toets door een externe partij.",
        "organisatorisch",
        tm,
        nu.date() + timedelta(days=60),
    )
    _maatregel(
        dpia, tm, r2, "Menselijke beoordeling van elke selectie.", "organisatorisch", tm, nu.date() + timedelta(days=30)
    )
    services.advies_vragen(dpia=dpia, door=tm, nu=start + timedelta(days=30))
    services.beveiligingsadvies_geven(
        dpia=dpia, door=ciso, advies="Scheid de trainingsdata van de productiedata.", nu=start + timedelta(days=33)
    )
    services.fg_advies_geven(
        dpia=dpia,
        door=fg,
        oordeel="negatief",
        advies="Niet starten zolang de bias-toets niet is gedaan; bij blijvend hoog risico de AP raadplegen.",
        nu=start + timedelta(days=40),
    )
    if bestuur is not None:
        services.raadpleging_indienen(
            dpia=dpia,
            door=bestuur,
            ingediend_op=(nu - timedelta(days=14)).date(),
            kenmerk="z2026-00123",
            nu=nu,
        )


def _schuld(v, nu, tm, ciso):
    """Filled in and waiting for the FG's advice (the FG's work list shows it)."""
    start = nu - timedelta(days=20)
    dpia = services.dpia_starten(door=tm, verwerkingen=[v], nu=start)
    dpia = services.prescan_vastleggen(
        dpia=dpia, door=tm, criteria=["kwetsbare_betrokkenen", "koppeling"], ap_lijst=[5], nu=start
    )
    _invullen(
        dpia,
        tm,
        start,
        {
            "14.1": "Zonder inzicht in inkomen en schulden kan de gemeente geen passend schuldhulptraject bieden.",
            "14.2": "Alleen gegevens die voor het plan van aanpak nodig zijn; de inwoner stemt in met het traject.",
            "18": "Schuldhulpverlening: financiële gegevens van kwetsbare inwoners, gedeeld met schuldeisers. "
            "Na maatregelen is het restrisico gemiddeld.",
        },
    )
    risico = _risico(
        dpia,
        tm,
        "Schuldeisers krijgen meer gegevens dan nodig voor de regeling.",
        "Volledige dossiers worden gedeeld in plaats van een samenvatting.",
        "midden",
        "midden",
        "midden",
        "Een vast formulier met alleen de nodige gegevens.",
    )
    _maatregel(
        dpia,
        tm,
        risico,
        "Vast formulier voor gegevens aan schuldeisers.",
        "organisatorisch",
        tm,
        nu.date() + timedelta(days=45),
        nu=start,
    )
    services.advies_vragen(dpia=dpia, door=tm, nu=nu - timedelta(days=3))


def laad(gemeente, *, gebruikers):
    """Add the demo pre-scans and DPIAs once (safe to run again)."""
    if Dpia.objects.filter(gemeente=gemeente).exists():
        return 0
    nu = timezone.now().replace(second=0, microsecond=0)
    po, tm, fg, ciso = (
        gebruikers["privacyofficer"],
        gebruikers["teammanager-sociaal"],
        gebruikers["fg"],
        gebruikers["ciso"],
    )
    tm_bz = gebruikers.get("teammanager-burgerzaken", po)
    bestuur = gebruikers.get("college") or gebruikers.get("directeur")
    v = {k: Verwerking.objects.filter(gemeente=gemeente, naam=naam).first() for k, naam in NAMEN.items()}
    aantal = 0
    if v["camera"]:
        _camera(v["camera"], nu, po, tm_bz, fg, ciso)
        aantal += 1
    if v["wmo"]:
        _wmo(v["wmo"], nu, po, tm, fg, ciso)
        aantal += 1
    if v["ai"]:
        _ai(v["ai"], nu, po, tm, fg, ciso, bestuur)
        aantal += 1
    if v["jeugd"]:
        services.dpia_starten(door=tm, verwerkingen=[v["jeugd"]], nu=nu - timedelta(days=2))
        aantal += 1
    if v["schuld"]:
        _schuld(v["schuld"], nu, tm, ciso)
        aantal += 1
    if v["web"]:
        dpia = services.dpia_starten(door=po, verwerkingen=[v["web"]], nu=nu - timedelta(days=40))
        services.prescan_vastleggen(
            dpia=dpia,
            door=po,
            criteria=["monitoring"],
            ap_lijst=[],
            uitvoeren=False,
            motivering="Alleen geanonimiseerde statistieken zonder tracking-cookies; IP-adressen worden direct "
            "ingekort. Het risico voor bezoekers is klein.",
            nu=nu - timedelta(days=40),
        )
        aantal += 1
    if v["honden"]:
        dpia = services.dpia_starten(door=po, verwerkingen=[v["honden"]], nu=nu - timedelta(days=45))
        services.prescan_vastleggen(dpia=dpia, door=po, criteria=[], ap_lijst=[], nu=nu - timedelta(days=45))
        aantal += 1
    return aantal


def laad_demo(gemeenten, gebruikers):
    """This register's part of `seed_demo` (Voorbeeldstad)."""
    laad(gemeenten["voorbeeldstad"], gebruikers=gebruikers)
    return ""
