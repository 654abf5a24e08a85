from django.apps import AppConfig

from privacy_portal.core.registers import Api, Navigatie, Register


class RapportagesConfig(AppConfig):
    name = "rapportages"
    verbose_name = "Dashboard en rapportages"
    register = Register(
        naam="Dashboard en rapportages",
        volgorde=60,
        pad="dashboard/",
        urls="rapportages.urls",
        api=(
            Api("dashboard", "rapportages.api.DashboardView", "dashboard-cijfers", los=True),
            Api("rapportages", "rapportages.api.RapportageViewSet", "rapportage"),
        ),
        navigatie=(Navigatie("Dashboard", "rapportages:dashboard", ("rapportages.view_dashboard",), volgorde=5),),
        demo="rapportages.demo.laad_demo",
        scan="rapportages.scan",
    )
