"""Run one published PHEindicatormethods test case through joinedup.stats.

Each ``run_<method>`` maps the case's inputs onto our API and returns a dict of
outputs named as in the case file (value, lowercl, uppercl, extras).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np

from joinedup import stats

DATA = Path(__file__).parent / "data" / "phe_test_cases.json"


def load_cases() -> list[dict[str, Any]]:
    return json.loads(DATA.read_text())["cases"]


def _none_to_nan(values: list[Any]) -> np.ndarray:
    return np.array([np.nan if v is None else v for v in values], dtype=float)


def _interval(result: Any) -> dict[str, Any]:
    return {"value": result.value[0], "lowercl": result.lower[0], "uppercl": result.upper[0]}


def run_proportion(case: dict[str, Any]) -> dict[str, Any]:
    i = case["inputs"]
    r = stats.proportion([i["x"]], [i["n"]], conf_level=case["conf_level"], multiplier=i["multiplier"])
    return _interval(r)


def run_rate(case: dict[str, Any]) -> dict[str, Any]:
    i = case["inputs"]
    r = stats.rate([i["x"]], [i["n"]], conf_level=case["conf_level"], multiplier=i["multiplier"])
    out = _interval(r)
    if r.method[0]:
        out["method"] = r.method[0]
    return out


def run_byars(case: dict[str, Any]) -> dict[str, Any]:
    x, level = case["inputs"]["x"], case["conf_level"]
    return {
        "lowercl": stats.byars_lower([x], level)[0],
        "uppercl": stats.byars_upper([x], level)[0],
    }


def run_mean(case: dict[str, Any]) -> dict[str, Any]:
    r = stats.mean(case["inputs"]["values"], conf_level=case["conf_level"])
    out = _interval(r)
    out.update(value_sum=r.total[0], value_count=r.n[0], stdev=r.sd[0])
    return out


def run_dsr(case: dict[str, Any]) -> dict[str, Any]:
    i = case["inputs"]
    r = stats.dsr(
        _none_to_nan(i["x"]),
        _none_to_nan(i["n"]),
        standard_population=i["stdpop"],
        conf_level=case["conf_level"],
        multiplier=i["multiplier"],
        event_frequency=i.get("eventfreq"),
        age_band=i.get("ageband") if "eventfreq" in i else None,
    )
    out = _interval(r)
    out.update(total_count=r.total_count[0], total_pop=r.total_pop[0])
    return out


def _indirect(case: dict[str, Any], ratio: bool) -> dict[str, Any]:
    i = case["inputs"]
    x = _none_to_nan(i["x"]) if "x" in i else None
    total = [i["observed_total"]] if "observed_total" in i else None
    args = (x, _none_to_nan(i["n"]), _none_to_nan(i["x_ref"]), _none_to_nan(i["n_ref"]))
    if ratio:
        r = stats.smr(*args, conf_level=case["conf_level"], ref_value=i["refvalue"], observed_total=total)
    else:
        r = stats.isr(*args, conf_level=case["conf_level"], multiplier=i["multiplier"], observed_total=total)
    out = _interval(r)
    out.update(observed=r.observed[0], expected=r.expected[0])
    if not ratio:
        out["ref_rate"] = r.ref_rate[0]
    return out


def run_life_expectancy(case: dict[str, Any]) -> dict[str, Any]:
    i = case["inputs"]
    r = stats.life_expectancy(i["deaths"], i["population"], i["startage"], conf_level=case["conf_level"])
    return {
        "value": list(r.value),
        "lowercl": list(r.lower),
        "uppercl": list(r.upper),
        "pops_used": list(r.pops_used),
        "dths_used": list(r.deaths_used),
    }


def run_quantile(case: dict[str, Any]) -> dict[str, Any]:
    i = case["inputs"]
    r = stats.quantiles(_none_to_nan(i["values"]), n=i["nquantiles"], invert=i["invert"])
    return {"quantile": list(r.quantile)}


def run_sii(case: dict[str, Any]) -> dict[str, Any]:
    i = case["inputs"]
    r = stats.slope_index_of_inequality(
        quantile=i["quantile"],
        population=i["population"],
        value=i.get("value"),
        numerator=i.get("x"),
        se=i.get("se"),
        lower_cl=i.get("lower_cl"),
        upper_cl=i.get("upper_cl"),
        value_type=("normal", "rate", "proportion")[i["value_type"]],
        transform=i["transform"],
        multiplier=i["multiplier"],
        conf_level=case["conf_level"],
        seed=20240613,
    )
    return {
        "sii": r.sii,
        "rii": r.rii,
        "intercept": r.intercept,
        "sii_lower": r.sii_lower,
        "sii_upper": r.sii_upper,
        "rii_lower": r.rii_lower,
        "rii_upper": r.rii_upper,
    }


def run_funnel_limits(case: dict[str, Any]) -> dict[str, Any]:
    i = case["inputs"]
    table = stats.funnel_limits(
        numerator=i["numerator"],
        denominator=i.get("denominator"),
        statistic=i["statistic"],
        rate=i.get("rate"),
        multiplier=i["multiplier"],
        ratio_type=i.get("ratio_type"),
        rate_type=i.get("rate_type"),
        years_of_data=i.get("years_of_data"),
    )
    return {k: list(v) for k, v in table.columns.items()}


def run_funnel_significance(case: dict[str, Any]) -> dict[str, Any]:
    i = case["inputs"]
    labels = stats.funnel_significance(
        numerator=i["numerator"],
        denominator=i.get("denominator"),
        statistic=i["statistic"],
        rate=i.get("rate"),
        rate_type=i.get("rate_type"),
        multiplier=i.get("multiplier"),
    )
    return {"significance": list(labels)}


RUNNERS = {
    "proportion": run_proportion,
    "rate": run_rate,
    "byars": run_byars,
    "mean": run_mean,
    "dsr": run_dsr,
    "dsr_nonindependent": run_dsr,
    "isratio": lambda case: _indirect(case, ratio=True),
    "israte": lambda case: _indirect(case, ratio=False),
    "life_expectancy": run_life_expectancy,
    "quantile": run_quantile,
    "sii": run_sii,
    "funnel_limits": run_funnel_limits,
    "funnel_significance": run_funnel_significance,
}
