"""Read-only admin: DPIAs change through the portal's pages and API so the workflow and history hold."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Dpia, Maatregel, Risico, Vragenlijst


class AlleenLezen:
    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class RisicoInline(AlleenLezen, admin.TabularInline):
    model = Risico
    fields = ["nummer", "beschrijving", "kans", "impact", "niveau", "restrisico"]
    extra = 0


class MaatregelInline(AlleenLezen, admin.TabularInline):
    model = Maatregel
    fields = ["nummer", "beschrijving", "eigenaar", "deadline", "status"]
    extra = 0


@admin.register(Dpia)
class DpiaAdmin(AlleenLezen, SimpleHistoryAdmin):
    list_display = ["titel", "gemeente", "team", "status", "prescan_uitkomst", "restrisico", "hercontrole_op"]
    list_filter = ["gemeente", "status", "prescan_uitkomst", "herbeoordeling_nodig"]
    search_fields = ["titel"]
    exclude = ["antwoorden"]
    inlines = [RisicoInline, MaatregelInline]


@admin.register(Vragenlijst)
class VragenlijstAdmin(AlleenLezen, SimpleHistoryAdmin):
    """Imported with `manage.py importeer_dpia_model`, which checks the file against its schema."""

    list_display = ["naam", "urn", "versie", "geimporteerd_op"]
    exclude = ["definitie"]
