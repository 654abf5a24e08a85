from django.apps import AppConfig

from privacy_portal.core.registers import Api, Navigatie, Register


class DpiaConfig(AppConfig):
    name = "dpia"
    verbose_name = "DPIA-register"
    register = Register(
        naam="DPIA-register",
        volgorde=40,
        pad="dpia/",
        urls="dpia.urls",
        api=(Api("dpias", "dpia.api.DpiaViewSet", "dpia"),),
        navigatie=(Navigatie("DPIA's", "dpia:lijst", ("dpia.view_dpia",), volgorde=40),),
        demo="dpia.demo.laad_demo",
        dashboard="dpia.dashboard",
        scan="dpia.scan",
        werklijst="dpia.werk.werk_voor",
        verwerking_panelen=("dpia/_status_verwerking.html",),
    )

    def ready(self):
        from . import services  # noqa: F401  registers the calendar callback (open deadlines follow new holidays)
