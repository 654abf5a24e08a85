"""The datalek as the AP's online notification form asks it, section by section (also for the PDF dossier)."""

from django.utils import timezone

from .constants import Gevolg, Oorzaak, SoortGegevens, SoortInbreuk


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


def ap_secties(datalek):
    """[(section title, [(question, answer)])] in the order of the AP form."""
    vv = datalek.gemeente.verantwoordelijken.filter(soort="college").first()
    return [
        (
            "Melder en contactpunt",
            [
                (
                    "Organisatie",
                    f"{vv.naam if vv else 'College van burgemeester en wethouders'} van {datalek.gemeente.naam}",
                ),
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
                ("Categorieën betrokkenen", datalek.categorieen_betrokkenen or "nog niet vastgelegd"),
                (
                    "Aantal betrokkenen (ongeveer)",
                    str(datalek.aantal_betrokkenen) if datalek.aantal_betrokkenen is not None else "onbekend",
                ),
                (
                    "Aantal records (ongeveer)",
                    str(datalek.aantal_records) if datalek.aantal_records is not None else "onbekend",
                ),
                ("Betrokkenen in andere EU-landen", "ja" if datalek.internationaal else "nee"),
            ],
        ),
        (
            "Gevolgen en maatregelen",
            [
                ("Getroffen aspecten", _lijst(datalek.gevolgen_voor, Gevolg)),
                ("Waarschijnlijke gevolgen", datalek.mogelijke_gevolgen or "nog niet vastgelegd"),
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
