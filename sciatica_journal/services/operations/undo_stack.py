"""Undo and redo: a stack of done steps, each knowing how to take itself back and do
itself again. Pure Python; the window shows the labels in its Edit menu."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sciatica_journal.domain.language import _
from sciatica_journal.services.operations.changes import ChangeSet

UNDO_LIMIT = 100  # steps kept; the oldest go first


@dataclass(frozen=True)
class Step:
    """A done operation: its label ("edit pain of Tue 1 Dec 09:48"), what it changed, and
    how to undo and redo it (each returns what it changed). ``replaces_journal``: undoing
    or redoing it replaces the journal file (a restore), after which the window reopens."""

    label: str
    changes: ChangeSet
    undo: Callable[[], ChangeSet]
    redo: Callable[[], ChangeSet]
    replaces_journal: bool = False


class NothingToUndo(Exception):
    """Undo or redo with nothing on that side of the stack."""


class UndoStack:
    def __init__(self, limit: int = UNDO_LIMIT) -> None:
        self._done: list[Step] = []
        self._undone: list[Step] = []
        self._limit = limit

    def push(self, step: Step) -> None:
        """A new operation: it can be undone, and what was undone can no longer be redone."""
        self._done.append(step)
        del self._done[: -self._limit]
        self._undone.clear()

    def push_undone(self, step: Step) -> None:
        """A step that arrives already undone (a restore undone, then the journal reopened):
        it waits on the redo side."""
        self._undone.append(step)

    @property
    def undo_label(self) -> str | None:
        return self._done[-1].label if self._done else None

    @property
    def redo_label(self) -> str | None:
        return self._undone[-1].label if self._undone else None

    def next_undo(self) -> Step | None:
        return self._done[-1] if self._done else None

    def next_redo(self) -> Step | None:
        return self._undone[-1] if self._undone else None

    def undo(self) -> ChangeSet:
        """Take the last step back. If that fails the step stays where it was."""
        if not self._done:
            raise NothingToUndo(_("there is nothing to undo"))
        step = self._done[-1]
        changes = step.undo()
        self._done.pop()
        self._undone.append(step)
        return changes

    def redo(self) -> ChangeSet:
        if not self._undone:
            raise NothingToUndo(_("there is nothing to redo"))
        step = self._undone[-1]
        changes = step.redo()
        self._undone.pop()
        self._done.append(step)
        return changes

    def clear(self) -> None:
        self._done.clear()
        self._undone.clear()

    def __len__(self) -> int:
        return len(self._done)
