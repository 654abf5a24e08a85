"""Kennisname starts the 72 hours of art. 33(1) AVG: it is corrected openly, never edited quietly.

A correction is its own act (privacy officer only, with a reason); the record keeps the original
moment and who corrected it, when and why; the deadline is recomputed and the reminders follow it.
"""

from datetime import UTC, datetime, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from django.utils import timezone
from rest_framework.test import APIClient

from datalekken import rapport_views, services
from datalekken.ap_tekst import ap_formulier_tekst
from datalekken.constants import SoortMelding
from privacy_portal.core import scanner
from privacy_portal.core.historie import historie_regels
from privacy_portal.core.pdf import render_pdf
from privacy_portal.core.schrijven import versie_van
from privacy_portal.notificaties.models import Mijlpaal

from ..factories import AP_MELDER, meld_datalek

T0 = datetime(2026, 10, 5, 9, 0, tzinfo=UTC)


def _client(user):
    client = APIClient()
    client.force_authenticate(user)
    return client


def _iso(moment):
    return timezone.localtime(moment).isoformat()


def _namen(antwoord):
    return {p["name"] for p in antwoord.json()["invalidParams"]}


@pytest.mark.django_db
def test_art_33_1_kennisname_is_geen_gewone_wijziging(wereld):
    datalek = meld_datalek(door=wereld["medewerker"], gemeente=wereld.gemeente, nu=timezone.now() - timedelta(hours=2))
    deadline = datalek.meld_deadline
    with pytest.raises(ValidationError) as fout:
        services.datalek_behandelen(
            datalek=datalek, door=wereld["privacy_officer"], gegevens={"kennisname_op": timezone.now()}
        )
    assert "Kennisname corrigeren" in fout.value.message_dict["kennisname_op"][0]
    po = _client(wereld["privacy_officer"])
    antwoord = po.patch(
        f"/api/v1/datalekken/{datalek.uuid}", {"kennisnameOp": _iso(timezone.now()), "titel": "X"}, format="json"
    )
    assert antwoord.status_code == 400 and _namen(antwoord) == {"kennisnameOp"}
    datalek.refresh_from_db()
    assert datalek.meld_deadline == deadline and datalek.titel != "X"  # nothing half-saved
    # the page's edit form has no kennisname field any more
    client = Client()
    client.force_login(wereld["privacy_officer"])
    assert 'name="kennisname_op"' not in client.get(f"/datalekken/{datalek.uuid}/behandelen/").content.decode()


@pytest.mark.django_db
def test_art_33_1_correctie_van_kennisname_alleen_door_privacy_officer_met_reden(wereld):
    nu = timezone.now()
    datalek = meld_datalek(door=wereld["medewerker"], gemeente=wereld.gemeente, nu=nu - timedelta(hours=2))
    nieuw = nu - timedelta(hours=30)
    for rol in ("ciso", "teammanager"):
        with pytest.raises(PermissionDenied):
            services.kennisname_corrigeren(datalek=datalek, door=wereld[rol], kennisname_op=nieuw, reden="Log gelezen.")
    with pytest.raises(ValidationError) as fout:
        services.kennisname_corrigeren(datalek=datalek, door=wereld["privacy_officer"], kennisname_op=nieuw, reden="x")
    assert "ten minste 10 tekens" in fout.value.message_dict["reden"][0]
    api = _client(wereld["ciso"]).post(
        f"/api/v1/datalekken/{datalek.uuid}/kennisname-corrigeren",
        {"kennisnameOp": _iso(nieuw), "reden": "Uit het serverlog blijkt eerder."},
        format="json",
    )
    assert api.status_code == 403


