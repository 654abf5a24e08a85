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


def maak_verwerking(*, team, vv, door, goedkeurder=None, status=Status.CONCEPT, **extra):
    """A verwerking taken through the services to `status`."""
    verwerking = services.verwerking_aanmaken(
        door=door, gemeente=team.gemeente, gegevens=volledige_inhoud(team, vv, **extra)
    )
    if status == Status.CONCEPT:
        return verwerking
    services.verwerking_indienen(verwerking=verwerking, door=door)
    if status == Status.TER_BEOORDELING:
        return verwerking
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
