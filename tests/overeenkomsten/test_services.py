"""Every write goes through the services: validation of all fields at once, stored dates, history."""

from datetime import UTC, date, datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from overeenkomsten import services
from overeenkomsten.constants import Soort
from overeenkomsten.models import Overeenkomst, Partij, Review
from registers.constants import Status

from ..factories import alle_rollen, maak_verwerking
from .hulp import START, alle_clausules, maak_overeenkomst

NU = datetime(2026, 11, 25, 10, 0, tzinfo=UTC)


@pytest.mark.django_db
def test_aanmaken_berekent_review_signaal_volledigheid_en_de_teammanager_wordt_eigenaar(wereld):
    tm = wereld["teammanager"]
    ovk = maak_overeenkomst(
        door=tm,
        team=wereld.team,
        einddatum=date(2027, 6, 30),
        clausules=alle_clausules(behalve=("audits",)),
        opslag_land="NL",
    )
    assert ovk.eigenaar == tm
    assert ovk.volgende_review == date(2027, 1, 15)  # START + 1 year
    assert ovk.einde_signaal_op == date(2027, 3, 30)
    assert ovk.volledigheid == 94 and ovk.buiten_eer is False  # 16 of 17
    assert ovk.history.first().history_change_reason == "Geregistreerd"


@pytest.mark.django_db
def test_alle_fouten_tegelijk_en_niets_opgeslagen(wereld):
    po = wereld["privacy_officer"]
    with pytest.raises(ValidationError) as fout:
        services.overeenkomst_aanmaken(
            door=po,
            gemeente=wereld.gemeente,
            gegevens={
                "soort": Soort.VERWERKERSOVEREENKOMST,
                "team": wereld.team,
                "onderwerp": " ",
                "startdatum": date(2026, 5, 1),
                "einddatum": date(2026, 4, 1),
                "opslag_land": "US",
                "clausules": ["doel"],
                "openbaar": True,
                "eigenaar": wereld["ciso"],
            },
            partijen=[],
        )
    assert set(fout.value.message_dict) == {
        "onderwerp",
        "einddatum",
        "doorgiftemechanisme",
        "clausules",
        "openbaar",
        "eigenaar",
        "partijen",
    }
    assert "buiten de EER" in fout.value.message_dict["doorgiftemechanisme"][0]
    assert Overeenkomst.objects.count() == 0 and Partij.objects.count() == 0


@pytest.mark.django_db
def test_team_en_verwerkingen_moeten_van_de_gemeente_zijn(wereld):
    po = wereld["privacy_officer"]
    beheerder = alle_rollen("beheerder-test", wereld.gemeente, wereld.andere_gemeente)
    elders = maak_verwerking(team=wereld.team_elders, vv=wereld.vv_elders, door=beheerder)
    with pytest.raises(ValidationError) as fout:
        services.overeenkomst_aanmaken(
            door=po,
            gemeente=wereld.gemeente,
            gegevens={"soort": "convenant", "team": wereld.team_elders, "onderwerp": "X", "startdatum": START},
            partijen=[{"naam": "Politie"}],
            verwerkingen=[elders],
        )
    assert set(fout.value.message_dict) == {"team", "verwerkingen"}


@pytest.mark.django_db
def test_buiten_de_eer_met_mechanisme_is_geldig_en_gemarkeerd(wereld):
    ovk = maak_overeenkomst(
        door=wereld["privacy_officer"], team=wereld.team, opslag_land="US", doorgiftemechanisme="data_privacy_framework"
    )
    assert ovk.buiten_eer is True


@pytest.mark.django_db
def test_teammanager_mag_alleen_voor_het_eigen_team(wereld):
    tm = wereld["teammanager"]
    with pytest.raises(PermissionDenied):
        maak_overeenkomst(door=tm, team=wereld.ander_team)
    ovk = maak_overeenkomst(door=tm, team=wereld.team)
    with pytest.raises(PermissionDenied):  # moving it to another team needs the right there too
        services.overeenkomst_wijzigen(
            overeenkomst=ovk, door=tm, gegevens={"team": wereld.ander_team, "eigenaar": None}
        )
    with pytest.raises(PermissionDenied):
        services.overeenkomst_wijzigen(overeenkomst=ovk, door=wereld["fg"], gegevens={"onderwerp": "Nieuw"})


@pytest.mark.django_db
def test_wijzigen_van_soort_houdt_alleen_passende_clausules_en_partijen_houden_hun_contact(wereld):
    po = wereld["privacy_officer"]
    ovk = maak_overeenkomst(
        door=po,
        team=wereld.team,
        partijen=[{"naam": "Leverancier X B.V.", "email": "contact@x.example"}, {"naam": "Oud B.V."}],
    )
    services.overeenkomst_wijzigen(
        overeenkomst=ovk,
        door=po,
        gegevens={"soort": Soort.GEGEVENSUITWISSELING},
        partijen=[{"naam": "leverancier x b.v."}, {"naam": "Nieuw B.V."}],
    )
    ovk.refresh_from_db()
    # these three are on both checklists; the rest of the verwerkersovereenkomst list is dropped
    assert ovk.clausules == ["gegevens_betrokkenen", "beveiliging", "geheimhouding"]
    assert ovk.volledigheid == 30
    namen = {p.naam: p.email for p in ovk.partijen.all()}
    assert namen == {"leverancier x b.v.": "contact@x.example", "Nieuw B.V.": ""}
    reden = ovk.history.first().history_change_reason
    assert "soort overeenkomst" in reden and "partijen" in reden


