"""PDF dossier per datalek and the quarterly overview (page and PDF)."""

from django.http import HttpResponse


def dossier(request, uuid):
    return HttpResponse("Nog niet beschikbaar", status=501)


def kwartaal(request, slug):
    return HttpResponse("Nog niet beschikbaar", status=501)
