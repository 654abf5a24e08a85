"""The datalekregister in the admin: to look at only. Changes go through the services."""

from django.contrib import admin

from privacy_portal.core.admin import AlleenLezenAdmin, AlleenLezenInline

from .models import Datalek, MeldingAP


class MeldingAPInline(AlleenLezenInline):
    model = MeldingAP
    fields = ["soort", "gemeld_op", "ap_referentie", "reden_vertraging", "toelichting", "vastgelegd_door"]


@admin.register(Datalek)
class DatalekAdmin(AlleenLezenAdmin):
    list_display = ["titel", "gemeente", "team", "status", "risico", "meld_deadline"]
    list_filter = ["status", "risico", "gemeente"]
    search_fields = ["titel"]
    date_hierarchy = "gemeld_op"
    inlines = [MeldingAPInline]
