from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Afdeling, Gemeente, Organisatie, RolToewijzing, Team, Verwerkingsverantwoordelijke


class VerantwoordelijkeInline(admin.TabularInline):
    model = Verwerkingsverantwoordelijke
    extra = 0


class AfdelingInline(admin.TabularInline):
    model = Afdeling
    extra = 0


@admin.register(Organisatie)
class OrganisatieAdmin(SimpleHistoryAdmin):
    list_display = ["naam"]


@admin.register(Gemeente)
class GemeenteAdmin(SimpleHistoryAdmin):
    list_display = ["naam", "slug", "organisatie", "mfa_verplicht"]
    prepopulated_fields = {"slug": ["naam"]}
    inlines = [VerantwoordelijkeInline, AfdelingInline]


@admin.register(Team)
class TeamAdmin(SimpleHistoryAdmin):
    list_display = ["naam", "gemeente", "afdeling"]
    list_filter = ["gemeente"]


@admin.register(RolToewijzing)
class RolToewijzingAdmin(SimpleHistoryAdmin):
    list_display = ["gebruiker", "rol", "gemeente", "afdeling", "team", "bron"]
    list_filter = ["rol", "gemeente", "bron"]
    autocomplete_fields = ["gebruiker"]
