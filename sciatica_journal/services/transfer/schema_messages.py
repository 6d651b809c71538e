"""One plain line for a problem found in an import: a place in the document (e.g.
``sessions[3].pain.leg_after``), a value shortened, and a schema error put in words (one of
``schema_check``, or of jsonschema in the tests: both have the same attributes)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Protocol

from sciatica_journal.domain.language import N_, _


class ValidationError(Protocol):
    """What is read of a schema error (``schema_check.SchemaError``, jsonschema's own)."""

    @property
    def absolute_path(self) -> Iterable[str | int]: ...
    @property
    def validator(self) -> object: ...
    @property
    def validator_value(self) -> object: ...
    @property
    def instance(self) -> object: ...
    @property
    def schema(self) -> object: ...
    @property
    def message(self) -> str: ...


def show(value: object) -> str:
    """A value for a one-line message, shortened."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "null"
    if isinstance(value, dict):
        return _("an object")
    if isinstance(value, list):
        return _("a list")
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
    "integer": N_("a whole number"),
    "number": N_("a number"),
    "string": N_("text"),
    "boolean": N_("true or false"),
    "object": N_("an object"),
    "array": N_("a list"),
    "null": "null",
}


def _either(kinds: list[str]) -> str:
    """ "a number or null"."""
    words = [_(_TYPE_WORDS.get(k, k)) for k in kinds]
    text = words[0] if words else ""
    for word in words[1:]:
        text = _("{first} or {second}").format(first=text, second=word)
    return text


def schema_message(error: ValidationError) -> str:
    place = place_of(error.absolute_path)
    schema = error.schema if isinstance(error.schema, dict) else {}
    # Both are set on every error that validation yields (the stubs also allow unset).
    instance: Any = error.instance
    expected: Any = error.validator_value
    where = place or _("journal")
    match error.validator:
        case "required":
            missing = [k for k in expected if k not in instance]
            return _("{place}: missing").format(place=_join(place, missing[0] if missing else "?"))
        case "additionalProperties":
            extra = sorted(set(instance) - set(schema.get("properties", {})))
            return _("{place}: not a field of this format").format(
                place=_join(place, extra[0] if extra else "?")
            )
        case "type":
            kinds = [expected] if isinstance(expected, str) else list(expected)
            return _("{place}: expected {kinds}, not {value}").format(
                place=where, kinds=_either(kinds), value=show(instance)
            )
        case "enum":
            allowed = ", ".join(show(v) for v in expected)
            return _("{place}: {value} is not one of {allowed}").format(
                place=where, value=show(instance), allowed=allowed
            )
        case "const":
            return _("{place}: must be {expected}, not {value}").format(
                place=where, expected=show(expected), value=show(instance)
            )
        case "minimum" | "maximum" if "minimum" in schema and "maximum" in schema:
            return _("{place}: {value} is outside {low}-{high}").format(
                place=where, value=show(instance), low=schema["minimum"], high=schema["maximum"]
            )
        case "minimum":
            return _("{place}: {value} is below {limit}").format(
                place=where, value=show(instance), limit=expected
            )
        case "maximum":
            return _("{place}: {value} is above {limit}").format(
                place=where, value=show(instance), limit=expected
            )
        case "pattern":
            if "description" in schema:  # the schema's own words (English)
                return _("{place}: {value} is not {described}").format(
                    place=where, value=show(instance), described=schema["description"]
                )
            return _("{place}: {value} is not in the expected form").format(
                place=where, value=show(instance)
            )
        case "maxLength":
            return _("{place}: longer than {n} characters").format(place=where, n=expected)
        case "minLength":
            return _("{place}: must not be empty").format(place=where)
    return f"{where}: {error.message.splitlines()[0][:120]}"
