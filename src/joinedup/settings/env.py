"""Typed readers for settings from the environment that fail loudly on bad values.

A mistyped value must stop the server at start-up with a message naming the
variable, never fall back silently to an insecure default.
"""

from __future__ import annotations

import os


class ImproperEnvironment(Exception):
    """An environment variable is missing or has a value we cannot use."""


def text(name: str, default: str | None = None) -> str:
    value = os.environ.get(name, default)
    if value is None or value == "":
        raise ImproperEnvironment(f"{name} must be set")
    return value


def flag(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    lowered = raw.strip().lower()
    if lowered in {"1", "true", "yes", "on"}:
        return True
    if lowered in {"0", "false", "no", "off"}:
        return False
    raise ImproperEnvironment(f"{name} must be true or false, got {raw!r}")


def integer(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    try:
        return int(raw)
    except ValueError:
        raise ImproperEnvironment(f"{name} must be a whole number, got {raw!r}") from None


def word_list(name: str, default: list[str]) -> list[str]:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    return [item.strip() for item in raw.split(",") if item.strip()]


def choice(name: str, options: tuple[str, ...], default: str) -> str:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    value = raw.strip().lower()
    if value not in options:
        raise ImproperEnvironment(f"{name} must be one of {', '.join(options)}, got {raw!r}")
    return value
