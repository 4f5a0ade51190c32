from __future__ import annotations

from django.apps import AppConfig


class PublishingConfig(AppConfig):
    name = "joinedup.publishing"
    verbose_name = "Publishing and consultation"
