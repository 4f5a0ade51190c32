from django.apps import AppConfig


class SynergiesConfig(AppConfig):
    name = "joinedup.synergies"
    verbose_name = "Synergies, suggestions and plan health findings"
