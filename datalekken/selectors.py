"""Every filtered read of the datalekregister, with the permissions applied."""

from collections import Counter
from datetime import timedelta

from django.db.models import Exists, OuterRef, Q, Subquery
from django.utils import timezone

from privacy_portal.organisaties.selectors import bereik_filter

from .constants import Oorzaak, Risico, SoortGegevens, SoortInbreuk, SoortMelding, Status
from .models import Datalek, MeldingAP


def datalekken_voor(user, perm="datalekken.view_datalek"):
    """Datalekken the user may see in detail: by role, plus the ones they reported themselves."""
    qs = Datalek.objects.select_related("gemeente", "team").annotate(
        is_gemeld_ap=Exists(MeldingAP.objects.filter(datalek=OuterRef("pk"), soort=SoortMelding.MELDING))
    )
    if user.is_anonymous:
        return qs.none()
    q = bereik_filter(user, perm)
    if perm == "datalekken.view_datalek":
        q |= Q(gemeld_door=user)
    return qs.filter(q)


def open_en_niet_gemeld(qs, meldingen=None):
    """Open datalekken whose AP notification may still be due (risk not 'geen') and is not recorded."""
    return qs.filter(klok_loopt_q(meldingen))


def _eerste_melding(meldingen=None):
    """The first notification of the datalek in the outer query; `OuterRef("id")` works on the
    datalekken and on their history. `meldingen`: the notifications to look at (by default all)."""
    meldingen = MeldingAP.objects.all() if meldingen is None else meldingen
    return meldingen.filter(datalek_id=OuterRef("id"), soort=SoortMelding.MELDING)


def gemeld_ap_q(meldingen=None):
    """The first notification to the AP is recorded."""
    return Q(Exists(_eerste_melding(meldingen)))


def op_tijd_gemeld_q(meldingen=None):
    """The first notification to the AP was made before the melddeadline."""
    return Q(Exists(_eerste_melding(meldingen).filter(gemeld_op__lte=OuterRef("meld_deadline"))))


def klok_loopt_q(meldingen=None):
    return ~Q(status=Status.AFGESLOTEN) & ~Q(risico=Risico.GEEN) & ~gemeld_ap_q(meldingen)


def melding_q(melding, nu, meldingen=None):
    """The AP-notification filters of the list and the dashboard's numbers behind them. `nu`: the
    moment of the clock; `meldingen`: the notifications recorded then (the history at a peildatum)."""
    meldplichtig = Q(risico__in=[Risico.RISICO, Risico.HOOG])
    return {
        "klok_loopt": klok_loopt_q(meldingen),
        "krap": klok_loopt_q(meldingen) & Q(meld_deadline__gte=nu, meld_deadline__lt=nu + timedelta(hours=24)),
        "verlopen": klok_loopt_q(meldingen) & Q(meld_deadline__lt=nu),
        "gemeld": gemeld_ap_q(meldingen),
        "meldplichtig": meldplichtig,
        "op_tijd": op_tijd_gemeld_q(meldingen),
        "te_laat": gemeld_ap_q(meldingen) & ~op_tijd_gemeld_q(meldingen),
        "meldplichtig_niet_gemeld": meldplichtig & ~gemeld_ap_q(meldingen),
        "kennisname_gecorrigeerd": Datalek.klokstart.gecorrigeerd_q(),
    }.get(melding, Q())


def filter_melding(qs, melding, nu, meldingen=None):
    """The AP-notification filters of the list (and the dashboard's numbers behind them)."""
    return qs.filter(melding_q(melding, nu, meldingen))


def filter_datalekken(
    qs,
    *,
    zoek="",
    status="",
    risico="",
    gemeente="",
    open_=None,
    melding="",
    gemeld_van=None,
    gemeld_tot=None,
    nu=None,
    meldingen=None,
):
    """`gemeld_van`/`gemeld_tot`: dates (both inclusive) of reporting in the portal, as in kwartaal_cijfers.
    Works on the history as well (see melding_q)."""
    if zoek:
        qs = qs.filter(Q(titel__icontains=zoek) | Q(omschrijving__icontains=zoek))
    if status:
        qs = qs.filter(status=status)
    if risico == "onbeoordeeld":
        qs = qs.filter(risico="")
    elif risico:
        qs = qs.filter(risico=risico)
    if gemeente:
        qs = qs.filter(gemeente__slug=gemeente)
    if open_ is True:
        qs = qs.exclude(status=Status.AFGESLOTEN)
    if melding:
        qs = filter_melding(qs, melding, nu or timezone.now(), meldingen)
    if gemeld_van:
        qs = qs.filter(gemeld_op__date__gte=gemeld_van)
    if gemeld_tot:
        qs = qs.filter(gemeld_op__date__lte=gemeld_tot)
    return qs


