"""The accessibility statement: public, following the Dutch model, linked from every page."""

import pytest

pytestmark = pytest.mark.django_db


def test_verklaring_is_openbaar_en_volgt_het_model(client):
    antwoord = client.get("/toegankelijkheid/")
    assert antwoord.status_code == 200
    html = antwoord.content.decode()
    # the model's parts: scope, status, known limits, contact with response times, enforcement, date
    for deel in ("Voor welke pagina", "Status:", "Wat weten we nog niet", "binnen 5 werkdagen", "ombudsman", "Datum:"):
        assert deel in html, deel


@pytest.mark.parametrize("pad", ["/register/", "/inloggen/"])
def test_elke_pagina_linkt_naar_de_verklaring(client, pad):
    assert 'href="/toegankelijkheid/"' in client.get(pad).content.decode()
