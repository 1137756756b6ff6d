from django.urls import path

from . import api, views

app_name = "sites"

urlpatterns = [
    path("", views.register, name="register"),
    path("new/", views.new, name="new"),
    path("escalations/", views.escalations, name="escalations"),
    path("<int:site_id>/", views.detail, name="detail"),
    path("<int:site_id>/edit/", views.edit, name="edit"),
    path("<int:site_id>/transition/", views.transition, name="transition"),
    path("<int:site_id>/close/", views.close, name="close"),
    path("<int:site_id>/token/", views.token, name="token"),
    path("<int:site_id>/members/", views.members, name="members"),
    path("<int:site_id>/queue/", views.queue, name="queue"),
    path("<int:site_id>/queue/new/", views.item_new, name="item_new"),
    path("<int:site_id>/items/<int:item_id>/", views.item, name="item"),
    path("<int:site_id>/items/<int:item_id>/content/", views.item_content, name="item_content"),
    path("<int:site_id>/requests/", views.request_new, name="request_new"),
    path("<int:site_id>/requests/<int:request_id>/decide/", views.request_decide, name="request_decide"),
    path("api/v1/sites/<int:site_id>/items", api.items, name="api_items"),
    path("api/v1/sites/<int:site_id>/items/<int:item_id>", api.item, name="api_item"),
]
