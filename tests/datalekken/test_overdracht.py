"""Handover in the datalekregister: each step tells the next person once (inbox and e-mail with a
link that opens the datalek), a gap in the scan gives one reminder per datalek, and the work list
shows who must act now."""

import re
from datetime import UTC, datetime, timedelta

import pytest
from django.conf import settings
from django.core import mail
from django.urls import reverse

from datalekken import services
from datalekken.werk import werk_voor
from privacy_portal.core import scanner
from privacy_portal.core.werklijst import werk_voor as hele_werklijst
from privacy_portal.notificaties.models import Mijlpaal, Notificatie, Soort

from ..factories import AP_MELDER, RolFactory, UserFactory, meld_datalek

T0 = datetime(2026, 10, 5, 9, 0, tzinfo=UTC)


@pytest.fixture
def w(wereld):
    for user in wereld.gebruikers.values():
        user.email = f"{user.username}@gemeente.example"
        user.save()
    return wereld


def _meldingen(user):
    return list(Notificatie.objects.filter(ontvanger=user))


def _mails_aan(user):
    return [m for m in mail.outbox if m.to == [user.email]]


def _opent(client, user, bericht, datalek):
    """The e-mail's link is absolute and, followed by the recipient, opens the datalek."""
    pad = reverse("datalekken:detail", kwargs={"uuid": datalek.uuid})
    links = re.findall(r"https?://\S+", bericht.body)
    assert links == [f"{settings.SITE_URL}{pad}"]
    client.force_login(user)
    assert client.get(links[0].removeprefix(settings.SITE_URL)).status_code == 200
    client.logout()


