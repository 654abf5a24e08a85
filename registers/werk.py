"""What waits for a person in the register van verwerkingen (the home page's work list).

- privacy officer: submitted verwerkingen ("Beoordeel en stel vast");
- teammanager: concepts of their team that came back ("Verwerk de opmerkingen") or are incomplete
  ("Vul aan en dien in");
- medewerker: concepts delegated to them ("Vul aan").

None of these steps has a deadline, so no item has one. Three queries, whatever the number of items.
"""

from django.urls import reverse

from privacy_portal.core.werklijst import WerkItem

from . import selectors

REGISTER = "Verwerkingen"


def _item(verwerking, actie, toelichting=""):
    return WerkItem(
        register=REGISTER,
        titel=verwerking.naam,
        actie=actie,
        link=reverse("registers:detail", kwargs={"uuid": verwerking.uuid}),
        toelichting=toelichting,
    )


def werk_voor(user, nu):
    items = [
        _item(v, "Beoordeel en stel vast", f"Team {v.team.naam}")
        for v in selectors.ter_beoordeling_voor(user).order_by("naam", "pk")
    ]
    gezien = set()
    for v in selectors.concepten_van_mijn_teams(user).order_by("naam", "pk"):
        if v.afwijsreden:
            items.append(_item(v, "Verwerk de opmerkingen", f"Teruggestuurd: {v.afwijsreden}"))
        elif v.volledigheid < 100:
            items.append(_item(v, "Vul aan en dien in", f"{v.volledigheid}% ingevuld"))
        else:
            items.append(_item(v, "Dien in ter beoordeling", "Compleet, nog niet ingediend"))
        gezien.add(v.pk)
    items += [
        _item(v, "Vul aan", f"{v.volledigheid}% ingevuld")
        for v in selectors.gedelegeerd_aan(user).order_by("naam", "pk")
        if v.pk not in gezien
    ]
    return items
