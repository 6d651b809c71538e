"""File → Restore from a backup: the verified backups with their dates and what they hold;
the chosen one replaces the journal after the journal as it is now is backed up."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from sciatica_journal.domain.language import N_, _, clock_time, medium_date, n_
from sciatica_journal.gui.window_fit import fit_to_screen
from sciatica_journal.services.backup_service import BackupInfo

REASONS = {
    "daily": N_("daily"),
    "before-import": N_("before an import"),
    "before-restore": N_("before a restore"),
    "before-migration": N_("before an update"),
    "manual": N_("made by hand"),
}


def describe(info: BackupInfo) -> str:
    """E.g. "Tue 1 Dec 2026, 09:12 (daily): 1203 sessions, 140 symptom maps, 12 notes"."""
    local = info.made_at.astimezone()
    reason = next((text for key, text in REASONS.items() if info.path.stem.endswith(key)), "")
    e = info.entries
    sessions, maps, notes = (
        e.get("exercise_session", 0),
        e.get("symptom_map", 0),
        e.get("journal_note", 0),
    )
    held = _("{sessions}, {maps}, {notes}").format(
        sessions=n_("{n} session", "{n} sessions", sessions).format(n=sessions),
        maps=n_("{n} symptom map", "{n} symptom maps", maps).format(n=maps),
        notes=n_("{n} note", "{n} notes", notes).format(n=notes),
    )
    when = _("{date}, {time}").format(date=medium_date(local.date()), time=clock_time(local))
    if reason:
        return _("{when} ({reason}): {held}").format(when=when, reason=_(reason), held=held)
    return _("{when}: {held}").format(when=when, held=held)


class RestoreDialog(QDialog):
    def __init__(self, found: list[BackupInfo], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Restore from a backup"))
        self.setAccessibleName(_("Restore from a backup"))
        self.chosen: Path | None = None
        layout = QVBoxLayout(self)
        intro = QLabel(
            _(
                "Choose a verified backup to replace your journal with. Your journal as it "
                "is now is backed up first, so this can be undone by restoring that copy."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.backups = QListWidget()
        self.backups.setAccessibleName(_("Verified backups"))
        self.backups.setWordWrap(True)
        for info in found:
            item = QListWidgetItem(describe(info))
            item.setData(Qt.ItemDataRole.UserRole, str(info.path))
            item.setToolTip(str(info.path))
            self.backups.addItem(item)
        if not found:
            self.backups.addItem(
                _("No verified backup yet: one is made each day you open the app.")
            )
            self.backups.setEnabled(False)
        self.backups.setCurrentRow(0)
        layout.addWidget(self.backups, stretch=1)
        buttons = QDialogButtonBox()
        self.restore_button = buttons.addButton(
            _("Restore this backup…"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.restore_button.setAccessibleName(_("Restore this backup"))
        self.restore_button.setEnabled(bool(found))
        cancel = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setAccessibleName(_("Cancel"))
        buttons.accepted.connect(self._confirm)
        buttons.rejected.connect(self.reject)
        self.backups.itemDoubleClicked.connect(lambda _item: self._confirm())
        layout.addWidget(buttons)
        fit_to_screen(self, QSize(640, 420))

    def _confirm(self) -> None:
        item = self.backups.currentItem()
        if item is None or not self.restore_button.isEnabled():
            return
        answer = QMessageBox.question(
            self,
            _("Restore this backup?"),
            _(
                "Replace your journal with the backup of {backup}?\n\n"
                "Your journal as it is now is backed up first. The app reopens the journal."
            ).format(backup=item.text().split(": ", 1)[0]),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.chosen = Path(str(item.data(Qt.ItemDataRole.UserRole)))
            self.accept()
