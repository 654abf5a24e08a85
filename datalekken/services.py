"""Every write to the datalekregister goes through a function here.

Each checks the permission on the server, locks the row (and checks the version the user saw,
`versie`), checks the transition, validates, saves with a history reason, recomputes the
melddeadline when kennisname changes, and notifies. The lock, the version check and the save are
the kernel's (`privacy_portal.core.schrijven`).
"""

from datetime import timedelta

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from privacy_portal.core.correcties import corrigeren
from privacy_portal.core.permissions import vereis
from privacy_portal.core.schrijven import opslaan, vergrendel
from privacy_portal.notificaties.models import Soort
from privacy_portal.notificaties.services import stap_melden
from privacy_portal.organisaties.rollen import Rol
from privacy_portal.organisaties.selectors import gebruikers_met_rol, team_van

from .constants import (
    BijzondereCategorie,
    Gevolg,
    Risico,
    Schade,
    SoortGegevens,
    SoortInbreuk,
    SoortMelding,
    Status,
    Uitzondering343,
)
from .deadlines import meld_deadline
from .models import Datalek, MeldingAP
from .workflow import WORKFLOW

MELD_VELDEN = (
    "titel",
    "omschrijving",
    "team",
    "begonnen_op",
    "beeindigd_op",
    "ontdekt_op",
    "kennisname_op",
    "loopt_nog",
    "systemen",
    "via_verwerker",
    "verwerker_naam",
)
# Kennisname is set when reporting; afterwards only a correction changes it (kennisname_corrigeren).
BEHANDEL_VELDEN = tuple(veld for veld in MELD_VELDEN if veld != "kennisname_op") + (
    "oorzaak",
    "soort_inbreuk",
    "gevolgen_voor",
    "soorten_gegevens",
    "bijzondere_categorieen",
    "aantal_betrokkenen",
    "aantal_records",
    "categorieen_betrokkenen",
    "versleuteld",
    "beschermende_maatregelen",
    "mogelijke_gevolgen",
    "soorten_schade",
    "genomen_maatregelen",
    "internationaal",
    "andere_toezichthouders",
    "andere_toezichthouders_op",
    "contactpersoon",
    "melder_naam",
    "melder_functie",
    "melder_telefoon",
    "melder_email",
    "risico",
    "risico_motivering",
)
KEUZELIJSTEN = {
    "soort_inbreuk": SoortInbreuk,
    "gevolgen_voor": Gevolg,
    "soorten_gegevens": SoortGegevens,
    "bijzondere_categorieen": BijzondereCategorie,
    "soorten_schade": Schade,
}


def _label(veld):
    return str(Datalek._meta.get_field(veld).verbose_name)


# The register starts no earlier than this: an older moment is a typing error (the API once took 1524).
VROEGSTE_JAAR = 2000


def moment_fout(moment, nu):
    """Why a recorded moment cannot be right (before 2000 or in the future), or None."""
    if moment is None:
        return None
    if moment.year < VROEGSTE_JAAR:
        return f"Dit moment ligt voor {VROEGSTE_JAAR}; controleer de datum."
    if moment > nu + timedelta(minutes=5):
        return "Dit moment ligt in de toekomst."
    return None


