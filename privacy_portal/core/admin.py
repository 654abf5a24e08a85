"""Admin for the shared kernel: the extra vrije dagen of the deadline calendar."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import ExtraVrijeDag


@admin.register(ExtraVrijeDag)
class ExtraVrijeDagAdmin(SimpleHistoryAdmin):
    list_display = ["datum", "omschrijving"]
    date_hierarchy = "datum"
    search_fields = ["omschrijving"]
