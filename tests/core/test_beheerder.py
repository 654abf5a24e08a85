"""The technical superuser (the beheerder) manages users, roles and settings, but does not read a
gemeente's registers or act in its workflow, and hard-deletes nothing through the admin; the
admin never shows an API token in clear."""

import pytest
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.test import RequestFactory
from rest_framework.test import APIClient

from datalekken.models import Datalek
from privacy_portal.organisaties.models import Gemeente, Team
from registers import services as register_services
from registers.constants import Status
from registers.models import VerwerkingVersie

from ..factories import maak_verwerking, meld_datalek
from ..rechten.factories import registreer


@pytest.fixture
def beheerder(db):
    return get_user_model().objects.create_superuser("beheerder-test", password="x-geheim-123456")


@pytest.fixture
def gegevens(wereld):
    from django.utils import timezone

    po = wereld["privacy_officer"]
    return {
        "verzoek": registreer(door=po, gemeente=wereld.gemeente),
        "datalek": meld_datalek(door=wereld["medewerker"], gemeente=wereld.gemeente, nu=timezone.now()),
        "verwerking": maak_verwerking(team=wereld.team, vv=wereld.vv, door=wereld["teammanager"]),
    }


def _api(user):
    client = APIClient()
    client.force_authenticate(user)
    return client


@pytest.mark.django_db
def test_de_beheerder_leest_geen_persoonsgegevens_van_verzoekers_of_datalekken(beheerder, gegevens, client):
    verzoek, datalek = gegevens["verzoek"], gegevens["datalek"]
    assert not beheerder.has_perm("rechten.view_verzoek", verzoek)
    assert not beheerder.has_perm("datalekken.view_datalek", datalek)
    api = _api(beheerder)
    assert api.get(f"/api/v1/verzoeken/{verzoek.uuid}").status_code == 404
    assert api.get("/api/v1/verzoeken").json()["count"] == 0
    assert api.get(f"/api/v1/datalekken/{datalek.uuid}").status_code == 404
    client.force_login(beheerder)
    assert client.get(f"/verzoeken/{verzoek.uuid}/").status_code == 404
    assert client.get(f"/datalekken/{datalek.uuid}/").status_code == 404
    assert client.get(f"/beheer/rechten/verzoek/{verzoek.pk}/change/").status_code == 403
    assert client.get(f"/beheer/datalekken/datalek/{datalek.pk}/change/").status_code == 403


@pytest.mark.django_db
def test_de_beheerder_stelt_niet_vast_en_publiceert_niet(beheerder, gegevens, wereld):
    verwerking = gegevens["verwerking"]
    register_services.verwerking_indienen(verwerking=verwerking, door=wereld["teammanager"])
    with pytest.raises(PermissionDenied):
        register_services.verwerking_goedkeuren(verwerking=verwerking, door=beheerder)
    antwoord = _api(beheerder).post(f"/api/v1/verwerkingen/{verwerking.uuid}/goedkeuren")
    assert antwoord.status_code == 404
    verwerking.refresh_from_db()
    assert verwerking.status == Status.TER_BEOORDELING and not VerwerkingVersie.objects.exists()


@pytest.mark.django_db
def test_de_beheerder_beheert_wel_gebruikers_rollen_en_instellingen(beheerder, wereld, client):
    for recht in ("auth.change_user", "organisaties.add_roltoewijzing", "core.add_extravrijedag"):
        assert beheerder.has_perm(recht)
    client.force_login(beheerder)
    assert client.get("/beheer/auth/user/").status_code == 200
    assert client.get("/beheer/organisaties/roltoewijzing/").status_code == 200
    assert client.get(f"/beheer/organisaties/gemeente/{wereld.gemeente.pk}/change/").status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize("model", [Gemeente, Team])
def test_gemeenten_en_teams_worden_niet_verwijderd_via_de_admin(beheerder, wereld, client, model):
    obj = wereld.gemeente if model is Gemeente else wereld.team
    client.force_login(beheerder)
    meta = model._meta
    antwoord = client.post(f"/beheer/{meta.app_label}/{meta.model_name}/{obj.pk}/delete/", {"post": "yes"})
    assert antwoord.status_code == 403 and model.objects.filter(pk=obj.pk).exists()
    verzoek = RequestFactory().get("/beheer/")
    verzoek.user = beheerder
    assert "delete_selected" not in admin.site._registry[model].get_actions(verzoek)


@pytest.mark.django_db
def test_register_en_vastgestelde_versies_niet_te_verwijderen(beheerder, wereld):
    verzoek = RequestFactory().get("/beheer/")
    verzoek.user = beheerder
    for model in (VerwerkingVersie, Datalek):
        assert not admin.site._registry[model].has_delete_permission(verzoek)


@pytest.mark.django_db
def test_de_admin_toont_geen_api_sleutel_en_de_beheerder_kan_hem_intrekken(beheerder, wereld, client):
    from privacy_portal.core.api_sleutels import geldige_sleutel, sleutel_maken
    from privacy_portal.core.models import ApiSleutel

    api_sleutel, sleutel = sleutel_maken(gebruiker=wereld["privacy_officer"], naam="Koppeling")
    client.force_login(beheerder)
    lijst = client.get("/beheer/core/apisleutel/")
    assert lijst.status_code == 200 and "Koppeling" in lijst.content.decode()
    assert sleutel not in lijst.content.decode() and api_sleutel.sleutel_hash not in lijst.content.decode()
    detail = client.get(f"/beheer/core/apisleutel/{api_sleutel.pk}/change/")
    assert sleutel not in detail.content.decode() and api_sleutel.sleutel_hash not in detail.content.decode()

    client.post(
        "/beheer/core/apisleutel/",
        {"action": "intrekken", "_selected_action": [api_sleutel.pk]},
    )
    assert ApiSleutel.objects.get(pk=api_sleutel.pk).ingetrokken_op is not None
    assert geldige_sleutel(sleutel) is None
