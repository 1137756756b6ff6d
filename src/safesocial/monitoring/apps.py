from django.apps import AppConfig


class MonitoringConfig(AppConfig):
    name = "safesocial.monitoring"
    label = "monitoring"
