from django.apps import AppConfig

from privacy_portal.core.registers import Api, Navigatie, Register


class DatalekkenConfig(AppConfig):
    name = "datalekken"
    verbose_name = "Datalekregister"
    register = Register(
        naam="Datalekregister",
        volgorde=20,
        pad="datalekken/",
        urls="datalekken.urls",
        api=(Api("datalekken", "datalekken.api.DatalekViewSet", "datalek"),),
        navigatie=(Navigatie("Datalekken", "datalekken:lijst", ("datalekken.add_datalek",), volgorde=20),),
        demo="datalekken.demo.laad_demo",
        dashboard="datalekken.dashboard",
        scan="datalekken.scan",
        werklijst="datalekken.werk.werk_voor",
    )
