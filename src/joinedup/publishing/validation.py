"""Checking a published document against docs/open-data-schema.json.

jsonschema is not a dependency, so this walks the subset of JSON Schema
(draft 2020-12) the open-data schema uses: type (one or several), required,
properties, additionalProperties: false, items, enum, const and minimum.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

SCHEMA_PATH = Path(__file__).resolve().parents[3] / "docs" / "open-data-schema.json"

_TYPES = {
    "object": lambda v: isinstance(v, dict),
    "array": lambda v: isinstance(v, list),
    "string": lambda v: isinstance(v, str),
    "integer": lambda v: isinstance(v, int) and not isinstance(v, bool),
    "number": lambda v: isinstance(v, int | float) and not isinstance(v, bool),
    "boolean": lambda v: isinstance(v, bool),
    "null": lambda v: v is None,
}


@cache
def open_data_schema() -> dict:
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))


def problems(document, schema: dict | None = None, where: str = "$") -> list[str]:
    """Every way `document` breaks the schema, each with its JSON path; [] when valid."""
    schema = open_data_schema() if schema is None else schema
    found: list[str] = []
    kinds = schema.get("type")
    if kinds is not None:
        kinds = [kinds] if isinstance(kinds, str) else kinds
        if not any(_TYPES[k](document) for k in kinds):
            return [f"{where}: expected {' or '.join(kinds)}, got {type(document).__name__}"]
    if "const" in schema and document != schema["const"]:
        found.append(f"{where}: must be {schema['const']!r}")
    if "enum" in schema and document not in schema["enum"]:
        found.append(f"{where}: {document!r} is not one of {schema['enum']}")
    if "minimum" in schema and isinstance(document, int | float) and document < schema["minimum"]:
        found.append(f"{where}: below the minimum {schema['minimum']}")
    if isinstance(document, dict):
        found += _object_problems(document, schema, where)
    if isinstance(document, list) and "items" in schema:
        for index, item in enumerate(document):
            found += problems(item, schema["items"], f"{where}[{index}]")
    return found


def _object_problems(document: dict, schema: dict, where: str) -> list[str]:
    found = [f"{where}: missing {key!r}" for key in schema.get("required", ()) if key not in document]
    properties = schema.get("properties", {})
    for key, value in document.items():
        if key in properties:
            found += problems(value, properties[key], f"{where}.{key}")
        elif schema.get("additionalProperties") is False:
            found.append(f"{where}: unexpected {key!r}")
    return found
