"""The public list of a gemeente's convenanten (Woo active publication), in B1 Dutch.

Only agreements of kind convenant marked openbaar; only the parties' names, the subject, the
plain-language summary and the duration. The document only when it is marked public as well.
Nothing internal: no team, owner, contacts, checklist, notes or other kinds of agreement.
"""

from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, render
from django.utils.text import slugify

from privacy_portal.organisaties.models import Gemeente

from . import selectors


def lijst(request, slug):
    gemeente = get_object_or_404(Gemeente, slug=slug)
    context = {"gemeente": gemeente, "convenanten": selectors.openbare_convenanten(gemeente)}
    return render(request, "overeenkomsten/openbaar.html", context)


def document(request, slug, uuid):
    gemeente = get_object_or_404(Gemeente, slug=slug)
    convenant = get_object_or_404(selectors.openbare_convenanten(gemeente), uuid=uuid)
    if not convenant.document_is_openbaar:
        raise Http404
    extensie = convenant.document.name.rsplit(".", 1)[-1].lower()
    return FileResponse(
        convenant.document.open("rb"),
        as_attachment=True,
        filename=f"convenant-{slugify(convenant.onderwerp)[:80]}.{extensie}",
    )