def _valideer(gegevens, *, nu, gemeente):
    fouten = {}
    for veld in ("titel", "omschrijving"):
        if veld in gegevens and not (gegevens[veld] or "").strip():
            fouten[veld] = "Dit veld is verplicht."
    for veld in ("ontdekt_op", "kennisname_op"):
        if veld in gegevens and gegevens[veld] is None:
            fouten[veld] = "Vul datum en tijd in."
    for veld in ("begonnen_op", "beeindigd_op", "ontdekt_op", "kennisname_op", "andere_toezichthouders_op"):
        fout = moment_fout(gegevens.get(veld), nu)
        if fout and veld not in fouten:
            fouten[veld] = fout
    begin, ontdekt = gegevens.get("begonnen_op"), gegevens.get("ontdekt_op")
    if begin and ontdekt and begin > ontdekt and "begonnen_op" not in fouten:
        fouten["begonnen_op"] = "Het lek kan niet begonnen zijn na de ontdekking."
    einde = gegevens.get("beeindigd_op")
    if begin and einde and einde < begin and "beeindigd_op" not in fouten:
        fouten["beeindigd_op"] = "Het lek kan niet beëindigd zijn voordat het begon."
    if ontdekt and gegevens.get("kennisname_op") and gegevens["kennisname_op"] < ontdekt - timedelta(days=365):
        fouten["kennisname_op"] = "Kennisname ligt meer dan een jaar voor de ontdekking; controleer de datum."
    team = gegevens.get("team")
    if team is not None and team.gemeente_id != gemeente.pk:
        fouten["team"] = "Kies een team van deze gemeente."
    if gegevens.get("via_verwerker") and not (gegevens.get("verwerker_naam") or "").strip():
        fouten["verwerker_naam"] = "Noem de verwerker die het lek meldde."
    for veld, keuzes in KEUZELIJSTEN.items():
        if veld in gegevens and not set(gegevens[veld] or []) <= set(keuzes.values):
            fouten[veld] = f"Kies alleen uit: {', '.join(keuzes.values)}."
    if (gegevens.get("melder_email") or "").strip():
        try:
            validate_email(gegevens["melder_email"].strip())
        except ValidationError:
            fouten["melder_email"] = "Vul een geldig e-mailadres in, zoals naam@gemeente.nl."
    if (
        gegevens.get("bijzondere_categorieen")
        and "bijzondere_categorieen" not in fouten
        and SoortGegevens.BIJZONDER not in (gegevens.get("soorten_gegevens") or [])
    ):
        fouten["bijzondere_categorieen"] = (
            "Kies bij de soorten persoonsgegevens ook 'bijzondere persoonsgegevens', of laat dit leeg."
        )
    toezichthouders = (gegevens.get("andere_toezichthouders") or "").strip()
    if toezichthouders and not gegevens.get("andere_toezichthouders_op"):
        fouten.setdefault("andere_toezichthouders_op", "Vul in wanneer de andere toezichthouders zijn ingelicht.")
    if gegevens.get("andere_toezichthouders_op") and not toezichthouders:
        fouten["andere_toezichthouders"] = "Noem de toezichthouders die zijn ingelicht."
    if gegevens.get("risico") and gegevens["risico"] not in Risico.values:
        fouten["risico"] = "Kies geen risico, risico of hoog risico."
    if gegevens.get("risico") and not (gegevens.get("risico_motivering") or "").strip():
        fouten["risico_motivering"] = "Motiveer de risicobeoordeling."
    if fouten:
        raise ValidationError(fouten)


def _link(datalek):
    return reverse("datalekken:detail", kwargs={"uuid": datalek.uuid})


RELATED = ("gemeente", "team")


