from django.apps import AppConfig


class OutcomesConfig(AppConfig):
    name = "joinedup.outcomes"
    verbose_name = "Outcomes, indicators and targets"
