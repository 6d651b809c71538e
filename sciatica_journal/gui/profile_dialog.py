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
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sciatica_journal.domain.language import _
from sciatica_journal.domain.preferences import Preferences
from sciatica_journal.domain.profile import ProfileError
from sciatica_journal.gui.file_dialogs import ask_folder
from sciatica_journal.gui.guide_settings import GuideSettings
from sciatica_journal.gui.guide_sound import GuideSetup
from sciatica_journal.gui.operation_runner import OperationRunner
from sciatica_journal.gui.profile_form import ProfileForm
from sciatica_journal.gui.window_fit import capped_size, fit_to_screen, scrolling
from sciatica_journal.services.backup_service import BackupService
from sciatica_journal.services.failures import os_problem
from sciatica_journal.services.languages import LANGUAGES
from sciatica_journal.services.preferences_service import PreferencesService
from sciatica_journal.services.profile_service import ProfileService


class ProfileDialog(QDialog):
    """``restart_wanted``: after Save, the user chose to restart now in the language they
    chose (Settings only; the window does it)."""

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
        guide: GuideSetup | None = None,
    ) -> None:
        super().__init__(parent)
        self._profiles = profiles
        self._preferences = preferences
        self._runner = runner  # Settings: changes can be undone; first run: no window yet
        self.restart_wanted = False
        current = profiles.profile()
        self.form = form
        self.setWindowTitle(_("Set up your journal") if first_run else _("Settings"))
        self.setAccessibleName(self.windowTitle())
        layout = QVBoxLayout(self)
        if first_run:
            intro = QLabel(
                _(
                    "A few details so the journal fits you. You can change all of this later "
                    "in Settings. Only the affected side and the daily target matter to start."
                )
            )
            intro.setWordWrap(True)
            layout.addWidget(intro)
        content = QWidget()
        fields = QVBoxLayout(content)
        fields.setContentsMargins(0, 0, 0, 0)
        fields.addWidget(form)
        self.guide_settings: GuideSettings | None = None
        if preferences is not None:  # Settings (not the first run): how a set sounds
            self.guide_settings = GuideSettings(guide or GuideSetup())
            self.guide_settings.set_preferences(preferences.preferences())
            own = form.layout()
            row = QHBoxLayout()
            if own is not None:  # in line with the form's own groups
                inner = own.contentsMargins()
                row.setContentsMargins(inner.left(), 0, inner.right(), inner.bottom())
            row.addWidget(self.guide_settings)
            fields.addLayout(row)
        layout.addWidget(scrolling(content), stretch=1)
        # A problem is shown beside the buttons, where it is seen, even if the form scrolls.
        layout.addWidget(form.ui.errorLabel)
        self._backups = backups
        if backup_note:
            row = QHBoxLayout()
            self.backup_label = QLabel(backup_note)
            self.backup_label.setObjectName("hint")
            self.backup_label.setWordWrap(True)
            self.backup_label.setAccessibleName(_("Backups"))
            row.addWidget(self.backup_label, stretch=1)
            if backups is not None:
                change = QPushButton(_("Backup folder…"))
                change.setAccessibleName(_("Choose the backup folder"))
                change.setToolTip(
                    _("Keep the daily backups in another folder, e.g. a synced or external one")
                )
                change.clicked.connect(self.choose_backup_folder)
                row.addWidget(change)
            layout.addLayout(row)
        buttons = QDialogButtonBox()
        save = buttons.addButton(
            _("Start using the journal") if first_run else _("Save"),
            QDialogButtonBox.ButtonRole.AcceptRole,
        )
        save.setAccessibleName(save.text())
        save.setDefault(True)
        if not first_run:
            buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
            cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
            cancel.setAccessibleName(_("Cancel"))
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        form.set_profile(current)
        for widget in (
            form.ui.appearanceCombo,
            form.ui.appearanceLabel,
            form.ui.languageCombo,
            form.ui.languageLabel,
            form.ui.backgroundCheck,
        ):
            widget.setVisible(preferences is not None)
        if preferences is not None:
            form.set_appearance(preferences.preferences().appearance)
            form.set_language(preferences.preferences().language)
            form.set_background(preferences.preferences().run_in_background)
        fit_to_screen(self, self.sizeHint().expandedTo(QSize(560, 0)) + QSize(24, 0))

    def done(self, result: int) -> None:
        if self.guide_settings is not None:
            self.guide_settings.close_sound()
        super().done(result)

    def choose_backup_folder(self, folder: Path | None = None) -> bool:
        """Move the backups to another folder; a verified backup is made there at once."""
        if self._backups is None:
            return False
        if folder is None:
            folder = ask_folder(self, _("Keep the backups in"), self._backups.folder)
            if folder is None:
                return False
        try:
            if self._runner is not None:
                runner, chosen = self._runner, folder
                runner.run(lambda: runner.operations.set_backup_folder(chosen))
            else:
                self._backups.set_folder(folder)
        except OSError as exc:
            self.backup_label.setText(
                _("The backup folder was not changed: {problem}").format(problem=os_problem(exc))
            )
            return False
        self.backup_label.setText(
            _("Backups are now kept in {folder}; a verified backup was just made there.").format(
                folder=folder
            )
        )
        return True

    def _save(self) -> None:
        try:
            profile = self.form.profile()
            chosen = before = None
            if self._preferences is not None:
                before = self._preferences.preferences()
                chosen = replace(
                    before,
                    appearance=self.form.appearance(),
                    language=self.form.language(),
                    run_in_background=self.form.background(),
                )
                if self.guide_settings is not None:
                    chosen = self.guide_settings.chosen(chosen)
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
        if before is not None and chosen is not None and chosen.language != before.language:
            self._tell_about_language(chosen)
        self.accept()

    def _tell_about_language(self, chosen: Preferences) -> None:
        """A new language is spoken from the next start: said plainly; in Settings the
        window can be opened again in it right away. (On the first run the app starts in
        it at once: nothing to say.)"""
        if self._runner is None:
            return
        name = LANGUAGES.get(chosen.language, _("the system's language"))
        box = QMessageBox(
            QMessageBox.Icon.Information,
            _("Language"),
            _("The app will speak {language} from its next start.").format(language=name),
            parent=self,
        )
        box.setAccessibleName(_("Language"))
        later = box.addButton(_("Later"), QMessageBox.ButtonRole.AcceptRole)
        later.setAccessibleName(_("Later"))
        box.setInformativeText(
            _(
                "Restart now to see it at once: the window closes and opens again. "
                "Everything is saved; only Edit → Undo starts afresh."
            )
        )
        restart = box.addButton(_("Restart now"), QMessageBox.ButtonRole.ActionRole)
        restart.setAccessibleName(_("Restart now"))
        box.setDefaultButton(later)
        box.exec()
        self.restart_wanted = box.clickedButton() is restart
