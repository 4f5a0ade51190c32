"""Check the unseen test set: files open, gold texts match, README counts are right.

Usage:  .venv/bin/python eval/unseen/check.py            # check, exit 1 on any problem
        .venv/bin/python eval/unseen/check.py --counts   # also print the count tables

Reads the plan files directly (openpyxl / python-docx / csv); it does not use
build.py or anything from the joinedup package.
"""
import csv
import re
import sys
from collections import Counter
from pathlib import Path

import yaml
from docx import Document
from openpyxl import load_workbook

HERE = Path(__file__).resolve().parent
AREAS = {"harrowfield": "Harrowfield", "lynmouth": "Lynmouth Bay"}
# file -> name of the column holding the main action text
ACTION_COLUMN = {
    "harrowfield/harrowfield_council_hwb_action_plan_2025-26.xlsx": "What we will do",
    "harrowfield/harrowfield_place_partnership_delivery_plan_2025-26.docx": "Commitment",
    "harrowfield/harrowfield_together_vcs_action_plan.csv": "What we will do",
    "lynmouth/tarnside_dc_health_wellbeing_delivery_plan_2025-27.xlsx": "Action",
    "lynmouth/tarnside_kelbrook_csp_partnership_plan_2025-26.xlsx": "Action",
    "lynmouth/lynmouth_bay_hwb_joint_action_plan_2025-26.xlsx": "Action",
}
LABELS = ("duplicate", "synergy", "negative")

problems = []


def problem(msg):
    problems.append(msg)


def _s(v):
    return "" if v is None else str(v)


def read_xlsx(path, action_header):
    wb = load_workbook(path)
    all_cells = []
    for ws in wb.worksheets:
        for row in ws.iter_rows(values_only=True):
            all_cells.extend(_s(v) for v in row if v is not None)
    ws = wb.worksheets[0]
    rows = list(ws.iter_rows(values_only=True))
    hdr_i = next(i for i, r in enumerate(rows) if action_header in [_s(v) for v in r])
    col = [_s(v) for v in rows[hdr_i]].index(action_header)
    actions = [_s(r[col]) for r in rows[hdr_i + 1:] if col < len(r) and _s(r[col]).strip()]
    return actions, all_cells


def read_docx(path, action_header):
    doc = Document(path)
    all_cells = [p.text for p in doc.paragraphs if p.text]
    actions = []
    for t in doc.tables:
        seen = set()
        for ri, row in enumerate(t.rows):
            tcs = [c._tc for c in row.cells]
            for c in row.cells:
                if c._tc not in seen:  # keep the elements, ids of lxml proxies get reused
                    seen.add(c._tc)
                    if c.text:
                        all_cells.append(c.text)
            if ri == 0:
                if row.cells[0].text != action_header:
                    problem(f"{path.name}: table header starts with {row.cells[0].text!r}")
                continue
            if len(set(tcs)) == 1:  # spanning section row
                continue
            if row.cells[0].text.strip():
                actions.append(row.cells[0].text)
    return actions, all_cells


def read_csv(path, action_header):
    with open(path, newline="", encoding="utf-8-sig") as fh:
        rows = list(csv.reader(fh))
    all_cells = [c for r in rows for c in r if c]
    hdr_i = next(i for i, r in enumerate(rows) if action_header in r)
    col = rows[hdr_i].index(action_header)
    actions = [r[col] for r in rows[hdr_i + 1:] if col < len(r) and r[col].strip()]
    return actions, all_cells


def read_plan(rel):
    path = HERE / rel
    reader = {".xlsx": read_xlsx, ".docx": read_docx, ".csv": read_csv}[path.suffix]
    return reader(path, ACTION_COLUMN[rel])


