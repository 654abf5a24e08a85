"""Four eyes: whoever wrote, changed or submitted the text of a verwerking does not approve it,
unless the gemeente allows it for a one-person team; then the history says so."""

import pytest
from django.core.exceptions import ValidationError
from rest_framework.test import APIClient

from privacy_portal.core.historie import historie_regels
from registers import services
from registers.constants import Status

from ..factories import collega_van, maak_verwerking


def _ingediend(wereld, door):
    verwerking = maak_verwerking(team=wereld.team, vv=wereld.vv, door=door)
    services.verwerking_indienen(verwerking=verwerking, door=door)
    return verwerking


@pytest.mark.django_db
def test_de_privacy_officer_stelt_de_eigen_verwerking_niet_vast(wereld):
    po = wereld["privacy_officer"]
    verwerking = _ingediend(wereld, po)
    with pytest.raises(ValidationError, match="Vier ogen"):
        services.verwerking_goedkeuren(verwerking=verwerking, door=po)
    verwerking.refresh_from_db()
    assert verwerking.status == Status.TER_BEOORDELING and verwerking.gepubliceerde_versie is None


@pytest.mark.django_db
def test_ook_niet_via_de_api(wereld):
    po = wereld["privacy_officer"]
    verwerking = _ingediend(wereld, po)
    api = APIClient()
    api.force_authenticate(po)
    antwoord = api.post(f"/api/v1/verwerkingen/{verwerking.uuid}/goedkeuren")
    assert antwoord.status_code == 400 and "Vier ogen" in str(antwoord.json())
    verwerking.refresh_from_db()
    assert verwerking.status == Status.TER_BEOORDELING


@pytest.mark.django_db
def test_wie_de_tekst_wijzigde_stelt_haar_niet_vast(wereld):
    tm, po = wereld["teammanager"], wereld["privacy_officer"]
    verwerking = maak_verwerking(team=wereld.team, vv=wereld.vv, door=tm)
    services.verwerking_wijzigen(verwerking=verwerking, door=po, gegevens={"herkomst": "Van de privacy officer"})
    services.verwerking_indienen(verwerking=verwerking, door=tm)
    with pytest.raises(ValidationError, match="Vier ogen"):
        services.verwerking_goedkeuren(verwerking=verwerking, door=po)
    services.verwerking_goedkeuren(verwerking=verwerking, door=collega_van(po))
    verwerking.refresh_from_db()
    assert verwerking.status == Status.VASTGESTELD


@pytest.mark.django_db
def test_een_ander_stelt_vast_en_na_vaststelling_telt_alleen_de_nieuwe_tekst(wereld):
    tm, po = wereld["teammanager"], wereld["privacy_officer"]
    verwerking = _ingediend(wereld, tm)
    services.verwerking_goedkeuren(verwerking=verwerking, door=po)
    assert services.auteurs_van(verwerking) == set()
    services.verwerking_wijzigen(verwerking=verwerking, door=tm, gegevens={"herkomst": "Nieuw"})
    assert services.auteurs_van(verwerking) == {tm.pk}


@pytest.mark.django_db
def test_met_de_uitzondering_van_de_gemeente_mag_het_en_de_historie_zegt_het(wereld):
    wereld.gemeente.vier_ogen_uitzondering = True
    wereld.gemeente.save()
    po = wereld["privacy_officer"]
    verwerking = _ingediend(wereld, po)
    services.verwerking_goedkeuren(verwerking=verwerking, door=po)
    verwerking.refresh_from_db()
    assert verwerking.status == Status.VASTGESTELD
    redenen = [regel["reden"] for regel in historie_regels(verwerking)]
    assert any("Vastgesteld als versie 1" in r and "zonder vier ogen" in r for r in redenen), redenen
    versie = verwerking.gepubliceerde_versie
    assert "zonder vier ogen" in versie.history.first().history_change_reason


@pytest.mark.django_db
def test_de_pagina_toont_de_auteur_geen_vaststelknop_en_een_ander_wel(client, wereld):
    po = wereld["privacy_officer"]
    verwerking = _ingediend(wereld, po)
    pad = f"/verwerkingen/{verwerking.uuid}/"
    client.force_login(po)
    eigen = client.get(pad).content.decode()
    assert "Vaststellen en publiceren" not in eigen and "vier ogen" in eigen
    client.force_login(collega_van(po))
    ander = client.get(pad).content.decode()
    assert "Vaststellen en publiceren" in ander and "vier ogen" not in ander
