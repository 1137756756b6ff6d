from django.apps import AppConfig


class CheckerConfig(AppConfig):
    name = "safesocial.checker"
    label = "checker"
