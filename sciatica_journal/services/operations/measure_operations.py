"""The weekly check as an operation: saved whole, with its undo on the undo stack."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from sciatica_journal.domain.language import _, day_and_month
from sciatica_journal.domain.measure_results import Answer
from sciatica_journal.services.measure_service import MeasureService
from sciatica_journal.services.operations.changes import ChangeSet, Kind
from sciatica_journal.services.operations.journal_operations import Done
from sciatica_journal.services.operations.undo_stack import Step, UndoStack


def record_weekly_check(
    stack: UndoStack, weekly: MeasureService, answers: Mapping[str, Sequence[Answer]]
) -> Done[tuple[str, ...]]:
    """Save one weekly check (``answers`` by measure code); undo takes it back whole, redo
    saves it again as answered then."""
    at = weekly.now()
    state = {"uuids": weekly.record(answers, at=at)}
    day = weekly.today()
    changes = ChangeSet.of(Kind.MEASURES, days=(day,))

    def undo() -> ChangeSet:
        weekly.forget(state["uuids"])
        return changes

    def redo() -> ChangeSet:
        state["uuids"] = weekly.record(answers, at=at)
        return changes

    label = _("weekly check of {day}").format(day=day_and_month(day))
    stack.push(Step(label, changes, undo, redo))
    return Done(state["uuids"], changes, label)
