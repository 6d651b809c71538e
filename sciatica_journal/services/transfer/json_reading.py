"""Reading an import file and its first checks: readable UTF-8 JSON with no key twice in
an object and no NaN, a Sciatica Journal file of a version this one reads, real Unicode text."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any, NoReturn

from sciatica_journal.domain.language import _
from sciatica_journal.domain.validation import text_problem
from sciatica_journal.services.transfer.json_writing import FORMAT, VERSION
from sciatica_journal.services.transfer.results import TransferError, fail
from sciatica_journal.services.transfer.schema_messages import place_of, show


def _reject_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)  # in C; the pairs are looked at one by one only when a key repeats
    if len(result) != len(pairs):
        seen: set[str] = set()
        for key, _value in pairs:
            if key in seen:
                raise ValueError(
                    _("the key {key} appears twice in one object").format(key=repr(key))
                )
            seen.add(key)
    return result


# A lone surrogate comes only from an escape (UTF-8 text cannot hold one): \ud800-\udfff.
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


def _reject_constant(name: str) -> NoReturn:
    raise ValueError(_("{name} is not a JSON number").format(name=name))


def read_json(path: Path) -> object:
    return read_journal_file(path)[0]


def read_journal_file(path: Path) -> tuple[object, bool]:
    """The parsed file, and whether its text may hold a lone surrogate (an escape of one
    is in it; without one ``check_text`` has nothing to find)."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise TransferError(
            _("cannot read {path}: {problem}").format(path=path, problem=exc.strerror or exc)
        ) from exc
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise TransferError(
            _("{path} is not JSON: it is not UTF-8 text").format(path=path)
        ) from exc
    try:
        document = json.loads(
            text, object_pairs_hook=_reject_duplicate_keys, parse_constant=_reject_constant
        )
    except json.JSONDecodeError as exc:
        raise TransferError(
            _("{path} is not JSON: {problem} at line {line}, column {column}").format(
                path=path, problem=exc.msg, line=exc.lineno, column=exc.colno
            )
        ) from exc
    except ValueError as exc:
        raise TransferError(
            _("{path} is not valid JSON: {problem}").format(path=path, problem=exc)
        ) from exc
    except RecursionError as exc:
        raise TransferError(
            _("{path} is not usable JSON: it is nested too deeply").format(path=path)
        ) from exc
    return document, _SURROGATE_ESCAPE.search(text) is not None


def check_text(document: object) -> None:
    """Every text is real Unicode (JSON's "\\ud800" escapes give lone surrogates, which
    cannot be stored): the first one that is not is named."""
    try:
        json.dumps(document, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        pass
    else:
        return
    stack: list[tuple[object, tuple[object, ...]]] = [(document, ())]
    while stack:
        node, where = stack.pop()
        if isinstance(node, str):
            if text_problem(node) is not None:
                fail(
                    place_of(where), _("{value} is not valid Unicode text").format(value=show(node))
                )
        elif isinstance(node, dict):
            for key, value in node.items():
                if text_problem(str(key)) is not None:
                    fail(place_of(where), _("a key is not valid Unicode text"))
                stack.append((value, (*where, key)))
        elif isinstance(node, list):
            stack.extend((value, (*where, i)) for i, value in enumerate(node))


def check_is_journal(document: object) -> None:
    if not isinstance(document, dict):
        raise TransferError(
            _("not a Sciatica Journal file: the top level is {value}").format(value=show(document))
        )
    if "format" not in document:
        raise TransferError(_("not a Sciatica Journal file: 'format' is missing"))
    if document["format"] != FORMAT:
        raise TransferError(
            _("not a Sciatica Journal file: 'format' is {value}, not {expected}").format(
                value=show(document["format"]), expected=repr(FORMAT)
            )
        )
    version = document.get("version")
    if isinstance(version, int) and not isinstance(version, bool) and version > VERSION:
        raise TransferError(
            _(
                "version: this file is format version {version}, written by a newer Sciatica "
                "Journal; this version reads version {readable}"
            ).format(version=version, readable=VERSION)
        )
