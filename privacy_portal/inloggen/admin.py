from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import SsoGroep, SsoIdentiteit


@admin.register(SsoGroep)
class SsoGroepAdmin(SimpleHistoryAdmin):
    list_display = ["groep", "rol", "gemeente", "afdeling", "team"]
    list_filter = ["gemeente", "rol"]
    search_fields = ["groep"]


@admin.register(SsoIdentiteit)
class SsoIdentiteitAdmin(SimpleHistoryAdmin):
    """Links a portal account to a person at the identity provider (e.g. an existing local account)."""

    list_display = ["gebruiker", "issuer", "sub"]
    search_fields = ["gebruiker__username", "sub"]
    autocomplete_fields = ["gebruiker"]
