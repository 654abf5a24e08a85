"""URL routes: staff pages, the public register, the API and the admin (administrators only)."""

from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from privacy_portal.core import views as core_views
from privacy_portal.core.forms import InlogForm

urlpatterns = [
    path("", core_views.home, name="home"),
    path(
        "inloggen/",
        auth_views.LoginView.as_view(template_name="core/login.html", authentication_form=InlogForm),
        name="login",
    ),
    path("uitloggen/", auth_views.LogoutView.as_view(), name="logout"),
    path("verwerkingen/", include("registers.urls")),
    path("datalekken/", include("datalekken.urls")),
    path("verzoeken/", include("rechten.urls")),
    path("dpia/", include("dpia.urls")),
    path("overeenkomsten/", include("overeenkomsten.urls")),
    path("dashboard/", include("rapportages.urls")),
    path("meldingen/", include("privacy_portal.notificaties.urls")),
    path("register/<slug:slug>/verzoek/", include("rechten.public_urls")),
    path("register/<slug:slug>/convenanten/", include("overeenkomsten.public_urls")),
    path("register/", include("registers.public_urls")),
    path("api/v1/", include("privacy_portal.api_urls")),
    path("beheer/", admin.site.urls),
]

handler400 = "privacy_portal.core.views.fout_400"
handler403 = "privacy_portal.core.views.fout_403"
handler404 = "privacy_portal.core.views.fout_404"
handler500 = "privacy_portal.core.views.fout_500"
