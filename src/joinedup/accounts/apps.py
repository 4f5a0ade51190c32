from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "joinedup.accounts"
    verbose_name = "People and their permissions"
