"""The journal schema (``resources/journal.schema.json``) as a validator. jsonschema loads
when an import is validated, not at start-up."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sciatica_journal.domain.language import _
from sciatica_journal.services.transfer.results import TransferError

if TYPE_CHECKING:
    import jsonschema

SCHEMA_FILE = "journal.schema.json"


def load_validator(schema_path: Path) -> jsonschema.protocols.Validator:
    """A Draft 2020-12 validator of the schema at ``schema_path``, its local references
    inlined."""
    try:
        schema = json.loads(schema_path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise TransferError(
            _("the journal schema {path} is unusable").format(path=schema_path)
        ) from exc
    import jsonschema

    return jsonschema.Draft202012Validator(_inline_refs(schema))


_ANNOTATIONS = frozenset({"description", "title", "$comment", "examples"})


def _inline_refs(schema: dict[str, Any]) -> dict[str, Any]:
    """The schema with each local ``"$ref": "#/$defs/NAME"`` replaced by its definition.

    Resolving a reference is most of jsonschema's work on a large journal; inlined, ten
    years validate twice as fast. A reference is inlined only where that means the same
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
