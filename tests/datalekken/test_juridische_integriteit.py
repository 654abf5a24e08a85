"""Records that hold up before the AP and the court: references, closing and exceptions, dates."""

from datetime import UTC, datetime, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.utils import timezone
from rest_framework.test import APIClient

from datalekken import services
from datalekken.ap_tekst import ap_formulier_tekst
from datalekken.constants import Risico, Status
from datalekken.models import Datalek

from ..factories import meld_datalek


@pytest.mark.django_db
def test_kenmerk_jaar_in_nederlandse_tijd(wereld):
    # 1 January 2027 00:30 in the Netherlands is still 31 December 2026 23:30 UTC.
    nu = datetime(2026, 12, 31, 23, 30, tzinfo=UTC)
    datalek = meld_datalek(door=wereld["medewerker"], gemeente=wereld.gemeente, nu=nu)
    assert datalek.kenmerk == f"DL-2027-{datalek.pk:05d}"


@pytest.mark.django_db
def test_art_33_5_niet_gemeld_datalek_sluit_alleen_met_feiten_gevolgen_en_maatregelen(wereld):
    po = wereld["privacy_officer"]
    nu = timezone.now()
    datalek = meld_datalek(door=wereld["medewerker"], gemeente=wereld.gemeente, nu=nu - timedelta(hours=2))
    services.datalek_behandelen(
        datalek=datalek, door=po, gegevens={"risico": Risico.GEEN, "risico_motivering": "x"}, nu=nu
    )
    with pytest.raises(ValidationError) as fout:
        services.datalek_afsluiten(datalek=datalek, door=po, motivering="x", nu=nu)
    assert set(fout.value.message_dict) == {"risico_motivering", "mogelijke_gevolgen", "genomen_maatregelen"}
    assert "ten minste 20 tekens" in fout.value.message_dict["genomen_maatregelen"][0]
    assert "art. 33 lid 5" in fout.value.message_dict["mogelijke_gevolgen"][0]
    # the API says the same, per field, and nothing changes
    api = APIClient()
    api.force_authenticate(po)
    antwoord = api.post(f"/api/v1/datalekken/{datalek.uuid}/afsluiten", {}, format="json")
    assert antwoord.status_code == 400
    assert {p["name"] for p in antwoord.json()["invalidParams"]} >= {"mogelijkeGevolgen", "genomenMaatregelen"}
    datalek.refresh_from_db()
    assert datalek.status != Status.AFGESLOTEN
    services.datalek_behandelen(
        datalek=datalek,
        door=po,
        gegevens={
            "risico_motivering": "Alleen een intern zaaknummer, geen persoonsgegevens.",
            "mogelijke_gevolgen": "Geen: de stick was versleuteld.",
            "genomen_maatregelen": "Stick op afstand gewist; medewerker herinnerd aan de regels.",
        },
        nu=nu,
    )
    assert services.datalek_afsluiten(datalek=datalek, door=po, nu=nu).status == Status.AFGESLOTEN


@pytest.mark.django_db
def test_art_34_3_c_openbare_mededeling_wordt_vastgelegd(wereld):
    po = wereld["privacy_officer"]
    nu = timezone.now()
    datalek = meld_datalek(door=wereld["medewerker"], gemeente=wereld.gemeente, nu=nu - timedelta(hours=2))
    services.datalek_behandelen(
        datalek=datalek, door=po, gegevens={"risico": Risico.HOOG, "risico_motivering": "BSN van duizenden."}, nu=nu
    )
    api = APIClient()
    api.force_authenticate(po)
    url = f"/api/v1/datalekken/{datalek.uuid}/informeren-betrokkenen"
    zonder = api.post(url, {"uitzondering": "onevenredig", "motivering": "Adressen onbekend."}, format="json")
    assert zonder.status_code == 400
    assert {p["name"] for p in zonder.json()["invalidParams"]} == {
        "mededelingOp",
        "mededelingMedium",
        "mededelingTekst",
    }
    datalek.refresh_from_db()
    assert not datalek.uitzondering_34_3  # nothing half-saved
    moment = nu - timedelta(hours=1)
    met = api.post(
        url,
        {
            "uitzondering": "onevenredig",
            "motivering": "Adressen onbekend.",
            "mededelingOp": timezone.localtime(moment).isoformat(),
            "mededelingMedium": "Website van de gemeente",
            "mededelingTekst": "https://www.voorbeeldstad.nl/datalek",
        },
        format="json",
    )
    assert met.status_code == 200, met.content
    assert met.json()["openbareMededelingMedium"] == "Website van de gemeente"
    datalek.refresh_from_db()
    assert datalek.openbare_mededeling_op == moment
    assert "https://www.voorbeeldstad.nl/datalek" in ap_formulier_tekst(datalek)
    # the page shows the fields, with labels
    client = Client()
    client.force_login(po)
    pagina = client.get(f"/datalekken/{datalek.uuid}/").content.decode()
    assert 'for="id_mededeling_medium"' in pagina and "www.voorbeeldstad.nl/datalek" in pagina


