"""Admin for the shared kernel, and the one read-only admin every register uses.

Registers change only through their services (permission, workflow, history), so their admin
pages are for looking: no add, no change, and no delete, also not for a superuser.
"""

from axes.admin import AccessAttemptAdmin
from axes.models import AccessAttempt
from django.contrib import admin, messages
from simple_history.admin import SimpleHistoryAdmin

from .api_sleutels import sleutel_intrekken
from .blokkade import blokkade_opheffen
from .models import ApiSleutel, ExtraVrijeDag


class AlleenLezenMixin:
    """No add, change or delete, for anyone; the bulk delete action is gone too."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def get_actions(self, request):
        acties = super().get_actions(request)
        acties.pop("delete_selected", None)
        return acties


class AlleenLezenAdmin(AlleenLezenMixin, SimpleHistoryAdmin):
    """A register's model in the admin: to look at, with its history."""


class AlleenLezenInline(admin.TabularInline):
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(ExtraVrijeDag)
class ExtraVrijeDagAdmin(SimpleHistoryAdmin):
    list_display = ["datum", "omschrijving"]
    date_hierarchy = "datum"
    search_fields = ["omschrijving"]


admin.site.unregister(AccessAttempt)


@admin.register(AccessAttempt)
class InlogpogingAdmin(AccessAttemptAdmin):
    """Axes' failed logins, with the beheerder's unlock (recorded in the audit log)."""

    actions = ["opheffen", *AccessAttemptAdmin.actions]

    def has_delete_permission(self, request, obj=None):
        return False  # deleting a record is an unlock: only through the action, which is audited

    def get_actions(self, request):
        acties = super().get_actions(request)
        acties.pop("delete_selected", None)
        return acties

    @admin.action(description="Blokkade opheffen (wordt vastgelegd)", permissions=["change"])
    def opheffen(self, request, queryset):
        aantal = blokkade_opheffen(door=request.user, pogingen=queryset)
        self.message_user(
            request, f"Blokkade opgeheven ({aantal} registraties van mislukte pogingen gewist).", messages.SUCCESS
        )


@admin.register(ApiSleutel)
class ApiSleutelAdmin(AlleenLezenMixin, SimpleHistoryAdmin):
    """API keys: who has one, what it may do and until when. Only the hash is stored, so the key
    itself is never shown; the beheerder can revoke a key (a user revokes their own on their page)."""

    list_display = ["gebruiker", "naam", "voorvoegsel", "bereik", "verloopt_op", "ingetrokken_op", "laatst_gebruikt_op"]
    list_filter = ["bereik"]
    exclude = ["sleutel_hash"]
    actions = ["intrekken"]

    @admin.action(description="Geselecteerde API-sleutels intrekken")
    def intrekken(self, request, queryset):
        aantal = 0
        for sleutel in queryset.filter(ingetrokken_op__isnull=True):
            sleutel_intrekken(sleutel=sleutel, door=request.user)
            aantal += 1
        self.message_user(request, f"{aantal} API-sleutel(s) ingetrokken.", messages.SUCCESS)
