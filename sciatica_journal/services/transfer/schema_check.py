"""The journal schema checked by hand-written code, without jsonschema at run time.

``compile_schema`` turns the (inlined) schema of ``resources/journal.schema.json`` into a
tree of checks. Each check has two halves:

- ``ok(value)``, a fast test specialised to the shape of its schema (a UTC time is one
  class test and one regular expression). It may say no to a valid value (a whole number
  written ``5.0``), never yes to an invalid one;
- ``errors(value, path)``, which yields the problems exactly as jsonschema's Draft 2020-12
  validator yields them, in the same order and with the same details, so that
  ``schema_messages`` words them as before. It runs only where ``ok`` said no.

Only the keywords the journal schema uses are known; any other keyword makes the schema
unusable here (a test keeps the published schema within them and checks that this path
and jsonschema accept, refuse and word the same documents)."""

from __future__ import annotations

import numbers
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from sciatica_journal.services.transfer.schema_ok import ANNOTATIONS, Check, equal, fast_check

Path = tuple[str | int, ...]

KEYWORDS = frozenset(
    {
        "type",
        "required",
        "additionalProperties",
        "properties",
        "propertyNames",
        "items",
        "const",
        "enum",
        "minimum",
        "maximum",
        "pattern",
        "minLength",
        "maxLength",
        "minItems",
        "maxItems",
        "$ref",
    }
)


class SchemaUnsupported(ValueError):
    """The schema uses a keyword or a form this checker does not know."""


@dataclass(frozen=True, slots=True)
class SchemaError:
    """One problem, with the attributes of a jsonschema ``ValidationError`` that
    ``schema_messages`` reads."""

    absolute_path: Path
    validator: str
    validator_value: Any
    instance: Any
    schema: Mapping[str, Any]
    message: str


# --- what jsonschema means by a type --------------------------------------------


def is_type(value: object, kind: str) -> bool:
    if kind == "object":
        return isinstance(value, dict)
    if kind == "array":
        return isinstance(value, list)
    if kind == "string":
        return isinstance(value, str)
    if kind == "null":
        return value is None
    if kind == "boolean":
        return isinstance(value, bool)
    if isinstance(value, bool):
        return False
    if kind == "integer":
        return isinstance(value, int) or (isinstance(value, float) and value.is_integer())
    if kind == "number":
        return isinstance(value, numbers.Number)
    raise SchemaUnsupported(f"unknown type {kind!r}")


# --- the checks -------------------------------------------------------------------------------


