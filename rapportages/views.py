"""Dashboard and reports (placeholder until issue 7 is built)."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render


@login_required
def dashboard(request):
    return render(request, "core/fout.html", {"titel": "Nog niet beschikbaar", "tekst": "Het dashboard volgt."})
