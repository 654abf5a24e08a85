from django.contrib import admin

from privacy_portal.core.admin import AlleenLezenAdmin

from .models import Verwerking, VerwerkingVersie


@admin.register(Verwerking)
class VerwerkingAdmin(AlleenLezenAdmin):
    """Read-only: changes go through the portal's pages so the workflow and history hold."""

    list_display = ["naam", "gemeente", "team", "status", "volledigheid"]
    list_filter = ["gemeente", "status"]
    search_fields = ["naam"]


@admin.register(VerwerkingVersie)
class VerwerkingVersieAdmin(AlleenLezenAdmin):
    """An approved version is a record of what was published: never changed or deleted."""

    list_display = ["naam", "volgnummer", "vastgesteld_op"]
