"""Admin: read-only, so every change goes through the services (permissions, history, stored dates)."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Overeenkomst, Partij, Review, Subverwerker


class AlleenLezen:
    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class PartijInline(AlleenLezen, admin.TabularInline):
    model = Partij
    fields = ["naam", "contactpersoon", "email", "telefoon"]
    extra = 0


class SubverwerkerInline(AlleenLezen, admin.TabularInline):
    model = Subverwerker
    fields = ["naam", "dienst", "land", "toestemming", "toestemming_op"]
    extra = 0


class ReviewInline(AlleenLezen, admin.TabularInline):
    model = Review
    fields = ["datum", "door", "toelichting"]
    extra = 0


@admin.register(Overeenkomst)
class OvereenkomstAdmin(AlleenLezen, SimpleHistoryAdmin):
    list_display = ["onderwerp", "soort", "gemeente", "team", "einddatum", "volgende_review", "volledigheid"]
    list_filter = ["gemeente", "soort", "openbaar"]
    search_fields = ["onderwerp", "partijen__naam"]
    exclude = ["document"]
    inlines = [PartijInline, SubverwerkerInline, ReviewInline]
