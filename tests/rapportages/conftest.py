"""Known data for the dashboard and report tests, made through the real services.

`register`: verwerkingen in every state (at the real clock: the register's services take no
moment). `lekken`: datalekken at fixed moments in 2026 (Europe/Amsterdam), seen at NU, the end
of September 2026 (third quarter).
"""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from datalekken import services as datalek_services
from datalekken.constants import Risico, SoortMelding
from privacy_portal.organisaties.rollen import Rol
from rapportages import services as rapport_services
from registers import services as register_services
from registers.constants import Status

from ..factories import AP_MELDER, RolFactory, maak_verwerking

AMS = ZoneInfo("Europe/Amsterdam")


def op(jaar, maand, dag, uur=9, minuut=0):
    return datetime(jaar, maand, dag, uur, minuut, tzinfo=AMS)


NU = op(2026, 9, 25, 12)


EIGEN_BRONNEN = ("registers.dashboard.register_van_verwerkingen", "datalekken.dashboard.datalekken")


@pytest.fixture
def alleen_eigen_bronnen():
    """Only the sources of registers and datalekken (the modules here that count on them use this
    fixture): the other registers add their own sources, and test them, while they are being built.
    test_samenwerking.py runs with every source."""
    from privacy_portal.core import dashboard

    bewaard = list(dashboard._BRONNEN)
    dashboard._BRONNEN[:] = [b for b in bewaard if b.naam in EIGEN_BRONNEN]
    yield
    dashboard._BRONNEN[:] = bewaard


@pytest.fixture(autouse=True)
def prive_opslag_in_tmp(settings, tmp_path):
    """Generated PDFs and logos go to a temporary folder, not to var/media."""
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {**settings.STORAGES["default"], "OPTIONS": {"location": str(tmp_path / "media")}},
    }


@pytest.fixture
def po_elders(wereld):
    return RolFactory(gemeente=wereld.andere_gemeente, rol=Rol.PRIVACY_OFFICER).gebruiker


@pytest.fixture
def register(wereld, po_elders):
    """Seven verwerkingen in Voorbeeldstad (one archived) and one in Randdorp; see the expectations per test."""
    po = wereld["privacy_officer"]

    def maak(naam, status, **extra):
        return maak_verwerking(
            team=wereld.team, vv=wereld.vv, door=po, goedkeurder=po, status=status, naam=naam, **extra
        )

    v = {
        "a": maak("A vastgesteld", Status.VASTGESTELD),
        "b": maak("B bijzonder zonder DPIA-oordeel", Status.VASTGESTELD, bijzondere_categorieen=["gezondheid"]),
        "c": maak("C onvolledig, DPIA nodig", Status.CONCEPT, bewaartermijn="", herkomst="", dpia_status="nodig"),
        "d": maak("D ter beoordeling, DPIA loopt", Status.TER_BEOORDELING, dpia_status="in_uitvoering"),
        "e": maak("E gearchiveerd", Status.GEARCHIVEERD, dpia_status="nodig"),
        "f": maak(
            "F bijzonder, DPIA gedaan", Status.CONCEPT, bijzondere_categorieen=["religie"], dpia_status="uitgevoerd"
        ),
        "g": maak("G vastgesteld en gewijzigd", Status.VASTGESTELD),
    }
    v["g"] = register_services.verwerking_wijzigen(
        verwerking=v["g"], door=po, gegevens={"bewaartermijn": "Tien jaar"}, reden="Bewaartermijn herzien"
    )
    v["elders"] = maak_verwerking(
        team=wereld.team_elders,
        vv=wereld.vv_elders,
        door=po_elders,
        goedkeurder=po_elders,
        status=Status.VASTGESTELD,
        naam="H in een andere gemeente",
        dpia_status="nodig",
    )
    return v


def melden(wereld, titel, moment, *, door=None, gemeente=None, **gegevens):
    """A datalek reported at `moment`, discovered (and known) an hour earlier."""
    return datalek_services.datalek_melden(
        door=door or wereld["medewerker"],
        gemeente=gemeente or wereld.gemeente,
        gegevens={
            "titel": titel,
            "omschrijving": f"Omschrijving van: {titel}.",
            "ontdekt_op": moment - timedelta(hours=1),
            **gegevens,
        },
        nu=moment,
    )


def beoordelen(wereld, datalek, moment, risico, oorzaak="verkeerd_verstuurd"):
    return datalek_services.datalek_behandelen(
        datalek=datalek,
        door=wereld["privacy_officer"],
        gegevens={
            "risico": risico,
            "risico_motivering": "Beoordeeld.",
            "oorzaak": oorzaak,
            **AP_MELDER,
            # art. 33(5): what closing a datalek that is not notified asks
            **(
                {
                    "risico_motivering": "Beoordeeld: geen risico voor de betrokkenen.",
                    "mogelijke_gevolgen": "Geen gevolgen voor de betrokkenen.",
                    "genomen_maatregelen": "Ontvangers gevraagd de e-mail te verwijderen.",
                }
                if risico == "geen"
                else {}
            ),
        },
        nu=moment,
    )


