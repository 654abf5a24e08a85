"""After the retention period the requester's personal data disappear from the record AND its history;
the numbers stay. Unconfirmed web requests lapse and lose their data too."""

from datetime import date, timedelta

import pytest
from django.conf import settings
from django.db.models import Q

from privacy_portal.core import scanner
from privacy_portal.organisaties.models import Gemeente
from rechten import selectors, services
from rechten.constants import BEVESTIGEN_BINNEN_DAGEN, GEANONIMISEERD, Status
from rechten.models import Kennisgeving, Taak, Verzoek

from .factories import in_behandeling, moment, registreer

GEHEIM = ("Geheimnaam", "jantje.geheim", "99887766", "Geheimstraat", "Geheimzaken", "Vertegenwoordiger Geheim")


def _bevat_geheim(waarden):
    return [w for w in waarden for g in GEHEIM if isinstance(w, str) and g in w]


def _alle_historie_teksten():
    teksten = []
    for model in (Verzoek.history.model, Taak.history.model, Kennisgeving.history.model):
        for rij in model.objects.values():
            teksten.extend(rij.values())
    return teksten


def _afgehandeld_verzoek(wereld, besloten_op):
    po, tm = wereld["privacy_officer"], wereld["teammanager"]
    verzoek = registreer(
        door=po,
        gemeente=wereld.gemeente,
        ontvangen_op=date(2026, 3, 3),
        soorten=["inzage", "rectificatie"],
        vertegenwoordiger_naam="Vertegenwoordiger Geheim",
        teams=[wereld.team],
    )
    services.verzoek_wijzigen(
        verzoek=verzoek, door=po, gegevens={"verzoeker_telefoon": "06 99887766 (werk)"}, nu=moment(date(2026, 3, 4))
    )
    (taak,) = in_behandeling(verzoek, door=po, teams=[wereld.team], nu=moment(date(2026, 3, 5)))
    services.taak_afronden(taak=taak, door=tm, resultaat="Dossier van Geheimnaam gevonden", nu=moment(date(2026, 3, 9)))
    services.kennisgeving_vastleggen(
        verzoek=verzoek,
        door=po,
        ontvanger="Belastingdienst",
        geinformeerd_op=date(2026, 3, 10),
        toelichting="Brief over Geheimnaam gestuurd",
        nu=moment(date(2026, 3, 10)),
    )
    return services.verzoek_afhandelen(
        verzoek=verzoek,
        door=po,
        uitkomst="toegewezen",
        toelichting="Beste Geheimnaam, u krijgt uw dossier.",
        nu=moment(besloten_op),
    )


@pytest.mark.django_db
def test_na_de_bewaartermijn_zijn_de_persoonsgegevens_weg_ook_uit_de_historie_maar_de_cijfers_blijven(
    wereld, settings, django_capture_on_commit_callbacks
):
    settings.VERZOEK_BEWAARTERMIJN_DAGEN = 365
    verzoek = _afgehandeld_verzoek(wereld, date(2026, 3, 20))
    gesloten = verzoek.afgesloten_op
    assert _bevat_geheim(_alle_historie_teksten())  # the test data do contain them
    cijfers_voor = selectors.cijfers(Gemeente.objects.filter(pk=wereld.gemeente.pk), vandaag=date(2027, 4, 1))
    historie_voor = verzoek.history.count()

    scanner.termijnen_bewaken(herkomst="test", nu=gesloten + timedelta(days=365) - timedelta(seconds=1))
    verzoek.refresh_from_db()
    assert verzoek.geanonimiseerd_op is None and verzoek.verzoeker_naam == "Jantje Geheimnaam"

    with django_capture_on_commit_callbacks(execute=True):
        scanner.termijnen_bewaken(herkomst="test", nu=gesloten + timedelta(days=365))
    verzoek.refresh_from_db()
    assert verzoek.geanonimiseerd_op == gesloten + timedelta(days=365)
    assert verzoek.verzoeker_naam == GEANONIMISEERD
    assert verzoek.verzoeker_email == verzoek.verzoeker_telefoon == verzoek.verzoeker_adres == ""
    assert verzoek.vertegenwoordiger_naam == verzoek.omschrijving == verzoek.besluit_toelichting == ""
    assert _bevat_geheim(_alle_historie_teksten()) == []
    assert verzoek.history.count() == historie_voor + 1  # the rows stay; one more records the anonymisation
    assert verzoek.history.first().history_change_reason == "Persoonsgegevens geanonimiseerd na de bewaartermijn"
    assert verzoek.history.filter(~Q(verzoeker_naam=GEANONIMISEERD)).count() == 0

    # what the numbers need is still there
    assert verzoek.soorten == ["inzage", "rectificatie"] and verzoek.uitkomst == "toegewezen"
    assert (verzoek.ontvangen_op, verzoek.deadline, verzoek.besloten_op) == (
        date(2026, 3, 3),
        date(2026, 4, 7),
        date(2026, 3, 20),
    )
    assert verzoek.taken.count() == 1 and verzoek.kennisgevingen.get().ontvanger == "Belastingdienst"
    assert selectors.cijfers(Gemeente.objects.filter(pk=wereld.gemeente.pk), vandaag=date(2027, 4, 1)) == cijfers_voor

    aantal = verzoek.history.count()
    scanner.termijnen_bewaken(herkomst="test", nu=gesloten + timedelta(days=400))  # a rerun does nothing
    assert verzoek.history.count() == aantal


