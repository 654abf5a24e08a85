from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Verwerking, VerwerkingVersie


@admin.register(Verwerking)
class VerwerkingAdmin(SimpleHistoryAdmin):
    """Read-only: changes go through the portal's pages so the workflow and history hold."""

    list_display = ["naam", "gemeente", "team", "status", "volledigheid"]
    list_filter = ["gemeente", "status"]
    search_fields = ["naam"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(VerwerkingVersie)
class VerwerkingVersieAdmin(admin.ModelAdmin):
    list_display = ["naam", "volgnummer", "vastgesteld_op"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
