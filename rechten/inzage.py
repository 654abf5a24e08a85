"""The information of art. 15(1)-(3) AVG in the decision on an inzage request, as structure.

What this module offers (no writes; `services.inzage_informatie_opslaan` saves):

- `geldt_voor(verzoek)`: does the decision carry the art. 15 information (an inzage request that
  is, or may still be, granted)?
- `onderdeel_uit_versie(versie, naam=...)`: the prefilled text of one verwerking, in B1 Dutch, from
  the approved version (`VerwerkingVersie`) of that verwerking; empty texts when there is none.
- `algemeen_voorstel(verzoek)`: the prefilled general parts (copy, rights, complaint).
- `weergave(verzoek)`: what the letter and the page show: the stored structure, or (nothing
  stored yet) the prefill of today, as plain dicts, with the B1 sentence of each part.

The letter (templates/reports/rechten/_inzage.html) renders `weergave` in the PDF and in the
page preview alike.
"""

from .constants import KANALEN_ELEKTRONISCH, UITKOMSTEN_TOEGEWEZEN, KopieVorm, Soort

ONDERDEEL_TEKSTVELDEN = (
    "naam",
    "doeleinden",
    "persoonsgegevens",
    "ontvangers",
    "doorgifte",
    "bewaartermijn",
    "herkomst",
    "logica",
)
ONDERDEEL_VELDEN = (*ONDERDEEL_TEKSTVELDEN, "geautomatiseerd")
ALGEMENE_VELDEN = ("kopie_vorm", "kopie_toelichting", "kopie_reden", "rechten_tekst", "klacht_tekst")

# Parts the letter cannot do without (art. 15(1)(a)-(d)); the others have a sentence when empty.
VERPLICHT = {
    "naam": "Vul de naam in die de verzoeker in de brief leest.",
    "doeleinden": "Schrijf op waarvoor de gemeente de gegevens gebruikt (art. 15 lid 1 onder a AVG).",
    "persoonsgegevens": "Schrijf op om welke gegevens het gaat (art. 15 lid 1 onder b AVG).",
    "ontvangers": "Schrijf op wie de gegevens krijgen, of dat niemand ze krijgt (art. 15 lid 1 onder c AVG).",
    "bewaartermijn": "Schrijf op hoe lang de gegevens bewaard worden, of hoe dat bepaald wordt "
    "(art. 15 lid 1 onder d AVG).",
}

GEEN_DOORGIFTE = (
    "Nee. Wij geven deze gegevens niet door aan landen buiten de Europese Economische Ruimte (EER): de landen van "
    "de Europese Unie, en IJsland, Liechtenstein en Noorwegen."
)
GEEN_HERKOMST = "U heeft deze gegevens zelf aan ons gegeven."
GEEN_GEAUTOMATISEERD = (
    "Nee. Een computer neemt bij deze verwerking geen besluiten over u zonder dat een medewerker meekijkt. "
    "Wij maken ook geen profiel van u."
)
WEL_GEAUTOMATISEERD = (
    "Ja. Bij deze verwerking gebruiken wij profilering, of een computer neemt besluiten over u zonder dat een "
    "medewerker meekijkt."
)
LOGICA_ONTBREEKT = (
    "Leg in eenvoudige woorden uit hoe de computer beslist of het profiel maakt, waarom dat belangrijk is en "
    "wat de gevolgen voor de verzoeker kunnen zijn (art. 15 lid 1 onder h AVG)."
)

