"""DPIA timers in the termijnscan, each exactly once, with a frozen `nu`: overdue measures, the
three-yearly re-check, a changed verwerking ('herbeoordeling nodig') and the AP's answer term."""

from datetime import UTC, date, datetime

import pytest
from django.core import mail

from dpia import services
from dpia.models import Dpia
from privacy_portal.core import scanner
from privacy_portal.notificaties.models import Mijlpaal, Notificatie
from privacy_portal.organisaties.rollen import Rol
from registers import services as register_services

from ..factories import RolFactory, UserFactory, collega_van
from .factories import maak_dpia, verwerking_voor


def _op(jaar, maand, dag, uur=9):
    return datetime(jaar, maand, dag, uur, 0, tzinfo=UTC)


def _scan(nu, capture):
    with capture(execute=True):
        return scanner.termijnen_bewaken(herkomst="test", nu=nu)


def _naam(mijlpaal):
    """A workflow step is recorded as 'stap:<step>:<version>'; the tests name the step."""
    return mijlpaal.split(":")[1] if mijlpaal.startswith("stap:") else mijlpaal


def _ontvangers(obj, mijlpaal):
    """Who got the melding; not the test's setup users (`wereld.beheerder` holds every role)."""
    return sorted(
        n.ontvanger.username
        for n in Notificatie.objects.filter(mijlpaal__object_id=str(obj.uuid)).select_related("mijlpaal", "ontvanger")
        if _naam(n.mijlpaal.mijlpaal) == mijlpaal and not n.ontvanger.username.startswith("beheerder-dpia")
    )


def _mijlpalen(obj):
    namen = Mijlpaal.objects.filter(object_id=str(obj.uuid)).values_list("mijlpaal", flat=True)
    return sorted(_naam(m) for m in namen)


@pytest.fixture
def tm_elders(wereld):
    """A teammanager of another team: never told about this team's DPIAs."""
    user = UserFactory(username="tm-ander-team")
    RolFactory(gebruiker=user, rol=Rol.TEAMMANAGER, gemeente=wereld.gemeente, team=wereld.ander_team)
    return user


@pytest.mark.django_db
def test_maatregel_over_de_datum_herinnert_eigenaar_en_privacy_officer_precies_eenmaal(
    wereld, django_capture_on_commit_callbacks
):
    dpia = maak_dpia(wereld, stap="afgerond")
    maatregel = dpia.maatregelen.get()
    assert maatregel.deadline == date(2026, 4, 1)
    _scan(_op(2026, 4, 1, 20), django_capture_on_commit_callbacks)  # the due date itself: not overdue yet
    assert _mijlpalen(maatregel) == []
    _scan(_op(2026, 4, 2), django_capture_on_commit_callbacks)
    assert _ontvangers(maatregel, "verlopen_2026-04-01") == ["ciso", "privacy_officer"]
    _scan(_op(2026, 4, 2, 12), django_capture_on_commit_callbacks)
    _scan(_op(2026, 4, 20), django_capture_on_commit_callbacks)
    verlopen = Notificatie.objects.filter(mijlpaal__mijlpaal__startswith="verlopen_")
    assert verlopen.exclude(ontvanger__username__startswith="beheerder-dpia").count() == 2
    onderwerpen = [m.subject for m in mail.outbox if "maatregel" in m.subject]
    assert len(onderwerpen) == 2 and all("M1 is over de datum" in o for o in onderwerpen)
    assert all("inzage" not in o for o in onderwerpen)  # no content in e-mail subjects

    # a new due date that passes again reminds again, once; a finished measure never
    services.maatregel_opslaan(
        dpia=dpia, door=wereld["ciso"], maatregel=maatregel, gegevens={"deadline": date(2026, 5, 1)}
    )
    _scan(_op(2026, 5, 2), django_capture_on_commit_callbacks)
    _scan(_op(2026, 5, 3), django_capture_on_commit_callbacks)
    assert _mijlpalen(maatregel) == ["verlopen_2026-04-01", "verlopen_2026-05-01"]
    services.maatregel_opslaan(
        dpia=dpia, door=wereld["ciso"], maatregel=maatregel, gegevens={"deadline": date(2026, 5, 5), "status": "gereed"}
    )
    _scan(_op(2026, 6, 1), django_capture_on_commit_callbacks)
    assert len(_mijlpalen(maatregel)) == 2


