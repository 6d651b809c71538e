"""Journal: every entry, newest first, with notes to edit, pain to correct, delete and undo."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from typing import TypeVar

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from sciatica_journal.domain.journal import EntryKind, JournalEntry
from sciatica_journal.domain.language import _, clock_time, medium_date
from sciatica_journal.gui.cards import card
from sciatica_journal.gui.journal_dialogs import NoteDialog, PainDialog
from sciatica_journal.gui.journal_filter import ShowList
from sciatica_journal.gui.journal_model import (
    DATE,
    ENTRY,
    NOTE,
    SUMMARY,
    TIME,
    JournalModel,
    JournalProxy,
)
from sciatica_journal.gui.operation_runner import OperationRunner
from sciatica_journal.gui.wrapping import two_line_column_width
from sciatica_journal.services.journal_service import JournalError, JournalService
from sciatica_journal.services.operations import Done, Kind, Step

T = TypeVar("T")

SIZE_SAMPLE = 1  # rows measured to size a column (its margins; the texts are measured apart)
NOTE_WIDTH = 120  # pixels (two lines of a note); the summary takes the rest of the width
MAX_COLUMN_WIDTH = 200  # pixels; a longer text is elided and its tooltip shows it whole
LINES = 2  # of text in a row: an exercise's name wraps, a summary shows more


class JournalPage(QWidget):
    shows = frozenset({Kind.SESSIONS, Kind.CHECK_INS, Kind.NOTES, Kind.SCREENINGS})
    changed = Signal()  # an entry was edited, deleted, restored or added

    def __init__(
        self,
        journal_service: JournalService,
        runner: OperationRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._journal = journal_service
        self._runner = runner
        self._ops = runner.operations
        # Deletions made here, by their undo step: what Undo brings back and selects.
        self._deleted: dict[int, tuple[JournalEntry, str]] = {}
        self._sized = False
        self._stale = False
        self._announcing = False  # while telling others of a change made here
        self.setAccessibleName(_("Journal"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(14)

        title = QLabel(_("Journal"))
        title.setObjectName("pageTitle")
        layout.addWidget(title)

        entries_card, card_layout = card(_("Every entry"))
        self.model = JournalModel(
            journal_service, self, set_note=lambda *a: self._run(lambda: self._ops.set_note(*a))
        )
        self.proxy = JournalProxy(self.model, self)
        self.table = QTableView()
        self.table.setAccessibleName(_("Journal entries"))
        self.table.setAccessibleDescription(
            _(
                "Newest first. Click a column title to sort. Double-click a note, or press "
                "F2, to edit it. Delete removes the selected entry; Ctrl+Z brings it back."
            )
        )
        self.table.setModel(self.proxy)
        # Newest first; a click on a column title sorts in SQL (the model reads again).
        self.table.horizontalHeader().setSortIndicator(DATE, Qt.SortOrder.DescendingOrder)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setAccessibleName(_("Rows"))
        header = self.table.horizontalHeader()
        header.setAccessibleName(_("Columns"))
        # The rows fit the width of the page (no sideways scrolling): date and time get the
        # width their texts need, the entry's name its two lines', summary and note share
        # the rest; a text cut after two lines is elided and its tooltip shows it whole.
        header.setResizeContentsPrecision(SIZE_SAMPLE)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(SUMMARY, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(NOTE, NOTE_WIDTH)
        header.setMinimumSectionSize(48)
        # A scroll bar only when the window is narrower than the columns' minimum.
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        lines = LINES * self.table.fontMetrics().lineSpacing()
        self.table.verticalHeader().setDefaultSectionSize(lines + 8)
        self.empty_label = QLabel()
        self.empty_label.setWordWrap(True)
        self.empty_label.setAccessibleName(_("Journal is empty"))
        self.shown = ShowList()
        card_layout.addLayout(self.shown.labelled())
        card_layout.addWidget(self.empty_label)
        card_layout.addWidget(self.table, stretch=1)

        buttons = QHBoxLayout()
        self.add_button = self._button(
            _("Add note"), _("Add note"), _("Write a free note, dated now")
        )
        self.edit_button = self._button(
            _("Edit pain…"), _("Edit pain"), _("Correct the pain scores of the selected session")
        )
        self.delete_button = self._button(
            _("Delete"), _("Delete"), _("Delete the selected entry (Delete)")
        )
        self.undo_button = self._button(
            _("Undo"), _("Undo"), _("Bring back the last deleted entry (Ctrl+Z)")
        )
        self.add_button.clicked.connect(self.add_note)
        self.edit_button.clicked.connect(self.edit_pain)
        self.delete_button.clicked.connect(self.delete_selected)
        self.undo_button.clicked.connect(self.undo)
        for button in (self.add_button, self.edit_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.undo_button)
        card_layout.addLayout(buttons)
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.status_label.setAccessibleName(_("Journal status"))
        card_layout.addWidget(self.status_label)
        layout.addWidget(entries_card, stretch=1)

        # Delete only while the table itself has the focus (not while a note is being typed).
        delete_key = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.table)
        delete_key.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete_key.activated.connect(self.delete_selected)
        # Ctrl+Z is Edit → Undo (the same action, so the page alone answers it too).
        self.addAction(runner.undo_action)
        self.addAction(runner.redo_action)
        runner.undo_action.changed.connect(self._update_buttons)
        runner.stepped.connect(self._stepped)

        self.model.note_edited.connect(self._note_saved)
        self.model.edit_failed.connect(self._show_error)
        self.model.modelAboutToBeReset.connect(self._remember_selection)
        self.model.modelReset.connect(self._restore_selection)
        self.shown.chosen.connect(self.model.set_kinds)
        self._kept: JournalEntry | None = None  # selected while the rows are read again
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self._reload()

    def _button(self, text: str, name: str, tip: str) -> QPushButton:
        button = QPushButton(text)
        button.setAccessibleName(name)
        button.setToolTip(tip)
        return button

    # ---- state ------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the journal again (after a change made elsewhere), keeping the selection.

        A hidden page only notes that it is out of date and reads the journal when shown;
        the page's own changes are already on screen and are not read again."""
        if self._announcing:
            return
        if not self.isVisible():
            self._stale = True
            return
        self._reload()

    def _reload(self) -> None:
        self._stale = False
        self.model.reload(keep=True)  # as far down as the rows read so far
        if not self._sized and self.model.rowCount():
            self._sized = True
            self._size_columns()

    def _size_columns(self) -> None:
        """Date and time as wide as the widest they can be, the entry's name as wide as the
        longest name there is: measured from the texts, never from every row."""
        days = [dt.date(2026, month, day) for month in range(1, 13) for day in range(22, 29)]
        times = [dt.time(hour, 58) for hour in range(24)]
        for col, texts in ((DATE, map(medium_date, days)), (TIME, map(clock_time, times))):
            width = max(
                self._text_width(col, texts), self.table.horizontalHeader().sectionSizeHint(col)
            )
            self.table.setColumnWidth(col, min(width, MAX_COLUMN_WIDTH))
        names = two_line_column_width(self.table, self._journal.titles())
        head = self.table.horizontalHeader().sectionSizeHint(ENTRY)
        self.table.setColumnWidth(ENTRY, min(max(names, head), MAX_COLUMN_WIDTH))

    def _text_width(self, col: int, texts: Iterable[str]) -> int:
        """The width of a cell of ``col`` holding the widest of ``texts`` and the first row's
        text: one cell measured (for the cell's margins), the texts by the font."""
        metrics = self.table.fontMetrics()
        first = str(self.model.index(0, col).data() or "")
        margins = self.table.sizeHintForColumn(col) - metrics.horizontalAdvance(first)
        return margins + max(metrics.horizontalAdvance(t) for t in [first, *texts])

    def _remember_selection(self) -> None:
        self._kept = self.selected_entry()

    def _restore_selection(self) -> None:
        """After the rows were read again: the entry selected before stays selected, when
        it is among the rows read (a sort may put it pages away)."""
        kept, self._kept = self._kept, None
        if kept is not None:
            self.select(kept.kind, kept.uuid)
        self._update_buttons()

    def showEvent(self, event: QShowEvent) -> None:
        if self._stale:
            self._reload()
        super().showEvent(event)

    def selected_entry(self) -> JournalEntry | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.model.entry(self.proxy.mapToSource(rows[0]).row())

    def select(self, kind: str, uuid: str) -> bool:
        row = self.model.row_of(kind, uuid)
        if row < 0:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, DATE))
        self.table.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.table.scrollTo(index)
        return True

    def _update_buttons(self) -> None:
        entry = self.selected_entry()
        empty = self.model.rowCount() == 0
        self.empty_label.setText(
            _("Nothing in the journal yet. Sessions, symptom check-ins and notes appear here.")
            if self.model.kinds is None
            else _("No entries of this kind. Choose All entries under Show to see every entry.")
        )
        self.empty_label.setVisible(empty)
        self.table.setVisible(not empty)
        # Safety answers stay (a session's go with it; Undo takes back ones just given).
        self.delete_button.setEnabled(entry is not None and entry.kind is not EntryKind.SCREENING)
        self.edit_button.setEnabled(entry is not None and entry.kind is EntryKind.SESSION)
        undo = self._runner.stack.undo_label
        self.undo_button.setEnabled(undo is not None)
        self.undo_button.setToolTip(
            _("Undo {step} (Ctrl+Z)").format(step=undo) if undo else _("Nothing to undo")
        )

    def _say(self, text: str) -> None:
        self.status_label.setObjectName("")
        self.status_label.setText(text)
        self._restyle()

    def _show_error(self, text: str) -> None:
        self.status_label.setObjectName("error")
        self.status_label.setText(_("Not saved: {problem}.").format(problem=text))
        self._restyle()

    def _restyle(self) -> None:
        style = self.status_label.style()
        style.unpolish(self.status_label)
        style.polish(self.status_label)

    # ---- actions ----------------------------------------------------------------------

    def add_note(self) -> None:
        dialog = NoteDialog(lambda text: self._run(lambda: self._ops.add_note(text)), self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.added is not None:
            self.model.put(dialog.added)
            self.select(*dialog.added.key)
            self._say(_("Note added."))
            self._done()

    def edit_pain(self) -> None:
        entry = self.selected_entry()
        if entry is None or entry.kind is not EntryKind.SESSION:
            return
        dialog = PainDialog(
            lambda *scores: self._run(lambda: self._ops.edit_session_pain(*scores)), entry, self
        )
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.updated is not None:
            self.model.put(dialog.updated)
            self.select(*dialog.updated.key)
            outcome = dialog.updated.outcome
            self._say(
                _("Pain scores saved. Outcome: {outcome}.").format(outcome=outcome.label)
                if outcome
                else _("Pain scores saved.")
            )
            self._done()

    def delete_selected(self) -> None:
        entry = self.selected_entry()
        if entry is None or entry.kind is EntryKind.SCREENING:
            return
        rows = self.table.selectionModel().selectedRows()
        position = rows[0].row() if rows else 0
        try:
            token = self._run(lambda: self._ops.delete(entry.kind, entry.uuid))
        except JournalError as exc:
            self._show_error(str(exc))
            self._reload()
            return
        step = self._runner.stack.next_undo()
        if step is not None:
            self._deleted[id(step)] = (entry, token.description)
        self.model.remove(entry.kind, entry.uuid)
        if self.proxy.rowCount() > 0:
            # The row that took its place is selected: Delete again goes on down the list.
            index = self.proxy.index(min(position, self.proxy.rowCount() - 1), DATE)
            self.table.selectionModel().setCurrentIndex(
                index,
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
        self._say(
            _("Deleted: {entry}. Undo (Ctrl+Z) brings it back.").format(entry=token.description)
        )
        self._done()

    def undo(self) -> None:
        """Undo the last operation (Edit → Undo)."""
        self._runner.undo()

    def _stepped(self, step: Step, redone: bool) -> None:
        """An undo or redo: an entry deleted here comes back selected (or goes again)."""
        deleted = self._deleted.get(id(step))
        if deleted is None:
            done = _("Redone: {step}.") if redone else _("Undone: {step}.")
            self._say(done.format(step=step.label))
        else:
            entry, description = deleted
            if redone:
                self.model.remove(entry.kind, entry.uuid)
                self._say(_("Deleted again: {entry}.").format(entry=description))
            else:
                self.model.put(self._journal.entry(entry.kind, entry.uuid))
                self.select(*entry.key)
                self._say(_("Restored: {entry}.").format(entry=description))
        self._done()

    def _run(self, operation: Callable[[], Done[T]]) -> T:
        """An operation started here: what it changed is already on this page."""
        self._announcing = True
        try:
            return self._runner.run(operation).value
        finally:
            self._announcing = False

    def _note_saved(self, entry: JournalEntry) -> None:
        self._say(_("Note saved: {entry}.").format(entry=entry.title))
        self._announce()

    def _done(self) -> None:
        self._update_buttons()
        self._announce()

    def _announce(self) -> None:
        self._announcing = True
        try:
            self.changed.emit()
        finally:
            self._announcing = False
