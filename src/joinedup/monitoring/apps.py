from django.apps import AppConfig


class MonitoringConfig(AppConfig):
    name = "joinedup.monitoring"
    verbose_name = "Plan monitoring"
