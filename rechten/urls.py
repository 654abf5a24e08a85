from django.urls import path

from . import views

app_name = "rechten"

urlpatterns = [
    path("", views.lijst, name="lijst"),
    path("registreren/", views.registreren, name="registreren"),
    path("taken/", views.taken, name="taken"),
    path("taken/<uuid:uuid>/", views.taak, name="taak"),
    path("<uuid:uuid>/", views.detail, name="detail"),
    path("<uuid:uuid>/wijzigen/", views.wijzigen, name="wijzigen"),
    path("<uuid:uuid>/historie/", views.historie, name="historie"),
    path("<uuid:uuid>/inzage/", views.inzage, name="inzage"),
    path("<uuid:uuid>/verlengingsbrief.pdf", views.brief, {"soort": "verlenging"}, name="verlengingsbrief"),
    path("<uuid:uuid>/besluit.pdf", views.brief, {"soort": "besluit"}, name="besluitbrief"),
    path("<uuid:uuid>/<str:actie>/", views.actie, name="actie"),
]
