from django.urls import path

from . import views

app_name = "overeenkomsten"

urlpatterns = [
    path("", views.lijst, name="lijst"),
]
