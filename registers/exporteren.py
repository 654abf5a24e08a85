"""Export of the register to XLSX and CSV, with spreadsheet formula injection escaped."""

from privacy_portal.core.spreadsheet import export_response

KOLOMMEN_INTERN = [
    ("Identificatie", lambda v: str(v.uuid)),
    ("Versie", lambda v: str(v.gepubliceerde_versie.uuid) if v.gepubliceerde_versie_id else ""),
    ("Gemeente", lambda v: v.gemeente.naam),
    ("Naam", lambda v: v.naam),
    ("Team", lambda v: v.team.naam),
    ("Verwerkingsverantwoordelijke", lambda v: v.verwerkingsverantwoordelijke.naam),
    ("Gezamenlijke verwerkingsverantwoordelijken", lambda v: v.gezamenlijke_verantwoordelijken),
    ("Status", lambda v: v.get_status_display()),
    ("Volledigheid (%)", lambda v: v.volledigheid),
    ("Doeleinden", lambda v: v.doeleinden),
    ("Grondslagen", lambda v: ", ".join(v.grondslagen)),
    ("Toelichting grondslag", lambda v: v.grondslag_toelichting),
    ("Categorieën betrokkenen", lambda v: v.categorieen_betrokkenen),
    ("Categorieën persoonsgegevens", lambda v: v.categorieen_persoonsgegevens),
    ("Bijzondere persoonsgegevens", lambda v: ", ".join(v.bijzondere_categorieen)),
    ("Strafrechtelijke gegevens", lambda v: "ja" if v.strafrechtelijke_gegevens else "nee"),
    ("BSN", lambda v: "ja" if v.gebruikt_bsn else "nee"),
    ("Ontvangers", lambda v: v.ontvangers),
    ("Verwerkers", lambda v: v.verwerkers),
    ("Doorgifte buiten de EER", lambda v: "ja" if v.doorgifte_buiten_eer else "nee"),
    ("Waarborgen doorgifte", lambda v: v.doorgifte_waarborgen),
    ("Bewaartermijn", lambda v: v.bewaartermijn),
    ("Herkomst", lambda v: v.herkomst),
    ("Beveiligingsmaatregelen", lambda v: v.beveiligingsmaatregelen),
    ("Geautomatiseerde besluitvorming", lambda v: "ja" if v.geautomatiseerde_besluitvorming else "nee"),
    ("Algoritme of AI", lambda v: "ja" if v.algoritme_of_ai else "nee"),
    ("DPIA-status", lambda v: v.get_dpia_status_display()),
    ("Interne notitie", lambda v: v.interne_notitie),
]


def response(qs, formaat, *, bestandsnaam, kolommen=KOLOMMEN_INTERN):
    return export_response(qs.iterator(chunk_size=500), formaat, bestandsnaam=bestandsnaam, kolommen=kolommen)
