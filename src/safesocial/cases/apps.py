from django.apps import AppConfig


class CasesConfig(AppConfig):
    name = "safesocial.cases"
    label = "cases"
