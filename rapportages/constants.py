"""Closed lists of the reports archive."""

from django.db import models


class Soort(models.TextChoices):
    KWARTAALEVALUATIE = "kwartaalevaluatie", "Kwartaalevaluatie"
    JAARVERSLAG = "jaarverslag", "FG-jaarverslag aan het college"
    REGISTER = "register", "Register van verwerkingen (volledig, art. 30 lid 4)"
    REGISTER_OPENBAAR = "register_openbaar", "Register van verwerkingen (openbare versie)"


class Status(models.TextChoices):
    WACHTRIJ = "wachtrij", "In de wachtrij"
    BEZIG = "bezig", "Wordt gemaakt"
    KLAAR = "klaar", "Klaar"
    MISLUKT = "mislukt", "Mislukt"


# Reports over a period; the register reports show the state at the moment they are made.
MET_PERIODE = {Soort.KWARTAALEVALUATIE, Soort.JAARVERSLAG}

# The deadline scan runs every few minutes; older than this and the dashboard warns.
SCAN_VEROUDERD_MINUTEN = 15

# Default theme colour (the portal's own blue) when a gemeente has no theme.
STANDAARD_KLEUR = "#153b5c"
