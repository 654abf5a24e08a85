"""Every role against every verzoek action, on its own team, another team and another gemeente.

Written out by hand from the RASCI reading in docs/rechten.md, not derived from ROL_RECHTEN:
the privacy officer and the jurist register and handle requests (but do not execute a team's
task); the FG reads requests and letters; a teammanager sees and completes only the task of the
own team and never the request itself; college, directeur, afdelingsmanager and controller see
numbers only; medewerker and CISO nothing.

"eigen_team" / "ander_team": a request in the user's gemeente whose task belongs to the user's
team or to another team; "andere_gemeente": a request in a gemeente where the user has no role.
The same table is checked twice: through the pages (status codes and effect) and through the
services that the API calls (PermissionDenied or not).
"""

from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.test import Client
from django.utils import timezone

from rechten import services
from rechten.models import Verzoek

from ..factories import RolFactory, UserFactory
from ..wereld import bouw_wereld, ververs
from .factories import gegevens, registreer

PLEKKEN = ("eigen_team", "ander_team", "andere_gemeente")
ACTIES = (
    "registreren",
    "inzien",
    "wijzigen",
    "identiteit",
    "taken_toewijzen",
    "verlengen",
    "afhandelen",
    "inzage_informatie",
    "brief",
    "taak_inzien",
    "taak_afronden",
    "cijfers",
)
SCHRIJVEN = (
    "registreren",
    "wijzigen",
    "identiteit",
    "taken_toewijzen",
    "verlengen",
    "afhandelen",
    "inzage_informatie",
    "taak_afronden",
)

BEHANDELEN = {
    "registreren",
    "inzien",
    "wijzigen",
    "identiteit",
    "taken_toewijzen",
    "verlengen",
    "afhandelen",
    "inzage_informatie",
    "brief",
    "taak_inzien",
    "cijfers",
}
LEZEN = {"inzien", "brief", "taak_inzien", "cijfers"}
CIJFERS = {"cijfers"}
TAAK = {"taak_inzien", "taak_afronden"}

VERWACHT = {
    "college": {"eigen_team": CIJFERS, "ander_team": CIJFERS},
    "directeur": {"eigen_team": CIJFERS, "ander_team": CIJFERS},
    "afdelingsmanager": {"eigen_team": CIJFERS, "ander_team": CIJFERS},
    "teammanager": {"eigen_team": TAAK},
    "medewerker": {},
    "privacy_officer": {"eigen_team": BEHANDELEN, "ander_team": BEHANDELEN},
    "jurist": {"eigen_team": BEHANDELEN, "ander_team": BEHANDELEN},
    "fg": {"eigen_team": LEZEN, "ander_team": LEZEN},
    "ciso": {},
    "controller": {"eigen_team": CIJFERS, "ander_team": CIJFERS},
    "buitenstaander": {},
}
HEEFT_INZAGE = {rol for rol, plekken in VERWACHT.items() if "inzien" in plekken.get("eigen_team", set())}
MAG_REGISTREREN = {rol for rol, plekken in VERWACHT.items() if "registreren" in plekken.get("eigen_team", set())}
NU = None  # the pages run on the real clock, so the services in the setup do too


def _maak_po_elders(wereld):
    from privacy_portal.organisaties.rollen import Rol

    user = UserFactory(username="po-elders")
    RolFactory(gebruiker=user, rol=Rol.PRIVACY_OFFICER, gemeente=wereld.andere_gemeente)
    return user


@pytest.fixture(scope="module")
def gedeeld(module_db):
    """The world and a privacy officer of the other gemeente, built once for the module (tests/wereld.py)."""

    def maak():
        wereld = bouw_wereld()
        po_elders = _maak_po_elders(wereld)
        # a request with its task on every plek, in each of the three states the actions start from
        wereld.opzetten = {
            (soort, plek): _opzet(wereld, plek, po_elders, actie=soort)
            for soort in ("verlengd", "verlengen", "taken_toewijzen")
            for plek in PLEKKEN
        }
        return {"wereld": wereld, "po_elders": po_elders}

    return module_db.bouw(maak)


@pytest.fixture
def vers(gedeeld, db):
    return ververs(gedeeld)


@pytest.fixture
def wereld(vers):
    return vers["wereld"]


@pytest.fixture
def po_elders(vers):
    return vers["po_elders"]


