"""The profile fields (from ui/profile_form.ui), shared by the first-run set-up and Settings."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QTime
from PySide6.QtWidgets import QWidget

from sciatica_journal.domain.language import N_, _
from sciatica_journal.domain.preferences import Appearance
from sciatica_journal.domain.profile import AffectedSide, Profile
from sciatica_journal.domain.program import Program
from sciatica_journal.gui.date_entry import TypedDateEntry
from sciatica_journal.gui.forms.ui_profile_form import Ui_ProfileForm
from sciatica_journal.services.languages import LANGUAGES, SYSTEM

SIDE_LABELS = {
    AffectedSide.RIGHT: N_("Right leg"),
    AffectedSide.LEFT: N_("Left leg"),
    AffectedSide.BOTH: N_("Both legs"),
}
APPEARANCE_LABELS = {
    Appearance.SYSTEM: N_("System (follow the desktop)"),
    Appearance.LIGHT: N_("Light"),
    Appearance.DARK: N_("Dark"),
}
SYSTEM_LANGUAGE_LABEL = N_("System default")


class ProfileForm(QWidget):
    def __init__(self, program: Program, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_ProfileForm()
        self.ui.setupUi(self)
        for side, label in SIDE_LABELS.items():
            self.ui.sideCombo.addItem(_(label), side.value)
        for rung in program.rungs:
            self.ui.rungCombo.addItem(rung.label, rung.slug)
        for appearance, label in APPEARANCE_LABELS.items():
            self.ui.appearanceCombo.addItem(_(label), appearance.value)
        # Each language by its own name (never translated), after the system's.
        self.ui.languageCombo.addItem(_(SYSTEM_LANGUAGE_LABEL), SYSTEM)
        for code, name in LANGUAGES.items():
            self.ui.languageCombo.addItem(name, code)
        self.ui.birthDateEdit.setMaximumDate(QDate.currentDate())
        self.ui.birthDateEdit.setMinimumDate(QDate(1900, 1, 1))
        self._birth_entry = TypedDateEntry(self.ui.birthDateEdit)
        self.ui.errorLabel.hide()
        self.ui.targetMinSpin.valueChanged.connect(self._keep_band_ordered)
        # Running in the background is for the reminders: only with them on.
        self.ui.remindersCheck.toggled.connect(self.ui.backgroundCheck.setEnabled)
        self.ui.backgroundCheck.setEnabled(self.ui.remindersCheck.isChecked())

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

    def set_appearance(self, appearance: Appearance) -> None:
        combo = self.ui.appearanceCombo
        combo.setCurrentIndex(max(0, combo.findData(appearance.value)))

    def set_background(self, keep_running: bool) -> None:
        self.ui.backgroundCheck.setChecked(keep_running)

    def background(self) -> bool:
        """Keep running in the background (a preference, not part of the profile)."""
        return self.ui.backgroundCheck.isChecked()

    def appearance(self) -> Appearance:
        """Light, dark, or the desktop's scheme (a preference, not part of the profile)."""
        return Appearance(self.ui.appearanceCombo.currentData())

    def set_language(self, code: str) -> None:
        combo = self.ui.languageCombo
        combo.setCurrentIndex(max(0, combo.findData(code)))

    def language(self) -> str:
        """ "system" (the desktop's language) or a language code ("de"): a preference."""
        return str(self.ui.languageCombo.currentData())

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