@pytest.mark.django_db
def test_de_bewaartermijn_is_instelbaar_en_open_verzoeken_blijven_altijd_staan(wereld, settings):
    settings.VERZOEK_BEWAARTERMIJN_DAGEN = 30
    verzoek = _afgehandeld_verzoek(wereld, date(2026, 3, 20))
    open_ = registreer(door=wereld["privacy_officer"], gemeente=wereld.gemeente, ontvangen_op=date(2026, 3, 3))
    scanner.termijnen_bewaken(herkomst="test", nu=moment(date(2026, 4, 20)))
    verzoek.refresh_from_db()
    open_.refresh_from_db()
    assert verzoek.geanonimiseerd_op is not None
    assert open_.verzoeker_naam == "Jantje Geheimnaam"


@pytest.mark.django_db
def test_een_onbevestigd_webverzoek_vervalt_met_reden_en_verliest_daarna_zijn_gegevens(wereld):
    # replaces test_een_onbevestigd_webverzoek_vervalt_en_verliest_zijn_gegevens: the scan no longer
    # drops an unconfirmed request by itself; the privacy officer decides (issue 12)
    nu = moment(date(2026, 3, 3))
    verzoek, token = services.verzoek_ontvangen_van_inwoner(
        gemeente=wereld.gemeente,
        gegevens={
            "soorten": ["inzage"],
            "verzoeker_naam": "Jantje Geheimnaam",
            "verzoeker_email": "jantje.geheim@x.nl",
        },
        nu=nu,
    )
    scanner.termijnen_bewaken(herkomst="test", nu=nu + timedelta(days=BEVESTIGEN_BINNEN_DAGEN + 30))
    verzoek.refresh_from_db()
    assert verzoek.status == Status.ONBEVESTIGD and verzoek.verzoeker_naam == "Jantje Geheimnaam"
    later = nu + timedelta(days=BEVESTIGEN_BINNEN_DAGEN + 31)
    services.onbevestigd_laten_vervallen(
        verzoek=verzoek, door=wereld["privacy_officer"], toelichting="Geen ander adres bekend", nu=later
    )
    scanner.termijnen_bewaken(herkomst="test", nu=later + timedelta(days=settings.VERZOEK_BEWAARTERMIJN_DAGEN))
    verzoek.refresh_from_db()
    assert verzoek.status == Status.VERVALLEN and verzoek.geanonimiseerd_op is not None
    assert verzoek.bevestig_token_hash == "" and verzoek.onbevestigd_toelichting == ""
    assert _bevat_geheim(_alle_historie_teksten()) == []
    with pytest.raises(services.ValidationError):
        services.verzoek_bevestigen(token=token, nu=nu + timedelta(days=8))
