"""Public pages of the agreements register, under /register/<slug>/convenanten/ (Woo active publication)."""

from django.urls import path

from . import public_views

app_name = "convenanten"

urlpatterns = [
    path("", public_views.lijst, name="lijst"),
    path("<uuid:uuid>/document/", public_views.document, name="document"),
]