@transaction.atomic
def datalek_melden(*, door, gemeente, gegevens, verwerkingen=(), nu=None):
    """Any employee reports a possible datalek; the privacy officers hear of it at once."""
    nu = nu or timezone.now()
    vereis(door, "datalekken.add_datalek", gemeente)
    gegevens = {veld: gegevens.get(veld) for veld in MELD_VELDEN if veld in gegevens}
    gegevens.setdefault("titel", "")
    gegevens.setdefault("omschrijving", "")
    gegevens.setdefault("ontdekt_op", None)
    if not gegevens.get("kennisname_op"):
        gegevens.pop("kennisname_op", None)  # it follows the discovery; errors are named there
    if not gegevens.get("team"):
        gegevens["team"] = team_van(door, gemeente)
    _valideer(gegevens, nu=nu, gemeente=gemeente)
    gegevens.setdefault("kennisname_op", gegevens["ontdekt_op"])
    datalek = Datalek(gemeente=gemeente, gemeld_door=door, gemeld_op=nu, status=Status.GEMELD, **gegevens)
    datalek.meld_deadline = meld_deadline(datalek.kennisname_op)
    opslaan(datalek, door=door, reden="Gemeld")
    gekoppeld = [v for v in verwerkingen if v.gemeente_id == gemeente.pk]
    if gekoppeld:
        datalek.verwerkingen.set(gekoppeld)
        opslaan(datalek, door=door, reden="Betrokken verwerkingen: " + ", ".join(sorted(v.naam for v in gekoppeld)))
    stap_melden(
        obj=datalek,
        stap="gemeld",
        ontvangers=gebruikers_met_rol(gemeente, Rol.PRIVACY_OFFICER, Rol.CISO),
        onderwerp=f"Nieuw datalek {datalek.kenmerk}: beoordeel het risico",
        tekst=f"Er is een mogelijk datalek gemeld. Beoordeel het risico. Is het meldplichtig, dan moet de "
        f"AP-melding uiterlijk {timezone.localtime(datalek.meld_deadline):%d-%m-%Y %H:%M} gedaan zijn.",
        link=_link(datalek),
        door=door,
        nu=nu,
    )
    return datalek


@transaction.atomic
def datalek_behandelen(*, datalek, door, gegevens, verwerkingen=None, reden="", nu=None, versie=None):
    """Record facts and the risk assessment. Kennisname is not among them: see kennisname_corrigeren."""
    nu = nu or timezone.now()
    datalek = vergrendel(datalek, versie=versie, related=RELATED)
    vereis(door, "datalekken.behandelen_datalek", datalek)
    WORKFLOW.controleer("wijzigen", datalek.status)
    onbekend = set(gegevens) - set(BEHANDEL_VELDEN)
    if onbekend:
        raise ValidationError(
            {
                veld: KENNISNAME_NIET_WIJZIGEN if veld == "kennisname_op" else "Dit veld bestaat niet."
                for veld in onbekend
            }
        )
    samen = {
        veld: getattr(datalek, veld)
        for veld in (
            "ontdekt_op",
            "begonnen_op",
            "beeindigd_op",
            "risico_motivering",
            "verwerker_naam",
            "soorten_gegevens",
            "andere_toezichthouders",
            "andere_toezichthouders_op",
        )
    }
    samen.update(gegevens)
    _valideer(samen, nu=nu, gemeente=datalek.gemeente)
    gewijzigd = [veld for veld, waarde in gegevens.items() if getattr(datalek, veld) != waarde]
    for veld in gewijzigd:
        setattr(datalek, veld, gegevens[veld])
    if "risico" in gewijzigd and datalek.risico:
        datalek.beoordeeld_op = nu
        datalek.status = WORKFLOW.controleer("beoordelen", datalek.status)
    nieuwe_verwerkingen = None
    if verwerkingen is not None:
        nieuwe_verwerkingen = {v.pk for v in verwerkingen if v.gemeente_id == datalek.gemeente_id}
        if nieuwe_verwerkingen != set(datalek.verwerkingen.values_list("pk", flat=True)):
            gewijzigd.append("verwerkingen")
        else:
            nieuwe_verwerkingen = None
    if gewijzigd:
        reden = reden or "Gewijzigd: " + ", ".join(_label(veld) for veld in gewijzigd)
        if nieuwe_verwerkingen is not None:
            datalek.verwerkingen.set(nieuwe_verwerkingen)
            namen = ", ".join(sorted(datalek.verwerkingen.values_list("naam", flat=True))) or "geen"
            reden += f" (betrokken verwerkingen nu: {namen})"
        opslaan(datalek, door=door, reden=reden)
    if "risico" in gewijzigd and datalek.risico:
        _beoordeling_melden(datalek, door=door, nu=nu)
    return datalek