class Node:
    """The checks of one schema object."""

    def __init__(
        self, schema: Mapping[str, Any], defs: Mapping[str, Any], cache: dict[str, Node | None]
    ) -> None:
        if not isinstance(schema, Mapping):
            raise SchemaUnsupported("a schema must be an object")
        unknown = set(schema) - KEYWORDS - ANNOTATIONS
        if unknown:
            raise SchemaUnsupported(f"unknown keywords {sorted(unknown)}")
        self.schema = schema
        self._defs = defs
        self._cache = cache
        self.properties = {k: self._child(v) for k, v in schema.get("properties", {}).items()}
        extra = schema.get("additionalProperties", True)
        if not isinstance(extra, bool | Mapping):
            raise SchemaUnsupported("additionalProperties must be a boolean or a schema")
        self.extra: Node | bool = self._child(extra) if isinstance(extra, Mapping) else extra
        names = schema.get("propertyNames")
        self.names = None if names is None else self._child(names)
        items = schema.get("items")
        self.items = None if items is None else self._child(items)
        self.ref: Node | None = None
        if "$ref" in schema:
            self.ref = self._reference(schema["$ref"])
        self.ok: Check = fast_check(self)

    def _child(self, schema: object) -> Node:
        if not isinstance(schema, Mapping):
            raise SchemaUnsupported("a subschema must be an object")
        return Node(schema, self._defs, self._cache)

    def _reference(self, ref: object) -> Node:
        if not isinstance(ref, str) or not ref.startswith("#/$defs/"):
            raise SchemaUnsupported(f"only local references are known, not {ref!r}")
        name = ref.removeprefix("#/$defs/")
        if name not in self._defs:
            raise SchemaUnsupported(f"no definition {name!r}")
        if name not in self._cache:
            self._cache[name] = None  # a reference to itself is not supported
            self._cache[name] = Node(self._defs[name], self._defs, self._cache)
        node = self._cache[name]
        if node is None:
            raise SchemaUnsupported(f"the definition {name!r} refers to itself")
        return node

    def errors(self, value: Any, path: Path) -> Iterator[SchemaError]:
        """The problems of ``value`` in jsonschema's order (the schema's keyword order)."""
        schema = self.schema
        for keyword, expected in schema.items():
            if keyword in ANNOTATIONS:
                continue
            if keyword == "$ref":
                assert self.ref is not None
                if not self.ref.ok(value):
                    yield from self.ref.errors(value, path)
            elif keyword == "properties":
                if isinstance(value, dict):
                    for key, child in self.properties.items():
                        if key in value and not child.ok(value[key]):
                            yield from child.errors(value[key], (*path, key))
            elif keyword == "additionalProperties":
                yield from self._extra_errors(value, path)
            elif keyword == "propertyNames":
                if isinstance(value, dict) and self.names is not None:
                    for key in value:
                        if not self.names.ok(key):
                            yield from self.names.errors(key, path)
            elif keyword == "items":
                if isinstance(value, list) and self.items is not None:
                    for index, item in enumerate(value):
                        if not self.items.ok(item):
                            yield from self.items.errors(item, (*path, index))
            else:
                message = _problem(keyword, expected, value)
                if message is not None:
                    yield SchemaError(path, keyword, expected, value, schema, message)

    def _extra_errors(self, value: Any, path: Path) -> Iterator[SchemaError]:
        if not isinstance(value, dict):
            return
        extras = [k for k in value if k not in self.properties]
        if isinstance(self.extra, Node):
            for key in extras:
                if not self.extra.ok(value[key]):
                    yield from self.extra.errors(value[key], (*path, key))
        elif not self.extra and extras:
            listed = sorted(extras, key=str)
            verb = "was" if len(listed) == 1 else "were"
            message = "Additional properties are not allowed ({} {} unexpected)".format(
                ", ".join(repr(k) for k in listed), verb
            )
            yield SchemaError(path, "additionalProperties", False, value, self.schema, message)


def _problem(keyword: str, expected: Any, value: Any) -> str | None:
    """jsonschema's message for a keyword ``value`` fails, or None when it passes."""
    number = is_type(value, "number")
    text = isinstance(value, str)
    array = isinstance(value, list)
    match keyword:
        case "type":
            kinds = [expected] if isinstance(expected, str) else list(expected)
            if any(is_type(value, k) for k in kinds):
                return None
            return f"{value!r} is not of type {', '.join(repr(k) for k in kinds)}"
        case "required":
            if isinstance(value, dict):
                for key in expected:
                    if key not in value:
                        return f"{key!r} is a required property"
            return None
        case "const":
            return None if equal(value, expected) else f"{expected!r} was expected"
        case "enum":
            if any(equal(each, value) for each in expected):
                return None
            return f"{value!r} is not one of {expected!r}"
        case "minimum":
            failed = number and value < expected
            return f"{value!r} is less than the minimum of {expected!r}" if failed else None
        case "maximum":
            failed = number and value > expected
            return f"{value!r} is greater than the maximum of {expected!r}" if failed else None
        case "pattern":
            failed = text and not re.search(expected, value)
            return f"{value!r} does not match {expected!r}" if failed else None
        case "minLength" | "minItems":
            if (text if keyword == "minLength" else array) and len(value) < expected:
                return f"{value!r} {'should be non-empty' if expected == 1 else 'is too short'}"
            return None
        case "maxLength" | "maxItems":
            if (text if keyword == "maxLength" else array) and len(value) > expected:
                empty = "is expected to be empty" if expected == 0 else "is too long"
                return f"{value!r} {empty}"
            return None
    raise SchemaUnsupported(f"unknown keyword {keyword!r}")


class SchemaChecker:
    """The schema's checks, with ``iter_errors`` as jsonschema's validators have it."""

    def __init__(self, schema: Mapping[str, Any]) -> None:
        defs = schema.get("$defs", {})
        self._root = Node(schema, defs if isinstance(defs, Mapping) else {}, {})

    def is_valid(self, document: object) -> bool:
        return bool(self._root.ok(document))

    def iter_errors(self, document: object) -> Iterator[SchemaError]:
        if self._root.ok(document):
            return iter(())
        return self._root.errors(document, ())
