"""DPIAs taken through the real services to a stage of their lifecycle (`maak_dpia(..., stap=...)`)."""

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from django.conf import settings

from dpia import services
from privacy_portal.organisaties.rollen import Rol
from registers.constants import Status as VerwerkingStatus

from ..factories import RolFactory, UserFactory, alle_rollen, maak_verwerking

# The Model DPIA Rijksdienst of MinBZK, vendored unchanged in the dpia app (see its SOURCE.md).
MINBZK = Path(settings.BASE_DIR) / "dpia" / "model_rijksdienst"
NU = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)  # a Monday

STAPPEN = ("prescan", "in_uitvoering", "ingevuld", "advies", "besluit", "raadpleging_ap", "afgerond")


def breid_uit(wereld):
    """Add what DPIA tests need to `wereld` (conftest.py per test; test_rechtenmatrix.py once per module)."""
    wereld.beheerder = alle_rollen("beheerder-dpia", wereld.gemeente, wereld.andere_gemeente)
    wereld.ciso_elders = UserFactory(username="ciso-elders")
    RolFactory(gebruiker=wereld.ciso_elders, rol=Rol.CISO, gemeente=wereld.andere_gemeente)
    wereld.po_elders = UserFactory(username="po-elders")
    RolFactory(gebruiker=wereld.po_elders, rol=Rol.PRIVACY_OFFICER, gemeente=wereld.andere_gemeente)
    for user in [*wereld.gebruikers.values(), wereld.ciso_elders, wereld.po_elders]:
        user.email = f"{user.username}@gemeente.example"
        user.save()
    return wereld


def antwoord(tekst):
    return {"value": tekst, "lastEditedAt": NU.isoformat(), "lastEditedBy": "Test"}


def verwerking_voor(wereld, plek="eigen_team", **extra):
    """An approved verwerking on the team of `plek` (eigen_team, ander_team, andere_gemeente)."""
    team = {"eigen_team": wereld.team, "ander_team": wereld.ander_team, "andere_gemeente": wereld.team_elders}[plek]
    vv = wereld.vv_elders if plek == "andere_gemeente" else wereld.vv
    return maak_verwerking(
        team=team,
        vv=vv,
        door=wereld.beheerder,
        goedkeurder=wereld.beheerder,
        status=VerwerkingStatus.VASTGESTELD,
        **extra,
    )


def maak_dpia(wereld, *, stap="prescan", plek="eigen_team", restrisico="midden", verwerking=None, nu=NU):
    """A DPIA at `stap`, done by the superuser `wereld.beheerder` (so any team or gemeente works)."""
    b = wereld.beheerder
    verwerking = verwerking or verwerking_voor(wereld, plek)
    dpia = services.dpia_starten(door=b, verwerkingen=[verwerking], nu=nu)
    if stap == "prescan":
        return dpia
    dpia = services.prescan_vastleggen(dpia=dpia, door=b, criteria=["grootschalig", "koppeling"], ap_lijst=[], nu=nu)
    if stap == "in_uitvoering":
        return dpia
    antwoorden = dict(dpia.antwoorden)
    antwoorden.update(
        {
            "14.1": antwoord("Er is geen minder ingrijpende manier."),
            "14.2": antwoord("De inbreuk is beperkt."),
            "18": antwoord("Samenvatting: twee risico's."),
        }
    )
    services.antwoorden_opslaan(dpia=dpia, door=b, antwoorden=antwoorden, nu=nu)
    kans, impact = {"laag": ("laag", "laag"), "midden": ("midden", "midden"), "hoog": ("hoog", "hoog")}[restrisico]
    risico = services.risico_opslaan(
        dpia=dpia,
        door=b,
        gegevens={
            "beschrijving": "Onbevoegde inzage in dossiers.",
            "oorsprong": "Brede autorisaties.",
            "kans": kans,
            "impact": impact,
            "restrisico": restrisico,
            "restrisico_motivering": "Na autorisatiebeheer.",
        },
    )
    services.maatregel_opslaan(
        dpia=dpia,
        door=b,
        nu=nu,
        gegevens={
            "beschrijving": "Autorisaties per rol.",
            "soort": "technisch",
            "risico": risico,
            "eigenaar": wereld["ciso"] if plek != "andere_gemeente" else wereld.ciso_elders,
            "deadline": date(2026, 4, 1),
        },
    )
    dpia.refresh_from_db()
    if stap == "ingevuld":
        return dpia
    services.advies_vragen(dpia=dpia, door=b, nu=nu + timedelta(days=1))
    if stap == "advies":
        return dpia
    services.fg_advies_geven(dpia=dpia, door=b, oordeel="positief", advies="Akkoord.", nu=nu + timedelta(days=2))
    if stap == "besluit":
        return dpia
    if stap == "raadpleging_ap":
        return services.raadpleging_indienen(
            dpia=dpia, door=b, ingediend_op=(nu + timedelta(days=3)).date(), nu=nu + timedelta(days=3)
        )
    return services.accepteren(dpia=dpia, door=b, motivering="Aanvaardbaar.", nu=nu + timedelta(days=3))
