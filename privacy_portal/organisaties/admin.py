from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Afdeling, Gemeente, Organisatie, RolToewijzing, Team, Verwerkingsverantwoordelijke


class NietVerwijderen:
    """Organisations, gemeenten and teams carry a gemeente's registers: nothing is hard-deleted here
    (also not by the superuser); a team that stops keeps its history."""

    def has_delete_permission(self, request, obj=None):
        return False

    def get_actions(self, request):
        acties = super().get_actions(request)
        acties.pop("delete_selected", None)
        return acties


class VerantwoordelijkeInline(admin.TabularInline):
    model = Verwerkingsverantwoordelijke
    extra = 0
    can_delete = False


class AfdelingInline(admin.TabularInline):
    model = Afdeling
    extra = 0
    can_delete = False


@admin.register(Organisatie)
class OrganisatieAdmin(NietVerwijderen, SimpleHistoryAdmin):
    list_display = ["naam"]


@admin.register(Gemeente)
class GemeenteAdmin(NietVerwijderen, SimpleHistoryAdmin):
    list_display = ["naam", "slug", "organisatie", "mfa_verplicht", "vier_ogen_uitzondering"]
    prepopulated_fields = {"slug": ["naam"]}
    inlines = [VerantwoordelijkeInline, AfdelingInline]


@admin.register(Team)
class TeamAdmin(NietVerwijderen, SimpleHistoryAdmin):
    list_display = ["naam", "gemeente", "afdeling"]
    list_filter = ["gemeente"]


@admin.register(RolToewijzing)
class RolToewijzingAdmin(SimpleHistoryAdmin):
    list_display = ["gebruiker", "rol", "gemeente", "afdeling", "team", "bron"]
    list_filter = ["rol", "gemeente", "bron"]
    autocomplete_fields = ["gebruiker"]
