"""The built-in DPIA questionnaire, and helpers to read any questionnaire definition.

The built-in definition follows the Model DPIA Rijksdienst: part A (description, § 1-10), part B
(lawfulness, § 11-15), part C (risks, § 16), part D (measures, § 17), the management summary (18),
version and FG advice (19) and sign-off (20). It is written in the assessment-definition v2 format
of the government's DPIA tool, with that model's task ids, so a DPIA exports to the tool's output
format as it is and imported definitions (`importeer_dpia_model`) are read the same way. The
wording is ours and shorter; the paragraphs and ids are the model's.

Tasks the portal fills itself (risks, measures, acceptance, versions, FG advice, sign-off) are in
PORTAAL_TAKEN: the questionnaire pages skip them and the export takes them from the records.
"""

import copy
from functools import lru_cache

from .constants import Deel

URN_DPIA = "urn:nl:dpia"
URN_PRESCAN = "urn:nl:prescan"

# Tasks (and everything below them) the portal fills from its own records.
PORTAAL_TAKEN = frozenset({"16.1", "17.1", "17.3", "19", "20"})

JA_NEE = [{"value": True, "label": "Ja"}, {"value": False, "label": "Nee"}]
JA_NEE_NVT = [*JA_NEE, {"value": None, "label": "Niet van toepassing"}]
NIVEAUS = [{"value": "laag"}, {"value": "midden"}, {"value": "hoog"}]


def _taak(id_, task, soort, *, description=None, options=None, repeatable=False, tasks=None, value_type=None):
    taak = {"task": task, "id": id_, "type": [soort], "repeatable": repeatable}
    if description:
        taak["description"] = description
    if options is not None:
        taak["options"] = options
    if value_type:
        taak["valueType"] = value_type
    if tasks is not None:
        taak["tasks"] = tasks
    return taak


def _groep(id_, task, tasks, *, description=None, repeatable=False, official=True):
    taak = _taak(id_, task, "task_group", description=description, repeatable=repeatable, tasks=tasks)
    if "." not in id_:
        taak["is_official_id"] = official
    return taak


def _tekst(id_, task, description=None):
    return _taak(id_, task, "open_text", description=description)


def _regel(id_, task, description=None):
    return _taak(id_, task, "text_input", description=description)


def _aanvulling(id_, onderwerp):
    return _tekst(id_, f"Aanvullende informatie over {onderwerp}", "Optioneel: extra toelichting.")


def _recht(nummer, naam):
    return _groep(
        f"15.{nummer}",
        naam,
        [
            _taak(
                f"15.{nummer}.1",
                "Is er een procedure om dit recht uit te voeren?",
                "radio_option",
                options=JA_NEE_NVT,
                value_type="boolean|null",
            ),
            _tekst(
                f"15.{nummer}.2",
                "Toelichting",
                "Hoe werkt de procedure, of op welke wettelijke grond is het recht beperkt?",
            ),
        ],
    )


