from django import forms

from privacy_portal.core.forms import NLDesignMixin


class CodeForm(NLDesignMixin, forms.Form):
    code = forms.CharField(
        label="Code",
        max_length=20,
        help_text="De zes cijfers uit uw authenticator-app, of een van uw herstelcodes.",
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "autocapitalize": "off", "spellcheck": "false"}),
    )


class NieuweAppForm(NLDesignMixin, forms.Form):
    code = forms.CharField(
        label="Code uit de app",
        max_length=10,
        help_text="De zes cijfers die de app nu toont.",
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )
