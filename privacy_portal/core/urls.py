"""The kernel's own staff pages (declared on CoreConfig like a register's)."""

from django.urls import path

from . import auditlog_views

app_name = "auditlog"

urlpatterns = [
    path("", auditlog_views.auditlog, name="lijst"),
]
