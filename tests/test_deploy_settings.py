"""Production settings pass Django's deployment checks and refuse to start with weak secrets."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOOD_KEY = "k3y-" + "x7Qp9vLm2Rt8Wz4Yb6Nc1Hd5Jf0Gs3Ke" * 2


def _check(**extra: str) -> subprocess.CompletedProcess:
    # The browser tests' DJANGO_ALLOW_ASYNC_UNSAFE must not leak into a deployment check.
    env = {k: v for k, v in os.environ.items()
           if not k.startswith("JOINEDUP_") and k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env.update({"DJANGO_SETTINGS_MODULE": "joinedup.settings.production", **extra})
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
    )


def test_check_deploy_passes_with_production_settings():
    result = _check(JOINEDUP_SECRET_KEY=GOOD_KEY, JOINEDUP_ALLOWED_HOSTS="plan.example.org")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key():
    result = _check(JOINEDUP_ALLOWED_HOSTS="plan.example.org")
    assert result.returncode != 0
    assert "JOINEDUP_SECRET_KEY must be set" in result.stderr


def test_production_refuses_a_short_secret_key():
    result = _check(JOINEDUP_SECRET_KEY="short", JOINEDUP_ALLOWED_HOSTS="plan.example.org")
    assert "at least 50 random characters" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts():
    result = _check(JOINEDUP_SECRET_KEY=GOOD_KEY)
    assert "JOINEDUP_ALLOWED_HOSTS must list" in result.stderr


def _setting(name: str, **extra: str) -> str:
    env = {k: v for k, v in os.environ.items() if not k.startswith("JOINEDUP_")}
    env.update({"DJANGO_SETTINGS_MODULE": "joinedup.settings.production",
                "JOINEDUP_SECRET_KEY": GOOD_KEY, "JOINEDUP_ALLOWED_HOSTS": "plan.example.org",
                **extra})
    code = f"import django; django.setup(); from django.conf import settings; print(settings.{name})"
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_production_shares_the_cache_between_workers_through_the_database():
    caches = _setting("CACHES")
    assert "DatabaseCache" in caches and "joinedup_cache" in caches


def test_production_can_be_told_to_keep_the_cache_per_process():
    assert "LocMemCache" in _setting("CACHES", JOINEDUP_CACHE="memory")
