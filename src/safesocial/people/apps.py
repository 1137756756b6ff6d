from django.apps import AppConfig


class PeopleConfig(AppConfig):
    name = "safesocial.people"
    label = "people"