def _nieuw(**extra):
    body = {
        "gemeente": "voorbeeldstad",
        "titel": "Brief naar verkeerd adres",
        "omschrijving": "Een beschikking is naar de buren gestuurd.",
        "ontdektOp": timezone.localtime(timezone.now() - timedelta(hours=2)).isoformat(),
    }
    body.update(extra)
    return body


@pytest.mark.django_db
def test_art_33_5_momenten_voor_2000_of_in_de_toekomst_worden_geweigerd(wereld):
    api = APIClient()
    api.force_authenticate(wereld["medewerker"])
    oud = api.post("/api/v1/datalekken", _nieuw(ontdektOp="1524-03-28T10:00:00+01:00"), format="json")
    assert oud.status_code == 400
    assert oud.json()["invalidParams"] == [
        {"name": "ontdektOp", "code": "invalid", "reason": "Dit moment ligt voor 2000; controleer de datum."}
    ]
    toekomst = (timezone.localtime() + timedelta(days=2)).isoformat()
    assert api.post("/api/v1/datalekken", _nieuw(begonnenOp=toekomst), format="json").status_code == 400
    assert not Datalek.objects.exists()
    # the page says the same at the field
    client = Client()
    client.force_login(wereld["medewerker"])
    antwoord = client.post(
        "/datalekken/melden/",
        {"titel": "Oud", "omschrijving": "Typefout in het jaartal.", "ontdekt_op": "1999-12-31T23:00"},
    )
    assert "Dit moment ligt voor 2000; controleer de datum." in antwoord.content.decode()
    assert not Datalek.objects.exists()
    # and the other moments of the register
    po = wereld["privacy_officer"]
    datalek = meld_datalek(door=wereld["medewerker"], gemeente=wereld.gemeente, nu=timezone.now())
    with pytest.raises(ValidationError) as fout:
        services.melding_ap_vastleggen(
            datalek=datalek,
            door=po,
            soort="melding",
            gemeld_op=datetime(1999, 5, 1, tzinfo=UTC),
            ap_referentie="AP-1",
        )
    assert "voor 2000" in fout.value.message_dict["gemeld_op"][0]


@pytest.mark.django_db
def test_art_33_5_einde_voor_begin_wordt_geweigerd(wereld):
    nu = timezone.now()
    datalek = meld_datalek(
        door=wereld["medewerker"], gemeente=wereld.gemeente, nu=nu, begonnen_op=nu - timedelta(days=3)
    )
    api = APIClient()
    api.force_authenticate(wereld["privacy_officer"])
    antwoord = api.patch(
        f"/api/v1/datalekken/{datalek.uuid}",
        {"beeindigdOp": timezone.localtime(nu - timedelta(days=4)).isoformat()},
        format="json",
    )
    assert antwoord.status_code == 400
    assert antwoord.json()["invalidParams"][0]["name"] == "beeindigdOp"
    assert "voordat het begon" in antwoord.json()["invalidParams"][0]["reason"]
    datalek.refresh_from_db()
    assert datalek.beeindigd_op is None
    with pytest.raises(ValidationError):
        services.datalek_melden(
            door=wereld["medewerker"],
            gemeente=wereld.gemeente,
            gegevens={
                "titel": "Omgedraaid",
                "omschrijving": "Begin en einde verwisseld.",
                "ontdekt_op": nu,
                "begonnen_op": nu - timedelta(days=1),
                "beeindigd_op": nu - timedelta(days=2),
            },
            nu=nu,
        )
