"""The plain-English summary at the top of the public plan, generated from a snapshot.

Short sentences and common words, so the summary reads at age 12 or under
(the readability test checks it on the demo plan).
"""

from __future__ import annotations

from joinedup.ingest.records import STATUS_LABELS

INTRO = (
    "This is the one joint plan of the partners who work together on health in this area. "
    "It lists what each of them will do. "
    "It says who leads each action, what will happen, by when, and how we will know it worked. "
    "We update it when the partners report their progress."
)
"""Fixed text shown above the summary; it is part of what the readability test reads."""


def count(n: int, thing: str, things: str | None = None) -> str:
    return f"{n} {thing if n == 1 else (things or thing + 's')}"


def _join(parts: list[str]) -> str:
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + " and " + parts[-1]


def progress_counts(actions: list[dict]) -> dict[str, int]:
    """How many actions have each status, in the order of the status list; zero counts left out."""
    counts = dict.fromkeys(STATUS_LABELS, 0)
    for action in actions:
        counts[action["status"]] = counts.get(action["status"], 0) + 1
    return {code: n for code, n in counts.items() if n}


def summary_sentences(content: dict) -> list[str]:
    actions = content["actions"]
    if not actions:
        return ["There are no actions in this plan yet."]
    strategy = content["strategy"]
    partners = {a["partner"] for a in actions} | {p for a in actions for p in a["contributing_partners"]}
    served = {n for a in actions for n in a["priority_numbers"]}
    unequal = sum(1 for a in actions if a["targets_inequalities"])
    share = round(100 * unequal / len(actions))
    sentences = [
        f"This plan has {count(len(actions), 'action')}.",
        f"They come from {count(len(partners), 'partner')}.",
        f"They work on {count(len(served), 'priority', 'priorities')} "
        f"out of the {len(strategy['priorities'])} in our plan.",
        f"{count(unequal, 'action')} ({share}%) aim to close gaps in health. "
        "These focus on groups or places where health is worse.",
    ]
    counts = progress_counts(actions)
    parts = [f"{n} {STATUS_LABELS.get(code, code).lower()}" for code, n in counts.items()]
    sentences.append(f"How the actions are going: {_join(parts)}.")
    return sentences