@pytest.mark.django_db
def test_hercontrole_drie_jaar_na_afronding_precies_eenmaal(wereld, tm_elders, django_capture_on_commit_callbacks):
    dpia = maak_dpia(wereld, stap="afgerond")
    services.maatregel_opslaan(
        dpia=dpia, door=wereld["ciso"], maatregel=dpia.maatregelen.get(), gegevens={"status": "gereed"}
    )
    assert dpia.hercontrole_op == date(2029, 3, 5)  # finished on 5 March 2026
    _scan(_op(2029, 3, 4, 20), django_capture_on_commit_callbacks)
    assert _mijlpalen(dpia) == ["afgerond", "fg_advies", "fg_advies_uitkomst", "ter_advies"]
    _scan(_op(2029, 3, 5), django_capture_on_commit_callbacks)
    _scan(_op(2029, 3, 6), django_capture_on_commit_callbacks)
    assert _ontvangers(dpia, "hercontrole_2029-03-05") == ["privacy_officer", "teammanager"]
    # after the re-check the next one is three years on
    services.hercontrole_vastleggen(dpia=dpia, door=wereld["teammanager"], bevinding="Klopt nog.", nu=_op(2029, 3, 8))
    dpia.refresh_from_db()
    assert dpia.hercontrole_op == date(2032, 3, 8)
    _scan(_op(2029, 4, 1), django_capture_on_commit_callbacks)
    assert Mijlpaal.objects.filter(mijlpaal__startswith="hercontrole_").count() == 1


def _nieuwe_versie(verwerking, door, **gegevens):
    register_services.verwerking_wijzigen(verwerking=verwerking, door=door, gegevens=gegevens, reden="Test")
    register_services.verwerking_indienen(verwerking=verwerking, door=door)
    register_services.verwerking_goedkeuren(verwerking=verwerking, door=collega_van(door))  # four eyes
    return verwerking.versies.order_by("-volgnummer").first()


@pytest.mark.django_db
def test_nieuwe_vastgestelde_versie_met_ander_doel_vraagt_herbeoordeling(
    wereld, tm_elders, django_capture_on_commit_callbacks
):
    b = wereld.beheerder
    verwerking = verwerking_voor(wereld)
    dpia = maak_dpia(wereld, stap="afgerond", verwerking=verwerking)
    koppeling = dpia.koppelingen.get()
    assert koppeling.basis_versie_uuid == verwerking.versies.get().uuid

    # a change the DPIA does not depend on (retention) is no reason to reassess
    v2 = _nieuwe_versie(verwerking, b, bewaartermijn="10 jaar")
    _scan(_op(2026, 4, 1), django_capture_on_commit_callbacks)
    dpia.refresh_from_db()
    koppeling.refresh_from_db()
    assert not dpia.herbeoordeling_nodig and koppeling.basis_versie_uuid == v2.uuid

    # a draft with a new purpose is not approved yet: nothing happens
    register_services.verwerking_wijzigen(
        verwerking=verwerking, door=b, gegevens={"doeleinden": "Ook fraude opsporen."}
    )
    _scan(_op(2026, 4, 2), django_capture_on_commit_callbacks)
    dpia.refresh_from_db()
    assert not dpia.herbeoordeling_nodig

    # approved: the DPIA is marked and the teammanager and privacy officer are told, once
    register_services.verwerking_indienen(verwerking=verwerking, door=b)
    register_services.verwerking_goedkeuren(verwerking=verwerking, door=collega_van(b))  # four eyes
    v3 = verwerking.versies.order_by("-volgnummer").first()
    _scan(_op(2026, 4, 3), django_capture_on_commit_callbacks)
    _scan(_op(2026, 4, 4), django_capture_on_commit_callbacks)
    dpia.refresh_from_db()
    assert (
        dpia.herbeoordeling_nodig
        and "versie 3" in dpia.herbeoordeling_reden
        and "doeleinden" in dpia.herbeoordeling_reden
    )
    assert _ontvangers(dpia, f"wijziging_{v3.uuid}") == ["privacy_officer", "teammanager"]
    assert dpia.history.filter(history_change_reason__startswith="Herbeoordeling nodig").count() == 1

    # technology changes in another version: one more notice
    v4 = _nieuwe_versie(verwerking, b, algoritme_of_ai=True, categorieen_persoonsgegevens="NAW, BSN, inkomen")
    _scan(_op(2026, 4, 5), django_capture_on_commit_callbacks)
    assert _ontvangers(dpia, f"wijziging_{v4.uuid}") == ["privacy_officer", "teammanager"]
    dpia.refresh_from_db()
    assert "gebruik van algoritmen of AI" in dpia.herbeoordeling_reden

    # a re-check takes the register as it now is: the flag is gone and nothing new is found
    services.hercontrole_vastleggen(dpia=dpia, door=wereld["teammanager"], bevinding="Aangepast.", nu=_op(2026, 4, 6))
    _scan(_op(2026, 4, 7), django_capture_on_commit_callbacks)
    dpia.refresh_from_db()
    assert not dpia.herbeoordeling_nodig
    assert Mijlpaal.objects.filter(mijlpaal__startswith="wijziging_").count() == 2


