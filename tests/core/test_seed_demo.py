"""seed_demo refuses in production: demo users with a known password do not belong there."""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command


@pytest.mark.django_db
def test_seed_demo_weigert_in_productie(settings):
    settings.PRODUCTION = True
    with pytest.raises(CommandError, match="niet in productie"):
        call_command("seed_demo", wachtwoord="demo-wachtwoord-123")
    assert not get_user_model().objects.filter(username__in=["beheerder", "privacyofficer"]).exists()
