from django.urls import path

from . import views

app_name = "dpia"

urlpatterns = [
    path("", views.lijst, name="lijst"),
]
