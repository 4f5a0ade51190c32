from django.apps import AppConfig


class PagesConfig(AppConfig):
    name = "joinedup.pages"
    verbose_name = "Pages"
