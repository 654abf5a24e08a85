from django.urls import path

from . import import_views, views

app_name = "registers"

urlpatterns = [
    path("", views.lijst, name="lijst"),
    path("nieuw/", views.nieuw, name="nieuw"),
    path("export.<str:formaat>", views.exporteer, name="export"),
    path("selectie/", views.bulk, name="bulk"),
    path("importeren/", import_views.upload, name="import"),
    path("importeren/<uuid:uuid>/koppelen/", import_views.koppelen, name="import-koppelen"),
    path("importeren/<uuid:uuid>/voorbeeld/", import_views.voorbeeld, name="import-voorbeeld"),
    path("importeren/<uuid:uuid>/verslag/", import_views.verslag, name="import-verslag"),
    path("<uuid:uuid>/", views.detail, name="detail"),
    path("<uuid:uuid>/bewerken/", views.bewerken, name="bewerken"),
    path("<uuid:uuid>/historie/", views.historie, name="historie"),
    path("<uuid:uuid>/delegeren/", views.delegeren, name="delegeren"),
    path("<uuid:uuid>/goedkeuren/", views.vaststellen, name="vaststellen"),
    path("<uuid:uuid>/<str:actie>/", views.actie, name="actie"),
]
