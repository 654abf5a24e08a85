from django.urls import path

from . import views

app_name = "notificaties"

urlpatterns = [
    path("", views.inbox, name="inbox"),
    path("<uuid:uuid>/openen/", views.openen, name="openen"),
]
