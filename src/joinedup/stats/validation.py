"""Shared argument checks and array coercion for the stats methods."""

from __future__ import annotations

import math

import numpy as np
from numpy.typing import ArrayLike
from scipy.special import ndtri


def check_conf_level(conf_level: float, *, allow_one: bool = False) -> float:
    """Return ``conf_level`` as a float, rejecting anything outside (0, 1).

    ``allow_one`` admits exactly 1 for the methods where the national
    convention defines it (Wilson proportions: limits 0 and 1).
    """
    try:
        level = float(conf_level)
    except (TypeError, ValueError):
        raise ValueError(f"conf_level must be a number in (0, 1), got {conf_level!r}") from None
    upper_ok = level <= 1 if allow_one else level < 1
    if not (math.isfinite(level) and level > 0 and upper_ok):
        bound = "(0, 1]" if allow_one else "(0, 1)"
        raise ValueError(f"conf_level must be in {bound}, got {conf_level!r}")
    return level


def check_multiplier(multiplier: float) -> float:
    value = float(multiplier)
    if not (math.isfinite(value) and value > 0):
        raise ValueError(f"multiplier must be a positive number, got {multiplier!r}")
    return value


def z_value(conf_level: float) -> float:
    """Two-sided standard normal quantile: 1.959964 at 95 %, 3.090232 at 99.8 %."""
    return float(ndtri(conf_level + (1 - conf_level) / 2))


def as_float(values: ArrayLike, name: str) -> np.ndarray:
    """Coerce to a 1-d float array; None becomes NaN."""
    arr = np.asarray(values, dtype=object if _has_none(values) else None)
    if arr.dtype == object:
        arr = np.array([np.nan if v is None else v for v in arr.ravel()], dtype=float)
    try:
        out = np.atleast_1d(arr.astype(float, copy=False))
    except (TypeError, ValueError):
        raise ValueError(f"{name} must be numeric") from None
    if out.ndim != 1:
        raise ValueError(f"{name} must be one-dimensional")
    return out


def _has_none(values: ArrayLike) -> bool:
    return isinstance(values, (list, tuple)) and any(v is None for v in values)


def reasons(conditions: list[np.ndarray], messages: list[str], size: int) -> np.ndarray:
    """First matching message per row ('' where none applies), as an object array."""
    out = np.full(size, "", dtype=object)
    for cond, msg in zip(reversed(conditions), reversed(messages), strict=True):
        out[cond] = msg
    return out
