"""Hypothesis strategies for request bodies, built from the API's own OpenAPI schema.

A small stand-in for schemathesis (not installed): it covers the JSON-schema
keywords ninja emits for our request bodies ($ref, allOf, anyOf, enum, type,
format date and date-time, pattern, min/max length and value, items, properties/required).
`hints` replace the strategy of a named property with one mixing in values
that reach deeper code (real ids), so bodies are not all rejected at the first check.
"""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st

JSON_LEAF = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20)
ANY_JSON = st.recursive(JSON_LEAF, lambda inner: st.lists(inner, max_size=3)
                        | st.dictionaries(st.text(max_size=8), inner, max_size=3), max_leaves=6)


class SchemaStrategies:
    def __init__(self, openapi: dict, hints: dict | None = None) -> None:
        self.components = openapi["components"]["schemas"]
        self.hints = hints or {}

    def for_schema(self, schema: dict) -> st.SearchStrategy:
        if "$ref" in schema:
            return self.for_schema(self.components[schema["$ref"].rsplit("/", 1)[-1]])
        if "allOf" in schema:
            return self.for_schema(schema["allOf"][0])
        if "anyOf" in schema:
            return st.one_of([self.for_schema(option) for option in schema["anyOf"]])
        if "enum" in schema:
            return st.sampled_from(schema["enum"])
        kind = schema.get("type")
        maker = getattr(self, f"_{kind}", None)
        return maker(schema) if maker else ANY_JSON

    def _null(self, schema: dict) -> st.SearchStrategy:
        return st.none()

    def _boolean(self, schema: dict) -> st.SearchStrategy:
        return st.booleans()

    def _integer(self, schema: dict) -> st.SearchStrategy:
        return st.integers(schema.get("minimum"), schema.get("maximum"))

    def _number(self, schema: dict) -> st.SearchStrategy:
        return st.floats(schema.get("minimum"), schema.get("maximum"), allow_nan=False, allow_infinity=False)

    def _string(self, schema: dict) -> st.SearchStrategy:
        if schema.get("format") == "date":
            return st.dates().map(lambda day: day.isoformat())
        if schema.get("format") == "date-time":
            zones = st.sampled_from([None, dt.UTC, dt.timezone(dt.timedelta(hours=14)),
                                     dt.timezone(dt.timedelta(hours=-12))])
            return st.datetimes(timezones=zones).map(lambda moment: moment.isoformat())
        if "pattern" in schema:
            return st.from_regex(schema["pattern"], fullmatch=True)
        return st.text(min_size=schema.get("minLength", 0), max_size=min(schema.get("maxLength", 40), 40))

    def _array(self, schema: dict) -> st.SearchStrategy:
        return st.lists(self.for_schema(schema.get("items", {})), max_size=3)

    def _object(self, schema: dict) -> st.SearchStrategy:
        required = set(schema.get("required", []))
        fields = {}
        for name, sub in schema.get("properties", {}).items():
            value = self.for_schema(sub)
            if name in self.hints:
                value = value | self.hints[name]
            fields[name] = value
        return st.fixed_dictionaries(
            {name: fields[name] for name in fields if name in required},
            optional={name: fields[name] for name in fields if name not in required},
        )

    def request_body(self, path: str, method: str) -> st.SearchStrategy:
        operation = self.openapi_operation(path, method)
        schema = operation["requestBody"]["content"]["application/json"]["schema"]
        return self.for_schema(schema)

    def query(self, path: str, method: str) -> st.SearchStrategy:
        """Some of the operation's query parameters, each from its schema."""
        parameters = self.openapi_operation(path, method).get("parameters", [])
        optional = {p["name"]: self.for_schema(p["schema"]) for p in parameters if p["in"] == "query"}
        return st.fixed_dictionaries({}, optional=optional)

    def openapi_operation(self, path: str, method: str) -> dict:
        return self._paths[path][method]

    def with_paths(self, openapi: dict) -> SchemaStrategies:
        self._paths = openapi["paths"]
        return self
