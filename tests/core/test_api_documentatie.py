"""The API's documentation page and CORS for the public endpoints."""

import pytest

pytestmark = pytest.mark.django_db


def test_documentatiepagina_laadt_alles_van_deze_server(client):
    antwoord = client.get("/api/v1/documentatie")
    assert antwoord.status_code == 200
    html = antwoord.content.decode()
    assert '<html lang="nl">' in html and "<script>" not in html  # CSP: no inline script
    assert "/static/drf_spectacular_sidecar/swagger-ui-dist/swagger-ui-bundle.js" in html
    assert "//cdn" not in html and "unpkg" not in html

    start = client.get("/api/v1/documentatie?script=")
    assert start.status_code == 200 and start["Content-Type"].startswith("application/javascript")
    assert "/api/v1/openapi.json" in start.content.decode()


@pytest.mark.parametrize(
    "pad",
    [
        "/api/v1/openapi.json",
        "/api/v1/openbaar/verwerkingen?gemeente=bestaat-niet",
        "/register/bestaat-niet/verwerkingen.csv",
    ],
)
def test_open_data_en_api_beschrijving_mogen_van_elders_gelezen_worden(client, pad):
    antwoord = client.get(pad, HTTP_ORIGIN="https://data.example.org")
    assert antwoord["Access-Control-Allow-Origin"] == "*"
    assert "Access-Control-Allow-Credentials" not in antwoord


@pytest.mark.parametrize("pad", ["/api/v1/verzoeken", "/api/v1/datalekken", "/verwerkingen/"])
def test_personeelspaden_krijgen_geen_cors(client, pad):
    antwoord = client.get(pad, HTTP_ORIGIN="https://kwaadwillend.example")
    assert "Access-Control-Allow-Origin" not in antwoord