def ap_melden(wereld, datalek, moment, reden=""):
    return datalek_services.melding_ap_vastleggen(
        datalek=datalek,
        door=wereld["privacy_officer"],
        soort=SoortMelding.MELDING,
        gemeld_op=moment,
        ap_referentie="M-1",
        reden_vertraging=reden,
        nu=moment,
    )


@pytest.fixture
def lekken(wereld, po_elders):
    """Seven datalekken in Voorbeeldstad in 2026 and one in Randdorp; seen at NU (25 September 2026 12:00)."""
    po = wereld["privacy_officer"]
    d = {}
    # 1. Q3, risk, notified on time, closed.
    d["op_tijd"] = melden(wereld, "GEHEIM brief naar verkeerd adres", op(2026, 7, 6))
    beoordelen(wereld, d["op_tijd"], op(2026, 7, 6, 14), Risico.RISICO)
    ap_melden(wereld, d["op_tijd"], op(2026, 7, 7, 10))
    datalek_services.datalek_afsluiten(datalek=d["op_tijd"], door=po, nu=op(2026, 7, 20))
    # 2. Q3, high risk, notified late, still open.
    d["te_laat"] = melden(wereld, "GEHEIM laptop gestolen", op(2026, 8, 10, 9))
    beoordelen(wereld, d["te_laat"], op(2026, 8, 11), Risico.HOOG, oorzaak="diefstal")
    ap_melden(wereld, d["te_laat"], op(2026, 8, 14, 12), reden="Leverancier bevestigde het laat.")
    # 3. Q3, no risk, closed.
    d["geen"] = melden(wereld, "GEHEIM e-mail zonder bcc", op(2026, 9, 20, 16))
    beoordelen(wereld, d["geen"], op(2026, 9, 21), Risico.GEEN)
    datalek_services.datalek_afsluiten(datalek=d["geen"], door=po, nu=op(2026, 9, 22))
    # 4. Q3, risk, not notified, deadline (23 Sep 09:00) passed.
    d["verlopen"] = melden(wereld, "GEHEIM dossier op straat", op(2026, 9, 20, 10))
    beoordelen(wereld, d["verlopen"], op(2026, 9, 20, 12), Risico.RISICO, oorzaak="verlies")
    # 5. Q3, not assessed, deadline 25 Sep 20:00: less than 24 hours left at NU.
    d["krap"] = melden(wereld, "GEHEIM usb-stick kwijt", op(2026, 9, 22, 21))
    # 6. Q2, not assessed: its clock ran out long ago.
    d["k2"] = melden(wereld, "GEHEIM melding uit het tweede kwartaal", op(2026, 6, 30, 12))
    # 7. Q1, risk, notified late.
    d["k1"] = melden(wereld, "GEHEIM phishing in februari", op(2026, 2, 10))
    beoordelen(wereld, d["k1"], op(2026, 2, 10, 15), Risico.RISICO, oorzaak="hack")
    ap_melden(wereld, d["k1"], op(2026, 2, 16), reden="Pas na onderzoek duidelijk.")
    # 8. Another gemeente: never counted for Voorbeeldstad.
    d["elders"] = melden(wereld, "GEHEIM elders", op(2026, 8, 1), door=po_elders, gemeente=wereld.andere_gemeente)
    return d


@pytest.fixture
def vang_html(monkeypatch):
    """Spy on render_pdf in the report service: keeps the HTML of every rendered report."""
    gevangen = []
    echt = rapport_services.render_pdf

    def spion(template_name, context, **kwargs):
        pdf, html = echt(template_name, context, **kwargs)
        gevangen.append(html)
        return pdf, html

    monkeypatch.setattr(rapport_services, "render_pdf", spion)
    return gevangen


@pytest.fixture
def maak_rapport(django_capture_on_commit_callbacks):
    """Request a report through the service and run the queued task (in-process) at once."""

    def maak(door, soort, gemeente, van=None, tot=None, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            rapportage = rapport_services.rapportage_aanvragen(
                door=door, soort=soort, gemeente=gemeente, periode_van=van, periode_tot=tot, **kwargs
            )
        rapportage.refresh_from_db()
        return rapportage

    return maak


@pytest.fixture
def fg_twee_gemeenten(wereld):
    """The FG of the world also serves Randdorp."""
    RolFactory(gebruiker=wereld["fg"], rol=Rol.FG, gemeente=wereld.andere_gemeente)
    wereld["fg"].__dict__.pop("_rol_toewijzingen", None)
    return wereld["fg"]
