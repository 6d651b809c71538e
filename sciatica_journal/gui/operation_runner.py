"""Runs the journal's operations for the window: a busy cursor while one works, its change
set announced to the pages, and Edit → Undo / Redo naming what they take back."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from sciatica_journal import APP_NAME
from sciatica_journal.domain.language import _
from sciatica_journal.services.operations import (
    USER_ERRORS,
    ChangeSet,
    Done,
    NothingToUndo,
    Operations,
    Step,
    UndoStack,
)

T = TypeVar("T")


class BusyCursor:
    def __enter__(self) -> None:
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)

    def __exit__(self, *_: object) -> None:
        QApplication.restoreOverrideCursor()


class OperationRunner(QObject):
    changed = Signal(object)  # the ChangeSet of an operation, an undo or a redo
    said = Signal(str)  # what an undo or redo did, in a sentence
    stepped = Signal(object, bool)  # the Step undone (False) or redone (True), when done

    def __init__(self, operations: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.operations = operations
        self._parent = parent
        self.undo_action = QAction(_("&Undo"), parent)
        self.undo_action.setObjectName("undoAction")
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.undo_action.triggered.connect(lambda: self.undo())
        self.redo_action = QAction(_("&Redo"), parent)
        self.redo_action.setObjectName("redoAction")
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.redo_action.triggered.connect(lambda: self.redo())
        self.update_actions()

    @property
    def stack(self) -> UndoStack:
        return self.operations.undo_stack

    def run(self, operation: Callable[[], Done[T]]) -> Done[T]:
        """Run one operation with a busy cursor; its errors go to the caller (which shows
        them where the user is looking); the pages hear what changed."""
        with BusyCursor():
            done = operation()
        self._announce(done.changes)
        return done

    def run_or_warn(self, operation: Callable[[], Done[T]]) -> Done[T] | None:
        """Run an operation started from a menu: a problem is said in a message box."""
        try:
            return self.run(operation)
        except USER_ERRORS as exc:
            QMessageBox.warning(
                self._parent, APP_NAME, _("Nothing was changed: {problem}").format(problem=exc)
            )
            return None

    def undo(self) -> ChangeSet | None:
        return self._step(self.stack.undo, self.stack.next_undo(), redone=False)

    def redo(self) -> ChangeSet | None:
        return self._step(self.stack.redo, self.stack.next_redo(), redone=True)

    def _step(
        self, action: Callable[[], ChangeSet], step: Step | None, *, redone: bool
    ) -> ChangeSet | None:
        if step is None:
            return None
        try:
            with BusyCursor():
                changes = action()
        except NothingToUndo:
            return None
        except USER_ERRORS as exc:
            failed = (
                _("Redo was not possible: {problem}")
                if redone
                else _("Undo was not possible: {problem}")
            )
            QMessageBox.warning(self._parent, APP_NAME, failed.format(problem=exc))
            self.update_actions()
            return None
        self._announce(changes)
        self.stepped.emit(step, redone)
        said = _("Redone: {step}.") if redone else _("Undone: {step}.")
        self.said.emit(said.format(step=step.label))
        return changes

    def _announce(self, changes: ChangeSet) -> None:
        self.update_actions()
        if changes:
            self.changed.emit(changes)

    def update_actions(self) -> None:
        undo, redo = self.stack.undo_label, self.stack.redo_label
        self.undo_action.setEnabled(undo is not None)
        self.undo_action.setText(_("&Undo {step}").format(step=undo) if undo else _("&Undo"))
        self.redo_action.setEnabled(redo is not None)
        self.redo_action.setText(_("&Redo {step}").format(step=redo) if redo else _("&Redo"))