@pytest.mark.django_db
def test_ook_een_pre_scan_zonder_dpia_wordt_opnieuw_bekeken_bij_nieuwe_technologie(
    wereld, django_capture_on_commit_callbacks
):
    verwerking = verwerking_voor(wereld)
    dpia = services.dpia_starten(door=wereld.beheerder, verwerkingen=[verwerking])
    services.prescan_vastleggen(dpia=dpia, door=wereld.beheerder, criteria=[], ap_lijst=[])
    _nieuwe_versie(verwerking, wereld.beheerder, algoritme_of_ai=True)
    _scan(_op(2026, 4, 1), django_capture_on_commit_callbacks)
    assert Dpia.objects.get(pk=dpia.pk).herbeoordeling_nodig


@pytest.mark.django_db
def test_antwoordtermijn_ap_verstreken_wordt_eenmaal_gemeld(wereld, django_capture_on_commit_callbacks):
    dpia = maak_dpia(wereld, stap="raadpleging_ap", restrisico="hoog")
    assert dpia.raadpleging_deadline == date(2026, 4, 30)
    _scan(_op(2026, 4, 30, 20), django_capture_on_commit_callbacks)
    assert "raadpleging_verstreken_2026-04-30" not in _mijlpalen(dpia)
    _scan(_op(2026, 5, 1), django_capture_on_commit_callbacks)
    _scan(_op(2026, 5, 2), django_capture_on_commit_callbacks)
    assert _ontvangers(dpia, "raadpleging_verstreken_2026-04-30") == [
        "college",
        "directeur",
        "privacy_officer",
        "teammanager",
    ]


@pytest.mark.django_db
def test_fg_krijgt_bericht_bij_ter_advies_en_het_team_bij_advies(wereld, django_capture_on_commit_callbacks):
    verwerking = verwerking_voor(wereld)  # made first: its own workflow e-mails are not counted here
    with django_capture_on_commit_callbacks(execute=True):
        dpia = maak_dpia(wereld, stap="besluit", restrisico="hoog", verwerking=verwerking)
    assert _ontvangers(dpia, "ter_advies") == ["ciso", "fg"]
    # a high residual risk: the college and directeur decide, the team and privacy officer are told
    assert _ontvangers(dpia, "fg_advies") == ["college", "directeur"]
    assert _ontvangers(dpia, "fg_advies_uitkomst") == ["privacy_officer", "teammanager"]
    assert len(mail.outbox) == 6