def _opzet(wereld, plek, po_elders, *, actie):
    """A request at `plek` with a task for that team, extended (so it has a letter).

    For "verlengen" it is not extended yet; for "taken_toewijzen" the task is withdrawn first, so
    the team can get a new one. Made once per module (`gedeeld`); a case takes them with `_opgezet`.
    """
    if plek == "andere_gemeente":
        door, gemeente, team = po_elders, wereld.andere_gemeente, wereld.team_elders
    else:
        door, gemeente = wereld["privacy_officer"], wereld.gemeente
        team = wereld.team if plek == "eigen_team" else wereld.ander_team
    verzoek = registreer(
        door=door,
        gemeente=gemeente,
        ontvangen_op=timezone.localdate() - timedelta(days=3),
        nu=timezone.now(),
        teams=[team],
    )
    services.identiteit_vastleggen(verzoek=verzoek, door=door, gegevens={"identiteit_wijze": "balie"}, nu=NU)
    (taak,) = services.taken_toewijzen(verzoek=verzoek, door=door, teams=[team], omschrijving="Zoek", nu=NU)
    if actie != "verlengen":
        services.verzoek_verlengen(verzoek=verzoek, door=door, reden="Complex", nu=NU)
    if actie == "taken_toewijzen":
        services.taak_intrekken(taak=taak, door=door, reden="Opnieuw toewijzen", nu=NU)
    return Verzoek.objects.get(pk=verzoek.pk), taak, gemeente, team


def _opgezet(wereld, plek, *, actie):
    """This case's instances of what `_opzet` made for `actie` at `plek` when the module started."""
    soort = actie if actie in ("verlengen", "taken_toewijzen") else "verlengd"
    return wereld.opzetten[(soort, plek)]


def _pagina(actie, user, wereld, plek, po_elders):
    """(status code, whether the action took effect)."""
    client = Client()
    client.force_login(user)
    vandaag = timezone.localdate()
    if actie == "registreren":
        gemeente = wereld.andere_gemeente if plek == "andere_gemeente" else wereld.gemeente
        voor = Verzoek.objects.count()
        antwoord = client.post(
            "/verzoeken/registreren/",
            {
                "gemeente": gemeente.slug,
                "soorten": ["inzage"],
                "kanaal": "brief",
                "ontvangen_op": vandaag.isoformat(),
                "verzoeker_naam": "Jan",
                "verzoeker_email": "jan@example.org",
            },
        )
        return antwoord.status_code, Verzoek.objects.count() == voor + 1
    verzoek, taak, gemeente, team = _opgezet(wereld, plek, actie=actie)
    url = f"/verzoeken/{verzoek.uuid}"
    if actie == "inzien":
        antwoord = client.get(f"{url}/")
        return antwoord.status_code, b"Jantje Geheimnaam" in antwoord.content
    if actie == "brief":
        antwoord = client.get(f"{url}/verlengingsbrief.pdf")
        return antwoord.status_code, antwoord.status_code == 200
    if actie == "cijfers":
        antwoord = client.get("/verzoeken/")
        return 200 if f"Cijfers {gemeente.naam}".encode() in antwoord.content else 404, None
    if actie == "taak_inzien":
        antwoord = client.get(f"/verzoeken/taken/{taak.uuid}/")
        return antwoord.status_code, antwoord.status_code == 200
    if actie == "taak_afronden":
        antwoord = client.post(f"/verzoeken/taken/{taak.uuid}/", {"resultaat": "Klaar"})
        taak.refresh_from_db()
        return antwoord.status_code, taak.status == "afgerond"
    if actie == "wijzigen":
        velden = gegevens(ontvangen_op=date(2026, 3, 3), verzoeker_naam="Nieuwe Naam")
        velden["ontvangen_op"] = velden["ontvangen_op"].isoformat()
        antwoord = client.post(f"{url}/wijzigen/", velden)
        verzoek.refresh_from_db()
        return antwoord.status_code, verzoek.verzoeker_naam == "Nieuwe Naam"
    if actie == "identiteit":
        antwoord = client.post(f"{url}/identiteit/", {"identiteit_wijze": "digid"})
        verzoek.refresh_from_db()
        return antwoord.status_code, verzoek.identiteit_wijze == "digid"
    if actie == "taken_toewijzen":
        antwoord = client.post(f"{url}/taken/", {"teams": [team.pk], "omschrijving": "Nog iets"})
        return antwoord.status_code, verzoek.taken.filter(status="open").count() == 1
    if actie == "verlengen":
        antwoord = client.post(f"{url}/verlengen/", {"verlenging_reden": "Nog complexer"})
        verzoek.refresh_from_db()
        return antwoord.status_code, verzoek.verlenging_reden == "Nog complexer"
    if actie == "afhandelen":
        antwoord = client.post(
            f"{url}/afhandelen/", {"uitkomst": "afgewezen", "grond": "buitensporig", "besluit_toelichting": "Te vaak"}
        )
        verzoek.refresh_from_db()
        return antwoord.status_code, verzoek.status == "afgehandeld"
    if actie == "inzage_informatie":
        antwoord = client.post(
            f"{url}/inzage/",
            {"kopie_vorm": "balie", "kopie_toelichting": "Aan de balie", "rechten_tekst": "R", "klacht_tekst": "K"},
        )
        return antwoord.status_code, verzoek_heeft_inzage_aan_de_balie(verzoek)
    raise AssertionError(actie)


