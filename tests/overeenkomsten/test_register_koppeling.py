"""The register van verwerkingen shows which agreements cover a verwerking and flags a verwerker without one."""

from datetime import date

import pytest

from overeenkomsten import services
from overeenkomsten.constants import Soort
from registers.constants import Status

from ..factories import maak_verwerking
from .hulp import maak_overeenkomst

SIGNAAL = "Geen verwerkersovereenkomst."


@pytest.fixture
def verwerking(wereld):
    return maak_verwerking(team=wereld.team, vv=wereld.vv, door=wereld["privacy_officer"], status=Status.CONCEPT)


def _pagina(client, user, verwerking):
    client.force_login(user)
    antwoord = client.get(f"/verwerkingen/{verwerking.uuid}/")
    assert antwoord.status_code == 200
    return antwoord.content.decode()


@pytest.mark.django_db
def test_verwerker_zonder_verwerkersovereenkomst_wordt_gemarkeerd(client, wereld, verwerking):
    po = wereld["privacy_officer"]
    assert SIGNAAL in _pagina(client, po, verwerking)  # verwerkers: "Leverancier X B.V." and no agreement

    convenant = maak_overeenkomst(door=po, team=wereld.team, soort=Soort.CONVENANT, verwerkingen=[verwerking])
    tekst = _pagina(client, po, verwerking)
    assert SIGNAAL in tekst and convenant.onderwerp in tekst  # a convenant is no verwerkersovereenkomst

    vo = maak_overeenkomst(
        door=po, team=wereld.team, onderwerp="Hosting BRP", partijen=["Leverancier X B.V."], verwerkingen=[verwerking]
    )
    tekst = _pagina(client, po, verwerking)
    assert SIGNAAL not in tekst
    assert f'href="/overeenkomsten/{vo.uuid}/"' in tekst and "Leverancier X B.V." in tekst

    services.overeenkomst_wijzigen(overeenkomst=vo, door=po, gegevens={"einddatum": date(2026, 2, 1)})
    assert SIGNAAL in _pagina(client, po, verwerking)  # ended: covers nothing any more


@pytest.mark.django_db
def test_geen_signaal_zonder_verwerkers(client, wereld):
    verwerking = maak_verwerking(team=wereld.team, vv=wereld.vv, door=wereld["privacy_officer"], verwerkers="")
    assert SIGNAAL not in _pagina(client, wereld["privacy_officer"], verwerking)


@pytest.mark.django_db
def test_wie_de_overeenkomst_niet_mag_zien_ziet_alleen_een_aantal_en_geen_onterecht_signaal(client, wereld, verwerking):
    maak_overeenkomst(
        door=wereld["privacy_officer"], team=wereld.team, onderwerp="GEHEIME HOSTING", verwerkingen=[verwerking]
    )
    tekst = _pagina(client, wereld["medewerker"], verwerking)  # sees the register, not the agreements
    assert "GEHEIME HOSTING" not in tekst and SIGNAAL not in tekst
    assert "1 lopende overeenkomst die u niet mag inzien" in tekst


@pytest.mark.django_db
def test_lijst_noemt_verwerkingen_zonder_verwerkersovereenkomst(client, wereld, verwerking):
    client.force_login(wereld["privacy_officer"])
    tekst = client.get("/overeenkomsten/").content.decode()
    assert "zonder verwerkersovereenkomst (1)" in tekst and f"/verwerkingen/{verwerking.uuid}/" in tekst


@pytest.mark.django_db
def test_vanaf_het_signaal_een_overeenkomst_registreren_met_de_verwerking_al_gekozen(client, wereld, verwerking):
    tekst = _pagina(client, wereld["teammanager"], verwerking)
    link = f"/overeenkomsten/nieuw/?gemeente=voorbeeldstad&amp;verwerking={verwerking.uuid}"
    assert link in tekst
    form = client.get(link.replace("&amp;", "&")).context["form"]
    assert form.initial["verwerkingen"] == [verwerking] and form.initial["team"] == wereld.team
    assert client.get("/overeenkomsten/nieuw/?verwerking=geen-uuid").status_code == 200
    assert link not in _pagina(client, wereld["college"], verwerking)  # may not register: no link
