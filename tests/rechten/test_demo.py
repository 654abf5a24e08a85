"""The demo records: every state, one due this week, one extended; loading twice adds nothing."""

import pytest
from django.utils import timezone

from rechten import demo
from rechten.constants import Status, Uitkomst
from rechten.models import Verzoek

from ..factories import RolFactory, UserFactory


@pytest.mark.django_db
def test_demo_heeft_elke_status_een_deadline_deze_week_en_een_verlenging(wereld):
    tm_sociaal = UserFactory(username="tm-sociaal")
    RolFactory(gebruiker=tm_sociaal, rol="teammanager", gemeente=wereld.gemeente, team=wereld.ander_team)
    gebruikers = {
        "privacyofficer": wereld["privacy_officer"],
        "teammanager-sociaal": tm_sociaal,
        "teammanager-burgerzaken": wereld["teammanager"],
    }
    aantal = demo.laad(wereld.gemeente, gebruikers=gebruikers)
    verzoeken = list(Verzoek.objects.filter(gemeente=wereld.gemeente))
    assert aantal == len(verzoeken) == 10
    assert {v.status for v in verzoeken} == set(Status.values)
    assert {v.uitkomst for v in verzoeken} - {""} == set(Uitkomst.values)
    vandaag = timezone.localdate()
    assert any(v.is_open and 0 < (v.termijn - vandaag).days <= 7 for v in verzoeken)
    assert any(v.verlengd_tot and v.is_open for v in verzoeken)
    assert any(t.status == "open" for v in verzoeken for t in v.taken.all())
    assert demo.laad(wereld.gemeente, gebruikers=gebruikers) == 0
    assert Verzoek.objects.filter(gemeente=wereld.gemeente).count() == 10
