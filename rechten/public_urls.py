"""Public pages of the rights requests (the inwoner's own form), under /register/<slug>/verzoek/."""

app_name = "verzoek_openbaar"

urlpatterns = []
