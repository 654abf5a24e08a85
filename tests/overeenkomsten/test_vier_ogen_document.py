"""Four eyes on a convenant's public document: made public by one person, downloadable by anyone
only after someone else reviewed and released it (or the gemeente's one-person exception, named
in the history)."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from rest_framework.test import APIClient

from overeenkomsten import services
from overeenkomsten.constants import Soort
from privacy_portal.core.historie import historie_regels

from .hulp import maak_overeenkomst, pdf


def _openbaar_gemaakt(wereld, door, client):
    convenant = maak_overeenkomst(
        door=door, team=wereld.team, soort=Soort.CONVENANT, onderwerp="Convenant Buurtteams", openbaar=True
    )
    client.force_login(door)
    client.post(f"/overeenkomsten/{convenant.uuid}/document/uploaden/", {"document": pdf()})
    services.overeenkomst_wijzigen(overeenkomst=convenant, door=door, gegevens={"document_openbaar": True})
    client.logout()
    convenant.refresh_from_db()
    return convenant


def _download(client, convenant):
    return client.get(f"/register/voorbeeldstad/convenanten/{convenant.uuid}/document/").status_code


@pytest.mark.django_db
def test_openbaar_gemaakt_door_de_teammanager_is_niet_meteen_te_downloaden(client, wereld):
    convenant = _openbaar_gemaakt(wereld, wereld["teammanager"], client)
    assert convenant.document_wacht_op_vrijgave
    assert _download(client, convenant) == 404
    assert f"{convenant.uuid}/document/" not in client.get("/register/voorbeeldstad/convenanten/").content.decode()


@pytest.mark.django_db
def test_de_teammanager_geeft_het_niet_zelf_vrij(client, wereld):
    convenant = _openbaar_gemaakt(wereld, wereld["teammanager"], client)
    with pytest.raises(PermissionDenied):
        services.document_vrijgeven(overeenkomst=convenant, door=wereld["teammanager"])
    assert _download(client, convenant) == 404


@pytest.mark.django_db
def test_wie_het_openbaar_maakte_geeft_het_niet_vrij(client, wereld):
    po = wereld["privacy_officer"]
    convenant = _openbaar_gemaakt(wereld, po, client)
    with pytest.raises(ValidationError, match="Vier ogen"):
        services.document_vrijgeven(overeenkomst=convenant, door=po)
    assert _download(client, convenant) == 404


@pytest.mark.django_db
def test_een_ander_geeft_het_vrij_via_de_pagina_en_dan_is_het_te_downloaden(client, wereld):
    convenant = _openbaar_gemaakt(wereld, wereld["teammanager"], client)
    client.force_login(wereld["privacy_officer"])
    pagina = client.get(f"/overeenkomsten/{convenant.uuid}/").content.decode()
    assert "nog niet vrijgegeven" in pagina and "Document vrijgeven" in pagina
    assert client.post(f"/overeenkomsten/{convenant.uuid}/document/vrijgeven/", {}).status_code == 302
    client.logout()
    assert _download(client, convenant) == 200
    convenant.refresh_from_db()
    assert convenant.document_vrijgegeven_door == wereld["privacy_officer"]
    assert "Openbaar document vrijgegeven" in [r["reden"] for r in historie_regels(convenant)]


@pytest.mark.django_db
def test_vrijgeven_via_de_api_en_een_nieuw_document_wacht_weer(client, wereld):
    convenant = _openbaar_gemaakt(wereld, wereld["teammanager"], client)
    api = APIClient()
    api.force_authenticate(wereld["jurist"])
    assert api.post(f"/api/v1/overeenkomsten/{convenant.uuid}/document-vrijgeven").status_code == 200
    assert _download(client, convenant) == 200
    client.force_login(wereld["teammanager"])
    client.post(f"/overeenkomsten/{convenant.uuid}/document/uploaden/", {"document": pdf("nieuw.pdf")})
    client.logout()
    assert _download(client, convenant) == 404


@pytest.mark.django_db
def test_met_de_uitzondering_van_de_gemeente_mag_het_en_de_historie_zegt_het(client, wereld):
    wereld.gemeente.vier_ogen_uitzondering = True
    wereld.gemeente.save()
    po = wereld["privacy_officer"]
    convenant = _openbaar_gemaakt(wereld, po, client)
    services.document_vrijgeven(overeenkomst=convenant, door=po)
    assert _download(client, convenant) == 200
    assert any("zonder vier ogen" in r["reden"] for r in historie_regels(convenant))
