from django.apps import AppConfig


class SitesConfig(AppConfig):
    name = "safesocial.sites"
    label = "sites"
