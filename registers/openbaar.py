"""The public shape of an approved version: one whitelist used by the page, the downloads and the API.

`voorbeeld_versie` builds the version an approval would publish, unsaved, so the reviewer sees the
public page's fields (templates/openbaar/_verwerking.html) before confirming.
"""

from privacy_portal.core.cache import Versiecache

from .constants import GRONDSLAG_B1

# The public page and the open data downloads per gemeente, until a verwerking is approved or archived.
OPENBAAR_CACHE = Versiecache("openbaar-register")


def openbaar_register_gewijzigd(gemeente_id):
    """A verwerking of this gemeente was approved or archived: its public pages are made anew."""
    OPENBAAR_CACHE.vernieuwen(gemeente_id)


def grondslagen_b1(versie):
    """(code, B1 explanation) of each legal ground, as the public page shows them."""
    return [(code, GRONDSLAG_B1[code]) for code in versie.grondslagen if code in GRONDSLAG_B1]


def voorbeeld_versie(verwerking, *, volgnummer, nu):
    """The VerwerkingVersie that approving now would publish (not saved)."""
    from .models import VerwerkingInhoud, VerwerkingVersie

    velden = [f.name for f in VerwerkingInhoud._meta.fields if f.name != "id"]
    return VerwerkingVersie(
        verwerking=verwerking,
        volgnummer=volgnummer,
        vastgesteld_op=nu,
        **{veld: getattr(verwerking, veld) for veld in velden},
    )


def openbaar_dict(versie):
    """Only public fields. Never internal notes, security measures, verwerkers or employee names."""
    vv = versie.verwerkingsverantwoordelijke
    gemeente = versie.verwerking.gemeente
    return {
        "identificatie": str(versie.verwerking.uuid),
        "versie": str(versie.uuid),
        "vastgesteldOp": versie.vastgesteld_op.date().isoformat(),
        "naam": versie.naam,
        "team": versie.team.naam,
        "verwerkingsverantwoordelijke": {
            "naam": vv.naam,
            "adres": vv.adres,
            "email": vv.email,
            "telefoon": vv.telefoon,
        },
        "gezamenlijkeVerantwoordelijken": versie.gezamenlijke_verantwoordelijken,
        "functionarisGegevensbescherming": {
            "naam": gemeente.fg_naam,
            "email": gemeente.fg_email,
            "telefoon": gemeente.fg_telefoon,
        },
        "doeleinden": versie.doeleinden,
        "grondslagen": versie.grondslagen,
        "grondslagenOmschrijving": versie.grondslagen_labels,
        "grondslagToelichting": versie.grondslag_toelichting,
        "categorieenBetrokkenen": versie.categorieen_betrokkenen,
        "categorieenPersoonsgegevens": versie.categorieen_persoonsgegevens,
        "bijzondereCategorieen": versie.bijzondere_labels,
        "strafrechtelijkeGegevens": versie.strafrechtelijke_gegevens,
        "gebruiktBsn": versie.gebruikt_bsn,
        "ontvangers": versie.ontvangers,
        "doorgifteBuitenEer": versie.doorgifte_buiten_eer,
        "doorgifteWaarborgen": versie.doorgifte_waarborgen,
        "bewaartermijn": versie.bewaartermijn,
        "herkomst": versie.herkomst,
        "geautomatiseerdeBesluitvorming": versie.geautomatiseerde_besluitvorming,
        "algoritmeOfAi": versie.algoritme_of_ai,
    }


OPENBARE_KOLOMMEN = [
    ("Identificatie", lambda v: str(v.verwerking.uuid)),
    ("Versie", lambda v: str(v.uuid)),
    ("Vastgesteld op", lambda v: v.vastgesteld_op.date().isoformat()),
    ("Naam", lambda v: v.naam),
    ("Team", lambda v: v.team.naam),
    ("Verwerkingsverantwoordelijke", lambda v: v.verwerkingsverantwoordelijke.naam),
    ("Doeleinden", lambda v: v.doeleinden),
    ("Grondslagen", lambda v: "; ".join(v.grondslagen_labels)),
    ("Toelichting grondslag", lambda v: v.grondslag_toelichting),
    ("Categorieën betrokkenen", lambda v: v.categorieen_betrokkenen),
    ("Categorieën persoonsgegevens", lambda v: v.categorieen_persoonsgegevens),
    ("Bijzondere persoonsgegevens", lambda v: "; ".join(v.bijzondere_labels)),
    ("Strafrechtelijke gegevens", lambda v: "ja" if v.strafrechtelijke_gegevens else "nee"),
    ("BSN", lambda v: "ja" if v.gebruikt_bsn else "nee"),
    ("Ontvangers", lambda v: v.ontvangers),
    ("Doorgifte buiten de EER", lambda v: "ja" if v.doorgifte_buiten_eer else "nee"),
    ("Waarborgen doorgifte", lambda v: v.doorgifte_waarborgen),
    ("Bewaartermijn", lambda v: v.bewaartermijn),
    ("Herkomst", lambda v: v.herkomst),
    ("Geautomatiseerde besluitvorming", lambda v: "ja" if v.geautomatiseerde_besluitvorming else "nee"),
    ("Algoritme of AI", lambda v: "ja" if v.algoritme_of_ai else "nee"),
]
