"""Every write to the agreements register goes through a function here.

Each checks the permission on the server, locks the row, validates (one ValidationError with every
invalid field), saves with a history reason and the acting user, and recomputes the stored dates
(next review, end-date signal), the EEA flag and the checklist score.
"""

import os
import zipfile
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from privacy_portal.core import uploads
from privacy_portal.core.permissions import vereis
from privacy_portal.core.schrijven import opslaan, vergrendel
from privacy_portal.organisaties.models import RolToewijzing, Team
from privacy_portal.organisaties.rollen import Rol

from . import checklist, deadlines
from .constants import (
    DOCUMENT_MAX_BYTES,
    DOCUMENT_TYPES,
    EER_LANDEN,
    LANDEN,
    NIET_VOOR_STRUCTURELE_OPSLAG,
    Doorgiftemechanisme,
    Soort,
)
from .models import Overeenkomst, Partij, Review, Subverwerker

VELDEN = (
    "team",
    "eigenaar",
    "soort",
    "onderwerp",
    "omschrijving",
    "samenvatting_openbaar",
    "startdatum",
    "einddatum",
    "opslag_land",
    "doorgiftemechanisme",
    "doorgifte_toelichting",
    "clausules",
    "openbaar",
    "document_openbaar",
    "laatste_review",
    "interne_notitie",
)
LABELS = {f.name: str(f.verbose_name) for f in Overeenkomst._meta.fields} | {
    "verwerkingen": "verwerkingen",
    "partijen": "partijen",
    "subverwerkers": "subverwerkers",
}
PARTIJ_VELDEN = ("naam", "contactpersoon", "email", "telefoon")
SUBVERWERKER_VELDEN = ("naam", "dienst", "land", "toestemming", "toestemming_op")
TEKST_VELDEN = {
    "onderwerp",
    "omschrijving",
    "samenvatting_openbaar",
    "doorgifte_toelichting",
    "interne_notitie",
    "opslag_land",
    "doorgiftemechanisme",
}


# --- Validation ------------------------------------------------------------------------------------


def is_teammanager_van(user, team):
    return RolToewijzing.objects.filter(gebruiker=user, team=team, rol=Rol.TEAMMANAGER).exists()


def _valideer(gemeente, g, *, nu):
    """Checks on the complete set of values `g` of one agreement."""
    fouten = {}
    vandaag = timezone.localdate(nu)
    if not (g.get("onderwerp") or "").strip():
        fouten["onderwerp"] = "Vul het onderwerp in."
    elif len(g["onderwerp"].strip()) > 250:
        fouten["onderwerp"] = "Het onderwerp mag hoogstens 250 tekens hebben."
    if g.get("soort") not in Soort.values:
        fouten["soort"] = "Kies de soort overeenkomst."
    team = g.get("team")
    if not isinstance(team, Team) or team.gemeente_id != gemeente.pk:
        fouten["team"] = "Kies een team van deze gemeente."
    eigenaar = g.get("eigenaar")
    if eigenaar is not None and "team" not in fouten and not is_teammanager_van(eigenaar, team):
        fouten["eigenaar"] = "De eigenaar moet teammanager zijn van het gekozen team."
    start, einde = g.get("startdatum"), g.get("einddatum")
    if not isinstance(start, date):
        fouten["startdatum"] = "Vul de ingangsdatum in."
    if einde is not None and not isinstance(einde, date):
        fouten["einddatum"] = "Vul een geldige datum in."
    elif einde and isinstance(start, date) and einde < start:
        fouten["einddatum"] = "De einddatum ligt voor de ingangsdatum."
    laatste = g.get("laatste_review")
    if laatste is not None and (not isinstance(laatste, date) or laatste > vandaag):
        fouten["laatste_review"] = "De laatste review kan niet in de toekomst liggen."
    land = g.get("opslag_land") or ""
    if land not in LANDEN:
        if land:
            fouten["opslag_land"] = "Kies een land uit de lijst."
    elif land not in EER_LANDEN and not g.get("doorgiftemechanisme"):
        fouten["doorgiftemechanisme"] = (
            f"De gegevens worden opgeslagen buiten de EER ({LANDEN[land]}). Kies het doorgiftemechanisme."
        )
    if g.get("doorgiftemechanisme") and g["doorgiftemechanisme"] not in Doorgiftemechanisme.values:
        fouten["doorgiftemechanisme"] = "Kies een doorgiftemechanisme uit de lijst."
    elif land in LANDEN and land not in EER_LANDEN and g.get("doorgiftemechanisme") in NIET_VOOR_STRUCTURELE_OPSLAG:
        fouten["doorgiftemechanisme"] = (
            f"Een uitzondering van art. 49 AVG geldt alleen voor incidentele doorgifte, niet voor het "
            f"opslaan van gegevens buiten de EER ({LANDEN[land]}). Kies een adequaatheidsbesluit, "
            f"standaardcontractbepalingen of bindende bedrijfsvoorschriften."
        )
    codes = g.get("clausules")
    if not isinstance(codes, list) or not all(isinstance(c, str) for c in codes):
        fouten["clausules"] = "Geef een lijst van codes uit de checklist."
    elif "soort" not in fouten:
        onbekend = set(codes) - {code for code, _ in checklist.clausules_voor(g["soort"])}
        if onbekend:
            fouten["clausules"] = (
                f"Deze onderdelen horen niet bij een {Soort(g['soort']).label.lower()}: {', '.join(sorted(onbekend))}."
            )
    if g.get("openbaar") and g.get("soort") != Soort.CONVENANT:
        fouten["openbaar"] = "Alleen een convenant wordt openbaar gemaakt."
    if g.get("document_openbaar") and not (g.get("openbaar") and g.get("soort") == Soort.CONVENANT):
        fouten["document_openbaar"] = "Het document kan alleen openbaar zijn bij een openbaar convenant."
    return fouten


