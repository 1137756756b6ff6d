from django.urls import path

from . import views

app_name = "monitoring"

urlpatterns = [
    path("", views.reports, name="reports"),
    path("upload/", views.upload, name="upload"),
    path("settings/<slug:school>/", views.settings_page, name="settings"),
]
