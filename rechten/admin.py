"""Admin of the betrokkenenverzoeken: read-only, changes go through the portal's pages and services
so the deadline, the workflow and the history hold."""

from django.contrib import admin

from privacy_portal.core.admin import AlleenLezenAdmin, AlleenLezenInline

from .models import Kennisgeving, Taak, Verzoek


class TaakInline(AlleenLezenInline):
    model = Taak
    fields = ["team", "status", "toegewezen_op", "afgerond_op"]


@admin.register(Verzoek)
class VerzoekAdmin(AlleenLezenAdmin):
    list_display = ["kenmerk", "gemeente", "status", "ontvangen_op", "deadline", "verlengd_tot", "uitkomst"]
    list_filter = ["gemeente", "status", "uitkomst", "kanaal"]
    date_hierarchy = "ontvangen_op"
    exclude = ["bevestig_token_hash"]
    inlines = [TaakInline]


@admin.register(Taak)
class TaakAdmin(AlleenLezenAdmin):
    list_display = ["__str__", "team", "status", "toegewezen_op", "afgerond_op"]
    list_filter = ["status", "gemeente"]


@admin.register(Kennisgeving)
class KennisgevingAdmin(AlleenLezenAdmin):
    list_display = ["__str__", "verzoek", "geinformeerd_op"]