def _valideer_partijen(partijen):
    fouten = []
    namen = set()
    for partij in partijen:
        naam = (partij.get("naam") or "").strip()
        if not naam:
            fouten.append("Elke partij heeft een naam.")
        elif naam.casefold() in namen:
            fouten.append(f"De partij '{naam}' staat er twee keer in.")
        namen.add(naam.casefold())
    if not partijen:
        fouten.append("Noem ten minste één partij: de verwerker of de partner.")
    return " ".join(dict.fromkeys(fouten))


def _valideer_subverwerkers(subverwerkers):
    fouten = []
    for sub in subverwerkers:
        if not (sub.get("naam") or "").strip():
            fouten.append("Elke subverwerker heeft een naam.")
        if (sub.get("land") or "") not in ("", *LANDEN):
            fouten.append("Kies het land van een subverwerker uit de lijst.")
    return " ".join(dict.fromkeys(fouten))


def _valideer_verwerkingen(gemeente, verwerkingen):
    if any(v.gemeente_id != gemeente.pk for v in verwerkingen):
        return "Kies alleen verwerkingen van deze gemeente."
    return ""


def _schoon(gegevens):
    """Strip text, turn None text into ''; unknown fields are an error."""
    onbekend = set(gegevens) - set(VELDEN)
    if onbekend:
        raise ValidationError({veld: "Dit veld bestaat niet." for veld in sorted(onbekend)})
    schoon = {}
    for veld, waarde in gegevens.items():
        if veld in TEKST_VELDEN:
            waarde = (waarde or "").strip()
        elif veld in ("openbaar", "document_openbaar"):
            waarde = bool(waarde)
        schoon[veld] = waarde
    return schoon


# --- Saving ----------------------------------------------------------------------------------------


def _herbereken(ovk):
    """Recompute the stored derived values from the agreement's own fields."""
    ovk.clausules = checklist.geldige_codes(ovk.soort, ovk.clausules)
    ovk.volledigheid = checklist.volledigheid_percentage(ovk.soort, ovk.clausules)
    ovk.buiten_eer = bool(ovk.opslag_land) and ovk.opslag_land not in EER_LANDEN
    ovk.volgende_review = deadlines.volgende_review(ovk.startdatum, ovk.laatste_review)
    ovk.einde_signaal_op = deadlines.einde_signaal(ovk.einddatum)
    if ovk.soort != Soort.CONVENANT:
        ovk.openbaar = False
    if not ovk.openbaar:
        ovk.document_openbaar = False


def _opslaan(ovk, door, reden):
    _herbereken(ovk)
    _vrijgave_bijwerken(ovk, door)
    opslaan(ovk, door=door, reden=reden)


