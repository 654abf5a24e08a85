"""The rules of the DPIA-register as pure functions: no database, no clock.

- `feiten_uit_register(verwerkingen)`: what the register already knows, so the pre-scan does not ask it again.
- `criteria_uit_feiten(feiten)`: the EDPB criteria those facts settle.
- `prescan_uitkomst(criteria, ap_lijst, ai=..., nieuwe_wetgeving=..., risicoscore=...)`: verplicht /
  vereist / aanbevolen / niet_nodig, with reasons.
- `andere_assessments(feiten)`: the other assessments the MinBZK pre-scan points to (DTIA, KIA, IAMA).
- `risiconiveau(kans, impact)`: the likelihood x impact matrix.
- `hoogste(niveaus)`: the highest level, for the residual risk of a whole DPIA.
"""

from collections.abc import Iterable

from .constants import AP_LIJST, NIVEAU_VOLGORDE, Criterium, Niveau, Uitkomst

# Facts taken from the verwerkingen (registers.Verwerking fields) and how they are labelled.
FEIT_LABELS = {
    "bijzondere_categorieen": "Bijzondere persoonsgegevens (art. 9 AVG)",
    "strafrechtelijke_gegevens": "Strafrechtelijke gegevens (art. 10 AVG)",
    "geautomatiseerde_besluitvorming": "Profilering of geautomatiseerde besluitvorming",
    "algoritme_of_ai": "Algoritmen of AI",
    "doorgifte_buiten_eer": "Doorgifte buiten de EER",
}


def feiten_uit_register(verwerkingen) -> dict:
    """The facts of the linked verwerkingen, combined (a fact holds when it holds for any of them)."""
    verwerkingen = list(verwerkingen)
    bijzonder = sorted({c for v in verwerkingen for c in (v.bijzondere_categorieen or [])})
    return {
        "bijzondere_categorieen": bijzonder,
        "strafrechtelijke_gegevens": any(v.strafrechtelijke_gegevens for v in verwerkingen),
        "geautomatiseerde_besluitvorming": any(v.geautomatiseerde_besluitvorming for v in verwerkingen),
        "algoritme_of_ai": any(v.algoritme_of_ai for v in verwerkingen),
        "doorgifte_buiten_eer": any(v.doorgifte_buiten_eer for v in verwerkingen),
    }


def criteria_uit_feiten(feiten: dict) -> dict[str, str]:
    """EDPB criteria the register already answers, with the fact that settles each.

    Special or criminal data -> sensitive data; profiling or automated decisions -> evaluation or
    scoring (whether a decision has legal effect is still asked); algorithms or AI -> new technology.
    A transfer outside the EEA is no EDPB criterion; it is shown as a fact (a DTIA may be needed).
    """
    vast = {}
    if feiten.get("bijzondere_categorieen") or feiten.get("strafrechtelijke_gegevens"):
        vast[Criterium.GEVOELIGE_GEGEVENS] = "Het register vermeldt bijzondere of strafrechtelijke gegevens."
    if feiten.get("geautomatiseerde_besluitvorming"):
        vast[Criterium.EVALUATIE] = "Het register vermeldt profilering of geautomatiseerde besluitvorming."
    if feiten.get("algoritme_of_ai"):
        vast[Criterium.NIEUWE_TECHNOLOGIE] = "Het register vermeldt het gebruik van algoritmen of AI."
    return vast


# The MinBZK pre-scan (model_rijksdienst/prescan.yaml, assessment "DPIA"): a sum of risk scores above
# this number makes a DPIA required.
RISICOSCORE_GRENS = 4

# Answers of the pre-scan beyond the EDPB criteria and the AP list (stored with the register's facts).
PRESCAN_ANTWOORDEN = {
    "nieuwe_wetgeving": "Nieuwe wet- of regelgeving in de scope",
    "risicoscore": "Som van de risicoscores (pre-scan DPIA Rijksdienst)",
    "digitale_dienst_minderjarigen": "Digitale dienst primair voor personen jonger dan 18 jaar",
    "hoog_risico_algoritme": "Hoog-risico-AI-systeem of impactvol algoritme",
}


