"""The datalek as the AP's online notification form asks it, section by section (also for the PDF dossier).

The organisation that notifies is the controller (verwerkingsverantwoordelijke) of the verwerkingen the
datalek concerns: the burgemeester for camera surveillance, the raad for its own processing, the
college for most. Only when no verwerking is linked does the text fall back to the college.
"""

from django.utils import timezone

from .constants import BijzondereCategorie, Gevolg, Oorzaak, Schade, SoortGegevens, SoortInbreuk


def _moment(waarde):
    return f"{timezone.localtime(waarde):%d-%m-%Y %H:%M}" if waarde else "onbekend"


def _lijst(codes, keuzes):
    labels = dict(keuzes.choices)
    return ", ".join(labels.get(c, c) for c in codes) or "nog niet vastgelegd"


def _openbare_mededeling(datalek):
    if not datalek.openbare_mededeling_op:
        return ""
    return (
        f"; openbare mededeling op {_moment(datalek.openbare_mededeling_op)} via "
        f"{datalek.openbare_mededeling_medium}: {datalek.openbare_mededeling_tekst}"
    )


def _correctie(datalek):
    """The correction of kennisname, if any: the original moment and who corrected it, when and why."""
    if not datalek.kennisname_gecorrigeerd:
        return []
    door = datalek.kennisname_gecorrigeerd_door
    return [
        ("Oorspronkelijk vastgelegde kennisname", _moment(datalek.kennisname_oorspronkelijk_op)),
        (
            "Correctie van kennisname",
            f"op {_moment(datalek.kennisname_gecorrigeerd_op)} door "
            f"{(door.get_full_name() or door.username) if door else 'onbekend'}: {datalek.kennisname_correctie_reden}",
        ),
    ]


def _met_gemeente(naam, gemeente):
    return naam if gemeente.naam.lower() in naam.lower() else f"{naam} van {gemeente.naam}"


def verwerkingsverantwoordelijken(datalek):
    """The names of the controllers of the linked verwerkingen, each once, in alphabetical order; the
    college (of the gemeente) when no verwerking is linked."""
    gemeente = datalek.gemeente
    namen = {
        v.verwerkingsverantwoordelijke.naam for v in datalek.verwerkingen.select_related("verwerkingsverantwoordelijke")
    }
    if not namen:
        college = gemeente.verantwoordelijken.filter(soort="college").first()
        namen = {college.naam if college else "College van burgemeester en wethouders"}
    return [_met_gemeente(naam, gemeente) for naam in sorted(namen)]


def _toezichthouders(datalek):
    if not datalek.andere_toezichthouders.strip():
        return "nee"
    return f"ja, op {_moment(datalek.andere_toezichthouders_op)}: {datalek.andere_toezichthouders}"


