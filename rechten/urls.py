from django.urls import path

from . import views

app_name = "rechten"

urlpatterns = [
    path("", views.lijst, name="lijst"),
]
