from django.urls import path

from . import views

app_name = "connections"

urlpatterns = [
    path("", views.upload, name="upload"),
    path("audits/<int:audit_id>/", views.result, name="result"),
    path("matches/<int:match_id>/removed/", views.mark_removed, name="removed"),
    path("matches/<int:match_id>/declare/", views.declare, name="declare"),
    path("declarations/", views.queue, name="queue"),
    path("declarations/<int:declaration_id>/decide/", views.decide, name="decide"),
    path("completion/", views.completion, name="completion"),
]
