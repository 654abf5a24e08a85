"""The college (and everyone reading a report) sees aggregates, never personal data: no datalek
titles, descriptions or names, on the dashboard, in its API and in the reports."""

from datetime import date

import pytest

from rapportages.constants import Soort

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("alleen_eigen_bronnen")]
GEHEIM = "GEHEIM"  # every datalek title and description in the `lekken` fixture holds this word


@pytest.mark.parametrize("rol", ["college", "directeur"])
def test_college_ziet_aantallen_maar_geen_titels_op_het_dashboard(client, wereld, lekken, rol):
    client.force_login(wereld[rol])
    pagina = client.get("/dashboard/")
    assert pagina.status_code == 200
    html = pagina.content.decode()
    assert "Datalekken" in html and "Open datalekken" in html
    assert GEHEIM not in html and "Omschrijving van" not in html
    assert "/datalekken/?" not in html  # no links to lists they cannot open
    assert "alleen aantallen" in html
    api = client.get("/api/v1/dashboard").content.decode()
    assert GEHEIM not in api and "Open datalekken" in api


def test_de_fg_ziet_de_lopende_klokken_met_titel_en_dat_wordt_geaudit(client, wereld, lekken):
    from privacy_portal.core.models import AuditEvent

    client.force_login(wereld["fg"])
    html = client.get("/dashboard/").content.decode()
    assert "Lopende klokken" in html and "GEHEIM dossier op straat" in html
    assert AuditEvent.objects.filter(actor=wereld["fg"], object_type="rapportages.dashboard").count() == 1


@pytest.mark.parametrize(
    ("soort", "van", "tot"),
    [
        (Soort.KWARTAALEVALUATIE, date(2026, 7, 1), date(2026, 9, 30)),
        (Soort.JAARVERSLAG, date(2026, 1, 1), date(2026, 12, 31)),
    ],
)
def test_rapportages_bevatten_geen_persoonsgegevens_ook_niet_als_de_fg_ze_maakt(
    wereld, lekken, maak_rapport, vang_html, soort, van, tot
):
    rapportage = maak_rapport(wereld["fg"], soort, wereld.gemeente, van, tot)
    (html,) = vang_html
    assert GEHEIM not in html and "Omschrijving van" not in html
    assert lekken["te_laat"].kenmerk in html  # kenmerk, kind and risk only
    assert "Diefstal" in html and "Hoog risico" in html
    assert GEHEIM not in str(rapportage.gegevensstand)
    assert wereld["medewerker"].get_full_name() not in html  # the reporter's name is not in it


def test_verzoeken_en_dpia_staan_als_nog_niet_beschikbaar_in_de_kwartaalevaluatie(
    wereld, lekken, maak_rapport, vang_html
):
    maak_rapport(
        wereld["privacy_officer"], Soort.KWARTAALEVALUATIE, wereld.gemeente, date(2026, 7, 1), date(2026, 9, 30)
    )
    (html,) = vang_html
    for titel in ("Betrokkenenverzoeken", "DPIA&#x27;s"):
        blok = html[html.index(f"<h2>{titel}</h2>") :]
        assert blok.index("Nog niet beschikbaar") < 300
