"""Rate-limit counters kept in the database are shared by every web worker."""

from __future__ import annotations

import pytest
from django.core.cache import caches
from django.core.management import call_command
from django.db import connection
from django.test import override_settings

from joinedup.accounts import throttle
from joinedup.settings.base import caches_for


@pytest.mark.django_db(transaction=True)
def test_a_second_worker_sees_the_first_workers_count():
    with override_settings(CACHES=caches_for("database")):
        call_command("createcachetable", verbosity=0)
        caches["default"].clear()
        # Worker one uses up the limit of 2 ...
        assert throttle.allow("reset-email", "jo@example.org", 2, 3600)
        assert throttle.allow("reset-email", "jo@example.org", 2, 3600)
        # ... the count is a row of the shared database table, where every other
        # process reads it (a per-process memory cache would leave the table empty) ...
        with connection.cursor() as cursor:
            cursor.execute("SELECT cache_key FROM joinedup_cache")
            keys = [row[0] for row in cursor.fetchall()]
        assert any(key.endswith(_key("reset-email", "jo@example.org")) for key in keys)
        # ... so a fresh connection, as another worker opens, refuses the third.
        other_worker = caches.create_connection("default")
        assert other_worker.get(_key("reset-email", "jo@example.org")) == 2
        assert not throttle.allow("reset-email", "jo@example.org", 2, 3600)


def _key(kind: str, subject: str) -> str:
    import hashlib

    return f"throttle:{kind}:{hashlib.sha256(subject.encode()).hexdigest()[:32]}"


def test_memory_is_per_process_and_database_is_shared():
    assert caches_for("memory")["default"]["BACKEND"].endswith("LocMemCache")
    assert caches_for("database")["default"] == {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "joinedup_cache"}


@pytest.mark.django_db(transaction=True)
def test_migrating_creates_the_cache_table():
    with override_settings(CACHES=caches_for("database")):
        with connection.cursor() as cursor:
            cursor.execute("DROP TABLE IF EXISTS joinedup_cache")
        assert "joinedup_cache" not in connection.introspection.table_names()
        call_command("migrate", verbosity=0, interactive=False)
        assert "joinedup_cache" in connection.introspection.table_names()
