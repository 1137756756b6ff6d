from django.contrib import admin
from django.urls import include, path

from safesocial.accounts import views as account_views

urlpatterns = [
    path("", account_views.home, name="home"),
    path("accounts/", include("safesocial.accounts.urls")),
    path("policies/", include("safesocial.policies.urls")),
    path("people/", include("safesocial.people.urls")),
    path("check/", include("safesocial.checker.urls")),
    path("connections/", include("safesocial.connections.urls")),
    path("sites/", include("safesocial.sites.urls")),
    path("cases/", include("safesocial.cases.urls")),
    path("monitoring/", include("safesocial.monitoring.urls")),
    path("admin/", admin.site.urls),
]
