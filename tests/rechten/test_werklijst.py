"""The work list: open verzoeken wait for the privacy officer and jurist, open tasks for their team's
teammanager; each with its deadline and one link where the user acts; nobody else sees them."""

from datetime import date

import pytest
from django.urls import reverse

from privacy_portal.core.werklijst import werk_voor
from privacy_portal.organisaties.rollen import Rol
from rechten import services
from rechten.werk import werk_voor as verzoeken_werk

from ..factories import RolFactory, UserFactory
from .factories import in_behandeling, moment, registreer

NU = moment(date(2026, 3, 20))


def _verzoeken(user):
    return [i for i in werk_voor(user, NU) if i.register == "Betrokkenenverzoeken"]


@pytest.fixture
def stand(wereld):
    po = wereld["privacy_officer"]
    tm_ander = UserFactory(username="tm-ander-team")
    RolFactory(gebruiker=tm_ander, rol=Rol.TEAMMANAGER, gemeente=wereld.gemeente, team=wereld.ander_team)
    wereld.gebruikers["tm_ander"] = tm_ander
    nieuw = registreer(door=po, gemeente=wereld.gemeente, ontvangen_op=date(2026, 3, 3))  # deadline 7 April
    met_taak = registreer(door=po, gemeente=wereld.gemeente, ontvangen_op=date(2026, 3, 2))
    (taak,) = in_behandeling(met_taak, door=po, teams=[wereld.team], nu=moment(date(2026, 3, 4)))
    met_taak = services.verzoek_verlengen(verzoek=met_taak, door=po, reden="Veel systemen", nu=moment(date(2026, 3, 5)))
    klaar = registreer(door=po, gemeente=wereld.gemeente, ontvangen_op=date(2026, 3, 4))
    services.verzoek_afhandelen(verzoek=klaar, door=po, uitkomst="ingetrokken", toelichting="Weg", nu=NU)
    services.verzoek_ontvangen_van_inwoner(  # unconfirmed: waits for the inwoner, not for staff
        gemeente=wereld.gemeente,
        gegevens={"soorten": ["inzage"], "verzoeker_naam": "Inge", "verzoeker_email": "inge@example.org"},
        nu=NU,
    )
    po_elders = UserFactory(username="po-elders")
    RolFactory(gebruiker=po_elders, rol=Rol.PRIVACY_OFFICER, gemeente=wereld.andere_gemeente)
    wereld.gebruikers["po_elders"] = po_elders
    elders = registreer(door=po_elders, gemeente=wereld.andere_gemeente)
    return wereld, nieuw, met_taak, taak, elders


@pytest.mark.django_db
def test_privacy_officer_en_jurist_zien_de_open_verzoeken_met_de_geldende_deadline(stand):
    w, nieuw, met_taak, _taak, _ = stand
    for rol in ("privacy_officer", "jurist"):
        items = {i.link: i for i in _verzoeken(w[rol])}
        assert set(items) == {
            reverse("rechten:detail", kwargs={"uuid": nieuw.uuid}),
            reverse("rechten:detail", kwargs={"uuid": met_taak.uuid}),
        }, rol
        assert items[reverse("rechten:detail", kwargs={"uuid": nieuw.uuid})].deadline == date(2026, 4, 7)
        verlengd = items[reverse("rechten:detail", kwargs={"uuid": met_taak.uuid})]
        assert verlengd.deadline == met_taak.verlengd_tot != met_taak.deadline  # the extended deadline
        assert verlengd.titel == f"Verzoek {met_taak.kenmerk}" and "Geheimnaam" not in verlengd.titel
        assert "1 taak open" in verlengd.toelichting and verlengd.actie == "Volg de open taken op"


@pytest.mark.django_db
def test_teammanager_ziet_de_open_taak_van_het_eigen_team_met_de_deadline_van_het_verzoek(stand, client):
    w, _nieuw, met_taak, taak, _ = stand
    (item,) = _verzoeken(w["teammanager"])
    assert item.link == reverse("rechten:taak", kwargs={"uuid": taak.uuid})
    assert item.deadline == met_taak.verlengd_tot and met_taak.kenmerk in item.titel
    client.force_login(w["teammanager"])
    assert client.get(item.link).status_code == 200
    thuis = client.get("/").content.decode()
    assert item.link in thuis and "Voer de taak uit" in thuis
    # done: it leaves the list
    services.taak_afronden(taak=taak, door=w["teammanager"], resultaat="Gevonden", nu=NU)
    assert _verzoeken(w["teammanager"]) == []


@pytest.mark.django_db
def test_andere_rollen_teams_en_gemeenten_zien_niets(stand):
    w, *_, elders = stand
    for rol in ("tm_ander", "medewerker", "fg", "college", "afdelingsmanager", "ciso", "buitenstaander"):
        assert _verzoeken(w[rol]) == [], rol
    (item,) = _verzoeken(w["po_elders"])  # the other gemeente's privacy officer: only their own request
    assert item.link == reverse("rechten:detail", kwargs={"uuid": elders.uuid})


@pytest.mark.django_db
def test_leeg_als_er_niets_wacht(wereld):
    assert _verzoeken(wereld["privacy_officer"]) == [] and _verzoeken(wereld["teammanager"]) == []


@pytest.mark.django_db
def test_vaste_aantallen_queries(stand, django_assert_max_num_queries):
    w, *_ = stand
    for _ in range(5):
        registreer(door=w["privacy_officer"], gemeente=w.gemeente)
    for rol in ("privacy_officer", "teammanager"):
        user = type(w[rol]).objects.get(pk=w[rol].pk)
        with django_assert_max_num_queries(3):
            verzoeken_werk(user, NU)