INGEBOUWD = {
    "name": "DPIA volgens het Model DPIA Rijksdienst (Privacy Portal)",
    "urn": URN_DPIA,
    "version": "3.0",
    "description": (
        "De vragenlijst van het Privacy Portal voor een gegevensbeschermingseffectbeoordeling (DPIA) volgens het "
        "Model DPIA Rijksdienst: deel A beschrijving, deel B rechtmatigheid, deel C risico's, deel D maatregelen, "
        "managementsamenvatting, versie en vaststelling. Antwoorden uit het register zijn al ingevuld."
    ),
    "tasks": [
        _taak(
            "0",
            "Inleiding",
            "open_text",
            description="Waarom wordt deze DPIA gedaan, en hoe is hij opgesteld? "
            "Verwijs eventueel naar het privacybeleid.",
        )
        | {"is_official_id": False},
        # Part A – description
        _groep(
            "1", "Voorstel", [_tekst("1.1", "Voorstel", "Beschrijf op hoofdlijnen het voorstel en waarom het er komt.")]
        ),
        _groep(
            "2",
            "Persoonsgegevens",
            [
                _groep(
                    "2.1",
                    "Persoonsgegevens",
                    [
                        _regel("2.1.1", "Persoonsgegeven"),
                        _regel("2.1.2", "Categorie betrokkenen"),
                        _regel("2.1.3", "Categorie persoonsgegevens"),
                        _taak(
                            "2.1.4",
                            "Soort persoonsgegeven",
                            "select_option",
                            options=[
                                {"value": "gewoon"},
                                {"value": "gevoelig"},
                                {"value": "bijzonder"},
                                {"value": "strafrechtelijk"},
                                {"value": "nationaal identificatienummer"},
                            ],
                        ),
                    ],
                    repeatable=True,
                ),
                _aanvulling("2.3", "de persoonsgegevens"),
            ],
            description="Welke persoonsgegevens worden verwerkt, van wie, en hoe zijn ze ingedeeld? Noem ook de bron.",
        ),
        _groep(
            "3",
            "Gegevensverwerkingen",
            [
                _groep(
                    "3.1",
                    "Gegevensverwerking",
                    [_regel("3.1.1", "Naam van de gegevensverwerking"), _regel("3.1.2", "Beschrijving")],
                    repeatable=True,
                ),
                _aanvulling("3.2", "de gegevensverwerkingen"),
            ],
            description="Welke verwerkingen horen erbij, en welke gegevens van wie gebruikt elke verwerking?",
        ),
        _tekst(
            "4",
            "Technieken en methoden",
            "Hoe worden de gegevens verwerkt? Noem in elk geval geautomatiseerde besluitvorming, profilering, cloud, "
            "algoritmen of AI en big data.",
        )
        | {"is_official_id": True},
        _groep(
            "5",
            "Verwerkingsdoeleinden",
            [
                _groep(
                    "5.1", "Doel per gegevensverwerking", [_tekst("5.1.1", "Verwerkingsdoeleinde")], repeatable=True
                ),
                _aanvulling("5.2", "de doeleinden"),
            ],
        ),
        _groep(
            "6",
            "Betrokken partijen",
            [_tekst("6.2", "Partijen en hun rol", "Verwerkingsverantwoordelijke, verwerkers, ontvangers, derden.")],
            description="Welke partijen zijn betrokken, in welke rol, en wie krijgt toegang tot welke gegevens?",
        ),
        _groep(
            "7",
            "Belangen bij de gegevensverwerkingen",
            [
                _tekst(
                    "7.2",
                    "Belangen en mening van betrokkenen",
                    "Vraag betrokkenen of hun vertegenwoordigers om hun mening, of leg uit waarom dat niet nodig is.",
                )
            ],
        ),
        _groep(
            "8",
            "Verwerkingslocaties",
            [
                _tekst(
                    "8.2",
                    "Landen en doorgiftemechanisme",
                    "In welke landen worden de gegevens verwerkt? Bij landen buiten de EER: op welke grond?",
                )
            ],
        ),
        _groep(
            "9",
            "Juridisch en beleidsmatig kader",
            [_tekst("9.2", "Wetten en beleid", "Welke wet- en regelgeving en welk beleid gelden naast de AVG?")],
        ),
        _groep(
            "10",
            "Bewaartermijnen",
            [
                _tekst(
                    "10.2",
                    "Bewaartermijnen en motivering",
                    "Hoe lang worden de gegevens bewaard, waarom niet korter, en wie ziet erop toe?",
                )
            ],
        ),
        # Part B – lawfulness
        _groep(
            "11",
            "Rechtsgrond",
            [
                _tekst(
                    "11.2",
                    "Rechtsgronden en toelichting",
                    "Op welke grondslag van art. 6 AVG steunt elke verwerking, "
                    "en hoe wordt aan de voorwaarden voldaan?",
                )
            ],
        ),
        _groep(
            "12",
            "Bijzondere en strafrechtelijke persoonsgegevens en identificatienummers",
            [
                _groep(
                    "12.1",
                    "Bijzondere persoonsgegevens",
                    [
                        _taak(
                            "12.1.1",
                            "Worden er bijzondere persoonsgegevens verwerkt?",
                            "radio_option",
                            options=JA_NEE,
                            value_type="boolean",
                        )
                    ],
                ),
                _groep(
                    "12.2",
                    "Strafrechtelijke persoonsgegevens",
                    [
                        _taak(
                            "12.2.1",
                            "Worden er strafrechtelijke persoonsgegevens verwerkt?",
                            "radio_option",
                            options=JA_NEE,
                            value_type="boolean",
                        )
                    ],
                ),
                _groep(
                    "12.3",
                    "Nationale identificatienummers",
                    [
                        _taak(
                            "12.3.1",
                            "Wordt het BSN of een ander nationaal identificatienummer verwerkt?",
                            "radio_option",
                            options=JA_NEE,
                            value_type="boolean",
                        )
                    ],
                ),
                _tekst(
                    "12.4",
                    "Uitzonderingsgronden",
                    "Welke wettelijke uitzondering op het verwerkingsverbod geldt, en mag het BSN worden gebruikt?",
                ),
            ],
        ),
        _groep(
            "13",
            "Doelbinding",
            [
                _tekst(
                    "13.2",
                    "Verenigbaarheid met het oorspronkelijke doel",
                    "Worden gegevens gebruikt voor een ander doel dan waarvoor ze zijn verzameld? "
                    "Is dat toegestaan of verenigbaar?",
                )
            ],
        ),
        _groep(
            "14",
            "Noodzaak en evenredigheid",
            [
                _tekst(
                    "14.1",
                    "Subsidiariteit",
                    "Kan het doel redelijkerwijs op een manier worden bereikt die minder ingrijpt?",
                ),
                _tekst("14.2", "Proportionaliteit", "Staat de inbreuk op de privacy in verhouding tot het doel?"),
            ],
        ),
        _groep(
            "15",
            "Rechten van de betrokkenen",
            [
                _recht(1, "Recht van inzage"),
                _recht(2, "Recht op rectificatie en aanvulling"),
                _recht(3, "Recht op vergetelheid"),
                _recht(4, "Recht op beperking van de verwerking"),
                _recht(5, "Recht op dataportabiliteit"),
                _recht(6, "Recht niet onderworpen te worden aan uitsluitend geautomatiseerde besluitvorming"),
                _recht(7, "Recht van bezwaar"),
                _recht(8, "Recht op duidelijke informatie"),
            ],
        ),
        # Part C – risks (16.1 is filled from the risk records)
        _groep(
            "16",
            "Risico's voor betrokkenen",
            [
                _groep(
                    "16.1",
                    "Risico",
                    [
                        _tekst("16.1.1", "Beschrijving van het risico"),
                        _tekst("16.1.2", "Oorsprong"),
                        _taak("16.1.3", "Kans", "select_option", options=NIVEAUS),
                        _regel("16.1.4", "Motivering van de kans"),
                        _taak("16.1.5", "Impact", "select_option", options=NIVEAUS),
                        _regel("16.1.6", "Motivering van de impact"),
                        _taak("16.1.7", "Risiconiveau", "select_option", options=NIVEAUS),
                        _regel("16.1.8", "Motivering van de risico-inschatting"),
                    ],
                    repeatable=True,
                ),
                _aanvulling("16.2", "de risico's"),
            ],
            description="Welke nadelige gevolgen kan de verwerking hebben voor de rechten en vrijheden van "
            "betrokkenen, waar komen ze vandaan, hoe groot is de kans en hoe ernstig is de impact?",
        ),
        # Part D – measures (17.1 and 17.3 are filled from the records)
        _groep(
            "17",
            "Maatregelen",
            [
                _groep(
                    "17.1",
                    "Maatregelen per risico",
                    [
                        _taak("17.1.1", "Risico", "checkbox_option", value_type="string[]"),
                        _regel("17.1.2", "Oorsprong"),
                        _regel("17.1.3", "Maatregelen"),
                        _taak("17.1.4", "Restrisico", "select_option", options=NIVEAUS),
                        _tekst("17.1.5", "Advies van de AP"),
                        _regel("17.1.7", "Beheerder van de maatregelen"),
                    ],
                    repeatable=True,
                ),
                _aanvulling("17.2", "de maatregelen"),
                _tekst("17.3", "Onderbouwing acceptatie restrisico's"),
            ],
            description="Welke technische, organisatorische en juridische maatregelen verkleinen de risico's, "
            "wat blijft er over, en is dat aanvaardbaar?",
        ),
        _tekst("18", "Managementsamenvatting", "De belangrijkste risico's en de (voorgenomen) maatregelen, kort.")
        | {"is_official_id": False},
        _groep(
            "19",
            "Versie, status en advies FG",
            [
                _groep(
                    "19.1",
                    "Versie",
                    [
                        _regel("19.1.1", "DPIA-versie"),
                        _taak("19.1.2", "Datum", "date"),
                        _regel("19.1.3", "Toelichting"),
                    ],
                    repeatable=True,
                ),
                _taak("19.2", "Status", "select_option", options=[{"value": "concept"}, {"value": "definitief"}]),
                _groep(
                    "19.5",
                    "Advies functionaris gegevensbescherming (FG)",
                    [
                        _regel("19.5.1", "Organisatie"),
                        _regel("19.5.4", "Naam"),
                        _regel("19.5.5", "Functie"),
                        _taak("19.5.6", "Datum advies", "date"),
                        _tekst("19.5.7", "Advies FG"),
                    ],
                ),
            ],
            official=False,
        ),
        _groep(
            "20",
            "Vaststelling en ondertekening",
            [
                _groep(
                    "20.1",
                    "Verwerkingsverantwoordelijke",
                    [
                        _regel("20.1.1", "Organisatie"),
                        _regel("20.1.4", "Naam"),
                        _regel("20.1.5", "Functie"),
                        _taak("20.1.6", "Datum ondertekening", "date"),
                    ],
                    repeatable=True,
                )
            ],
            official=False,
        ),
    ],
}


