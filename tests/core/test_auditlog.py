"""The audit log as a trustworthy record (issue 13): every read of personal data (lists and exports
too, naming what was shown), logins and changes of access, with the client address; append-only in
the database, hash-chained and verifiable with `manage.py audit_verify`; retention per gemeente; a
page for the FG and the privacy officer."""

import json
from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import DatabaseError, connection, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from rest_framework.test import APIClient

from privacy_portal.core import audit_triggers
from privacy_portal.core.audit import _Regel, _schrijf, opschonen_toegestaan, verifieer
from privacy_portal.core.models import AuditEvent, AuditKeten
from privacy_portal.core.scanner import termijnen_bewaken
from privacy_portal.organisaties.models import RolToewijzing
from privacy_portal.organisaties.rollen import Rol

from ..factories import GemeenteFactory, RolFactory, maak_verwerking, meld_datalek
from ..rechten.factories import registreer
from ..wereld import bouw_wereld, ververs

Actie = AuditEvent.Actie


@pytest.fixture(scope="module")
def gedeelde_wereld(module_db):
    return module_db.bouw(bouw_wereld)


@pytest.fixture
def wereld(gedeelde_wereld, db):
    return ververs(gedeelde_wereld)


def _nieuw_sinds(pk):
    return AuditEvent.objects.filter(pk__gt=pk).order_by("pk")


def _laatste_pk():
    return AuditEvent.objects.order_by("-pk").values_list("pk", flat=True).first() or 0


def _verzoeken(wereld, aantal):
    return [
        registreer(door=wereld["privacy_officer"], gemeente=wereld.gemeente, verzoeker_naam=f"Inwoner {i}")
        for i in range(aantal)
    ]


def _inserts(queries):
    return [q for q in queries if q["sql"].startswith('INSERT INTO "core_auditevent"')]


# --- 1. reads of lists and exports ---------------------------------------------------------------


@pytest.mark.django_db
def test_een_api_lijst_geeft_een_auditregel_met_de_getoonde_ids_en_geen_persoonsgegevens(wereld):
    verzoeken = _verzoeken(wereld, 3)
    api = APIClient(REMOTE_ADDR="192.0.2.10")
    api.force_authenticate(wereld["privacy_officer"])
    voor = _laatste_pk()
    with CaptureQueriesContext(connection) as queries:
        antwoord = api.get("/api/v1/verzoeken?pageSize=500&status=ontvangen")
    assert antwoord.status_code == 200
    assert "Inwoner 0" in antwoord.content.decode()
    regel = _nieuw_sinds(voor).get()  # one row for the list, not one per object
    assert regel.actie == Actie.INZIEN and regel.herkomst == "api" and regel.actor == wereld["privacy_officer"]
    assert regel.object_type == "rechten.Verzoek" and regel.gemeente == wereld.gemeente
    assert set(regel.object_ids) == {str(v.uuid) for v in verzoeken}
    assert regel.details["aantal"] == 3 and regel.details["filter"] == {"status": "ontvangen"}
    assert regel.client_adres == "192.0.2.10"
    assert "Inwoner" not in json.dumps([regel.object_ids, regel.details, regel.resultaat, regel.object_id])
    assert len(_inserts(queries)) == 1


@pytest.mark.django_db
def test_de_auditregel_van_een_lijst_kost_evenveel_queries_bij_1_en_bij_8_objecten(wereld):
    api = APIClient()
    api.force_authenticate(wereld["privacy_officer"])
    _verzoeken(wereld, 1)
    api.get("/api/v1/verzoeken")  # the chain's head exists from here on
    with CaptureQueriesContext(connection) as een:
        api.get("/api/v1/verzoeken")
    _verzoeken(wereld, 7)
    with CaptureQueriesContext(connection) as acht:
        api.get("/api/v1/verzoeken")
    audit_een = [q for q in een if "core_audit" in q["sql"]]
    audit_acht = [q for q in acht if "core_audit" in q["sql"]]
    assert len(audit_een) == len(audit_acht) == 3  # lock the chain's head, one insert, move the head


