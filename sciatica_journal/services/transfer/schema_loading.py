"""The journal schema (``resources/journal.schema.json``) as the hand-written checker of
``schema_check`` (jsonschema is a test dependency only: the tests hold the two to the same
answers)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from sciatica_journal.domain.language import _
from sciatica_journal.services.transfer.results import TransferError
from sciatica_journal.services.transfer.schema_check import SchemaChecker, SchemaUnsupported

SCHEMA_FILE = "journal.schema.json"


def load_schema(schema_path: Path) -> dict[str, Any]:
    """The schema at ``schema_path`` with its local references inlined (what is checked)."""
    try:
        schema = json.loads(schema_path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise TransferError(
            _("the journal schema {path} is unusable").format(path=schema_path)
        ) from exc
    if not isinstance(schema, dict):
        raise TransferError(_("the journal schema {path} is unusable").format(path=schema_path))
    return inline_refs(schema)


def load_validator(schema_path: Path) -> SchemaChecker:
    """The checker of the schema at ``schema_path`` (Draft 2020-12, the keywords the
    journal schema uses), its local references inlined."""
    schema = load_schema(schema_path)
    try:
        return SchemaChecker(schema)
    except SchemaUnsupported as exc:
        raise TransferError(
            _("the journal schema {path} is unusable").format(path=schema_path)
        ) from exc


_ANNOTATIONS = frozenset({"description", "title", "$comment", "examples"})


def inline_refs(schema: dict[str, Any]) -> dict[str, Any]:
    """The schema with each local ``"$ref": "#/$defs/NAME"`` replaced by its definition.

    Inlined, a reference costs nothing when checking (with jsonschema it was most of the
    work on a large journal). A reference is inlined only where that means the same
    (its siblings and the definition share no keyword but annotations, where the
    definition's wins: its description is used in messages); others stay references."""
    defs = schema.get("$defs", {})

    def expand(node: Any, active: tuple[str, ...]) -> Any:
        if isinstance(node, list):
            return [expand(item, active) for item in node]
        if not isinstance(node, dict):
            return node
        ref = node.get("$ref")
        name = ref.removeprefix("#/$defs/") if isinstance(ref, str) else None
        target = defs.get(name) if name is not None and ref != name else None
        siblings = {k: v for k, v in node.items() if k != "$ref"}
        if (
            isinstance(target, dict)
            and name not in active
            and not (set(siblings) & set(target)) - _ANNOTATIONS
        ):
            return expand({**siblings, **target}, (*active, str(name)))
        return {k: v if k == "$defs" else expand(v, active) for k, v in node.items()}

    flat = expand(schema, ())
    return flat if isinstance(flat, dict) else schema
