from django.apps import AppConfig

from privacy_portal.core.registers import Api, Navigatie, Register


class RechtenConfig(AppConfig):
    name = "rechten"
    verbose_name = "Betrokkenenverzoeken"
    register = Register(
        naam="Betrokkenenverzoeken",
        volgorde=30,
        pad="verzoeken/",
        urls="rechten.urls",
        publieke_urls=(("verzoek/", "rechten.public_urls"),),
        api=(Api("verzoeken", "rechten.api.VerzoekViewSet", "verzoek"),),
        navigatie=(
            Navigatie(
                "Verzoeken", "rechten:lijst", ("rechten.view_verzoek", "rechten.statistiek_verzoek"), volgorde=30
            ),
            Navigatie("Taken", "rechten:taken", ("rechten.taak_uitvoeren_verzoek",), volgorde=30),
        ),
        demo="rechten.demo.laad_demo",
        dashboard="rechten.dashboard",
        scan="rechten.scan",
        werklijst="rechten.werk.werk_voor",
    )

    def ready(self):
        from . import services  # noqa: F401  registers the calendar callback (open deadlines follow new holidays)
