"""The profile set-up on first run, and the Settings dialog later: one dialog, two titles."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from sciatica_journal.domain.profile import ProfileError
from sciatica_journal.gui.profile_form import ProfileForm
from sciatica_journal.gui.window_fit import capped_size, fit_to_screen, scrolling
from sciatica_journal.services.profile_service import ProfileService


class ProfileDialog(QDialog):
    def __init__(
        self,
        profiles: ProfileService,
        form: ProfileForm,
        *,
        first_run: bool,
        parent: QWidget | None = None,
        backup_note: str = "",
    ) -> None:
        super().__init__(parent)
        self._profiles = profiles
        current = profiles.profile()
        self.form = form
        self.setWindowTitle("Set up your journal" if first_run else "Settings")
        self.setAccessibleName(self.windowTitle())
        layout = QVBoxLayout(self)
        if first_run:
            intro = QLabel(
                "A few details so the journal fits you. You can change all of this later "
                "in Settings. Only the affected side and the daily target matter to start."
            )
            intro.setWordWrap(True)
            layout.addWidget(intro)
        layout.addWidget(scrolling(form), stretch=1)
        # A problem is shown beside the buttons, where it is seen, even if the form scrolls.
        layout.addWidget(form.ui.errorLabel)
        if backup_note:
            note = QLabel(backup_note)
            note.setObjectName("hint")
            note.setWordWrap(True)
            note.setAccessibleName("Backups")
            layout.addWidget(note)
        buttons = QDialogButtonBox()
        save = buttons.addButton(
            "Start using the journal" if first_run else "Save",
            QDialogButtonBox.ButtonRole.AcceptRole,
        )
        save.setAccessibleName(save.text())
        save.setDefault(True)
        if not first_run:
            buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
            cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
            cancel.setAccessibleName("Cancel")
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        form.set_profile(current)
        fit_to_screen(self, self.sizeHint().expandedTo(QSize(560, 0)) + QSize(24, 0))

    def _save(self) -> None:
        try:
            self._profiles.save(self.form.profile())
        except ProfileError as exc:
            self.form.show_error(str(exc).capitalize() + ".", exc.field)
            # The message takes room of its own (the fields keep theirs; it scrolls if needed).
            wanted = self.size().expandedTo(self.sizeHint())
            self.resize(capped_size(self, wanted))
            return
        self.accept()