@pytest.mark.django_db
def test_wijzigen_zonder_verschil_schrijft_geen_historie(wereld):
    po = wereld["privacy_officer"]
    ovk = maak_overeenkomst(door=po, team=wereld.team)
    aantal = ovk.history.count()
    services.overeenkomst_wijzigen(
        overeenkomst=ovk, door=po, gegevens={"onderwerp": ovk.onderwerp}, partijen=[{"naam": "Leverancier X B.V."}]
    )
    assert ovk.history.count() == aantal


@pytest.mark.django_db
def test_verwerkingen_koppelen_staat_in_de_historie(wereld):
    po = wereld["privacy_officer"]
    verwerking = maak_verwerking(team=wereld.team, vv=wereld.vv, door=po, status=Status.CONCEPT)
    ovk = maak_overeenkomst(door=po, team=wereld.team)
    services.overeenkomst_wijzigen(overeenkomst=ovk, door=po, gegevens={}, verwerkingen=[verwerking])
    assert list(ovk.verwerkingen.all()) == [verwerking]
    assert "Basisregistratie Personen" in ovk.history.first().history_change_reason


@pytest.mark.django_db
def test_review_zet_de_volgende_een_jaar_later_en_weigert_toekomst_en_terug_in_de_tijd(wereld):
    po = wereld["privacy_officer"]
    ovk = maak_overeenkomst(door=po, team=wereld.team)
    ovk = services.review_vastleggen(overeenkomst=ovk, door=po, datum=date(2026, 11, 20), toelichting="Akkoord", nu=NU)
    assert ovk.laatste_review == date(2026, 11, 20) and ovk.volgende_review == date(2027, 11, 20)
    assert Review.objects.get(overeenkomst=ovk).toelichting == "Akkoord"
    with pytest.raises(ValidationError):
        services.review_vastleggen(overeenkomst=ovk, door=po, datum=date(2026, 11, 26), nu=NU)
    with pytest.raises(ValidationError):
        services.review_vastleggen(overeenkomst=ovk, door=po, datum=date(2026, 11, 1), nu=NU)
    with pytest.raises(PermissionDenied):
        services.review_vastleggen(overeenkomst=ovk, door=wereld["fg"], datum=date(2026, 11, 24), nu=NU)


@pytest.mark.django_db
def test_alleen_een_convenant_kan_openbaar_en_het_document_alleen_dan(wereld):
    po = wereld["privacy_officer"]
    convenant = maak_overeenkomst(
        door=po, team=wereld.team, soort=Soort.CONVENANT, openbaar=True, document_openbaar=True
    )
    assert convenant.is_openbaar_convenant and convenant.document_openbaar
    with pytest.raises(ValidationError) as fout:
        services.overeenkomst_wijzigen(overeenkomst=convenant, door=po, gegevens={"openbaar": False})
    assert set(fout.value.message_dict) == {"document_openbaar"}
    services.overeenkomst_wijzigen(
        overeenkomst=convenant, door=po, gegevens={"openbaar": False, "document_openbaar": False}
    )
    convenant.refresh_from_db()
    assert not convenant.openbaar


@pytest.mark.django_db
def test_bulk_writes_zijn_geweigerd(wereld):
    from privacy_portal.core.historie import HistoryBypassError

    maak_overeenkomst(door=wereld["privacy_officer"], team=wereld.team)
    with pytest.raises(HistoryBypassError):
        Overeenkomst.objects.update(onderwerp="x")


@pytest.mark.django_db
def test_volledigheid_van_de_gemeente_telt_ontbrekende_clausules(wereld):
    from overeenkomsten.selectors import volledigheid_gemeente

    po = wereld["privacy_officer"]
    maak_overeenkomst(door=po, team=wereld.team, clausules=alle_clausules(behalve=("audits", "einde")))
    maak_overeenkomst(door=po, team=wereld.ander_team, onderwerp="Compleet")
    cijfers = volledigheid_gemeente(wereld.gemeente, date(2026, 11, 25))
    assert cijfers["aantal"] == 2 and cijfers["volledig"] == 1 and cijfers["ontbrekende_clausules"] == 2
    assert cijfers["percentage"] == 94  # (88 + 100) / 2
    assert volledigheid_gemeente(wereld.andere_gemeente, date(2026, 11, 25))["aantal"] == 0


NIEUW_IN_ART_28 = (
    "bijstand_verplichtingen",
    "waarschuwen_instructie",
    "subverwerkers_verplichtingen",
    "algemene_toestemming",
)


@pytest.mark.django_db
def test_art_28_uitgebreide_checklist_herberekent_de_opgeslagen_volledigheid_met_historie(wereld):
    """An agreement stored as complete under the older 13-clause checklist is no longer shown as complete."""
    from overeenkomsten.scan import overeenkomst_volledigheid

    ovk = maak_overeenkomst(
        door=wereld["privacy_officer"], team=wereld.team, clausules=alle_clausules(behalve=NIEUW_IN_ART_28)
    )
    assert ovk.volledigheid == 76  # 13 of 17
    ovk.volledigheid = 100  # as stored before this release
    ovk._change_reason = "Stand voor de uitbreiding van de checklist"
    ovk.save()

    assert overeenkomst_volledigheid(datetime(2026, 12, 1, tzinfo=UTC)) == 0  # no notifications
    ovk.refresh_from_db()
    assert ovk.volledigheid == 76
    assert ovk.history.first().history_change_reason == (
        "Volledigheid herberekend na een wijziging van de checklist: 100% wordt 76%"
    )
    aantal = ovk.history.count()
    assert services.volledigheid_bijwerken() == 0  # idempotent
    assert ovk.history.count() == aantal