@pytest.mark.django_db
def test_de_lijst_van_verzoeken_op_de_pagina_wordt_vastgelegd_met_de_getoonde_verzoeken(client, wereld):
    verzoeken = _verzoeken(wereld, 2)
    client.force_login(wereld["privacy_officer"])
    voor = _laatste_pk()
    assert client.get("/verzoeken/?status=alle").status_code == 200
    regel = _nieuw_sinds(voor).get()
    assert regel.herkomst == "web" and regel.client_adres == "127.0.0.1"
    assert set(regel.object_ids) == {str(v.uuid) for v in verzoeken}
    assert client.get(f"/verzoeken/?zoek={verzoeken[0].kenmerk}").status_code == 200
    regel = _nieuw_sinds(regel.pk).get()
    assert regel.object_ids == [str(verzoeken[0].uuid)]
    assert regel.details["filter"] == {"zoek": "…"}  # what was searched for is not stored


@pytest.mark.django_db
def test_een_export_legt_register_formaat_filter_aantal_en_ids_vast(client, wereld):
    po = wereld["privacy_officer"]
    verwerkingen = [maak_verwerking(team=wereld.team, vv=wereld.vv, door=po, naam=f"Verwerking {i}") for i in range(2)]
    client.force_login(po)
    voor = _laatste_pk()
    assert client.get("/verwerkingen/export.csv?zoek=Verwerking").status_code == 200
    regel = _nieuw_sinds(voor).get()
    assert regel.actie == Actie.EXPORTEREN and regel.object_type == "registers.Verwerking"
    assert regel.details["register"] == "register van verwerkingen" and regel.details["formaat"] == "csv"
    assert regel.details["filter"] == {"zoek": "…"} and regel.details["aantal"] == 2
    assert set(regel.object_ids) == {str(v.uuid) for v in verwerkingen}


@pytest.mark.django_db
def test_de_lijsten_van_datalekken_en_taken_worden_vastgelegd(client, wereld):
    lek = meld_datalek(door=wereld["privacy_officer"], gemeente=wereld.gemeente, nu=timezone.now())
    client.force_login(wereld["privacy_officer"])
    voor = _laatste_pk()
    assert client.get("/datalekken/").status_code == 200
    assert client.get("/verzoeken/taken/").status_code == 200
    lijst, taken = _nieuw_sinds(voor)
    assert lijst.object_type == "datalekken.Datalek" and lijst.object_ids == [str(lek.uuid)]
    assert taken.object_type == "rechten.Taak" and taken.details["lijst"] == "taken"


# --- 2. logins and changes of access -------------------------------------------------------------


@pytest.mark.django_db
def test_inloggen_mislukt_inloggen_en_uitloggen_met_het_adres_van_de_client(client, wereld, settings):
    settings.VERTROUWDE_PROXIES = ["10.0.0.0/8"]
    proxy = {"REMOTE_ADDR": "10.0.0.2", "HTTP_X_FORWARDED_FOR": "198.51.100.7"}
    mw = wereld["medewerker"]
    mw.set_password("een-goed-wachtwoord")
    mw.save()
    voor = _laatste_pk()
    client.post("/inloggen/", {"username": "medewerker", "password": "fout"}, **proxy)
    client.post("/inloggen/", {"username": "bestaat-niet", "password": "geheim-wachtwoord"}, **proxy)
    client.post("/inloggen/", {"username": "medewerker", "password": "een-goed-wachtwoord"}, **proxy)
    client.post("/uitloggen/", **proxy)
    regels = list(_nieuw_sinds(voor).values("actie", "actor", "object_id", "resultaat", "client_adres"))
    assert [(r["actie"], r["actor"], r["object_id"]) for r in regels] == [
        (Actie.INLOGGEN_MISLUKT, None, str(mw.pk)),
        (Actie.INLOGGEN_MISLUKT, None, ""),
        (Actie.INLOGGEN, mw.pk, str(mw.pk)),
        (Actie.UITLOGGEN, mw.pk, str(mw.pk)),
    ]
    assert {r["client_adres"] for r in regels} == {"198.51.100.7"}
    assert regels[1]["resultaat"] == "mislukt: onbekende gebruikersnaam"
    assert "geheim" not in json.dumps(regels) and "bestaat-niet" not in json.dumps(regels)