KENNISNAME_NIET_WIJZIGEN = (
    "Kennisname wijzigt u niet met een bewerking: de privacy officer corrigeert het met 'Kennisname corrigeren', "
    "met een reden."
)
CORRECTIE_REDEN_MINIMUM = Datalek.klokstart.reden_minimum


def _moment(waarde):
    return f"{timezone.localtime(waarde):%d-%m-%Y %H:%M}"


def _kennisname_fout(datalek, kennisname_op, nu):
    """What is wrong with a corrected moment of kennisname: {"kennisname_op": message} or {}."""
    if kennisname_op is None:
        return {"kennisname_op": "Vul het gecorrigeerde moment van kennisname in."}
    try:
        _valideer({"kennisname_op": kennisname_op, "ontdekt_op": datalek.ontdekt_op}, nu=nu, gemeente=datalek.gemeente)
    except ValidationError as fout:
        return {veld: teksten[0] for veld, teksten in fout.message_dict.items()}
    if kennisname_op == datalek.kennisname_op:
        return {"kennisname_op": "Dit is al het vastgelegde moment van kennisname."}
    return {}


@transaction.atomic
def kennisname_corrigeren(*, datalek, door, kennisname_op, reden, reden_vertraging="", nu=None, versie=None):
    """Correct the moment of kennisname (privacy officer only, with a reason), through the kernel's
    clock-start correction (`privacy_portal.core.correcties`). The record keeps the original moment and
    who corrected it, when and why; the melddeadline is recomputed openly and its reminders fire again
    (scan.py). If the recorded AP melding falls after the new deadline, the reason for the delay is
    required (art. 33(1))."""
    nu = nu or timezone.now()
    datalek = vergrendel(datalek, versie=versie, related=RELATED)
    reden_vertraging = (reden_vertraging or "").strip()
    melding = datalek.meldingen.filter(soort=SoortMelding.MELDING).first()

    def te_laat(datalek):
        """The recorded melding falls after the deadline of the corrected kennisname."""
        return melding is not None and melding.gemeld_op > meld_deadline(kennisname_op)

    def fouten(datalek):
        fout = _kennisname_fout(datalek, kennisname_op, nu)
        if not fout and te_laat(datalek) and not melding.reden_vertraging.strip() and not reden_vertraging:
            fout["reden_vertraging"] = (
                "Met deze kennisname is de melding aan de AP na de deadline gedaan: vermeld de reden van de "
                "vertraging (art. 33 lid 1)."
            )
        return fout

    def herbereken(datalek, oud_moment):
        oude_deadline = datalek.meld_deadline
        datalek.meld_deadline = meld_deadline(datalek.kennisname_op)
        return (
            f"Kennisname gecorrigeerd van {_moment(oud_moment)} naar {_moment(datalek.kennisname_op)}: "
            f"{datalek.kennisname_correctie_reden.rstrip('.')}. "
            f"Melddeadline AP van {_moment(oude_deadline)} naar {_moment(datalek.meld_deadline)}."
        )

    corrigeren(
        datalek,
        workflow=WORKFLOW,
        nieuw=kennisname_op,
        reden=reden,
        door=door,
        nu=nu,
        fouten=fouten,
        herbereken=herbereken,
    )
    if te_laat(datalek) and reden_vertraging:
        melding.reden_vertraging = reden_vertraging
        opslaan(melding, door=door, reden="Reden van de vertraging vastgelegd na correctie van kennisname")
    return datalek


