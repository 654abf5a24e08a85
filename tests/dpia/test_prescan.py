"""The pre-scan: the outcome rule of DOMAIN.md, AI always, facts from the register not asked twice,
and a recorded reason when a recommended DPIA is not done."""

import pytest
from django.core.exceptions import ValidationError

from dpia import services
from dpia.constants import AP_LIJST, Criterium, Status, Uitkomst
from dpia.regels import criteria_uit_feiten, feiten_uit_register, prescan_uitkomst

from .factories import NU, maak_dpia, verwerking_voor

# (criteria, AP-list numbers, AI, expected outcome)
UITKOMSTEN = [
    ([], [], False, Uitkomst.NIET_NODIG),  # nothing applies: no DPIA needed
    (["grootschalig"], [], False, Uitkomst.AANBEVOLEN),  # exactly one EDPB criterion: recommended
    (["koppeling"], [], False, Uitkomst.AANBEVOLEN),  # any single criterion counts the same
    (["grootschalig", "koppeling"], [], False, Uitkomst.VEREIST),  # two criteria: required (rule of thumb)
    (list(Criterium.values), [], False, Uitkomst.VEREIST),  # all nine: still 'vereist', not the AP list
    ([], [9], False, Uitkomst.VERPLICHT),  # one AP type (cameratoezicht) alone: mandatory
    ([], [1, 17], False, Uitkomst.VERPLICHT),  # first and last type of the AP list
    (["grootschalig"], [7], False, Uitkomst.VERPLICHT),  # the AP list outranks a single criterion
    ([], [], True, Uitkomst.VERPLICHT),  # an AI system always gets a DPIA (seed 001)
    (["monitoring"], [], True, Uitkomst.VERPLICHT),  # AI outranks 'aanbevolen'
    (["grootschalig", "grootschalig"], [], False, Uitkomst.AANBEVOLEN),  # a criterion given twice counts once
]


@pytest.mark.parametrize(("criteria", "ap_lijst", "ai", "verwacht"), UITKOMSTEN)
def test_uitkomst_volgt_de_regel_van_domain(criteria, ap_lijst, ai, verwacht):
    uitkomst, redenen = prescan_uitkomst(criteria, ap_lijst, ai=ai)
    assert uitkomst == verwacht
    assert redenen  # every outcome says why


def test_redenen_noemen_ai_en_de_soort_van_de_ap_lijst():
    _, redenen = prescan_uitkomst(["koppeling"], [9], ai=True)
    tekst = " ".join(redenen)
    assert "AI-systeem" in tekst and "9. Cameratoezicht" in tekst and "1 van de 9 criteria" in tekst


def test_de_lijst_van_de_ap_heeft_zeventien_soorten_en_er_zijn_negen_criteria():
    assert list(AP_LIJST) == list(range(1, 18))
    assert len(Criterium.values) == 9


class Verwerking:
    def __init__(self, **kenmerken):
        standaard = {
            "bijzondere_categorieen": [],
            "strafrechtelijke_gegevens": False,
            "geautomatiseerde_besluitvorming": False,
            "algoritme_of_ai": False,
            "doorgifte_buiten_eer": False,
        }
        self.__dict__.update(standaard | kenmerken)


def test_feiten_uit_het_register_beslissen_criteria():
    feiten = feiten_uit_register(
        [Verwerking(bijzondere_categorieen=["gezondheid"]), Verwerking(algoritme_of_ai=True, doorgifte_buiten_eer=True)]
    )
    assert feiten["bijzondere_categorieen"] == ["gezondheid"] and feiten["algoritme_of_ai"]
    assert set(criteria_uit_feiten(feiten)) == {Criterium.GEVOELIGE_GEGEVENS, Criterium.NIEUWE_TECHNOLOGIE}
    # a transfer outside the EEA is a fact, not an EDPB criterion; profiling settles 'evaluatie'
    assert set(criteria_uit_feiten(feiten_uit_register([Verwerking(geautomatiseerde_besluitvorming=True)]))) == {
        Criterium.EVALUATIE
    }
    assert criteria_uit_feiten(feiten_uit_register([Verwerking(doorgifte_buiten_eer=True)])) == {}


@pytest.mark.django_db
def test_ai_verwerking_krijgt_altijd_een_dpia_ook_zonder_criteria(wereld):
    verwerking = verwerking_voor(wereld, algoritme_of_ai=True)
    dpia = maak_dpia(wereld, verwerking=verwerking)
    dpia = services.prescan_vastleggen(dpia=dpia, door=wereld["teammanager"], criteria=[], ap_lijst=[], nu=NU)
    assert dpia.prescan_uitkomst == Uitkomst.VERPLICHT and dpia.status == Status.IN_UITVOERING
    assert Criterium.NIEUWE_TECHNOLOGIE in dpia.prescan_criteria  # taken from the register, not asked
    with pytest.raises(ValidationError) as fout:
        services.prescan_vastleggen(
            dpia=dpia, door=wereld["teammanager"], criteria=[], ap_lijst=[], uitvoeren=False, motivering="Liever niet"
        )
    assert "uitvoeren" in fout.value.message_dict


