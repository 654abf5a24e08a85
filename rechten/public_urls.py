"""Public pages of the rights requests (the inwoner's own form), under /register/<slug>/verzoek/."""

from django.urls import path

from . import public_views

app_name = "verzoek_openbaar"

urlpatterns = [
    path("", public_views.formulier, name="formulier"),
    path("verstuurd/", public_views.verstuurd, name="verstuurd"),
    path("bevestigen/<str:token>/", public_views.bevestigen, name="bevestigen"),
]
