"""Issue 12: a refusal must cite a ground that holds up. Identity (art. 11(2), 12(6) AVG): only after
asking the requester for more information; art. 17(3) refuses erasure, not rectification."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from rechten import services
from rechten.constants import Status

from .factories import moment, registreer

NU = moment(date(2026, 3, 20))


def _afwijzen(verzoek, door, grond):
    return services.verzoek_afhandelen(
        verzoek=verzoek, door=door, uitkomst="afgewezen", grond=grond, toelichting="Zie de brief.", nu=NU
    )


@pytest.mark.django_db
def test_art_12_6_afwijzen_op_identiteit_vraagt_eerst_om_aanvullende_informatie(wereld):
    po = wereld["privacy_officer"]
    verzoek = registreer(door=po, gemeente=wereld.gemeente, ontvangen_op=date(2026, 3, 3))
    with pytest.raises(ValidationError) as fout:
        _afwijzen(verzoek, po, "identiteit")
    assert "art. 12 lid 6" in fout.value.message_dict["grond"][0]
    verzoek.refresh_from_db()
    assert verzoek.status == Status.ONTVANGEN and not verzoek.uitkomst
    services.identiteit_vastleggen(
        verzoek=verzoek,
        door=po,
        gegevens={
            "identiteit_wijze": "niet_vastgesteld",
            "info_gevraagd_op": date(2026, 3, 5),
            "identiteit_toelichting": "Handtekening wijkt af; kopie gevraagd.",
        },
        nu=NU,
    )
    verzoek = _afwijzen(verzoek, po, "identiteit")
    assert verzoek.status == Status.AFGEHANDELD and verzoek.grond == "identiteit"


@pytest.mark.django_db
def test_art_17_3_is_geen_grond_om_rectificatie_te_weigeren(wereld):
    po = wereld["privacy_officer"]
    verzoek = registreer(door=po, gemeente=wereld.gemeente, ontvangen_op=date(2026, 3, 3), soorten=["rectificatie"])
    with pytest.raises(ValidationError) as fout:
        _afwijzen(verzoek, po, "art_17_3")
    assert "art. 17 lid 3" in fout.value.message_dict["grond"][0].lower()
    verzoek.refresh_from_db()
    assert verzoek.status == Status.ONTVANGEN
    wissing = registreer(
        door=po, gemeente=wereld.gemeente, ontvangen_op=date(2026, 3, 3), soorten=["rectificatie", "wissing"]
    )
    assert _afwijzen(wissing, po, "art_17_3").grond == "art_17_3"
