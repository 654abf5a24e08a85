"""The demo agreements: through the services, once, linked to the demo verwerkingen."""

import pytest
from django.core.management import call_command

from overeenkomsten.constants import Soort
from overeenkomsten.models import Overeenkomst
from privacy_portal.organisaties.models import Gemeente


@pytest.mark.django_db
def test_seed_demo_maakt_de_vier_overeenkomsten_eenmaal():
    call_command("seed_demo", wachtwoord="demo-wachtwoord-123")
    call_command("seed_demo", wachtwoord="demo-wachtwoord-123")  # repeatable
    gemeente = Gemeente.objects.get(slug="voorbeeldstad")
    alle = {o.onderwerp: o for o in Overeenkomst.objects.filter(gemeente=gemeente)}
    assert len(alle) == 4
    onvolledig = alle["Zaaksysteem: hosting, beheer en onderhoud"]
    assert onvolledig.volledigheid < 100 and onvolledig.verwerkingen.count() == 4
    assert onvolledig.eigenaar.username == "teammanager-burgerzaken"
    compleet = alle["Regiesysteem sociaal domein (Wmo, Jeugd, Participatiewet)"]
    assert compleet.volledigheid == 100 and compleet.document
    convenant = alle["Convenant Zorg- en Veiligheidshuis Voorbeeldregio"]
    assert convenant.soort == Soort.CONVENANT and convenant.document_is_openbaar
    loopt_af = alle["Webstatistieken gemeentelijke website"]
    assert loopt_af.einde_signaal_op <= loopt_af.einddatum and loopt_af.verwerkingen.count() == 1
    assert not Overeenkomst.objects.filter(gemeente__slug="randdorp").exists()


@pytest.mark.django_db
def test_na_seed_demo_wacht_er_werk_op_de_privacy_officer_en_de_teammanager_burgerzaken():
    from django.contrib.auth import get_user_model

    from privacy_portal.core.werklijst import werk_voor

    call_command("seed_demo", wachtwoord="demo-wachtwoord-123")
    gebruikers = get_user_model().objects
    po = werk_voor(gebruikers.get(username="privacyofficer"))
    assert any(i.register == "Betrokkenenverzoeken" and i.deadline for i in po)
    tm = werk_voor(gebruikers.get(username="teammanager-burgerzaken"))
    assert any(i.register == "Overeenkomsten" and i.deadline for i in tm)
    sociaal = werk_voor(gebruikers.get(username="teammanager-sociaal"))
    assert any(i.register == "Betrokkenenverzoeken" and "/verzoeken/taken/" in i.link for i in sociaal)
