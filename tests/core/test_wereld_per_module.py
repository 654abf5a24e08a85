"""The world built once per module (tests/wereld.py): every case starts from the same data and
from fresh objects, whatever the case before it changed or cached."""

import pytest

from privacy_portal.organisaties.models import Gemeente, RolToewijzing
from privacy_portal.organisaties.rollen import Rol
from privacy_portal.organisaties.selectors import rol_toewijzingen

from ..factories import RolFactory
from ..wereld import bouw_wereld, ververs


@pytest.fixture(scope="module")
def gedeelde_wereld(module_db):
    return module_db.bouw(bouw_wereld)


@pytest.fixture
def wereld(gedeelde_wereld, db):
    return ververs(gedeelde_wereld)


@pytest.mark.django_db
@pytest.mark.parametrize("ronde", [1, 2, 3])
def test_elk_geval_begint_met_dezelfde_wereld(wereld, gedeelde_wereld, ronde):
    # what the earlier round changed in the database is gone
    assert list(Gemeente.objects.order_by("naam").values_list("naam", flat=True)) == ["Randdorp", "Voorbeeldstad"]
    assert RolToewijzing.objects.filter(gebruiker=wereld["medewerker"]).count() == 1
    # and what it cached on its objects too: these are new instances
    assert wereld["medewerker"] is not gedeelde_wereld["medewerker"]
    assert not hasattr(wereld["medewerker"], "_rol_toewijzingen")
    assert wereld.gemeente.naam == "Voorbeeldstad"

    # now change and cache things, as a case of a permission matrix may
    assert len(rol_toewijzingen(wereld["medewerker"])) == 1
    RolFactory(gebruiker=wereld["medewerker"], rol=Rol.FG, gemeente=wereld.andere_gemeente)
    wereld.gemeente.naam = f"Gewijzigd in ronde {ronde}"
    wereld.gemeente.save()
    Gemeente.objects.create(naam="Extra", slug=f"extra-{ronde}", organisatie=wereld.gemeente.organisatie)


def test_zonder_eigen_transactie_geen_gedeelde_wereld(gedeelde_wereld):
    # the module's transaction is open, yet a test without the database may not query it ...
    with pytest.raises(RuntimeError, match="Database access not allowed"):
        Gemeente.objects.count()
    # ... nor take objects from the shared world: without a transaction of its own a case could change it
    with pytest.raises(AssertionError, match="its own"):
        ververs(gedeelde_wereld)