RECHTEN_TEKST = (
    "Kloppen uw gegevens niet? Dan kunt u ons vragen ze te verbeteren. U kunt ons ook vragen uw gegevens te "
    "verwijderen, of het gebruik ervan te beperken. En u kunt bezwaar maken tegen het gebruik van uw gegevens. "
    "Niet elk recht geldt voor elke verwerking: soms moeten wij gegevens van de wet gebruiken of bewaren. "
    "Wilt u een van deze rechten gebruiken? Stuur ons dan een verzoek. Dat kan op dezelfde manier als dit "
    "verzoek. (Artikel 16, 17, 18 en 21 van de Algemene verordening gegevensbescherming, AVG.)"
)
KLACHT_TEKST = (
    "Vindt u dat wij niet goed omgaan met uw gegevens? Dan heeft u het recht om een klacht in te dienen bij de "
    "Autoriteit Persoonsgegevens (AP). De AP houdt toezicht op hoe organisaties met persoonsgegevens omgaan. "
    "Een klacht indienen kan via www.autoriteitpersoonsgegevens.nl. Dit kan naast een bezwaar."
)
KOPIE_TEKST = {
    KopieVorm.ELEKTRONISCH: "U krijgt een kopie van uw gegevens als pdf-bestand. Wij sturen u een e-mail met een "
    "beveiligde link om het bestand te downloaden.",
    KopieVorm.PAPIER: "U krijgt een kopie van uw gegevens op papier. De kopie zit bij deze brief.",
    KopieVorm.BALIE: "U kunt de kopie van uw gegevens ophalen aan de balie van het gemeentehuis. Neem een "
    "geldig identiteitsbewijs mee.",
}
KOPIE_KOSTEN = (
    "De kopie is gratis. Vraagt u later nog een kopie, dan kunnen wij daarvoor een redelijke vergoeding vragen."
)


def geldt_voor(verzoek):
    """An inzage request that is open, or decided (partly) in the requester's favour."""
    if Soort.INZAGE not in (verzoek.soorten or []):
        return False
    return not verzoek.uitkomst or verzoek.uitkomst in UITKOMSTEN_TOEGEWEZEN


def _alineas(*delen):
    return "\n\n".join(d.strip() for d in delen if d and d.strip())


def onderdeel_uit_versie(versie, *, naam=""):
    """The prefilled texts of one verwerking, from its approved version (None: nothing to fill in)."""
    if versie is None:
        return {veld: "" for veld in ONDERDEEL_TEKSTVELDEN} | {"naam": naam, "geautomatiseerd": False}
    persoonsgegevens = [versie.categorieen_persoonsgegevens]
    if versie.bijzondere_labels:
        persoonsgegevens.append(
            "Het gaat ook om bijzondere persoonsgegevens: " + ", ".join(versie.bijzondere_labels).lower() + "."
        )
    if versie.strafrechtelijke_gegevens:
        persoonsgegevens.append("Het gaat ook om strafrechtelijke gegevens.")
    if versie.gebruikt_bsn:
        persoonsgegevens.append("Wij gebruiken hiervoor ook uw burgerservicenummer (BSN).")
    ontvangers = [versie.ontvangers]
    if versie.verwerkers.strip():
        ontvangers.append(
            "Deze bedrijven werken in onze opdracht met de gegevens (verwerkers): " + versie.verwerkers.strip()
        )
    if versie.doorgifte_buiten_eer:
        doorgifte = _alineas(
            "Ja. Wij geven deze gegevens door aan landen buiten de Europese Economische Ruimte (EER: de landen van "
            "de Europese Unie, en IJsland, Liechtenstein en Noorwegen). Naar welke landen, en hoe uw gegevens daar "
            "beschermd zijn:",
            versie.doorgifte_waarborgen,
        )
    else:
        doorgifte = GEEN_DOORGIFTE
    return {
        "naam": versie.naam,
        "doeleinden": versie.doeleinden.strip(),
        "persoonsgegevens": _alineas(*persoonsgegevens),
        "ontvangers": _alineas(*ontvangers),
        "doorgifte": doorgifte,
        "bewaartermijn": versie.bewaartermijn.strip(),
        "herkomst": versie.herkomst.strip(),
        "geautomatiseerd": versie.geautomatiseerde_besluitvorming,
        "logica": "",
    }


def algemeen_voorstel(verzoek):
    """The prefilled general parts; the copy is electronic when the request came in electronically."""
    vorm = KopieVorm.ELEKTRONISCH if verzoek.kanaal in KANALEN_ELEKTRONISCH else KopieVorm.PAPIER
    return {
        "kopie_vorm": vorm,
        "kopie_toelichting": KOPIE_TEKST[vorm],
        "kopie_reden": "",
        "rechten_tekst": RECHTEN_TEKST,
        "klacht_tekst": KLACHT_TEKST,
    }


