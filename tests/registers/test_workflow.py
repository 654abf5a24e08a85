"""The lifecycle of a verwerking, from a teammanager's draft to the public page and back through a change."""

import pytest
from django.core.exceptions import ValidationError

from privacy_portal.core.workflow import OvergangNietToegestaan
from registers import selectors, services
from registers.constants import Status
from registers.models import Verwerking
from registers.workflow import WORKFLOW

from ..factories import maak_verwerking, volledige_inhoud


@pytest.mark.parametrize(
    ("actie", "van", "naar"),
    [
        ("indienen", Status.CONCEPT, Status.TER_BEOORDELING),
        ("goedkeuren", Status.TER_BEOORDELING, Status.VASTGESTELD),
        ("afwijzen", Status.TER_BEOORDELING, Status.CONCEPT),
        ("wijzigen", Status.VASTGESTELD, Status.CONCEPT),  # a change to an approved one is a new draft
        ("wijzigen", Status.TER_BEOORDELING, Status.TER_BEOORDELING),
        ("archiveren", Status.VASTGESTELD, Status.GEARCHIVEERD),
    ],
)
def test_toegestane_overgangen(actie, van, naar):
    assert WORKFLOW.controleer(actie, van) == naar


@pytest.mark.parametrize(
    ("actie", "van"),
    [
        ("goedkeuren", Status.CONCEPT),  # approve only after submission
        ("indienen", Status.VASTGESTELD),
        ("wijzigen", Status.GEARCHIVEERD),  # the archive is final
        ("archiveren", Status.GEARCHIVEERD),
        ("afwijzen", Status.VASTGESTELD),
    ],
)
def test_verboden_overgangen(actie, van):
    with pytest.raises(OvergangNietToegestaan):
        WORKFLOW.controleer(actie, van)


@pytest.mark.django_db
def test_van_concept_via_privacy_officer_naar_openbare_pagina_en_terug_door_een_wijziging(wereld, client):
    tm, po = wereld["teammanager"], wereld["privacy_officer"]
    verwerking = services.verwerking_aanmaken(
        door=tm, gemeente=wereld.gemeente, gegevens=volledige_inhoud(wereld.team, wereld.vv, naam="Parkeervergunningen")
    )
    assert verwerking.status == Status.CONCEPT
    assert client.get("/register/voorbeeldstad/").content.count(b"Parkeervergunningen") == 0

    services.verwerking_indienen(verwerking=verwerking, door=tm)
    services.verwerking_goedkeuren(verwerking=verwerking, door=po)
    verwerking.refresh_from_db()
    eerste_versie = verwerking.gepubliceerde_versie
    assert verwerking.status == Status.VASTGESTELD and eerste_versie.volgnummer == 1
    assert b"Parkeervergunningen" in client.get("/register/voorbeeldstad/").content

    services.verwerking_wijzigen(
        verwerking=verwerking, door=tm, gegevens={"doeleinden": "NIEUW DOEL IN CONCEPT"}, reden="Actualisatie"
    )
    verwerking.refresh_from_db()
    assert verwerking.status == Status.CONCEPT
    assert verwerking.gepubliceerde_versie == eerste_versie  # the public page keeps the approved version
    detail = client.get(f"/register/voorbeeldstad/{verwerking.uuid}/").content.decode()
    assert "NIEUW DOEL IN CONCEPT" not in detail and "Bijhouden van de basisregistratie" in detail

    services.verwerking_indienen(verwerking=verwerking, door=tm)
    services.verwerking_afwijzen(verwerking=verwerking, door=po, reden="Bewaartermijn onderbouwen")
    verwerking.refresh_from_db()
    assert verwerking.status == Status.CONCEPT and verwerking.afwijsreden == "Bewaartermijn onderbouwen"

    services.verwerking_indienen(verwerking=verwerking, door=tm)
    services.verwerking_goedkeuren(verwerking=verwerking, door=po)
    verwerking.refresh_from_db()
    tweede = verwerking.gepubliceerde_versie
    assert tweede.volgnummer == 2 and tweede.uuid != eerste_versie.uuid
    assert "NIEUW DOEL IN CONCEPT" in client.get(f"/register/voorbeeldstad/{verwerking.uuid}/").content.decode()
    # the stable identifier stays, each approved version keeps its own
    assert {v.uuid for v in verwerking.versies.all()} == {eerste_versie.uuid, tweede.uuid}


