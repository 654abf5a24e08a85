"""Admin: read-only, so every change goes through the services (permissions, history, stored dates)."""

from django.contrib import admin

from privacy_portal.core.admin import AlleenLezenAdmin, AlleenLezenInline

from .models import Overeenkomst, Partij, Review, Subverwerker


class PartijInline(AlleenLezenInline):
    model = Partij
    fields = ["naam", "contactpersoon", "email", "telefoon"]
    extra = 0


class SubverwerkerInline(AlleenLezenInline):
    model = Subverwerker
    fields = ["naam", "dienst", "land", "toestemming", "toestemming_op"]
    extra = 0


class ReviewInline(AlleenLezenInline):
    model = Review
    fields = ["datum", "door", "toelichting"]
    extra = 0


@admin.register(Overeenkomst)
class OvereenkomstAdmin(AlleenLezenAdmin):
    list_display = ["onderwerp", "soort", "gemeente", "team", "einddatum", "volgende_review", "volledigheid"]
    list_filter = ["gemeente", "soort", "openbaar"]
    search_fields = ["onderwerp", "partijen__naam"]
    exclude = ["document"]
    inlines = [PartijInline, SubverwerkerInline, ReviewInline]
