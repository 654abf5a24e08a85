"""Admin for the shared kernel, and the one read-only admin every register uses.

Registers change only through their services (permission, workflow, history), so their admin
pages are for looking: no add, no change, and no delete, also not for a superuser.
"""

from axes.admin import AccessAttemptAdmin
from axes.models import AccessAttempt
from django.contrib import admin, messages
from django.shortcuts import redirect
from rest_framework.authtoken.admin import TokenAdmin
from rest_framework.authtoken.models import TokenProxy
from simple_history.admin import SimpleHistoryAdmin

from .blokkade import blokkade_opheffen
from .models import ExtraVrijeDag


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


if admin.site.is_registered(TokenProxy):
    admin.site.unregister(TokenProxy)

    @admin.register(TokenProxy)
    class SleutelAdmin(TokenAdmin):
        """API tokens: who has one and since when, never the key itself (it would let anyone act as
        them). The key is the token's primary key, so nothing here links to or selects a token (a
        link, a page title or an action's checkbox would carry it): the list shows who has a token
        and since when. Revoking is deactivating the user, or the user's own token page."""

        list_display = ("user", "created")
        list_display_links = None
        actions = None

        def change_view(self, request, object_id, form_url="", extra_context=None):
            return redirect("admin:authtoken_tokenproxy_changelist")

        def has_delete_permission(self, request, obj=None):
            return False

        def response_add(self, request, obj, post_url_continue=None):
            self.message_user(request, f"Er is een token gemaakt voor {obj.user}.", messages.SUCCESS)
            return redirect("admin:authtoken_tokenproxy_changelist")

        def log_addition(self, request, obj, message):
            from django.contrib.admin.models import ADDITION, LogEntry
            from django.contrib.contenttypes.models import ContentType

            return LogEntry.objects.create(
                user_id=request.user.pk,
                content_type=ContentType.objects.get_for_model(obj, for_concrete_model=False),
                object_id=str(obj.user_id),
                object_repr=f"Token van {obj.user}"[:200],
                action_flag=ADDITION,
                change_message=message,
            )
