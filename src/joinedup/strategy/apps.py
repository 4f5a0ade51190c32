from django.apps import AppConfig


class StrategyConfig(AppConfig):
    name = "joinedup.strategy"
    verbose_name = "Strategy framework"
