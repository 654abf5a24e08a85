"""Risks and the matrix, advice (only the FG), acceptance of the residual risk, the prior consultation
of the AP with its 8 (+6) week clock, re-checks, new versions and delegation."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from dpia import services
from dpia.constants import Niveau, Status
from dpia.regels import hoogste, risiconiveau
from dpia.risicomatrix import risicomatrix_svg
from privacy_portal.core.models import AuditEvent, ExtraVrijeDag
from privacy_portal.core.workflow import OvergangNietToegestaan

from .factories import NU, maak_dpia

# (kans, impact, risiconiveau)
MATRIX = [
    ("laag", "laag", "laag"),  # both low
    ("laag", "midden", "laag"),  # a low likelihood keeps a medium impact low
    ("laag", "hoog", "midden"),  # ... but not a high impact
    ("midden", "laag", "laag"),  # mirror image of the second row
    ("midden", "midden", "midden"),  # the middle of the matrix
    ("midden", "hoog", "hoog"),  # medium likelihood of a serious impact is high
    ("hoog", "laag", "midden"),  # likely but minor
    ("hoog", "midden", "hoog"),  # likely and noticeable
    ("hoog", "hoog", "hoog"),  # the top corner
]


@pytest.mark.parametrize(("kans", "impact", "niveau"), MATRIX)
def test_risicomatrix_kans_maal_impact(kans, impact, niveau):
    assert risiconiveau(kans, impact) == niveau


def test_hoogste_niveau_is_het_restrisico_van_de_dpia():
    assert hoogste(["laag", "hoog", "midden"]) == "hoog"
    assert hoogste(["", "laag"]) == "laag"
    assert hoogste([]) == ""


class R:
    def __init__(self, nummer, kans, impact):
        self.code, self.kans, self.impact, self.niveau = f"R{nummer}", kans, impact, risiconiveau(kans, impact)


def test_svg_heeft_titel_tekstalternatief_en_de_nummers_in_hun_vak():
    svg = str(risicomatrix_svg([R(1, "hoog", "hoog"), R(2, "laag", "hoog"), R(3, "hoog", "hoog")], id_="m"))
    assert svg.startswith("<svg") and 'role="img"' in svg and 'aria-labelledby="m-titel m-omschrijving"' in svg
    assert '<title id="m-titel">Risicomatrix: kans maal impact</title>' in svg
    assert "R1: kans hoog, impact hoog, risico hoog; R2: kans laag, impact hoog, risico gemiddeld" in svg
    assert ">R1, R3</text>" in svg and ">R2</text>" in svg
    assert svg.count("<rect") == 9 and "Impact →" in svg and "Kans →" in svg
    assert "nog geen risico" in str(risicomatrix_svg([]))


@pytest.mark.django_db
def test_risico_niveau_en_restrisico_van_de_dpia(wereld):
    dpia = maak_dpia(wereld, stap="in_uitvoering")
    tm = wereld["teammanager"]
    r1 = services.risico_opslaan(dpia=dpia, door=tm, gegevens={"beschrijving": "A", "kans": "hoog", "impact": "midden"})
    assert r1.niveau == Niveau.HOOG and r1.code == "R1"
    with pytest.raises(ValidationError) as fout:
        services.risico_opslaan(dpia=dpia, door=tm, risico=r1, gegevens={"restrisico": "hoog"})
    assert set(fout.value.message_dict) == {"restrisico_motivering"}
    services.risico_opslaan(
        dpia=dpia, door=tm, risico=r1, gegevens={"restrisico": "midden", "restrisico_motivering": "Maatregelen."}
    )
    with pytest.raises(ValidationError) as fout:  # the residual risk cannot exceed the risk
        services.risico_opslaan(
            dpia=dpia,
            door=tm,
            gegevens={
                "beschrijving": "B",
                "kans": "laag",
                "impact": "laag",
                "restrisico": "hoog",
                "restrisico_motivering": "x",
            },
        )
    assert "niet hoger" in fout.value.message_dict["restrisico"][0]
    dpia.refresh_from_db()
    assert dpia.restrisico == Niveau.MIDDEN and dpia.risicos.count() == 1


@pytest.mark.django_db
def test_ter_advies_pas_als_het_nodige_is_ingevuld(wereld):
    dpia = maak_dpia(wereld, stap="in_uitvoering")
    with pytest.raises(ValidationError) as fout:
        services.advies_vragen(dpia=dpia, door=wereld["teammanager"])
    assert set(fout.value.message_dict) == {"14", "18", "risicos"}
    dpia.refresh_from_db()
    assert dpia.status == Status.IN_UITVOERING


@pytest.mark.django_db
def test_alleen_de_fg_legt_advies_vast(wereld):
    dpia = maak_dpia(wereld, stap="advies")
    for rol in ("privacy_officer", "teammanager", "ciso", "college", "directeur", "jurist"):
        with pytest.raises(PermissionDenied):
            services.fg_advies_geven(dpia=dpia, door=wereld[rol], oordeel="positief", advies="Akkoord")
    with pytest.raises(ValidationError) as fout:
        services.fg_advies_geven(dpia=dpia, door=wereld["fg"], oordeel="", advies="")
    assert set(fout.value.message_dict) == {"oordeel", "advies"}
    dpia = services.fg_advies_geven(dpia=dpia, door=wereld["fg"], oordeel="voorwaarden", advies="Met logging.", nu=NU)
    assert dpia.status == Status.BESLUIT and dpia.fg_advies_door == wereld["fg"]
    # the CISO advises on security, the FG cannot record that
    with pytest.raises(PermissionDenied):
        services.beveiligingsadvies_geven(dpia=dpia, door=wereld["fg"], advies="x")
    services.beveiligingsadvies_geven(dpia=dpia, door=wereld["ciso"], advies="Versleutel de export.")


@pytest.mark.django_db
def test_teammanager_accepteert_een_gemiddeld_restrisico(wereld):
    dpia = maak_dpia(wereld, stap="besluit", restrisico="midden")
    for rol in ("privacy_officer", "college", "directeur", "fg"):
        with pytest.raises(PermissionDenied):
            services.accepteren(dpia=dpia, door=wereld[rol], motivering="Akkoord")
    with pytest.raises(ValidationError):
        services.accepteren(dpia=dpia, door=wereld["teammanager"], motivering=" ")
    nu = NU + timedelta(days=10)
    dpia = services.accepteren(dpia=dpia, door=wereld["teammanager"], motivering="Aanvaardbaar.", nu=nu)
    assert dpia.status == Status.AFGEROND and dpia.geaccepteerd_als == "Teammanager"
    assert dpia.hercontrole_op == date(2029, 3, 12)  # plus_jaren: three years after finishing


@pytest.mark.django_db
def test_hoog_restrisico_gaat_naar_college_en_de_ap_met_klok_van_8_plus_6_weken(wereld):
    dpia = maak_dpia(wereld, stap="besluit", restrisico="hoog")
    with pytest.raises(PermissionDenied):  # not the teammanager's decision
        services.accepteren(dpia=dpia, door=wereld["teammanager"], motivering="Akkoord")
    with pytest.raises(ValidationError) as fout:  # high and unconsulted: the AP comes first
        services.accepteren(dpia=dpia, door=wereld["college"], motivering="Akkoord", nu=NU)
    assert "raadpleging" in fout.value.message_dict
    with pytest.raises(PermissionDenied):
        services.raadpleging_indienen(dpia=dpia, door=wereld["teammanager"], ingediend_op=date(2026, 3, 2), nu=NU)

    dpia = services.raadpleging_indienen(
        dpia=dpia, door=wereld["college"], ingediend_op=date(2026, 3, 2), kenmerk="z2026-1", nu=NU
    )
    assert dpia.status == Status.RAADPLEGING_AP
    # 2 March 2026 + 8 weeks = Monday 27 April, Koningsdag: the term ends on the next working day
    assert dpia.raadpleging_deadline == date(2026, 4, 28)
    with pytest.raises(ValidationError) as fout:
        services.accepteren(dpia=dpia, door=wereld["directeur"], motivering="Akkoord", nu=NU + timedelta(days=20))
    assert "nog niet geantwoord" in fout.value.message_dict["raadpleging"][0]

    dpia = services.raadpleging_bijwerken(dpia=dpia, door=wereld["privacy_officer"], verlengd=True, nu=NU)
    assert dpia.raadpleging_deadline == date(2026, 6, 8)  # 14 weeks
    with pytest.raises(ValidationError):  # an answer needs a date in range and a summary
        services.raadpleging_bijwerken(
            dpia=dpia, door=wereld["privacy_officer"], antwoord_op=date(2026, 2, 1), antwoord="", nu=NU
        )
    later = NU + timedelta(days=60)
    dpia = services.raadpleging_bijwerken(
        dpia=dpia,
        door=wereld["privacy_officer"],
        antwoord_op=later.date(),
        antwoord="De AP adviseert een extra toets.",
        nu=later,
    )
    dpia = services.accepteren(dpia=dpia, door=wereld["directeur"], motivering="Met de extra toets.", nu=later)
    assert dpia.status == Status.AFGEROND and dpia.geaccepteerd_als == "Directeur"


@pytest.mark.django_db
def test_zonder_antwoord_van_de_ap_na_de_termijn_mag_het_college_besluiten(wereld):
    dpia = maak_dpia(wereld, stap="raadpleging_ap", restrisico="hoog")
    na_termijn = NU + timedelta(weeks=9)
    dpia = services.accepteren(dpia=dpia, door=wereld["college"], motivering="Termijn verstreken.", nu=na_termijn)
    assert dpia.status == Status.AFGEROND


@pytest.mark.django_db
def test_raadpleging_alleen_bij_hoog_restrisico_en_termijn_volgt_extra_vrije_dagen(
    wereld, django_capture_on_commit_callbacks
):
    laag = maak_dpia(wereld, stap="besluit", restrisico="midden")
    with pytest.raises(ValidationError) as fout:
        services.raadpleging_indienen(dpia=laag, door=wereld["college"], ingediend_op=date(2026, 3, 2), nu=NU)
    assert "restrisico" in fout.value.message_dict
    hoog = maak_dpia(wereld, stap="raadpleging_ap", restrisico="hoog", plek="ander_team")
    assert hoog.raadpleging_deadline == date(2026, 4, 30)  # Thursday 5 March + 8 weeks
    with django_capture_on_commit_callbacks(execute=True):
        ExtraVrijeDag.objects.create(datum=date(2026, 4, 30), omschrijving="Extra vrije dag")
    hoog.refresh_from_db()
    assert hoog.raadpleging_deadline == date(2026, 5, 1)  # the next working day


@pytest.mark.django_db
def test_terug_naar_invullen_en_opnieuw_advies(wereld):
    dpia = maak_dpia(wereld, stap="besluit", restrisico="hoog")
    dpia = services.terugzetten(dpia=dpia, door=wereld["college"], reden="Eerst extra maatregelen.")
    assert dpia.status == Status.IN_UITVOERING
    dpia = services.advies_vragen(dpia=dpia, door=wereld["teammanager"])
    assert dpia.status == Status.ADVIES and dpia.adviesronde == 2
    with pytest.raises(OvergangNietToegestaan):
        services.accepteren(dpia=dpia, door=wereld["college"], motivering="x")


@pytest.mark.django_db
def test_hercontrole_en_nieuwe_versie(wereld):
    dpia = maak_dpia(wereld, stap="afgerond")
    nu = NU + timedelta(days=3 * 365)
    dpia = services.hercontrole_vastleggen(dpia=dpia, door=wereld["teammanager"], bevinding="Niets gewijzigd.", nu=nu)
    assert dpia.hercontrole_op == date(2032, 3, 1) and dpia.status == Status.AFGEROND
    dpia = services.heropenen(dpia=dpia, door=wereld["privacy_officer"], reden="Nieuwe leverancier.", nu=nu)
    assert dpia.status == Status.IN_UITVOERING and dpia.versie == 2
    assert dpia.fg_advies == "" and dpia.geaccepteerd_op is None and dpia.risicos.count() == 1
    assert dpia.versielog[-1]["toelichting"] == "Versie 2 gestart: Nieuwe leverancier."


@pytest.mark.django_db
def test_maatregel_eigenaar_werkt_zijn_eigen_maatregel_bij_na_afronding(wereld):
    dpia = maak_dpia(wereld, stap="afgerond")
    maatregel = dpia.maatregelen.get()
    assert maatregel.eigenaar == wereld["ciso"]
    services.maatregel_opslaan(
        dpia=dpia, door=wereld["ciso"], maatregel=maatregel, gegevens={"status": "gereed"}, nu=NU
    )
    maatregel.refresh_from_db()
    assert maatregel.status == "gereed" and maatregel.gereed_op == NU.date()
    with pytest.raises(PermissionDenied):  # the owner may not change what the measure is
        services.maatregel_opslaan(dpia=dpia, door=wereld["ciso"], maatregel=maatregel, gegevens={"beschrijving": "x"})
    with pytest.raises(OvergangNietToegestaan):  # no new measures on a finished DPIA
        services.maatregel_opslaan(
            dpia=dpia,
            door=wereld["teammanager"],
            gegevens={"beschrijving": "x", "soort": "technisch", "eigenaar": wereld["ciso"], "deadline": NU.date()},
        )
    with pytest.raises(ValidationError) as fout:
        services.maatregel_opslaan(
            dpia=maak_dpia(wereld, stap="in_uitvoering", plek="ander_team"),
            door=wereld["privacy_officer"],
            gegevens={"beschrijving": "x", "soort": "technisch", "eigenaar": wereld["buitenstaander"]},
        )
    assert set(fout.value.message_dict) == {"eigenaar", "deadline"}


@pytest.mark.django_db
def test_delegatie_van_delen_aan_een_medewerker(wereld, client):
    dpia = maak_dpia(wereld, stap="in_uitvoering")
    mw = wereld["medewerker"]
    client.force_login(mw)
    assert client.get(f"/dpia/{dpia.uuid}/vragen/A/").status_code == 403
    with pytest.raises(ValidationError):  # only a medewerker of the team
        services.delegeren(dpia=dpia, door=wereld["teammanager"], medewerker=wereld["jurist"], delen=["A"])
    services.delegeren(dpia=dpia, door=wereld["teammanager"], medewerker=mw, delen=["A", "C"])
    assert client.get(f"/dpia/{dpia.uuid}/vragen/A/").status_code == 200
    assert client.get(f"/dpia/{dpia.uuid}/vragen/B/").status_code == 403
    services.risico_opslaan(dpia=dpia, door=mw, gegevens={"beschrijving": "R", "kans": "laag", "impact": "laag"})
    with pytest.raises(PermissionDenied):
        services.advies_vragen(dpia=dpia, door=mw)
    services.delegatie_intrekken(dpia=dpia, door=wereld["teammanager"], medewerker=mw)
    assert client.get(f"/dpia/{dpia.uuid}/vragen/A/").status_code == 403
    # both changes of access are in the audit log
    regels = AuditEvent.objects.filter(object_id=str(dpia.uuid), actie__startswith="recht_").order_by("pk")
    assert [(r.actie, r.actor, r.details) for r in regels] == [
        ("recht_toegekend", wereld["teammanager"], {"gebruiker": mw.pk, "delen": ["A", "C"]}),
        ("recht_ingetrokken", wereld["teammanager"], {"gebruiker": mw.pk, "delen": ["A", "C"]}),
    ]
