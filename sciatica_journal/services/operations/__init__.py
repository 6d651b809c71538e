"""Operations: every change to the journal, with what it changed and how to undo it."""

from sciatica_journal.services.operations.changes import NOTHING, ChangeSet, Kind
from sciatica_journal.services.operations.journal_operations import USER_ERRORS, Done, Operations
from sciatica_journal.services.operations.undo_stack import NothingToUndo, Step, UndoStack

__all__ = [
    "NOTHING",
    "USER_ERRORS",
    "ChangeSet",
    "Done",
    "Kind",
    "NothingToUndo",
    "Operations",
    "Step",
    "UndoStack",
]