def ingebouwde_definitie():
    return copy.deepcopy(INGEBOUWD)


def definitie_van(dpia):
    """The definition a DPIA is filled in with (the built-in one when none was chosen)."""
    return dpia.vragenlijst.definitie if dpia.vragenlijst_id else INGEBOUWD


def urn_met_versie(definitie) -> str:
    """'urn:nl:dpia:3.0': the definition's urn with its major.minor version (the output format's metadata.urn)."""
    delen = (str(definitie.get("version") or "1").split(".") + ["0"])[:2]
    return f"{definitie['urn']}:{delen[0]}.{delen[1]}"


def deel_van(taak_id: str) -> str:
    """The part (Deel) a top-level task belongs to: § 1-10 A, 11-15 B, 16 C, 17 D, the rest S."""
    try:
        paragraaf = int(taak_id.split(".")[0])
    except ValueError:
        return Deel.S
    if 1 <= paragraaf <= 10:
        return Deel.A
    if 11 <= paragraaf <= 15:
        return Deel.B
    if paragraaf == 16:
        return Deel.C
    if paragraaf == 17:
        return Deel.D
    return Deel.S


def is_portaal_taak(taak_id: str) -> bool:
    return any(taak_id == p or taak_id.startswith(p + ".") for p in PORTAAL_TAKEN)


def _alle(taken):
    for taak in taken:
        yield taak
        yield from _alle(taak.get("tasks") or [])


@lru_cache(maxsize=32)
def _index_ingebouwd():
    return {taak["id"]: taak for taak in _alle(INGEBOUWD["tasks"])}


def taken_index(definitie) -> dict:
    """Task id -> task, for every task at any depth."""
    if definitie is INGEBOUWD:
        return _index_ingebouwd()
    return {taak["id"]: taak for taak in _alle(definitie.get("tasks") or [])}
