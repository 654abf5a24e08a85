"""Admin of the reports: the archive and the FG's findings read-only; the house style per gemeente
is edited here by administrators, through the service."""

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from simple_history.admin import SimpleHistoryAdmin

from privacy_portal.core.admin import AlleenLezenAdmin

from . import services
from .models import FgBevindingen, GemeenteThema, Rapportage


@admin.register(Rapportage)
class RapportageAdmin(AlleenLezenAdmin):
    list_display = ["soort", "gemeente", "periode_van", "periode_tot", "status", "aangevraagd_door", "aangevraagd_op"]
    list_filter = ["gemeente", "soort", "status"]


@admin.register(FgBevindingen)
class FgBevindingenAdmin(AlleenLezenAdmin):
    """The FG writes these in the portal (Dashboard > Bevindingen FG)."""

    list_display = ["gemeente", "jaar", "gewijzigd_door", "gewijzigd_op"]


class GemeenteThemaForm(forms.ModelForm):
    class Meta:
        model = GemeenteThema
        fields = ["gemeente", "naam", "primaire_kleur", "logo"]
        widgets = {"primaire_kleur": forms.TextInput(attrs={"type": "color"})}


@admin.register(GemeenteThema)
class GemeenteThemaAdmin(SimpleHistoryAdmin):
    form = GemeenteThemaForm
    list_display = ["naam", "gemeente", "primaire_kleur"]

    def get_readonly_fields(self, request, obj=None):
        return ["gemeente"] if obj else []

    def save_model(self, request, obj, form, change):
        data = form.cleaned_data
        logo = data.get("logo")
        try:
            opgeslagen = services.thema_opslaan(
                door=request.user,
                gemeente=obj.gemeente,
                naam=data["naam"],
                primaire_kleur=data["primaire_kleur"],
                logo=logo if logo and "logo" in form.changed_data else None,
                logo_wissen=logo is False,
            )
        except ValidationError as fout:  # already checked by the form's model validation; keep it visible
            self.message_user(request, "; ".join(fout.messages), level="error")
            return
        obj.pk, obj.logo = opgeslagen.pk, opgeslagen.logo  # the admin's log and redirect name the saved row
        obj._state.adding = False
