from django.urls import path

from . import views

app_name = "overeenkomsten"

urlpatterns = [
    path("", views.lijst, name="lijst"),
    path("nieuw/", views.nieuw, name="nieuw"),
    path("export.<str:formaat>", views.exporteer, name="export"),
    path("importeren/", views.import_upload, name="import"),
    path("importeren/<uuid:uuid>/", views.import_voorbeeld, name="import-voorbeeld"),
    path("importeren/<uuid:uuid>/verslag/", views.import_verslag, name="import-verslag"),
    path("<uuid:uuid>/", views.detail, name="detail"),
    path("<uuid:uuid>/bewerken/", views.bewerken, name="bewerken"),
    path("<uuid:uuid>/checklist/", views.checklist_opslaan, name="checklist"),
    path("<uuid:uuid>/review/", views.review, name="review"),
    path("<uuid:uuid>/document/", views.document, name="document"),
    path("<uuid:uuid>/document/uploaden/", views.document_uploaden, name="document-uploaden"),
    path("<uuid:uuid>/document/vrijgeven/", views.document_vrijgeven, name="document-vrijgeven"),
    path("<uuid:uuid>/historie/", views.historie, name="historie"),
]
