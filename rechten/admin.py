"""Admin of the betrokkenenverzoeken: read-only, changes go through the portal's pages and services
so the deadline, the workflow and the history hold."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Kennisgeving, Taak, Verzoek


class AlleenLezen(SimpleHistoryAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class TaakInline(admin.TabularInline):
    model = Taak
    fields = ["team", "status", "toegewezen_op", "afgerond_op"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Verzoek)
class VerzoekAdmin(AlleenLezen):
    list_display = ["kenmerk", "gemeente", "status", "ontvangen_op", "deadline", "verlengd_tot", "uitkomst"]
    list_filter = ["gemeente", "status", "uitkomst", "kanaal"]
    date_hierarchy = "ontvangen_op"
    exclude = ["bevestig_token_hash"]
    inlines = [TaakInline]


@admin.register(Taak)
class TaakAdmin(AlleenLezen):
    list_display = ["__str__", "team", "status", "toegewezen_op", "afgerond_op"]
    list_filter = ["status", "gemeente"]


@admin.register(Kennisgeving)
class KennisgevingAdmin(AlleenLezen):
    list_display = ["__str__", "verzoek", "geinformeerd_op"]