@pytest.mark.django_db
def test_art_33_1_correctie_bewaart_origineel_en_berekent_deadline_openlijk(wereld):
    nu = timezone.now()
    datalek = meld_datalek(door=wereld["medewerker"], gemeente=wereld.gemeente, nu=nu - timedelta(hours=2))
    origineel = datalek.kennisname_op
    po_user = wereld["privacy_officer"]
    nieuw = (nu - timedelta(hours=30)).replace(microsecond=0)
    po = _client(wereld["privacy_officer"])
    antwoord = po.post(
        f"/api/v1/datalekken/{datalek.uuid}/kennisname-corrigeren",
        {"kennisnameOp": _iso(nieuw), "reden": "De verwerker meldde het een dag eerder per e-mail."},
        format="json",
        HTTP_IF_MATCH=f'"{versie_van(datalek)}"',
    )
    assert antwoord.status_code == 200, antwoord.content
    data = antwoord.json()
    assert datetime.fromisoformat(data["meldDeadline"]) == nieuw + timedelta(hours=72)
    assert datetime.fromisoformat(data["kennisnameOorspronkelijkOp"]) == origineel
    assert data["kennisnameCorrectieReden"] == "De verwerker meldde het een dag eerder per e-mail."
    assert data["kennisnameGecorrigeerdDoor"]
    datalek.refresh_from_db()
    assert datalek.kennisname_op == nieuw and datalek.kennisname_oorspronkelijk_op == origineel
    assert datalek.kennisname_gecorrigeerd_door == wereld["privacy_officer"]

    historie = " ".join(str(r) for r in historie_regels(datalek))
    assert "Kennisname gecorrigeerd" in historie and "Melddeadline AP" in historie
    tekst = ap_formulier_tekst(datalek)
    assert "Oorspronkelijk vastgelegde kennisname" in tekst and "een dag eerder" in tekst

    client = Client()
    client.force_login(wereld["privacy_officer"])
    pagina = client.get(f"/datalekken/{datalek.uuid}/").content.decode()
    assert "Kennisname gecorrigeerd." in pagina and "een dag eerder" in pagina
    _pdf, html = render_pdf("reports/datalekken/dossier.html", rapport_views.dossier_context(datalek, po_user))
    assert "Kennisname gecorrigeerd:" in html and "een dag eerder" in html


@pytest.mark.django_db
def test_art_33_1_correctie_via_pagina_met_fouten_op_het_paneel(client, wereld):
    nu = timezone.now()
    datalek = meld_datalek(door=wereld["medewerker"], gemeente=wereld.gemeente, nu=nu - timedelta(hours=2))
    client.force_login(wereld["privacy_officer"])
    url = f"/datalekken/{datalek.uuid}/kennisname-corrigeren/"
    moment = timezone.localtime(nu - timedelta(hours=5)).strftime("%Y-%m-%dT%H:%M")
    fout = client.post(url, {"kennisname_op": moment, "reden": "", "versie": versie_van(datalek)})
    assert fout.status_code == 400 and "Reden van de correctie" in fout.content.decode()
    goed = client.post(
        url, {"kennisname_op": moment, "reden": "Ontdekt bij de eerste controle.", "versie": versie_van(datalek)}
    )
    assert goed.status_code == 302
    datalek.refresh_from_db()
    assert datalek.kennisname_gecorrigeerd


@pytest.mark.django_db
def test_art_33_1_melding_die_door_correctie_te_laat_wordt_vraagt_reden_vertraging(wereld):
    nu = timezone.now()
    datalek = meld_datalek(door=wereld["medewerker"], gemeente=wereld.gemeente, nu=nu - timedelta(hours=50))
    po = wereld["privacy_officer"]
    services.datalek_behandelen(
        datalek=datalek, door=po, gegevens={"risico": "risico", "risico_motivering": "BSN.", **AP_MELDER}
    )
    melding = services.melding_ap_vastleggen(
        datalek=datalek, door=po, soort=SoortMelding.MELDING, gemeld_op=nu - timedelta(hours=1), ap_referentie="AP-1"
    )
    assert not melding.te_laat
    eerder = nu - timedelta(hours=80)
    with pytest.raises(ValidationError) as fout:
        services.kennisname_corrigeren(datalek=datalek, door=po, kennisname_op=eerder, reden="Zichtbaar in het log.")
    assert set(fout.value.message_dict) == {"reden_vertraging"}
    datalek.refresh_from_db()
    assert not datalek.kennisname_gecorrigeerd  # nothing half-saved
    services.kennisname_corrigeren(
        datalek=datalek,
        door=po,
        kennisname_op=eerder,
        reden="Zichtbaar in het log.",
        reden_vertraging="Het log werd pas later gelezen.",
    )
    melding.refresh_from_db()
    assert melding.te_laat and melding.reden_vertraging == "Het log werd pas later gelezen."


