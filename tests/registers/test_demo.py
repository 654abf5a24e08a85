"""The demo leaves work for the demo people: something in each work list, also after a second run."""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.utils import timezone

from registers import werk
from registers.models import Verwerking


@pytest.mark.django_db
def test_seed_demo_geeft_privacy_officer_teammanager_en_medewerker_werk():
    call_command("seed_demo", wachtwoord="demo-wachtwoord-123")
    call_command("seed_demo", wachtwoord="demo-wachtwoord-123")  # repeatable
    gebruikers = get_user_model().objects.in_bulk(
        ["privacyofficer", "teammanager-burgerzaken", "medewerker"], field_name="username"
    )
    acties = {naam: {i.actie for i in werk.werk_voor(user, timezone.now())} for naam, user in gebruikers.items()}
    assert "Beoordeel en stel vast" in acties["privacyofficer"]
    assert "Verwerk de opmerkingen" in acties["teammanager-burgerzaken"]
    assert acties["medewerker"] == {"Vul aan"}
    assert Verwerking.objects.filter(naam="Bodycams handhavers (boa's)").count() == 1
