from django.urls import path

from . import public_views

app_name = "openbaar"

urlpatterns = [
    path("", public_views.gemeenten, name="gemeenten"),
    path("<slug:slug>/", public_views.register, name="register"),
    path("<slug:slug>/verwerkingen.<str:formaat>", public_views.download, name="download"),
    path("<slug:slug>/<uuid:uuid>/", public_views.detail, name="detail"),
]
