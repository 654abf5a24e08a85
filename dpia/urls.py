from django.urls import path

from . import views

app_name = "dpia"

urlpatterns = [
    path("", views.lijst, name="lijst"),
    path("nieuw/", views.nieuw, name="nieuw"),
    path("vragenlijsten/", views.vragenlijsten, name="vragenlijsten"),
    path("overzicht/<slug:slug>/", views.overzicht, name="overzicht"),
    path("<uuid:uuid>/", views.detail, name="detail"),
    path("<uuid:uuid>/prescan/", views.prescan, name="prescan"),
    path("<uuid:uuid>/vragen/<str:deel>/", views.vragen, name="vragen"),
    path("<uuid:uuid>/risicos/", views.risicos, name="risicos"),
    path("<uuid:uuid>/risicos/<uuid:risico_uuid>/", views.risicos, name="risico"),
    path("<uuid:uuid>/maatregelen/", views.maatregelen, name="maatregelen"),
    path("<uuid:uuid>/maatregelen/<uuid:maatregel_uuid>/", views.maatregelen, name="maatregel"),
    path("<uuid:uuid>/rapport.pdf", views.rapport, name="rapport"),
    path("<uuid:uuid>/export.json", views.export, name="export"),
    path("<uuid:uuid>/importeren/", views.importeren, name="importeren"),
    path("<uuid:uuid>/historie/", views.historie, name="historie"),
    path("<uuid:uuid>/delegeren/", views.delegeren, name="delegeren"),
    path("<uuid:uuid>/<str:actie>/", views.actie, name="actie"),
]
