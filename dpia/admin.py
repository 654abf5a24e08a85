"""Read-only admin: DPIAs change through the portal's pages and API so the workflow and history hold."""

from django.contrib import admin

from privacy_portal.core.admin import AlleenLezenAdmin, AlleenLezenInline

from .models import Dpia, Maatregel, Risico, Vragenlijst


class RisicoInline(AlleenLezenInline):
    model = Risico
    fields = ["nummer", "beschrijving", "kans", "impact", "niveau", "restrisico"]
    extra = 0


class MaatregelInline(AlleenLezenInline):
    model = Maatregel
    fields = ["nummer", "beschrijving", "eigenaar", "deadline", "status"]
    extra = 0


@admin.register(Dpia)
class DpiaAdmin(AlleenLezenAdmin):
    list_display = ["titel", "gemeente", "team", "status", "prescan_uitkomst", "restrisico", "hercontrole_op"]
    list_filter = ["gemeente", "status", "prescan_uitkomst", "herbeoordeling_nodig"]
    search_fields = ["titel"]
    exclude = ["antwoorden"]
    inlines = [RisicoInline, MaatregelInline]


@admin.register(Vragenlijst)
class VragenlijstAdmin(AlleenLezenAdmin):
    """Imported with `manage.py importeer_dpia_model`, which checks the file against its schema."""

    list_display = ["naam", "urn", "versie", "geimporteerd_op"]
    exclude = ["definitie"]