def _versie_info(versie):
    if versie is None:
        return None
    return {"uuid": versie.uuid, "volgnummer": versie.volgnummer, "vastgesteld_op": versie.vastgesteld_op}


def _onderdeel_weergave(tekst, *, verwerking, versie, gekoppeld=True, bewerkt=False, uuid=None):
    """One part as the page, the letter and the API read it (plain dict, with the B1 sentences)."""
    return {
        **tekst,
        "uuid": uuid,
        "verwerking": verwerking,
        "versie": _versie_info(versie),
        "gekoppeld": gekoppeld,
        "bewerkt": bewerkt,
        "doorgifte_zin": tekst["doorgifte"] or GEEN_DOORGIFTE,
        "herkomst_zin": tekst["herkomst"] or GEEN_HERKOMST,
        "geautomatiseerd_zin": WEL_GEAUTOMATISEERD if tekst["geautomatiseerd"] else GEEN_GEAUTOMATISEERD,
        "ontbreekt": [veld for veld in VERPLICHT if not (tekst.get(veld) or "").strip()]
        + (["logica"] if tekst["geautomatiseerd"] and not tekst["logica"].strip() else []),
    }


PREFETCH = ("inzage_informatie__onderdelen__verwerking", "inzage_informatie__onderdelen__versie")


def opgeslagen(verzoek):
    """The stored structure of the request, or None (from the prefetch `PREFETCH` when there is one)."""
    from .models import InzageInformatie, Verzoek

    if Verzoek.inzage_informatie.is_cached(verzoek):
        try:
            return verzoek.inzage_informatie
        except InzageInformatie.DoesNotExist:
            return None
    return (
        InzageInformatie.objects.filter(verzoek=verzoek)
        .prefetch_related("onderdelen__verwerking", "onderdelen__versie")
        .first()
    )


def weergave(verzoek, *, inzage=None):
    """The art. 15 information of the request as plain dicts: the stored structure, or (not stored
    yet) today's prefill from the linked verwerkingen. None when the decision carries none."""
    if not geldt_voor(verzoek):
        return None
    inzage = inzage if inzage is not None else opgeslagen(verzoek)
    if inzage is not None:
        algemeen = {veld: getattr(inzage, veld) for veld in ALGEMENE_VELDEN}
        onderdelen = [
            _onderdeel_weergave(
                {veld: getattr(o, veld) for veld in ONDERDEEL_VELDEN},
                verwerking=o.verwerking,
                versie=o.versie,
                gekoppeld=o.gekoppeld,
                bewerkt=o.bewerkt,
                uuid=o.uuid,
            )
            for o in sorted(inzage.onderdelen.all(), key=lambda o: (o.naam.lower(), o.pk))
        ]
    else:
        algemeen = algemeen_voorstel(verzoek)
        onderdelen = []
        # `verwerkingen` with select_related("gepubliceerde_versie") when prefetched (the API list)
        for verwerking in sorted(verzoek.verwerkingen.all(), key=lambda v: (v.naam.lower(), v.pk)):
            versie = verwerking.gepubliceerde_versie
            onderdelen.append(
                _onderdeel_weergave(
                    onderdeel_uit_versie(versie, naam=verwerking.naam), verwerking=verwerking, versie=versie
                )
            )
    gekoppeld = [o for o in onderdelen if o["gekoppeld"]]
    return {
        "opgeslagen": inzage is not None,
        **algemeen,
        "kopie_vorm_label": KopieVorm(algemeen["kopie_vorm"]).label if algemeen["kopie_vorm"] else "",
        "kopie_kosten": KOPIE_KOSTEN,
        "onderdelen": gekoppeld,
        "losgekoppeld": [o for o in onderdelen if not o["gekoppeld"] and o["bewerkt"]],
        "ontbreekt": any(o["ontbreekt"] for o in gekoppeld),
    }
