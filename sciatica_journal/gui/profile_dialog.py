"""The profile set-up on first run, and the Settings dialog later: one dialog, two titles."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sciatica_journal.domain.profile import ProfileError
from sciatica_journal.gui.file_dialogs import ask_folder
from sciatica_journal.gui.operation_runner import OperationRunner
from sciatica_journal.gui.profile_form import ProfileForm
from sciatica_journal.gui.window_fit import capped_size, fit_to_screen, scrolling
from sciatica_journal.services.backup_service import BackupService
from sciatica_journal.services.preferences_service import PreferencesService
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
        backups: BackupService | None = None,
        runner: OperationRunner | None = None,
        preferences: PreferencesService | None = None,
    ) -> None:
        super().__init__(parent)
        self._profiles = profiles
        self._preferences = preferences
        self._runner = runner  # Settings: changes can be undone; first run: no window yet
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
        self._backups = backups
        if backup_note:
            row = QHBoxLayout()
            self.backup_label = QLabel(backup_note)
            self.backup_label.setObjectName("hint")
            self.backup_label.setWordWrap(True)
            self.backup_label.setAccessibleName("Backups")
            row.addWidget(self.backup_label, stretch=1)
            if backups is not None:
                change = QPushButton("Backup folder…")
                change.setAccessibleName("Choose the backup folder")
                change.setToolTip(
                    "Keep the daily backups in another folder, e.g. a synced or external one"
                )
                change.clicked.connect(self.choose_backup_folder)
                row.addWidget(change)
            layout.addLayout(row)
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
        form.ui.appearanceCombo.setVisible(preferences is not None)
        form.ui.appearanceLabel.setVisible(preferences is not None)
        form.ui.backgroundCheck.setVisible(preferences is not None)
        if preferences is not None:
            form.set_appearance(preferences.preferences().appearance)
            form.set_background(preferences.preferences().run_in_background)
        fit_to_screen(self, self.sizeHint().expandedTo(QSize(560, 0)) + QSize(24, 0))

    def choose_backup_folder(self, folder: Path | None = None) -> bool:
        """Move the backups to another folder; a verified backup is made there at once."""
        if self._backups is None:
            return False
        if folder is None:
            folder = ask_folder(self, "Keep the backups in", self._backups.folder)
            if folder is None:
                return False
        try:
            if self._runner is not None:
                runner, chosen = self._runner, folder
                runner.run(lambda: runner.operations.set_backup_folder(chosen))
            else:
                self._backups.set_folder(folder)
        except OSError as exc:
            self.backup_label.setText(f"The backup folder was not changed: {exc.strerror or exc}")
            return False
        self.backup_label.setText(
            f"Backups are now kept in {folder}; a verified backup was just made there."
        )
        return True

    def _save(self) -> None:
        try:
            profile = self.form.profile()
            chosen = None
            if self._preferences is not None:
                chosen = replace(
                    self._preferences.preferences(),
                    appearance=self.form.appearance(),
                    run_in_background=self.form.background(),
                )
            if self._runner is not None:
                runner = self._runner
                runner.run(lambda: runner.operations.save_profile(profile, chosen))
            else:
                self._profiles.save(profile)  # the first run: before any window
                if self._preferences is not None and chosen is not None:
                    self._preferences.save(chosen)
        except ProfileError as exc:
            self.form.show_error(str(exc).capitalize() + ".", exc.field)
            # The message takes room of its own (the fields keep theirs; it scrolls if needed).
            wanted = self.size().expandedTo(self.sizeHint())
            self.resize(capped_size(self, wanted))
            return
        self.accept()
