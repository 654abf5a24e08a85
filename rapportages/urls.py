from django.urls import path

from . import views

app_name = "rapportages"

urlpatterns = [
    path("", views.dashboard_pagina, name="dashboard"),
    path("rapportages/", views.archief, name="archief"),
    path("rapportages/nieuw/", views.nieuw, name="nieuw"),
    path("rapportages/<uuid:uuid>/", views.detail, name="detail"),
    path("rapportages/<uuid:uuid>/voortgang/", views.voortgang, name="voortgang"),
    path("rapportages/<uuid:uuid>/opnieuw/", views.opnieuw, name="opnieuw"),
    path("rapportages/<uuid:uuid>/pdf", views.download, name="pdf"),
    path("bevindingen/<slug:slug>/<int:jaar>/", views.bevindingen, name="bevindingen"),
]
