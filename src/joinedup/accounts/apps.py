from django.apps import AppConfig
from django.db.models.signals import post_migrate


def create_cache_table(sender, using="default", **kwargs) -> None:
    """Make the database cache's table whenever the database is migrated.

    With JOINEDUP_CACHE=database (the production default) rate-limit counters
    live in that table; creating it with the schema means a deployment that
    runs `migrate` cannot forget it. A no-op for other cache backends.
    """
    from django.core.management import call_command

    call_command("createcachetable", database=using, verbosity=0)


class AccountsConfig(AppConfig):
    name = "joinedup.accounts"
    verbose_name = "People and their permissions"

    def ready(self) -> None:
        post_migrate.connect(create_cache_table, sender=self,
                             dispatch_uid="joinedup.accounts.create_cache_table")