def _scan(nu, capture):
    with capture(execute=True):
        return scanner.termijnen_bewaken(herkomst="test", nu=nu)


def _herinneringen(datalek):
    return sorted(
        Mijlpaal.objects.filter(object_id=str(datalek.uuid), overgeslagen=False)
        .exclude(mijlpaal__startswith="stap:")
        .values_list("mijlpaal", flat=True)
    )


@pytest.mark.django_db
def test_art_33_1_herinneringen_volgen_de_gecorrigeerde_deadline(wereld, django_capture_on_commit_callbacks):
    datalek = meld_datalek(door=wereld["medewerker"], gemeente=wereld.gemeente, nu=T0)
    services.datalek_behandelen(
        datalek=datalek,
        door=wereld["privacy_officer"],
        gegevens={"risico": "risico", "risico_motivering": "BSN."},
        nu=T0,
    )
    _scan(T0 + timedelta(hours=24), django_capture_on_commit_callbacks)
    assert _herinneringen(datalek) == ["herinnering_24u"]
    # the verwerker told us later than we thought: kennisname moves 20 hours later
    later = T0 + timedelta(hours=20)
    services.kennisname_corrigeren(
        datalek=datalek,
        door=wereld["privacy_officer"],
        kennisname_op=later,
        reden="De verwerker meldde het pas om 05:00 de volgende dag.",
        nu=T0 + timedelta(hours=25),
    )
    sleutel = f"@{(later + timedelta(hours=72)):%Y%m%dT%H%MZ}"
    _scan(T0 + timedelta(hours=25), django_capture_on_commit_callbacks)
    assert _herinneringen(datalek) == ["herinnering_24u"]  # the new 24 hours are still ahead
    _scan(later + timedelta(hours=24), django_capture_on_commit_callbacks)
    _scan(later + timedelta(hours=24, minutes=5), django_capture_on_commit_callbacks)  # exactly once
    assert _herinneringen(datalek) == ["herinnering_24u", "herinnering_24u" + sleutel]
    _scan(later + timedelta(hours=72), django_capture_on_commit_callbacks)
    assert "termijn_verstreken" + sleutel in _herinneringen(datalek)
    assert "termijn_verstreken" not in _herinneringen(datalek)  # not at the old deadline


@pytest.mark.django_db
def test_art_33_1_correcties_geteld_op_dashboard_en_in_kwartaaloverzicht(wereld):
    from datalekken.selectors import filter_datalekken, kwartaal_cijfers

    nu = timezone.now()
    datalek = meld_datalek(door=wereld["medewerker"], gemeente=wereld.gemeente, nu=nu - timedelta(hours=2))
    meld_datalek(door=wereld["medewerker"], gemeente=wereld.gemeente, nu=nu - timedelta(hours=2))
    services.kennisname_corrigeren(
        datalek=datalek, door=wereld["privacy_officer"], kennisname_op=nu - timedelta(hours=3), reden="Eerder gezien."
    )
    vandaag = timezone.localdate(nu)
    cijfers = kwartaal_cijfers(wereld.gemeente, vandaag - timedelta(days=1), vandaag + timedelta(days=1))
    assert cijfers["kennisname_gecorrigeerd"] == 1
    from datalekken.models import Datalek

    lijst = filter_datalekken(Datalek.objects.all(), melding="kennisname_gecorrigeerd", nu=nu)
    assert list(lijst) == [datalek]
    from datalekken.dashboard import datalekken as bron

    secties = bron([wereld.gemeente], nu, met_details=True)
    teksten = repr(secties)
    assert "Kennisname gecorrigeerd" in teksten and "kennisname_gecorrigeerd" in teksten
