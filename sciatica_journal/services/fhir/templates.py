"""Resources written as JSON text from templates: ten years make 200,000 resources, most
of whose text (codings, displays, references' shape) is the same in all of them.

A template is a resource shaped as a dict, with ``slot(name)`` where a value varies; it is
encoded once, and a writer puts already encoded values (``string`` for a text, or any
JSON text: a number, an encoded list) between its constant ``parts``,
joining them (``"".join``, once for thousands of resources). The text is exactly what
``encode`` gives for the same resource built as a dict.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from json.encoder import encode_basestring
from typing import Any

# A private-use character: it never occurs in a resource's own texts.
_MARK = "\ue000"
_SLOT = re.compile(f'"{_MARK}([a-z_]+){_MARK}"')

# A JSON string (with its quotes) of a text; the C encoder's, as ``encode`` uses.
string = encode_basestring


def encode(value: object) -> str:
    """Compact JSON, non-ASCII kept as it is (the file is UTF-8)."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def slot(name: str) -> str:
    """The place of a value named ``name`` (lowercase letters and ``_``) in a template."""
    return f"{_MARK}{name}{_MARK}"


def references(urls: list[str]) -> str:
    """A JSON list of References to the encoded ``fullUrl``s."""
    return '[{"reference":' + '},{"reference":'.join(urls) + "}]" if urls else "[]"


class Template:
    """``shape`` encoded, cut at its slots; ``suffix`` goes after it (a separator)."""

    def __init__(self, shape: Mapping[str, Any], suffix: str = "") -> None:
        pieces = _SLOT.split(encode(shape) + suffix)
        self._parts = tuple(pieces[0::2])
        self._names = tuple(pieces[1::2])
        if any(_MARK in part for part in self._parts):
            raise ValueError(f"a slot inside a text: {pieces!r}")

    def parts(self, *names: str) -> tuple[str, ...]:
        """The constant texts before, between and after the slots, which must be
        ``names`` in this order: the values go between them."""
        if names != self._names:
            raise ValueError(f"the slots are {self._names}, not {names}")
        return self._parts

    def fill(self, values: Mapping[str, str]) -> str:
        """The JSON text with each slot replaced by its (encoded) value."""
        found: list[str] = []
        put(found, self._parts, tuple(values[name] for name in self._names))
        return "".join(found)


def put(out: list[str], parts: tuple[str, ...], values: tuple[str, ...]) -> None:
    """Add a template's ``parts`` with the encoded ``values`` between them to ``out``."""
    out.append(parts[0])
    for value, part in zip(values, parts[1:], strict=True):
        out += (value, part)


def url_of(ident: str) -> str:
    """The encoded ``fullUrl`` of a resource, which its References repeat."""
    return string(f"urn:uuid:{ident}")


def entry(resource: Mapping[str, Any]) -> Template:
    """The template of a Bundle entry of a resource, ``url`` in its slot; the comma after
    it separates it from the next entry (the Provenance, always the last, has none)."""
    return Template({"fullUrl": slot("url"), "resource": resource}, suffix=",")
