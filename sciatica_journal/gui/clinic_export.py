"""File → Export for your clinic's record…: the FHIR export of the whole journal
(docs/fhir.md). Asks where to write it, then — when the profile holds a name or a birth
date — whether to include them; the main window only adds the menu entry."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QMessageBox

from sciatica_journal import APP_NAME
from sciatica_journal.domain.language import _
from sciatica_journal.gui import file_dialogs
from sciatica_journal.gui.operation_runner import BusyCursor
from sciatica_journal.services.container import Services


class ClinicExport:
    def __init__(self, window: QMainWindow, services: Services) -> None:
        self._window = window
        self._services = services
        self.last_message = ""
        self.action = QAction(_("Export for your clinic's record…"), window)
        self.action.setStatusTip(_("A FHIR file your clinic's record system can take"))
        self.action.triggered.connect(lambda: self.run())  # not its 'checked'

    def run(self, path: Path | None = None, include_identity: bool | None = None) -> bool:
        if path is None:
            path = file_dialogs.ask_save_path(
                self._window,
                _("Export for your clinic's record"),
                Path.home() / "sciatica-journal-fhir.json",
                _("FHIR JSON (*.json)"),
            )
            if path is None:
                return False
        if include_identity is None:
            include_identity = self._ask_identity()
        from sciatica_journal.services.transfer import TransferError

        try:
            with BusyCursor():
                self._services.fhir.export(path, include_identity=include_identity)
        except TransferError as exc:
            QMessageBox.warning(
                self._window, APP_NAME, _("Nothing was changed: {problem}").format(problem=exc)
            )
            return False
        self.last_message = _("Exported for your clinic's record to {path}.").format(path=path)
        self._window.statusBar().showMessage(self.last_message, 15_000)
        return True

    def _ask_identity(self) -> bool:
        profile = self._services.profiles.profile()
        if not profile.name and profile.birth_date is None:
            return False
        box = QMessageBox(
            QMessageBox.Icon.Question,
            APP_NAME,
            _("Include your name and birth date in the file for your clinic?"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self._window,
        )
        box.setAccessibleName(_("Include your name and birth date"))
        box.setDefaultButton(QMessageBox.StandardButton.No)
        return box.exec() == QMessageBox.StandardButton.Yes
