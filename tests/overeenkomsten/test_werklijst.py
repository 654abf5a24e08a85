"""The work list: an agreement whose review is due or that ends soon waits for its owner (or, without
an owner, the team's teammanagers), with its date and a link to the agreement; nobody else sees it."""

from datetime import UTC, date, datetime

import pytest
from django.urls import reverse

from overeenkomsten import services
from overeenkomsten.werk import werk_voor as overeenkomsten_werk
from privacy_portal.core.werklijst import werk_voor
from privacy_portal.organisaties.rollen import Rol

from ..factories import RolFactory, UserFactory
from .hulp import maak_overeenkomst

NU = datetime(2027, 1, 20, 9, tzinfo=UTC)  # the reviews of agreements started 15 January 2026 are due


def _items(user, nu=NU):
    return [i for i in werk_voor(user, nu) if i.register == "Overeenkomsten"]


@pytest.fixture
def stand(wereld):
    tm2 = UserFactory(username="tm-tweede")
    RolFactory(gebruiker=tm2, rol=Rol.TEAMMANAGER, gemeente=wereld.gemeente, team=wereld.team)
    tm_ander = UserFactory(username="tm-ander-team")
    RolFactory(gebruiker=tm_ander, rol=Rol.TEAMMANAGER, gemeente=wereld.gemeente, team=wereld.ander_team)
    wereld.gebruikers.update({"tm2": tm2, "tm_ander": tm_ander})
    eigen = maak_overeenkomst(door=wereld["teammanager"], team=wereld.team, onderwerp="Zaaksysteem")  # owner: tm
    loopt_af = maak_overeenkomst(
        door=wereld["teammanager"],
        team=wereld.team,
        onderwerp="Webstatistieken",
        einddatum=date(2027, 3, 31),
        laatste_review=date(2026, 6, 1),
    )
    zonder_eigenaar = maak_overeenkomst(door=wereld["privacy_officer"], team=wereld.ander_team, onderwerp="Regie")
    rustig = maak_overeenkomst(
        door=wereld["teammanager"], team=wereld.team, onderwerp="Rustig", laatste_review=date(2026, 12, 1)
    )
    return wereld, eigen, loopt_af, zonder_eigenaar, rustig


def _link(ovk):
    return reverse("overeenkomsten:detail", kwargs={"uuid": ovk.uuid})


@pytest.mark.django_db
def test_de_eigenaar_ziet_de_review_en_het_einde_met_datum_en_link(stand, client):
    w, eigen, loopt_af, _zonder, rustig = stand
    items = {(i.link, i.actie): i for i in _items(w["teammanager"])}
    review = items[(_link(eigen), "Leg de jaarlijkse review vast")]
    assert review.deadline == date(2027, 1, 15) and review.titel == "Zaaksysteem" and review.te_laat(NU)
    einde = items[(_link(loopt_af), "Besluit: verlengen, opnieuw afsluiten of beëindigen")]
    assert einde.deadline == date(2027, 3, 31)
    assert len(items) == 2 and _link(rustig) not in {link for link, _ in items}
    client.force_login(w["teammanager"])
    assert client.get(review.link).status_code == 200
    # reviewed: it leaves the list
    services.review_vastleggen(overeenkomst=eigen, door=w["teammanager"], datum=date(2027, 1, 19), nu=NU)
    assert [i.link for i in _items(w["teammanager"])] == [_link(loopt_af)]


@pytest.mark.django_db
def test_zonder_eigenaar_wachten_de_teammanagers_van_het_team(stand):
    w, _eigen, _loopt_af, zonder, _rustig = stand
    (item,) = _items(w["tm_ander"])
    assert item.link == _link(zonder) and item.deadline == date(2027, 1, 15)


@pytest.mark.django_db
def test_anderen_zien_niets_en_leeg_als_er_niets_wacht(stand):
    w, *_ = stand
    # tm2 is teammanager of the same team, but the agreements have an owner
    for rol in ("tm2", "privacy_officer", "jurist", "fg", "medewerker", "college", "buitenstaander"):
        assert _items(w[rol]) == [], rol
    assert _items(w["teammanager"], nu=datetime(2026, 6, 1, 9, tzinfo=UTC)) == []  # nothing due yet


@pytest.mark.django_db
def test_vaste_aantallen_queries(stand, django_assert_max_num_queries):
    w, *_ = stand
    for i in range(5):
        maak_overeenkomst(door=w["teammanager"], team=w.team, onderwerp=f"Nog een {i}")
    user = type(w["teammanager"]).objects.get(pk=w["teammanager"].pk)
    with django_assert_max_num_queries(2):
        assert len(overeenkomsten_werk(user, NU)) == 7
