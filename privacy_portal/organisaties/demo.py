"""Demo organisation: one shared organisation serving Voorbeeldstad and Randdorp, with demo users."""

from django.contrib.auth import get_user_model

from .models import Afdeling, Gemeente, Organisatie, RolToewijzing, Team, Verwerkingsverantwoordelijke
from .rollen import Rol

GEMEENTEN = {
    "voorbeeldstad": "Voorbeeldstad",
    "randdorp": "Randdorp",
}
AFDELINGEN = {"Dienstverlening": ["Burgerzaken", "Belastingen"], "Samenleving": ["Sociaal Domein"]}
VERANTWOORDELIJKEN = [
    ("college", "College van burgemeester en wethouders"),
    ("burgemeester", "Burgemeester"),
    ("raad", "Gemeenteraad"),
    ("heffingsambtenaar", "Heffingsambtenaar"),
]

# username -> (full name, [(role, gemeente slug, team name or None, afdeling name or None)])
GEBRUIKERS = {
    "privacyofficer": ("Priya Officier", [(Rol.PRIVACY_OFFICER, "voorbeeldstad", None, None)]),
    "privacyofficer-randdorp": ("Rik Randdorp", [(Rol.PRIVACY_OFFICER, "randdorp", None, None)]),
    "fg": ("Femke Gegevens", [(Rol.FG, "voorbeeldstad", None, None), (Rol.FG, "randdorp", None, None)]),
    "ciso": ("Cas Informatiebeveiliging", [(Rol.CISO, "voorbeeldstad", None, None)]),
    "college": ("Wethouder Collegelid", [(Rol.COLLEGE, "voorbeeldstad", None, None)]),
    "directeur": ("Dirk Directeur", [(Rol.DIRECTEUR, "voorbeeldstad", None, None)]),
    "controller": ("Carla Controle", [(Rol.CONTROLLER, "voorbeeldstad", None, None)]),
    "teammanager-burgerzaken": ("Tim Burgerzaken", [(Rol.TEAMMANAGER, "voorbeeldstad", "Burgerzaken", None)]),
    "teammanager-sociaal": ("Tara Sociaal", [(Rol.TEAMMANAGER, "voorbeeldstad", "Sociaal Domein", None)]),
    "teammanager-belastingen": ("Bas Belastingen", [(Rol.TEAMMANAGER, "voorbeeldstad", "Belastingen", None)]),
    "medewerker": ("Mila Medewerker", [(Rol.MEDEWERKER, "voorbeeldstad", "Burgerzaken", None)]),
}


def laad(wachtwoord):
    organisatie, _ = Organisatie.objects.get_or_create(naam="Werkorganisatie Voorbeeldregio")
    gemeenten = {}
    for slug, naam in GEMEENTEN.items():
        gemeente, _ = Gemeente.objects.get_or_create(
            slug=slug,
            defaults={
                "naam": naam,
                "organisatie": organisatie,
                "fg_naam": "Functionaris gegevensbescherming",
                "fg_email": f"fg@{slug}.example",
                "fg_telefoon": "14 0123",
                "website": f"https://www.{slug}.example",
                # Randdorp's privacy work is done by one person: four eyes cannot apply there.
                "vier_ogen_uitzondering": slug == "randdorp",
            },
        )
        gemeenten[slug] = gemeente
        for soort, vv_naam in VERANTWOORDELIJKEN:
            Verwerkingsverantwoordelijke.objects.get_or_create(
                gemeente=gemeente,
                naam=vv_naam,
                defaults={
                    "soort": soort,
                    "adres": f"Postbus 100, 1234 AB {naam}",
                    "email": f"info@{slug}.example",
                    "telefoon": "14 0123",
                },
            )
        for afdeling_naam, teams in AFDELINGEN.items():
            afdeling, _ = Afdeling.objects.get_or_create(gemeente=gemeente, naam=afdeling_naam)
            for team_naam in teams:
                Team.objects.get_or_create(gemeente=gemeente, naam=team_naam, defaults={"afdeling": afdeling})

    User = get_user_model()
    gebruikers = {}
    for username, (volledige_naam, rollen) in GEBRUIKERS.items():
        voornaam, _, achternaam = volledige_naam.partition(" ")
        user, aangemaakt = User.objects.get_or_create(
            username=username,
            defaults={"first_name": voornaam, "last_name": achternaam, "email": f"{username}@voorbeeldregio.example"},
        )
        if aangemaakt:
            user.set_password(wachtwoord)
            user.save()
        for rol, slug, team_naam, afdeling_naam in rollen:
            gemeente = gemeenten[slug]
            RolToewijzing.objects.get_or_create(
                gebruiker=user,
                rol=rol,
                gemeente=gemeente,
                team=Team.objects.get(gemeente=gemeente, naam=team_naam) if team_naam else None,
                afdeling=Afdeling.objects.get(gemeente=gemeente, naam=afdeling_naam) if afdeling_naam else None,
            )
        gebruikers[username] = user
    beheerder, aangemaakt = User.objects.get_or_create(
        username="beheerder", defaults={"is_staff": True, "is_superuser": True, "first_name": "Beheerder"}
    )
    if aangemaakt:
        beheerder.set_password(wachtwoord)
        beheerder.save()
    return gemeenten, gebruikers
