from django.urls import path

from . import views

app_name = "notificaties"

urlpatterns = [
    path("", views.inbox, name="inbox"),
    path("alles-gelezen/", views.alles_gelezen, name="alles_gelezen"),
    path("voorkeuren/", views.voorkeuren, name="voorkeuren"),
    path("<uuid:uuid>/openen/", views.openen, name="openen"),
    path("<uuid:uuid>/gelezen/", views.gelezen, name="gelezen"),
]