@pytest.mark.django_db
def test_gemeld_gaat_eenmaal_naar_privacy_officer_en_ciso_niet_naar_de_melder(
    w, client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        datalek = meld_datalek(door=w["medewerker"], gemeente=w.gemeente, nu=T0)
    for rol in ("privacy_officer", "ciso"):
        user = w[rol]
        [melding] = _meldingen(user)
        assert (
            melding.soort == Soort.ACTIE
            and melding.onderwerp == f"Nieuw datalek {datalek.kenmerk}: beoordeel het risico"
        )
        [bericht] = _mails_aan(user)
        assert "USB" not in bericht.subject
        _opent(client, user, bericht, datalek)
    assert not _meldingen(w["medewerker"]) and not _mails_aan(w["medewerker"])
    assert not _meldingen(w["fg"]) and len(mail.outbox) == 2


@pytest.mark.django_db
def test_wie_zelf_meldt_krijgt_er_geen_bericht_over(w, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        meld_datalek(door=w["privacy_officer"], gemeente=w.gemeente, nu=T0)
    assert not _meldingen(w["privacy_officer"]) and len(_meldingen(w["ciso"])) == 1


@pytest.mark.django_db
def test_beoordeeld_met_risico_melder_hoort_de_uitkomst_privacy_officer_moet_melden(
    w, client, django_capture_on_commit_callbacks
):
    datalek = meld_datalek(door=w["medewerker"], gemeente=w.gemeente, nu=T0)
    Notificatie.objects.all().delete()
    with django_capture_on_commit_callbacks(execute=True):
        services.datalek_behandelen(
            datalek=datalek, door=w["ciso"], gegevens={"risico": "hoog", "risico_motivering": "BSN"}, nu=T0
        )
    [uitkomst] = _meldingen(w["medewerker"])
    assert uitkomst.soort == Soort.UITKOMST and "hoog risico" in uitkomst.tekst
    [bericht] = _mails_aan(w["medewerker"])
    _opent(client, w["medewerker"], bericht, datalek)  # the melder sees their own report

    [actie] = _meldingen(w["privacy_officer"])
    assert actie.soort == Soort.ACTIE and actie.onderwerp == f"Datalek {datalek.kenmerk}: meld het bij de AP"
    [bericht] = _mails_aan(w["privacy_officer"])
    _opent(client, w["privacy_officer"], bericht, datalek)
    assert not _meldingen(w["ciso"]) and len(mail.outbox) == 2  # the CISO took the step

    # saving again without a new risk tells nobody again
    with django_capture_on_commit_callbacks(execute=True):
        services.datalek_behandelen(datalek=datalek, door=w["ciso"], gegevens={"oorzaak": "verlies"}, nu=T0)
    assert len(mail.outbox) == 2


@pytest.mark.django_db
def test_beoordeeld_zonder_risico_alleen_de_melder_en_de_privacy_officer_die_het_deed_niets(
    w, django_capture_on_commit_callbacks
):
    datalek = meld_datalek(door=w["medewerker"], gemeente=w.gemeente, nu=T0)
    Notificatie.objects.all().delete()
    with django_capture_on_commit_callbacks(execute=True):
        services.datalek_behandelen(
            datalek=datalek, door=w["privacy_officer"], gegevens={"risico": "geen", "risico_motivering": "X"}, nu=T0
        )
    assert [m.to for m in mail.outbox] == [[w["medewerker"].email]]
    assert not _meldingen(w["privacy_officer"])


def _scan(nu, capture):
    with capture(execute=True):
        return scanner.termijnen_bewaken(herkomst="test", nu=nu)


@pytest.mark.django_db
def test_na_20_uur_stilstand_een_herinnering_per_datalek_en_de_escalatie_komt_op_tijd(
    w, django_capture_on_commit_callbacks
):
    _scan(T0 - timedelta(minutes=1), django_capture_on_commit_callbacks)  # the last scan before the gap
    # Reported at T0, known for 41 hours already (a late report): its 24-hour milestone has passed.
    kennisname = T0 - timedelta(hours=41)
    with django_capture_on_commit_callbacks(execute=True):
        datalek = meld_datalek(
            door=w["medewerker"], gemeente=w.gemeente, nu=T0, ontdekt_op=kennisname, kennisname_op=kennisname
        )
    mail.outbox.clear()
    Notificatie.objects.all().delete()

    # The scanner stood still for 20 hours: the 12-hour and 24/48/60-hour milestones are all due now.
    _scan(T0 + timedelta(hours=20), django_capture_on_commit_callbacks)
    [herinnering] = Notificatie.objects.all()
    assert herinnering.ontvanger == w["privacy_officer"] and "nog 12 uur" in herinnering.onderwerp
    assert len(mail.outbox) == 1
    overgeslagen = Mijlpaal.objects.filter(object_id=str(datalek.uuid), overgeslagen=True)
    assert sorted(overgeslagen.values_list("mijlpaal", flat=True)) == [
        "herinnering_24u",
        "herinnering_48u",
        "risico_ontbreekt",
    ]
    for uur in (21, 22, 30):
        _scan(T0 + timedelta(hours=uur), django_capture_on_commit_callbacks)
    assert len(mail.outbox) == 1

    _scan(kennisname + timedelta(hours=71, minutes=59), django_capture_on_commit_callbacks)
    assert len(mail.outbox) == 1
    _scan(kennisname + timedelta(hours=72), django_capture_on_commit_callbacks)  # the escalation, on time
    assert sorted(m.to[0] for m in mail.outbox[1:]) == [
        "ciso@gemeente.example",
        "fg@gemeente.example",
        "privacy_officer@gemeente.example",
    ]
    assert all("verstreken" in m.subject for m in mail.outbox[1:])


# --- the work list -------------------------------------------------------------------------------


def _acties(user, nu):
    return sorted((i.actie, i.titel.split(" ")[0], i.deadline, i.link) for i in werk_voor(user, nu))


@pytest.mark.django_db
def test_werklijst_privacy_officer_en_ciso_beoordelen_en_melden_met_de_72_uursklok(w, django_assert_max_num_queries):
    po, ciso = w["privacy_officer"], w["ciso"]
    leeg = werk_voor(po, T0)
    assert leeg == []
    nieuw = meld_datalek(door=w["medewerker"], gemeente=w.gemeente, nu=T0)
    te_melden = meld_datalek(door=w["medewerker"], gemeente=w.gemeente, nu=T0, titel="Laptop gestolen")
    services.datalek_behandelen(
        datalek=te_melden, door=ciso, gegevens={"risico": "risico", "risico_motivering": "NAW", **AP_MELDER}, nu=T0
    )
    geen = meld_datalek(door=w["medewerker"], gemeente=w.gemeente, nu=T0, titel="Brief terug")
    services.datalek_behandelen(datalek=geen, door=po, gegevens={"risico": "geen", "risico_motivering": "X"}, nu=T0)
    elders = UserFactory(username="po-elders")
    RolFactory(gebruiker=elders, rol="privacy_officer", gemeente=w.andere_gemeente)
    meld_datalek(door=elders, gemeente=w.andere_gemeente, nu=T0)

    nu = T0 + timedelta(hours=1)
    po.refresh_from_db()
    with django_assert_max_num_queries(4):
        items = werk_voor(po, nu)
    assert sorted((i.actie, i.deadline, i.link) for i in items) == [
        ("Beoordeel het risico", nieuw.meld_deadline, f"/datalekken/{nieuw.uuid}/behandelen/"),
        ("Meld het datalek bij de AP", te_melden.meld_deadline, f"/datalekken/{te_melden.uuid}/"),
    ]
    assert [(i.actie, i.link) for i in werk_voor(ciso, nu)] == [
        ("Beoordeel het risico", f"/datalekken/{nieuw.uuid}/behandelen/")
    ]
    for rol in ("fg", "medewerker", "teammanager", "college"):
        assert werk_voor(w[rol], nu) == []
    assert werk_voor(elders, nu)[0].titel.startswith("DL-") and len(werk_voor(elders, nu)) == 1

    # on the home page, by deadline; after the AP notification it is gone
    assert [i.register for i in hele_werklijst(po, nu)].count("Datalekken") == 2
    services.melding_ap_vastleggen(
        datalek=te_melden, door=po, soort="melding", gemeld_op=nu, ap_referentie="M-1", nu=nu
    )
    assert [i.actie for i in werk_voor(po, nu)] == ["Beoordeel het risico"]


@pytest.mark.django_db
def test_werklijst_op_de_startpagina_opent_het_datalek(w, client):
    datalek = meld_datalek(door=w["medewerker"], gemeente=w.gemeente, nu=T0)
    client.force_login(w["privacy_officer"])
    pagina = client.get("/").content.decode()
    link = f"/datalekken/{datalek.uuid}/behandelen/"
    assert "Beoordeel het risico" in pagina and link in pagina
    assert client.get(link).status_code == 200
    client.force_login(w["medewerker"])
    assert link not in client.get("/").content.decode()
