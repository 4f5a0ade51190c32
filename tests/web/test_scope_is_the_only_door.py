"""Views must reach partnership-owned rows through a Scope, never through a model manager."""

from __future__ import annotations

import re
from pathlib import Path

import joinedup

OWNED = ("Action", "ProgressUpdate", "Plan", "Priority", "Theme", "Category", "Membership")
DIRECT = re.compile(r"\b(" + "|".join(OWNED) + r")\.(objects|everything|deleted)\b")


def _view_modules() -> list[Path]:
    root = Path(joinedup.__file__).parent
    return sorted(p for p in root.rglob("*.py") if p.name == "views.py" or "views" in p.parts)


def test_view_modules_exist_to_be_checked():
    assert _view_modules()


def test_no_view_reaches_a_partnership_owned_model_directly():
    offenders = [
        f"{path.name}:{n}: {line.strip()}"
        for path in _view_modules()
        for n, line in enumerate(path.read_text().splitlines(), 1)
        if DIRECT.search(line)
    ]
    assert offenders == []