def _beoordeling_melden(datalek, *, door, nu):
    """The risk is assessed: the melder hears the outcome; when the AP must be notified, the privacy
    officers get that work (unless one of them assessed it)."""
    risico = datalek.get_risico_display().lower()
    stap_melden(
        obj=datalek,
        stap="beoordeeld",
        ontvangers=[datalek.gemeld_door],
        onderwerp=f"Datalek {datalek.kenmerk}: risico beoordeeld",
        tekst=f"Het datalek dat u meldde is beoordeeld: {risico}. Dank voor uw melding.",
        link=_link(datalek),
        door=door,
        nu=nu,
        soort=Soort.UITKOMST,
    )
    if datalek.meldplichtig:
        stap_melden(
            obj=datalek,
            stap="meldplichtig",
            ontvangers=gebruikers_met_rol(datalek.gemeente, Rol.PRIVACY_OFFICER),
            onderwerp=f"Datalek {datalek.kenmerk}: meld het bij de AP",
            tekst=f"Het risico is beoordeeld als {risico}: het datalek moet bij de AP gemeld worden, uiterlijk "
            f"{timezone.localtime(datalek.meld_deadline):%d-%m-%Y %H:%M}.",
            link=_link(datalek),
            door=door,
            nu=nu,
        )


# What the AP's online form requires of the melder before a melding can be sent.
AP_VERPLICHT = ("melder_naam", "melder_functie", "melder_telefoon")
AP_ONTBREEKT = "Nog niet ingevuld; het meldformulier van de AP vraagt dit."
AP_WAAR = "Vul wat ontbreekt eerst in bij 'Beoordelen en aanvullen' en leg dan de melding vast."


def ap_melding_bezwaren(datalek):
    """{field: message} for each field the AP's form requires that the datalek does not have yet:
    the melder's name, function and phone, and which art. 9 category when special data are involved."""
    bezwaren = {veld: AP_ONTBREEKT for veld in AP_VERPLICHT if not (getattr(datalek, veld) or "").strip()}
    if SoortGegevens.BIJZONDER in (datalek.soorten_gegevens or []) and not datalek.bijzondere_categorieen:
        bezwaren["bijzondere_categorieen"] = (
            "Nog niet ingevuld; bij bijzondere persoonsgegevens vraagt het meldformulier van de AP welke (art. 9 AVG)."
        )
    return bezwaren


@transaction.atomic
def melding_ap_vastleggen(
    *, datalek, door, soort, gemeld_op, ap_referentie="", reden_vertraging="", toelichting="", nu=None, versie=None
):
    """Record a (first, supplementary or withdrawing) notification to the AP."""
    nu = nu or timezone.now()
    datalek = vergrendel(datalek, versie=versie, related=RELATED)
    vereis(door, "datalekken.melden_ap_datalek", datalek)
    WORKFLOW.controleer("melden_ap", datalek.status)
    fouten = {}
    if soort not in SoortMelding.values:
        fouten["soort"] = "Kies melding, aanvulling of intrekking."
    if gemeld_op is None:
        fouten["gemeld_op"] = "Vul in wanneer de melding is gedaan."
    elif moment_fout(gemeld_op, nu):
        fouten["gemeld_op"] = moment_fout(gemeld_op, nu)
    eerste = datalek.meldingen.filter(soort=SoortMelding.MELDING).first()
    if soort == SoortMelding.MELDING and eerste:
        fouten["soort"] = "Er is al een melding; leg een aanvulling of intrekking vast."
    if soort in (SoortMelding.AANVULLING, SoortMelding.INTREKKING) and not eerste:
        fouten["soort"] = "Leg eerst de melding zelf vast."
    if soort == SoortMelding.MELDING and not ap_referentie.strip():
        fouten["ap_referentie"] = "Vul het meldnummer van de AP in."
    ontbreekt = ap_melding_bezwaren(datalek) if soort == SoortMelding.MELDING else {}
    fouten.update(ontbreekt)
    if (
        soort == SoortMelding.MELDING
        and gemeld_op
        and gemeld_op > datalek.meld_deadline
        and not reden_vertraging.strip()
    ):
        fouten["reden_vertraging"] = (
            "De melding is na de deadline gedaan: vermeld de reden van de vertraging (art. 33 lid 1)."
        )
    if ontbreekt:
        fouten[NON_FIELD_ERRORS] = AP_WAAR  # one sentence on where to fill them in, after the fields
    if fouten:
        raise ValidationError(fouten)
    melding = MeldingAP(
        datalek=datalek,
        soort=soort,
        gemeld_op=gemeld_op,
        ap_referentie=ap_referentie.strip(),
        reden_vertraging=reden_vertraging.strip(),
        toelichting=toelichting.strip(),
        vastgelegd_door=door,
    )
    opslaan(melding, door=door, reden=f"{melding.get_soort_display()} aan de AP vastgelegd")
    if datalek.status == Status.GEMELD:
        datalek.status = Status.IN_BEHANDELING
    opslaan(datalek, door=door, reden=f"{melding.get_soort_display()} aan de AP vastgelegd")
    return melding


