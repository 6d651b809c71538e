"""Journal: every entry, newest first, with notes to edit, pain to correct, delete and undo."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from sciatica_journal.domain.journal import EntryKind, JournalEntry
from sciatica_journal.gui.cards import card
from sciatica_journal.gui.journal_model import (
    DATE,
    ENTRY,
    NOTE,
    SUMMARY,
    TIME,
    JournalModel,
    JournalProxy,
)
from sciatica_journal.services.journal_service import JournalError, JournalService, UndoToken

SIZE_SAMPLE = 200  # rows measured to size the columns
NOTE_WIDTH = 150  # pixels; the summary takes the rest of the width
MAX_COLUMN_WIDTH = 200  # pixels; a longer text is elided and its tooltip shows it whole

PAIN_FIELDS = (
    ("back_before", "Back pain before"),
    ("leg_before", "Leg pain before"),
    ("back_after", "Back pain after"),
    ("leg_after", "Leg pain after"),
)


def _button_row(dialog: QDialog, ok_text: str) -> QDialogButtonBox:
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
    ok.setText(ok_text)
    ok.setAccessibleName(ok_text)
    cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
    cancel.setAccessibleName("Cancel")
    buttons.rejected.connect(dialog.reject)
    return buttons


def _error_label() -> QLabel:
    label = QLabel()
    label.setObjectName("error")
    label.setWordWrap(True)
    label.setAccessibleName("Error")
    label.hide()
    return label


class PainDialog(QDialog):
    """Correct the four pain scores of a session; the service judges the outcome again."""

    def __init__(
        self, journal: JournalService, entry: JournalEntry, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._journal = journal
        self._entry = entry
        self.updated: JournalEntry | None = None
        self.setWindowTitle("Edit pain scores")
        self.setAccessibleName("Edit pain scores")
        layout = QVBoxLayout(self)
        day = entry.local_date
        intro = QLabel(f"{entry.title}, {day:%a} {day.day} {day:%b %Y} at {entry.local_time:%H:%M}")
        intro.setObjectName("fieldTitle")
        intro.setAccessibleName("Session")
        layout.addWidget(intro)
        form = QFormLayout()
        before, after = entry.pain_before, entry.pain_after
        values = {
            "back_before": before.back if before else 0,
            "leg_before": before.leg if before else 0,
            "back_after": after.back if after else None,
            "leg_after": after.leg if after else None,
        }
        self.spins: dict[str, QSpinBox] = {}
        for key, label in PAIN_FIELDS:
            spin = QSpinBox()
            spin.setAccessibleName(label)
            spin.setToolTip(f"{label}, 0 (none) to 10 (worst imaginable)")
            spin.setRange(0, 10)
            if key.endswith("_after") and entry.stopped_for_pain:
                # A session stopped for pain may have no scores after it.
                spin.setMinimum(-1)
                spin.setSpecialValueText("Not recorded")
            value = values[key]
            spin.setValue(-1 if value is None and spin.minimum() < 0 else (value or 0))
            self.spins[key] = spin
            form.addRow(label, spin)
        layout.addLayout(form)
        hint = QLabel("The outcome of the session is judged again from the new scores.")
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        layout.addWidget(hint)
        self.error_label = _error_label()
        layout.addWidget(self.error_label)
        buttons = _button_row(self, "Save")
        buttons.accepted.connect(self.save)
        layout.addWidget(buttons)

    def _value(self, key: str) -> int | None:
        value = self.spins[key].value()
        return None if value < 0 else value

    def save(self) -> None:
        try:
            self.updated = self._journal.edit_session_pain(
                self._entry.uuid,
                self.spins["back_before"].value(),
                self.spins["leg_before"].value(),
                self._value("back_after"),
                self._value("leg_after"),
            )
        except JournalError as exc:
            self.error_label.setText(str(exc).capitalize() + ".")
            self.error_label.show()
            return
        self.accept()


class NoteDialog(QDialog):
    """Write a free note (not tied to a session or a check-in)."""

    def __init__(self, journal: JournalService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._journal = journal
        self.added: JournalEntry | None = None
        self.setWindowTitle("Add a note")
        self.setAccessibleName("Add a note")
        layout = QVBoxLayout(self)
        label = QLabel("Note")
        label.setObjectName("fieldTitle")
        layout.addWidget(label)
        self.text = QPlainTextEdit()
        self.text.setAccessibleName("Note text")
        self.text.setPlaceholderText("How it went, what helped, questions for your clinician…")
        self.text.setTabChangesFocus(True)
        label.setBuddy(self.text)
        layout.addWidget(self.text)
        self.error_label = _error_label()
        layout.addWidget(self.error_label)
        buttons = _button_row(self, "Save note")
        buttons.accepted.connect(self.save)
        layout.addWidget(buttons)
        self.resize(460, 260)

    def save(self) -> None:
        try:
            self.added = self._journal.add_note(self.text.toPlainText())
        except JournalError as exc:
            self.error_label.setText(str(exc).capitalize() + ".")
            self.error_label.show()
            return
        self.accept()


class JournalPage(QWidget):
    changed = Signal()  # an entry was edited, deleted, restored or added

    def __init__(self, journal_service: JournalService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._journal = journal_service
        self._undo: list[UndoToken] = []
        self._sized = False
        self._stale = False
        self._announcing = False  # while telling others of a change made here
        self.setAccessibleName("Journal")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(14)

        title = QLabel("Journal")
        title.setObjectName("pageTitle")
        layout.addWidget(title)

        entries_card, card_layout = card("Every entry")
        self.model = JournalModel(journal_service, self)
        self.proxy = JournalProxy(self.model, self)
        self.table = QTableView()
        self.table.setAccessibleName("Journal entries")
        self.table.setAccessibleDescription(
            "Newest first. Click a column title to sort. Double-click a note, or press F2, "
            "to edit it. Delete removes the selected entry; Ctrl+Z brings it back."
        )
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(DATE, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setAccessibleName("Rows")
        header = self.table.horizontalHeader()
        header.setAccessibleName("Columns")
        # The rows fit the width of the page (no sideways scrolling): date, time and entry
        # get the width their texts need, summary and note share the rest; a cut text is
        # elided and its tooltip shows it whole.
        header.setResizeContentsPrecision(SIZE_SAMPLE)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(SUMMARY, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(NOTE, NOTE_WIDTH)
        header.setMinimumSectionSize(48)
        # A scroll bar only when the window is narrower than the columns' minimum.
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.empty_label = QLabel(
            "Nothing in the journal yet. Sessions, symptom check-ins and notes appear here."
        )
        self.empty_label.setWordWrap(True)
        self.empty_label.setAccessibleName("Journal is empty")
        card_layout.addWidget(self.empty_label)
        card_layout.addWidget(self.table, stretch=1)

        buttons = QHBoxLayout()
        self.add_button = self._button("Add note", "Add note", "Write a free note, dated now")
        self.edit_button = self._button(
            "Edit pain…", "Edit pain", "Correct the pain scores of the selected session"
        )
        self.delete_button = self._button("Delete", "Delete", "Delete the selected entry (Delete)")
        self.undo_button = self._button(
            "Undo", "Undo", "Bring back the last deleted entry (Ctrl+Z)"
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
        self.status_label.setAccessibleName("Journal status")
        card_layout.addWidget(self.status_label)
        layout.addWidget(entries_card, stretch=1)

        # Delete only while the table itself has the focus (not while a note is being typed).
        delete_key = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.table)
        delete_key.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete_key.activated.connect(self.delete_selected)
        undo_key = QShortcut(QKeySequence(QKeySequence.StandardKey.Undo), self)
        undo_key.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        undo_key.activated.connect(self.undo)

        self.model.note_edited.connect(self._note_saved)
        self.model.edit_failed.connect(self._show_error)
        self.model.modelReset.connect(self._update_buttons)
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
        selected = self.selected_entry()
        self.model.reload()
        if not self._sized and self.model.rowCount():
            self._sized = True
            for col in (DATE, TIME, ENTRY):
                self.table.resizeColumnToContents(col)
                width = min(self.table.columnWidth(col), MAX_COLUMN_WIDTH)
                self.table.setColumnWidth(col, width)
        if selected is not None:
            self.select(selected.kind, selected.uuid)
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
        self.empty_label.setVisible(empty)
        self.table.setVisible(not empty)
        self.delete_button.setEnabled(entry is not None)
        self.edit_button.setEnabled(entry is not None and entry.kind is EntryKind.SESSION)
        self.undo_button.setEnabled(bool(self._undo))

    def _say(self, text: str) -> None:
        self.status_label.setObjectName("")
        self.status_label.setText(text)
        self._restyle()

    def _show_error(self, text: str) -> None:
        self.status_label.setObjectName("error")
        self.status_label.setText(f"Not saved: {text}.")
        self._restyle()

    def _restyle(self) -> None:
        style = self.status_label.style()
        style.unpolish(self.status_label)
        style.polish(self.status_label)

    # ---- actions ----------------------------------------------------------------------

    def add_note(self) -> None:
        dialog = NoteDialog(self._journal, self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.added is not None:
            self.model.put(dialog.added)
            self.select(*dialog.added.key)
            self._say("Note added.")
            self._done()

    def edit_pain(self) -> None:
        entry = self.selected_entry()
        if entry is None or entry.kind is not EntryKind.SESSION:
            return
        dialog = PainDialog(self._journal, entry, self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.updated is not None:
            self.model.put(dialog.updated)
            self.select(*dialog.updated.key)
            outcome = dialog.updated.outcome
            self._say("Pain scores saved." + (f" Outcome: {outcome.label}." if outcome else ""))
            self._done()

    def delete_selected(self) -> None:
        entry = self.selected_entry()
        if entry is None:
            return
        rows = self.table.selectionModel().selectedRows()
        position = rows[0].row() if rows else 0
        try:
            token = self._journal.delete(entry.kind, entry.uuid)
        except JournalError as exc:
            self._show_error(str(exc))
            self._reload()
            return
        self._undo.append(token)
        self.model.remove(entry.kind, entry.uuid)
        if self.proxy.rowCount() > 0:
            # The row that took its place is selected: Delete again goes on down the list.
            index = self.proxy.index(min(position, self.proxy.rowCount() - 1), DATE)
            self.table.selectionModel().setCurrentIndex(
                index,
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
        self._say(f"Deleted: {token.description}. Undo (Ctrl+Z) brings it back.")
        self._done()

    def undo(self) -> None:
        """Bring back the entry deleted last."""
        if not self._undo:
            return
        token = self._undo.pop()
        try:
            restored = self._journal.undo_delete(token)
        except JournalError as exc:
            self._show_error(str(exc))
            self._update_buttons()
            return
        self.model.put(restored)
        self.select(*restored.key)
        self._say(f"Restored: {token.description}.")
        self._done()

    def _note_saved(self, entry: JournalEntry) -> None:
        self._say(f"Note saved: {entry.title}.")
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
