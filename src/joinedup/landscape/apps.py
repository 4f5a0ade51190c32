from django.apps import AppConfig


class LandscapeConfig(AppConfig):
    name = "joinedup.landscape"
