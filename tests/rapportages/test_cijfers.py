"""The dashboard's figures match the registers on known data (expectations written out by hand),
and agree with the existing selectors (volledigheid_gemeente, kwartaal_cijfers)."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from datalekken import dashboard as datalek_bron
from datalekken.selectors import kwartaal_cijfers
from privacy_portal.core.dashboard import Periode, kwartaal_periode
from registers import dashboard as register_bron
from registers.models import Verwerking
from registers.selectors import verwerkersovereenkomst_helper, volledigheid_gemeente

from .conftest import NU

pytestmark = pytest.mark.django_db


def _waarden(sectie):
    return {c.sleutel: c.waarde for c in sectie.cijfers}


def test_registercijfers_kloppen_met_het_register(wereld, register):
    (sectie,) = register_bron.register_van_verwerkingen([wereld.gemeente], timezone.now(), met_details=True)
    w = _waarden(sectie)
    c = register["c"]
    assert c.volledigheid < 100
    # A, B, C, D, F, G are active (E is archived, H is elsewhere); only C is incomplete.
    assert w["actief"] == 6
    assert w["onvolledig"] == 1
    assert w["volledigheid"] == round((5 * 100 + c.volledigheid) / 6)
    assert w["volledigheid"] == volledigheid_gemeente(Verwerking.objects.filter(gemeente=wereld.gemeente))["percentage"]
    # C, D and F were never approved; G was approved and then changed: it keeps its version.
    assert w["zonder_vastgestelde_versie"] == 3
    assert w["ter_beoordeling"] == 1
    # B (special categories, DPIA not assessed), C (nodig), D (in uitvoering); not E (archived), not F (done).
    assert w["dpia_ontbreekt"] == 3
    assert "gearchiveerd" in sectie.toelichting and "1 gearchiveerd" in sectie.toelichting


def test_verwerkersovereenkomst_telt_alleen_als_de_overeenkomsten_app_het_levert(wereld, register):
    (sectie,) = register_bron.register_van_verwerkingen([wereld.gemeente], timezone.now(), met_details=True)
    if verwerkersovereenkomst_helper() is None:
        assert "zonder_verwerkersovereenkomst" not in _waarden(sectie)
    else:
        # every active verwerking names a verwerker ("Leverancier X B.V.") and no agreement covers it
        assert _waarden(sectie)["zonder_verwerkersovereenkomst"] == 6


def test_registerwijzigingen_in_de_periode_komen_uit_de_historie(wereld, register):
    vandaag = timezone.localdate()
    periode = Periode(vandaag - timedelta(days=1), vandaag)
    (sectie,) = register_bron.register_van_verwerkingen(
        [wereld.gemeente], timezone.now(), met_details=False, periode=periode
    )
    w = _waarden(sectie)
    assert w["periode_nieuw"] == 7  # A to G
    assert w["periode_vastgesteld"] == 4  # A, B, E, G
    assert w["periode_gewijzigd"] == 5  # A, B, D, E, G changed after creation; C and F only created
    assert w["periode_gearchiveerd"] == 1  # E
    tabellen = {t.titel: t for t in sectie.tabellen}
    assert [r[0] for r in tabellen["Gearchiveerde verwerkingen in de periode"].rijen] == ["E gearchiveerd"]
    assert {r[0] for r in tabellen["Vastgestelde versies in de periode"].rijen} == {
        "A vastgesteld",
        "B bijzonder zonder DPIA-oordeel",
        "E gearchiveerd",
        "G vastgesteld en gewijzigd",
    }
    # a period before everything: nothing changed
    leeg = Periode(date(2020, 1, 1), date(2020, 12, 31))
    (sectie,) = register_bron.register_van_verwerkingen(
        [wereld.gemeente], timezone.now(), met_details=False, periode=leeg
    )
    assert {k: v for k, v in _waarden(sectie).items() if k.startswith("periode_")} == dict.fromkeys(
        ["periode_nieuw", "periode_vastgesteld", "periode_gewijzigd", "periode_gearchiveerd"], 0
    )


def test_datalekcijfers_kloppen_met_het_register(wereld, lekken):
    (sectie,) = datalek_bron.datalekken([wereld.gemeente], NU, met_details=True)
    w = _waarden(sectie)
    assert w["open"] == 5  # te_laat, verlopen, krap, k2, k1
    assert w["klok_loopt"] == 3  # verlopen, krap, k2
    assert w["klok_krap"] == 1  # krap: 8 hours left
    assert w["klok_verlopen"] == 2  # verlopen, k2
    # this quarter (Q3 2026): op_tijd, te_laat, geen, verlopen, krap
    assert w["kwartaal_gemeld"] == 5
    assert w["kwartaal_meldplichtig"] == 3
    assert w["kwartaal_hoog_risico"] == 1
    assert w["kwartaal_gemeld_ap"] == 2
    assert w["kwartaal_op_tijd"] == 1
    assert w["kwartaal_te_laat"] == 1
    assert w["kwartaal_meldplichtig_niet_gemeld"] == 1
    # this year: plus k2 (not assessed) and k1 (late)
    assert w["jaar_gemeld"] == 7
    assert w["jaar_meldplichtig"] == 4
    assert w["jaar_gemeld_ap"] == 3
    assert w["jaar_op_tijd"] == 1
    assert w["jaar_te_laat"] == 2


def test_kwartaalcijfers_van_dashboard_en_kwartaaloverzicht_zijn_gelijk(wereld, lekken):
    (sectie,) = datalek_bron.datalekken([wereld.gemeente], NU, met_details=False)
    w = _waarden(sectie)
    overzicht = kwartaal_cijfers(wereld.gemeente, date(2026, 7, 1), date(2026, 10, 1))
    assert w["kwartaal_gemeld"] == overzicht["aantal"]
    assert w["kwartaal_meldplichtig"] == overzicht["meldplichtig"]
    assert w["kwartaal_hoog_risico"] == overzicht["hoog_risico"]
    assert w["kwartaal_gemeld_ap"] == overzicht["gemeld_ap"]
    assert w["kwartaal_op_tijd"] == overzicht["op_tijd"]
    assert w["kwartaal_te_laat"] == overzicht["te_laat"]
    assert w["kwartaal_meldplichtig_niet_gemeld"] == overzicht["meldplichtig_niet_gemeld"]


def test_trend_per_kwartaal(wereld, lekken):
    (sectie,) = datalek_bron.datalekken([wereld.gemeente], NU, met_details=False)
    (trend,) = sectie.trends
    assert trend.kwartalen == ["2024 K4", "2025 K1", "2025 K2", "2025 K3", "2025 K4", "2026 K1", "2026 K2", "2026 K3"]
    reeksen = {r.naam: r.waarden for r in trend.reeksen}
    assert reeksen["Gemeld"] == [0, 0, 0, 0, 0, 1, 1, 5]
    assert reeksen["Gemeld bij de AP"] == [0, 0, 0, 0, 0, 1, 0, 2]
    assert reeksen["Te laat gemeld"] == [0, 0, 0, 0, 0, 1, 0, 1]


def test_alle_gemeenten_samen_is_de_som(wereld, lekken, register):
    los = [
        _waarden(datalek_bron.datalekken([g], NU, met_details=False)[0])
        for g in (wereld.gemeente, wereld.andere_gemeente)
    ]
    samen = _waarden(datalek_bron.datalekken([wereld.gemeente, wereld.andere_gemeente], NU, met_details=False)[0])
    for sleutel in ("open", "klok_loopt", "kwartaal_gemeld", "jaar_gemeld"):
        assert samen[sleutel] == los[0][sleutel] + los[1][sleutel]
    assert samen["kwartaal_gemeld"] == 6


def test_in_een_rapportageperiode_de_opvallende_datalekken_zonder_titels(wereld, lekken):
    periode = kwartaal_periode(2026, 3)
    (sectie,) = datalek_bron.datalekken([wereld.gemeente], NU, met_details=False, periode=periode)
    w = _waarden(sectie)
    assert w["periode_gemeld"] == 5 and w["periode_te_laat"] == 1 and "kwartaal_gemeld" not in w
    assert {c.groep for c in sectie.cijfers if c.groep} == {"In de periode (3e kwartaal 2026)"}
    opvallend = sectie.tabellen[0]
    # high risk first, then by moment of reporting; without titles
    assert [r[0] for r in opvallend.rijen] == [
        lekken["te_laat"].kenmerk,
        lekken["op_tijd"].kenmerk,
        lekken["verlopen"].kenmerk,
    ]
    assert opvallend.rijen[0][2:4] == ["Hoog risico", "te laat gemeld"]
    assert "GEHEIM" not in repr(sectie)
    (trend,) = sectie.trends
    assert trend.kwartalen == ["2025 K4", "2026 K1", "2026 K2", "2026 K3"]


def test_zonder_details_geen_titels_en_geen_lijstlinks(wereld, lekken):
    (sectie,) = datalek_bron.datalekken([wereld.gemeente], NU, met_details=False)
    assert "GEHEIM" not in repr(sectie)
    assert not sectie.tabellen
    assert all(not c.link or c.link.startswith("/datalekken/kwartaal/") for c in sectie.cijfers)
    (met,) = datalek_bron.datalekken([wereld.gemeente], NU, met_details=True)
    klokken = met.tabellen[0]
    assert [r[0] for r in klokken.rijen] == [lekken["k2"].kenmerk, lekken["verlopen"].kenmerk, lekken["krap"].kenmerk]
    assert "GEHEIM usb-stick kwijt" in repr(klokken)
