"""The profile fields (from ui/profile_form.ui), shared by the first-run set-up and Settings."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QEvent, QObject, Qt, QTime
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import QDateTimeEdit, QWidget

from sciatica_journal.domain.profile import AffectedSide, Profile
from sciatica_journal.domain.program import Program
from sciatica_journal.gui.forms.ui_profile_form import Ui_ProfileForm

SIDE_LABELS = {
    AffectedSide.RIGHT: "Right leg",
    AffectedSide.LEFT: "Left leg",
    AffectedSide.BOTH: "Both legs",
}


SEPARATORS = frozenset("-/. ")


class TypedDateEntry(QObject):
    """Lets a whole date be typed into a QDateTimeEdit in one go, e.g. "1985-03-14".

    Qt moves on to the next section by itself once a section is full (the year after four
    digits), so the separator the user types next would skip a whole section: it is
    swallowed. And typing while the whole text is selected, or after a click left the cursor
    in a full section, replaces that section (the first one when the click gave the field
    the focus) instead of being refused.
    """

    def __init__(self, edit: QDateTimeEdit) -> None:
        super().__init__(edit)
        self._edit = edit
        self._advanced_from: int | None = None  # section index before the last digit
        self._clicked_in = False
        edit.installEventFilter(self)
        edit.lineEdit().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        edit = self._edit
        if event.type() == QEvent.Type.KeyPress and watched is edit:
            assert isinstance(event, QKeyEvent)
            text = event.text()
            if text and text in SEPARATORS and self._advanced_from is not None:
                advanced = edit.currentSectionIndex() > self._advanced_from
                self._advanced_from = None
                if advanced:
                    return True  # Qt has moved on already
            elif text.isdigit():
                self._before_digit()
                self._advanced_from = edit.currentSectionIndex()
            else:
                self._advanced_from = None
        elif event.type() == QEvent.Type.FocusIn:
            assert isinstance(event, QFocusEvent)
            self._advanced_from = None
            self._clicked_in = event.reason() == Qt.FocusReason.MouseFocusReason
        elif event.type() == QEvent.Type.MouseButtonPress and not edit.hasFocus():
            self._clicked_in = True  # e.g. the click that also activates the window
        elif event.type() == QEvent.Type.MouseButtonRelease:
            self._advanced_from = None
            if self._clicked_in:  # clicked into the field: a whole date starts with the year
                edit.setCurrentSectionIndex(0)
            # Otherwise the section clicked. Either way what is typed next replaces it.
            edit.setSelectedSection(edit.currentSection())
            self._clicked_in = False
        return False

    def _before_digit(self) -> None:
        edit, line = self._edit, self._edit.lineEdit()
        selected = line.selectedText()
        if selected and selected == line.text():
            edit.setCurrentSectionIndex(0)
            edit.setSelectedSection(edit.sectionAt(0))


class ProfileForm(QWidget):
    def __init__(self, program: Program, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_ProfileForm()
        self.ui.setupUi(self)
        for side, label in SIDE_LABELS.items():
            self.ui.sideCombo.addItem(label, side.value)
        for rung in program.rungs:
            self.ui.rungCombo.addItem(f"{rung.number}. {rung.name}", rung.slug)
        self.ui.birthDateEdit.setMaximumDate(QDate.currentDate())
        self.ui.birthDateEdit.setMinimumDate(QDate(1900, 1, 1))
        self._birth_entry = TypedDateEntry(self.ui.birthDateEdit)
        self.ui.errorLabel.setStyleSheet("color: #a3261b; font-weight: 600;")
        self.ui.errorLabel.hide()
        self.ui.targetMinSpin.valueChanged.connect(self._keep_band_ordered)

    def _keep_band_ordered(self, minimum: int) -> None:
        if self.ui.targetMaxSpin.value() < minimum:
            self.ui.targetMaxSpin.setValue(minimum)

    def set_profile(self, profile: Profile) -> None:
        ui = self.ui
        ui.nameEdit.setText(profile.name)
        ui.birthDateCheck.setChecked(profile.birth_date is not None)
        birth = profile.birth_date or dt.date(1970, 1, 1)
        ui.birthDateEdit.setDate(QDate(birth.year, birth.month, birth.day))
        ui.sideCombo.setCurrentIndex(max(0, ui.sideCombo.findData(profile.affected_side.value)))
        ui.targetMinSpin.setValue(profile.target_min)
        ui.targetMaxSpin.setValue(profile.target_max)
        ui.wakingStartEdit.setTime(QTime(profile.waking_start.hour, profile.waking_start.minute))
        ui.wakingEndEdit.setTime(QTime(profile.waking_end.hour, profile.waking_end.minute))
        ui.rungCombo.setCurrentIndex(max(0, ui.rungCombo.findData(profile.starting_rung)))
        ui.remindersCheck.setChecked(profile.reminders_enabled)

    def profile(self) -> Profile:
        """The profile as edited in the form."""
        ui = self.ui
        birth = None
        if ui.birthDateCheck.isChecked():
            q = ui.birthDateEdit.date()
            birth = dt.date(q.year(), q.month(), q.day())
        start, end = ui.wakingStartEdit.time(), ui.wakingEndEdit.time()
        return Profile(
            name=ui.nameEdit.text().strip(),
            birth_date=birth,
            affected_side=AffectedSide(ui.sideCombo.currentData()),
            target_min=ui.targetMinSpin.value(),
            target_max=ui.targetMaxSpin.value(),
            waking_start=dt.time(start.hour(), start.minute()),
            waking_end=dt.time(end.hour(), end.minute()),
            reminders_enabled=ui.remindersCheck.isChecked(),
            starting_rung=str(ui.rungCombo.currentData()),
        )

    def show_error(self, message: str, field: str = "") -> None:
        self.ui.errorLabel.setText(message)
        self.ui.errorLabel.setVisible(bool(message))
        widget = {
            "name": self.ui.nameEdit,
            "birth_date": self.ui.birthDateEdit,
            "target_min": self.ui.targetMinSpin,
            "target_max": self.ui.targetMaxSpin,
            "waking_start": self.ui.wakingStartEdit,
            "waking_end": self.ui.wakingEndEdit,
            "starting_rung": self.ui.rungCombo,
            "affected_side": self.ui.sideCombo,
        }.get(field)
        if widget is not None:
            widget.setFocus()
