from django.urls import path

from . import api, views

app_name = "checker"

urlpatterns = [
    path("", views.check, name="check"),
    path("tokens/", views.tokens, name="tokens"),
    path("tokens/<int:token_id>/revoke/", views.token_revoke, name="token_revoke"),
    path("api/v1/judge", api.judge, name="api_judge"),
    path("api/v1/openapi.json", api.openapi, name="api_openapi"),
]
