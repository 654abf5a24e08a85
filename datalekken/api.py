"""API of the datalekregister (filled in by its own module)."""

from rest_framework import viewsets


class DatalekViewSet(viewsets.GenericViewSet):
    pass
