"""Staff pages check permissions on the server like the API, and answer in Dutch."""

import pytest

from registers.constants import Status

from ..factories import maak_verwerking


@pytest.mark.django_db
def test_verwerking_buiten_bereik_bestaat_niet_op_de_paginas(client, wereld):
    anders = maak_verwerking(team=wereld.ander_team, vv=wereld.vv, door=wereld["privacy_officer"])
    client.force_login(wereld["teammanager"])
    for pad in ("", "bewerken/", "historie/", "delegeren/"):
        assert client.get(f"/verwerkingen/{anders.uuid}/{pad}").status_code == 404
    assert client.post(f"/verwerkingen/{anders.uuid}/indienen/").status_code == 404
    assert str(anders.uuid) not in client.get("/verwerkingen/").content.decode()


@pytest.mark.django_db
def test_zien_maar_niet_mogen_geeft_403_in_het_nederlands(client, wereld):
    eigen = maak_verwerking(team=wereld.team, vv=wereld.vv, door=wereld["teammanager"])
    client.force_login(wereld["medewerker"])
    antwoord = client.get(f"/verwerkingen/{eigen.uuid}/bewerken/")
    assert antwoord.status_code == 403 and "Geen toegang" in antwoord.content.decode()
    assert client.get("/verwerkingen/nieuw/").status_code == 403


@pytest.mark.django_db
def test_formulier_met_fouten_bewaart_niets_en_noemt_de_velden(client, wereld):
    client.force_login(wereld["teammanager"])
    antwoord = client.post("/verwerkingen/nieuw/", {"naam": "", "team": wereld.ander_team.pk, "grondslagen": ["z"]})
    html = antwoord.content.decode()
    assert antwoord.status_code == 200 and "Niet opgeslagen" in html
    assert 'aria-invalid="true"' in html
    from registers.models import Verwerking

    assert Verwerking.objects.count() == 0


@pytest.mark.django_db
def test_wijzigen_via_formulier_met_reden_en_vastgestelde_versie_blijft_openbaar(client, wereld):
    po = wereld["privacy_officer"]
    verwerking = maak_verwerking(team=wereld.team, vv=wereld.vv, door=po, goedkeurder=po, status=Status.VASTGESTELD)
    client.force_login(wereld["teammanager"])
    formulier = client.get(f"/verwerkingen/{verwerking.uuid}/bewerken/").context["form"]
    data = {k: v for k, v in formulier.initial.items() if v is not None and k in formulier.fields}
    data.update(
        team=wereld.team.pk,
        verwerkingsverantwoordelijke=wereld.vv.pk,
        bewaartermijn="10 jaar",
        reden="Nieuwe selectielijst",
    )
    data = {k: v for k, v in data.items() if v is not False}
    antwoord = client.post(f"/verwerkingen/{verwerking.uuid}/bewerken/", data)
    assert antwoord.status_code == 302
    verwerking.refresh_from_db()
    assert verwerking.status == Status.CONCEPT and verwerking.bewaartermijn == "10 jaar"
    assert verwerking.history.first().history_change_reason == "Nieuwe selectielijst"
    assert "10 jaar" not in client.get(f"/register/voorbeeldstad/{verwerking.uuid}/").content.decode()


@pytest.mark.django_db
def test_delegeren_en_intrekken_via_de_pagina(client, wereld):
    verwerking = maak_verwerking(team=wereld.team, vv=wereld.vv, door=wereld["teammanager"])
    client.force_login(wereld["teammanager"])
    mw = wereld["medewerker"]
    assert client.post(f"/verwerkingen/{verwerking.uuid}/delegeren/", {"medewerker": mw.pk}).status_code == 302
    assert mw.has_perm("registers.change_verwerking", verwerking)
    assert mw.get_full_name() in client.get(f"/verwerkingen/{verwerking.uuid}/delegeren/").content.decode()
    client.post(f"/verwerkingen/{verwerking.uuid}/delegeren/", {"intrekken": mw.pk})
    mw = type(mw).objects.get(pk=mw.pk)
    assert not mw.has_perm("registers.change_verwerking", verwerking)


def test_foutpagina_500_toont_geen_stacktrace(rf):
    from privacy_portal.core.views import fout_500

    antwoord = fout_500(rf.get("/verwerkingen/"))
    assert antwoord.status_code == 500 and "Er ging iets mis" in antwoord.content.decode()
    api = fout_500(rf.get("/api/v1/verwerkingen"))
    assert api["Content-Type"] == "application/problem+json"
