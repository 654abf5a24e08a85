"""Import of a register from a spreadsheet: upload, column mapping, preview, confirm."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse


@login_required
def upload(request):
    return HttpResponse("Nog niet beschikbaar", status=501)


koppelen = voorbeeld = upload
