"""Make an API key for a user from the command line (for operators; users make their own on the page)."""

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from privacy_portal.core import api_sleutels
from privacy_portal.core.models import ApiSleutel


class Command(BaseCommand):
    help = "Maakt een API-sleutel voor een gebruiker en toont hem één keer."

    def add_arguments(self, parser):
        parser.add_argument("gebruikersnaam")
        parser.add_argument("--naam", default="Gemaakt op de opdrachtregel")
        parser.add_argument("--schrijven", action="store_true", help="Ook schrijven (standaard: alleen lezen).")
        parser.add_argument(
            "--dagen", type=int, default=api_sleutels.STANDAARD_DAGEN, choices=api_sleutels.GELDIG_DAGEN
        )

    def handle(self, *args, gebruikersnaam, naam, schrijven, dagen, **options):
        gebruiker = get_user_model().objects.filter(username=gebruikersnaam, is_active=True).first()
        if gebruiker is None:
            raise CommandError(f"Geen actieve gebruiker '{gebruikersnaam}'.")
        bereik = ApiSleutel.Bereik.LEZEN_EN_SCHRIJVEN if schrijven else ApiSleutel.Bereik.LEZEN
        try:
            api_sleutel, sleutel = api_sleutels.sleutel_maken(
                gebruiker=gebruiker, naam=naam, bereik=bereik, geldig_dagen=dagen
            )
        except ValidationError as fout:
            raise CommandError(" ".join(fout.messages)) from fout
        self.stdout.write(sleutel)
        self.stderr.write(
            f"{api_sleutel.get_bereik_display()}, geldig tot {api_sleutel.verloopt_op:%d-%m-%Y}. "
            "Bewaar de sleutel nu: hij wordt niet nog eens getoond."
        )
