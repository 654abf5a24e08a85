"""The public convenanten page (Woo): only public convenanten, only public fields, the document only when public."""

import pytest

from overeenkomsten.constants import Soort

from .hulp import maak_overeenkomst, pdf

INTERN = ("GEHEIM-INTERNE-NOTITIE", "contact@politie.example", "Wijkagent De Vries", "Aard-INTERN", "Burgerzaken")


@pytest.fixture
def convenanten(wereld, client):
    po = wereld["privacy_officer"]
    openbaar = maak_overeenkomst(
        door=po,
        team=wereld.team,
        soort=Soort.CONVENANT,
        onderwerp="Convenant Veiligheidshuis",
        samenvatting_openbaar="Gemeente, politie en zorg werken samen bij ernstige problemen.",
        omschrijving="Aard-INTERN",
        interne_notitie="GEHEIM-INTERNE-NOTITIE",
        openbaar=True,
        partijen=[{"naam": "Politie", "email": "contact@politie.example", "contactpersoon": "Wijkagent De Vries"}],
    )
    niet_openbaar = maak_overeenkomst(
        door=po, team=wereld.team, soort=Soort.CONVENANT, onderwerp="Convenant NIET-OPENBAAR", partijen=["GGD"]
    )
    verwerkers = maak_overeenkomst(door=po, team=wereld.team, onderwerp="Verwerkersovereenkomst HOSTING")
    client.force_login(po)
    for ovk in (openbaar, niet_openbaar):
        client.post(f"/overeenkomsten/{ovk.uuid}/document/uploaden/", {"document": pdf()})
    client.logout()
    return openbaar, niet_openbaar, verwerkers


@pytest.mark.django_db
def test_openbare_pagina_toont_het_openbare_convenant_en_nooit_iets_anders(client, wereld, convenanten):
    openbaar, niet_openbaar, _ = convenanten
    antwoord = client.get("/register/voorbeeldstad/convenanten/")
    assert antwoord.status_code == 200
    tekst = antwoord.content.decode()
    assert "Convenant Veiligheidshuis" in tekst and "Politie" in tekst
    assert "Gemeente, politie en zorg werken samen" in tekst
    assert "15 januari 2026" in tekst  # duration
    for niet in ("NIET-OPENBAAR", "HOSTING", *INTERN):
        assert niet not in tekst, f"{niet!r} staat op de openbare pagina"
    # the document is not public yet: no link, and the URL gives 404
    assert "/document/" not in tekst
    assert client.get(f"/register/voorbeeldstad/convenanten/{openbaar.uuid}/document/").status_code == 404
    assert client.get(f"/register/voorbeeldstad/convenanten/{niet_openbaar.uuid}/document/").status_code == 404


@pytest.mark.django_db
def test_document_openbaar_alleen_bij_een_openbaar_convenant(client, wereld, convenanten):
    from overeenkomsten import services

    openbaar, niet_openbaar, verwerkers = convenanten
    po = wereld["privacy_officer"]
    services.overeenkomst_wijzigen(overeenkomst=openbaar, door=po, gegevens={"document_openbaar": True})
    # four eyes: not downloadable until someone else released it
    assert client.get(f"/register/voorbeeldstad/convenanten/{openbaar.uuid}/document/").status_code == 404
    services.document_vrijgeven(overeenkomst=openbaar, door=wereld["jurist"])
    tekst = client.get("/register/voorbeeldstad/convenanten/").content.decode()
    assert f"/register/voorbeeldstad/convenanten/{openbaar.uuid}/document/" in tekst
    antwoord = client.get(f"/register/voorbeeldstad/convenanten/{openbaar.uuid}/document/")
    assert antwoord.status_code == 200 and b"".join(antwoord.streaming_content).startswith(b"%PDF-")
    assert "convenant-convenant-veiligheidshuis.pdf" in antwoord["Content-Disposition"]
    # another gemeente's address, a non-public convenant and a verwerkersovereenkomst: 404
    assert client.get(f"/register/randdorp/convenanten/{openbaar.uuid}/document/").status_code == 404
    assert client.get(f"/register/voorbeeldstad/convenanten/{niet_openbaar.uuid}/document/").status_code == 404
    assert client.get(f"/register/voorbeeldstad/convenanten/{verwerkers.uuid}/document/").status_code == 404
    assert "Convenant Veiligheidshuis" not in client.get("/register/randdorp/convenanten/").content.decode()
    assert client.get("/register/bestaat-niet/convenanten/").status_code == 404


@pytest.mark.django_db
def test_registerpagina_linkt_naar_de_convenanten(client, wereld):
    tekst = client.get("/register/voorbeeldstad/").content.decode()
    assert 'href="/register/voorbeeldstad/convenanten/"' in tekst