def load_strategy(area):
    d = yaml.safe_load((HERE / area / "strategy.yaml").read_text(encoding="utf-8"))
    if set(d) != {"name", "priorities", "themes"}:
        problem(f"{area}/strategy.yaml keys {sorted(d)}")
    nums = [p["number"] for p in d["priorities"]]
    if nums != list(range(1, len(nums) + 1)):
        problem(f"{area}: priority numbers {nums}")
    in_themes = sorted(n for t in d["themes"] for n in t["priorities"])
    if in_themes != nums:
        problem(f"{area}: themes do not cover each priority exactly once: {in_themes}")
    return {p["number"]: p["name"] for p in d["priorities"]}


def main():
    strategies = {a: load_strategy(a) for a in AREAS}
    if not 6 <= len(strategies["harrowfield"]) <= 8:
        problem("Harrowfield should have 6-8 priorities")
    if not 8 <= len(strategies["lynmouth"]) <= 10:
        problem("Lynmouth Bay should have 8-10 priorities")

    plans = {}
    for rel in ACTION_COLUMN:
        try:
            plans[rel] = read_plan(rel)
        except Exception as e:
            problem(f"{rel}: could not read ({e!r})")
            plans[rel] = ([], [])

    with open(HERE / "gold_priorities.csv", newline="", encoding="utf-8") as fh:
        gold = list(csv.DictReader(fh))
    if gold and list(gold[0]) != ["area", "file", "action", "main_priority", "other_priorities"]:
        problem(f"gold_priorities.csv columns {list(gold[0])}")
    gold_keys = Counter((g["file"], g["action"]) for g in gold)
    for k, n in gold_keys.items():
        if n > 1:
            problem(f"gold_priorities.csv lists {k} {n} times")
    main_counts = Counter()
    other_counts = Counter()
    for g in gold:
        area, rel, action = g["area"], g["file"], g["action"]
        if area not in AREAS or not rel.startswith(area + "/") or rel not in plans:
            problem(f"bad area/file: {area} {rel}")
            continue
        n = plans[rel][1].count(action)
        if n != 1:
            problem(f"{rel}: gold action occurs {n} times: {action!r}")
        if action != action.strip():
            problem(f"{rel}: whitespace around {action!r}")
        prios = strategies[area]
        try:
            m = int(g["main_priority"])
            others = [int(x) for x in g["other_priorities"].split(";") if x.strip()]
        except ValueError:
            problem(f"non-numeric priority in {g}")
            continue
        if m not in prios or any(o not in prios for o in others):
            problem(f"priority out of range: {g}")
        if m in others or len(set(others)) != len(others):
            problem(f"main repeated in others / duplicate others: {g}")
        main_counts[(area, m)] += 1
        for o in others:
            other_counts[(area, o)] += 1
    file_counts = Counter(g["file"] for g in gold)
    for rel, (actions, _) in plans.items():
        labelled = {a for (f, a) in gold_keys if f == rel}
        missing = [a for a in actions if a not in labelled]
        extra = [a for a in labelled if a not in actions]
        if missing:
            problem(f"{rel}: {len(missing)} action rows without a gold label, e.g. {missing[0]!r}")
        if extra:
            problem(f"{rel}: {len(extra)} gold actions not found as action cells, e.g. {extra[0]!r}")
        if len(actions) != len(set(actions)):
            problem(f"{rel}: repeated action text")
        if not 25 <= len(actions) <= 40:
            problem(f"{rel}: {len(actions)} actions (want 25-40)")

    with open(HERE / "gold_pairs.csv", newline="", encoding="utf-8") as fh:
        pairs = list(csv.DictReader(fh))
    if pairs and list(pairs[0]) != ["area", "a_file", "a_action", "b_file", "b_action", "label", "note"]:
        problem(f"gold_pairs.csv columns {list(pairs[0])}")
    area_of = {(g["file"], g["action"]): g["area"] for g in gold}
    label_counts = Counter()
    seen_pairs = set()
    for p in pairs:
        a = (p["a_file"], p["a_action"])
        b = (p["b_file"], p["b_action"])
        if a not in area_of or b not in area_of:
            problem(f"pair action not in gold_priorities: {p['a_action'][:40]!r} / {p['b_action'][:40]!r}")
            continue
        if not (area_of[a] == area_of[b] == p["area"]):
            problem(f"pair crosses areas: {p}")
        if p["a_file"] == p["b_file"]:
            problem(f"pair within one file: {p['a_action'][:40]!r}")
        if p["label"] not in LABELS:
            problem(f"bad label {p['label']!r}")
        key = frozenset([a, b])
        if key in seen_pairs:
            problem(f"pair listed twice: {p['a_action'][:40]!r}")
        seen_pairs.add(key)
        label_counts[(p["area"], p["label"])] += 1
    pos = sum(n for (ar, lb), n in label_counts.items() if lb != "negative")
    neg = sum(n for (ar, lb), n in label_counts.items() if lb == "negative")
    if pos < 25:
        problem(f"only {pos} positive pairs")
    if neg < 20:
        problem(f"only {neg} negative pairs")

    # ---- README counts ---------------------------------------------------
    readme_path = HERE / "README.md"
    readme = readme_path.read_text(encoding="utf-8") if readme_path.exists() else ""
    if not readme:
        problem("README.md missing or empty")
    table = {}
    for line in readme.splitlines():
        if line.startswith("|") and not re.match(r"^\|\s*-", line):
            cells = [c.strip().strip("`") for c in line.strip().strip("|").split("|")]
            table.setdefault(cells[0], []).append(cells)

    def expect(key, col, value, what):
        rows = table.get(key)
        if not rows:
            problem(f"README: no table row for {what} ({key!r})")
            return
        got = [r[col] if col < len(r) else None for r in rows]
        if str(value) not in got:
            problem(f"README: {what} says {got}, actual {value}")

    for rel in ACTION_COLUMN:
        expect(rel, 3, file_counts[rel], f"actions in {rel}")
    expect("total actions", 1, len(gold), "total actions")
    for area, prios in strategies.items():
        for n, name in prios.items():
            rows = [r for r in table.get(AREAS[area], []) if len(r) >= 5 and r[1] == str(n)]
            if not rows:
                problem(f"README: no row for {AREAS[area]} priority {n}")
                continue
            r = rows[0]
            if r[2] != name:
                problem(f"README: {AREAS[area]} priority {n} named {r[2]!r}, strategy says {name!r}")
            if r[3] != str(main_counts[(area, n)]) or r[4] != str(other_counts[(area, n)]):
                problem(f"README: {AREAS[area]} priority {n} counts {r[3]}/{r[4]}, actual "
                        f"{main_counts[(area, n)]}/{other_counts[(area, n)]}")
    for lb in LABELS:
        har, lyn = label_counts[("harrowfield", lb)], label_counts[("lynmouth", lb)]
        expect(lb, 1, har, f"{lb} pairs Harrowfield")
        expect(lb, 2, lyn, f"{lb} pairs Lynmouth Bay")
        expect(lb, 3, har + lyn, f"{lb} pairs total")
    expect("total pairs", 3, len(pairs), "total pairs")

    if "--counts" in sys.argv:
        for rel in ACTION_COLUMN:
            print(f"{rel}: {file_counts[rel]}")
        print("total actions", len(gold))
        for area, prios in strategies.items():
            for n, name in prios.items():
                print(f"{AREAS[area]} | {n} | {name} | {main_counts[(area, n)]} | {other_counts[(area, n)]}")
        for lb in LABELS:
            print(lb, label_counts[("harrowfield", lb)], label_counts[("lynmouth", lb)])
        print("total pairs", len(pairs))

    if problems:
        print(f"{len(problems)} problem(s):")
        for p in problems:
            print(" -", p)
        sys.exit(1)
    print(f"OK: {len(gold)} labelled actions in {len(ACTION_COLUMN)} files, {len(pairs)} pairs "
          f"({pos} positive, {neg} negative)")


if __name__ == "__main__":
    main()
