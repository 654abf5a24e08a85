"""Scan steps of the DPIA-register (run by the termijnscan, each reminder exactly once):

- a measure past its due date reminds its owner and the privacy officers (once per due date);
- three years after a DPIA was finished its re-check is due (seed 002): the teammanager and the
  privacy officers hear of it (once per re-check date);
- a newly approved version of a linked verwerking that changes purposes, data categories,
  recipients or technology marks the DPIA 'herbeoordeling nodig' and tells the teammanager and the
  privacy officers (once per version);
- a prior consultation of the AP whose answer term has passed without an answer is reported.

The date steps load only what is due and not reached yet (in SQL, `nog_niet_bereikt`) and send it
together (`herinneringen_versturen`): a fixed number of queries however many items are open.
"""

from django.db import transaction
from django.db.models import F, OuterRef, Q, Subquery
from django.urls import reverse
from django.utils import timezone

from privacy_portal.core.scanner import link_per_uuid, scan_stap
from privacy_portal.notificaties.models import Mijlpaal
from privacy_portal.notificaties.selectors import mijlpaal_met_datum, nog_niet_bereikt
from privacy_portal.notificaties.services import Herinnering, herinneringen_versturen, meest_urgente_mijlpaal
from privacy_portal.organisaties.rollen import Rol
from privacy_portal.organisaties.selectors import Rolhouders
from registers.models import VerwerkingVersie

from . import services
from .constants import HERBEOORDELING_VELDEN, OPEN_MAATREGEL, Status
from .models import Dpia, DpiaVerwerking, Maatregel

VELD_NAMEN = {
    "doeleinden": "doeleinden",
    "categorieen_persoonsgegevens": "categorieën persoonsgegevens",
    "bijzondere_categorieen": "bijzondere persoonsgegevens",
    "ontvangers": "ontvangers",
    "algoritme_of_ai": "gebruik van algoritmen of AI",
}


def _bereikt(model, paren):
    """The (object uuid, milestone) pairs among paren that already have a Mijlpaal row (one query)."""
    if not paren:
        return set()
    rijen = Mijlpaal.objects.filter(
        object_type=model._meta.label,
        object_id__in={str(uuid) for uuid, _ in paren},
        mijlpaal__in={naam for _, naam in paren},
    ).values_list("object_id", "mijlpaal")
    return set(rijen)


def _nog_niet_bereikt(qs, voorvoegsel, datumveld):
    """The objects of qs whose milestone f"{voorvoegsel}{date}" was not reached yet (in SQL)."""
    return list(
        qs.annotate(mijlpaal_naam=mijlpaal_met_datum(voorvoegsel, datumveld)).filter(
            nog_niet_bereikt(qs.model, OuterRef("mijlpaal_naam"))
        )
    )


def _link(dpia):
    return reverse("dpia:detail", kwargs={"uuid": dpia.uuid})


@scan_stap
def dpia_maatregelen_verlopen(nu):
    vandaag = timezone.localdate(nu)
    kandidaten = Maatregel.objects.filter(status__in=OPEN_MAATREGEL, deadline__lt=vandaag).select_related(
        "dpia", "eigenaar"
    )
    rolhouders, link = Rolhouders(), link_per_uuid("dpia:detail")
    return herinneringen_versturen(
        [
            Herinnering(
                obj=maatregel,
                bereikt=[f"verlopen_{maatregel.deadline:%Y-%m-%d}"],
                ontvangers=services.eigenaar_en_privacy_officers(maatregel, rolhouders),
                bericht=lambda _, m=maatregel: (
                    f"{m.dpia.kenmerk}: maatregel {m.code} is over de datum",
                    f"Maatregel {m.code} had op {m.deadline:%d-%m-%Y} gereed moeten zijn. "
                    "Voer hem uit en werk de status bij, of spreek een nieuwe datum af.",
                ),
                link=link(maatregel.dpia.uuid),
            )
            for maatregel in _nog_niet_bereikt(kandidaten, "verlopen_", "deadline")
        ],
        nu=nu,
    )


@scan_stap
def dpia_hercontrole(nu):
    vandaag = timezone.localdate(nu)
    kandidaten = Dpia.objects.filter(status=Status.AFGEROND, hercontrole_op__lte=vandaag)
    rolhouders, link = Rolhouders(), link_per_uuid("dpia:detail")
    return herinneringen_versturen(
        [
            Herinnering(
                obj=dpia,
                bereikt=[f"hercontrole_{dpia.hercontrole_op:%Y-%m-%d}"],
                ontvangers=services.ontvangers_opvolging(dpia, rolhouders),
                bericht=lambda _, dpia=dpia: (
                    f"{dpia.kenmerk}: hercontrole van de DPIA is nodig",
                    "Deze DPIA is drie jaar geleden afgerond. Kijk kort of hij nog klopt en leg de hercontrole "
                    "vast, of voer de DPIA opnieuw uit.",
                ),
                link=link(dpia.uuid),
            )
            for dpia in _nog_niet_bereikt(kandidaten, "hercontrole_", "hercontrole_op")
        ],
        nu=nu,
    )


def _wijzigingen(koppeling, versie):
    kenmerken = services.register_kenmerken(versie)
    basis = koppeling.basis_kenmerken or {}
    return [veld for veld in HERBEOORDELING_VELDEN if kenmerken[veld] != basis.get(veld)]


