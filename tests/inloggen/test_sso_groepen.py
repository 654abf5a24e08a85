"""The beheerder's SSO groups and the role sync itself (without a provider: the sync is a plain service)."""

import pytest
from django.core.exceptions import ValidationError

from privacy_portal.inloggen.models import SsoGroep
from privacy_portal.inloggen.sso import groepen_uit, sso_rollen_bijwerken
from privacy_portal.organisaties.models import RolToewijzing
from privacy_portal.organisaties.rollen import Rol
from tests.factories import RolFactory, UserFactory


def test_teamrol_zonder_team_wordt_geweigerd(wereld):
    with pytest.raises(ValidationError) as fout:
        SsoGroep(groep="g", rol=Rol.MEDEWERKER, gemeente=wereld.gemeente).full_clean()
    assert "team" in fout.value.message_dict


def test_team_van_een_andere_gemeente_wordt_geweigerd(wereld):
    with pytest.raises(ValidationError) as fout:
        SsoGroep(groep="g", rol=Rol.MEDEWERKER, gemeente=wereld.gemeente, team=wereld.team_elders).full_clean()
    assert "team" in fout.value.message_dict


def test_handmatige_rol_gelijk_aan_een_groepsrol_blijft_handmatig_en_blijft_staan(wereld):
    user = UserFactory(username="dubbel")
    hand = RolFactory(gebruiker=user, rol=Rol.CISO, gemeente=wereld.gemeente)
    groep = SsoGroep.objects.create(groep="ciso", rol=Rol.CISO, gemeente=wereld.gemeente)

    assert sso_rollen_bijwerken(gebruiker=user, groepen={"ciso"}) == 1
    assert list(RolToewijzing.objects.filter(gebruiker=user).values_list("pk", "bron")) == [(hand.pk, "handmatig")]

    groep.delete()
    assert sso_rollen_bijwerken(gebruiker=user, groepen={"ciso"}) == 0
    assert RolToewijzing.objects.filter(pk=hand.pk).exists()


def test_een_groep_voor_twee_gemeenten_geeft_beide_rollen(wereld):
    user = UserFactory(username="fg-regio")
    SsoGroep.objects.create(groep="fg-regio", rol=Rol.FG, gemeente=wereld.gemeente)
    SsoGroep.objects.create(groep="fg-regio", rol=Rol.FG, gemeente=wereld.andere_gemeente)
    assert sso_rollen_bijwerken(gebruiker=user, groepen={"fg-regio", "iets-anders"}) == 2
    assert set(RolToewijzing.objects.filter(gebruiker=user).values_list("gemeente_id", "bron")) == {
        (wereld.gemeente.pk, "sso"),
        (wereld.andere_gemeente.pk, "sso"),
    }


@pytest.mark.parametrize(
    ("claims", "groepen"),
    [
        ({"groups": ["a", "b"]}, {"a", "b"}),  # the usual list
        ({"groups": "a"}, {"a"}),  # a single group as a string (some ADFS set-ups)
        ({}, set()),  # no groups claim at all
        ({"groups": None}, set()),
    ],
)
def test_groepen_uit_de_claims(claims, groepen, settings):
    settings.OIDC_GROEPEN_CLAIM = "groups"
    assert groepen_uit(claims) == groepen
