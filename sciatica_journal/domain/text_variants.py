"""Per-language variants of the texts of the app's data files (docs/translations.md).

``program.toml`` and ``body_regions.toml`` hold their texts in English beside their
structure and numbers. ``<name>.<language>.toml`` beside each holds only the texts of one
language, keyed by the stable ids: a fixed table by its name (``[disclaimer]``), a list of
tables by each item's id (``[rungs.baby-press-up]``, ``[red_flags.incontinence]``,
``[levels.4]``, ``[regions]`` ``calf-left = { name = "..." }``). A variant never holds a
number, a threshold or a structural key: ``variant_problems`` names each such key, each
text the variant lacks and each text of the wrong shape; ``check_variant`` raises them
(the tests); ``overlay_texts`` puts the variant's good texts over the base's and keeps the
English for everything else (the app, which must start whatever a variant holds).

Pure Python: the dicts are the parsed TOML; reading the files is the services' part."""

from __future__ import annotations

import copy
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

KeyPath = tuple[str, ...]  # e.g. ("rungs", <a rung slug>, "name"), ("levels", "4", "name")


class VariantError(ValueError):
    """A language variant of a data file is wrong; the message names every key."""


@dataclass(frozen=True)
class TextLayout:
    """Where a data file keeps its user-visible texts."""

    file: str  # "program.toml", for messages
    # A fixed table -> its text keys (None: every key of the table is a text).
    tables: Mapping[str, tuple[str, ...] | None]
    # A list of tables -> the key of each item's stable id, and the item's text keys.
    lists: Mapping[str, tuple[str, tuple[str, ...]]]


PROGRAM_TEXTS = TextLayout(
    file="program.toml",
    tables={
        "disclaimer": ("title", "text"),
        "red_flag_advice": ("urgent_title", "urgent_text", "doctor_title", "doctor_text"),
    },
    lists={
        # `cues` are the captions of the pictures (a table: correct, incorrect).
        "rungs": ("slug", ("name", "clinical", "summary", "steps", "cautions", "cues")),
        "red_flags": ("code", ("question", "short")),
    },
)

CATALOG_TEXTS = TextLayout(
    file="body_regions.toml",
    tables={"radiation": None},
    lists={"levels": ("level", ("name",)), "regions": ("code", ("name",))},
)


MEASURES_TEXTS = TextLayout(
    file="measures.toml",
    tables={},
    lists={
        "measures": ("code", ("name", "question", "anchors")),
        "items": ("code", ("text",)),
    },
)


def _name(path: KeyPath) -> str:
    return ".".join(path)


def base_texts(base: Mapping[str, Any], layout: TextLayout) -> dict[KeyPath, Any]:
    """Every text of the base file, by its path (the ids as text: ``("levels", "4", "name")``)."""
    found: dict[KeyPath, Any] = {}
    for table, keys in layout.tables.items():
        values = base.get(table)
        if not isinstance(values, Mapping):
            continue
        for key in values if keys is None else keys:
            if key in values:
                found[(table, str(key))] = values[key]
    for name, (id_key, keys) in layout.lists.items():
        items = base.get(name)
        if not isinstance(items, list):
            continue
        for item in items:
            if not isinstance(item, Mapping) or id_key not in item:
                continue
            for key in keys:
                if key in item:
                    found[(name, str(item[id_key]), key)] = item[key]
    return found


def _variant_entries(
    variant: Mapping[str, Any], layout: TextLayout
) -> Iterator[tuple[KeyPath, Any]]:
    """Every entry of the variant by its path (a list's item where a table of texts
    belongs comes with None)."""
    for top, value in variant.items():
        if top in layout.lists:
            if not isinstance(value, Mapping):
                yield (top,), None
                continue
            for item_id, fields in value.items():
                if not isinstance(fields, Mapping):
                    yield (top, str(item_id)), None
                    continue
                for key, text in fields.items():
                    yield (top, str(item_id), str(key)), text
        elif isinstance(value, Mapping):  # a fixed table, or one a variant cannot have
            for key, text in value.items():
                yield (top, str(key)), text
        else:
            yield (top,), value


def _shape_problem(english: Any, text: Any) -> str | None:
    """Why ``text`` cannot stand for ``english`` (None: it can)."""

    def good(value: Any) -> bool:
        return isinstance(value, str) and bool(value.strip())

    if isinstance(english, str):
        return None if good(text) else "must be non-empty text"
    if isinstance(english, list):
        if not isinstance(text, list) or not all(good(t) for t in text):
            return "must be a list of non-empty texts"
        if len(text) != len(english):
            return f"must have {len(english)} texts, as the English has, not {len(text)}"
        return None
    if isinstance(english, Mapping):
        if not isinstance(text, Mapping) or not all(good(t) for t in text.values()):
            return "must be a table of non-empty texts"
        if set(text) != set(english):
            return f"must have the keys {', '.join(sorted(english))}"
        return None
    return "is not a text in the base file"


def _sorted_out(
    base: Mapping[str, Any], variant: Mapping[str, Any], layout: TextLayout
) -> tuple[dict[KeyPath, Any], list[str]]:
    """The variant's usable texts by path, and what is wrong with the rest."""
    english = base_texts(base, layout)
    usable: dict[KeyPath, Any] = {}
    problems: list[str] = []
    wrong: set[KeyPath] = set()
    where = f"{layout.file} variant"
    for path, text in _variant_entries(variant, layout):
        if path not in english:
            problems.append(f"{where}: '{_name(path)}' is not a text of {layout.file}")
            continue
        problem = _shape_problem(english[path], text)
        if problem is not None:
            problems.append(f"{where}: '{_name(path)}' {problem}")
            wrong.add(path)
            continue
        usable[path] = text
    for path in english:
        if path not in usable and path not in wrong:
            problems.append(f"{where}: lacks '{_name(path)}'")
    return usable, problems


def variant_problems(
    base: Mapping[str, Any], variant: Mapping[str, Any], layout: TextLayout
) -> list[str]:
    """What is wrong with a language variant of ``base``: a key that is not one of the
    base's texts (a number, a threshold, a structural key, an id the base has not), a
    text of the wrong shape, a text the variant lacks. Empty: the variant is complete."""
    return _sorted_out(base, variant, layout)[1]


def check_variant(base: Mapping[str, Any], variant: Mapping[str, Any], layout: TextLayout) -> None:
    """Raise ``VariantError`` naming every problem of the variant."""
    problems = variant_problems(base, variant, layout)
    if problems:
        raise VariantError("\n".join(problems))


def overlay_texts(
    base: Mapping[str, Any], variant: Mapping[str, Any], layout: TextLayout
) -> tuple[dict[str, Any], list[str]]:
    """``base`` with the variant's texts in place of its own, and the variant's problems.

    Only the base's texts are ever replaced, and only by a text of the same shape: a
    number or a structural key in the variant is left out, and a text it lacks or gets
    wrong stays in English, so the merged data is as valid as the base."""
    usable, problems = _sorted_out(base, variant, layout)
    merged: dict[str, Any] = copy.deepcopy(dict(base))
    for path, text in usable.items():
        if path[0] in layout.tables:
            merged[path[0]][path[1]] = copy.deepcopy(text)
            continue
        name, item_id, key = path
        id_key = layout.lists[name][0]
        for item in merged[name]:
            if isinstance(item, dict) and str(item.get(id_key)) == item_id:
                item[key] = copy.deepcopy(text)
    return merged, problems