@pytest.mark.django_db
def test_een_rol_toekennen_en_intrekken_wordt_vastgelegd(wereld):
    voor = _laatste_pk()
    rol = RolFactory(gebruiker=wereld["buitenstaander"], rol=Rol.JURIST, gemeente=wereld.gemeente)
    rol_id = rol.pk
    rol.delete()
    toegekend, ingetrokken = _nieuw_sinds(voor)
    assert (toegekend.actie, ingetrokken.actie) == (Actie.RECHT_TOEGEKEND, Actie.RECHT_INGETROKKEN)
    for regel in (toegekend, ingetrokken):
        assert regel.object_type == "organisaties.RolToewijzing" and regel.object_id == str(rol_id)
        assert regel.gemeente == wereld.gemeente and regel.herkomst == "opdrachtregel"
        assert regel.details == {
            "gebruiker": wereld["buitenstaander"].pk,
            "rol": "jurist",
            "afdeling": None,
            "team": None,
        }


@pytest.mark.django_db
def test_delegeren_en_intrekken_en_groepen_en_superuser_worden_vastgelegd_met_wie_het_deed(client, wereld):
    tm, mw = wereld["teammanager"], wereld["medewerker"]
    verwerking = maak_verwerking(team=wereld.team, vv=wereld.vv, door=tm)
    client.force_login(tm)
    voor = _laatste_pk()
    assert client.post(f"/verwerkingen/{verwerking.uuid}/delegeren/", {"medewerker": mw.pk}).status_code == 302
    client.post(f"/verwerkingen/{verwerking.uuid}/delegeren/", {"intrekken": mw.pk})
    regels = _nieuw_sinds(voor).filter(actie__in=[Actie.RECHT_TOEGEKEND, Actie.RECHT_INGETROKKEN])
    assert {(r.actie, r.details["recht"]) for r in regels} == {
        (a, recht)
        for a in (Actie.RECHT_TOEGEKEND, Actie.RECHT_INGETROKKEN)
        for recht in ("view_verwerking", "change_verwerking")
    }
    assert {(r.actor, r.object_id, r.gemeente, r.herkomst, r.details["gebruiker"]) for r in regels} == {
        (tm, str(verwerking.uuid), wereld.gemeente, "web", mw.pk)
    }

    from django.contrib.auth.models import Group

    voor = _laatste_pk()
    groep = Group.objects.create(name="beheerders")
    mw.groups.add(groep)
    mw.is_superuser = True
    mw.save()
    groepregel, vlagregel = _nieuw_sinds(voor)
    assert groepregel.actie == Actie.RECHT_TOEGEKEND and groepregel.details == {"group": [groep.pk]}
    assert vlagregel.actie == Actie.RECHT_TOEGEKEND and vlagregel.details == {"is_superuser": True}


# --- 4. append-only, chained, verifiable, retention ----------------------------------------------


@pytest.mark.django_db
def test_de_database_weigert_update_en_delete_van_auditregels(wereld):
    _verzoeken(wereld, 1)
    _schrijf([_Regel(actor=None, actie=Actie.INZIEN, object_type="x", gemeente_id=wereld.gemeente.pk)])
    regel = AuditEvent.objects.latest("pk")
    for poging in (
        lambda: AuditEvent.objects.filter(pk=regel.pk).update(resultaat="vervalst"),
        lambda: AuditEvent.objects.filter(pk=regel.pk).delete(),
        lambda: AuditEvent.objects.all().delete(),
    ):
        with pytest.raises(DatabaseError), transaction.atomic():
            poging()
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("UPDATE core_auditevent SET resultaat = 'vervalst' WHERE id = %s", [regel.pk])
    assert AuditEvent.objects.get(pk=regel.pk).resultaat == "gelukt"