def verzoek_heeft_inzage_aan_de_balie(verzoek):
    from rechten.models import InzageInformatie

    return InzageInformatie.objects.filter(verzoek=verzoek, kopie_vorm="balie").exists()


def _user(wereld, rol):
    return wereld[rol] if rol != "buitenstaander" else wereld["buitenstaander"]


@pytest.mark.django_db
@pytest.mark.parametrize("plek", PLEKKEN)
@pytest.mark.parametrize("actie", ACTIES)
@pytest.mark.parametrize("rol", list(VERWACHT))
def test_paginas_volgen_de_tabel(wereld, po_elders, rol, actie, plek):
    status, gelukt = _pagina(actie, _user(wereld, rol), wereld, plek, po_elders)
    mag = actie in VERWACHT[rol].get(plek, set())
    if mag:
        assert status in (200, 302), f"{rol} moet '{actie}' mogen op {plek}, kreeg {status}"
        assert gelukt is not False, f"{rol}: '{actie}' op {plek} gaf {status} maar had geen effect"
        return
    assert not gelukt, f"{rol}: '{actie}' op {plek} had effect terwijl het niet mag"
    if actie == "registreren":
        verwacht = 404 if rol in MAG_REGISTREREN else 403  # another gemeente does not exist for them
    elif actie in ("taak_inzien", "taak_afronden"):
        ziet_taak = "taak_inzien" in VERWACHT[rol].get(plek, set())
        verwacht = 403 if ziet_taak else 404
    elif actie == "cijfers":
        verwacht = 404
    else:
        verwacht = 403 if "inzien" in VERWACHT[rol].get(plek, set()) else 404
    assert status == verwacht, f"{rol} op {plek}, '{actie}': verwacht {verwacht}, kreeg {status}"


def _dienst(actie, user, wereld, plek, po_elders):
    """Call the service the API will call; True when it ran, False on PermissionDenied."""
    if actie == "registreren":
        gemeente = wereld.andere_gemeente if plek == "andere_gemeente" else wereld.gemeente
        functie = lambda: services.verzoek_registreren(door=user, gemeente=gemeente, gegevens=gegevens(), nu=NU)  # noqa: E731
    else:
        verzoek, taak, gemeente, team = _opgezet(wereld, plek, actie=actie)
        functie = {
            "wijzigen": lambda: services.verzoek_wijzigen(
                verzoek=verzoek, door=user, gegevens={"verzoeker_telefoon": "010"}, nu=NU
            ),
            "identiteit": lambda: services.identiteit_vastleggen(
                verzoek=verzoek, door=user, gegevens={"identiteit_wijze": "digid"}, nu=NU
            ),
            "taken_toewijzen": lambda: services.taken_toewijzen(
                verzoek=verzoek, door=user, teams=[team], omschrijving="Opnieuw", nu=NU
            ),
            "verlengen": lambda: services.verzoek_verlengen(verzoek=verzoek, door=user, reden="Complex", nu=NU),
            "afhandelen": lambda: services.verzoek_afhandelen(
                verzoek=verzoek, door=user, uitkomst="afgewezen", grond="buitensporig", toelichting="x", nu=NU
            ),
            "taak_afronden": lambda: services.taak_afronden(taak=taak, door=user, resultaat="Klaar", nu=NU),
            "inzage_informatie": lambda: services.inzage_informatie_opslaan(
                verzoek=verzoek, door=user, gegevens={"kopie_vorm": "balie"}
            ),
        }[actie]
    try:
        functie()
    except PermissionDenied:
        return False
    return True


@pytest.mark.django_db
@pytest.mark.parametrize("plek", PLEKKEN)
@pytest.mark.parametrize("actie", SCHRIJVEN)
@pytest.mark.parametrize("rol", list(VERWACHT))
def test_services_volgen_dezelfde_tabel(wereld, po_elders, rol, actie, plek):
    user = _user(wereld, rol)
    mag = actie in VERWACHT[rol].get(plek, set())
    assert _dienst(actie, user, wereld, plek, po_elders) is mag, f"{rol}: '{actie}' op {plek}"
