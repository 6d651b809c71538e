"""The fast halves of the schema's checks (``schema_check``): for each schema object, an
``ok(value)`` specialised to its shape, which may say no to a valid value but never yes
to an invalid one (``schema_check`` then works out the problems, as jsonschema words
them). An object whose other properties are all allowed or all refused gets one
function made for it, each property's test written out in it."""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, cast

if TYPE_CHECKING:
    from sciatica_journal.services.transfer.schema_check import Node

Check = Callable[[Any], bool]

ANNOTATIONS = frozenset(
    {"description", "title", "$comment", "examples", "$schema", "$id", "$defs", "default"}
)


def equal(one: object, two: object) -> bool:
    """Equality as JSON Schema means it: true is not 1, lists and objects item by item."""
    if one is two:
        return True
    if isinstance(one, str) or isinstance(two, str):
        return one == two
    if isinstance(one, Sequence) and isinstance(two, Sequence):
        return len(one) == len(two) and all(equal(a, b) for a, b in zip(one, two, strict=True))
    if isinstance(one, Mapping) and isinstance(two, Mapping):
        return one.keys() == two.keys() and all(equal(one[k], two[k]) for k in one)
    if isinstance(one, bool) or isinstance(two, bool):
        return isinstance(one, bool) and isinstance(two, bool) and one == two
    return one == two


# --- the fast checks ----------------------------------------------------------------------


def fast_check(node: Node) -> Check:
    """``ok`` for ``node``: one closure shaped to its schema, or the error walk itself."""
    schema = node.schema
    keys = set(schema) - ANNOTATIONS
    declared = schema.get("type")
    if keys == {"$ref"} and node.ref is not None:
        return node.ref.ok
    if declared is None:
        if keys == {"enum"}:
            return _enum_check(schema["enum"])
        if keys == {"const"}:
            constant = schema["const"]
            return lambda v: equal(v, constant)
        return _generic(node)
    kinds = [declared] if isinstance(declared, str) else list(declared)
    nullable = "null" in kinds
    rest = [k for k in kinds if k != "null"]
    builder = _BUILDERS.get(rest[0]) if len(rest) == 1 else None
    check = None if builder is None else builder(node, keys - {"type"})
    if check is None:
        return _generic(node)
    if nullable:
        inner = check
        return lambda v: v is None or inner(v)
    return check


def _generic(node: Node) -> Check:
    return lambda v: next(node.errors(v, ()), None) is None


def _enum_check(values: Sequence[Any]) -> Check:
    if all(isinstance(e, str) or e is None for e in values):
        strings = frozenset(e for e in values if isinstance(e, str))
        if any(e is None for e in values):
            return lambda v: v is None or (v.__class__ is str and v in strings)
        return lambda v: v.__class__ is str and v in strings
    return lambda v: any(equal(e, v) for e in values)


def _string(node: Node, keys: set[str]) -> Check | None:
    if not keys <= {"pattern", "minLength", "maxLength"}:
        return None
    schema = node.schema
    low, high = schema.get("minLength", 0), schema.get("maxLength", math.inf)
    if "pattern" not in schema:
        return lambda v: v.__class__ is str and low <= len(v) <= high
    search = re.compile(schema["pattern"]).search  # what re.search(pattern, v) does
    if not keys - {"pattern"}:
        return lambda v: v.__class__ is str and search(v) is not None
    return lambda v: v.__class__ is str and low <= len(v) <= high and search(v) is not None


def _integer(node: Node, keys: set[str]) -> Check | None:
    if not keys <= {"minimum", "maximum"}:
        return None
    low, high = node.schema.get("minimum", -math.inf), node.schema.get("maximum", math.inf)
    return lambda v: v.__class__ is int and low <= v <= high  # 5.0 goes the long way


def _boolean(node: Node, keys: set[str]) -> Check | None:
    return (lambda v: v.__class__ is bool) if not keys else None


def _object(node: Node, keys: set[str]) -> Check | None:
    if not keys <= {"required", "additionalProperties", "properties", "propertyNames"}:
        return None
    if (node.extra is False or node.extra is True) and node.names is None:
        return _compiled_object(node)
    required = frozenset(node.schema.get("required", ()))
    fields = {key: child.ok for key, child in node.properties.items()}
    known = frozenset(fields)
    closed = node.extra is False
    extra = None if isinstance(node.extra, bool) else node.extra.ok
    names = None if node.names is None else node.names.ok

    def check(v: Any) -> bool:
        if v.__class__ is not dict:
            return False
        present = v.keys()
        if not present >= required or (closed and not present <= known):
            return False
        for key, item in v.items():
            field = fields.get(key)
            if field is None:
                if extra is not None and not extra(item):
                    return False
            elif not field(item):
                return False
        return names is None or all(names(key) for key in v)

    return check