def ap_secties(datalek):
    """[(section title, [(question, answer)])] in the order of the AP form."""
    verantwoordelijken = verwerkingsverantwoordelijken(datalek)
    return [
        (
            "Melder en contactpunt",
            [
                (
                    "Organisatie (verwerkingsverantwoordelijke)"
                    if len(verantwoordelijken) == 1
                    else "Organisatie (verwerkingsverantwoordelijken)",
                    "; ".join(verantwoordelijken),
                ),
                ("Naam van de melder", datalek.melder_naam or "nog niet vastgelegd"),
                ("Functie van de melder", datalek.melder_functie or "nog niet vastgelegd"),
                ("Telefoon van de melder", datalek.melder_telefoon or "nog niet vastgelegd"),
                ("E-mailadres van de melder", datalek.melder_email or "niet vastgelegd"),
                ("Contactpunt", datalek.contactpersoon or "nog niet vastgelegd"),
                ("Functionaris gegevensbescherming", f"{datalek.gemeente.fg_naam}, {datalek.gemeente.fg_email}"),
            ],
        ),
        (
            "Over het datalek",
            [
                ("Samenvatting", datalek.titel),
                ("Wat is er gebeurd", datalek.omschrijving),
                ("Oorzaak", dict(Oorzaak.choices).get(datalek.oorzaak, "nog niet vastgesteld")),
                ("Begonnen", _moment(datalek.begonnen_op)),
                ("Beëindigd", _moment(datalek.beeindigd_op) if not datalek.loopt_nog else "het lek loopt nog"),
                ("Ontdekt", _moment(datalek.ontdekt_op)),
                ("Kennisname door de verwerkingsverantwoordelijke", _moment(datalek.kennisname_op)),
                *_correctie(datalek),
                ("Gemeld door een verwerker", f"ja, {datalek.verwerker_naam}" if datalek.via_verwerker else "nee"),
                ("Wat is er met de gegevens gebeurd", _lijst(datalek.soort_inbreuk, SoortInbreuk)),
            ],
        ),
        (
            "Persoonsgegevens en betrokkenen",
            [
                ("Soorten persoonsgegevens", _lijst(datalek.soorten_gegevens, SoortGegevens)),
                *(
                    [
                        (
                            "Bijzondere persoonsgegevens (art. 9 AVG)",
                            _lijst(datalek.bijzondere_categorieen, BijzondereCategorie),
                        )
                    ]
                    if SoortGegevens.BIJZONDER in datalek.soorten_gegevens or datalek.bijzondere_categorieen
                    else []
                ),
                ("Categorieën betrokkenen", datalek.categorieen_betrokkenen or "nog niet vastgelegd"),
                (
                    "Aantal betrokkenen (ongeveer)",
                    str(datalek.aantal_betrokkenen) if datalek.aantal_betrokkenen is not None else "onbekend",
                ),
                (
                    "Aantal records (ongeveer)",
                    str(datalek.aantal_records) if datalek.aantal_records is not None else "onbekend",
                ),
            ],
        ),
        (
            "Internationale aspecten",
            [
                ("Betrokkenen in andere EU-landen", "ja" if datalek.internationaal else "nee"),
                ("Gemeld bij andere toezichthouders", _toezichthouders(datalek)),
            ],
        ),
        (
            "Gevolgen en maatregelen",
            [
                ("Getroffen aspecten", _lijst(datalek.gevolgen_voor, Gevolg)),
                ("Waarschijnlijke gevolgen", datalek.mogelijke_gevolgen or "nog niet vastgelegd"),
                ("Soorten schade", _lijst(datalek.soorten_schade, Schade)),
                ("Versleuteld of onleesbaar", "ja" if datalek.versleuteld else "nee"),
                ("Beschermende maatregelen", datalek.beschermende_maatregelen or "nog niet vastgelegd"),
                ("Genomen en voorgenomen maatregelen", datalek.genomen_maatregelen or "nog niet vastgelegd"),
            ],
        ),
        (
            "Vervolg",
            [
                ("Risicobeoordeling", datalek.get_risico_display() or "nog niet beoordeeld"),
                ("Motivering", datalek.risico_motivering or "—"),
                (
                    "Betrokkenen geïnformeerd",
                    f"ja, op {_moment(datalek.betrokkenen_geinformeerd_op)} via {datalek.betrokkenen_wijze}"
                    if datalek.betrokkenen_geinformeerd_op
                    else (
                        f"nee, uitzondering: {datalek.get_uitzondering_34_3_display()} "
                        f"– {datalek.uitzondering_motivering}{_openbare_mededeling(datalek)}"
                        if datalek.uitzondering_34_3
                        else "nee (nog niet)"
                    ),
                ),
            ],
        ),
    ]


def ap_formulier_tekst(datalek):
    """The same sections as plain text, for copying into the AP's online form."""
    regels = []
    for titel, vragen in ap_secties(datalek):
        regels.append(titel.upper())
        regels += [f"{vraag}: {antwoord}" for vraag, antwoord in vragen]
        regels.append("")
    return "\n".join(regels).strip()
