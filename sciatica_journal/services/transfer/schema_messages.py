"""One plain line for a problem found in an import: a place in the document (e.g.
``sessions[3].pain.leg_after``), a value shortened, and a jsonschema error put in words."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from jsonschema.exceptions import ValidationError


def show(value: object) -> str:
    """A value for a one-line message, shortened."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "null"
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, list):
        return "a list"
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "...'"


def _join(place: str, key: object) -> str:
    if isinstance(key, int):
        return f"{place}[{key}]"
    return f"{place}.{key}" if place else str(key)


def place_of(path: Iterable[object]) -> str:
    place = ""
    for key in path:
        place = _join(place, key)
    return place


def document_order(error: ValidationError) -> tuple[tuple[int, int | str], ...]:
    """Top-level problems first, then the first entry of a list."""
    return tuple((0, k) if isinstance(k, int) else (1, str(k)) for k in error.absolute_path)


_TYPE_WORDS = {
    "integer": "a whole number",
    "number": "a number",
    "string": "text",
    "boolean": "true or false",
    "object": "an object",
    "array": "a list",
    "null": "null",
}


def schema_message(error: ValidationError) -> str:
    place = place_of(error.absolute_path)
    schema = error.schema if isinstance(error.schema, dict) else {}
    # Both are set on every error that validation yields (the stubs also allow unset).
    instance: Any = error.instance
    expected: Any = error.validator_value
    where = place or "journal"
    match error.validator:
        case "required":
            missing = [k for k in expected if k not in instance]
            return f"{_join(place, missing[0] if missing else '?')}: missing"
        case "additionalProperties":
            extra = sorted(set(instance) - set(schema.get("properties", {})))
            return f"{_join(place, extra[0] if extra else '?')}: not a field of this format"
        case "type":
            kinds = [expected] if isinstance(expected, str) else list(expected)
            words = " or ".join(_TYPE_WORDS.get(k, k) for k in kinds)
            return f"{where}: expected {words}, not {show(instance)}"
        case "enum":
            allowed = ", ".join(show(v) for v in expected)
            return f"{where}: {show(instance)} is not one of {allowed}"
        case "const":
            return f"{where}: must be {show(expected)}, not {show(instance)}"
        case "minimum" | "maximum" if "minimum" in schema and "maximum" in schema:
            return f"{where}: {show(instance)} is outside {schema['minimum']}-{schema['maximum']}"
        case "minimum":
            return f"{where}: {show(instance)} is below {expected}"
        case "maximum":
            return f"{where}: {show(instance)} is above {expected}"
        case "pattern":
            described = schema.get("description", "in the expected form")
            return f"{where}: {show(instance)} is not {described}"
        case "maxLength":
            return f"{where}: longer than {expected} characters"
        case "minLength":
            return f"{where}: must not be empty"
    return f"{where}: {error.message.splitlines()[0][:120]}"
