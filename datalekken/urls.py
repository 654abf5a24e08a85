from django.urls import path

from . import rapport_views, views

app_name = "datalekken"

urlpatterns = [
    path("", views.lijst, name="lijst"),
    path("melden/", views.melden, name="melden"),
    path("kwartaal/<slug:slug>/", rapport_views.kwartaal, name="kwartaal"),
    path("<uuid:uuid>/dossier.pdf", rapport_views.dossier, name="dossier"),
    path("<uuid:uuid>/", views.detail, name="detail"),
    path("<uuid:uuid>/behandelen/", views.behandelen, name="behandelen"),
    path("<uuid:uuid>/historie/", views.historie, name="historie"),
    path("<uuid:uuid>/<str:actie>/", views.actie, name="actie"),
]
