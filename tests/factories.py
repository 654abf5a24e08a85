"""Factories for every app, with lifecycle helpers that go through the real services."""

import factory
from django.contrib.auth import get_user_model

from privacy_portal.organisaties.models import (
    Afdeling,
    Gemeente,
    Organisatie,
    RolToewijzing,
    Team,
    Verwerkingsverantwoordelijke,
)
from registers import services
from registers.constants import Status


class OrganisatieFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisatie
        django_get_or_create = ["naam"]

    naam = "Werkorganisatie Test"


class GemeenteFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Gemeente

    organisatie = factory.SubFactory(OrganisatieFactory)
    naam = factory.Sequence(lambda n: f"Gemeente {n}")
    slug = factory.Sequence(lambda n: f"gemeente-{n}")
    fg_naam = "Functionaris gegevensbescherming"
    fg_email = factory.LazyAttribute(lambda o: f"fg@{o.slug}.example")


class VerantwoordelijkeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Verwerkingsverantwoordelijke

    gemeente = factory.SubFactory(GemeenteFactory)
    soort = "college"
    naam = "College van burgemeester en wethouders"
    adres = "Postbus 1, 1000 AA Ergens"
    email = "info@gemeente.example"


class AfdelingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Afdeling

    gemeente = factory.SubFactory(GemeenteFactory)
    naam = factory.Sequence(lambda n: f"Afdeling {n}")


class TeamFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Team

    gemeente = factory.SubFactory(GemeenteFactory)
    afdeling = factory.SubFactory(AfdelingFactory, gemeente=factory.SelfAttribute("..gemeente"))
    naam = factory.Sequence(lambda n: f"Team {n}")


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ["username"]
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"gebruiker{n}")
    first_name = "Test"
    last_name = factory.Sequence(lambda n: f"Persoon {n}")
    password = factory.django.Password("geheim-wachtwoord-123")


class RolFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RolToewijzing

    gebruiker = factory.SubFactory(UserFactory)
    gemeente = factory.SubFactory(GemeenteFactory)


def volledige_inhoud(team, vv, **extra):
    inhoud = {
        "naam": "Basisregistratie Personen",
        "team": team,
        "verwerkingsverantwoordelijke": vv,
        "doeleinden": "Bijhouden van de basisregistratie personen.",
        "grondslagen": ["c"],
        "grondslag_toelichting": "Wet BRP, art. 1.2",
        "categorieen_betrokkenen": "Ingezetenen",
        "categorieen_persoonsgegevens": "NAW, geboortedatum, BSN",
        "ontvangers": "Overheidsorganisaties met een autorisatie",
        "bewaartermijn": "Permanent",
        "herkomst": "Betrokkene en andere gemeenten",
        "beveiligingsmaatregelen": "Toegang op basis van rollen, logging",
        "interne_notitie": "GEHEIM-INTERN-NOTITIE",
        "verwerkers": "Leverancier X B.V.",
    }
    inhoud.update(extra)
    return inhoud


def alle_rollen(username, *gemeenten):
    """A user holding every role everywhere in these gemeenten (each team role in every team, each
    afdeling role in every afdeling). Tests set up records in any team with it: the technical
    superuser acts in no register (privacy_portal.organisaties.beheerder)."""
    from privacy_portal.organisaties.models import Afdeling, Team
    from privacy_portal.organisaties.rollen import ROL_BEREIK, Bereik, Rol

    user = UserFactory(username=username, first_name="", last_name="")  # named by username, like a superuser
    for gemeente in gemeenten:
        for rol in Rol:
            if ROL_BEREIK[rol] == Bereik.TEAM:
                for team in Team.objects.filter(gemeente=gemeente):
                    RolFactory(gebruiker=user, rol=rol, gemeente=gemeente, team=team)
            elif ROL_BEREIK[rol] == Bereik.AFDELING:
                for afdeling in Afdeling.objects.filter(gemeente=gemeente):
                    RolFactory(gebruiker=user, rol=rol, gemeente=gemeente, afdeling=afdeling)
            else:
                RolFactory(gebruiker=user, rol=rol, gemeente=gemeente)
    return user


def collega_van(user):
    """A second user with the same roles (`<naam>-collega`): four eyes need someone else to approve."""
    collega, nieuw = UserFactory._meta.model.objects.get_or_create(
        username=f"{user.username}-collega", defaults={"is_superuser": user.is_superuser}
    )
    if nieuw:
        for rol in user.rollen.all():
            RolFactory(gebruiker=collega, rol=rol.rol, gemeente=rol.gemeente, afdeling=rol.afdeling, team=rol.team)
    return collega


def maak_verwerking(*, team, vv, door, goedkeurder=None, status=Status.CONCEPT, **extra):
    """A verwerking taken through the services to `status`. Four eyes: when `goedkeurder` is also the
    author, a colleague with the same roles approves (`collega_van`)."""
    verwerking = services.verwerking_aanmaken(
        door=door, gemeente=team.gemeente, gegevens=volledige_inhoud(team, vv, **extra)
    )
    if status == Status.CONCEPT:
        return verwerking
    services.verwerking_indienen(verwerking=verwerking, door=door)
    if status == Status.TER_BEOORDELING:
        return verwerking
    if goedkeurder is not None and goedkeurder.pk == door.pk:
        goedkeurder = collega_van(goedkeurder)
    services.verwerking_goedkeuren(verwerking=verwerking, door=goedkeurder)
    if status == Status.GEARCHIVEERD:
        services.verwerking_archiveren(verwerking=verwerking, door=goedkeurder)
    verwerking.refresh_from_db()
    return verwerking


# What the AP's notification form requires of the melder (services.ap_melding_bezwaren).
AP_MELDER = {"melder_naam": "P. Officier", "melder_functie": "Privacy officer", "melder_telefoon": "14 0123"}


def meld_datalek(*, door, gemeente, nu, **extra):
    """A datalek reported through the service, discovered at `nu` unless given."""
    from datalekken import services as datalek_services

    gegevens = {"titel": "USB-stick verloren", "omschrijving": "In de trein laten liggen.", "ontdekt_op": nu}
    gegevens.update(extra)
    return datalek_services.datalek_melden(door=door, gemeente=gemeente, gegevens=gegevens, nu=nu)
