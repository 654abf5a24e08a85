"""Issue 12, art. 12(4) AVG: a refusal (a decision to take no action) is due within the first month,
also when the term was extended. The page, the reminders and the on-time figure follow that."""

from datetime import date, datetime, time

import pytest
from django.test import Client
from django.utils import timezone

from privacy_portal.core import scanner
from privacy_portal.notificaties.models import Mijlpaal
from rechten import selectors, services
from rechten.models import Verzoek

from .factories import moment, registreer


def _verlengd(wereld):
    po = wereld["privacy_officer"]
    verzoek = registreer(door=po, gemeente=wereld.gemeente, ontvangen_op=date(2026, 3, 3))  # deadline 7 April
    services.identiteit_vastleggen(
        verzoek=verzoek, door=po, gegevens={"identiteit_wijze": "balie"}, nu=moment(date(2026, 3, 4))
    )
    return services.verzoek_verlengen(verzoek=verzoek, door=po, reden="Veel systemen", nu=moment(date(2026, 3, 5)))


@pytest.mark.django_db
def test_art_12_4_afwijzing_na_de_eerste_maand_is_te_laat_ook_na_verlenging(wereld):
    po = wereld["privacy_officer"]
    verzoek = _verlengd(wereld)
    assert (verzoek.deadline, verzoek.verlengd_tot) == (date(2026, 4, 7), date(2026, 6, 3))
    verzoek = services.verzoek_afhandelen(
        verzoek=verzoek,
        door=po,
        uitkomst="afgewezen",
        grond="kennelijk_ongegrond",
        toelichting="Geen gegevens",
        nu=moment(date(2026, 5, 1)),
    )
    assert verzoek.besluit_termijn == date(2026, 4, 7) and verzoek.op_tijd is False
    # the figures agree: not on time
    (rij,) = [
        r
        for r in selectors.cijfers(
            type(wereld.gemeente).objects.filter(pk=wereld.gemeente.pk), vandaag=date(2026, 5, 2)
        )
    ]
    assert (rij["afgehandeld"], rij["op_tijd"], rij["te_laat"]) == (1, 0, 1)
    # a grant at the same moment is on time (extended deadline)
    ander = _verlengd(wereld)
    ander = services.verzoek_afhandelen(
        verzoek=ander, door=po, uitkomst="toegewezen", toelichting="Inzage gegeven", nu=moment(date(2026, 5, 1))
    )
    assert ander.op_tijd is True
    periode = type("Periode", (), {"van": date(2026, 5, 1), "tot": date(2026, 5, 1)})
    qs = selectors.met_termijn_alias(Verzoek.objects.all())
    assert list(qs.filter(selectors.gebeurtenis_q("te_laat", periode))) == [verzoek]
    assert list(qs.filter(selectors.gebeurtenis_q("op_tijd", periode))) == [ander]


@pytest.mark.django_db
def test_art_12_4_de_pagina_noemt_de_termijn_voor_afwijzen_na_verlenging(wereld):
    verzoek = _verlengd(wereld)
    client = Client()
    client.force_login(wereld["privacy_officer"])
    html = client.get(f"/verzoeken/{verzoek.uuid}/").content.decode()
    assert "Afwijzen of niets doen moet wel uiterlijk <strong>dinsdag 7 april 2026</strong>" in html


@pytest.mark.django_db
def test_art_12_4_herinnering_om_af_te_wijzen_voor_het_eind_van_de_eerste_maand(wereld):
    verzoek = _verlengd(wereld)

    def scan(dag):
        scanner.termijnen_bewaken(herkomst="test", nu=timezone.make_aware(datetime.combine(dag, time(8))))
        return set(Mijlpaal.objects.filter(object_id=str(verzoek.uuid)).values_list("mijlpaal", flat=True))

    assert "herinnering_afwijzen" not in scan(date(2026, 3, 31))
    assert "herinnering_afwijzen" in scan(date(2026, 4, 1))  # two working days before 7 April (Easter)