def _vrijgave_bijwerken(ovk, door):
    """A document that becomes public, or a new document while public, waits for someone else's
    release (four eyes, `document_vrijgeven`); one that is no longer public loses its release."""
    vorig = Overeenkomst.objects.filter(pk=ovk.pk).values("document_openbaar", "document").first() if ovk.pk else None
    was_openbaar = bool(vorig and vorig["document_openbaar"])
    nieuw_document = vorig is None or vorig["document"] != ovk.document.name
    if not ovk.document_openbaar:
        ovk.document_aangeboden_door = None
        ovk.document_vrijgegeven_door = None
        ovk.document_vrijgegeven_op = None
    elif not was_openbaar or nieuw_document:
        ovk.document_aangeboden_door = door
        ovk.document_vrijgegeven_door = None
        ovk.document_vrijgegeven_op = None


def _onderdeel_reden(obj):
    """The history reason of a part: which part it is ('Partij Leverancier X B.V.')."""
    return f"{obj._meta.verbose_name.capitalize()} {obj.naam}"


def _rijen_bijwerken(ovk, model, rijen, velden, door):
    """Make the related rows (parties, sub-processors) match `rijen`, matched on name. True when changed."""
    bestaand = {obj.naam.casefold(): obj for obj in model.objects.filter(overeenkomst=ovk)}
    gewijzigd = False
    gezien = set()
    for rij in rijen:
        waarden = {veld: rij.get(veld) for veld in velden if veld in rij}
        waarden["naam"] = waarden["naam"].strip()
        for veld in ("contactpersoon", "email", "telefoon", "dienst", "land"):
            if veld in waarden:
                waarden[veld] = (waarden[veld] or "").strip()
        sleutel = waarden["naam"].casefold()
        gezien.add(sleutel)
        obj = bestaand.get(sleutel)
        if obj is None:
            obj = model(overeenkomst=ovk, **waarden)
        elif all(getattr(obj, veld) == waarde for veld, waarde in waarden.items()):
            continue
        else:
            for veld, waarde in waarden.items():
                setattr(obj, veld, waarde)
        opslaan(obj, door=door, reden=_onderdeel_reden(obj))
        gewijzigd = True
    for sleutel, obj in bestaand.items():
        if sleutel not in gezien:
            obj._history_user = door
            obj._change_reason = _onderdeel_reden(obj)
            obj.delete()
            gewijzigd = True
    return gewijzigd


def _verwerkingen_zetten(ovk, verwerkingen):
    nieuw = {v.pk for v in verwerkingen}
    if nieuw == set(ovk.verwerkingen.values_list("pk", flat=True)):
        return False
    ovk.verwerkingen.set(nieuw)
    return True


def _verwerkingen_tekst(ovk):
    return ", ".join(sorted(ovk.verwerkingen.values_list("naam", flat=True))) or "geen"


def controleer_invoer(gemeente, gegevens, partijen, *, nu=None):
    """The checks of overeenkomst_aanmaken without saving anything: {field: message} (for the import preview)."""
    g = _schoon(gegevens)
    g.setdefault("clausules", [])
    g.setdefault("eigenaar", None)
    fouten = _valideer(gemeente, g, nu=nu or timezone.now())
    if fout := _valideer_partijen(list(partijen)):
        fouten["partijen"] = fout
    return fouten


@transaction.atomic
def overeenkomst_aanmaken(*, door, gemeente, gegevens, partijen, subverwerkers=(), verwerkingen=(), reden="", nu=None):
    """Register an agreement for a team of the gemeente; the creating teammanager becomes the owner."""
    nu = nu or timezone.now()
    g = _schoon(gegevens)
    g.setdefault("clausules", [])
    g.setdefault("eigenaar", None)
    if g["eigenaar"] is None and isinstance(g.get("team"), Team) and is_teammanager_van(door, g["team"]):
        g["eigenaar"] = door
    partijen, subverwerkers, verwerkingen = list(partijen), list(subverwerkers), list(verwerkingen)
    fouten = _valideer(gemeente, g, nu=nu)
    for veld, fout in (
        ("partijen", _valideer_partijen(partijen)),
        ("subverwerkers", _valideer_subverwerkers(subverwerkers)),
        ("verwerkingen", _valideer_verwerkingen(gemeente, verwerkingen)),
    ):
        if fout:
            fouten[veld] = fout
    if fouten:
        raise ValidationError(fouten)
    vereis(door, "overeenkomsten.add_overeenkomst", g["team"])
    ovk = Overeenkomst(gemeente=gemeente, **g)
    _opslaan(ovk, door, reden or "Geregistreerd")
    if ovk.laatste_review:  # an existing agreement, registered with its last review
        review = Review(
            overeenkomst=ovk, datum=ovk.laatste_review, door=door, toelichting="Vastgelegd bij het registreren."
        )
        opslaan(review, door=door, reden="Laatste review, vastgelegd bij het registreren")
    _rijen_bijwerken(ovk, Partij, partijen, PARTIJ_VELDEN, door)
    _rijen_bijwerken(ovk, Subverwerker, subverwerkers, SUBVERWERKER_VELDEN, door)
    if _verwerkingen_zetten(ovk, verwerkingen):
        _opslaan(ovk, door, f"Verwerkingen: {_verwerkingen_tekst(ovk)}")
    return ovk


