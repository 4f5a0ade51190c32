"""Targets, trajectories and progress status, with the rule stated in words.

Pure Python (no Django). A target runs from a baseline (value and date) to a
target value by a target date. The trajectory says where the indicator should
be on any date between: *linear* interpolates by days; *stepped* holds the
value of the last step whose date has passed (the baseline before the first).
Before the baseline the trajectory is the baseline; after the target date it is
the target.

Status of the latest value against the trajectory value at the end of its period:

* the *aim* is the direction from baseline to target (down when the target is
  lower). When target equals baseline ("maintain") the indicator's polarity
  decides; with no polarity either, a move either way counts as worse.
* **on track** — the value is at or better than the trajectory value;
* **at risk** — it is worse, but by no more than the tolerance, or its
  confidence interval still includes the trajectory value (so the shortfall may
  be chance);
* **off track** — it is worse by more than the tolerance and its confidence
  interval (when there is one) lies wholly on the wrong side;
* **no data** — there is no value to judge.

An inequality-gap target is the same arithmetic on the gap between the fifth
of areas with the lowest values and the whole population
(:func:`joinedup.stats.gap_to_population`), aiming down: a reduction of *p* %
by the target date makes the target gap baseline × (1 − p/100).
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

from numpy.typing import ArrayLike

from joinedup.stats.inequality import gap_to_population

STATUSES = ("on_track", "at_risk", "off_track", "no_data")
STATUS_LABELS = {"on_track": "On track", "at_risk": "At risk", "off_track": "Off track",
                 "no_data": "No data"}


@dataclass(frozen=True)
class Step:
    date: dt.date
    value: float


@dataclass(frozen=True)
class TargetSpec:
    baseline_value: float
    baseline_date: dt.date
    target_value: float
    target_date: dt.date
    polarity: str = "not_applicable"
    tolerance: float = 0.0
    trajectory: str = "linear"
    steps: tuple[Step, ...] = ()

    def __post_init__(self) -> None:
        if self.target_date <= self.baseline_date:
            raise ValueError("the target date must be after the baseline date")
        if self.trajectory not in ("linear", "stepped"):
            raise ValueError(f"trajectory must be 'linear' or 'stepped', got {self.trajectory!r}")
        if self.tolerance < 0:
            raise ValueError("the tolerance cannot be negative")


@dataclass(frozen=True)
class Observation:
    """The latest value: its period label, the date the trajectory is read at, and its CI."""

    value: float
    date: dt.date
    period: str
    lower: float | None = None
    upper: float | None = None


@dataclass(frozen=True)
class TargetStatus:
    status: str
    expected: float | None
    rule: str

    @property
    def label(self) -> str:
        return STATUS_LABELS[self.status]


def trajectory_value(spec: TargetSpec, on: dt.date) -> float:
    """Where the indicator should be on a date, by the target's trajectory."""
    if on <= spec.baseline_date:
        return spec.baseline_value
    if on >= spec.target_date:
        return spec.target_value
    if spec.trajectory == "stepped":
        passed = [step for step in sorted(spec.steps, key=lambda s: s.date) if step.date <= on]
        return passed[-1].value if passed else spec.baseline_value
    elapsed = (on - spec.baseline_date).days
    total = (spec.target_date - spec.baseline_date).days
    return spec.baseline_value + (spec.target_value - spec.baseline_value) * elapsed / total


def aim(spec: TargetSpec) -> str:
    """"down", "up" or "either": the direction that counts as better for this target."""
    if spec.target_value < spec.baseline_value:
        return "down"
    if spec.target_value > spec.baseline_value:
        return "up"
    return {"low_is_good": "down", "high_is_good": "up"}.get(spec.polarity, "either")


def target_status(spec: TargetSpec, latest: Observation | None, subject: str = "value") -> TargetStatus:
    """Judge the latest value against the trajectory, and say how in one sentence.

    ``subject`` names what is measured in the sentence ("value", or "gap" for a gap target).
    """
    if latest is None or latest.value is None or math.isnan(latest.value):
        return TargetStatus("no_data", None, "There is no value yet to compare with the trajectory.")
    expected = trajectory_value(spec, latest.date)
    direction = aim(spec)
    shortfall = _shortfall(latest.value, expected, direction)
    side = "above" if latest.value > expected else "below"
    opening = f"Latest {subject} {fmt(latest.value)} ({latest.period}) is"
    against = f"the trajectory value of {fmt(expected)} for {latest.period}"
    if shortfall <= 0:
        where = "equal to" if latest.value == expected else f"{side}"
        why = "" if latest.value == expected or direction == "either" else \
            f", where {'lower' if direction == 'down' else 'higher'} is better"
        return TargetStatus("on_track", expected,
                            f"{opening} {where} {against}{why}, so it is on track.")
    gap = f"{opening} {side} {against} by {fmt(shortfall)}"
    if shortfall <= spec.tolerance:
        return TargetStatus("at_risk", expected,
                            f"{gap}, within the {fmt(spec.tolerance)} tolerance, so it is at risk.")
    beyond = f"{gap}, more than the {fmt(spec.tolerance)} tolerance"
    interval = _interval(latest)
    if interval and _includes(latest, expected):
        return TargetStatus("at_risk", expected,
                            f"{beyond}, but its confidence interval ({interval}) includes the "
                            "trajectory value, so it is at risk.")
    if interval:
        return TargetStatus("off_track", expected,
                            f"{beyond}, and its confidence interval ({interval}) does not include "
                            "it, so it is off track.")
    return TargetStatus("off_track", expected, f"{beyond}, so it is off track.")


def gap_target_value(baseline_gap: float, reduction_percent: float) -> float:
    """The gap to reach: the baseline gap reduced by ``reduction_percent`` per cent."""
    if not 0 <= reduction_percent <= 100:
        raise ValueError("the reduction must be a percentage from 0 to 100")
    return baseline_gap * (1 - reduction_percent / 100)


def gap_spec(baseline_gap: float, baseline_date: dt.date, reduction_percent: float,
             target_date: dt.date, tolerance: float = 0.0) -> TargetSpec:
    """A linear target to reduce an inequality gap (lower is better)."""
    return TargetSpec(baseline_gap, baseline_date, gap_target_value(baseline_gap, reduction_percent),
                      target_date, polarity="low_is_good", tolerance=tolerance)


def measured_gap(values: ArrayLike, weights: ArrayLike | None = None,
                 population_value: float | None = None) -> float:
    """Gap between the fifth of areas with the lowest values and the whole population."""
    return gap_to_population(values, weights=weights, population_value=population_value).gap


def fmt(number: float) -> str:
    """A number as people write it: at most two decimals, no trailing zeros."""
    text = f"{number:,.2f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def _shortfall(value: float, expected: float, direction: str) -> float:
    """How far the value is on the wrong side (rounded so 18.2 − 17.7 is 0.5, not 0.4999…)."""
    if direction == "down":
        raw = value - expected
    elif direction == "up":
        raw = expected - value
    else:
        raw = abs(value - expected)
    return round(raw, 9)


def _interval(latest: Observation) -> str:
    if latest.lower is None or latest.upper is None:
        return ""
    if math.isnan(latest.lower) or math.isnan(latest.upper):
        return ""
    return f"{fmt(latest.lower)} to {fmt(latest.upper)}"


def _includes(latest: Observation, expected: float) -> bool:
    return latest.lower <= expected <= latest.upper
