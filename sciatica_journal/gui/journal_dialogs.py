"""The Journal page's dialogs: correct a session's pain scores, write a free note. Each
saves through an operation (so it can be undone) handed in by the page."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from sciatica_journal.domain.journal import JournalEntry
from sciatica_journal.domain.language import N_, _, clock_time, medium_date
from sciatica_journal.services.journal_service import JournalError

# (uuid, back before, leg before, back after, leg after) -> the session as saved
SavePain = Callable[[str, int, int, int | None, int | None], JournalEntry]
SaveNote = Callable[[str], JournalEntry]  # the text -> the note as saved

PAIN_FIELDS = (
    ("back_before", N_("Back pain before")),
    ("leg_before", N_("Leg pain before")),
    ("back_after", N_("Back pain after")),
    ("leg_after", N_("Leg pain after")),
)


def _button_row(dialog: QDialog, ok_text: str) -> QDialogButtonBox:
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
    ok.setText(ok_text)
    ok.setAccessibleName(ok_text)
    cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
    cancel.setAccessibleName(_("Cancel"))
    buttons.rejected.connect(dialog.reject)
    return buttons


def _error_label() -> QLabel:
    label = QLabel()
    label.setObjectName("error")
    label.setWordWrap(True)
    label.setAccessibleName(_("Error"))
    label.hide()
    return label


class PainDialog(QDialog):
    """Correct the four pain scores of a session; the service judges the outcome again."""

    def __init__(self, save: SavePain, entry: JournalEntry, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._save = save
        self._entry = entry
        self.updated: JournalEntry | None = None
        self.setWindowTitle(_("Edit pain scores"))
        self.setAccessibleName(_("Edit pain scores"))
        layout = QVBoxLayout(self)
        day = entry.local_date
        intro = QLabel(
            _("{entry}, {date} at {time}").format(
                entry=entry.title, date=medium_date(day), time=clock_time(entry.local_time)
            )
        )
        intro.setObjectName("fieldTitle")
        intro.setAccessibleName(_("Session"))
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
        for key, english in PAIN_FIELDS:
            label = _(english)
            spin = QSpinBox()
            spin.setAccessibleName(label)
            spin.setToolTip(_("{score}, 0 (none) to 10 (worst imaginable)").format(score=label))
            spin.setRange(0, 10)
            if key.endswith("_after") and entry.stopped_for_pain:
                # A session stopped for pain may have no scores after it.
                spin.setMinimum(-1)
                spin.setSpecialValueText(_("Not recorded"))
            value = values[key]
            spin.setValue(-1 if value is None and spin.minimum() < 0 else (value or 0))
            self.spins[key] = spin
            form.addRow(label, spin)
        layout.addLayout(form)
        hint = QLabel(_("The outcome of the session is judged again from the new scores."))
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        layout.addWidget(hint)
        self.error_label = _error_label()
        layout.addWidget(self.error_label)
        buttons = _button_row(self, _("Save"))
        buttons.accepted.connect(self.save)
        layout.addWidget(buttons)

    def _value(self, key: str) -> int | None:
        value = self.spins[key].value()
        return None if value < 0 else value

    def save(self) -> None:
        try:
            self.updated = self._save(
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

    def __init__(self, save: SaveNote, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._save = save
        self.added: JournalEntry | None = None
        self.setWindowTitle(_("Add a note"))
        self.setAccessibleName(_("Add a note"))
        layout = QVBoxLayout(self)
        label = QLabel(_("Note"))
        label.setObjectName("fieldTitle")
        layout.addWidget(label)
        self.text = QPlainTextEdit()
        self.text.setAccessibleName(_("Note text"))
        self.text.setPlaceholderText(_("How it went, what helped, questions for your clinician…"))
        self.text.setTabChangesFocus(True)
        label.setBuddy(self.text)
        layout.addWidget(self.text)
        self.error_label = _error_label()
        layout.addWidget(self.error_label)
        buttons = _button_row(self, _("Save note"))
        buttons.accepted.connect(self.save)
        layout.addWidget(buttons)
        self.resize(460, 260)

    def save(self) -> None:
        try:
            self.added = self._save(self.text.toPlainText())
        except JournalError as exc:
            self.error_label.setText(str(exc).capitalize() + ".")
            self.error_label.show()
            return
        self.accept()