@transaction.atomic
def overeenkomst_wijzigen(
    *,
    overeenkomst,
    door,
    gegevens,
    partijen=None,
    subverwerkers=None,
    verwerkingen=None,
    reden="",
    nu=None,
    versie=None,
):
    """Change fields, parties, sub-processors or covered verwerkingen; None leaves that part as it is.

    `versie`: the version the user saw (VersieConflict when someone else saved since)."""
    nu = nu or timezone.now()
    ovk = vergrendel(overeenkomst, versie=versie, related=("gemeente", "team"))
    vereis(door, "overeenkomsten.change_overeenkomst", ovk)
    g = _schoon(gegevens)
    if "soort" in g and "clausules" not in g and g["soort"] != ovk.soort:
        g["clausules"] = checklist.geldige_codes(g["soort"], ovk.clausules)
    samen = {veld: getattr(ovk, veld) for veld in VELDEN} | g
    fouten = _valideer(ovk.gemeente, samen, nu=nu)
    for veld, lijst, controle in (
        ("partijen", partijen, _valideer_partijen),
        ("subverwerkers", subverwerkers, _valideer_subverwerkers),
    ):
        if lijst is not None and (fout := controle(list(lijst))):
            fouten[veld] = fout
    if verwerkingen is not None and (fout := _valideer_verwerkingen(ovk.gemeente, verwerkingen)):
        fouten["verwerkingen"] = fout
    if fouten:
        raise ValidationError(fouten)
    if "team" in g and g["team"] != ovk.team:
        vereis(door, "overeenkomsten.change_overeenkomst", g["team"])
    gewijzigd = [veld for veld, waarde in g.items() if getattr(ovk, veld) != waarde]
    for veld in gewijzigd:
        setattr(ovk, veld, g[veld])
    if partijen is not None and _rijen_bijwerken(ovk, Partij, list(partijen), PARTIJ_VELDEN, door):
        gewijzigd.append("partijen")
    if subverwerkers is not None and _rijen_bijwerken(
        ovk, Subverwerker, list(subverwerkers), SUBVERWERKER_VELDEN, door
    ):
        gewijzigd.append("subverwerkers")
    if verwerkingen is not None and _verwerkingen_zetten(ovk, list(verwerkingen)):
        gewijzigd.append("verwerkingen")
    if not gewijzigd:
        return ovk
    # Without a reason: the changed fields ("onderwerp, team"); the history shows it after "Gewijzigd: ".
    tekst = reden or ", ".join(LABELS.get(veld, veld) for veld in gewijzigd)
    if "verwerkingen" in gewijzigd:
        tekst += f" (verwerkingen nu: {_verwerkingen_tekst(ovk)})"
    _opslaan(ovk, door, tekst)
    return ovk


def checklist_bijwerken(*, overeenkomst, door, clausules, nu=None, versie=None):
    """Tick the clauses of the kind's checklist that the agreement contains."""
    return overeenkomst_wijzigen(
        overeenkomst=overeenkomst,
        door=door,
        gegevens={"clausules": list(clausules)},
        reden="Checklist bijgewerkt",
        nu=nu,
        versie=versie,
    )


