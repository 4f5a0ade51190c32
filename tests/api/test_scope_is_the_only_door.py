"""The API reaches partnership-owned rows only through a Scope, never through a model manager."""

from __future__ import annotations

import re
from pathlib import Path

import joinedup.api

OWNED = ("Action", "ProgressUpdate", "Plan", "Priority", "Theme", "Category", "Membership", "Organisation")
DIRECT = re.compile(r"\b(" + "|".join(OWNED) + r")\.(objects|everything|deleted)\b")


def _api_modules() -> list[Path]:
    return sorted(Path(joinedup.api.__file__).parent.rglob("*.py"))


def test_the_api_has_modules_to_check():
    assert any(p.name == "actions.py" for p in _api_modules())


def test_no_api_module_reaches_a_partnership_owned_model_directly():
    offenders = [f"{path.name}:{n}: {line.strip()}"
                 for path in _api_modules()
                 for n, line in enumerate(path.read_text().splitlines(), 1)
                 if DIRECT.search(line)]
    assert offenders == []
