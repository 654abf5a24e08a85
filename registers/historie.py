"""The history of a verwerking, with team and controller names and choice labels."""

from privacy_portal.core.historie import historie_regels
from privacy_portal.organisaties.models import Team, Verwerkingsverantwoordelijke

from .constants import BijzondereCategorie, DpiaStatus, Grondslag, Status
from .models import Verwerking

VERBORGEN = {"volledigheid", "gepubliceerde_versie", "aangemaakt_op"}
KEUZES = {
    "status": dict(Status.choices),
    "dpia_status": dict(DpiaStatus.choices),
    "grondslagen": dict(Grondslag.choices),
    "bijzondere_categorieen": dict(BijzondereCategorie.choices),
}
LABELS = {f.name: str(f.verbose_name) for f in Verwerking._meta.fields}


def historie_van(verwerking):
    namen = {
        "team": dict(Team.objects.filter(gemeente=verwerking.gemeente_id).values_list("pk", "naam")),
        "verwerkingsverantwoordelijke": dict(
            Verwerkingsverantwoordelijke.objects.filter(gemeente=verwerking.gemeente_id).values_list("pk", "naam")
        ),
    }

    def tekst(veld, waarde):
        if veld in namen:
            return namen[veld].get(waarde, "—")
        if isinstance(waarde, bool):
            return "ja" if waarde else "nee"
        if isinstance(waarde, list):
            return ", ".join(KEUZES.get(veld, {}).get(w, w) for w in waarde) or "—"
        if veld in KEUZES:
            return KEUZES[veld].get(waarde, waarde)
        return waarde if waarde not in (None, "") else "—"

    return historie_regels(verwerking, labels=LABELS, verborgen=VERBORGEN, tekst=tekst)