@pytest.mark.django_db
def test_onvolledige_verwerking_kan_niet_worden_ingediend(wereld):
    verwerking = services.verwerking_aanmaken(
        door=wereld["teammanager"],
        gemeente=wereld.gemeente,
        gegevens={"naam": "Half", "team": wereld.team, "verwerkingsverantwoordelijke": wereld.vv},
    )
    with pytest.raises(ValidationError) as fout:
        services.verwerking_indienen(verwerking=verwerking, door=wereld["teammanager"])
    assert {"doeleinden", "grondslagen", "bewaartermijn", "beveiligingsmaatregelen"} <= set(fout.value.message_dict)
    verwerking.refresh_from_db()
    assert verwerking.status == Status.CONCEPT
    assert verwerking.volledigheid == round(100 * 2 / 11)  # naam and verwerkingsverantwoordelijke


@pytest.mark.django_db
def test_afwijzen_zonder_reden_kan_niet(wereld):
    verwerking = maak_verwerking(
        team=wereld.team, vv=wereld.vv, door=wereld["teammanager"], status=Status.TER_BEOORDELING
    )
    with pytest.raises(ValidationError):
        services.verwerking_afwijzen(verwerking=verwerking, door=wereld["privacy_officer"], reden="  ")
    verwerking.refresh_from_db()
    assert verwerking.status == Status.TER_BEOORDELING


@pytest.mark.django_db
def test_gearchiveerde_verwerking_verdwijnt_van_de_openbare_pagina(wereld):
    po = wereld["privacy_officer"]
    verwerking = maak_verwerking(team=wereld.team, vv=wereld.vv, door=po, goedkeurder=po, status=Status.VASTGESTELD)
    assert selectors.openbare_versies(wereld.gemeente).count() == 1
    services.verwerking_archiveren(verwerking=verwerking, door=po, reden="Taak beëindigd")
    assert selectors.openbare_versies(wereld.gemeente).count() == 0


@pytest.mark.django_db
def test_elke_wijziging_staat_in_de_historie_met_wie_wat_en_waarom(wereld, client):
    tm = wereld["teammanager"]
    verwerking = maak_verwerking(team=wereld.team, vv=wereld.vv, door=tm)
    services.verwerking_wijzigen(
        verwerking=verwerking, door=tm, gegevens={"bewaartermijn": "7 jaar"}, reden="Selectielijst"
    )
    services.verwerking_indienen(verwerking=verwerking, door=tm)
    client.force_login(tm)
    html = client.get(f"/verwerkingen/{verwerking.uuid}/historie/").content.decode()
    assert "Selectielijst" in html and "7 jaar" in html and "Permanent" in html
    assert "Ter beoordeling ingediend" in html
    records = list(verwerking.history.order_by("history_date"))
    assert len(records) == 3 and all(r.history_user == tm for r in records)


@pytest.mark.django_db
def test_bulk_schrijven_langs_de_historie_wordt_geweigerd(wereld):
    from privacy_portal.core.historie import HistoryBypassError

    maak_verwerking(team=wereld.team, vv=wereld.vv, door=wereld["teammanager"])
    with pytest.raises(HistoryBypassError):
        Verwerking.objects.update(naam="stiekem")
    assert not Verwerking.objects.filter(naam="stiekem").exists()


@pytest.mark.django_db
def test_grondslag_f_geeft_een_waarschuwing(wereld):
    from registers.volledigheid import waarschuwingen

    verwerking = maak_verwerking(team=wereld.team, vv=wereld.vv, door=wereld["teammanager"], grondslagen=["f"])
    assert any("gerechtvaardigd belang" in w for w in waarschuwingen(verwerking))
