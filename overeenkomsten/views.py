"""Pages of this register (placeholder until its issue is built)."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render


@login_required
def lijst(request):
    return render(request, "core/fout.html", {"titel": "Nog niet beschikbaar", "tekst": "Dit register volgt."})