def _verify():
    uit = StringIO()
    try:
        call_command("audit_verify", stdout=uit)
    except CommandError as fout:
        return False, f"{uit.getvalue()}\n{fout}"
    return True, uit.getvalue()


@pytest.fixture
def zonder_triggers():
    """What somebody with the database owner's rights could do: drop the triggers."""
    audit_triggers.verwijder(connection)
    yield
    audit_triggers.installeer(connection)


def _drie_regels(gemeente):
    for i in range(3):
        _schrijf([_Regel(actor=None, actie=Actie.INZIEN, object_type="x", object_id=str(i), gemeente_id=gemeente.pk)])
    return list(AuditEvent.objects.filter(gemeente=gemeente, object_type="x").order_by("volgnummer"))


@pytest.mark.django_db
def test_audit_verify_vindt_een_gewijzigde_regel(wereld, zonder_triggers):
    eerste, tweede, _ = _drie_regels(wereld.gemeente)
    assert _verify()[0]
    assert tweede.vorige_hash == eerste.hash and tweede.volgnummer == eerste.volgnummer + 1
    AuditEvent.objects.filter(pk=tweede.pk).update(actor=wereld["fg"])
    goed, uitvoer = _verify()
    assert not goed
    assert f"regel {tweede.volgnummer} (id {tweede.pk})" in uitvoer and "inhoud is gewijzigd" in uitvoer


@pytest.mark.django_db
def test_audit_verify_vindt_een_verwijderde_regel_ook_de_laatste(wereld, zonder_triggers):
    _, tweede, derde = _drie_regels(wereld.gemeente)
    AuditEvent.objects.filter(pk=derde.pk).delete()
    goed, uitvoer = _verify()
    assert not goed and "laatste regels ontbreken" in uitvoer
    AuditEvent.objects.filter(pk=tweede.pk).delete()
    _schrijf([_Regel(actor=None, actie=Actie.INZIEN, object_type="x", gemeente_id=wereld.gemeente.pk)])
    goed, uitvoer = _verify()
    assert not goed and f"regel {tweede.volgnummer} ontbreekt" in uitvoer


@pytest.mark.django_db
def test_bewaartermijn_per_gemeente_verwijdert_alleen_verlopen_regels_en_de_keten_blijft_controleerbaar(wereld):
    gemeente = GemeenteFactory(audit_bewaartermijn_maanden=12)  # a chain that starts with these rows
    nu = timezone.now()
    for dagen in (800, 700, 10):
        _schrijf(
            [_Regel(actor=None, actie=Actie.INZIEN, object_type="x", object_id=str(dagen), gemeente_id=gemeente.pk)],
            tijdstip=nu - timedelta(days=dagen),
        )
    _schrijf(
        [_Regel(actor=None, actie=Actie.INZIEN, object_type="x", gemeente_id=wereld.andere_gemeente.pk)],
        tijdstip=nu - timedelta(days=800),
    )  # Randdorp keeps five years
    termijnen_bewaken(herkomst="test", nu=nu)
    over = AuditEvent.objects.filter(gemeente=gemeente, object_type="x").values_list("object_id", flat=True)
    assert list(over) == ["10"]
    assert AuditEvent.objects.filter(gemeente=wereld.andere_gemeente, object_type="x").exists()
    keten = AuditKeten.objects.get(gemeente=gemeente)
    assert keten.anker_volgnummer > 0 and keten.anker_hash
    assert all(breuk is None for _, _, breuk in verifieer())
    # Outside the retention nothing is removed, not even with the retention's own permission.
    if connection.vendor == "postgresql":
        with pytest.raises(DatabaseError), transaction.atomic(), opschonen_toegestaan():
            AuditEvent.objects.filter(gemeente=gemeente).delete()


@pytest.mark.django_db
def test_de_standaard_bewaartermijn_is_vijf_jaar(wereld):
    from privacy_portal.organisaties.models import Gemeente

    assert Gemeente._meta.get_field("audit_bewaartermijn_maanden").default == 60


# --- 5. the page ---------------------------------------------------------------------------------