def _compiled_object(node: Node) -> Check:
    """``ok`` of an object schema whose other properties are all allowed or all refused,
    as one function made for it: each property's test written out in it (a string, whole
    number, boolean or enum of strings as an expression, anything else a call of its
    ``ok``), so that checking a session costs one call instead of one per field."""
    env: dict[str, Any] = {"_MISSING": _MISSING}
    required = node.schema.get("required", ())
    lines = ["def check(v):", "    if v.__class__ is not dict:", "        return False"]
    lines.append("    present = v.keys()")
    if required:
        env["_required"] = frozenset(required)
        lines += ["    if not present >= _required:", "        return False"]
    if node.extra is False:
        env["_known"] = frozenset(node.properties)
        lines += ["    if not present <= _known:", "        return False"]
    for key, child in node.properties.items():
        test = _expression(child, "x", env)
        if key in required:
            lines += [f"    x = v[{key!r}]", f"    if not ({test}):", "        return False"]
        else:
            lines.append(f"    x = v.get({key!r}, _MISSING)")
            lines += [f"    if x is not _MISSING and not ({test}):", "        return False"]
    lines.append("    return True")
    exec("\n".join(lines), env)  # the source is made here, from the schema's shape
    return cast(Check, env["check"])


_MISSING = object()


def _expression(node: Node, var: str, env: dict[str, Any]) -> str:
    """A Python expression on ``var`` that is true exactly where ``node.ok`` is (the
    same tests as ``_string``, ``_integer``, ``_boolean`` and ``_enum_check``), names it
    needs put in ``env``; for any other schema, a call of ``node.ok``."""
    schema = node.schema
    keys = set(schema) - ANNOTATIONS
    name = f"_c{len(env)}"
    declared = schema.get("type")
    if declared is None and keys == {"enum"}:
        values = schema["enum"]
        if all(isinstance(e, str) for e in values):
            env[name] = frozenset(values)
            return f"({var}.__class__ is str and {var} in {name})"
    elif declared is not None:
        kinds = [declared] if isinstance(declared, str) else list(declared)
        rest = [k for k in kinds if k != "null"]
        test = _leaf(rest[0], schema, keys - {"type"}, var, env, name) if len(rest) == 1 else None
        if test is not None:
            return f"({var} is None or {test})" if "null" in kinds else test
    env[name] = node.ok
    return f"{name}({var})"


def _leaf(
    kind: str, schema: Mapping[str, Any], keys: set[str], var: str, env: dict[str, Any], name: str
) -> str | None:
    """The expression of a string, whole number or boolean schema (None: another kind)."""
    parts: list[str] = []
    if kind == "string" and keys <= {"pattern", "minLength", "maxLength"}:
        parts.append(f"{var}.__class__ is str")
        if keys & {"minLength", "maxLength"}:
            env[f"{name}lo"] = schema.get("minLength", 0)
            env[f"{name}hi"] = schema.get("maxLength", math.inf)
            parts.append(f"{name}lo <= len({var}) <= {name}hi")
        if "pattern" in keys:
            env[name] = re.compile(schema["pattern"]).search  # what re.search(pattern, v) does
            parts.append(f"{name}({var}) is not None")
    elif kind == "integer" and keys <= {"minimum", "maximum"}:
        parts.append(f"{var}.__class__ is int")  # 5.0 goes the long way
        if keys:
            env[f"{name}lo"] = schema.get("minimum", -math.inf)
            env[f"{name}hi"] = schema.get("maximum", math.inf)
            parts.append(f"{name}lo <= {var} <= {name}hi")
    elif kind == "boolean" and not keys:
        parts.append(f"{var}.__class__ is bool")
    else:
        return None
    return "(" + " and ".join(parts) + ")"


def _array(node: Node, keys: set[str]) -> Check | None:
    if not keys <= {"items", "minItems", "maxItems"}:
        return None
    low, high = node.schema.get("minItems", 0), node.schema.get("maxItems", math.inf)
    item = None if node.items is None else node.items.ok

    def check(v: Any) -> bool:
        if v.__class__ is not list or not low <= len(v) <= high:
            return False
        if item is not None:
            for each in v:
                if not item(each):
                    return False
        return True

    return check


_BUILDERS: dict[str, Callable[[Node, set[str]], Check | None]] = {
    "string": _string,
    "integer": _integer,
    "boolean": _boolean,
    "object": _object,
    "array": _array,
}
