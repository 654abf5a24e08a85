from .models import Notificatie


def ongelezen(request):
    """The number of unread notifications, for the header (one cheap count query)."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {"ongelezen_notificaties": Notificatie.objects.filter(ontvanger=user, gelezen_op__isnull=True).count()}