@pytest.mark.django_db
def test_fg_en_privacy_officer_doorzoeken_het_auditlog_van_hun_gemeente_en_dat_wordt_vastgelegd(client, wereld):
    verzoek = _verzoeken(wereld, 1)[0]
    client.force_login(wereld["privacy_officer"])
    client.get(f"/verzoeken/{verzoek.uuid}/")
    elders = RolFactory(gebruiker=wereld["buitenstaander"], rol=Rol.FG, gemeente=wereld.andere_gemeente)
    for rol in ("fg", "privacy_officer"):
        client.force_login(wereld[rol])
        pagina = client.get("/auditlog/")
        assert pagina.status_code == 200
        html = pagina.content.decode()
        assert "Auditlog Voorbeeldstad" in html and str(verzoek.uuid) in html
        assert 'href="/auditlog/"' in html  # in the menu
    # search: by action and person
    html = client.get(f"/auditlog/?actie=inzien&persoon={wereld['privacy_officer'].pk}&object={verzoek.uuid}")
    assert str(verzoek.uuid) in html.content.decode()
    leeg = client.get(f"/auditlog/?actie=exporteren&object={verzoek.uuid}").content.decode()
    assert "Geen auditregels gevonden" in leeg
    # the search itself is recorded, for the gemeente searched
    zoekregel = AuditEvent.objects.filter(object_type="core.AuditEvent").latest("pk")
    assert zoekregel.actor == wereld["privacy_officer"] and zoekregel.gemeente == wereld.gemeente
    assert zoekregel.details["filter"]["actie"] == "exporteren"
    # the FG of Randdorp does not see Voorbeeldstad's rows
    client.force_login(elders.gebruiker)
    assert str(verzoek.uuid) not in client.get("/auditlog/").content.decode()
    assert str(verzoek.uuid) not in client.get("/auditlog/?gemeente=voorbeeldstad").content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("rol", ["medewerker", "teammanager", "ciso", "college", "jurist", "buitenstaander"])
def test_andere_rollen_zien_het_auditlog_niet(client, wereld, rol):
    client.force_login(wereld[rol])
    assert client.get("/auditlog/").status_code == 403
    assert 'href="/auditlog/"' not in client.get("/").content.decode()


@pytest.mark.django_db
def test_de_auditpagina_toont_inloggen_van_mensen_van_de_gemeente(client, wereld):
    client.post("/inloggen/", {"username": "medewerker", "password": "fout"})
    client.force_login(wereld["fg"])
    html = client.get("/auditlog/?actie=inloggen_mislukt").content.decode()
    assert "Inloggen mislukt" in html and "Geen auditregels gevonden" not in html
    assert RolToewijzing.objects.filter(gebruiker=wereld["medewerker"], gemeente=wereld.gemeente).exists()


@pytest.mark.django_db(transaction=True)
def test_gelijktijdige_verzoeken_geven_een_lineaire_keten():
    import threading

    gemeente = GemeenteFactory()
    start = threading.Barrier(4)
    gelukt, fouten = [], []

    def verzoeken():
        try:
            start.wait()
            for i in range(10):
                _schrijf(
                    [_Regel(actor=None, actie=Actie.INZIEN, object_type="x", object_id=str(i), gemeente_id=gemeente.pk)]
                )
                gelukt.append(i)
        except Exception as fout:  # SQLite may refuse a concurrent writer ("locked"); PostgreSQL waits
            fouten.append(fout)
        finally:
            connection.close()

    draden = [threading.Thread(target=verzoeken) for _ in range(4)]
    for draad in draden:
        draad.start()
    for draad in draden:
        draad.join()
    if connection.vendor == "postgresql":
        assert fouten == [] and len(gelukt) == 40
    volgnummers = list(
        AuditEvent.objects.filter(gemeente=gemeente).order_by("volgnummer").values_list("volgnummer", flat=True)
    )
    assert volgnummers == list(range(1, len(gelukt) + 1))
    assert all(breuk is None for _, _, breuk in verifieer())