def prescan_uitkomst(
    criteria: Iterable[str],
    ap_lijst: Iterable[int],
    *,
    ai: bool = False,
    nieuwe_wetgeving: bool = False,
    risicoscore: int | None = None,
) -> tuple[str, list[str]]:
    """The outcome of a pre-scan and why.

    New legislation in scope, or a sum of the risk scores above 4, makes a DPIA mandatory (the
    "required" level of the MinBZK pre-scan, `prescan.yaml`, criteria "wetgeving" and "riskscore").
    A type on the AP list, or an AI system (seed 001), makes a DPIA mandatory (verplicht); two or
    more EDPB criteria make it required (vereist, the EDPB rule of thumb); one criterion makes it
    recommended (aanbevolen, the decision not to do it must be motivated); none: not needed.
    """
    criteria = sorted(set(criteria), key=list(Criterium.values).index)
    ap_lijst = sorted(set(ap_lijst))
    redenen = []
    if ai:
        redenen.append("Er wordt een algoritme of AI-systeem gebruikt: de gemeente doet dan altijd een DPIA.")
    if nieuwe_wetgeving:
        redenen.append("De scope betreft nieuwe wet- of regelgeving: een DPIA is dan verplicht.")
    if risicoscore is not None and risicoscore > RISICOSCORE_GRENS:
        redenen.append(
            f"De som van de risicoscores is {risicoscore}, groter dan {RISICOSCORE_GRENS}: een DPIA is dan verplicht."
        )
    for nummer in ap_lijst:
        redenen.append(f"De verwerking staat op de lijst van de AP: {nummer}. {AP_LIJST[nummer][0]}.")
    if ai or ap_lijst or nieuwe_wetgeving or (risicoscore is not None and risicoscore > RISICOSCORE_GRENS):
        uitkomst = Uitkomst.VERPLICHT
    elif len(criteria) >= 2:
        uitkomst = Uitkomst.VEREIST
    elif len(criteria) == 1:
        uitkomst = Uitkomst.AANBEVOLEN
    else:
        uitkomst = Uitkomst.NIET_NODIG
    if criteria:
        namen = "; ".join(Criterium(c).label.lower() for c in criteria)
        werkwoord = "geldt" if len(criteria) == 1 else "gelden"
        redenen.append(f"{len(criteria)} van de 9 criteria van de EDPB {werkwoord}: {namen}.")
    else:
        redenen.append("Geen van de 9 criteria van de EDPB geldt.")
    return uitkomst, redenen


def andere_assessments(feiten: dict) -> list[dict]:
    """The other assessments the MinBZK pre-scan points to, from the pre-scan's facts and answers.

    Each as {"code", "naam", "niveau", "reden"}: a DTIA for a transfer outside the EEA (required
    unless an adequacy decision covers it), a KIA for a digital service meant for minors, an IAMA
    for a high-risk AI system or an impactful algorithm.
    """
    andere = []
    if feiten.get("doorgifte_buiten_eer"):
        andere.append(
            {
                "code": "DTIA",
                "naam": "Data Transfer Impact Assessment",
                "niveau": "verplicht",
                "reden": "Er worden gegevens doorgegeven buiten de EER. Een DTIA is verplicht bij "
                "standaardcontractbepalingen of een ander mechanisme; alleen een adequaatheidsbesluit "
                "maakt hem overbodig.",
            }
        )
    if feiten.get("digitale_dienst_minderjarigen"):
        andere.append(
            {
                "code": "KIA",
                "naam": "Kinderrechten Impact Assessment",
                "niveau": "aanbevolen",
                "reden": "Er wordt een digitale dienst aangeboden die primair bedoeld is voor personen "
                "jonger dan 18 jaar.",
            }
        )
    if feiten.get("hoog_risico_algoritme"):
        andere.append(
            {
                "code": "IAMA",
                "naam": "Impact Assessment Mensenrechten en Algoritmes",
                "niveau": "aanbevolen",
                "reden": "Er wordt een hoog-risico-AI-systeem of een impactvol algoritme gebruikt: "
                "breng de impact op grondrechten in kaart.",
            }
        )
    return andere


# likelihood -> impact -> risk. Low likelihood or low impact keeps a risk low unless the other is high.
MATRIX = {
    Niveau.LAAG: {Niveau.LAAG: Niveau.LAAG, Niveau.MIDDEN: Niveau.LAAG, Niveau.HOOG: Niveau.MIDDEN},
    Niveau.MIDDEN: {Niveau.LAAG: Niveau.LAAG, Niveau.MIDDEN: Niveau.MIDDEN, Niveau.HOOG: Niveau.HOOG},
    Niveau.HOOG: {Niveau.LAAG: Niveau.MIDDEN, Niveau.MIDDEN: Niveau.HOOG, Niveau.HOOG: Niveau.HOOG},
}


def risiconiveau(kans: str, impact: str) -> str:
    return MATRIX[Niveau(kans)][Niveau(impact)]


def hoogste(niveaus: Iterable[str]) -> str:
    """The highest of the given levels; '' when there are none."""
    gevuld = [Niveau(n) for n in niveaus if n]
    return max(gevuld, key=NIVEAU_VOLGORDE.__getitem__) if gevuld else ""