@transaction.atomic
def betrokkenen_informeren(
    *,
    datalek,
    door,
    geinformeerd_op=None,
    wijze="",
    aantal=None,
    uitzondering="",
    motivering="",
    mededeling_op=None,
    mededeling_medium="",
    mededeling_tekst="",
    nu=None,
    versie=None,
):
    """Record that the betrokkenen were informed (art. 34), or which exception of 34(3) applies and why.
    The exception of 34(3)(c) replaces the individual message by a public communication: its date,
    medium and text (or link) are then recorded too."""
    nu = nu or timezone.now()
    datalek = vergrendel(datalek, versie=versie, related=RELATED)
    vereis(door, "datalekken.behandelen_datalek", datalek)
    WORKFLOW.controleer("informeren", datalek.status)
    fouten = {}
    if uitzondering:
        if uitzondering not in Uitzondering343.values:
            fouten["uitzondering"] = "Kies een uitzondering uit art. 34 lid 3."
        if not motivering.strip():
            fouten["motivering"] = "Motiveer waarom de uitzondering geldt."
        if uitzondering == Uitzondering343.ONEVENREDIG:
            if mededeling_op is None:
                fouten["mededeling_op"] = "Vul in wanneer de openbare mededeling is gedaan (art. 34 lid 3 onder c)."
            elif moment_fout(mededeling_op, nu):
                fouten["mededeling_op"] = moment_fout(mededeling_op, nu)
            if not (mededeling_medium or "").strip():
                fouten["mededeling_medium"] = (
                    "Vul in waar de openbare mededeling is gedaan (website, krant, persbericht)."
                )
            if not (mededeling_tekst or "").strip():
                fouten["mededeling_tekst"] = "Leg de tekst van de openbare mededeling vast, of de link ernaar."
    else:
        if geinformeerd_op is None:
            fouten["geinformeerd_op"] = "Vul in wanneer de betrokkenen zijn geïnformeerd."
        elif moment_fout(geinformeerd_op, nu):
            fouten["geinformeerd_op"] = moment_fout(geinformeerd_op, nu)
        if not wijze.strip():
            fouten["wijze"] = "Vul in hoe de betrokkenen zijn geïnformeerd (brief, e-mail, telefoon)."
        if aantal is not None and aantal < 0:
            fouten["aantal"] = "Het aantal kan niet negatief zijn."
    if fouten:
        raise ValidationError(fouten)
    datalek.betrokkenen_geinformeerd_op = None if uitzondering else geinformeerd_op
    datalek.betrokkenen_wijze = "" if uitzondering else wijze.strip()
    datalek.betrokkenen_aantal_geinformeerd = None if uitzondering else aantal
    datalek.uitzondering_34_3 = uitzondering
    datalek.uitzondering_motivering = motivering.strip() if uitzondering else ""
    openbaar = uitzondering == Uitzondering343.ONEVENREDIG
    datalek.openbare_mededeling_op = mededeling_op if openbaar else None
    datalek.openbare_mededeling_medium = (mededeling_medium or "").strip() if openbaar else ""
    datalek.openbare_mededeling_tekst = (mededeling_tekst or "").strip() if openbaar else ""
    opslaan(
        datalek,
        door=door,
        reden="Uitzondering art. 34 lid 3 vastgelegd" if uitzondering else "Betrokkenen geïnformeerd",
    )
    return datalek