@scan_stap
def dpia_verwerking_gewijzigd(nu):
    """Compare each linked verwerking's latest approved version with the content the DPIA was based on.

    Per DPIA one notice: when several of its verwerkingen got a new version during a gap in the scan,
    the DPIA is marked for each, and only the most recent change is sent (naming all of them); the
    others are recorded as passed (`meest_urgente_mijlpaal`).
    """
    laatste = VerwerkingVersie.objects.filter(verwerking=OuterRef("verwerking")).order_by("-volgnummer")
    koppelingen = list(
        DpiaVerwerking.objects.exclude(dpia__status=Status.PRESCAN)
        .annotate(laatste_uuid=Subquery(laatste.values("uuid")[:1]))
        .filter(laatste_uuid__isnull=False)
        .filter(Q(basis_versie_uuid__isnull=True) | ~Q(basis_versie_uuid=F("laatste_uuid")))
        .select_related("dpia__gemeente", "dpia__team", "verwerking")
    )
    versies = VerwerkingVersie.objects.in_bulk([k.laatste_uuid for k in koppelingen], field_name="uuid")
    gedaan = _bereikt(Dpia, [(k.dpia.uuid, f"wijziging_{k.laatste_uuid}") for k in koppelingen])
    per_dpia = {}
    for koppeling in koppelingen:
        if (str(koppeling.dpia.uuid), f"wijziging_{koppeling.laatste_uuid}") not in gedaan:
            per_dpia.setdefault(koppeling.dpia_id, []).append(koppeling)
    aantal = 0
    for dpia_id, eigen in per_dpia.items():
        with transaction.atomic():
            gewijzigd = []
            for koppeling in eigen:
                versie = versies[koppeling.laatste_uuid]
                velden = _wijzigingen(koppeling, versie)
                if velden:
                    gewijzigd.append((versie, koppeling, velden))
                else:
                    # Nothing the DPIA depends on changed: it now covers this version too.
                    koppeling.basis_versie = versie
                    koppeling.basis_versie_uuid = versie.uuid
                    koppeling.save()
            if not gewijzigd:
                continue
            dpia = Dpia.objects.select_for_update(of=("self",)).select_related("gemeente", "team").get(pk=dpia_id)
            bekend = set(
                Mijlpaal.objects.filter(
                    object_type=Dpia._meta.label,
                    object_id=str(dpia.uuid),
                    mijlpaal__in=[f"wijziging_{v.uuid}" for v, _, _ in gewijzigd],
                ).values_list("mijlpaal", flat=True)
            )
            gewijzigd = sorted(
                ((v, k, velden) for v, k, velden in gewijzigd if f"wijziging_{v.uuid}" not in bekend),
                key=lambda g: (g[0].vastgesteld_op or nu, g[0].pk),
            )
            if not gewijzigd:
                continue
            for versie, koppeling, velden in gewijzigd:
                services.herbeoordeling_markeren(
                    dpia=dpia,
                    reden=f"versie {versie.volgnummer} van '{koppeling.verwerking.naam}' wijzigt: "
                    + ", ".join(VELD_NAMEN[v] for v in velden),
                    nu=nu,
                )
            alle_velden = ", ".join(
                VELD_NAMEN[v] for v in HERBEOORDELING_VELDEN if any(v in velden for _, _, velden in gewijzigd)
            )
            aantal += meest_urgente_mijlpaal(
                obj=dpia,
                bereikt=[f"wijziging_{versie.uuid}" for versie, _, _ in gewijzigd],
                ontvangers=services.ontvangers_opvolging(dpia),
                bericht=lambda naam, dpia=dpia, velden=alle_velden: (
                    f"{dpia.kenmerk}: herbeoordeling nodig na wijziging van een verwerking",
                    f"Er is een nieuwe versie vastgesteld van een verwerking waar deze DPIA over gaat. "
                    f"Gewijzigd: {velden}. Beoordeel of de DPIA nog klopt.",
                ),
                link=_link(dpia),
                nu=nu,
            )
    return aantal


@scan_stap
def dpia_raadpleging_verstreken(nu):
    vandaag = timezone.localdate(nu)
    kandidaten = Dpia.objects.filter(
        status=Status.RAADPLEGING_AP, raadpleging_antwoord_op__isnull=True, raadpleging_deadline__lt=vandaag
    )
    rolhouders, link = Rolhouders(), link_per_uuid("dpia:detail")
    return herinneringen_versturen(
        [
            Herinnering(
                obj=dpia,
                bereikt=[f"raadpleging_verstreken_{dpia.raadpleging_deadline:%Y-%m-%d}"],
                ontvangers=services.ontvangers_opvolging(dpia, rolhouders)
                + rolhouders.met_rol(dpia.gemeente_id, Rol.COLLEGE, Rol.DIRECTEUR),
                bericht=lambda _, dpia=dpia: (
                    f"{dpia.kenmerk}: antwoordtermijn van de AP is verstreken",
                    f"De AP had uiterlijk {dpia.raadpleging_deadline:%d-%m-%Y} moeten antwoorden op de "
                    "voorafgaande raadpleging. Leg het antwoord vast, of besluit over het restrisico.",
                ),
                link=link(dpia.uuid),
            )
            for dpia in _nog_niet_bereikt(kandidaten, "raadpleging_verstreken_", "raadpleging_deadline")
        ],
        nu=nu,
    )