@transaction.atomic
def review_vastleggen(*, overeenkomst, door, datum, toelichting="", nu=None, versie=None):
    """Record the yearly review; the next one is a year later (kalender.plus_jaren)."""
    nu = nu or timezone.now()
    ovk = vergrendel(overeenkomst, versie=versie, related=("gemeente", "team"))
    vereis(door, "overeenkomsten.change_overeenkomst", ovk)
    if not isinstance(datum, date):
        raise ValidationError({"datum": "Vul de datum van de review in."})
    if datum > timezone.localdate(nu):
        raise ValidationError({"datum": "De datum van de review ligt in de toekomst."})
    if ovk.laatste_review and datum < ovk.laatste_review:
        raise ValidationError(
            {"datum": f"Er is al een review vastgelegd op {ovk.laatste_review:%d-%m-%Y}; kies een latere datum."}
        )
    review = Review(overeenkomst=ovk, datum=datum, door=door, toelichting=(toelichting or "").strip())
    opslaan(review, door=door, reden="Jaarlijkse review")
    ovk.laatste_review = datum
    _opslaan(ovk, door, f"Jaarlijkse review op {datum:%d-%m-%Y}")
    return ovk


def signalen(ovk, vandaag, *, subverwerkers=None):
    """What needs attention, in plain Dutch; nothing here blocks saving."""
    meldingen = []
    ontbrekend = checklist.ontbrekende_clausules(ovk.soort, ovk.clausules)
    if ontbrekend:
        meldingen.append(
            f"Er {'ontbreekt' if len(ontbrekend) == 1 else 'ontbreken'} {len(ontbrekend)} verplichte "
            f"onderde{'el' if len(ontbrekend) == 1 else 'len'}: "
            + "; ".join(checklist.labels(ovk.soort, ontbrekend)).lower()
            + "."
        )
    subverwerkers = list(ovk.subverwerkers.all()) if subverwerkers is None else subverwerkers
    zonder = [s.naam for s in subverwerkers if not s.toestemming]
    if zonder:
        meldingen.append("Geen schriftelijke toestemming vastgelegd voor subverwerker " + ", ".join(zonder) + ".")
    buiten = [s.naam for s in subverwerkers if s.land and s.land not in EER_LANDEN]
    if buiten and not ovk.doorgiftemechanisme:
        meldingen.append(
            "Subverwerker " + ", ".join(buiten) + " verwerkt gegevens buiten de EER: leg het doorgiftemechanisme vast."
        )
    if ovk.einddatum and ovk.einddatum < vandaag:
        meldingen.append(f"De overeenkomst is verlopen op {ovk.einddatum:%d-%m-%Y}.")
    elif ovk.einde_signaal_op and ovk.einde_signaal_op <= vandaag:
        meldingen.append(f"De overeenkomst loopt af op {ovk.einddatum:%d-%m-%Y}: verleng of beëindig haar tijdig.")
    if ovk.volgende_review and ovk.volgende_review < vandaag and not (ovk.einddatum and ovk.einddatum < vandaag):
        meldingen.append(f"De jaarlijkse review was uiterlijk {ovk.volgende_review:%d-%m-%Y}.")
    if not ovk.document:
        meldingen.append("Het ondertekende document is nog niet geüpload.")
    return meldingen


# --- The signed document ---------------------------------------------------------------------------

FOUT_SOORT = "Kies een PDF-, Word- (DOCX) of OpenDocument-bestand (ODT)."
FOUT_GROOTTE = "Het bestand is groter dan 20 MB. Maak het kleiner, bijvoorbeeld door het opnieuw als PDF op te slaan."
FOUT_INHOUD = "Dit bestand is geen echt {soort}-bestand. Sla het opnieuw op als PDF, DOCX of ODT."


