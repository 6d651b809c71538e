"""The main window's File menu entries that move the journal in and out: export as JSON
or CSV and import JSON (the main window inherits them; kept apart to keep it small)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QMainWindow, QMessageBox

from sciatica_journal import APP_NAME
from sciatica_journal.domain.language import _
from sciatica_journal.gui.file_dialogs import ask_folder, ask_open_path, ask_save_path
from sciatica_journal.gui.operation_runner import BusyCursor, OperationRunner
from sciatica_journal.services.container import Services


class TransferActions(QMainWindow):
    """Export and import on ``_services``' journal, through ``runner`` (set by the window)."""

    _services: Services
    runner: OperationRunner
    last_transfer_message: str

    def export_json(self, path: Path | None = None) -> bool:
        if path is None:
            path = ask_save_path(
                self,
                _("Export the journal"),
                Path.home() / "sciatica-journal.json",
                _("JSON (*.json)"),
            )
            if path is None:
                return False
        return self._transfer(
            lambda: self._services.transfer.export_json(path),
            _("Exported the journal to {path}.").format(path=path),
        )

    def export_csv(self, folder: Path | None = None) -> bool:
        if folder is None:
            folder = ask_folder(self, _("Export the tables into a folder"), Path.home())
            if folder is None:
                return False
        return self._transfer(
            lambda: self._services.transfer.export_csv(folder),
            _("Exported the tables (CSV) into {folder}.").format(folder=folder),
        )

    def import_json(self, path: Path | None = None) -> bool:
        if path is None:
            path = ask_open_path(self, _("Import a journal"), Path.home(), _("JSON (*.json)"))
            if path is None:
                return False
        chosen = path
        done = self.runner.run_or_warn(lambda: self._services.operations.import_json(chosen))
        if done is None:
            return False
        message = _("Import: {what}.").format(what=done.value.describe())
        self.statusBar().showMessage(message, 15_000)
        self.last_transfer_message = message
        return True

    def _transfer(self, action: Callable[[], object], message: str) -> bool:
        """Run an export with a busy cursor; report the result or the problem."""
        from sciatica_journal.services.transfer import TransferError

        try:
            with BusyCursor():
                action()
        except TransferError as exc:
            QMessageBox.warning(
                self, APP_NAME, _("Nothing was changed: {problem}").format(problem=exc)
            )
            return False
        self.statusBar().showMessage(message, 15_000)
        self.last_transfer_message = message
        return True
