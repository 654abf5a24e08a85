from django.apps import AppConfig

from privacy_portal.core.registers import Api, Navigatie, Register


class OvereenkomstenConfig(AppConfig):
    name = "overeenkomsten"
    verbose_name = "Verwerkersovereenkomsten en convenanten"
    register = Register(
        naam="Verwerkersovereenkomsten en convenanten",
        volgorde=50,
        pad="overeenkomsten/",
        urls="overeenkomsten.urls",
        publieke_urls=(("convenanten/", "overeenkomsten.public_urls"),),
        api=(Api("overeenkomsten", "overeenkomsten.api.OvereenkomstViewSet", "overeenkomst"),),
        navigatie=(
            Navigatie("Overeenkomsten", "overeenkomsten:lijst", ("overeenkomsten.view_overeenkomst",), volgorde=50),
        ),
        demo="overeenkomsten.demo.laad_demo",
        dashboard="overeenkomsten.dashboard",
        scan="overeenkomsten.scan",
        werklijst="overeenkomsten.werk.werk_voor",
        verwerking_panelen=("overeenkomsten/_paneel_verwerking.html",),
        verwerking_filters={
            "zonder_verwerkersovereenkomst": "overeenkomsten.selectors.zonder_verwerkersovereenkomst",
        },
    )
