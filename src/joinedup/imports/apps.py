from django.apps import AppConfig


class ImportsConfig(AppConfig):
    name = "joinedup.imports"
    verbose_name = "Imports"