def afsluit_bezwaren(datalek):
    """Why the datalek cannot be closed yet; empty when it can."""
    bezwaren = {}
    if not datalek.risico:
        bezwaren["risico"] = "Beoordeel eerst het risico."
    elif not datalek.risico_motivering.strip():
        bezwaren["risico_motivering"] = "Leg de motivering van de risicobeoordeling vast."
    if datalek.meldplichtig:
        meldingen = list(datalek.meldingen.all())
        ingetrokken = any(m.soort == SoortMelding.INTREKKING for m in meldingen)
        if not any(m.soort == SoortMelding.MELDING for m in meldingen) or ingetrokken:
            bezwaren["melding"] = "Bij risico moet de melding aan de AP zijn vastgelegd voordat u afsluit."
    if datalek.risico == Risico.HOOG and not (datalek.betrokkenen_geinformeerd_op or datalek.uitzondering_34_3):
        bezwaren["betrokkenen"] = (
            "Bij hoog risico: leg vast dat de betrokkenen zijn geïnformeerd, of welke uitzondering geldt."
        )
    if datalek.loopt_nog:
        bezwaren["loopt_nog"] = "Het lek loopt volgens de registratie nog."
    # Not notified because there is no risk: art. 33(5) asks the documentation (a notifiable datalek
    # cannot be closed without its melding at all, see above).
    if datalek.risico == Risico.GEEN and not any(m.soort == SoortMelding.MELDING for m in datalek.meldingen.all()):
        for veld, tekst in _documentatie_bezwaren(datalek).items():
            bezwaren.setdefault(veld, tekst)
    return bezwaren


# Art. 33(5): a datalek that is not notified to the AP is documented well enough for the AP to check
# the decision later: the facts, the effects and the remedial action, each in a few real words.
DOCUMENTATIE_MINIMUM = 20
DOCUMENTATIE_33_5 = {
    "omschrijving": "de feiten (wat is er gebeurd)",
    "risico_motivering": "de motivering van de risicobeoordeling",
    "mogelijke_gevolgen": "de gevolgen voor de betrokkenen",
    "genomen_maatregelen": "de genomen maatregelen",
}


def _documentatie_bezwaren(datalek):
    bezwaren = {}
    for veld, wat in DOCUMENTATIE_33_5.items():
        if len((getattr(datalek, veld) or "").strip()) < DOCUMENTATIE_MINIMUM:
            bezwaren[veld] = (
                f"Niet gemeld bij de AP: leg {wat} vast in ten minste {DOCUMENTATIE_MINIMUM} tekens "
                "(art. 33 lid 5 AVG)."
            )
    return bezwaren


@transaction.atomic
def datalek_afsluiten(*, datalek, door, motivering="", nu=None, versie=None):
    nu = nu or timezone.now()
    datalek = vergrendel(datalek, versie=versie, related=RELATED)
    vereis(door, "datalekken.afsluiten_datalek", datalek)
    datalek.status = WORKFLOW.controleer("afsluiten", datalek.status)
    bezwaren = afsluit_bezwaren(datalek)
    if bezwaren:
        raise ValidationError(bezwaren)
    datalek.afgesloten_op = nu
    datalek.afsluit_motivering = motivering.strip()
    opslaan(datalek, door=door, reden="Afgesloten" + (f": {motivering.strip()}" if motivering.strip() else ""))
    return datalek


@transaction.atomic
def datalek_heropenen(*, datalek, door, reden, versie=None):
    if not (reden or "").strip():
        raise ValidationError({"reden": "Geef aan waarom u het datalek heropent."})
    datalek = vergrendel(datalek, versie=versie, related=RELATED)
    vereis(door, "datalekken.afsluiten_datalek", datalek)
    datalek.status = WORKFLOW.controleer("heropenen", datalek.status)
    datalek.afgesloten_op = None
    opslaan(datalek, door=door, reden=f"Heropend: {reden.strip()}")
    return datalek
