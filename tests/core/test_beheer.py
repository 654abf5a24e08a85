"""The admin of every register is for looking: no add, change or delete, also not for a superuser
(who does not even look: privacy_portal.organisaties.beheerder).

Registers change only through their services (permission, workflow, history); the technical
administrator cannot delete a record or an approved version behind them.
"""

import pytest
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.test import RequestFactory

REGISTER_APPS = {"registers", "datalekken", "dpia", "rechten", "overeenkomsten"}
REGISTER_MODELLEN = [
    (model, model_admin)
    for model, model_admin in admin.site._registry.items()
    if model._meta.app_label in REGISTER_APPS
]


def test_elk_register_heeft_zijn_modellen_in_de_admin():
    assert {model._meta.app_label for model, _ in REGISTER_MODELLEN} == REGISTER_APPS


@pytest.mark.django_db
@pytest.mark.parametrize(("model", "model_admin"), REGISTER_MODELLEN, ids=lambda x: getattr(x, "__name__", ""))
def test_ook_een_superuser_kan_niets_toevoegen_wijzigen_of_verwijderen(model, model_admin):
    beheerder = get_user_model().objects.create_superuser("beheerder-admin-test", password="x-geheim-123456")
    verzoek = RequestFactory().get("/beheer/")
    verzoek.user = beheerder
    assert not model_admin.has_view_permission(verzoek)  # the beheerder does not read a gemeente's registers
    assert not model_admin.has_add_permission(verzoek)
    assert not model_admin.has_change_permission(verzoek)
    assert not model_admin.has_delete_permission(verzoek)
    assert "delete_selected" not in model_admin.get_actions(verzoek)
    for inline in model_admin.get_inline_instances(verzoek):
        assert not inline.has_delete_permission(verzoek) and not inline.has_add_permission(verzoek, None)


@pytest.mark.django_db
def test_verwijderen_via_de_admin_geeft_403(client):
    from registers.models import Verwerking
    from tests.factories import maak_verwerking
    from tests.wereld import bouw_wereld

    wereld = bouw_wereld()
    beheerder = get_user_model().objects.create_superuser("beheerder-admin-test", password="x-geheim-123456")
    verwerking = maak_verwerking(team=wereld.team, vv=wereld.vv, door=wereld["privacy_officer"])
    client.force_login(beheerder)
    antwoord = client.post(f"/beheer/registers/verwerking/{verwerking.pk}/delete/", {"post": "yes"})
    assert antwoord.status_code == 403
    assert Verwerking.objects.filter(pk=verwerking.pk).exists()
