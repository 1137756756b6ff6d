from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "safesocial.accounts"
    label = "accounts"
