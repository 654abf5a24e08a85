from django.apps import AppConfig

from privacy_portal.core.registers import Api, Navigatie, Register


class RegistersConfig(AppConfig):
    name = "registers"
    verbose_name = "Register van verwerkingen"
    register = Register(
        naam="Register van verwerkingen",
        volgorde=10,
        pad="verwerkingen/",
        urls="registers.urls",
        publieke_urls=(("", "registers.public_urls"),),
        api=(
            Api("gemeenten", "registers.api.GemeenteViewSet", "gemeente"),
            Api("teams", "registers.api.TeamViewSet", "team"),
            Api("verwerkingen", "registers.api.VerwerkingViewSet", "verwerking"),
            Api("openbaar/verwerkingen", "registers.api.OpenbareVerwerkingViewSet", "openbare-verwerking"),
        ),
        navigatie=(Navigatie("Verwerkingen", "registers:lijst", ("registers.view_verwerking",), volgorde=10),),
        demo="registers.demo.laad_demo",
        dashboard="registers.dashboard",
        startpagina="registers.views.startblok",
        werklijst="registers.werk.werk_voor",
    )