def _verdeling(tellingen, keuzes, leeg_label):
    """[(code, label, aantal)] for every choice in the order of the list, the empty code last."""
    rijen = [(code, label, tellingen.get(code, 0)) for code, label in keuzes.choices]
    if tellingen.get(""):
        rijen.append(("", leeg_label, tellingen[""]))
    return rijen


def kwartaal_cijfers(gemeente, van, tot):
    """Numbers for the quarterly evaluation: datalekken gemeld between van and tot (dates, tot exclusive).

    Everything is a count except `datalekken`, the rows themselves (annotated with their first AP
    notification): a view shows those only to users who may see the details, never to the college.
    A quarter holds few datalekken, so the JSON lists are counted in Python over the rows.
    """
    eerste = MeldingAP.objects.filter(datalek=OuterRef("pk"), soort=SoortMelding.MELDING).order_by("gemeld_op")
    qs = (
        Datalek.objects.filter(gemeente=gemeente, gemeld_op__date__gte=van, gemeld_op__date__lt=tot)
        .select_related("gemeente", "team")
        .annotate(
            gemeld_ap=Exists(eerste),
            op_tijd=Exists(eerste.filter(gemeld_op__lte=OuterRef("meld_deadline"))),
            ingetrokken=Exists(MeldingAP.objects.filter(datalek=OuterRef("pk"), soort=SoortMelding.INTREKKING)),
            eerste_melding_op=Subquery(eerste.values("gemeld_op")[:1]),
            meldnummer=Subquery(eerste.values("ap_referentie")[:1]),
            reden_vertraging=Subquery(eerste.values("reden_vertraging")[:1]),
        )
        .order_by("gemeld_op", "pk")
    )
    rijen = list(qs)
    meldplichtig = [d for d in rijen if d.meldplichtig]
    gemeld = [d for d in rijen if d.gemeld_ap]
    return {
        "aantal": len(rijen),
        "meldplichtig": len(meldplichtig),
        "niet_meldplichtig": sum(1 for d in rijen if d.risico == Risico.GEEN),
        "onbeoordeeld": sum(1 for d in rijen if not d.risico),
        "gemeld_ap": len(gemeld),
        "op_tijd": sum(1 for d in gemeld if d.op_tijd),
        "te_laat": sum(1 for d in gemeld if not d.op_tijd),
        "ingetrokken": sum(1 for d in gemeld if d.ingetrokken),
        "meldplichtig_niet_gemeld": sum(1 for d in meldplichtig if not d.gemeld_ap),
        "hoog_risico": sum(1 for d in rijen if d.risico == Risico.HOOG),
        "betrokkenen_geinformeerd": sum(1 for d in rijen if d.betrokkenen_geinformeerd_op),
        "uitzondering_34_3": sum(1 for d in rijen if d.uitzondering_34_3),
        "via_verwerker": sum(1 for d in rijen if d.via_verwerker),
        "kennisname_gecorrigeerd": sum(1 for d in rijen if d.kennisname_gecorrigeerd),
        "open": sum(1 for d in rijen if d.status != Status.AFGESLOTEN),
        "afgesloten": sum(1 for d in rijen if d.status == Status.AFGESLOTEN),
        "per_risico": _verdeling(Counter(d.risico for d in rijen), Risico, "Nog niet beoordeeld"),
        "per_oorzaak": _verdeling(Counter(d.oorzaak for d in rijen), Oorzaak, "Nog niet vastgesteld"),
        "per_soort_inbreuk": _verdeling(
            Counter(c for d in rijen for c in set(d.soort_inbreuk or [])), SoortInbreuk, ""
        ),
        "per_soort_gegevens": _verdeling(
            Counter(c for d in rijen for c in set(d.soorten_gegevens or [])), SoortGegevens, ""
        ),
        "datalekken": rijen,
    }
