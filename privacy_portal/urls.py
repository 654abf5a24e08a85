"""URL routes: staff pages, the public register, the API and the admin (administrators only).

Each register's routes come from its declaration (`privacy_portal.core.registers`): its staff
pages under `pad`, its public pages under /register/, its API routes under /api/v1/.
"""

from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from privacy_portal.core import gezondheid
from privacy_portal.core import views as core_views
from privacy_portal.core.forms import InlogForm
from privacy_portal.core.registers import registers

urlpatterns = [
    path("", core_views.home, name="home"),
    # Answered earlier by GezondheidMiddleware; named here for `manage.py health_check ready --no-http`.
    path("health", gezondheid.levend, name="health"),
    path("ready", gezondheid.gereed_view, name="ready"),
    path(
        "inloggen/",
        auth_views.LoginView.as_view(template_name="core/login.html", authentication_form=InlogForm),
        name="login",
    ),
    path("inloggen/", include("privacy_portal.inloggen.urls")),
    path("uitloggen/", auth_views.LogoutView.as_view(), name="logout"),
    path("toegankelijkheid/", core_views.toegankelijkheid, name="toegankelijkheid"),
    path("api-sleutels/", core_views.api_sleutels_pagina, name="api_sleutels"),
    path("api-sleutels/<uuid:uuid>/intrekken/", core_views.api_sleutel_intrekken, name="api_sleutel_intrekken"),
    *(path(r.pad, include(r.urls)) for r in registers() if r.urls),
    path("meldingen/", include("privacy_portal.notificaties.urls")),
    # Longer public prefixes first: /register/<slug>/verzoek/ before /register/<slug>/.
    *(
        path(f"register/<slug:slug>/{prefix}", include(module))
        for r in registers()
        for prefix, module in r.publieke_urls
        if prefix
    ),
    *(path("register/", include(module)) for r in registers() for prefix, module in r.publieke_urls if not prefix),
    path("api/v1/", include("privacy_portal.api_urls")),
    path("beheer/", admin.site.urls),
]

handler400 = "privacy_portal.core.views.fout_400"
handler403 = "privacy_portal.core.views.fout_403"
handler404 = "privacy_portal.core.views.fout_404"
handler500 = "privacy_portal.core.views.fout_500"
