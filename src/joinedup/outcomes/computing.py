"""`joinedup indicators compute`: run a `joinedup.stats` method over a CSV file (no database)."""

from __future__ import annotations

import csv
import math
from collections.abc import Callable
from pathlib import Path

import numpy as np

from joinedup import stats

METHODS = ("proportion", "rate", "mean", "dsr", "isr", "smr", "life-expectancy")

COLUMNS: dict[str, tuple[str, ...]] = {
    "proportion": ("numerator", "denominator"),
    "rate": ("numerator", "denominator"),
    "mean": ("value",),
    "dsr": ("numerator", "denominator"),
    "isr": ("numerator", "denominator", "ref_numerator", "ref_denominator"),
    "smr": ("numerator", "denominator", "ref_numerator", "ref_denominator"),
    "life-expectancy": ("start_age", "deaths", "population"),
}
"""The columns each method needs (besides the optional `group`)."""


class ComputeError(Exception):
    """Bad input: the message names the file, row and column and what was expected."""


def compute_file(method: str, source: Path, out: Path, *, conf_level: float = 0.95,
                 multiplier: float | None = None) -> int:
    """Read ``source``, compute ``method`` and write ``out``; returns the number of rows written."""
    if method not in METHODS:
        raise ComputeError(f"unknown method '{method}': expected one of {', '.join(METHODS)}")
    header, rows = _read(source)
    missing = [c for c in COLUMNS[method] if c not in header]
    if missing:
        raise ComputeError(f"{source.name}: {method} needs the column(s) {', '.join(missing)}; "
                           f"found {', '.join(header) or 'no columns'}")
    try:
        out_header, out_rows = RUNNERS[method](source.name, header, rows, conf_level, multiplier)
    except ValueError as error:
        raise ComputeError(f"{source.name}: {error}") from None
    try:
        with out.open("w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            writer.writerow(out_header)
            writer.writerows(out_rows)
    except OSError as error:
        raise ComputeError(f"{out}: cannot write ({error.strerror})") from None
    return len(out_rows)


def _read(source: Path) -> tuple[list[str], list[dict[str, str]]]:
    try:
        text = source.read_text(encoding="utf-8-sig")
    except OSError as error:
        raise ComputeError(f"{source}: cannot read the file ({error.strerror})") from None
    except UnicodeDecodeError:
        raise ComputeError(f"{source.name}: expected a CSV file saved as UTF-8") from None
    reader = csv.DictReader(text.splitlines())
    header = [h.strip() for h in reader.fieldnames or []]
    rows = [{k.strip(): (v or "").strip() for k, v in row.items() if k} for row in reader]
    if not rows:
        raise ComputeError(f"{source.name}: no data rows")
    return header, rows


def _numbers(name: str, rows: list[dict[str, str]], column: str) -> np.ndarray:
    values = []
    for number, row in enumerate(rows, start=2):
        raw = row.get(column, "").replace(",", "")
        if raw == "":
            values.append(math.nan)
            continue
        try:
            values.append(float(raw))
        except ValueError:
            raise ComputeError(f"{name}, row {number}, column '{column}': expected a number, "
                               f"found '{row.get(column)}'") from None
    return np.array(values, dtype=float)


def _groups(header: list[str], rows: list[dict[str, str]]) -> np.ndarray | None:
    return np.array([row.get("group", "") for row in rows], dtype=object) if "group" in header else None


def _cell(value) -> str:
    if isinstance(value, (float, np.floating)):
        return "" if math.isnan(value) else repr(float(value))
    return str(value)


def _per_row(header, rows, result) -> tuple[list[str], list[list[str]]]:
    out = [[row.get(h, "") for h in header] + [_cell(v), _cell(lo), _cell(hi), str(why)]
           for row, v, lo, hi, why in zip(rows, result.value, result.lower, result.upper,
                                          result.reason, strict=True)]
    return [*header, "value", "lower", "upper", "reason"], out


def _per_group(result) -> tuple[list[str], list[list[str]]]:
    out = [[str(g), _cell(v), _cell(lo), _cell(hi), str(why)]
           for g, v, lo, hi, why in zip(result.groups, result.value, result.lower, result.upper,
                                        result.reason, strict=True)]
    return ["group", "value", "lower", "upper", "reason"], out


def _proportion(name, header, rows, level, mult):
    result = stats.proportion(_numbers(name, rows, "numerator"), _numbers(name, rows, "denominator"),
                              conf_level=level, multiplier=1 if mult is None else mult)
    return _per_row(header, rows, result)


def _rate(name, header, rows, level, mult):
    result = stats.rate(_numbers(name, rows, "numerator"), _numbers(name, rows, "denominator"),
                        conf_level=level, multiplier=100_000 if mult is None else mult)
    return _per_row(header, rows, result)


def _mean(name, header, rows, level, mult):
    return _per_group(stats.mean(_numbers(name, rows, "value"), groups=_groups(header, rows),
                                 conf_level=level))


def _dsr(name, header, rows, level, mult):
    standard = _numbers(name, rows, "standard_population") if "standard_population" in header else None
    result = stats.dsr(_numbers(name, rows, "numerator"), _numbers(name, rows, "denominator"),
                       standard_population=standard, groups=_groups(header, rows), conf_level=level,
                       multiplier=100_000 if mult is None else mult)
    return _per_group(result)


def _indirect(method):
    def run(name, header, rows, level, mult):
        args = [_numbers(name, rows, c) for c in COLUMNS[method]]
        if method == "isr":
            result = stats.isr(*args, groups=_groups(header, rows), conf_level=level,
                               multiplier=100_000 if mult is None else mult)
        else:
            result = stats.smr(*args, groups=_groups(header, rows), conf_level=level,
                               ref_value=1 if mult is None else mult)
        return _per_group(result)
    return run


def _life_expectancy(name, header, rows, level, mult):
    result = stats.life_expectancy(_numbers(name, rows, "deaths"), _numbers(name, rows, "population"),
                                   _numbers(name, rows, "start_age"), groups=_groups(header, rows),
                                   conf_level=level)
    out = [[str(g), _cell(age), _cell(v), _cell(lo), _cell(hi), str(why)]
           for g, age, v, lo, hi, why in zip(result.groups, result.start_age, result.value,
                                              result.lower, result.upper, result.reason, strict=True)]
    return ["group", "start_age", "value", "lower", "upper", "reason"], out


RUNNERS: dict[str, Callable] = {
    "proportion": _proportion, "rate": _rate, "mean": _mean, "dsr": _dsr,
    "isr": _indirect("isr"), "smr": _indirect("smr"), "life-expectancy": _life_expectancy,
}
