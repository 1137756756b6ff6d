from django.urls import path

from . import views

app_name = "policies"

urlpatterns = [
    path("", views.policy_list, name="list"),
    path("adopt/", views.adopt_start, name="adopt_start"),
    path("adopt/<slug:school>/<str:pack_id>/", views.adopt, name="adopt"),
    path("dashboard/", views.dashboard, name="dashboard"),
    path("<int:version_id>/", views.detail, name="detail"),
    path("<int:version_id>/pdf/", views.detail_pdf, name="pdf"),
    path("<int:version_id>/acknowledge/", views.acknowledge, name="acknowledge"),
    path("<int:version_id>/publish/", views.publish, name="publish"),
    path("<int:version_id>/review/", views.review, name="review"),
    path("<int:version_id>/remind/", views.remind, name="remind"),
]
