"""Places an action targets: the whole area, ONS area codes, and place names kept as written.

Partners name places in words far more often than by code ("Eastgate ward",
"Northmere district"); those names are kept as text, never dropped, so they
can be matched to an area lookup later.
"""

from __future__ import annotations

import os
import re
from functools import lru_cache
from pathlib import Path

import yaml

from .errors import IngestError
from .records import Location, Problem

ONS_CODE = re.compile(r"\b[EWSN]\d{8}\b")
_WHOLE = re.compile(
    r"^(?:all|all areas|everywhere|whole area|whole)$|"
    r"\b(?:whole|entire|all of (?:the )?)\s*(?:county|borough|district|city|area|region|"
    r"patch|system|footprint|island|authority|county area)\b|"
    r"\b(?:county|borough|district|city|area|region|system|island|authority)\s*wide\b",
    re.IGNORECASE,
)


@lru_cache(maxsize=4096, typed=True)
def parse_places(value: object) -> tuple[bool, tuple[str, ...], str]:
    """(whole_area, ONS codes in order written, place names as written, joined by '; ')."""
    if not isinstance(value, str) or not value.strip():
        return False, (), ""
    text = value[:5000]
    codes = tuple(dict.fromkeys(ONS_CODE.findall(text)))
    rest = ONS_CODE.sub(" ", text)
    whole = False
    parts = [p.strip(" .") for p in re.split(r"[\n;,]+", rest) if p.strip(" .")]
    names = []
    for part in parts:
        if _WHOLE.search(part.replace("-", " ")):
            whole = True
        else:
            names.append(part)
    return whole, codes, "; ".join(names)


def load_place_parents(path: str | os.PathLike[str]) -> dict[str, str]:
    """A YAML file of `place: the place containing it` (codes or names).

    Lets the analysis know that a ward lies within its district. IngestError
    names the file and the entry when the file is not such a mapping.
    """
    name = Path(path).name

    def error(message: str) -> IngestError:
        return IngestError(Problem(Location(file=name), message))

    try:
        document = yaml.safe_load(Path(path).read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError) as exc:
        raise error(f"the file could not be read ({exc}); expected a UTF-8 YAML file") from None
    except yaml.YAMLError:
        raise error("the file is not valid YAML; expected lines like "
                    "'Eastgate ward: Northmere district'") from None
    if document is None:
        return {}
    if not isinstance(document, dict):
        raise error("expected a mapping of place: the place containing it, "
                    "e.g. 'Eastgate ward: Northmere district'")
    parents: dict[str, str] = {}
    for place, parent in document.items():
        if not isinstance(place, str | int) or not isinstance(parent, str | int) \
                or not str(place).strip() or not str(parent).strip():
            raise error(f"entry {place!r}: expected a place name or code and the name or "
                        f"code of the place containing it, found {parent!r}")
        if str(place).strip().lower() == str(parent).strip().lower():
            raise error(f"entry {place!r}: a place cannot contain itself")
        parents[str(place).strip()] = str(parent).strip()
    return parents
