"""The in-portal inbox: each user sees only their own notifications."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from . import services
from .models import Notificatie


@login_required
def inbox(request):
    qs = Notificatie.objects.filter(ontvanger=request.user).order_by("-aangemaakt_op")
    pagina = Paginator(qs, 25).get_page(request.GET.get("pagina"))
    return render(request, "notificaties/inbox.html", {"pagina": pagina, "query": ""})


@login_required
@require_POST
def openen(request, uuid):
    notificatie = get_object_or_404(Notificatie, uuid=uuid, ontvanger=request.user)
    services.markeer_gelezen(notificatie=notificatie, door=request.user)
    if notificatie.link and url_has_allowed_host_and_scheme(notificatie.link, allowed_hosts=None):
        return redirect(notificatie.link)
    return redirect("notificaties:inbox")
