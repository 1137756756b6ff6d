from django.apps import AppConfig


class ConnectionsConfig(AppConfig):
    name = "safesocial.connections"
    label = "connections"
