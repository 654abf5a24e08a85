from django.urls import path

from . import sso, views

app_name = "inloggen"
urlpatterns = [
    path("sso/", sso.SsoStart.as_view(), name="sso_start"),
    path("sso/terug/", sso.SsoTerug.as_view(), name="sso_terug"),
    path("sso/mislukt/", sso.sso_mislukt, name="sso_mislukt"),
    path("tweede-factor/", views.tweede_factor, name="tweede_factor"),
    path("tweede-factor/instellen/", views.instellen, name="tweede_factor_instellen"),
]