@pytest.mark.django_db
def test_register_feiten_tellen_mee_en_worden_niet_opnieuw_gevraagd(wereld, client):
    verwerking = verwerking_voor(wereld, bijzondere_categorieen=["gezondheid"])
    dpia = maak_dpia(wereld, verwerking=verwerking)
    client.force_login(wereld["teammanager"])
    pagina = client.get(f"/dpia/{dpia.uuid}/prescan/").content.decode()
    assert "Wat het register al weet" in pagina and "niet opnieuw gevraagd" in pagina
    assert 'value="gevoelige_gegevens"' not in pagina  # the settled criterion is no checkbox
    antwoord = client.post(f"/dpia/{dpia.uuid}/prescan/", {"criteria": ["kwetsbare_betrokkenen"]})
    assert antwoord.status_code == 302
    dpia.refresh_from_db()
    assert dpia.prescan_criteria == ["gevoelige_gegevens", "kwetsbare_betrokkenen"]
    assert dpia.prescan_uitkomst == Uitkomst.VEREIST
    assert dpia.prescan_feiten["bijzondere_categorieen"] == ["gezondheid"]


@pytest.mark.django_db
def test_aanbevolen_dpia_niet_uitvoeren_vraagt_een_motivering(wereld):
    dpia = maak_dpia(wereld)
    tm = wereld["teammanager"]
    with pytest.raises(ValidationError) as fout:
        services.prescan_vastleggen(dpia=dpia, door=tm, criteria=["monitoring"], ap_lijst=[], uitvoeren=False)
    assert list(fout.value.message_dict) == ["motivering"]
    dpia.refresh_from_db()
    assert dpia.status == Status.PRESCAN and not dpia.prescan_uitkomst  # nothing saved
    dpia = services.prescan_vastleggen(
        dpia=dpia, door=tm, criteria=["monitoring"], ap_lijst=[], uitvoeren=False, motivering="Alleen statistiek."
    )
    assert (dpia.status, dpia.prescan_uitkomst, dpia.uitvoeren) == (Status.NIET_NODIG, Uitkomst.AANBEVOLEN, False)
    assert dpia.besluit_motivering == "Alleen statistiek."
    # by default a recommended DPIA is done
    dpia = services.prescan_vastleggen(dpia=dpia, door=tm, criteria=["monitoring"], ap_lijst=[])
    assert dpia.status == Status.IN_UITVOERING and dpia.uitvoeren is True


@pytest.mark.django_db
def test_niet_nodig_mag_vrijwillig_toch_en_onbekende_antwoorden_worden_geweigerd(wereld):
    dpia = maak_dpia(wereld)
    tm = wereld["teammanager"]
    with pytest.raises(ValidationError) as fout:
        services.prescan_vastleggen(dpia=dpia, door=tm, criteria=["onzin"], ap_lijst=[18])
    assert set(fout.value.message_dict) == {"criteria", "ap_lijst"}
    dpia = services.prescan_vastleggen(dpia=dpia, door=tm, criteria=[], ap_lijst=[], uitvoeren=True)
    assert dpia.prescan_uitkomst == Uitkomst.NIET_NODIG and dpia.status == Status.IN_UITVOERING


@pytest.mark.django_db
def test_verwerking_toont_de_dpia_status_zonder_het_opgeslagen_veld_te_wijzigen(wereld, client):
    verwerking = verwerking_voor(wereld)
    client.force_login(wereld["teammanager"])
    pagina = client.get(f"/verwerkingen/{verwerking.uuid}/").content.decode()
    assert "Er is nog geen pre-scan gedaan" in pagina and f"/dpia/nieuw/?verwerking={verwerking.uuid}" in pagina
    dpia = maak_dpia(wereld, verwerking=verwerking, stap="in_uitvoering")
    pagina = client.get(f"/verwerkingen/{verwerking.uuid}/").content.decode()
    assert "In uitvoering" in pagina and f"/dpia/{dpia.uuid}/" in pagina
    assert "Nieuwe pre-scan starten" not in pagina  # one open DPIA per verwerking
    verwerking.refresh_from_db()
    assert verwerking.dpia_status == "onbekend" and verwerking.status == "vastgesteld"  # the stored field is untouched


@pytest.mark.django_db
def test_een_tweede_open_dpia_voor_dezelfde_verwerking_kan_niet(wereld):
    dpia = maak_dpia(wereld)
    with pytest.raises(ValidationError) as fout:
        services.dpia_starten(door=wereld["teammanager"], verwerkingen=[dpia.verwerkingen.get()])
    assert "loopt al" in fout.value.message_dict["verwerkingen"][0]
