"""The shared world plus what DPIA tests need: a superuser to set things up, a CISO and privacy officer elsewhere."""

import pytest
from django.contrib.auth import get_user_model

from privacy_portal.organisaties.rollen import Rol

from ..factories import RolFactory, UserFactory


@pytest.fixture
def wereld(wereld):
    wereld.beheerder = get_user_model().objects.create_superuser("beheerder-dpia", password="x-geheim-123456")
    wereld.ciso_elders = UserFactory(username="ciso-elders")
    RolFactory(gebruiker=wereld.ciso_elders, rol=Rol.CISO, gemeente=wereld.andere_gemeente)
    wereld.po_elders = UserFactory(username="po-elders")
    RolFactory(gebruiker=wereld.po_elders, rol=Rol.PRIVACY_OFFICER, gemeente=wereld.andere_gemeente)
    for user in [*wereld.gebruikers.values(), wereld.ciso_elders, wereld.po_elders]:
        user.email = f"{user.username}@gemeente.example"
        user.save()
    return wereld
