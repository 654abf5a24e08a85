"""Meldingen: absolute links, each person's choice per kind, the daily digest, one reminder after a
gap, workflow steps once per version and never to the one who took the step, filter and mark-all."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.urls import reverse

from privacy_portal.core.scanner import termijnen_bewaken
from privacy_portal.notificaties import services
from privacy_portal.notificaties.models import Mijlpaal, Notificatie, Soort, Wijze
from privacy_portal.organisaties.rollen import Rol
from tests.factories import maak_verwerking

NL = ZoneInfo("Europe/Amsterdam")


@pytest.fixture
def verwerking(wereld):
    for rol in (Rol.PRIVACY_OFFICER, Rol.TEAMMANAGER):
        wereld[rol].email = f"{rol.value}@voorbeeldstad.example"
        wereld[rol].save()
    return maak_verwerking(team=wereld.team, vv=wereld.vv, door=wereld[Rol.TEAMMANAGER])


@pytest.fixture(autouse=True)
def site(settings):
    settings.SITE_URL = "https://privacy.voorbeeldstad.nl"
    settings.MELDINGEN_SAMENVATTING_UUR = 7


def _mails_aan(gebruiker):
    return [m for m in mail.outbox if gebruiker.email in m.to]


def test_een_e_mail_heeft_een_absolute_link_die_werkt(wereld, verwerking, django_capture_on_commit_callbacks):
    po = wereld[Rol.PRIVACY_OFFICER]
    link = reverse("registers:detail", kwargs={"uuid": verwerking.uuid})
    with django_capture_on_commit_callbacks(execute=True):
        services.mijlpaal_bereiken(
            obj=verwerking, mijlpaal="test", ontvangers=[po], onderwerp="Test", tekst="Kijk even.", link=link
        )
    (bericht,) = _mails_aan(po)
    assert f"https://privacy.voorbeeldstad.nl{link}" in bericht.body
    assert " /verwerkingen/" not in bericht.body


def test_keuze_alleen_in_de_portal_stuurt_geen_e_mail(wereld, verwerking, django_capture_on_commit_callbacks):
    po = wereld[Rol.PRIVACY_OFFICER]
    services.voorkeuren_opslaan(gebruiker=po, keuzes={Soort.TERMIJN: Wijze.PORTAL})
    with django_capture_on_commit_callbacks(execute=True):
        services.mijlpaal_bereiken(obj=verwerking, mijlpaal="t", ontvangers=[po], onderwerp="T", tekst="t")
    assert Notificatie.objects.get(ontvanger=po).email_wijze == Wijze.PORTAL
    assert _mails_aan(po) == []
    # and the catch-up of lost e-mails does not send it either
    assert services.onverzonden_opnieuw_in_wachtrij(datetime.now(NL) + timedelta(hours=1)) == 0


def test_dagelijkse_samenvatting_een_keer_met_alle_meldingen(wereld, verwerking, django_capture_on_commit_callbacks):
    po = wereld[Rol.PRIVACY_OFFICER]
    services.voorkeuren_opslaan(gebruiker=po, keuzes={Soort.TERMIJN: Wijze.DAGELIJKS, Soort.ACTIE: Wijze.DAGELIJKS})
    gisteren = datetime(2026, 3, 9, 15, 0, tzinfo=NL)
    with django_capture_on_commit_callbacks(execute=True):
        for naam in ("a", "b", "c"):
            services.mijlpaal_bereiken(
                obj=verwerking,
                mijlpaal=naam,
                ontvangers=[po],
                onderwerp=f"Melding {naam}",
                tekst="x",
                link="/verwerkingen/",
                nu=gisteren,
            )
    assert _mails_aan(po) == []  # nothing at once
    with django_capture_on_commit_callbacks(execute=True):
        termijnen_bewaken(herkomst="test", nu=datetime(2026, 3, 10, 6, 59, tzinfo=NL))
    assert _mails_aan(po) == []  # before 07:00 nothing
    for _ in range(2):  # a second scan sends nothing more
        with django_capture_on_commit_callbacks(execute=True):
            termijnen_bewaken(herkomst="test", nu=datetime(2026, 3, 10, 7, 5, tzinfo=NL))
    (samenvatting,) = _mails_aan(po)
    assert "3 nieuwe meldingen" in samenvatting.subject
    assert all(f"Melding {n}" in samenvatting.body for n in "abc")
    assert "https://privacy.voorbeeldstad.nl/verwerkingen/" in samenvatting.body


def test_na_een_gat_alleen_de_urgentste_mijlpaal(wereld, verwerking, django_capture_on_commit_callbacks):
    po = wereld[Rol.PRIVACY_OFFICER]
    with django_capture_on_commit_callbacks(execute=True):
        aantal = services.meest_urgente_mijlpaal(
            obj=verwerking,
            bereikt=["nog_48_uur", "nog_24_uur", "nog_12_uur", "verstreken"],
            ontvangers=[po],
            bericht=lambda m: (f"Termijn: {m}", "x"),
        )
    assert aantal == 1
    assert list(Notificatie.objects.filter(ontvanger=po).values_list("onderwerp", flat=True)) == ["Termijn: verstreken"]
    assert len(_mails_aan(po)) == 1
    assert set(Mijlpaal.objects.filter(overgeslagen=True).values_list("mijlpaal", flat=True)) == {
        "nog_48_uur",
        "nog_24_uur",
        "nog_12_uur",
    }
    # the next scan: nothing new
    assert (
        services.meest_urgente_mijlpaal(
            obj=verwerking,
            bereikt=["nog_48_uur", "nog_24_uur", "nog_12_uur", "verstreken"],
            ontvangers=[po],
            bericht=lambda m: (m, m),
        )
        == 0
    )


def test_zonder_gat_gaat_elke_mijlpaal_op_zijn_beurt(wereld, verwerking):
    po = wereld[Rol.PRIVACY_OFFICER]
    reeks = ["nog_48_uur", "nog_24_uur", "nog_12_uur"]
    for i in range(1, 4):
        services.meest_urgente_mijlpaal(obj=verwerking, bereikt=reeks[:i], ontvangers=[po], bericht=lambda m: (m, m))
    assert sorted(Notificatie.objects.values_list("onderwerp", flat=True)) == sorted(reeks)
    assert not Mijlpaal.objects.filter(overgeslagen=True).exists()


def test_stap_een_keer_per_versie_en_niet_aan_wie_hem_zette(wereld, verwerking):
    tm, po = wereld[Rol.TEAMMANAGER], wereld[Rol.PRIVACY_OFFICER]
    kwargs = dict(obj=verwerking, stap="ingediend", onderwerp="Ter beoordeling", tekst="x", link="/", door=tm)
    assert services.stap_melden(ontvangers=[po, tm], **kwargs) == 1
    assert services.stap_melden(ontvangers=[po, tm], **kwargs) == 0  # same version: a retry
    verwerking.naam = "Nieuw"
    verwerking._history_user = tm
    verwerking.save()
    assert services.stap_melden(ontvangers=[po], **kwargs) == 1  # submitted again later
    assert not Notificatie.objects.filter(ontvanger=tm).exists()


def test_inbox_filtert_en_markeert_alles_gelezen(client, wereld, verwerking):
    po = wereld[Rol.PRIVACY_OFFICER]
    services.mijlpaal_bereiken(obj=verwerking, mijlpaal="t1", ontvangers=[po], onderwerp="Termijnmelding", tekst="x")
    services.mijlpaal_bereiken(
        obj=verwerking, mijlpaal="a1", ontvangers=[po], onderwerp="Actiemelding", tekst="x", soort=Soort.ACTIE
    )
    client.force_login(po)
    pagina = client.get(reverse("notificaties:inbox"), {"soort": Soort.ACTIE}).content.decode()
    assert "Actiemelding" in pagina and "Termijnmelding" not in pagina
    client.post(reverse("notificaties:alles_gelezen"), {"soort": Soort.ACTIE})
    assert list(Notificatie.objects.filter(gelezen_op__isnull=True).values_list("onderwerp", flat=True)) == [
        "Termijnmelding"
    ]
    client.post(reverse("notificaties:alles_gelezen"))
    assert not Notificatie.objects.filter(gelezen_op__isnull=True).exists()
    pagina = client.get(reverse("notificaties:inbox"), {"status": "ongelezen"}).content.decode()
    assert "Geen meldingen met dit filter." in pagina


def test_een_ander_kan_mijn_melding_niet_als_gelezen_markeren(client, wereld, verwerking):
    po, tm = wereld[Rol.PRIVACY_OFFICER], wereld[Rol.TEAMMANAGER]
    services.mijlpaal_bereiken(obj=verwerking, mijlpaal="t1", ontvangers=[po], onderwerp="Voor de PO", tekst="x")
    client.force_login(tm)
    melding = Notificatie.objects.get()
    assert client.post(reverse("notificaties:gelezen", kwargs={"uuid": melding.uuid})).status_code == 404
    melding.refresh_from_db()
    assert melding.gelezen_op is None


def test_voorkeuren_opslaan_via_de_pagina(client, wereld):
    po = wereld[Rol.PRIVACY_OFFICER]
    client.force_login(po)
    antwoord = client.post(
        reverse("notificaties:voorkeuren"),
        {Soort.ACTIE: Wijze.DIRECT, Soort.UITKOMST: Wijze.PORTAL, Soort.TERMIJN: Wijze.DAGELIJKS},
    )
    assert antwoord.status_code == 302
    assert services.voorkeuren_van(po) == {
        Soort.ACTIE: Wijze.DIRECT,
        Soort.UITKOMST: Wijze.PORTAL,
        Soort.TERMIJN: Wijze.DAGELIJKS,
    }
    assert client.post(reverse("notificaties:voorkeuren"), {Soort.ACTIE: "fax"}).status_code == 200
    assert services.voorkeuren_van(po)[Soort.ACTIE] == Wijze.DIRECT
