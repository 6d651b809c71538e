"""File → Restore from a backup: the verified backups with their dates and entries; the
chosen one replaces the journal (the journal as it was is backed up first) and the window
reopens on it."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QListWidget, QMessageBox, QPushButton

from sciatica_journal.gui.application import run_window
from sciatica_journal.gui.main_window import MainWindow
from sciatica_journal.storage import backups
from tests.builders import new_session
from tests.conftest import NOW
from tests.gui.conftest import find


def _main_windows() -> list[MainWindow]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]


def test_restore_replaces_the_journal_and_reopens_the_window(qtbot, set_up_services):
    services = set_up_services
    services.sessions.record(new_session(NOW - dt.timedelta(hours=3)))
    backup = services.backups.make_daily()
    services.sessions.record(new_session(NOW - dt.timedelta(hours=1)))  # after the backup
    assert len(services.sessions.today().sessions) == 2
    steps: list[str] = []

    def drive() -> None:
        modal = QApplication.activeModalWidget()
        windows = [w for w in _main_windows() if w.isVisible()]
        if modal is not None and modal.accessibleName() == "Restore from a backup":
            listing = find(modal, "Verified backups", QListWidget)
            assert listing.count() == 1 and "2026" in listing.item(0).text()
            assert "1 session, " in listing.item(0).text()
            steps.append("chosen")
            QTimer.singleShot(0, find(modal, "Restore this backup", QPushButton).click)
        elif isinstance(modal, QMessageBox) and "Restore this backup?" in modal.windowTitle():
            steps.append("confirmed")
            modal.button(QMessageBox.StandardButton.Yes).click()
        elif isinstance(modal, QMessageBox):
            steps.append("told: " + modal.text().split("\n")[0])
            modal.accept()
        elif windows and not steps:
            steps.append("opened")
            QTimer.singleShot(0, windows[0].restore_backup)
        elif windows and steps[-1].startswith("told"):
            reopened = windows[0]
            steps.append(f"reopened with {len(reopened.today_page.table.selectedItems())}")
            steps.append(f"rows {reopened.today_page.table.rowCount()}")
            reopened.close()
            return
        QTimer.singleShot(50, drive)

    QTimer.singleShot(200, drive)
    assert run_window(services) == 0
    assert steps[:3] == ["opened", "chosen", "confirmed"]
    assert steps[3].startswith("told: Your journal was restored")
    assert steps[-1] == "rows 1"  # the session saved after the backup is gone
    saved = [p for p in backups.list_backups(services.backups.folder) if "before-restore" in p.name]
    assert len(saved) == 1 and backups.entry_counts(saved[0])["exercise_session"] == 2
    assert backup.exists()


def test_a_restore_can_be_undone_and_redone_from_the_edit_menu(qtbot, set_up_services):
    """Undo puts back the journal as it was before the restore (and the window reopens on
    it); Redo restores the backup again. Each replacement backs up the journal first."""
    services = set_up_services
    services.sessions.record(new_session(NOW - dt.timedelta(hours=3)))
    services.backups.make_daily()
    services.sessions.record(new_session(NOW - dt.timedelta(hours=1)))
    seen: list[str] = []

    def drive() -> None:
        modal = QApplication.activeModalWidget()
        windows = [w for w in _main_windows() if w.isVisible()]
        if modal is not None and modal.accessibleName() == "Restore from a backup":
            QTimer.singleShot(0, find(modal, "Restore this backup", QPushButton).click)
        elif isinstance(modal, QMessageBox) and "Restore this backup?" in modal.windowTitle():
            modal.button(QMessageBox.StandardButton.Yes).click()
        elif isinstance(modal, QMessageBox):
            seen.append("told: " + modal.text().split("\n")[0])
            modal.accept()
        elif windows:
            window = windows[0]
            rows = window.today_page.table.rowCount()
            undo, redo = window.runner.undo_action, window.runner.redo_action
            if not seen:
                seen.append(f"rows {rows}")
                QTimer.singleShot(0, window.restore_backup)
            elif seen[-1].startswith("told"):
                seen.append(f"rows {rows}; {undo.text()} | {redo.text()}")
                if len(seen) == 3:
                    QTimer.singleShot(0, undo.trigger)
                elif len(seen) == 5:
                    QTimer.singleShot(0, redo.trigger)
                else:
                    window.close()
                    return
        QTimer.singleShot(50, drive)

    QTimer.singleShot(200, drive)
    assert run_window(services) == 0
    name = next(p.name for p in backups.list_backups(services.backups.folder) if "daily" in p.name)
    label = f"restore from {name}"
    assert seen == [
        "rows 2",
        "told: Your journal was restored from the backup.",
        f"rows 1; &Undo {label} | &Redo",
        "told: The restore was undone: your journal is back as it was before it.",
        f"rows 2; &Undo | &Redo {label}",
        "told: The restore was done again.",
        f"rows 1; &Undo {label} | &Redo",
    ]