def controleer_document(bestand):
    """Type (PDF, DOCX, ODT, checked on name and content) and size (max 20 MB); raises ValidationError."""
    naam = os.path.basename(getattr(bestand, "name", "") or "")
    extensie = naam.rsplit(".", 1)[-1].lower() if "." in naam else ""
    if extensie not in DOCUMENT_TYPES:
        raise ValidationError({"document": FOUT_SOORT})
    grootte = getattr(bestand, "size", None)
    if grootte is not None and grootte > DOCUMENT_MAX_BYTES:
        raise ValidationError({"document": FOUT_GROOTTE})
    if not grootte:
        raise ValidationError({"document": "Het bestand is leeg."})
    bestand.seek(0)
    begin = bestand.read(8)
    bestand.seek(0)
    inhoud_klopt = False
    if extensie == "pdf":
        inhoud_klopt = begin.startswith(b"%PDF-")
    elif begin.startswith(b"PK\x03\x04"):
        try:
            uploads.controleer_zip(bestand, uploads.DOCUMENT)  # before any part is unpacked
            with zipfile.ZipFile(bestand) as archief:
                namen = set(archief.namelist())
                if extensie == "docx":
                    inhoud_klopt = "word/document.xml" in namen and "[Content_Types].xml" in namen
                elif "mimetype" in namen:
                    with archief.open("mimetype") as mimetype:
                        inhoud_klopt = mimetype.read(100).strip() == DOCUMENT_TYPES["odt"].encode()
        except uploads.BestandGeweigerd as fout:
            bestand.seek(0)
            raise ValidationError({"document": str(fout)}) from fout
        except (zipfile.BadZipFile, KeyError, OSError, RuntimeError, NotImplementedError):
            inhoud_klopt = False
        bestand.seek(0)
    if not inhoud_klopt:
        raise ValidationError({"document": FOUT_INHOUD.format(soort=extensie.upper())})
    return extensie


@transaction.atomic
def document_uploaden(*, overeenkomst, door, bestand, nu=None, versie=None):
    """Store the signed document privately. Needs the document right and the right to change the agreement."""
    nu = nu or timezone.now()
    ovk = vergrendel(overeenkomst, versie=versie, related=("gemeente", "team"))
    vereis(door, "overeenkomsten.document_overeenkomst", ovk)
    vereis(door, "overeenkomsten.change_overeenkomst", ovk)
    extensie = controleer_document(bestand)
    oorspronkelijk = os.path.basename(bestand.name)[-255:]
    ovk.document.save(f"document.{extensie}", bestand, save=False)
    ovk.document_naam = oorspronkelijk
    ovk.document_geupload_op = nu
    _opslaan(ovk, door, "Ondertekend document geüpload")
    return ovk


ZONDER_VIER_OGEN = " (zonder vier ogen: zelf openbaar gemaakt; uitzondering van de gemeente voor één persoon)"


@transaction.atomic
def document_vrijgeven(*, overeenkomst, door, nu=None, versie=None):
    """Release a convenant's public document after review: only then can anyone download it from
    the public page. Not by whoever made it public or uploaded it while public (four eyes), unless
    the gemeente allows that for a one-person team; the history then says so."""
    nu = nu or timezone.now()
    ovk = vergrendel(overeenkomst, versie=versie, related=("gemeente", "team"))
    vereis(door, "overeenkomsten.vrijgeven_overeenkomst", ovk)
    if not ovk.document_wacht_op_vrijgave:
        raise ValidationError("Er is geen openbaar document dat op vrijgave wacht.")
    opmerking = ""
    if ovk.document_aangeboden_door_id in (None, door.pk):
        if not ovk.gemeente.vier_ogen_uitzondering:
            raise ValidationError(
                "Vier ogen: u heeft dit document zelf openbaar gemaakt. Iemand anders bekijkt het en geeft het vrij."
            )
        opmerking = ZONDER_VIER_OGEN
    ovk.document_vrijgegeven_door = door
    ovk.document_vrijgegeven_op = nu
    _herbereken(ovk)
    opslaan(ovk, door=door, reden=f"Openbaar document vrijgegeven{opmerking}")
    return ovk


def volledigheid_bijwerken():
    """Recompute the stored completeness where the checklist changed since it was stored.

    A release that adds a required clause (such as AVG art. 28(2)-(4)) makes stored percentages
    too high; each agreement whose percentage differs is saved on its own, with the reason in its
    history. Idempotent; returns the number of agreements changed.
    """
    aantal = 0
    for pk, soort, clausules, volledigheid in Overeenkomst.objects.values_list(
        "pk", "soort", "clausules", "volledigheid"
    ):
        if checklist.volledigheid_percentage(soort, clausules) == volledigheid:
            continue
        with transaction.atomic():
            ovk = vergrendel(Overeenkomst(pk=pk))
            oud = ovk.volledigheid
            _herbereken(ovk)
            if ovk.volledigheid != oud:
                reden = f"Volledigheid herberekend na een wijziging van de checklist: {oud}% wordt {ovk.volledigheid}%"
                opslaan(ovk, door=None, reden=reden)
                aantal += 1
    return aantal
