"""Taking an import back out: the entries it wrote, and only those, in one transaction."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from peewee import chunked

from sciatica_journal.storage import models

# The order matters: screens point at sessions, sessions at their maps.
TABLES = (
    ("screens", models.RedFlagScreen),
    ("sessions", models.ExerciseSession),
    ("maps", models.SymptomMap),
    ("notes", models.JournalNote),
)


def remove_written(written: Mapping[str, Sequence[str]]) -> int:
    """Delete the rows an import wrote (their marks and answers go with them); returns how
    many entries were removed. Rows already gone are passed over."""
    removed = 0
    with models.database.atomic():
        for key, model in TABLES:
            for batch in chunked(list(written.get(key, ())), 400):
                removed += model.delete().where(model.uuid.in_(batch)).execute()
    return removed
