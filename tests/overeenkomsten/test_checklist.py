"""The checklist per kind and the stored dates are pure functions, tested by tables."""

from datetime import date

import pytest

from overeenkomsten import checklist, deadlines
from overeenkomsten.constants import CLAUSULES, Soort

VO = Soort.VERWERKERSOVEREENKOMST


def test_elke_soort_heeft_een_checklist_en_de_verwerkersovereenkomst_volgt_domain_md():
    assert set(CLAUSULES) == set(Soort)
    codes = [code for code, _ in checklist.clausules_voor(VO)]
    # DOMAIN.md: subject, duration, nature and purpose; data and data subjects; instructions;
    # sub-processors only with written consent; security; confidentiality; assistance with rights
    # and breaches; return or destruction; audits; transfers abroad; liability.
    for verplicht in (
        "onderwerp_duur",
        "aard_doel",
        "gegevens_betrokkenen",
        "instructies",
        "subverwerkers",
        "beveiliging",
        "geheimhouding",
        "bijstand_rechten",
        "bijstand_datalekken",
        "einde",
        "audits",
        "doorgifte",
        "aansprakelijkheid",
    ):
        assert verplicht in codes
    assert len(codes) == len(set(codes))


@pytest.mark.parametrize(
    ("soort", "aangevinkt", "ontbrekend", "percentage"),
    [
        (VO, [], 17, 0),  # nothing ticked
        (VO, [c for c, _ in CLAUSULES[VO] if c != "audits"], 1, 94),  # one clause missing: 16/17
        (VO, [c for c, _ in CLAUSULES[VO]], 0, 100),  # complete
        (VO, ["audits", "audits", "onbekend"], 16, 6),  # duplicates and unknown codes do not count
        (Soort.CONVENANT, ["doel", "grondslag"], 8, 20),  # 2 of 10
        (Soort.CONVENANT, ["audits"], 10, 0),  # a clause of another kind does not count
    ],
)
def test_ontbrekende_clausules_en_volledigheid(soort, aangevinkt, ontbrekend, percentage):
    assert len(checklist.ontbrekende_clausules(soort, aangevinkt)) == ontbrekend
    assert checklist.volledigheid_percentage(soort, aangevinkt) == percentage


def test_geldige_codes_houdt_de_volgorde_van_de_checklist():
    assert checklist.geldige_codes(VO, ["einde", "onderwerp_duur", "doel"]) == ["onderwerp_duur", "einde"]
    assert checklist.labels(VO, ["audits"]) == ["Audits en inspecties door of namens de gemeente"]


@pytest.mark.parametrize(
    ("start", "laatste", "verwacht"),
    [
        (date(2026, 1, 15), None, date(2027, 1, 15)),  # no review yet: a year after the start
        (date(2026, 1, 15), date(2026, 11, 2), date(2027, 11, 2)),  # a year after the last review
        (date(2024, 2, 29), None, date(2025, 2, 28)),  # 29 February becomes 28 February
        (None, None, None),  # no start date: nothing to compute
    ],
)
def test_volgende_review(start, laatste, verwacht):
    assert deadlines.volgende_review(start, laatste) == verwacht


@pytest.mark.parametrize(
    ("einddatum", "signaal"),
    [
        (date(2026, 12, 31), date(2026, 9, 30)),  # September has no 31st: its last day
        (date(2027, 3, 15), date(2026, 12, 15)),  # across the turn of the year
        (date(2026, 5, 31), date(2026, 2, 28)),  # February, no leap year
        (date(2028, 5, 30), date(2028, 2, 29)),  # February in a leap year
        (None, None),  # no end date: no signal
    ],
)
def test_einde_signaal_drie_maanden_voor_de_einddatum(einddatum, signaal):
    assert deadlines.einde_signaal(einddatum) == signaal


def test_escalatie_dertig_dagen_na_de_review_datum():
    assert deadlines.review_escalatie(date(2027, 1, 15)) == date(2027, 2, 14)
    assert deadlines.review_escalatie(None) is None


@pytest.mark.parametrize(
    ("code", "artikel"),
    [
        ("bijstand_verplichtingen", "art. 28 lid 3 onder f"),  # assistance with art. 32-36
        ("waarschuwen_instructie", "art. 28 lid 3, slot"),  # warn about an unlawful instruction
        ("subverwerkers_verplichtingen", "art. 28 lid 4"),  # flow-down to sub-processors, full liability
        ("algemene_toestemming", "art. 28 lid 2"),  # notice of new sub-processors, right to object
    ],
)
def test_art_28_2_tot_4_staan_in_de_checklist_van_de_verwerkersovereenkomst(code, artikel):
    labels = dict(checklist.clausules_voor(VO))
    assert code in labels and artikel in labels[code]
    assert code in checklist.ontbrekende_clausules(VO, [c for c in labels if c != code])
    assert code not in dict(checklist.clausules_voor(Soort.CONVENANT))  # only for a verwerkersovereenkomst


def test_art_28_3_f_hulp_bij_artikel_32_tot_36_noemt_elk_onderwerp():
    label = dict(checklist.clausules_voor(VO))["bijstand_verplichtingen"].lower()
    for onderwerp in ("beveiliging", "datalekken", "dpia", "voorafgaande raadpleging"):
        assert onderwerp in label


def test_geen_label_bevat_het_lijstscheidingsteken_van_de_spreadsheet():
    assert not [label for lijst in CLAUSULES.values() for _, label in lijst if ";" in label]
