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

from sciatica_journal.gui.window_fit import fit_to_screen
from sciatica_journal.services.backup_service import BackupInfo

REASONS = {
    "daily": "daily",
    "before-import": "before an import",
    "before-restore": "before a restore",
    "before-migration": "before an update",
    "manual": "made by hand",
}


def describe(info: BackupInfo) -> str:
    """E.g. "Tue 01 Dec 2026, 09:12 (daily): 1203 sessions, 140 check-ins, 12 notes"."""
    local = info.made_at.astimezone()
    reason = next((text for key, text in REASONS.items() if info.path.stem.endswith(key)), "")
    e = info.entries
    held = (
        f"{e.get('exercise_session', 0)} sessions, {e.get('symptom_map', 0)} symptom maps, "
        f"{e.get('journal_note', 0)} notes"
    )
    return f"{local:%a %d %b %Y, %H:%M}" + (f" ({reason})" if reason else "") + f": {held}"


class RestoreDialog(QDialog):
    def __init__(self, found: list[BackupInfo], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Restore from a backup")
        self.setAccessibleName("Restore from a backup")
        self.chosen: Path | None = None
        layout = QVBoxLayout(self)
        intro = QLabel(
            "Choose a verified backup to replace your journal with. Your journal as it is "
            "now is backed up first, so this can be undone by restoring that copy."
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.backups = QListWidget()
        self.backups.setAccessibleName("Verified backups")
        self.backups.setWordWrap(True)
        for info in found:
            item = QListWidgetItem(describe(info))
            item.setData(Qt.ItemDataRole.UserRole, str(info.path))
            item.setToolTip(str(info.path))
            self.backups.addItem(item)
        if not found:
            self.backups.addItem("No verified backup yet: one is made each day you open the app.")
            self.backups.setEnabled(False)
        self.backups.setCurrentRow(0)
        layout.addWidget(self.backups, stretch=1)
        buttons = QDialogButtonBox()
        self.restore_button = buttons.addButton(
            "Restore this backup…", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.restore_button.setAccessibleName("Restore this backup")
        self.restore_button.setEnabled(bool(found))
        cancel = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setAccessibleName("Cancel")
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
            "Restore this backup?",
            f"Replace your journal with the backup of {item.text().split(': ', 1)[0]}?\n\n"
            "Your journal as it is now is backed up first. The app reopens the journal.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.chosen = Path(str(item.data(Qt.ItemDataRole.UserRole)))
            self.accept()
